"""What the demo's steps plan in memory before writing rows, and what later steps read back.

Plans refer to members and fabriques by index (see ``forum.demo.context.DemoContext``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from forum.demo import practice_texts as texts
from forum.demo.writer import Persona, ThreadText
from forum.practices.models import Practice, TrialOutcome
from forum.resources.models import LoanState, Resource

@dataclass
class PostPlan:
    """One post of a planned thread: its author, text and moments."""

    author: Persona
    body: str
    created_at: datetime
    edited_at: datetime | None = None
    deleted: bool = False


@dataclass
class ThreadPlan:
    """One thread: where, what kind, who opened it, when, and its posts once written."""

    category: str
    kind: str
    title: str
    ask: str
    op: Persona
    text: ThreadText
    start: datetime
    reply_count: int = 0
    is_question: bool = False  # marked as a question by its author (most question-like threads are)
    tags: list[str] = field(default_factory=list)
    posts: list[PostPlan] = field(default_factory=list)


@dataclass
class ResourcePlan:
    """A resource and what the later steps need to know about it."""

    resource: Resource
    fabrique_index: int
    word: str  # drawn on its cover photo
    listed_at: datetime | None = None  # when it was listed, before ``DemoContext.daytime`` (loans are planned from it)


@dataclass
class LoanPlan:
    """One loan of a planned resource, with its history and messages."""

    plan: ResourcePlan
    state: LoanState
    borrower: int  # fabrique index
    requester: int  # member index
    quantity: int
    start: date
    end: date
    message: str = ""
    return_note: str = ""
    # (moment, from state, to state, member index of the actor, note)
    events: list[tuple[datetime, LoanState | None, LoanState, int, str]] = field(default_factory=list)
    messages: list[tuple[datetime, int, str]] = field(default_factory=list)  # (moment, author, Markdown)
    reminders: dict[str, datetime] = field(default_factory=dict)


@dataclass
class ReportPlan:
    """One report: who wrote it, when, and every version of its content."""

    topic: texts.Topic
    kind: str
    title_index: int
    fabrique_index: int
    territory: str
    authors: list[int]  # member indices, the creator first
    created: datetime
    published: datetime | None
    confirmed: datetime | None = None
    coauthor_fabriques: list[int] = field(default_factory=list)
    states: list[dict] = field(default_factory=list)  # the report after each version, the first one first
    times: list[datetime] = field(default_factory=list)  # moment of each version
    editors: list[int] = field(default_factory=list)  # member index of each version's author
    snapshots: list[str] = field(default_factory=list)  # JSON snapshot of each version
    practice: Practice | None = None
    votes: list[tuple[datetime, int]] = field(default_factory=list)
    comments: list[tuple[datetime, int, str]] = field(default_factory=list)
    trials: list[tuple[datetime, int, int, TrialOutcome, str]] = field(default_factory=list)
    flags: list[tuple[datetime, int, str]] = field(default_factory=list)
