"""Rooms booked by the hour: their rules, and booking requests. Services flush, never commit.

A room booking is a Loan (the same workflow: request, accept or decline, cancel, history,
messages, notifications, reminders) with ``starts_at``/``ends_at`` in UTC; its ``start_date`` and
``end_date`` hold the Paris day, so the loan lists read it as any loan. The invariant (no two
confirmed bookings overlap, buffer included) is forum/resources/room_bookings.py's.

Seams for events and calendars: ``request_room_booking`` (a Paris-time slot) and
``room_bookings_between`` (re-exported from room_bookings).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from flask_babel import gettext as _

from forum.accounts.models import User
from forum.core.errors import Conflict, Forbidden, Invalid, NotFound
from forum.core.locking import lock
from forum.core.models import utcnow
from forum.core.numbers import format_number
from forum.core.text import clean_text, require_length
from forum.extensions import db
from forum.fabriques.models import Fabrique
from forum.fabriques.permissions import can_manage
from forum.resources.loans import Action, transition
from forum.resources.models import CONFIRMED_BY_RULES_NOTE, Loan, LoanState, Resource, ResourceKind, RoomRules
from forum.resources.room_bookings import RoomBooking, confirmed_overlap, room_bookings_between, taken_message
from forum.resources.services import MESSAGE_MAX, RESOURCE_GONE, open_loan, record_move, requesting_fabrique
from forum.resources.slots import Rules, Slot, SlotError, parse_closed_dates, parse_opening, parse_time

__all__ = ["RoomBooking", "room_bookings_between", "request_room_booking", "rules_of", "update_rules"]

# The rules of a room whose fabrique set none (and what the migration gave existing rooms).
DEFAULT_OPENING = {str(weekday): [["09:00", "18:00"]] for weekday in range(5)}
DEFAULT_RULES = Rules(opening_hours=DEFAULT_OPENING)
MAX_NOTICE_DAYS = 730
MAX_MINUTES = 24 * 60
MAX_BUFFER = 240
MAX_CAPACITY = 5_000
CONFIRMED_AT_ONCE = CONFIRMED_BY_RULES_NOTE


def rules_of(row: RoomRules | None) -> Rules:
    """The pure rules of a room from its row (the defaults without one)."""
    if row is None:
        return DEFAULT_RULES
    return Rules(opening_hours=row.opening_hours or {}, closed_dates=tuple(row.closed_dates or ()),
                 min_notice_hours=row.min_notice_hours, max_notice_days=row.max_notice_days,
                 min_minutes=row.min_minutes, max_minutes=row.max_minutes, buffer_minutes=row.buffer_minutes,
                 needs_approval=row.needs_approval)


def rules_for(resource_id: int) -> Rules:
    return rules_of(db.session.get(RoomRules, resource_id))


@dataclass
class RulesInput:
    """What a manager types in the rules form (texts as typed; numbers already parsed)."""

    opening: list[str] = field(default_factory=lambda: [""] * 7)  # one text per weekday, Monday first
    closed_dates: str = ""
    min_notice_hours: int | None = 1
    max_notice_days: int | None = 90
    min_minutes: int | None = 30
    max_minutes: int | None = 480
    buffer_minutes: int | None = 0
    needs_approval: bool = True
    capacity_meeting: int | None = None


def _bounded(value: int | None, label: str, field_name: str, minimum: int, maximum: int) -> int:
    if value is None or not minimum <= value <= maximum:
        raise Invalid(_("%(label)s doit être comprise entre %(minimum)s et %(maximum)s.", label=label,
                        minimum=minimum, maximum=format_number(maximum)), field=field_name)
    return value


def update_rules(actor: User, resource: Resource, data: RulesInput) -> RoomRules:
    """Save a room's booking rules (its fabrique's managers); Invalid with a French message, nothing
    written, for hours that overlap or end before they start, a bad date, a number out of range.

    The room's row is locked: bookings being confirmed meanwhile are checked against the old
    rules or wait for the new ones, never a mix."""
    lock(resource, gone=NotFound(str(RESOURCE_GONE)))
    if not can_manage(actor, db.session.get(Fabrique, resource.fabrique_id)):
        raise Forbidden(_("Seuls les responsables de la fabrique peuvent régler les réservations de cette salle."))
    if resource.kind is not ResourceKind.SPACE:
        raise Invalid(_("Seul un espace se réserve par créneau horaire."))
    try:
        opening = {str(weekday): parse_opening(text, weekday) for weekday, text in enumerate(data.opening[:7])}
        closed = parse_closed_dates(data.closed_dates)
    except SlotError as error:
        raise Invalid(error.message, field=error.field) from None
    capacity = _bounded(data.capacity_meeting, _("La capacité"), "capacity_meeting", 1, MAX_CAPACITY)
    values = {
        "min_notice_hours": _bounded(data.min_notice_hours, _("Le délai minimal"), "min_notice_hours", 0, 24 * 60),
        "max_notice_days": _bounded(data.max_notice_days, _("Le délai maximal"), "max_notice_days", 1, MAX_NOTICE_DAYS),
        "min_minutes": _bounded(data.min_minutes, _("La durée minimale"), "min_minutes", 15, MAX_MINUTES),
        "max_minutes": _bounded(data.max_minutes, _("La durée maximale"), "max_minutes", 15, MAX_MINUTES),
        "buffer_minutes": _bounded(data.buffer_minutes, _("La pause entre deux réservations"), "buffer_minutes", 0,
                                   MAX_BUFFER),
    }
    if values["max_minutes"] < values["min_minutes"]:
        raise Invalid(_("La durée maximale doit être au moins égale à la durée minimale."), field="max_minutes")
    if values["min_notice_hours"] > values["max_notice_days"] * 24:
        raise Invalid(_("Le délai minimal dépasse le délai maximal."), field="min_notice_hours")
    row = db.session.get(RoomRules, resource.id) or RoomRules(resource_id=resource.id)
    for name, value in values.items():
        setattr(row, name, value)
    row.opening_hours, row.closed_dates = opening, closed
    row.needs_approval = bool(data.needs_approval)
    row.updated_at = utcnow()
    resource.capacity_meeting = capacity
    resource.updated_at = utcnow()
    resource.version += 1
    resource.updated_by_id = actor.id
    db.session.add(row)
    db.session.flush()
    return row


def slot_of(day: date | None, start: time | None, end: time | None) -> Slot:
    """The slot of a Paris day and wall-clock times, or Invalid with a French message."""
    try:
        return Slot.of(day, start, end)
    except SlotError as error:
        raise Invalid(error.message, field=error.field) from None


def request_room_booking(actor: User, resource: Resource, day: date | None, start: time | None,
                         end: time | None, message: str = "", *, now: datetime | None = None,
                         site_url: str = "") -> Loan:
    """A member of another fabrique asks for ``resource`` (a room) on ``day`` from ``start`` to ``end``
    (Paris wall-clock); returns the Loan, requested, or accepted at once when the room's rules
    say so (through the state machine and its history, the owner's managers told).

    Invalid (400) when the slot breaks the room's rules; Conflict (409, « Le créneau du mardi
    12 mai, 14 h – 17 h, est déjà réservé. ») when it meets a confirmed booking, buffer included.
    The room's row is locked first (forum/resources/room_bookings.py), so two requests at once
    queue. Events call this to book a room in another fabrique."""
    fabrique = requesting_fabrique(actor, resource)
    if resource.kind is not ResourceKind.SPACE:
        raise Invalid(_("Seul un espace se réserve par créneau horaire."))
    slot = slot_of(day, start, end)
    rules = rules_for(resource.id)
    refusal = rules.refusal(slot, now or utcnow())
    if refusal is not None:
        raise Invalid(refusal.message, field=refusal.field)
    message = require_length(clean_text(message), _("Le message"), minimum=0, maximum=MESSAGE_MAX, field="message")
    blocked_until = slot.ends_at + timedelta(minutes=rules.buffer_minutes)
    taken = confirmed_overlap(resource.id, slot.starts_at, blocked_until)
    if taken is not None:
        raise Conflict(taken_message(taken), field="start")
    pending = db.session.execute(db.select(Loan.id).where(
        Loan.resource_id == resource.id, Loan.borrower_fabrique_id == fabrique.id,
        Loan.starts_at == slot.starts_at, Loan.ends_at == slot.ends_at,
        Loan.state == LoanState.REQUESTED).limit(1)).first()
    if pending is not None:
        raise Conflict(_("Votre fabrique a déjà demandé « %(resource)s » le %(slot)s\u00a0: cette demande attend la "
                         "réponse de la fabrique.", resource=resource.name, slot=slot.label))
    loan = open_loan(actor, fabrique, resource, message, site_url, quantity=1, start_date=slot.day,
                     end_date=slot.day, starts_at=slot.starts_at, ends_at=slot.ends_at, blocked_until=blocked_until)
    if not rules.needs_approval:
        # The room is locked and no confirmed booking meets the slot: accepted by the rules.
        record_move(None, loan, transition(LoanState.REQUESTED, Action.ACCEPT), CONFIRMED_AT_ONCE, site_url)
    return loan


def parse_wall_time(value: str | None, label: str, field_name: str) -> time:
    """A typed time ("14:00", "14 h 30"), or Invalid with a French message."""
    try:
        return parse_time(value or "", label, field_name)
    except SlotError as error:
        raise Invalid(error.message, field=error.field) from None
