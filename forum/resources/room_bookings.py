"""The room invariant: no two confirmed bookings of one room overlap, their buffer included.

A confirmed booking (accepted or lent) blocks its room from ``starts_at`` to ``blocked_until``
(its end plus the room's buffer at the time it was requested). Two guards hold the invariant:
- the service check below, run with the room's row locked (``SELECT … FOR UPDATE`` on
  PostgreSQL; on SQLite a writing request holds the database's write lock from its first
  statement), so of two confirmations at once the second sees the first;
- on PostgreSQL, the exclusion constraint ``ex_loans_room_slot`` (models.Loan), should a path
  ever skip the check: its IntegrityError is turned into the same 409 (``slot_taken_error``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from forum.core.errors import Conflict
from forum.extensions import db
from forum.resources.models import BOOKING_STATES, ROOM_SLOT_TAKEN, Loan, LoanState
from forum.resources.slots import slot_label


# What a calendar shows as taken: confirmed bookings, and those held and done (a past afternoon).
HELD_STATES = (*BOOKING_STATES, LoanState.RETURNED)


@dataclass(frozen=True)
class RoomBooking:
    """A booking of a room as calendars and the week view read it (UTC instants)."""

    loan_id: int
    resource_id: int
    starts_at: datetime
    ends_at: datetime
    blocked_until: datetime
    state: LoanState
    owner_fabrique_id: int
    borrower_fabrique_id: int

    @property
    def confirmed(self) -> bool:
        """Accepted, under way, or held and done: the room was (or is) taken then."""
        return self.state in HELD_STATES

    @property
    def label(self) -> str:
        return slot_label(self.starts_at, self.ends_at)


def room_bookings_between(resource_id: int, start: datetime, end: datetime, *,
                          states=(LoanState.REQUESTED, *HELD_STATES)) -> list[RoomBooking]:
    """The bookings of the room that overlap [start, end) (aware UTC datetimes), by start: one query.

    Requested ones are included by default (the week view shows them as pending; ``confirmed``
    is False for them); pass ``states=HELD_STATES`` for what an "occupé" feed shows. Declined and
    cancelled ones are never listed: a feed that must send STATUS:CANCELLED passes its states."""
    rows = db.session.execute(
        select(Loan.id, Loan.resource_id, Loan.starts_at, Loan.ends_at, Loan.blocked_until, Loan.state,
               Loan.owner_fabrique_id, Loan.borrower_fabrique_id)
        .where(Loan.resource_id == resource_id, Loan.starts_at.is_not(None), Loan.state.in_(states),
               Loan.starts_at < end, Loan.ends_at > start)
        .order_by(Loan.starts_at, Loan.id))
    return [RoomBooking(*row) for row in rows]


def confirmed_overlap(resource_id: int, starts_at: datetime, blocked_until: datetime, *,
                      exclude_loan: int | None = None) -> RoomBooking | None:
    """The first confirmed booking whose blocked range meets [starts_at, blocked_until), or None."""
    statement = (select(Loan.id, Loan.resource_id, Loan.starts_at, Loan.ends_at, Loan.blocked_until, Loan.state,
                        Loan.owner_fabrique_id, Loan.borrower_fabrique_id)
                 .where(Loan.resource_id == resource_id, Loan.starts_at.is_not(None),
                        Loan.state.in_(BOOKING_STATES), Loan.starts_at < blocked_until,
                        Loan.blocked_until > starts_at)
                 .order_by(Loan.starts_at).limit(1))
    if exclude_loan is not None:
        statement = statement.where(Loan.id != exclude_loan)
    row = db.session.execute(statement).first()
    return RoomBooking(*row) if row is not None else None


def taken_message(booking: RoomBooking) -> str:
    return _("Le créneau du %(slot)s, est déjà réservé.", slot=booking.label)


def check_room_free(loan: Loan) -> None:
    """Conflict naming the booked slot when confirming ``loan`` would overlap a confirmed one.

    The caller holds the room's row lock (see the module's docstring)."""
    taken = confirmed_overlap(loan.resource_id, loan.starts_at, loan.blocked_until, exclude_loan=loan.id)
    if taken is not None:
        raise Conflict(taken_message(taken))


def is_slot_taken(error: IntegrityError) -> bool:
    """Whether PostgreSQL refused a write for the exclusion constraint of room slots."""
    return ROOM_SLOT_TAKEN in str(error.orig)


def slot_taken_error(loan: Loan) -> Conflict:
    """The 409 for a confirmation the exclusion constraint refused (the savepoint is rolled back):
    the booking that holds the slot, read now that the other transaction committed it."""
    taken = confirmed_overlap(loan.resource_id, loan.starts_at, loan.blocked_until, exclude_loan=loan.id)
    if taken is not None:
        return Conflict(taken_message(taken))
    return Conflict(_("Le créneau du %(slot)s vient d'être réservé.", slot=slot_label(loan.starts_at, loan.ends_at)))
