"""Daily loan reminders (the worker's schedules, or ``flask loans remind``): each e-mail goes once.

- the day before an accepted loan starts (or the same day, if the job missed a day);
- the day before a running loan ends;
- once a running loan is past its end date: an overdue notice.
Returned, cancelled and declined loans never get one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from flask_babel import force_locale, gettext as _
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from forum.core.dates import format_day
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


def _email_both_sides(loan: Loan, subject: Callable[[], str], text: Callable[[], str], site_url: str) -> None:
    """``subject`` and ``text`` are written for each recipient, in their language."""
    recipients = {user.id: user for user in owner_recipients(loan) + borrower_recipients(loan)}
    # A reminder cannot wait for a digest: it goes to everyone but those who chose "jamais".
    for user_id in sorted(wants_email(list(recipients))):
        user = recipients[user_id]
        with force_locale(user.email_language):
            email_member(user, subject(), _("Bonjour %(name)s,", name=user.display_name) + f"\n\n{text()}\n\n"
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
        _remind_start(loan, loan.start_date == tomorrow, site_url)
        loan.start_reminder_sent_at = now
        counts.starting += 1
    for loan in _loans(Loan.state == LoanState.LENT, Loan.end_date.in_((today, tomorrow)),
                       Loan.end_reminder_sent_at.is_(None)):
        _remind_end(loan, loan.end_date == tomorrow, site_url)
        loan.end_reminder_sent_at = now
        counts.ending += 1
    for loan in _loans(Loan.state == LoanState.LENT, Loan.end_date < today, Loan.overdue_notice_sent_at.is_(None)):
        _remind_overdue(loan, site_url)
        loan.overdue_notice_sent_at = now
        counts.overdue += 1
    db.session.flush()
    return counts


def _when(tomorrow: bool) -> str:
    return _("demain") if tomorrow else _("aujourd'hui")


def _remind_start(loan: Loan, tomorrow: bool, site_url: str) -> None:
    names = {"resource": loan.resource.name, "owner": loan.owner_fabrique.name,
             "borrower": loan.borrower_fabrique.name}
    if loan.starts_at is not None:  # a room booked by the hour: the slot, in Paris time
        _email_both_sides(
            loan, lambda: _("Rappel\u00a0: « %(resource)s » est réservée %(when)s", when=_when(tomorrow), **names),
            lambda: _("« %(resource)s » de %(owner)s est réservée pour %(borrower)s %(when)s, le %(slot)s.",
                      when=_when(tomorrow), slot=loan.slot_label, **names), site_url)
    else:
        _email_both_sides(
            loan, lambda: _("Rappel\u00a0: le prêt de « %(resource)s » commence %(when)s", when=_when(tomorrow),
                            **names),
            lambda: _("Le prêt de « %(resource)s » de %(owner)s à %(borrower)s commence %(when)s (%(day)s).",
                      when=_when(tomorrow), day=format_day(loan.start_date), **names), site_url)


def _remind_end(loan: Loan, tomorrow: bool, site_url: str) -> None:
    names = {"resource": loan.resource.name, "owner": loan.owner_fabrique.name}
    _email_both_sides(
        loan, lambda: _("Rappel\u00a0: « %(resource)s » est à rendre %(when)s", when=_when(tomorrow), **names),
        lambda: _("« %(resource)s », prêté par %(owner)s, est à rendre %(when)s (%(day)s).", when=_when(tomorrow),
                  day=format_day(loan.end_date), **names), site_url)


def _remind_overdue(loan: Loan, site_url: str) -> None:
    names = {"resource": loan.resource.name, "owner": loan.owner_fabrique.name,
             "borrower": loan.borrower_fabrique.name}
    _email_both_sides(
        loan, lambda: _("Prêt en retard\u00a0: « %(resource)s »", **names),
        lambda: _("« %(resource)s », prêté par %(owner)s à %(borrower)s, devait être rendu le %(day)s. Merci de "
                  "convenir d'une date de retour dans la conversation du prêt.", day=format_day(loan.end_date),
                  **names), site_url)
