"""E-mail: queued in the transaction that decides it, sent by the worker.

Services call ``queue_email``: the e-mail becomes a row of the outbox (forum.core.outbox) in the
same transaction, so a rollback leaves nothing and a commit always leads to a sending. No request
talks to the mail server: the worker (``flask worker``, forum.worker) sends, through
Flask-Mailman (SMTP in production, files under instance/mail in development, an in-memory outbox
in tests), with retries; ``deliver_due`` is its step.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from email.utils import make_msgid
from urllib.parse import urlsplit

from flask import current_app
from flask_mailman import EmailMessage
from sqlalchemy import event, insert
from sqlalchemy.orm import Session

from forum.core import outbox
from forum.core.database import write_intent
from forum.core.models import utcnow
from forum.core.outbox import OutboxEmail, RetryPolicy
from forum.core.typography import french_spacing
from forum.core.wakeup import announce

logger = logging.getLogger(__name__)
CHANNEL = "forum_mail"
SUBJECT_LENGTH = 300  # the column's length: a longer subject is cut, never refused by PostgreSQL
RECORD_MARGIN_SECONDS = 5  # beyond MAIL_TIMEOUT, for a worker to record an attempt's outcome


def unsubscribe_headers(unsubscribe_url: str) -> dict[str, str]:
    # RFC 8058: mail clients show their own "unsubscribe" button and POST to the link (no form, no login).
    if not unsubscribe_url.startswith(("https://", "http://")):
        return {}
    return {"List-Unsubscribe": f"<{unsubscribe_url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def queue_email(session: Session, to: str, subject: str, text: str, unsubscribe_url: str = "", *,
                user_id: int | None = None, language: str = "fr") -> OutboxEmail:
    """Add this plain-text e-mail to the outbox, in ``session``'s transaction; ``unsubscribe_url``
    also goes in its headers. ``user_id``: the member it is for (their account's deletion deletes it)."""
    email = OutboxEmail(**_row(QueuedEmail(to, subject, text, unsubscribe_url, user_id, language), _domain(), utcnow()))
    session.add(email)
    return email


@dataclass(frozen=True)
class QueuedEmail:
    to: str
    subject: str
    text: str
    unsubscribe_url: str = ""
    user_id: int | None = None
    language: str = "fr"


def queue_emails(session: Session, emails: list[QueuedEmail]) -> int:
    """``queue_email`` for many at once, in one INSERT (a post followed by hundreds of members):
    the request's time grows by microseconds per recipient, not by a unit of work each."""
    if not emails:
        return 0
    domain, now = _domain(), utcnow()
    session.execute(insert(OutboxEmail), [_row(email, domain, now) for email in emails])
    announce(session, CHANNEL)
    return len(emails)


def _domain() -> str:
    return urlsplit(current_app.config["SITE_URL"]).hostname or "localhost"


def _row(email: QueuedEmail, domain: str, now) -> dict:
    # French no-break spaces here, where every French e-mail passes: a mail reader wraps lines too.
    # An e-mail in another language is left as written (English puts no space before « : ? »).
    typeset = french_spacing if email.language == "fr" else str
    subject = typeset(email.subject)
    subject = subject if len(subject) <= SUBJECT_LENGTH else subject[:SUBJECT_LENGTH - 1] + "…"
    return {"user_id": email.user_id, "recipient": email.to, "language": email.language, "subject": subject,
            "body": typeset(email.text), "headers_json": json.dumps(unsubscribe_headers(email.unsubscribe_url)),
            "message_id": make_msgid(domain=domain), "state": outbox.DeliveryState.PENDING, "attempts": 0,
            "next_attempt_at": now, "created_at": now}


def _announce_new_emails(session: Session, flush_context) -> None:
    if any(isinstance(instance, OutboxEmail) for instance in session.new):
        announce(session, CHANNEL)


def install_mail_hooks() -> None:
    """Wake the worker when a transaction queues e-mail (idempotent, once per process)."""
    if not event.contains(Session, "after_flush", _announce_new_emails):
        event.listen(Session, "after_flush", _announce_new_emails)


def retry_policy() -> RetryPolicy:
    config = current_app.config
    return RetryPolicy(max_attempts=config["MAIL_MAX_ATTEMPTS"],
                       base=timedelta(seconds=config["MAIL_RETRY_SECONDS"]),
                       ceiling=timedelta(seconds=config["MAIL_RETRY_CEILING_SECONDS"]))


def lease_duration(batch: int) -> timedelta:
    """How long a worker owns the e-mails it claims: MAIL_LEASE_SECONDS, else long enough for the
    whole batch even if every SMTP conversation takes its full timeout. Each e-mail is only tried
    while a full timeout (and the time to record the outcome) remains of the lease (``deliver_due``):
    a live worker never sees its lease run out under it."""
    config = current_app.config
    if config.get("MAIL_LEASE_SECONDS"):
        return timedelta(seconds=float(config["MAIL_LEASE_SECONDS"]))
    return timedelta(seconds=max(300, 3 * batch * (config["MAIL_TIMEOUT"] + RECORD_MARGIN_SECONDS)))


def deliver_due(engine, worker: str, *, batch: int = 20, stop: Callable[[], bool] = lambda: False) -> int:
    """Send one batch of due e-mails as ``worker``; the number tried (0: none was due).

    Each e-mail's outcome is committed as soon as it is known, so a worker killed mid-batch
    leaves at most the one e-mail it was sending in doubt (its lease runs out, and it goes again
    with the same Message-ID). ``stop()`` true between two e-mails: the rest are released.
    """
    timeout = current_app.config["MAIL_TIMEOUT"]
    lease = lease_duration(batch)
    with write_intent(False), Session(engine) as session:
        if not outbox.any_due(session):
            return 0  # most wake-ups and rounds: no write transaction for nothing
    with write_intent(), Session(engine) as session:
        claimed = [(email.id, email.recipient, email.subject, email.body, email.headers, email.lease_until)
                   for email in outbox.claim(session, worker, limit=batch, lease=lease)]
        session.commit()
    if not claimed:
        return 0
    policy, tried, connection = retry_policy(), 0, None
    try:
        for position, (email_id, recipient, subject, body, headers, lease_until) in enumerate(claimed):
            if stop() or utcnow() + timedelta(seconds=timeout + RECORD_MARGIN_SECONDS) > lease_until:
                _release(engine, [row[0] for row in claimed[position:]], worker)
                break
            tried += 1
            try:
                if connection is None:
                    connection = current_app.extensions["mailman"].get_connection(fail_silently=False)
                    connection.open()
                message = EmailMessage(subject=subject, body=body, to=[recipient], headers=headers,
                                       connection=connection)
                if connection.send_messages([message]) != 1:
                    raise RuntimeError("the mail backend did not send the message")
            except Exception as error:  # noqa: BLE001 - any failure is this attempt's: recorded, retried
                connection = _close(connection)
                _record_failure(engine, email_id, worker, f"{type(error).__name__}: {error}", policy)
                continue
            with write_intent(), Session(engine) as session:
                if not outbox.mark_sent(session, email_id, worker):
                    logger.warning("E-mail %s was sent after its lease ran out", email_id)
                session.commit()
    finally:
        _close(connection)
    return tried


def _close(connection):
    if connection is not None:
        try:
            connection.close()
        except Exception:  # noqa: BLE001 - a connection that broke is closed anyway
            pass
    return None


def _release(engine, email_ids: list[int], worker: str) -> None:
    with write_intent(), Session(engine) as session:
        outbox.release(session, email_ids, worker)
        session.commit()


def _record_failure(engine, email_id: int, worker: str, error: str, policy: RetryPolicy) -> None:
    with write_intent(), Session(engine) as session:
        state = outbox.mark_attempt_failed(session, email_id, worker, error, policy)
        session.commit()
    level = logging.ERROR if state is outbox.DeliveryState.FAILED else logging.WARNING
    logger.log(level, "E-mail %s not sent (%s): %s", email_id, state.value if state else "lease lost", error)
