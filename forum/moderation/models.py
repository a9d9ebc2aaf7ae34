"""Moderation: members' flags on content, and the log of what moderators did.

The moderation state of content itself lives on the content's own table (``hidden_at``;
``hidden_kind``, why it is hidden, as state; ``hidden_reason``, the sentence shown;
``threads.is_locked``, ``threads.is_pinned``, ``users.suspended_*``), declared by each domain;
this package sets it.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.accounts.models import User
from forum.core.models import Base, UTCDateTime, str_enum, utcnow


def N_(message: str) -> str:
    """Mark a label for the catalogue (Babel's ``N_`` keyword): kept in French here, translated where
    it is shown (models import no Flask)."""
    return message


class TargetType(str, enum.Enum):
    """What a flag or a log row is about; the value is the URL segment (/moderation/message/12)."""

    POST = "message"
    THREAD = "sujet"
    RESOURCE = "ressource"
    PRACTICE = "pratique"
    MEMBER = "membre"
    PRIVATE_MESSAGE = "prive"  # read by moderators only once a member of its conversation reported it
    EVENT = "evenement"

    @property
    def label(self) -> str:
        return TARGET_LABELS[self]


TARGET_LABELS = {TargetType.POST: N_("message"), TargetType.THREAD: N_("sujet"), TargetType.RESOURCE: N_("ressource"),
                 TargetType.PRACTICE: N_("retour d'expérience"), TargetType.MEMBER: N_("membre"),
                 TargetType.PRIVATE_MESSAGE: N_("message privé"), TargetType.EVENT: N_("événement")}
# Members are not flagged: a flag is about something written.
FLAGGABLE = (TargetType.POST, TargetType.THREAD, TargetType.RESOURCE, TargetType.PRACTICE, TargetType.PRIVATE_MESSAGE,
             TargetType.EVENT)


class FlagReason(str, enum.Enum):
    SPAM = "spam"
    INAPPROPRIATE = "inapproprie"
    OFF_TOPIC = "hors-sujet"
    OUTDATED = "obsolete"
    DUPLICATE = "doublon"
    OTHER = "autre"

    @property
    def label(self) -> str:
        return FLAG_REASON_LABELS[self]


FLAG_REASON_LABELS = {
    FlagReason.SPAM: N_("Spam ou publicité"), FlagReason.INAPPROPRIATE: N_("Inapproprié (insultes, propos blessants…)"),
    FlagReason.OFF_TOPIC: N_("Hors sujet"), FlagReason.OUTDATED: N_("Obsolète"), FlagReason.DUPLICATE: N_("Doublon"),
    FlagReason.OTHER: N_("Autre (précisez)"),
}


class FlagResolution(str, enum.Enum):
    UPHELD = "masque"  # the content was hidden
    REJECTED = "rejete"  # the content stays (or is restored)


class Flag(Base):
    """A member's report of a post, a thread, a resource or a practice report.

    One per member and target: flagging again while the first flag is open changes nothing;
    after a moderator closed it, flagging again reopens the same row. ``resolved_by_id`` then
    keeps who examined it last: a reopened flag no longer counts towards auto-hiding.
    """

    __tablename__ = "flags"
    __affects_pages__ = False  # only moderators see flags; no public page shows them
    __table_args__ = (
        UniqueConstraint("reporter_id", "target_type", "target_id", name="uq_flags_reporter_id_target"),
        Index("ix_flags_target_type_target_id", "target_type", "target_id"),
        Index("ix_flags_resolved_at_created_at", "resolved_at", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reporter_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    target_type: Mapped[TargetType] = mapped_column(str_enum(TargetType, length=12))
    target_id: Mapped[int] = mapped_column(Integer)
    reason: Mapped[FlagReason] = mapped_column(str_enum(FlagReason, length=12))
    note: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The moderator who closed it last; kept when the flag is reopened (None: never examined).
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    resolution: Mapped[FlagResolution | None] = mapped_column(str_enum(FlagResolution, length=12))

    reporter: Mapped[User] = relationship(foreign_keys=[reporter_id], lazy="raise_on_sql")

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None


class ModerationAction(str, enum.Enum):
    HIDE = "hide"
    RESTORE = "restore"
    AUTO_HIDE = "auto_hide"
    LOCK = "lock"
    UNLOCK = "unlock"
    PIN = "pin"
    UNPIN = "unpin"
    MOVE = "move"
    SUSPEND = "suspend"
    UNSUSPEND = "unsuspend"
    FLAGS_UPHELD = "flags_upheld"
    FLAGS_REJECTED = "flags_rejected"
    APPROVE = "approve"
    REJECT = "reject"
    MERGE = "merge"
    EDIT = "edit"
    # Announced by lower domains through forum.core.audit.
    SOLUTION = "solution"
    UNSOLUTION = "unsolution"
    # A reply that was its question's solution was hidden (by a moderator, by flags, or held after an
    # edit): showing it again gives the solution back (forum.threads.services.restore_solution).
    SOLUTION_HIDDEN = "solution_hidden"
    ROLE = "role"

    @property
    def label(self) -> str:
        return ACTION_LABELS[self]


ACTION_LABELS = {
    ModerationAction.HIDE: N_("Masquage"), ModerationAction.RESTORE: N_("Rétablissement"),
    ModerationAction.AUTO_HIDE: N_("Masquage automatique (signalements)"), ModerationAction.LOCK: N_("Verrouillage"),
    ModerationAction.UNLOCK: N_("Déverrouillage"), ModerationAction.PIN: N_("Épinglage"),
    ModerationAction.UNPIN: N_("Désépinglage"), ModerationAction.MOVE: N_("Déplacement"),
    ModerationAction.SUSPEND: N_("Suspension"), ModerationAction.UNSUSPEND: N_("Fin de suspension"),
    ModerationAction.FLAGS_UPHELD: N_("Signalements retenus (masqué)"),
    ModerationAction.FLAGS_REJECTED: N_("Signalements rejetés"),
    ModerationAction.APPROVE: N_("Publication après validation"), ModerationAction.REJECT: N_("Refus de publication"),
    ModerationAction.MERGE: N_("Fusion de sujets"), ModerationAction.EDIT: N_("Modification d'un message"),
    ModerationAction.SOLUTION: N_("Solution choisie pour l'auteur·rice"),
    ModerationAction.UNSOLUTION: N_("Solution retirée pour l'auteur·rice"),
    ModerationAction.SOLUTION_HIDDEN: N_("Solution mise de côté avec son message masqué"),
    ModerationAction.ROLE: N_("Changement de rôle"),
}


class ModerationLog(Base):
    """One row per moderation action: who, what, on which target, why, when. Never edited."""

    __tablename__ = "moderation_log"
    __affects_pages__ = False  # read by administrators only
    __table_args__ = (
        Index("ix_moderation_log_created_at", "created_at"),
        Index("ix_moderation_log_action_created_at", "action", "created_at"),
        Index("ix_moderation_log_moderator_id_created_at", "moderator_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # None: done by the site itself (a post hidden after three flags).
    moderator_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    action: Mapped[ModerationAction] = mapped_column(str_enum(ModerationAction, length=20))
    target_type: Mapped[TargetType] = mapped_column(str_enum(TargetType, length=12))
    target_id: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(500), default="")
    # Facts of the action beyond the reason: "de « Culture » vers « Formation »", "jusqu'au 3 mars".
    detail: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    moderator: Mapped[User | None] = relationship(foreign_keys=[moderator_id], lazy="raise_on_sql")
