"""E-mail, sent only once the transaction that decided it has committed.

Services call ``queue_email``; the message waits in the session and goes out
after the commit (nothing is sent for a rolled-back transaction). Sending goes
through Flask-Mailman: SMTP in production, files under instance/mail in
development, an in-memory outbox in tests.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from flask import current_app
from flask_mailman import EmailMessage
from sqlalchemy import event
from sqlalchemy.orm import Session

logger = logging.getLogger(__name__)
_PENDING = "pending_emails"


@dataclass(frozen=True)
class Email:
    to: str
    subject: str
    text: str
    unsubscribe_url: str = ""

    def headers(self) -> dict[str, str]:
        # RFC 8058: mail clients show their own "unsubscribe" button and POST to the link (no form, no login).
        if not self.unsubscribe_url.startswith(("https://", "http://")):
            return {}
        return {"List-Unsubscribe": f"<{self.unsubscribe_url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def queue_email(session: Session, to: str, subject: str, text: str, unsubscribe_url: str = "") -> None:
    """Send this plain-text e-mail after ``session`` commits; ``unsubscribe_url`` also goes in its headers."""
    session.info.setdefault(_PENDING, []).append(Email(to=to, subject=subject, text=text,
                                                       unsubscribe_url=unsubscribe_url))


def _send_after_commit(session: Session) -> None:
    emails = session.info.pop(_PENDING, [])
    if not emails:
        return
    try:
        connection = current_app.extensions["mailman"].get_connection()
        messages = [EmailMessage(subject=email.subject, body=email.text, to=[email.to], connection=connection,
                                 headers=email.headers())
                    for email in emails]
        connection.send_messages(messages)
    except Exception:  # noqa: BLE001 - the commit stands; an unsent e-mail must not turn it into an error
        logger.exception("Could not send %d e-mail(s) after commit", len(emails))


def _forget(session: Session, previous_transaction=None) -> None:
    session.info.pop(_PENDING, None)


def install_mail_hooks() -> None:
    """Listen to every ORM session once per process (idempotent)."""
    if not event.contains(Session, "after_commit", _send_after_commit):
        event.listen(Session, "after_commit", _send_after_commit)
        event.listen(Session, "after_soft_rollback", _forget)
