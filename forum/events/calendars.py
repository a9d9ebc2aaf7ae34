"""Events, room bookings and loans as iCalendar (RFC 5545), built with the ``icalendar`` library.

Contracts every feed keeps:
- times carry their zone: ``DTSTART;TZID=Europe/Paris`` with the VTIMEZONE the calendar needs
  (``Calendar.add_missing_timezones``, bounded to the feed's dates), all-day loans as DATE values;
- an event's UID is ``Event.uid`` and never changes; its SEQUENCE is ``Event.sequence``;
- an event with several timings is one VEVENT per timing: the first keeps ``Event.uid``, the
  n-th is ``<uid local part>-<n>@<domain>``. Not a master VEVENT with RDATE and RECURRENCE-ID
  overrides: timings are irregular (each its own length), which needs RDATE;VALUE=PERIOD, that
  Google Calendar and Outlook ignore; independent VEVENTs are read the same by every app;
- a cancelled event stays, ``STATUS:CANCELLED``, so subscribed calendars take it off; a postponed
  one is TENTATIVE;
- DTSTAMP is the time the item last changed (RFC 5545 for a calendar without METHOD), so a
  feed's bytes change only when its content does (ETag, 304).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta
from functools import cache
from importlib import resources

import icalendar
from flask_babel import gettext

from forum.core.dates import PARIS
from forum.core.markdown import plain_excerpt
from forum.events.models import Event, EventStatus, EventTiming, PlaceKind
from forum.resources.models import Loan, LoanState

CONTENT_TYPE = "text/calendar; charset=utf-8"
# What the feeds hold: from 90 days ago to a year ahead (older and later items are left out).
PAST_DAYS, FUTURE_DAYS = 90, 365
# Subscribed calendars are asked to come back every hour (RFC 7986 REFRESH-INTERVAL, and Outlook's name).
REFRESH = timedelta(hours=1)
UID_DOMAIN = "forum-des-fabriques"
EVENT_STATUS = {EventStatus.SCHEDULED: "CONFIRMED", EventStatus.FULL: "CONFIRMED",
                EventStatus.POSTPONED: "TENTATIVE", EventStatus.CANCELLED: "CANCELLED"}
LOAN_STATUS = {LoanState.REQUESTED: "TENTATIVE", LoanState.ACCEPTED: "CONFIRMED", LoanState.LENT: "CONFIRMED",
               LoanState.RETURNED: "CONFIRMED", LoanState.CANCELLED: "CANCELLED", LoanState.DECLINED: "CANCELLED"}


@dataclass(frozen=True)
class Texts:
    """The sentences of data/calendars.toml (an unknown or missing key is an error at load)."""

    product: str
    site_name: str
    event_feed: str
    fabrique_feed: str
    fabrique_feed_description: str
    region_feed: str
    region_feed_description: str
    member_feed: str
    member_feed_description: str
    busy: str
    online: str
    online_link: str
    waiting: str
    interested: str
    organised_by: str
    room_at: str
    borrowing: str
    lending: str
    booking: str
    hosting: str
    loan_state: str


@cache
def source_texts() -> Texts:
    """The file's sentences, in French: the catalogue's msgids (``product`` is no sentence)."""
    raw = resources.files("forum.events").joinpath("data/calendars.toml").read_text(encoding="utf-8")
    entries = tomllib.loads(raw)["texts"]
    missing = {field.name for field in fields(Texts)} - set(entries)
    if missing:
        raise ValueError(f"data/calendars.toml: missing {sorted(missing)}")
    return Texts(**entries)


def texts() -> Texts:
    """The sentences in the language being written (their ``{name}`` placeholders left to fill: the
    msgid is translated, then formatted). The public feeds are written in French, a member's own
    feed in their language (forum.events.calendar_views)."""
    source = source_texts()
    return Texts(**{field.name: getattr(source, field.name) if field.name == "product"
                    else gettext(getattr(source, field.name)) for field in fields(Texts)})


@dataclass(frozen=True)
class BusySlot:
    """A confirmed booking of a fabrique's room, as its public feed shows it (nothing of who nor why)."""

    loan_id: int
    starts_at: datetime
    ends_at: datetime
    updated_at: datetime
    room: str


@dataclass(frozen=True)
class Window:
    """The period a feed covers (aware UTC instants)."""

    start: datetime
    end: datetime

    @classmethod
    def around(cls, now: datetime) -> Window:
        return cls(now - timedelta(days=PAST_DAYS), now + timedelta(days=FUTURE_DAYS))

    def meets(self, starts_at: datetime, ends_at: datetime) -> bool:
        return starts_at < self.end and ends_at > self.start


