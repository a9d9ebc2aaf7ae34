"""Read side of the public API: public content only, in pages ordered by id (keyset pagination).

Visibility follows the site's pages for a visitor who is not logged in: nothing a moderator hid
(``hidden_at``), no draft report, no thread merged into another, no deleted or held post. Each
list reads one page in a fixed number of queries whatever its length.
"""

from __future__ import annotations

from typing import NamedTuple, TypeVar

from sqlalchemy import Select, select
from sqlalchemy.orm import joinedload, load_only, selectinload

from forum.accounts.models import User
from forum.events.models import Event
from forum.extensions import db
from forum.fabriques.models import Fabrique
from forum.fabriques.queries import DirectoryFilters, filtered
from forum.practices.models import Practice, PracticeStatus
from forum.resources.models import Resource
from forum.threads.models import Category, Post, Thread

T = TypeVar("T")


class Slice(NamedTuple):
    """One page of a list: its items, and whether more come after the last one."""

    items: list
    more: bool


def _slice(statement: Select, id_column, after: int, limit: int) -> Slice:
    """The ``limit`` first rows of ``statement`` whose id is above ``after``, by id: new rows get
    larger ids, so a client walking the pages neither sees one twice nor misses one."""
    rows = list(db.session.execute(statement.where(id_column > after).order_by(id_column).limit(limit + 1))
                .unique().scalars())
    return Slice(rows[:limit], len(rows) > limit)


_FABRIQUE_NAME = (Fabrique.id, Fabrique.name, Fabrique.slug, Fabrique.updated_at, Fabrique.created_at,
                  Fabrique.imported_at)


# -- Fabriques ------------------------------------------------------------------------


def _fabriques() -> Select:
    return select(Fabrique).options(selectinload(Fabrique.standard_values))


def fabriques(after: int, limit: int, filters: DirectoryFilters = DirectoryFilters()) -> Slice:
    """A page of the fabriques the directory's ``filters`` keep."""
    return _slice(filtered(_fabriques(), filters), Fabrique.id, after, limit)


def fabrique(slug: str) -> Fabrique | None:
    return db.session.execute(_fabriques().where(Fabrique.slug == slug)).scalar_one_or_none()


# -- Catalogue ------------------------------------------------------------------------


def _resources() -> Select:
    return (select(Resource).where(Resource.hidden_at.is_(None))
            .options(joinedload(Resource.fabrique).load_only(*_FABRIQUE_NAME)))


def resources(after: int, limit: int) -> Slice:
    return _slice(_resources(), Resource.id, after, limit)


def resource(resource_id: int) -> Resource | None:
    return db.session.execute(_resources().where(Resource.id == resource_id)).scalar_one_or_none()


# -- Practice reports -----------------------------------------------------------------


def _practices() -> Select:
    return (select(Practice).where(Practice.status == PracticeStatus.PUBLISHED, Practice.hidden_at.is_(None))
            .options(joinedload(Practice.fabrique).load_only(*_FABRIQUE_NAME),
                     selectinload(Practice.themes).load_only(Category.id, Category.name, Category.slug),
                     selectinload(Practice.authors).load_only(User.id, User.display_name, User.deleted_at)))


def practices(after: int, limit: int) -> Slice:
    return _slice(_practices(), Practice.id, after, limit)


def practice(practice_id: int) -> Practice | None:
    return db.session.execute(_practices().where(Practice.id == practice_id)).unique().scalar_one_or_none()


# -- Threads --------------------------------------------------------------------------


def _threads() -> Select:
    return (select(Thread).where(Thread.hidden_at.is_(None), Thread.merged_into_id.is_(None))
            .options(joinedload(Thread.category).load_only(Category.id, Category.name, Category.slug),
                     joinedload(Thread.author).load_only(User.id, User.display_name, User.deleted_at)))


def threads(after: int, limit: int) -> Slice:
    return _slice(_threads(), Thread.id, after, limit)


def thread(thread_id: int) -> Thread | None:
    return db.session.execute(_threads().where(Thread.id == thread_id)).scalar_one_or_none()


def visible_posts(thread_id: int) -> list[Post]:
    """The posts of a thread a visitor reads, in order: none deleted, hidden or awaiting approval."""
    return list(db.session.execute(
        select(Post).where(Post.thread_id == thread_id, Post.hidden_at.is_(None), Post.deleted_at.is_(None))
        .options(load_only(Post.id, Post.position, Post.author_id, Post.created_at, Post.edited_at,
                           Post.body_html, Post.body_source),
                 joinedload(Post.author).load_only(User.id, User.display_name, User.deleted_at))
        .order_by(Post.position, Post.id)).scalars())


# -- Events ---------------------------------------------------------------------------


def _events() -> Select:
    # Cancelled events stay listed (with their status), as the agenda shows them: readers must learn of it.
    return (select(Event).where(Event.hidden_at.is_(None))
            .options(joinedload(Event.fabrique).load_only(*_FABRIQUE_NAME)))


def events(after: int, limit: int) -> Slice:
    return _slice(_events(), Event.id, after, limit)


def event(event_id: int) -> Event | None:
    return db.session.execute(_events().where(Event.id == event_id)).scalar_one_or_none()
