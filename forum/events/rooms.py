"""Events held in a room booked from another fabrique: the room's state, read from the loan.

The event never copies the loan's state: the page derives « en attente de la salle », « salle
confirmée » or « salle refusée » from the loan when it is shown. The one thing that cannot wait
for a page view is telling the organiser of a refusal: ``tell_organisers_of_refusal`` is called
by the catalogue's loan service (forum.resources.services.on_loan_moved), in the transaction of
the refusal, so the notification leaves with its commit.

The invariant of the place itself (``booked_room``): an event in a booked room refers to a booking
of its own fabrique, requested or accepted, and every timing of the event lies within the
booking's slot. Creating the event may request the booking (``request_for``): one booking is one
slot, so this is offered for an event with a single timing; an event on several days books its
room slots first in the catalogue.
"""

from __future__ import annotations

import enum
from datetime import datetime, timedelta

from flask_babel import gettext as _, lazy_gettext

from sqlalchemy import select

from forum.accounts.models import User
from forum.core.dates import PARIS, format_day
from forum.core.errors import DomainError, Invalid, NotFound
from forum.core.locking import lock
from forum.events.models import Event, EventStatus
from forum.extensions import db
from forum.fabriques.models import Membership, MembershipRole, MembershipStatus
from forum.notifications.services import notify
from forum.resources import rooms as room_booking
from forum.resources.models import Loan, LoanState, Resource, ResourceKind
from forum.resources.slots import slot_label

NO_BOOKING = lazy_gettext("Votre fabrique n'a pas de réservation en cours pour cette salle\u00a0: choisissez-en une, "
                          "ou demandez une salle d'une autre fabrique avec l'événement.")
OUTSIDE_BOOKING = lazy_gettext("Les dates de l'événement sortent du créneau réservé ({slot})\u00a0: choisissez des "
                               "heures comprises dans la réservation.")
ONE_SLOT = lazy_gettext("Une demande de salle porte sur un seul créneau\u00a0: pour un événement sur plusieurs dates, "
              "réservez d'abord chaque créneau dans le catalogue, ou n'indiquez qu'une date.")
ONE_DAY = lazy_gettext("Une salle se demande pour un créneau dans une même journée\u00a0: le début et la fin "
                       "tombent le même jour.")
CHOOSE_ROOM = lazy_gettext("Choisissez une salle d'une autre fabrique dans la liste.")
_TIMING_FIELDS = {"day": "start_1", "start": "start_1", "end": "end_1"}
# The loan states in which a booking still holds a room for the event.
HOLDING = (LoanState.REQUESTED, LoanState.ACCEPTED, LoanState.LENT)


class RoomState(str, enum.Enum):
    PENDING = "pending"
    CONFIRMED = "confirmed"
    REFUSED = "refused"

    @property
    def label(self) -> str:
        return {"pending": _("En attente de la salle"), "confirmed": _("Salle confirmée"),
                "refused": _("Salle refusée")}[self.value]


def _slot_of(loan: Loan) -> tuple[datetime, datetime]:
    """The booking's slot in UTC (a room lent by whole days before hourly bookings: its Paris days)."""
    if loan.starts_at is not None and loan.ends_at is not None:
        return loan.starts_at, loan.ends_at
    first = datetime.combine(loan.start_date, datetime.min.time(), tzinfo=PARIS)
    last = datetime.combine(loan.end_date + timedelta(days=1), datetime.min.time(), tzinfo=PARIS)
    return first, last


def _slot_label(loan: Loan) -> str:
    if loan.starts_at is not None and loan.ends_at is not None:
        return slot_label(loan.starts_at, loan.ends_at)
    return _("du %(start)s au %(end)s", start=format_day(loan.start_date), end=format_day(loan.end_date))


