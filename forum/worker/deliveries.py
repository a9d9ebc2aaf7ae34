"""What administrators see of the outbox, and sending a failed e-mail again."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from forum.accounts.models import User
from forum.core import outbox
from forum.core.errors import Conflict, Forbidden, NotFound
from forum.core.outbox import DeliveryState, OutboxEmail
from forum.core.pagination import Page, paginate
from forum.core.wakeup import announce
from forum.extensions import db

ADMINS_ONLY = _l("Les envois d'e-mails sont réservés aux administrateur·rices.")


def _require_admin(actor: User) -> None:
    if not actor.is_admin:
        raise Forbidden(ADMINS_ONLY)


def failed_emails(actor: User, page: int, per_page: int) -> Page[OutboxEmail]:
    """The e-mails kept as failed after their last attempt, the latest failure first."""
    _require_admin(actor)
    statement = (select(OutboxEmail).where(OutboxEmail.state == DeliveryState.FAILED)
                 .order_by(OutboxEmail.failed_at.desc(), OutboxEmail.id.desc()))
    return paginate(db.session, statement, page, per_page)


def delivery_counts(actor: User) -> dict[DeliveryState, int]:
    _require_admin(actor)
    return outbox.counts(db.session)


def resend_failed(actor: User, email_id: int) -> OutboxEmail:
    """Put a failed e-mail back in the outbox, for the worker to send at once (compare-and-set:
    two administrators clicking together resend it once; the second is told)."""
    _require_admin(actor)
    email = db.session.get(OutboxEmail, email_id)
    if email is None:
        raise NotFound(_("Cet e-mail n'est plus dans la file d'envoi."))
    if not outbox.resend(db.session, email_id):
        raise Conflict(_("Cet e-mail n'est plus en échec : il a déjà été renvoyé."))
    announce(db.session, "forum_mail")
    db.session.refresh(email)
    return email
