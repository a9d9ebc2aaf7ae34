"""Read side of the forum: lists and pages with a bounded number of queries."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import Integer, bindparam, func, literal, select
from sqlalchemy.orm import joinedload, selectinload

from forum.accounts.models import User
from forum.core.direct_reads import DirectRead
from forum.core.errors import NotFound
from forum.core.pagination import Page, counted_page_statement, page_of_counted_rows, page_parameters, paginate
from forum.core.visibility import is_moderator
from forum.extensions import db
from forum.fabriques.models import Fabrique
from forum.threads.models import Bookmark, Category, Post, Tag, Thread, thread_tags
from forum.threads.watching import muted_filter_of, unread_count_of_listed_thread


def categories() -> list[Category]:
    return list(db.session.execute(select(Category).order_by(Category.position, Category.name)).scalars())


def _thread_list_options():
    # Lists print names and links only: load just those columns of the related rows.
    return (
        joinedload(Thread.author).load_only(User.id, User.display_name),
        joinedload(Thread.last_poster).load_only(User.id, User.display_name),
        joinedload(Thread.category).load_only(Category.id, Category.name, Category.slug),
        joinedload(Thread.fabrique).load_only(Fabrique.id, Fabrique.name, Fabrique.slug),
        selectinload(Thread.tags),
    )


# The filters of every thread list (URL value -> label), in the order they are offered.
THREAD_FILTERS = {"": _l("Tous"), "questions": _l("Questions"), "resolus": _l("Résolus"),
                  "sans-reponse": _l("Sans réponse")}


def read_thread_filter(raw: str | None) -> str:
    """A known filter value from the query string; anything else is "" (all threads)."""
    value = (raw or "").strip()
    return value if value in THREAD_FILTERS else ""


def _unanswered():
    # No reply a reader sees: deleted, hidden and held replies are not answers (Thread.reply_count).
    return Thread.post_count - Thread.deleted_reply_count - Thread.hidden_reply_count <= 1


@dataclass(frozen=True)
class _ListShape:
    """What decides the SQL of a thread list, as opposed to its values (bound at each execution)."""

    status: str  # one of THREAD_FILTERS
    moderator: bool  # hidden threads listed
    member: bool  # the threads the reader ignores left out
    tagged: bool = False  # in a category: only threads with the tag


def _shape(viewer, status: str = "", tagged: bool = False) -> _ListShape:
    member = bool(viewer is not None and viewer.is_authenticated)
    return _ListShape(status, is_moderator(viewer), member, tagged)


def _params(viewer, **values) -> dict:
    return {"viewer_id": viewer.id if viewer is not None and viewer.is_authenticated else 0, **values}


def _filtered(statement, shape: _ListShape):
    if not shape.moderator:  # threads hidden by moderation: listed for moderators only
        statement = statement.where(Thread.hidden_at.is_(None))
    if shape.member:
        statement = statement.where(muted_filter_of(bindparam("viewer_id")))
    if shape.status == "questions":
        return statement.where(Thread.is_question.is_(True))
    if shape.status == "resolus":
        return statement.where(Thread.solution_post_id.is_not(None))
    if shape.status == "sans-reponse":
        return statement.where(_unanswered())
    return statement


# Each list's statement is built once per shape (functools.cache): building and keying a select
# costs SQLAlchemy more than SQLite takes to run it, on pages that members load all day.
@cache
def _category_statement(shape: _ListShape):
    statement = _filtered(
        select(Thread.id).where(Thread.category_id == bindparam("category_id"))
        .order_by(Thread.is_pinned.desc(), Thread.last_post_at.desc(), Thread.id.desc()), shape)
    if shape.tagged:
        statement = statement.where(Thread.id.in_(
            select(thread_tags.c.thread_id).join(Tag, Tag.id == thread_tags.c.tag_id)
            .where(Tag.name == bindparam("tag"))))
    return statement


@dataclass(frozen=True)
class ThreadList:
    """A page of a thread list: its thread ids in order, and the posts the reader has not read in
    each (for a member; threads with none left out)."""

    page: Page[int]
    unread: dict[int, int]


def _thread_list(statement, shape: _ListShape, page: int, per_page: int, params: dict) -> ThreadList:
    """One page of ``statement`` (ids), with each thread's unread posts and the list's length, in one
    direct read (a list members load all day); a page past the end is NotFound."""
    rows = _list_read(statement, shape.member).all_in(db.session, **params, **page_parameters(page, per_page))
    listed = page_of_counted_rows(rows, page, per_page)
    return ThreadList(dataclasses.replace(listed, items=[thread_id for thread_id, _ in listed.items]),
                      {thread_id: unread for thread_id, unread in listed.items if unread})


@cache
def _list_read(statement, member: bool) -> DirectRead:
    return DirectRead(counted_page_statement(statement.add_columns(_unread_column(member))))


def _unread_column(member: bool):
    """Each listed thread's posts the viewer has not read (none for a visitor)."""
    return unread_count_of_listed_thread(bindparam("viewer_id")) if member else literal(0)


