"""The read side of the agenda: listings with filters, the month grid, a fabrique's events, the map."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from flask_babel import gettext as _, lazy_gettext

from sqlalchemy import Select, func, select
from sqlalchemy.orm import joinedload, selectinload

from forum.core.dates import PARIS
from forum.core.errors import Invalid
from forum.core.pagination import Page, paginate
from forum.events.models import AttendanceMode, Event, EventKind, EventStatus, EventTiming
from forum.extensions import db
from forum.fabriques.geography import DEPARTMENTS, REGIONS
from forum.fabriques.models import Fabrique
from forum.resources.models import Resource

_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
BAD_DATE = lazy_gettext("La date doit s'écrire AAAA-MM-JJ, par exemple 2026-12-24.")


def _paris_midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=PARIS).astimezone(timezone.utc)


@dataclass(frozen=True)
class AgendaFilters:
    """The agenda's filters, from the query string (unknown values are ignored, a bad date is a 400)."""

    kind: str = ""
    region: str = ""
    department: str = ""
    online: bool = False
    day: date | None = None

    @classmethod
    def from_args(cls, args) -> AgendaFilters:
        kind = args.get("type", "")
        region = args.get("region", "")
        department = args.get("departement", "")
        raw_day = args.get("date", "")
        day = None
        if raw_day:
            if not _DAY.fullmatch(raw_day):
                raise Invalid(str(BAD_DATE))
            try:
                day = date.fromisoformat(raw_day)
            except ValueError:
                raise Invalid(str(BAD_DATE)) from None
            if not 2000 <= day.year <= 2100:  # (midnight in Paris of year 1 is before datetime.min in UTC)
                raise Invalid(_("Choisissez une date entre 2000 et 2100."))
        return cls(kind=kind if kind in {member.value for member in EventKind} else "",
                   region=region if region in REGIONS else "",
                   department=department if department in DEPARTMENTS else "",
                   online=args.get("en_ligne") == "1", day=day)

    def as_args(self) -> dict[str, str]:
        args = {"type": self.kind, "region": self.region, "departement": self.department,
                "en_ligne": "1" if self.online else "", "date": self.day.isoformat() if self.day else ""}
        return {key: value for key, value in args.items() if value}

    def apply(self, statement: Select) -> Select:
        if self.kind:
            statement = statement.where(Event.kind == EventKind(self.kind))
        if self.region:
            statement = statement.where(Fabrique.region_code == self.region)
        if self.department:
            statement = statement.where(Fabrique.department_code == self.department)
        if self.online:
            statement = statement.where(Event.attendance_mode.in_((AttendanceMode.ONLINE, AttendanceMode.MIXED)))
        if self.day:
            statement = statement.where(Event.ends_at > _paris_midnight(self.day))
        return statement


def _listed() -> Select:
    """Visible events with their fabrique (one join), soonest first."""
    return (select(Event).join(Fabrique, Fabrique.id == Event.fabrique_id)
            .where(Event.hidden_at.is_(None))
            .options(joinedload(Event.fabrique), selectinload(Event.timings)))


def upcoming(filters: AgendaFilters, page: int, per_page: int, now: datetime) -> Page[Event]:
    """Events not over yet (cancelled ones included, shown struck), soonest first."""
    statement = filters.apply(_listed().where(Event.ends_at > now)).order_by(Event.starts_at, Event.id)
    return paginate(db.session, statement, page, per_page)


def parse_month(raw: str | None, today: date) -> date:
    """The first day of the month asked for (``2026-12``), this month by default; 400 for nonsense."""
    if not raw:
        return today.replace(day=1)
    match = _MONTH.fullmatch(raw)
    if match is None or not 1 <= int(match.group(2)) <= 12 or not 2000 <= int(match.group(1)) <= 2100:
        raise Invalid(_("Le mois doit s'écrire AAAA-MM, par exemple 2026-12."))
    return date(int(match.group(1)), int(match.group(2)), 1)


@dataclass(frozen=True)
class DayEntry:
    event: Event
    starts_at: datetime


