"""The secret address of a member's private calendar feed (``/agenda/membre/<token>.ics``).

The token is random (``secrets.token_urlsafe(32)``: 256 bits) and only its SHA-256 is stored, so
the database never holds the address: it is shown once, when it is made. Making a new one
replaces the old (one row per member), so the old address stops working at once.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

from flask_babel import lazy_gettext

from sqlalchemy import ForeignKey, String, select
from sqlalchemy.orm import Mapped, mapped_column

from forum.accounts.models import User
from forum.core.errors import Conflict
from forum.core.locking import NOT_CHECKED, lock
from forum.core.models import Base, UTCDateTime
from forum.extensions import db

TOKEN_BYTES = 32
# token_urlsafe(32) gives 43 characters; anything much longer is not one of ours (no hashing of megabytes).
MAX_TOKEN_LENGTH = 64
REPLACED = lazy_gettext("Une nouvelle adresse d'agenda vient d'être générée (dans un autre onglet, ou par un double "
                        "clic)\u00a0: elle n'est plus affichable, et celle que vous aviez ne fonctionne plus. "
                        "Générez-en une nouvelle ci-dessous.")


class CalendarToken(Base):
    """A member's current calendar token, hashed; the row's absence means no private feed."""

    __tablename__ = "calendar_tokens"
    __affects_pages__ = False  # no public page shows it

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def token_of(user: User) -> CalendarToken | None:
    return db.session.get(CalendarToken, user.id)


def marker_of(row: CalendarToken | None) -> str:
    """What the « Mon agenda » page says it replaces: the start of the current hash ("" for none).
    Sixteen hex digits of a SHA-256 of 256 random bits tell nothing of the address."""
    return row.token_hash[:16] if row is not None else ""


def issue_token(actor: User, now: datetime, *, replaces: str | None | object = NOT_CHECKED) -> str:
    """A new token for ``actor`` (the old one, if any, stops working); the clear token, to show once.

    ``replaces``: the ``marker_of`` the member's page showed. The member's row is locked first (a
    member's own row before anything they change, see forum.core.locking), then the current token
    read: of two « nouvelle adresse » at once (two tabs), the second finds the token changed and
    gets a 409, so the address a page shows is always the one that works; without the lock both
    would replace it (one address shown dead) or both insert the row (a primary-key violation)."""
    lock(actor)
    row = db.session.get(CalendarToken, actor.id, populate_existing=True)
    if replaces is not NOT_CHECKED and replaces != marker_of(row):
        raise Conflict(str(REPLACED))
    token = secrets.token_urlsafe(TOKEN_BYTES)
    if row is None:
        db.session.add(CalendarToken(user_id=actor.id, token_hash=hash_token(token), created_at=now))
    else:
        row.token_hash, row.created_at = hash_token(token), now
    db.session.flush()
    return token


def member_of_token(token: str) -> User | None:
    """The member whose current token is ``token`` (an account deleted since: None); one query."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    return db.session.execute(
        select(User).join(CalendarToken, CalendarToken.user_id == User.id)
        .where(CalendarToken.token_hash == hash_token(token), User.deleted_at.is_(None))).scalar_one_or_none()