def threads_in_category(category: Category, page: int, per_page: int, tag: str | None = None,
                        status: str = "", viewer=None) -> ThreadList:
    shape = _shape(viewer, status, tagged=bool(tag))
    params = _params(viewer, category_id=category.id, **({"tag": tag} if tag else {}))
    return _thread_list(_category_statement(shape), shape, page, per_page, params)


@cache
def _tag_statement(shape: _ListShape):
    return _filtered(
        select(Thread.id).join(thread_tags, thread_tags.c.thread_id == Thread.id)
        .join(Tag, Tag.id == thread_tags.c.tag_id).where(Tag.name == bindparam("tag"))
        .order_by(Thread.last_post_at.desc(), Thread.id.desc()), shape)


def threads_with_tag(tag: str, page: int, per_page: int, status: str = "", viewer=None) -> ThreadList:
    shape = _shape(viewer, status)
    return _thread_list(_tag_statement(shape), shape, page, per_page, _params(viewer, tag=tag))


@cache
def _all_statement(shape: _ListShape):
    return _filtered(select(Thread.id).order_by(Thread.last_post_at.desc(), Thread.id.desc()), shape)


def all_threads(page: int, per_page: int, status: str = "", viewer=None) -> ThreadList:
    """Every thread, latest activity first (without those ``viewer`` ignores)."""
    shape = _shape(viewer, status)
    return _thread_list(_all_statement(shape), shape, page, per_page, _params(viewer))


@cache
def _unanswered_statement(shape: _ListShape):
    return _filtered(select(Thread.id).where(Thread.is_question.is_(True), _unanswered())
                     .order_by(Thread.created_at, Thread.id), shape)


def unanswered_questions(page: int, per_page: int, viewer=None) -> ThreadList:
    """Questions nobody has answered yet, oldest first: those waiting longest come first."""
    shape = _shape(viewer)
    return _thread_list(_unanswered_statement(shape), shape, page, per_page, _params(viewer))


def solution_of(thread: Thread) -> Post | None:
    """The reply chosen as the solution of ``thread``, with its author (None if there is none)."""
    if thread.solution_post_id is None:
        return None
    return db.session.execute(
        select(Post).where(Post.id == thread.solution_post_id, Post.deleted_at.is_(None), Post.hidden_at.is_(None))
        .options(joinedload(Post.author).load_only(User.id, User.display_name))
    ).scalar_one_or_none()


def bookmarks_of(user: User, page: int, per_page: int) -> Page:
    """The member's bookmarks, newest first: rows of (Bookmark, thread id, thread title, thread slug,
    solved). Bookmarks of threads hidden since are left out, unless the member may still see them."""
    thread_of_post = select(Post.thread_id).where(Post.id == Bookmark.post_id).scalar_subquery()
    target = func.coalesce(Bookmark.thread_id, thread_of_post)
    statement = (
        select(Bookmark, Thread.id.label("tid"), Thread.title, Thread.slug, Thread.solution_post_id.is_not(None))
        .join(Thread, Thread.id == target)
        .where(Bookmark.user_id == user.id)
        .order_by(Bookmark.created_at.desc(), Bookmark.id.desc())
    )
    if not is_moderator(user):
        statement = statement.where(Thread.hidden_at.is_(None) | (Thread.author_id == user.id))
    return paginate(db.session, statement, page, per_page, scalars=False)


@cache
def _latest_read(shape: _ListShape) -> DirectRead:
    # The home page's list, read by every visit of a member: a direct read (ids and counts).
    return DirectRead(_filtered(select(Thread.id, _unread_column(shape.member))
                                .order_by(Thread.last_post_at.desc(), Thread.id.desc())
                                .limit(bindparam("limit", type_=Integer)), shape))


def latest_threads(limit: int = 15, viewer=None) -> ThreadList:
    """The threads with the latest activity (one page of ``limit``)."""
    rows = _latest_read(_shape(viewer)).all_in(db.session, **_params(viewer, limit=limit))
    return ThreadList(Page(items=[thread_id for thread_id, _ in rows], page=1, per_page=limit, total=len(rows)),
                      {thread_id: unread for thread_id, unread in rows if unread})


def listed_threads(thread_ids: list[int]) -> dict[int, Thread]:
    """{id: thread} with what a row of a thread list prints (the lists above give the ids)."""
    return {thread.id: thread for thread in db.session.execute(
        select(Thread).where(Thread.id.in_(thread_ids)).options(*_thread_list_options())).scalars()}


