"""Private conversations: a subject, its members, their messages; and the members one ignores.

Nothing here is public: no page cache depends on it (``__affects_pages__ = False``), the search
index never sees it, and only a conversation's members read it (moderators read a message only
when a member reported it).
"""

from __future__ import annotations

from datetime import datetime

from markupsafe import Markup
from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.accounts.models import User
from forum.core.markdown import stored_html
from forum.core.models import Base, Hideable, UTCDateTime, utcnow


class Conversation(Base):
    __tablename__ = "conversations"
    __affects_pages__ = False

    id: Mapped[int] = mapped_column(primary_key=True)
    subject: Mapped[str] = mapped_column(String(150))
    started_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_message_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # The newest message's id: a member has unread messages while their last read one is older.
    last_message_id: Mapped[int] = mapped_column(Integer, default=0)
    message_count: Mapped[int] = mapped_column(Integer, default=0)


class ConversationMember(Base):
    """A member of a conversation, how far they read it, whether they muted it or left it.

    A member who left keeps their row (``left_at`` set): the others see that they left, and a
    participant who adds them again brings the same row back (``forum.messages.services``)."""

    __tablename__ = "conversation_members"
    __affects_pages__ = False
    __table_args__ = (
        UniqueConstraint("conversation_id", "user_id", name="uq_conversation_members_conversation_id_user_id"),
        Index("ix_conversation_members_user_id", "user_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_read_message_id: Mapped[int] = mapped_column(Integer, default=0)
    # Muted: the conversation stays in their list, with its unread marks, but tells them nothing.
    muted: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Left: out of their list and of its notifications, until a participant adds them again.
    left_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship(lazy="raise_on_sql")

    @property
    def has_left(self) -> bool:
        return self.left_at is not None


class PrivateMessage(Hideable, Base):
    __tablename__ = "private_messages"
    __affects_pages__ = False
    __table_args__ = (Index("ix_private_messages_conversation_id_id", "conversation_id", "id"),
                      Index("ix_private_messages_author_id", "author_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    body_source: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Hideable: hidden by a moderator after a report; its members see that it was.

    author: Mapped[User | None] = relationship(lazy="raise_on_sql")

    @property
    def html(self) -> Markup:
        return stored_html(self.body_html)


class IgnoredMember(Base):
    """``user_id`` ignores ``ignored_id``: no new conversation from them, no notification of their messages."""

    __tablename__ = "ignored_members"
    __affects_pages__ = False

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    ignored_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
