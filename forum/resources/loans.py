"""The loan state machine and the availability arithmetic: pure functions, no database.

    requested ──accept──▶ accepted ──lend──▶ lent ──return──▶ returned
        │  └──decline──▶ declined      │
        └──cancel──▶ cancelled ◀─cancel┘
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from flask_babel import gettext as _, lazy_gettext

from forum.resources.models import LoanState


class Side(str, enum.Enum):
    """Who may take an action: the lending fabrique's managers or the borrowing fabrique's members."""

    OWNER = "owner"
    BORROWER = "borrower"


class Action(str, enum.Enum):
    ACCEPT = "accepter"
    DECLINE = "refuser"
    CANCEL = "annuler"
    LEND = "preter"
    RETURN = "rendre"

    @property
    def label(self) -> str:
        return str(ACTION_LABELS[self])


ACTION_LABELS = {
    Action.ACCEPT: lazy_gettext("Accepter"), Action.DECLINE: lazy_gettext("Refuser"),
    Action.CANCEL: lazy_gettext("Annuler la demande"),
    Action.LEND: lazy_gettext("Marquer comme prêté (retiré)"), Action.RETURN: lazy_gettext("Marquer comme rendu"),
}


# The same actions on a room booked by the hour: the room is used, not lent and given back.
ROOM_BOOKING_ACTION_LABELS = {
    **ACTION_LABELS, Action.CANCEL: lazy_gettext("Annuler la réservation"),
    Action.LEND: lazy_gettext("Marquer la salle comme occupée"),
    Action.RETURN: lazy_gettext("Marquer la réservation comme terminée"),
}


def action_label(action: Action, room_booking: bool) -> str:
    return str((ROOM_BOOKING_ACTION_LABELS if room_booking else ACTION_LABELS)[action])


@dataclass(frozen=True)
class Transition:
    to_state: LoanState
    side: Side


# The whole machine: (state, action) -> the resulting state and who may do it.
TRANSITIONS: dict[tuple[LoanState, Action], Transition] = {
    (LoanState.REQUESTED, Action.ACCEPT): Transition(LoanState.ACCEPTED, Side.OWNER),
    (LoanState.REQUESTED, Action.DECLINE): Transition(LoanState.DECLINED, Side.OWNER),
    (LoanState.REQUESTED, Action.CANCEL): Transition(LoanState.CANCELLED, Side.BORROWER),
    (LoanState.ACCEPTED, Action.CANCEL): Transition(LoanState.CANCELLED, Side.BORROWER),
    (LoanState.ACCEPTED, Action.LEND): Transition(LoanState.LENT, Side.OWNER),
    (LoanState.LENT, Action.RETURN): Transition(LoanState.RETURNED, Side.OWNER),
}

_REFUSALS = {
    LoanState.REQUESTED: lazy_gettext("La demande attend encore la réponse de la fabrique prêteuse."),
    LoanState.ACCEPTED: lazy_gettext("Le prêt est déjà accepté."),
    LoanState.DECLINED: lazy_gettext("La demande a été refusée : elle ne peut plus changer."),
    LoanState.CANCELLED: lazy_gettext("La demande a été annulée : elle ne peut plus changer."),
    LoanState.LENT: lazy_gettext("Le matériel a déjà été retiré."),
    LoanState.RETURNED: lazy_gettext("Le prêt est terminé : le matériel a été rendu."),
}


class TransitionRefused(Exception):
    """The action makes no sense in this state (a 409 for the web layer)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def transition(state: LoanState, action: Action) -> Transition:
    """The transition for ``action`` in ``state``, or TransitionRefused with an explanation (in the
    language being written)."""
    found = TRANSITIONS.get((state, action))
    if found is None:
        reason = str(_REFUSALS[state])
        raise TransitionRefused(_("Action impossible : %(reason)s", reason=reason[0].lower() + reason[1:]))
    return found


def actions_for(state: LoanState, sides: set[Side]) -> list[Action]:
    """The actions that the given sides may take now, in the table's order."""
    return [action for (from_state, action), found in TRANSITIONS.items()
            if from_state is state and found.side in sides]


@dataclass(frozen=True)
class Booking:
    """A period that holds ``quantity`` units of a resource (dates inclusive)."""

    start: date
    end: date
    quantity: int


def days(start: date, end: date) -> Iterable[date]:
    for offset in range((end - start).days + 1):
        yield start + timedelta(days=offset)


def usage_by_day(bookings: Iterable[Booking], start: date, end: date) -> dict[date, int]:
    """Units held on each day of [start, end] by the bookings."""
    usage = {day: 0 for day in days(start, end)}
    for booking in bookings:
        first, last = max(booking.start, start), min(booking.end, end)
        for day in days(first, last) if first <= last else ():
            usage[day] += booking.quantity
    return usage


def shortages(bookings: Iterable[Booking], start: date, end: date, quantity: int, stock: int) -> list[date]:
    """The days of [start, end] on which ``quantity`` more units would exceed ``stock``."""
    return [day for day, used in usage_by_day(bookings, start, end).items() if used + quantity > stock]


def day_ranges(dates: list[date]) -> list[tuple[date, date]]:
    """[1, 2, 3, 7, 8] (as dates) -> [(1, 3), (7, 8)]: consecutive days folded into periods."""
    ranges: list[tuple[date, date]] = []
    for day in sorted(dates):
        if ranges and day - ranges[-1][1] == timedelta(days=1):
            ranges[-1] = (ranges[-1][0], day)
        else:
            ranges.append((day, day))
    return ranges
