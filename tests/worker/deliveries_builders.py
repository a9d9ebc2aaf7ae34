"""Builders for the outbox tests: e-mails that failed, or wait for their next attempt, made
through the outbox's own transitions (forum.core.outbox)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import update

from forum.core import outbox
from forum.core.database import write_intent
from forum.core.mail import queue_email
from forum.core.models import utcnow
from forum.core.outbox import DeliveryState, OutboxEmail, RetryPolicy
from forum.extensions import db

BODY = "Le corps de l'e-mail, qui ne regarde que sa destinataire."
FIRST_IN_LINE = datetime(2000, 1, 1, tzinfo=timezone.utc)
LONG_ADDRESS = "une.adresse.vraiment.tres.longue.pour.voir.si.elle.passe@sous-domaine.exemple-de-fabrique.fr"
LONG_ERROR = ("SMTPRecipientsRefused: {'" + LONG_ADDRESS + "': (550, b'5.1.1 <" + LONG_ADDRESS
              + ">: Recipient address rejected: User unknown in virtual mailbox table')}")


def make_failed_email(to: str, subject: str, error: str, *, attempts: int = 3, user_id: int | None = None) -> int:
    """An e-mail that failed ``attempts`` times, through the outbox's own transitions."""
    policy = RetryPolicy(max_attempts=attempts, base=timedelta(0), ceiling=timedelta(0))
    with write_intent():
        email = queue_email(db.session, to, subject, BODY, user_id=user_id)
        db.session.flush()
        state = None
        for _ in range(attempts):
            # First in line (a server's worker may have others), then claimed and failed.
            db.session.execute(update(OutboxEmail).where(OutboxEmail.id == email.id)
                               .values(next_attempt_at=FIRST_IN_LINE))
            now = utcnow()
            [claimed] = outbox.claim(db.session, "essai", limit=1, lease=timedelta(minutes=5), now=now)
            assert claimed.id == email.id
            state = outbox.mark_attempt_failed(db.session, email.id, "essai", error, policy, now=now)
        assert state is DeliveryState.FAILED
        email_id = email.id  # read before the commit expires it: no read transaction left open after
        db.session.commit()
    return email_id


def make_waiting_email(to: str, subject: str, *, user_id: int | None = None) -> int:
    """An e-mail waiting for its next attempt (the mail server refused it a minute ago)."""
    with write_intent():
        email = queue_email(db.session, to, subject, BODY, user_id=user_id)
        db.session.flush()
        db.session.execute(update(OutboxEmail).where(OutboxEmail.id == email.id).values(
            attempts=1, next_attempt_at=utcnow() + timedelta(hours=1), last_error="TimeoutError: timed out"))
        email_id = email.id
        db.session.commit()
    return email_id
