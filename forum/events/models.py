"""Events of the agenda (OpenAgenda / schema.org ``Event``), their timings and the members' answers.

Times are stored in UTC (``UTCDateTime``) and typed and shown in Paris time. ``uid`` never changes
and ``sequence`` grows at each significant edit, as an iCalendar VEVENT needs (RFC 5545).
"""

from __future__ import annotations

import enum
import tomllib
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from importlib import resources

from markupsafe import Markup
from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.accounts.models import User
from forum.core.i18n import gettext
from forum.core.markdown import stored_html
from forum.core.models import Base, Hideable, UTCDateTime, WrittenIn, str_enum, utcnow
from forum.fabriques.models import Fabrique
from forum.resources.models import Loan, Resource


@dataclass(frozen=True)
class Label:
    label: str
    schema: str


@cache
def labels(vocabulary: str) -> dict[str, Label]:
    """The labels of one vocabulary of data/labels.toml (kinds, attendance_modes, statuses, answers)."""
    text = resources.files("forum.events").joinpath("data/labels.toml").read_text(encoding="utf-8")
    return {code: Label(**entry) for code, entry in tomllib.loads(text)[vocabulary].items()}


class _Labelled(str, enum.Enum):
    """An enumeration whose members' labels are one vocabulary of data/labels.toml (``VOCABULARY``)."""

    @property
    def label(self) -> str:
        """The label in the language being written (the catalogue holds the file's French labels)."""
        return gettext(self.source_label)

    @property
    def source_label(self) -> str:
        """The French label of data/labels.toml, the catalogue's msgid."""
        return labels(self.VOCABULARY)[self.value].label

    @property
    def schema(self) -> str:
        return labels(self.VOCABULARY)[self.value].schema


class EventKind(_Labelled):
    MEETING = "rencontre"
    WORKSHOP = "atelier"
    TRAINING = "formation"
    WEBINAR = "webinaire"
    OPEN_DAY = "portes-ouvertes"
    OTHER = "autre"

    VOCABULARY = enum.nonmember("kinds")


class AttendanceMode(_Labelled):
    OFFLINE = "sur-place"
    ONLINE = "en-ligne"
    MIXED = "mixte"

    VOCABULARY = enum.nonmember("attendance_modes")

    @property
    def has_place(self) -> bool:
        return self is not AttendanceMode.ONLINE

    @property
    def is_online(self) -> bool:
        return self is not AttendanceMode.OFFLINE


class EventStatus(_Labelled):
    SCHEDULED = "prevu"
    POSTPONED = "reporte"
    FULL = "complet"
    CANCELLED = "annule"

    VOCABULARY = enum.nonmember("statuses")


class PlaceKind(str, enum.Enum):
    """Where an event is held: one of its fabrique's rooms, a room booked from another fabrique, an address."""

    OWN_SPACE = "espace"
    BOOKED_ROOM = "salle-reservee"
    ADDRESS = "adresse"
    NONE = "aucun"  # online only


class Answer(_Labelled):
    GOING = "going"
    INTERESTED = "interested"
    NOT_GOING = "not_going"

    VOCABULARY = enum.nonmember("answers")


class Event(Hideable, WrittenIn, Base):
    """An event a fabrique organises; ``starts_at``/``ends_at`` span its timings (for sorting and filters)."""

    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_fabrique_id_starts_at", "fabrique_id", "starts_at"),
        Index("ix_events_ends_at", "ends_at"),
        Index("ix_events_loan_id", "loan_id"),
        CheckConstraint("ends_at > starts_at", name="period_ordered"),
        CheckConstraint("capacity IS NULL OR capacity >= 1", name="capacity_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Stable across edits (iCalendar UID); ``sequence`` counts significant edits (iCalendar SEQUENCE).
    uid: Mapped[str] = mapped_column(String(80), unique=True)
    sequence: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    fabrique_id: Mapped[int] = mapped_column(ForeignKey("fabriques.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(140))
    summary: Mapped[str] = mapped_column(String(200), default="")
    description_source: Mapped[str] = mapped_column(Text, default="")
    description_html: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[EventKind] = mapped_column(str_enum(EventKind))
    attendance_mode: Mapped[AttendanceMode] = mapped_column(str_enum(AttendanceMode))
    place_kind: Mapped[PlaceKind] = mapped_column(str_enum(PlaceKind))
    resource_id: Mapped[int | None] = mapped_column(ForeignKey("resources.id", ondelete="SET NULL"))
    loan_id: Mapped[int | None] = mapped_column(ForeignKey("loans.id", ondelete="SET NULL"))
    address: Mapped[str] = mapped_column(String(300), default="")
    online_url: Mapped[str] = mapped_column(String(500), default="")
    registration: Mapped[str] = mapped_column(String(300), default="")
    accessibility: Mapped[str] = mapped_column(String(300), default="")
    audience: Mapped[str] = mapped_column(String(200), default="")
    is_free: Mapped[bool] = mapped_column(Boolean, default=True)
    price_details: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[EventStatus] = mapped_column(str_enum(EventStatus), default=EventStatus.SCHEDULED)
    capacity: Mapped[int | None] = mapped_column(Integer)
    # The image, through the catalogue's photo pipeline (forum/resources/photos.py): file names in its store.
    image_filename: Mapped[str | None] = mapped_column(String(64))
    image_thumbnail: Mapped[str | None] = mapped_column(String(64))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Optimistic locking of edits (forum.core.locking.check_version).
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    fabrique: Mapped[Fabrique] = relationship(lazy="raise_on_sql")
    author: Mapped[User | None] = relationship(foreign_keys=[author_id], lazy="raise_on_sql")
    resource: Mapped[Resource | None] = relationship(lazy="raise_on_sql")
    loan: Mapped[Loan | None] = relationship(lazy="raise_on_sql")
    timings: Mapped[list[EventTiming]] = relationship(
        back_populates="event", cascade="all, delete-orphan", lazy="raise_on_sql", order_by="EventTiming.starts_at")

    @property
    def description(self) -> Markup:
        return stored_html(self.description_html)

    @property
    def is_cancelled(self) -> bool:
        return self.status is EventStatus.CANCELLED


class EventTiming(Base):
    """One occurrence of an event (OpenAgenda's "timing"): a start and an end, UTC."""

    __tablename__ = "event_timings"
    __table_args__ = (
        Index("ix_event_timings_event_id", "event_id"),
        Index("ix_event_timings_starts_at", "starts_at"),
        CheckConstraint("ends_at > starts_at", name="period_ordered"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)

    event: Mapped[Event] = relationship(back_populates="timings", lazy="raise_on_sql")


class Rsvp(Base):
    """A member's answer to an event: one row per member and event (a second answer changes it).

    ``waiting``: « je viens » beyond the capacity; the waiting list is ordered by ``queued_at``
    (first come, first served) and moves up when a confirmed attendee withdraws."""

    __tablename__ = "event_rsvps"
    __table_args__ = (
        UniqueConstraint("event_id", "user_id", name="uq_event_rsvps_event_id_user_id"),
        Index("ix_event_rsvps_user_id", "user_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    answer: Mapped[Answer] = mapped_column(str_enum(Answer))
    waiting: Mapped[bool] = mapped_column(Boolean, default=False)
    queued_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    answered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # The reminder of the day before, sent once (forum.events.reminders).
    reminder_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship(lazy="raise_on_sql")
    event: Mapped[Event] = relationship(lazy="raise_on_sql")
