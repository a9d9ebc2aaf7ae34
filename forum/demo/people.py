"""Demo material about people: first and last names, jobs, bios.

Names are common French first and last names drawn at random: the people are fictitious.
The material lives in ``forum/demo/data/people.toml``; this module declares its types and loads it
(``forum.demo.loading``: an unknown, missing or mistyped key fails at import).
"""

from __future__ import annotations

from forum.demo.loading import load_into

FEMALE_FIRST_NAMES: tuple[str, ...]
MALE_FIRST_NAMES: tuple[str, ...]
LAST_NAMES: tuple[str, ...]

# Jobs as (masculine, feminine).
MANAGER_JOBS: tuple[tuple[str, str], ...]
MEMBER_JOBS: tuple[tuple[str, str], ...]
FREE_JOBS: tuple[tuple[str, str], ...]
MODERATOR_JOB: tuple[str, str]

BIO_TEMPLATES: tuple[str, ...]
BIO_TEMPLATES_NO_FABRIQUE: tuple[str, ...]
BIO_INTERESTS: tuple[str, ...]
BIO_PASSIONS: tuple[str, ...]
BIO_ACTIVITIES: tuple[str, ...]
BIO_TOPICS: tuple[str, ...]
BIO_PREVIOUS: tuple[str, ...]

load_into(__name__, "people.toml")
