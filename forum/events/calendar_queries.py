"""The read side of the calendar feeds: what each feed holds within its window, in a few queries.

Visibility: hidden events are in no feed (as they are in no public list); a fabrique's public feed
shows its rooms' confirmed bookings as slots only; a member's feed holds only the loans their own
fabrique (accepted membership) is a party to, read when the feed is fetched.
"""

from __future__ import annotations

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import joinedload, selectinload

from forum.events.calendars import BusySlot, Window, day_window
from forum.events.models import Answer, Event, EventTiming, Rsvp
from forum.extensions import db
from forum.fabriques.models import Fabrique
from forum.resources.models import Loan, LoanState, Resource
from forum.resources.room_bookings import HELD_STATES

# A feed is bounded by its window; this caps it all the same (a fabrique with a huge programme).
MAX_ITEMS = 1000


def _events(window: Window) -> Select:
    """Visible events with a timing in ``window``, with what a VEVENT prints (place, host, timings)."""
    in_window = (select(EventTiming.id).where(EventTiming.event_id == Event.id, EventTiming.starts_at < window.end,
                                              EventTiming.ends_at > window.start).exists())
    return (select(Event).join(Fabrique, Fabrique.id == Event.fabrique_id)
            .where(Event.hidden_at.is_(None), Event.starts_at < window.end, Event.ends_at > window.start, in_window)
            .options(joinedload(Event.fabrique), joinedload(Event.resource).joinedload(Resource.fabrique),
                     selectinload(Event.timings))
            .order_by(Event.starts_at, Event.id).limit(MAX_ITEMS))


def events_of_fabrique(fabrique_id: int, window: Window) -> list[Event]:
    return list(db.session.execute(_events(window).where(Event.fabrique_id == fabrique_id)).unique().scalars())


def events_of_region(region_code: str, window: Window) -> list[Event]:
    """The events organised by the region's fabriques (online ones included, other regions' not)."""
    return list(db.session.execute(_events(window).where(Fabrique.region_code == region_code)).unique().scalars())


def busy_slots(fabrique_id: int, window: Window) -> list[BusySlot]:
    """Confirmed (or held and done) bookings of the fabrique's rooms in ``window``: one query for all
    its rooms (``room_bookings_between`` reads one room at a time). Rooms a moderator hid are left out."""
    rows = db.session.execute(
        select(Loan.id, Loan.starts_at, Loan.ends_at, Loan.updated_at, Resource.name)
        .join(Resource, Resource.id == Loan.resource_id)
        .where(Loan.owner_fabrique_id == fabrique_id, Loan.starts_at.is_not(None), Loan.state.in_(HELD_STATES),
               Loan.starts_at < window.end, Loan.ends_at > window.start, Resource.hidden_at.is_(None))
        .order_by(Loan.starts_at, Loan.id).limit(MAX_ITEMS))
    return [BusySlot(*row) for row in rows]


def answered_events(user_id: int, window: Window) -> list[tuple[Event, Rsvp]]:
    """The visible events the member answered « je viens » or « intéressé·e », with their answer."""
    statement = (_events(window).add_columns(Rsvp).join(Rsvp, Rsvp.event_id == Event.id)
                 .where(Rsvp.user_id == user_id, Rsvp.answer.in_((Answer.GOING, Answer.INTERESTED))))
    return [(event, answer) for event, answer in db.session.execute(statement).unique()]


def loans_of_fabrique(fabrique_id: int, window: Window) -> list[Loan]:
    """The loans the fabrique borrows or lends (rooms booked by the hour included) that meet the window;
    declined requests left out (they never held anything)."""
    first_day, last_day = day_window(window)
    return list(db.session.execute(
        select(Loan).where(or_(Loan.borrower_fabrique_id == fabrique_id, Loan.owner_fabrique_id == fabrique_id),
                           Loan.state != LoanState.DECLINED, Loan.start_date <= last_day, Loan.end_date >= first_day)
        .options(joinedload(Loan.resource), joinedload(Loan.owner_fabrique), joinedload(Loan.borrower_fabrique))
        .order_by(Loan.start_date, Loan.id).limit(MAX_ITEMS)).unique().scalars())
