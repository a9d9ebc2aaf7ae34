"""Events held in a room booked from another fabrique: the room's state, read from the loan.

The event never copies the loan's state: the page derives « en attente de la salle », « salle
confirmée » or « salle refusée » from the loan when it is shown. The one thing that cannot wait
for a page view is telling the organiser of a refusal: ``tell_organisers_of_refusal`` is called
by the catalogue's loan service (forum.resources.services.on_loan_moved), in the transaction of
the refusal, so the notification leaves with its commit.
"""

from __future__ import annotations

import enum

from sqlalchemy import select

from forum.accounts.models import User
from forum.events.models import Event, EventStatus
from forum.extensions import db
from forum.fabriques.models import Membership, MembershipRole, MembershipStatus
from forum.notifications.services import notify
from forum.resources.models import Loan, LoanState


class RoomState(str, enum.Enum):
    PENDING = "pending"
    CONFIRMED = "confirmed"
    REFUSED = "refused"

    @property
    def label(self) -> str:
        return {"pending": "En attente de la salle", "confirmed": "Salle confirmée",
                "refused": "Salle refusée"}[self.value]


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
    what = "refusée par la fabrique qui la prête" if to_state is LoanState.DECLINED else "annulée"
    for event in events:
        author = db.session.get(User, event.author_id) if event.author_id else None
        text = (f"La salle de votre événement « {event.title} » a été {what} : choisissez un autre lieu ou "
                "prévenez les participants.")
        notify([*([author] if author else []), *managers], "event.room_refused", text, f"/agenda/{event.id}",
               actor=actor, site_url=site_url, email_subject=f"Salle refusée : {event.title}", email_text=text)