def booked_room(loan_id: int | None, fabrique_id: int, timings) -> tuple[Loan, Resource]:
    """The booking an event of ``fabrique_id`` is held in, its row locked (a refusal being recorded
    meanwhile either comes first, and is seen here, or waits and then finds the event to tell).

    Invalid, with a French message, when the loan is not the fabrique's, not a room, declined or
    cancelled, or when a timing (UTC ``starts_at``/``ends_at``) falls outside its slot."""
    loan = db.session.get(Loan, loan_id) if loan_id is not None and 0 < loan_id < 2**31 else None
    if loan is not None:
        lock(loan, gone=Invalid(str(NO_BOOKING), field="loan_id"))
    resource = db.session.get(Resource, loan.resource_id) if loan is not None else None
    if (loan is None or loan.borrower_fabrique_id != fabrique_id or resource is None
            or resource.kind is not ResourceKind.SPACE or loan.state not in HOLDING):
        raise Invalid(str(NO_BOOKING), field="loan_id")
    first, last = _slot_of(loan)
    if any(timing.starts_at < first or timing.ends_at > last for timing in timings):
        raise Invalid(str(OUTSIDE_BOOKING).format(slot=_slot_label(loan)), field="start_1")
    return loan, resource


def request_for(actor: User, room_id: int | None, fabrique_id: int, timings, now: datetime,
                site_url: str = "") -> tuple[Loan, Resource]:
    """Request ``room_id`` (another fabrique's room) for the event's one timing, through the
    catalogue's room booking service (its rules, its lock, its 409 when the slot is taken): the
    event and the request are written in the same transaction, or neither is."""
    resource = db.session.get(Resource, room_id) if room_id is not None and 0 < room_id < 2**31 else None
    if resource is None or resource.kind is not ResourceKind.SPACE or resource.fabrique_id == fabrique_id:
        raise Invalid(str(CHOOSE_ROOM), field="room_id")
    if len(timings) != 1:
        raise Invalid(str(ONE_SLOT), field="start_2")
    start, end = timings[0].starts_at.astimezone(PARIS), timings[0].ends_at.astimezone(PARIS)
    if end.date() != start.date():
        raise Invalid(str(ONE_DAY), field="end_1")
    try:
        loan = room_booking.request_room_booking(actor, resource, start.date(), start.time(), end.time(),
                                                 now=now, site_url=site_url)
    except NotFound:
        raise Invalid(str(CHOOSE_ROOM), field="room_id") from None
    except DomainError as error:
        # The booking form's fields (day, start, end) are the event form's first timing.
        error.field = _TIMING_FIELDS.get(error.field or "", "room_id")
        raise
    return loan, resource


ROOM_STATES = {
    LoanState.REQUESTED: RoomState.PENDING,
    LoanState.ACCEPTED: RoomState.CONFIRMED,
    LoanState.LENT: RoomState.CONFIRMED,
    LoanState.RETURNED: RoomState.CONFIRMED,
    LoanState.DECLINED: RoomState.REFUSED,
    LoanState.CANCELLED: RoomState.REFUSED,
}


def tell_organisers_of_refusal(loan: Loan, to_state: LoanState, actor: User, site_url: str = "") -> None:
    """The room of one or more events was refused (or the request withdrawn): their authors and the
    organising fabrique's managers are notified, once per event."""
    if to_state not in (LoanState.DECLINED, LoanState.CANCELLED):
        return
    events = db.session.execute(select(Event).where(
        Event.loan_id == loan.id, Event.status != EventStatus.CANCELLED)).scalars().all()
    if not events:
        return
    managers = list(db.session.execute(
        select(User).join(Membership, Membership.user_id == User.id)
        .where(Membership.fabrique_id == loan.borrower_fabrique_id, Membership.status == MembershipStatus.ACTIVE,
               Membership.role == MembershipRole.MANAGER)).scalars())
    declined = to_state is LoanState.DECLINED
    for event in events:
        author = db.session.get(User, event.author_id) if event.author_id else None
        notify([*([author] if author else []), *managers], "event.room_refused", _refusal_text(event.title, declined),
               f"/agenda/{event.id}", actor=actor, site_url=site_url,
               email_subject=lambda title=event.title: _("Salle refusée\u00a0: %(title)s", title=title))


def _refusal_text(title: str, declined: bool):
    """The news of a refused room, written later in each recipient's language."""
    if declined:
        return lambda: _("La salle de votre événement « %(title)s » a été refusée par la fabrique qui la prête\u00a0: "
                         "choisissez un autre lieu ou prévenez les participants.", title=title)
    return lambda: _("La salle de votre événement « %(title)s » a été annulée\u00a0: choisissez un autre lieu ou "
                     "prévenez les participants.", title=title)