@dataclass(frozen=True)
class MonthView:
    first: date
    weeks: list[list[date]]  # Monday-first weeks covering the month
    by_day: dict[date, list[DayEntry]]

    @property
    def previous(self) -> date:
        return (self.first - timedelta(days=1)).replace(day=1)

    @property
    def next(self) -> date:
        return (self.first + timedelta(days=31)).replace(day=1)

    @property
    def days_with_events(self) -> list[date]:
        return sorted(day for day in self.by_day if day.month == self.first.month)


def month_view(first: date, filters: AgendaFilters) -> MonthView:
    """Each day of the month's grid with the timings that start on it (Paris days): two queries."""
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    start, end = _paris_midnight(weeks[0][0]), _paris_midnight(weeks[-1][-1] + timedelta(days=1))
    statement = (filters.apply(
        select(EventTiming.starts_at, Event).join(Event, Event.id == EventTiming.event_id)
        .join(Fabrique, Fabrique.id == Event.fabrique_id)
        .where(Event.hidden_at.is_(None), EventTiming.starts_at >= start, EventTiming.starts_at < end)
        .options(joinedload(Event.fabrique)))
        .order_by(EventTiming.starts_at, Event.id))
    by_day: dict[date, list[DayEntry]] = {}
    for starts_at, event in db.session.execute(statement).unique():
        by_day.setdefault(starts_at.astimezone(PARIS).date(), []).append(DayEntry(event, starts_at))
    return MonthView(first, weeks, by_day)


@dataclass(frozen=True)
class EventHead:
    """What the event page needs before its (cached) body: who may see it, who may act, whether one may answer."""

    id: int
    fabrique_id: int
    author_id: int | None
    title: str
    status: EventStatus
    ends_at: datetime
    capacity: int | None
    hidden_at: datetime | None
    hidden_kind: object
    hidden_reason: str

    @property
    def is_cancelled(self) -> bool:
        return self.status is EventStatus.CANCELLED


def event_head(event_id: int) -> EventHead | None:
    row = db.session.execute(select(
        Event.id, Event.fabrique_id, Event.author_id, Event.title, Event.status, Event.ends_at, Event.capacity,
        Event.hidden_at, Event.hidden_kind, Event.hidden_reason).where(Event.id == event_id)).first()
    return EventHead(*row) if row is not None else None


def event_for_page(event_id: int) -> Event | None:
    return db.session.execute(
        select(Event).where(Event.id == event_id)
        .options(joinedload(Event.fabrique), joinedload(Event.resource).joinedload(Resource.fabrique),
                 joinedload(Event.loan),
                 joinedload(Event.author), selectinload(Event.timings))).unique().scalar_one_or_none()


def upcoming_of_fabrique(fabrique_id: int, now: datetime, limit: int = 5) -> list[Event]:
    return list(db.session.execute(
        _listed().where(Event.fabrique_id == fabrique_id, Event.ends_at > now,
                        Event.status != EventStatus.CANCELLED)
        .order_by(Event.starts_at, Event.id).limit(limit)).unique().scalars())


def count_upcoming_of_fabrique(fabrique_id: int, now: datetime) -> int:
    return db.session.execute(select(func.count()).where(
        Event.fabrique_id == fabrique_id, Event.ends_at > now, Event.hidden_at.is_(None),
        Event.status != EventStatus.CANCELLED)).scalar_one()


def map_events(now: datetime, filters: AgendaFilters) -> list[tuple[Fabrique, list[Event]]]:
    """The fabriques with coordinates that organise upcoming events (not cancelled), with those events."""
    statement = filters.apply(
        _listed().where(Event.ends_at > now, Event.status != EventStatus.CANCELLED,
                        Fabrique.latitude.is_not(None), Fabrique.longitude.is_not(None))
    ).order_by(Event.starts_at, Event.id)
    grouped: dict[int, tuple[Fabrique, list[Event]]] = {}
    for event in db.session.execute(statement).unique().scalars():
        grouped.setdefault(event.fabrique_id, (event.fabrique, []))[1].append(event)
    return list(grouped.values())