def threads_of_fabrique(fabrique: Fabrique, limit: int = 8) -> list[Thread]:
    return list(db.session.execute(
        select(Thread).where(Thread.fabrique_id == fabrique.id, Thread.hidden_at.is_(None))
        .options(joinedload(Thread.author), joinedload(Thread.last_poster), joinedload(Thread.category))
        .order_by(Thread.last_post_at.desc(), Thread.id.desc()).limit(limit)
    ).scalars())


@dataclass(frozen=True)
class ThreadHead:
    """What a thread page reads before its fragments (``thread_head``): the columns its access rules,
    its reply form's offer and its posts' places depend on. The rules (``can_see``,
    ``services.can_reply``, ``community.can_choose_solution``) take it as a thread."""

    id: int
    title: str
    slug: str
    author_id: int | None
    category_id: int
    post_count: int
    merged_into_id: int | None
    hidden_at: datetime | None
    is_locked: bool
    is_question: bool


def thread_head(thread_id: int) -> ThreadHead:
    """The thread's head, in one direct read; NotFound if there is none."""
    row = _THREAD_HEAD.first_in(db.session, thread_id=thread_id)
    if row is None:
        raise NotFound(_("Ce sujet n'existe pas ou a été supprimé."))
    return ThreadHead(*row)


def thread_for_page(thread_id: int) -> Thread:
    """The thread with its category and tags, as its page's header shows them."""
    thread = db.session.execute(_THREAD_FOR_PAGE, {"thread_id": thread_id}).unique().scalar_one_or_none()
    if thread is None:
        raise NotFound(_("Ce sujet n'existe pas ou a été supprimé."))
    return thread


# Built once: every thread page runs the head; the rest when a fragment of it is missing.
_THREAD_HEAD = DirectRead(select(
    Thread.id, Thread.title, Thread.slug, Thread.author_id, Thread.category_id, Thread.post_count,
    Thread.merged_into_id, Thread.hidden_at, Thread.is_locked, Thread.is_question,
).where(Thread.id == bindparam("thread_id")))
_THREAD_FOR_PAGE = select(Thread).where(Thread.id == bindparam("thread_id")).options(
    joinedload(Thread.category), selectinload(Thread.tags))
_POST_PLACES = DirectRead(select(Post.id, Post.author_id, Post.position)
                          .where(Post.thread_id == bindparam("thread_id"), Post.position >= bindparam("first"),
                                 Post.position < bindparam("after")).order_by(Post.position))


@dataclass(frozen=True)
class PostPlace:
    """Where a post sits on a thread page, and who wrote it: enough to key its fragment."""

    id: int
    author_id: int | None
    position: int


def post_places(thread: Thread | ThreadHead, page: int, per_page: int) -> Page[PostPlace]:
    """The posts of a page of ``thread`` as places (one light query); ``posts_by_id`` loads them whole."""
    total = thread.post_count
    first = (page - 1) * per_page + 1
    places = [PostPlace(*row) for row in _POST_PLACES.all_in(
        db.session, thread_id=thread.id, first=first, after=first + per_page)]
    paged = Page(items=places, page=page, per_page=per_page, total=total)
    if page > paged.pages:
        raise NotFound(_("Cette page n'existe pas : le sujet est plus court."))
    return paged


def posts_by_id(post_ids: list[int]) -> dict[int, Post]:
    """Posts with their author's name and fabrique, as a thread page shows them (one query)."""
    return {post.id: post for post in db.session.execute(
        select(Post).where(Post.id.in_(post_ids or [-1]))
        .options(joinedload(Post.author).load_only(User.id, User.display_name),
                 joinedload(Post.fabrique).load_only(Fabrique.id, Fabrique.name, Fabrique.slug))
    ).scalars()}


def page_of_post(post: Post, per_page: int) -> int:
    return (post.position - 1) // per_page + 1


def posts_of_member(user: User, page: int, per_page: int) -> Page:
    statement = (
        select(Post, Thread.title, Thread.id.label("tid"))
        .join(Thread, Thread.id == Post.thread_id)
        .where(Post.author_id == user.id, Post.deleted_at.is_(None), Post.hidden_at.is_(None),
               Thread.hidden_at.is_(None))
        .order_by(Post.created_at.desc(), Post.id.desc())
    )
    return paginate(db.session, statement, page, per_page, scalars=False)


def member_post_count(user: User) -> int:
    return db.session.execute(
        select(func.count()).select_from(Post).where(Post.author_id == user.id, Post.deleted_at.is_(None),
                                                     Post.hidden_at.is_(None))
    ).scalar_one()


def popular_tags(limit: int = 20) -> list[tuple[str, int]]:
    return [tuple(row) for row in db.session.execute(
        select(Tag.name, func.count(thread_tags.c.thread_id).label("uses"))
        .join(thread_tags, thread_tags.c.tag_id == Tag.id)
        .group_by(Tag.name).order_by(func.count(thread_tags.c.thread_id).desc(), Tag.name).limit(limit)
    )]