def new_calendar(name: str, description: str = "") -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", texts().product)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("name", name)  # RFC 7986
    calendar.add("x-wr-calname", name)  # what Apple, Google and Outlook read
    calendar.add("x-wr-timezone", "Europe/Paris")
    if description:
        calendar.add("description", description)
        calendar.add("x-wr-caldesc", description)
    calendar.add("refresh-interval", icalendar.vDuration(REFRESH), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", icalendar.vDuration(REFRESH))
    return calendar


def to_bytes(calendar: icalendar.Calendar) -> bytes:
    """The calendar with the VTIMEZONEs its times need, first (some apps read them before the events)."""
    days = [value.date() if isinstance(value, datetime) else value
            for component in calendar.walk("VEVENT") for value in (component.start, component.end)]
    if days:
        calendar.add_missing_timezones(first_date=min(days) - timedelta(days=366),
                                       last_date=max(days) + timedelta(days=366))
    calendar.subcomponents.sort(key=lambda component: component.name != "VTIMEZONE")  # stable: events keep order
    return calendar.to_ical()


def timing_uid(event_uid: str, position: int) -> str:
    """The UID of an event's timing number ``position`` (0: the first, which keeps the event's UID)."""
    if position == 0:
        return event_uid
    local, at, domain = event_uid.partition("@")
    return f"{local}-{position + 1}{at}{domain}"


def _address(fabrique) -> str:
    return " ".join(part for part in (fabrique.address, fabrique.postal_code, fabrique.city) if part)


def location(event: Event) -> str:
    """Where the event is held, in one line: an address, or a room and its fabrique; online: « En ligne »."""
    if not event.attendance_mode.has_place:
        return texts().online
    if event.place_kind is PlaceKind.ADDRESS:
        return event.address
    if event.resource is not None:
        host = event.resource.fabrique if event.place_kind is PlaceKind.BOOKED_ROOM else event.fabrique
        return texts().room_at.format(room=event.resource.name, fabrique=host.name, address=_address(host)).rstrip(", ")
    fabrique = event.fabrique  # its own place, no room named
    return event.address or ", ".join(part for part in (fabrique.name, _address(fabrique)) if part)


def description(event: Event, url: str) -> str:
    lines = [event.summary or plain_excerpt(event.description_html), texts().organised_by.format(
        fabrique=event.fabrique.name)]
    if event.attendance_mode.is_online and event.online_url:
        lines.append(texts().online_link.format(url=event.online_url))
    lines.append(url)
    return "\n\n".join(line for line in lines if line)


def _timed(component: icalendar.Event, starts_at: datetime, ends_at: datetime) -> None:
    component.add("dtstart", starts_at.astimezone(PARIS))
    component.add("dtend", ends_at.astimezone(PARIS))


def event_components(event: Event, url: str, window: Window | None = None, *, interested: bool = False,
                     waiting: bool = False) -> list[icalendar.Event]:
    """One VEVENT per timing of ``event`` (those that meet ``window``); ``url``: its page, absolute.

    ``interested`` / ``waiting``: a member's « intéressé·e », or « je viens » on the waiting list
    (their private feed): TENTATIVE, and said in the title."""
    status = EVENT_STATUS[event.status]
    title = event.title
    if status != "CANCELLED" and (interested or waiting):
        status = "TENTATIVE"
        title = (texts().waiting if waiting else texts().interested).format(title=event.title)
    components = []
    for position, timing in enumerate(event.timings):
        if window is not None and not window.meets(timing.starts_at, timing.ends_at):
            continue
        components.append(_event_component(event, timing, position, url, title, status))
    return components


def _event_component(event: Event, timing: EventTiming, position: int, url: str, title: str,
                     status: str) -> icalendar.Event:
    component = icalendar.Event()
    component.add("uid", timing_uid(event.uid, position))
    component.add("sequence", event.sequence)
    component.add("dtstamp", event.updated_at)
    component.add("created", event.created_at)
    component.add("last-modified", event.updated_at)
    _timed(component, timing.starts_at, timing.ends_at)
    component.add("summary", title)
    component.add("description", description(event, url))
    component.add("location", location(event))
    component.add("url", url)
    component.add("status", status)
    component.add("categories", [event.kind.label])
    component.add("transp", "OPAQUE")
    component.add("class", "PUBLIC")
    return component


def busy_component(slot: BusySlot, fabrique_name: str) -> icalendar.Event:
    """A confirmed booking of one of the fabrique's rooms, as « Occupé »: the room and the slot, nothing
    of who booked it nor why."""
    component = icalendar.Event()
    component.add("uid", f"occupe-{slot.loan_id}@{UID_DOMAIN}")
    component.add("dtstamp", slot.updated_at)
    _timed(component, slot.starts_at, slot.ends_at)
    component.add("summary", texts().busy)
    component.add("location", f"{slot.room}, {fabrique_name}")
    component.add("status", "CONFIRMED")
    component.add("transp", "OPAQUE")
    component.add("class", "PUBLIC")
    return component


def loan_title(loan: Loan, fabrique_id: int) -> str:
    """What the loan is for the member's fabrique (``fabrique_id``): borrowing, lending, booking, hosting."""
    names = {"resource": loan.resource.name, "owner": loan.owner_fabrique.name, "borrower": loan.borrower_fabrique.name}
    if loan.starts_at is not None:
        template = texts().booking if loan.borrower_fabrique_id == fabrique_id else texts().hosting
    else:
        template = texts().borrowing if loan.borrower_fabrique_id == fabrique_id else texts().lending
    return template.format(**names)


def loan_component(loan: Loan, fabrique_id: int, url: str) -> icalendar.Event:
    """A loan of the member's fabrique: timed for a room booked by the hour, all day(s) otherwise."""
    component = icalendar.Event()
    component.add("uid", f"pret-{loan.id}@{UID_DOMAIN}")
    component.add("dtstamp", loan.updated_at)
    if loan.starts_at is not None and loan.ends_at is not None:
        _timed(component, loan.starts_at, loan.ends_at)
    else:  # whole days, the last one included: DTEND is the day after (RFC 5545, 3.6.1)
        component.add("dtstart", loan.start_date)
        component.add("dtend", loan.end_date + timedelta(days=1))
        component.add("transp", "TRANSPARENT")  # a drill lent out does not make its people busy
    component.add("summary", loan_title(loan, fabrique_id))
    component.add("description", f"{texts().loan_state.format(state=loan.state.label)}\n\n{url}")
    if loan.starts_at is not None:
        component.add("location", f"{loan.resource.name}, {loan.owner_fabrique.name}")
    component.add("url", url)
    component.add("status", LOAN_STATUS[loan.state])
    component.add("class", "PRIVATE")
    return component


def day_window(window: Window) -> tuple[date, date]:
    """The window in Paris days, for loans by the day."""
    return window.start.astimezone(PARIS).date(), window.end.astimezone(PARIS).date()
