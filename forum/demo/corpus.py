"""French text material for the demo forum.

Conventions used by ``forum.demo.writer``:

- ``{slot}`` is replaced by a value: from the context (``{fabrique}``, ``{ville}``, ``{prenom_op}``...)
  or drawn from ``SLOTS``. Slots whose name starts with ``t_`` are drawn once per thread and
  keep their value in the title and in every post of that thread.
- ``⟦tu form|vous form⟧`` is resolved with the writer's register (tutoiement or vouvoiement).
- Gender agreement of the writer: ``{e}`` ("" / "e"), ``{preneur}``, ``{ravi}``, ``{curieux}``;
  ``{job}``; a capitalised slot name (``{Job}``, ``{A_fabrique}``) capitalises the value.
- "à Le …" / "de Les …" coming from proper names are contracted afterwards ("au …", "des …").

The material lives in ``forum/demo/data/corpus.toml``; this module declares its types and loads it
(``forum.demo.loading``: an unknown, missing or mistyped key fails at import).
"""

from __future__ import annotations

from typing import TypedDict

from forum.demo.loading import load_into


class CategoryTopics(TypedDict):
    """The material of one forum category (``TOPICS[category]``)."""

    questions: tuple[tuple[str, str], ...]  # (title, ask)
    discussions: tuple[tuple[str, str], ...]  # (title, intro)
    families: tuple[tuple[str, str, str], ...]  # (title with pinned slots, ask, kind: question|report|event|loan)
    advice: tuple[str, ...]  # answer paragraphs
    items: tuple[str, ...]  # list lines
    experiences: tuple[str, ...]  # first-hand facts
    outcomes: tuple[str, ...]  # what happened next (the asker's follow-up)


# -- Categories and tags -------------------------------------------------------------------
CATEGORIES: tuple[tuple[str, str, str], ...]  # (key, name, description) in display order
TAGS: tuple[str, ...]
CATEGORY_TAGS: dict[str, tuple[str, ...]]

# -- Slots and topics ----------------------------------------------------------------------
SLOTS: dict[str, tuple[str, ...]]
TOPICS: dict[str, CategoryTopics]

# -- Opening posts -------------------------------------------------------------------------
OP_GREETINGS: tuple[str, ...]
OP_CONTEXT: dict[str, tuple[str, ...]]
OP_TRIED_INTROS: tuple[str, ...]
OP_CLOSERS: tuple[str, ...]
REPORT_SECTIONS: tuple[tuple[str, str], ...]
REPORT_CLOSERS: tuple[str, ...]

# -- Replies -------------------------------------------------------------------------------
REPLY_GREETINGS: tuple[str, ...]
CONNECTORS: tuple[str, ...]
GENERIC_ADVICE: tuple[str, ...]
ADVICE_LEADS: tuple[str, ...]  # "": no lead
SHORT_REPLIES: tuple[str, ...]
SHORT_OPENINGS: tuple[str, ...]
SHORT_FOLLOWS: tuple[str, ...]
CLARIFY_QUESTIONS: tuple[str, ...]
CLARIFY_ANSWERS: tuple[str, ...]
DISCUSSION_PREFIXES: tuple[str, ...]
DISCUSSION_QUESTIONS: tuple[str, ...]
DISCUSSION_ANSWERS: tuple[tuple[str, ...], ...]  # aligned with DISCUSSION_QUESTIONS
THANKS_OPENINGS: tuple[str, ...]
THANKS_FOLLOWS: tuple[str, ...]
FOLLOWUP_INTROS: tuple[str, ...]
GENERIC_OUTCOMES: tuple[str, ...]
FOLLOWUP_CLOSERS: tuple[str, ...]
QUOTE_REACTIONS: tuple[str, ...]
QUOTE_HEADER: str  # str.format: {author}
LINK_SENTENCES: tuple[str, ...]
LIST_INTROS: tuple[str, ...]
SIGNOFFS: tuple[str, ...]
EDIT_NOTES: tuple[str, ...]

# -- Special threads -----------------------------------------------------------------------
PRESENTATION_TITLES: tuple[str, ...]
PRESENTATION_TITLES_MALE: tuple[str, ...]
PRESENTATION_OPENINGS: tuple[str, ...]
PRESENTATION_OPENING_WITHOUT_FABRIQUE: str
PRESENTATION_INTERESTS: tuple[str, ...]
PRESENTATION_ASKS: tuple[str, ...]
WELCOME_OPENINGS: tuple[str, ...]
WELCOME_FOLLOWS: tuple[str, ...]
PRESENTATION_THANKS: tuple[str, ...]
ADMIN_REPLIES: tuple[str, ...]
EVENT_REPLIES: tuple[str, ...]
EVENT_ANSWER_FOR: dict[int, int]  # index in EVENT_REPLIES -> index in EVENT_ANSWERS
EVENT_ANSWERS: tuple[str, ...]
EVENT_ANSWERS_GENERIC_FROM: int  # EVENT_ANSWERS from this index on answer a reply that asked nothing
LOAN_OFFERS: tuple[str, ...]
LOAN_CLOSERS: tuple[str, ...]
LOAN_THANKS: tuple[str, ...]
ADMIN_WELCOME_TITLE: str
ADMIN_WELCOME_BODY: str
ADMIN_CHARTER_TITLE: str
ADMIN_CHARTER_BODY: str

# -- Fabrique profiles ---------------------------------------------------------------------
SUMMARY_TEMPLATES: dict[str, tuple[str, ...]]
DESCRIPTION_ORIGINS: dict[str, tuple[str, ...]]
DESCRIPTION_HIGHLIGHTS: dict[str, tuple[str, ...]]
DESCRIPTION_ACTIVITY_INTROS: tuple[str, ...]
DESCRIPTION_MODULES_SENTENCE: str
DESCRIPTION_PEOPLE: tuple[str, ...]
DESCRIPTION_ACCESS: dict[str, tuple[str, ...]]
DESCRIPTION_WEBSITE: str  # str.format: {website}
REPORT_DIFFICULTIES: tuple[str, ...]
NEUTRAL_LIST_INTROS: tuple[str, ...]

# -- Words the writer recognises -----------------------------------------------------------
PROPER_WORDS: frozenset[str]  # keep their capital after a connector
STOP_WORDS: frozenset[str]  # left out of keywords (no accents)
REPORT_TITLE_WORDS: tuple[str, ...]  # in a report's title: "what worked / what did not" sections

load_into(__name__, "corpus.toml")
