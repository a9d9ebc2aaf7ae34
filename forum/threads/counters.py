"""The forum's counters: every write to them is here; the other modules say what happened.

What each counts (``recount_threads`` and ``recount_categories`` recompute it from the rows):
- ``Thread.post_count``: every post of the thread, deleted, hidden and held ones included (positions
  run from 1 to it; a thread merged into another has none left);
- ``Thread.deleted_reply_count``: its replies (position > 1) deleted by their authors;
- ``Thread.hidden_reply_count``: its replies hidden, whatever the kind (held, by flags, by a
  moderator), and not deleted (a deleted reply counts as deleted only);
- ``Category.thread_count``: its visible threads (held, hidden and merged threads count nowhere);
- ``Category.post_count``: the ``post_count`` of its visible threads, summed.

The last activity (``Thread.last_post_at``, ``Thread.last_poster_id``, ``Category.last_post_at``) is
written here too, because it moves in the same statements as the counts (a reply takes its position
and sets the thread's last activity in one UPDATE). It is a moment, not a count: a held reply's is
the moment a moderator published it, which no row remembers, so the recounts leave it as it is.

Concurrency: each change is one ``UPDATE … SET x = x + n`` (or a value computed in the statement
from the rows as they are then), never a value read earlier in Python, so two changes at the same
moment both count; the session's copies of the columns a statement changed are expired, so the
next read sees the database. Callers lock the rows whose state decides the change (a post's thread
before hiding it, a thread before moving it...); this module does not re-check that state.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import case, func, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from forum.extensions import db
from forum.threads.models import Category, Post, Thread

THREAD_COUNTS = ("post_count", "deleted_reply_count", "hidden_reply_count")
THREAD_ACTIVITY = ("last_post_at", "last_poster_id")
CATEGORY_COUNTS = ("thread_count", "post_count")


def _execute(statement, session: Session | None = None):
    return (session or db.session).execute(statement.execution_options(synchronize_session=False))


def _expire(model, row_id: int | None, attributes: Iterable[str], session: Session | None = None) -> None:
    """Forget the session's copy of ``attributes`` of a row an UPDATE changed (when it holds one: no
    query to load it only to expire it)."""
    session = session or db.session
    instance = session.identity_map.get(identity_key(model, row_id))
    if instance is not None:
        session.expire(instance, list(attributes))


# --- threads and replies -----------------------------------------------------------------------
def count_new_thread(category: Category, now: datetime) -> None:
    """A visible thread was started in ``category`` (with its opening post): a held one is counted
    when it is approved (``count_thread_shown``)."""
    _execute(update(Category).where(Category.id == category.id)
             .values(thread_count=Category.thread_count + 1, post_count=Category.post_count + 1, last_post_at=now))
    _expire(Category, category.id, (*CATEGORY_COUNTS, "last_post_at"))


def take_reply_position(thread_id: int, category_id: int, poster_id: int, now: datetime, *, held: bool,
                        only_while) -> int | None:
    """Count a new reply of ``thread_id`` and return its position, in the statement that locks the
    thread's row; None (nothing counted) when the thread no longer matches ``only_while`` (a SQL
    condition on Thread: the compare-and-set of ``services.reply``).

    A held reply counts as hidden and leaves the last activity alone until it is published
    (``count_publication``)."""
    activity = {"hidden_reply_count": Thread.hidden_reply_count + 1} if held \
        else {"last_post_at": now, "last_poster_id": poster_id}
    position = _execute(
        update(Thread).where(Thread.id == thread_id, only_while)
        .values(post_count=Thread.post_count + 1, **activity).returning(Thread.post_count)).scalar_one_or_none()
    if position is None:
        return None
    _execute(update(Category).where(Category.id == category_id)
             .values(post_count=Category.post_count + 1, **({} if held else {"last_post_at": now})))
    _expire(Thread, thread_id, (*THREAD_COUNTS, *THREAD_ACTIVITY))
    _expire(Category, category_id, (*CATEGORY_COUNTS, "last_post_at"))
    return position


def count_publication(thread: Thread, post: Post, now: datetime) -> None:
    """A held post (or a held thread's opening post) was published: its thread's and category's last
    activity is now (the counts moved when it was shown: ``count_reply_shown``, ``count_thread_shown``)."""
    _execute(update(Thread).where(Thread.id == thread.id).values(last_post_at=now, last_poster_id=post.author_id))
    _execute(update(Category).where(Category.id == thread.category_id).values(last_post_at=now))
    _expire(Thread, thread.id, THREAD_ACTIVITY)
    _expire(Category, thread.category_id, ("last_post_at",))


def _step_hidden_replies(post: Post, step: int) -> None:
    # Opening posts and deleted replies are not counted in Thread.hidden_reply_count.
    if post.position > 1 and not post.is_deleted:
        _execute(update(Thread).where(Thread.id == post.thread_id)
                 .values(hidden_reply_count=Thread.hidden_reply_count + step))
        _expire(Thread, post.thread_id, ("hidden_reply_count",))


def count_reply_hidden(post: Post) -> None:
    """``post`` is being hidden (any kind): call it while ``hidden_at`` is still empty."""
    _step_hidden_replies(post, +1)


def count_reply_shown(post: Post) -> None:
    """``post`` is being shown again (restored, approved): call it while ``hidden_at`` is still set."""
    _step_hidden_replies(post, -1)


def count_reply_deleted(post: Post) -> None:
    """``post`` is being deleted by its author: call it before ``deleted_at`` is set. A hidden reply
    counts as deleted from now on, no longer as hidden."""
    if post.position == 1 or post.is_deleted:
        return
    hidden = 1 if post.hidden_at is not None else 0
    _execute(update(Thread).where(Thread.id == post.thread_id)
             .values(deleted_reply_count=Thread.deleted_reply_count + 1,
                     hidden_reply_count=Thread.hidden_reply_count - hidden))
    _expire(Thread, post.thread_id, ("deleted_reply_count", "hidden_reply_count"))


def count_replies_deleted(thread_id: int, deleted: int, hidden_among_them: int) -> None:
    """``deleted`` replies of a thread, ``hidden_among_them`` of them hidden, were deleted at once (a
    member's texts going with their account): as ``count_reply_deleted`` for each."""
    _execute(update(Thread).where(Thread.id == thread_id)
             .values(deleted_reply_count=Thread.deleted_reply_count + deleted,
                     hidden_reply_count=Thread.hidden_reply_count - hidden_among_them))
    _expire(Thread, thread_id, ("deleted_reply_count", "hidden_reply_count"))


# --- threads in their categories -----------------------------------------------------------------
def _step_category(thread: Thread, category_id: int, sign: int) -> None:
    posts = select(Thread.post_count).where(Thread.id == thread.id).scalar_subquery()  # as stored now
    _execute(update(Category).where(Category.id == category_id)
             .values(thread_count=Category.thread_count + sign, post_count=Category.post_count + sign * posts))
    _expire(Category, category_id, CATEGORY_COUNTS)


def count_thread_hidden(thread: Thread) -> None:
    """A visible thread is being hidden (any kind, held included): it leaves its category's counts."""
    _step_category(thread, thread.category_id, -1)


def count_thread_shown(thread: Thread) -> None:
    """A hidden thread is being shown again (restored, approved): back in its category's counts."""
    _step_category(thread, thread.category_id, +1)


def _latest_visible_activity(category_id: int):
    return (select(func.max(Thread.last_post_at))
            .where(Thread.category_id == category_id, Thread.hidden_at.is_(None)).scalar_subquery())


def refresh_category_activity(category_id: int) -> None:
    """A category's last activity after a thread left it: that of its latest remaining visible thread."""
    _execute(update(Category).where(Category.id == category_id)
             .values(last_post_at=_latest_visible_activity(category_id)))
    _expire(Category, category_id, ("last_post_at",))


def move_thread(thread: Thread, source: Category, target: Category) -> None:
    """Move ``thread`` (locked, with both categories, by the caller) from ``source`` to ``target``;
    a visible thread's counts and last activity follow it (a hidden one is counted nowhere)."""
    visible = thread.hidden_at is None
    if visible:
        _step_category(thread, source.id, -1)
    thread.category_id = target.id
    db.session.flush()
    if visible:
        _step_category(thread, target.id, +1)
        # The later of the two moments, computed in the statement (the category's own, as stored now).
        later = case((Category.last_post_at.is_(None) | (Category.last_post_at < thread.last_post_at),
                      thread.last_post_at), else_=Category.last_post_at)
        _execute(update(Category).where(Category.id == target.id).values(last_post_at=later))
        _expire(Category, target.id, ("last_post_at",))
    refresh_category_activity(source.id)


def merge_counts(source: Thread, target: Thread, *, moved: int, deleted: int, hidden: int) -> int:
    """The counts of merging ``source`` into ``target`` (both locked, and their categories, by the
    caller), before the source is marked merged: its ``moved`` posts (``deleted`` of them deleted,
    ``hidden`` hidden and not deleted: all replies in the target) join the target, whose last
    activity becomes the later of the two; the source, counted nowhere from now on, keeps none.

    Returns the target's new ``post_count``: the moved posts take the positions up to it, taken in
    the statement that locks the target's row, as a reply's is, so no reply can take the same place."""
    end = _execute(
        update(Thread).where(Thread.id == target.id)
        .values(post_count=Thread.post_count + moved, deleted_reply_count=Thread.deleted_reply_count + deleted,
                hidden_reply_count=Thread.hidden_reply_count + hidden)
        .returning(Thread.post_count)).scalar_one()
    if source.last_post_at > target.last_post_at:  # both rows are locked: these moments stay as read
        _execute(update(Thread).where(Thread.id == target.id)
                 .values(last_post_at=source.last_post_at, last_poster_id=source.last_poster_id))
    _expire(Thread, target.id, (*THREAD_COUNTS, *THREAD_ACTIVITY))
    # The source's posts now count in the target's category; the source thread itself counts nowhere
    # (it was counted only while visible).
    if source.hidden_at is None:
        _execute(update(Category).where(Category.id == source.category_id).values(
            thread_count=Category.thread_count - 1, post_count=Category.post_count - moved))
    _execute(update(Category).where(Category.id == target.category_id)
             .values(post_count=Category.post_count + moved))
    _execute(update(Thread).where(Thread.id == source.id)
             .values(post_count=0, deleted_reply_count=0, hidden_reply_count=0))
    _expire(Thread, source.id, THREAD_COUNTS)
    for category_id in {source.category_id, target.category_id}:
        _expire(Category, category_id, CATEGORY_COUNTS)
    return end


# --- recounting ----------------------------------------------------------------------------------
def _expire_all(session: Session, model, attributes: Iterable[str]) -> None:
    for instance in list(session.identity_map.values()):
        if isinstance(instance, model):
            session.expire(instance, list(attributes))


def recount_threads(session: Session, thread_ids: Iterable[int] | None = None) -> None:
    """Set the threads' counts (all of them, or those of ``thread_ids``) from their posts, in one
    statement. Pending changes are flushed first."""
    session.flush()
    reply = (Post.thread_id == Thread.id) & (Post.position > 1)
    statement = update(Thread).values(
        post_count=select(func.count(Post.id)).where(Post.thread_id == Thread.id).scalar_subquery(),
        deleted_reply_count=select(func.count(Post.id)).where(reply, Post.deleted_at.is_not(None))
        .scalar_subquery(),
        hidden_reply_count=select(func.count(Post.id)).where(reply, Post.deleted_at.is_(None),
                                                             Post.hidden_at.is_not(None)).scalar_subquery())
    if thread_ids is not None:
        statement = statement.where(Thread.id.in_(list(thread_ids)))
    _execute(statement, session)
    _expire_all(session, Thread, THREAD_COUNTS)


def recount_categories(session: Session, category_ids: Iterable[int] | None = None) -> None:
    """Set the categories' counts (all of them, or those of ``category_ids``) from their visible
    threads' rows and stored ``post_count`` (recount the threads first if those may be wrong)."""
    session.flush()
    visible = (Thread.category_id == Category.id) & Thread.hidden_at.is_(None)
    statement = update(Category).values(
        thread_count=select(func.count(Thread.id)).where(visible).scalar_subquery(),
        post_count=select(func.coalesce(func.sum(Thread.post_count), 0)).where(visible).scalar_subquery())
    if category_ids is not None:
        statement = statement.where(Category.id.in_(list(category_ids)))
    _execute(statement, session)
    _expire_all(session, Category, CATEGORY_COUNTS)


def recount_all(session: Session) -> None:
    """Every thread's and category's counts from the rows (the demo seed calls it once its rows are
    written; a repair after a bug). Run it while nobody writes: a post added during it may be missed
    until the next change of its thread's counts."""
    recount_threads(session)
    recount_categories(session)
