"""In-app notifications: one row per member and event."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.accounts.models import User
from forum.core.models import Base, UTCDateTime, str_enum, utcnow


class Notification(Base):
    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_user_id_read_at", "user_id", "read_at"),)
    __affects_pages__ = False  # private to its recipient; no public page shows it

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # What happened, for filtering and e-mail preferences: "loan.requested", "loan.message"...
    kind: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(String(300))
    # A path on this site ("/prets/12"), never an outside URL.
    link: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    actor: Mapped[User | None] = relationship(foreign_keys=[actor_id], lazy="raise_on_sql")

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class EmailFrequency(str, enum.Enum):
    """When a member wants e-mails about their notifications."""

    IMMEDIATE = "immediat"
    DAILY = "quotidien"
    WEEKLY = "hebdomadaire"
    NEVER = "jamais"

    @property
    def label(self) -> str:
        return FREQUENCY_LABELS[self]


def N_(message: str) -> str:
    """Marks ``message`` for the catalogue (pybabel's default keyword); translated where it is shown
    (models import no Flask: the template or view passes it through gettext)."""
    return message


FREQUENCY_LABELS = {
    EmailFrequency.IMMEDIATE: N_("Immédiatement, un e-mail par notification"),
    EmailFrequency.DAILY: N_("Un résumé quotidien"),
    EmailFrequency.WEEKLY: N_("Un résumé hebdomadaire"),
    EmailFrequency.NEVER: N_("Jamais"),
}


class EmailPreference(Base):
    """A member's e-mail choice (no row: immediate e-mails) and when their last digest left."""

    __tablename__ = "email_preferences"
    __affects_pages__ = False  # private

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    frequency: Mapped[EmailFrequency] = mapped_column(str_enum(EmailFrequency, length=16))
    last_digest_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
