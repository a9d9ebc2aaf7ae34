"""The e-mail outbox: the one module that moves a queued e-mail through its states.

A row is written in the transaction that decided the e-mail (``forum.core.mail.queue_email``),
so a rollback leaves nothing and a commit always leaves a row for a worker to send.

    pending ──claim──▶ sending ──sent──▶ sent
       ▲                  │
       └──failed attempt──┤ (backoff, until the maximum number of attempts)
                          └──────────────▶ failed ──resend (an admin)──▶ pending

A claim is a lease: the worker that claimed a row owns it until ``lease_until``. Every change
of state is a compare-and-set on (id, state, claimed_by), so two workers never both send one
message: on PostgreSQL the claim skips rows another worker has locked (``FOR UPDATE SKIP
LOCKED``); on SQLite one worker runs (forum.core.wakeup refuses a second one). A worker stops
sending a claimed message before its lease can run out, and a lease runs out only when its worker
died: the message then goes again, with the same Message-ID, so a copy delivered before the crash
is recognisable.
"""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ForeignKey, Index, Integer, String, Text, and_, delete, func, or_, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from forum.core.models import Base, UTCDateTime, str_enum, utcnow

ERROR_LENGTH = 1000


class DeliveryState(str, enum.Enum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"


class OutboxEmail(Base):
    """One plain-text e-mail to one recipient, and how its delivery went."""

    __tablename__ = "outbox_emails"
    __table_args__ = (
        Index("ix_outbox_emails_due", "state", "next_attempt_at"),
        Index("ix_outbox_emails_user_id", "user_id"),
    )
    __affects_pages__ = False  # read by workers and administrators only

    id: Mapped[int] = mapped_column(primary_key=True)
    # The member it is for (None for an address without an account yet); their account's deletion
    # deletes the e-mails still here.
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    recipient: Mapped[str] = mapped_column(String(320))
    language: Mapped[str] = mapped_column(String(8), default="fr")
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)  # emptied once sent: the member's text need not stay here
    headers_json: Mapped[str] = mapped_column(Text, default="{}")
    message_id: Mapped[str] = mapped_column(String(255), unique=True)
    state: Mapped[DeliveryState] = mapped_column(str_enum(DeliveryState, 10), default=DeliveryState.PENDING)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    claimed_by: Mapped[str | None] = mapped_column(String(100))
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    failed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(String(ERROR_LENGTH))

    @property
    def headers(self) -> dict[str, str]:
        return {**json.loads(self.headers_json or "{}"), "Message-ID": self.message_id}


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff: ``base`` after the first failure, doubling, at most ``ceiling``."""

    max_attempts: int = 8
    base: timedelta = timedelta(minutes=1)
    ceiling: timedelta = timedelta(hours=6)

    def delay_after(self, attempts: int) -> timedelta:
        return min(self.base * (2 ** max(attempts - 1, 0)), self.ceiling)


def _claimable(now: datetime):
    return or_(and_(OutboxEmail.state == DeliveryState.PENDING, OutboxEmail.next_attempt_at <= now),
               and_(OutboxEmail.state == DeliveryState.SENDING, OutboxEmail.lease_until < now))


def any_due(session: Session, now: datetime | None = None) -> bool:
    """Whether some e-mail waits to be claimed (a read: the claim itself takes the write lock)."""
    return session.execute(select(OutboxEmail.id).where(_claimable(now or utcnow())).limit(1)).first() is not None


def claim(session: Session, worker: str, *, limit: int, lease: timedelta, now: datetime | None = None) -> list[OutboxEmail]:
    """Take up to ``limit`` due e-mails for ``worker`` until ``now + lease`` (one attempt each).
    The caller commits before sending, so that the claim is seen by the other workers."""
    now = now or utcnow()
    query = select(OutboxEmail.id).where(_claimable(now)).order_by(OutboxEmail.next_attempt_at, OutboxEmail.id)
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    ids = list(session.execute(query.limit(limit)).scalars())
    if not ids:
        return []
    session.execute(
        update(OutboxEmail).where(OutboxEmail.id.in_(ids), _claimable(now))
        .values(state=DeliveryState.SENDING, claimed_by=worker, lease_until=now + lease,
                attempts=OutboxEmail.attempts + 1)
        .execution_options(synchronize_session=False))
    return list(session.execute(
        select(OutboxEmail).where(OutboxEmail.id.in_(ids), OutboxEmail.claimed_by == worker,
                                  OutboxEmail.state == DeliveryState.SENDING)
        .order_by(OutboxEmail.next_attempt_at, OutboxEmail.id)
        .execution_options(populate_existing=True)).scalars())


def _owned(email_id: int, worker: str):
    return (OutboxEmail.id == email_id, OutboxEmail.state == DeliveryState.SENDING, OutboxEmail.claimed_by == worker)


def mark_sent(session: Session, email_id: int, worker: str, now: datetime | None = None) -> bool:
    """The SMTP server accepted it. False when ``worker`` no longer held it (its lease ran out)."""
    result = session.execute(update(OutboxEmail).where(*_owned(email_id, worker)).values(
        state=DeliveryState.SENT, sent_at=now or utcnow(), body="", lease_until=None, last_error=None))
    return result.rowcount == 1


def mark_attempt_failed(session: Session, email_id: int, worker: str, error: str, policy: RetryPolicy,
                        now: datetime | None = None) -> DeliveryState | None:
    """The attempt failed: try again later, or keep the e-mail as failed after the last attempt.
    The new state, or None when ``worker`` no longer held it."""
    now = now or utcnow()
    email = session.execute(select(OutboxEmail).where(*_owned(email_id, worker))).scalar_one_or_none()
    if email is None:
        return None
    email.last_error = error[:ERROR_LENGTH]
    email.lease_until = None
    if email.attempts >= policy.max_attempts:
        email.state, email.failed_at = DeliveryState.FAILED, now
    else:
        email.state, email.next_attempt_at = DeliveryState.PENDING, now + policy.delay_after(email.attempts)
    session.flush()
    return email.state


def release(session: Session, email_ids: list[int], worker: str) -> int:
    """Give back claimed e-mails that were not tried (the worker is stopping): the claim did not count."""
    if not email_ids:
        return 0
    result = session.execute(
        update(OutboxEmail).where(OutboxEmail.id.in_(email_ids), OutboxEmail.state == DeliveryState.SENDING,
                                  OutboxEmail.claimed_by == worker)
        .values(state=DeliveryState.PENDING, claimed_by=None, lease_until=None, attempts=OutboxEmail.attempts - 1)
        .execution_options(synchronize_session=False))
    return result.rowcount


def resend(session: Session, email_id: int, now: datetime | None = None) -> bool:
    """A failed e-mail goes again, with a fresh count of attempts. False when it was not failed
    (already sent again, by another administrator's click)."""
    result = session.execute(
        update(OutboxEmail).where(OutboxEmail.id == email_id, OutboxEmail.state == DeliveryState.FAILED)
        .values(state=DeliveryState.PENDING, attempts=0, next_attempt_at=now or utcnow(), failed_at=None,
                claimed_by=None, lease_until=None)
        .execution_options(synchronize_session=False))
    return result.rowcount == 1


def next_attempt_at(session: Session) -> datetime | None:
    """When the next e-mail becomes due (a lease that runs out counts), for the worker's sleep."""
    pending = session.execute(select(func.min(OutboxEmail.next_attempt_at))
                              .where(OutboxEmail.state == DeliveryState.PENDING)).scalar_one()
    leased = session.execute(select(func.min(OutboxEmail.lease_until))
                             .where(OutboxEmail.state == DeliveryState.SENDING)).scalar_one()
    return min((moment for moment in (pending, leased) if moment is not None), default=None)


def counts(session: Session) -> dict[DeliveryState, int]:
    rows = session.execute(select(OutboxEmail.state, func.count()).group_by(OutboxEmail.state)).all()
    return {state: 0 for state in DeliveryState} | dict(rows)


def forget_member(session: Session, user_id: int, address: str) -> int:
    """Delete the e-mails for a member whose account goes (sent ones included: only their trace)."""
    result = session.execute(delete(OutboxEmail).where(or_(OutboxEmail.user_id == user_id,
                                                           OutboxEmail.recipient == address)))
    return result.rowcount


def prune(session: Session, *, sent_before: datetime, failed_before: datetime) -> int:
    """Delete the trace of e-mails sent long ago, and of failures nobody sent again."""
    result = session.execute(delete(OutboxEmail).where(or_(
        and_(OutboxEmail.state == DeliveryState.SENT, OutboxEmail.sent_at < sent_before),
        and_(OutboxEmail.state == DeliveryState.FAILED, OutboxEmail.failed_at < failed_before))))
    return result.rowcount
