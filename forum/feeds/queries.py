"""Read side of the feeds: the newest public items, each list in one or two queries.

Feeds are public: what a moderator hid (``hidden_at``) and draft reports never appear.
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from sqlalchemy import and_, select
from sqlalchemy.orm import joinedload, selectinload

from forum.accounts.models import User
from forum.events.models import Event
from forum.extensions import db
from forum.fabriques.models import Fabrique
from forum.practices.models import Practice, PracticeStatus
from forum.resources.models import Resource
from forum.threads.models import Category, Post, Thread

FEED_LENGTH = 20


class ThreadWithOpening(NamedTuple):
    """A thread and what its feed entry shows of the opening post."""

    thread: Thread
    body_html: str
    edited_at: datetime | None
    deleted_at: datetime | None
    hidden_at: datetime | None

    @property
    def opening_withdrawn(self) -> bool:
        """The opening post was deleted by its author or hidden by a moderator: its text is not shown."""
        return self.deleted_at is not None or self.hidden_at is not None


def _author_columns():
    return (User.id, User.display_name, User.deleted_at)


def latest_threads(category: Category | None = None, limit: int = FEED_LENGTH) -> list[ThreadWithOpening]:
    """The newest threads (by creation), with the opening post's stored HTML, in one query."""
    statement = (
        select(Thread, Post.body_html, Post.edited_at, Post.deleted_at, Post.hidden_at)
        .join(Post, and_(Post.thread_id == Thread.id, Post.position == 1))
        .where(Thread.hidden_at.is_(None))
        .options(joinedload(Thread.author).load_only(*_author_columns()),
                 joinedload(Thread.category).load_only(Category.id, Category.name, Category.slug))
        .order_by(Thread.created_at.desc(), Thread.id.desc())
        .limit(limit)
    )
    if category is not None:
        statement = statement.where(Thread.category_id == category.id)
    return [ThreadWithOpening(*row) for row in db.session.execute(statement)]


def latest_practices(limit: int = FEED_LENGTH) -> list[Practice]:
    """The newest published reports (drafts are private), with fabrique, themes and authors."""
    return list(db.session.execute(
        select(Practice).where(Practice.status == PracticeStatus.PUBLISHED, Practice.hidden_at.is_(None))
        .options(joinedload(Practice.fabrique).load_only(Fabrique.id, Fabrique.name, Fabrique.slug),
                 selectinload(Practice.themes).load_only(Category.id, Category.name, Category.slug),
                 selectinload(Practice.authors).load_only(*_author_columns()))
        .order_by(Practice.published_at.desc(), Practice.id.desc())
        .limit(limit)
    ).scalars())


def latest_resources(limit: int = FEED_LENGTH) -> list[Resource]:
    """The newest resources of the catalogue (paused ones included, as the catalogue lists them)."""
    return list(db.session.execute(
        select(Resource).join(Fabrique, Fabrique.id == Resource.fabrique_id).where(Resource.hidden_at.is_(None))
        .options(joinedload(Resource.fabrique).load_only(Fabrique.id, Fabrique.name, Fabrique.slug))
        .order_by(Resource.created_at.desc(), Resource.id.desc())
        .limit(limit)
    ).scalars())


def upcoming_events(now: datetime, limit: int = FEED_LENGTH) -> list[Event]:
    """The next events not over yet (cancelled ones included: readers must learn of a cancellation)."""
    return list(db.session.execute(
        select(Event).where(Event.hidden_at.is_(None), Event.ends_at > now)
        .options(joinedload(Event.fabrique).load_only(Fabrique.id, Fabrique.name, Fabrique.slug),
                 selectinload(Event.timings))
        .order_by(Event.starts_at, Event.id).limit(limit)
    ).scalars())
