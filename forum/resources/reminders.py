"""Daily loan reminders (the worker's schedules, or ``flask loans remind``): each e-mail goes once.

- the day before an accepted loan starts (or the same day, if the job missed a day);
- the day before a running loan ends;
- once a running loan is past its end date: an overdue notice.
Returned, cancelled and declined loans never get one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from forum.core.dates import day_fr
from forum.core.models import utcnow
from forum.extensions import db
from forum.notifications.services import email_member, wants_email
from forum.resources.models import Loan, LoanState
from forum.resources.services import borrower_recipients, owner_recipients


@dataclass
class ReminderCounts:
    starting: int = 0
    ending: int = 0
    overdue: int = 0


def _email_both_sides(loan: Loan, subject: str, text: str, site_url: str) -> None:
    recipients = {user.id: user for user in owner_recipients(loan) + borrower_recipients(loan)}
    # A reminder cannot wait for a digest: it goes to everyone but those who chose "jamais".
    for user_id in sorted(wants_email(list(recipients))):
        email_member(recipients[user_id], subject, f"Bonjour {recipients[user_id].display_name},\n\n{text}\n\n"
                     f"{site_url}/prets/{loan.id}\n\n-- \nForum des Fabriques", site_url)


def _loans(*conditions) -> list[Loan]:
    return list(db.session.execute(
        select(Loan).where(*conditions).options(joinedload(Loan.resource), joinedload(Loan.owner_fabrique),
                                                joinedload(Loan.borrower_fabrique))
        .order_by(Loan.id).with_for_update(of=Loan)
    ).unique().scalars())


def send_reminders(today: date, site_url: str = "") -> ReminderCounts:
    """Queue today's reminders and mark them sent; the caller commits (the e-mails leave then)."""
    tomorrow = today + timedelta(days=1)
    counts = ReminderCounts()
    now = utcnow()
    for loan in _loans(Loan.state == LoanState.ACCEPTED, Loan.start_date.in_((today, tomorrow)),
                       Loan.start_reminder_sent_at.is_(None)):
        when = "demain" if loan.start_date == tomorrow else "aujourd'hui"
        if loan.starts_at is not None:  # a room booked by the hour: the slot, in Paris time
            _email_both_sides(loan, f"Rappel : « {loan.resource.name} » est réservée {when}",
                              f"« {loan.resource.name} » de {loan.owner_fabrique.name} est réservée pour "
                              f"{loan.borrower_fabrique.name} {when}, le {loan.slot_label}.", site_url)
        else:
            _email_both_sides(loan, f"Rappel : le prêt de « {loan.resource.name} » commence {when}",
                              f"Le prêt de « {loan.resource.name} » de {loan.owner_fabrique.name} à "
                              f"{loan.borrower_fabrique.name} commence {when} ({day_fr(loan.start_date)}).",
                              site_url)
        loan.start_reminder_sent_at = now
        counts.starting += 1
    for loan in _loans(Loan.state == LoanState.LENT, Loan.end_date.in_((today, tomorrow)),
                       Loan.end_reminder_sent_at.is_(None)):
        when = "demain" if loan.end_date == tomorrow else "aujourd'hui"
        _email_both_sides(loan, f"Rappel : « {loan.resource.name} » est à rendre {when}",
                          f"« {loan.resource.name} », prêté par {loan.owner_fabrique.name}, est à rendre {when} "
                          f"({day_fr(loan.end_date)}).", site_url)
        loan.end_reminder_sent_at = now
        counts.ending += 1
    for loan in _loans(Loan.state == LoanState.LENT, Loan.end_date < today, Loan.overdue_notice_sent_at.is_(None)):
        _email_both_sides(loan, f"Prêt en retard : « {loan.resource.name} »",
                          f"« {loan.resource.name} », prêté par {loan.owner_fabrique.name} à "
                          f"{loan.borrower_fabrique.name}, devait être rendu le {day_fr(loan.end_date)}. "
                          "Merci de convenir d'une date de retour dans la conversation du prêt.", site_url)
        loan.overdue_notice_sent_at = now
        counts.overdue += 1
    db.session.flush()
    return counts
