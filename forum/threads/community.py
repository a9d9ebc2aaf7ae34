"""Use cases around posts that members react to: solutions, "Merci", bookmarks.

Services flush, never commit; the caller commits once. Every action is idempotent: a second
click (or a double submission) leaves things as the first one did, without an error.

Concurrency: choosing or withdrawing a solution locks the thread (and the post) before reading
them; a "Merci" or a bookmark is one row under a unique key, inserted in a savepoint (a concurrent
double click inserts first: no error, counted once), and like counts move in SQL by what was
actually inserted or deleted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, exists, select, update
from sqlalchemy.exc import IntegrityError

from forum.accounts.models import User
from forum.core import audit
from forum.core.errors import Forbidden, Invalid, NotFound
from forum.core.visibility import can_see
from forum.extensions import db
from forum.notifications.models import Notification
from forum.notifications.services import notify
from forum.core.locking import lock
from forum.threads.models import Bookmark, Post, PostLike, Thread
from forum.threads.services import lock_post

if TYPE_CHECKING:  # the head of a thread page, which the rules take as a thread
    from forum.threads.queries import ThreadHead

NOT_A_QUESTION = _l("Seule une question peut avoir une solution : ce sujet n'est pas marqué comme question.")
NOT_THE_ASKER = _l("Seul·e l'auteur·rice de la question ou un·e modérateur·rice peut choisir la solution.")
OTHER_THREAD = _l("Ce message n'appartient pas à ce sujet.")
QUESTION_ITSELF = _l("La question elle-même ne peut pas être sa propre solution : choisissez une réponse.")
DELETED_POST = _l("Ce message a été supprimé.")
OWN_POST = _l("Vous ne pouvez pas remercier votre propre message.")
HIDDEN_POST = _l("Ce message est masqué ou attend sa validation : il ne peut pas être la solution pour l'instant.")


def _require_visible(actor: User, post: Post | None = None, thread: Thread | None = None) -> None:
    """NotFound, as for any page they cannot open, when ``actor`` may not see the post or its thread."""
    thread = thread if thread is not None else db.session.get(Thread, post.thread_id)
    if not can_see(actor, thread, thread.author_id):
        raise NotFound(_("Ce sujet n'existe pas ou a été supprimé."))
    if post is not None and not can_see(actor, post, post.author_id):
        raise NotFound(_("Ce message n'existe pas."))


# --- solutions ---------------------------------------------------------------------------------
def can_choose_solution(actor: User | None, thread: Thread | ThreadHead) -> bool:
    return bool(actor is not None and actor.is_authenticated and thread.is_question
                and (thread.author_id == actor.id or actor.is_moderator))


def mark_solution(actor: User, thread: Thread, post: Post, site_url: str = "") -> bool:
    """Make ``post`` (a reply of ``thread``) its solution; False when it already was.

    Only the asker or a moderator may; the reply's author is told (not when they chose it).
    """
    if post.thread_id != thread.id:
        raise Invalid(OTHER_THREAD)
    # The thread and the post as they are now: a moderator may be hiding the post, another
    # moderator choosing another solution (the thread first, as every post change does).
    lock_post(post)
    if not thread.is_question:
        raise Invalid(NOT_A_QUESTION)
    if thread.author_id != actor.id and not actor.is_moderator:
        raise Forbidden(NOT_THE_ASKER)
    if post.position == 1:
        raise Invalid(QUESTION_ITSELF)
    if post.is_deleted:
        raise Invalid(DELETED_POST)
    if post.hidden_at is not None:
        raise Invalid(HIDDEN_POST)
    if thread.solution_post_id == post.id:
        return False
    thread.solution_post_id = post.id
    db.session.flush()
    if thread.author_id != actor.id:  # a moderator chose for the asker: the admins' journal says so
        audit.record(actor, "solution", "sujet", thread.id, detail=f"message n° {post.position}")
    if post.author_id is not None:
        author = db.session.get(User, post.author_id)
        title = thread.title
        notify([author], "solution", lambda: _("Votre réponse a été choisie comme solution à « %(title)s ».",
                                               title=title),
               f"/messages/{post.id}", actor=actor, site_url=site_url,
               email_subject=lambda: _("Votre réponse est la solution : %(title)s", title=title)[:150])
    return True


def unmark_solution(actor: User, thread: Thread) -> bool:
    """The question is open again; False when it had no solution."""
    lock(thread)
    if thread.author_id != actor.id and not actor.is_moderator:
        raise Forbidden(NOT_THE_ASKER)
    if thread.solution_post_id is None:
        return False
    thread.solution_post_id = None
    db.session.flush()
    if thread.author_id != actor.id:
        audit.record(actor, "unsolution", "sujet", thread.id)
    return True


# --- "Merci" -----------------------------------------------------------------------------------
def like(actor: User, post: Post) -> bool:
    """Thank the author of ``post``; False when ``actor`` already had (the count stays right)."""
    _require_visible(actor, post)
    if post.is_deleted:
        raise Invalid(DELETED_POST)
    if post.author_id == actor.id:
        raise Invalid(OWN_POST)
    if _liked(actor, post):
        return False
    try:
        with db.session.begin_nested():  # a concurrent double click inserts first: no error
            db.session.add(PostLike(post_id=post.id, user_id=actor.id))
            db.session.flush()
    except IntegrityError:
        return False
    _count_like(post, +1)
    _tell_thanked(actor, post)
    return True


def _tell_thanked(actor: User, post: Post) -> None:
    # In the app only (a "Merci" is no reason for an e-mail), and once per member and post, even
    # if they take their "Merci" back and give it again.
    link = f"/messages/{post.id}"
    if post.author_id is None or db.session.execute(select(exists().where(
            Notification.user_id == post.author_id, Notification.actor_id == actor.id,
            Notification.kind == "like", Notification.link == link))).scalar_one():
        return
    thread = db.session.get(Thread, post.thread_id)
    name, title = actor.display_name, thread.title
    notify([db.session.get(User, post.author_id)], "like",
           lambda: _("%(name)s vous dit merci pour votre message dans « %(title)s ».", name=name, title=title),
           link, actor=actor)


def unlike(actor: User, post: Post) -> bool:
    """Take a "Merci" back; False when there was none."""
    removed = db.session.execute(
        delete(PostLike).where(PostLike.post_id == post.id, PostLike.user_id == actor.id)
        .execution_options(synchronize_session=False)
    ).rowcount
    if not removed:
        return False
    _count_like(post, -1)
    return True


def _liked(actor: User, post: Post) -> bool:
    return db.session.execute(
        select(exists().where(PostLike.post_id == post.id, PostLike.user_id == actor.id))).scalar_one()


def _count_like(post: Post, step: int) -> None:
    # In SQL, not in Python: two members thanking at once both count.
    db.session.execute(update(Post).where(Post.id == post.id).values(like_count=Post.like_count + step)
                       .execution_options(synchronize_session=False))
    db.session.expire(post, ["like_count"])


# --- bookmarks ---------------------------------------------------------------------------------
def bookmark(actor: User, *, thread: Thread | None = None, post: Post | None = None) -> bool:
    """Keep a thread or a post in the member's bookmarks; False when it already was there."""
    if (thread is None) == (post is None):
        raise ValueError("bookmark a thread or a post")
    _require_visible(actor, post, thread)
    if post is not None and post.is_deleted:
        raise Invalid(DELETED_POST)
    if _bookmarked(actor, thread, post):
        return False
    try:
        with db.session.begin_nested():
            db.session.add(Bookmark(user_id=actor.id, thread_id=thread.id if thread else None,
                                    post_id=post.id if post else None))
            db.session.flush()
    except IntegrityError:
        return False
    return True


def unbookmark(actor: User, *, thread: Thread | None = None, post: Post | None = None) -> bool:
    """Remove a bookmark; False when there was none."""
    if (thread is None) == (post is None):
        raise ValueError("unbookmark a thread or a post")
    target = Bookmark.thread_id == thread.id if thread is not None else Bookmark.post_id == post.id
    return bool(db.session.execute(
        delete(Bookmark).where(Bookmark.user_id == actor.id, target).execution_options(synchronize_session=False)
    ).rowcount)


def _bookmarked(actor: User, thread: Thread | None, post: Post | None) -> bool:
    target = Bookmark.thread_id == thread.id if thread is not None else Bookmark.post_id == post.id
    return db.session.execute(select(exists().where(Bookmark.user_id == actor.id, target))).scalar_one()
