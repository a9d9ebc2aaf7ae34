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


TARGET_LABELS = {TargetType.POST: "message", TargetType.THREAD: "sujet", TargetType.RESOURCE: "ressource",
                 TargetType.PRACTICE: "retour d'expérience", TargetType.MEMBER: "membre",
                 TargetType.PRIVATE_MESSAGE: "message privé", TargetType.EVENT: "événement"}
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
    FlagReason.SPAM: "Spam ou publicité", FlagReason.INAPPROPRIATE: "Inapproprié (insultes, propos blessants…)",
    FlagReason.OFF_TOPIC: "Hors sujet", FlagReason.OUTDATED: "Obsolète", FlagReason.DUPLICATE: "Doublon",
    FlagReason.OTHER: "Autre (précisez)",
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
    ModerationAction.HIDE: "Masquage", ModerationAction.RESTORE: "Rétablissement",
    ModerationAction.AUTO_HIDE: "Masquage automatique (signalements)", ModerationAction.LOCK: "Verrouillage",
    ModerationAction.UNLOCK: "Déverrouillage", ModerationAction.PIN: "Épinglage",
    ModerationAction.UNPIN: "Désépinglage", ModerationAction.MOVE: "Déplacement",
    ModerationAction.SUSPEND: "Suspension", ModerationAction.UNSUSPEND: "Fin de suspension",
    ModerationAction.FLAGS_UPHELD: "Signalements retenus (masqué)",
    ModerationAction.FLAGS_REJECTED: "Signalements rejetés",
    ModerationAction.APPROVE: "Publication après validation", ModerationAction.REJECT: "Refus de publication",
    ModerationAction.MERGE: "Fusion de sujets", ModerationAction.EDIT: "Modification d'un message",
    ModerationAction.SOLUTION: "Solution choisie pour l'auteur·rice",
    ModerationAction.UNSOLUTION: "Solution retirée pour l'auteur·rice",
    ModerationAction.SOLUTION_HIDDEN: "Solution mise de côté avec son message masqué",
    ModerationAction.ROLE: "Changement de rôle",
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
