"""Demo material for rooms booked by the hour (``forum/demo/data/rooms.toml``): plain data, no randomness."""

from __future__ import annotations

from typing import NamedTuple

from forum.demo.loading import load_into


class OpeningProfile(NamedTuple):
    days: tuple[str, ...]  # Monday first, "" closed: as a manager types them in the rules form


OPENING_PROFILES: tuple[OpeningProfile, ...]
BUFFERS: tuple[int, ...]
MIN_MINUTES: tuple[int, ...]
MAX_MINUTES: tuple[int, ...]
APPROVAL_SHARE: float
WEEKS_BACK: int
WEEKS_AHEAD: int
PER_WEEK: tuple[int, ...]
MESSAGES: tuple[str, ...]
RETURN_NOTES: tuple[str, ...]

load_into(__name__, "rooms.toml")
