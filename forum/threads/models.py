"""The forum: categories, threads, posts and tags."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.sql.expression import false

from forum.accounts.models import User
from forum.core.models import Base, Hideable, MarkdownBody, UTCDateTime, WrittenIn, str_enum, utcnow
from forum.fabriques.models import Fabrique

# The lengths a thread's title and a post's text may have: the one source the forms, the services
# and the help texts read (the title's maximum is also its column's width).
TITLE_MIN_LENGTH = 8
TITLE_MAX_LENGTH = 150
BODY_MAX_LENGTH = 32_000

class Category(Base):
    __tablename__ = "categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    description: Mapped[str] = mapped_column(String(300), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    thread_count: Mapped[int] = mapped_column(Integer, default=0)
    post_count: Mapped[int] = mapped_column(Integer, default=0)
    last_post_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


thread_tags = Table(
    "thread_tags",
    Base.metadata,
    Column("thread_id", ForeignKey("threads.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_thread_tags_tag_id", "tag_id"),
)


class Tag(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)


class Thread(Hideable, Base):
    __tablename__ = "threads"
    __table_args__ = (
        Index("ix_threads_category_id_last_post_at", "category_id", "last_post_at"),
        Index("ix_threads_last_post_at", "last_post_at"),
        Index("ix_threads_fabrique_id_last_post_at", "fabrique_id", "last_post_at"),
        Index("ix_threads_category_id_is_pinned_last_post_at", "category_id", "is_pinned", "last_post_at"),
        # The lists of visible threads, newest first, read in order up to the page's end (not
        # sorted whole on each view).
        Index("ix_threads_hidden_at_last_post_at", "hidden_at", "last_post_at", "id"),
        # The moderators' queue of held threads: one kind, oldest first.
        Index("ix_threads_hidden_kind_hidden_at", "hidden_kind", "hidden_at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # The author's fabrique when the thread was started (None: no fabrique then).
    fabrique_id: Mapped[int | None] = mapped_column(ForeignKey("fabriques.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(TITLE_MAX_LENGTH))
    slug: Mapped[str] = mapped_column(String(160))
    is_question: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_post_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_poster_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    post_count: Mapped[int] = mapped_column(Integer, default=0)
    # Replies deleted by their authors: they keep their place but no longer count as answers.
    deleted_reply_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Replies hidden by moderation or awaiting approval (and not deleted): not answers either, for now.
    hidden_reply_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # The reply the asker (or a moderator) marked as the solution of a question.
    solution_post_id: Mapped[int | None] = mapped_column(
        ForeignKey("posts.id", ondelete="SET NULL", use_alter=True, name="fk_threads_solution_post_id_posts"))
    # Set by moderators (forum.moderation): a locked thread takes no new replies; pinned ones
    # come first in their category.
    is_locked: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    is_pinned: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # A duplicate a moderator merged into another thread: its posts moved there, and its
    # address now leads there. It stays hidden (counted nowhere, in no list or search).
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("threads.id", ondelete="SET NULL"))

    category: Mapped[Category] = relationship(lazy="raise_on_sql")
    author: Mapped[User | None] = relationship(foreign_keys=[author_id], lazy="raise_on_sql")
    last_poster: Mapped[User | None] = relationship(foreign_keys=[last_poster_id], lazy="raise_on_sql")
    fabrique: Mapped[Fabrique | None] = relationship(lazy="raise_on_sql")
    tags: Mapped[list[Tag]] = relationship(secondary=thread_tags, lazy="raise_on_sql", order_by=Tag.name)

    @property
    def reply_count(self) -> int:
        """The replies a reader sees (deleted, hidden and held ones left out)."""
        return max(0, self.post_count - 1 - self.deleted_reply_count - self.hidden_reply_count)

    @property
    def is_solved(self) -> bool:
        return self.solution_post_id is not None


class Post(Hideable, MarkdownBody, WrittenIn, Base):
    __tablename__ = "posts"
    __table_args__ = (
        UniqueConstraint("thread_id", "position", name="uq_posts_thread_id_position"),
        Index("ix_posts_author_id", "author_id"),
        # The moderators' queue of held posts: one kind, oldest first (it replaces an index on
        # hidden_at alone, which only that queue read).
        Index("ix_posts_hidden_kind_hidden_at", "hidden_kind", "hidden_at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    thread_id: Mapped[int] = mapped_column(ForeignKey("threads.id", ondelete="CASCADE"))
    # 1 for the opening post, then 2, 3... in order of writing: pages are ranges of it.
    position: Mapped[int] = mapped_column(Integer)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    fabrique_id: Mapped[int | None] = mapped_column(ForeignKey("fabriques.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Optimistic locking of edits (forum.core.locking.check_version): one more at each change of its
    # text (or of its thread's title, for an opening post); who made the last one.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    edited_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # "Merci" given by members (PostLike rows), counted here so pages need no COUNT.
    like_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # The post this one answers ("Citer"): its author hears of the reply even at the "normal" level.
    reply_to_id: Mapped[int | None] = mapped_column(ForeignKey("posts.id", ondelete="SET NULL"))

    thread: Mapped[Thread] = relationship(lazy="raise_on_sql", foreign_keys=[thread_id])
    author: Mapped[User | None] = relationship(lazy="raise_on_sql", foreign_keys=[author_id])
    fabrique: Mapped[Fabrique | None] = relationship(lazy="raise_on_sql")

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None



class PostLike(Base):
    """A member's "Merci" on a post: one per member and post."""

    __tablename__ = "post_likes"
    __table_args__ = (Index("ix_post_likes_user_id", "user_id"),)

    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Bookmark(Base):
    """A thread or a post a member kept for later (exactly one of the two)."""

    __tablename__ = "bookmarks"
    __affects_pages__ = False  # private to the member; no public page shows it
    __table_args__ = (
        UniqueConstraint("user_id", "thread_id", name="uq_bookmarks_user_id_thread_id"),
        UniqueConstraint("user_id", "post_id", name="uq_bookmarks_user_id_post_id"),
        CheckConstraint("(thread_id IS NULL) != (post_id IS NULL)", name="one_target"),
        Index("ix_bookmarks_user_id_created_at", "user_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    thread_id: Mapped[int | None] = mapped_column(ForeignKey("threads.id", ondelete="CASCADE"))
    post_id: Mapped[int | None] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


def N_(message: str) -> str:
    """Mark a label for the catalogue (Babel's ``N_`` keyword): kept in French here, translated where
    it is shown (models import no Flask)."""
    return message


class WatchLevel(str, enum.Enum):
    """How much a member hears about a thread or a category."""

    WATCHING = "suivre"  # every new post
    NORMAL = "normal"  # mentions, and replies to the threads they started
    MUTED = "ignorer"  # nothing, and hidden from their lists

    @property
    def label(self) -> str:
        return WATCH_LABELS[self]


WATCH_LABELS = {WatchLevel.WATCHING: N_("Suivre"), WatchLevel.NORMAL: N_("Normal"), WatchLevel.MUTED: N_("Ignorer")}


class Watch(Base):
    """A member's chosen level for one thread or one category (exactly one of the two)."""

    __tablename__ = "watches"
    __affects_pages__ = False  # private to the member
    __table_args__ = (
        UniqueConstraint("user_id", "thread_id", name="uq_watches_user_id_thread_id"),
        UniqueConstraint("user_id", "category_id", name="uq_watches_user_id_category_id"),
        CheckConstraint("(thread_id IS NULL) != (category_id IS NULL)", name="one_target"),
        Index("ix_watches_thread_id_level", "thread_id", "level"),
        Index("ix_watches_category_id_level", "category_id", "level"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    thread_id: Mapped[int | None] = mapped_column(ForeignKey("threads.id", ondelete="CASCADE"))
    category_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id", ondelete="CASCADE"))
    level: Mapped[WatchLevel] = mapped_column(str_enum(WatchLevel, length=16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ThreadRead(Base):
    """How far a member has read a thread: the last post position they were shown."""

    __tablename__ = "thread_reads"
    __affects_pages__ = False  # private bookkeeping
    # The one table a GET may write: reading a thread is what marks it read.
    __written_by_reading__ = True
    __table_args__ = (Index("ix_thread_reads_thread_id", "thread_id"),)

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    thread_id: Mapped[int] = mapped_column(ForeignKey("threads.id", ondelete="CASCADE"), primary_key=True)
    last_position: Mapped[int] = mapped_column(Integer, default=0)
    read_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
