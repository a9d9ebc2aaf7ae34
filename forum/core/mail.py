"""E-mail, sent only once the transaction that decided it has committed.

Services call ``queue_email``; the message waits in the session and goes out
after the commit (nothing is sent for a rolled-back transaction). Sending goes
through Flask-Mailman: SMTP in production, files under instance/mail in
development, an in-memory outbox in tests.

An e-mail queued with ``in_background=True`` leaves, after the commit, from a
thread of its own while the response goes out: a page whose answer must not
reveal whether an e-mail was sent ("mot de passe oublié") then does not wait for
the mail server, and takes the same time either way.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

from flask import Flask, current_app, has_request_context
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
    in_background: bool = False

    def headers(self) -> dict[str, str]:
        # RFC 8058: mail clients show their own "unsubscribe" button and POST to the link (no form, no login).
        if not self.unsubscribe_url.startswith(("https://", "http://")):
            return {}
        return {"List-Unsubscribe": f"<{self.unsubscribe_url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def queue_email(session: Session, to: str, subject: str, text: str, unsubscribe_url: str = "", *,
                in_background: bool = False) -> None:
    """Send this plain-text e-mail after ``session`` commits; ``unsubscribe_url`` also goes in its headers.
    ``in_background``: during a request, send it from another thread (see the module's docstring)."""
    session.info.setdefault(_PENDING, []).append(Email(to=to, subject=subject, text=text,
                                                       unsubscribe_url=unsubscribe_url, in_background=in_background))


def _send_after_commit(session: Session) -> None:
    emails = session.info.pop(_PENDING, [])
    if not emails:
        return
    in_request = has_request_context()
    now, later = [], []
    for email in emails:
        (later if email.in_background and in_request else now).append(email)
    if later:
        _send_in_background(current_app._get_current_object(), later)
    _send(now)


_background: list[threading.Thread] = []
_background_lock = threading.Lock()


def _send_in_background(app: Flask, emails: list[Email]) -> None:
    def run():
        with app.app_context():
            _send(emails)

    # Not a daemon: a worker that stops (gunicorn restarts them) lets its last e-mails leave first.
    thread = threading.Thread(target=run, name="forum-mail", daemon=False)
    with _background_lock:
        _background[:] = [other for other in _background if other.is_alive()]
        _background.append(thread)
    thread.start()


def wait_for_background_email(timeout: float = 30.0) -> None:
    """Return once the e-mails handed to background threads so far are sent (for tests)."""
    with _background_lock:
        threads = list(_background)
    for thread in threads:
        thread.join(timeout)


def _send(emails: list[Email]) -> None:
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
