"""Who hears about a new post (watch levels, @mentions), and how far each member has read.

Levels, per thread and per category (``WatchLevel``): "suivre" (every new post), "normal"
(mentions, replies to one's posts through "Citer", and replies to the threads one started),
"ignorer" (nothing, and the thread or the category leaves one's lists). A thread's own level wins over its category's; with neither,
the level is "normal". Starting or replying to a thread follows it, unless the member already
chose a level for it.

Mentions: ``@Prénom Nom`` (one to three capitalised words, as members sign) names the member
whose display name it is, compared without case or accents; a name shared by several members
mentions nobody (we would not know whom to tell). Notifications are in-app here; the
notification centre decides about e-mail.

Services flush, never commit.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import case, func, or_, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError

from forum.accounts.models import User
from forum.core.errors import Invalid
from forum.core.markdown import own_words, plain_excerpt
from forum.core.models import utcnow
from forum.extensions import db
from forum.notifications.services import notify
from forum.threads.models import Category, Post, Thread, ThreadRead, Watch, WatchLevel

MAX_MENTIONS = 10  # per post: more is a mass notification, not a conversation
_MENTION = re.compile(r"(?<![\w@])@((?:[A-ZÀ-ÖØ-Þ][\w'’-]*)(?: [A-ZÀ-ÖØ-Þ][\w'’-]*){0,2})")
UNKNOWN_LEVEL = _l("Ce niveau de suivi n'existe pas : choisissez « Suivre », « Normal » ou « Ignorer ».")


def _folded(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(char for char in decomposed if not unicodedata.combining(char)).split())


# --- levels ------------------------------------------------------------------------------------
def read_level(raw: str | None) -> WatchLevel:
    try:
        return WatchLevel(raw)
    except ValueError:
        raise Invalid(UNKNOWN_LEVEL, field="level") from None


def set_level(actor: User, level: WatchLevel, *, thread: Thread | None = None,
              category: Category | None = None) -> None:
    """The member's level for a thread or a category (idempotent).

    One INSERT … ON CONFLICT DO UPDATE (SQLite and PostgreSQL): two tabs choosing at the same
    moment cannot both insert; the last choice wins."""
    target = Watch.thread_id if thread is not None else Watch.category_id
    statement = _insert().values(user_id=actor.id, thread_id=thread.id if thread else None,
                                 category_id=category.id if category else None, level=level, created_at=utcnow())
    db.session.execute(statement.on_conflict_do_update(index_elements=[Watch.user_id, target],
                                                       set_={"level": statement.excluded.level}))
    db.session.flush()


def _insert():
    return postgresql_insert(Watch) if db.session.get_bind().dialect.name == "postgresql" else sqlite_insert(Watch)


def category_level(actor: User | None, category: Category) -> WatchLevel:
    if actor is None or not actor.is_authenticated:
        return WatchLevel.NORMAL
    return db.session.execute(select(Watch.level).where(
        Watch.user_id == actor.id, Watch.category_id == category.id)).scalar_one_or_none() or WatchLevel.NORMAL


def category_levels(actor: User) -> dict[int, WatchLevel]:
    """{category id: level} of the categories ``actor`` chose a level for (the others are normal)."""
    return dict(db.session.execute(select(Watch.category_id, Watch.level).where(
        Watch.user_id == actor.id, Watch.category_id.is_not(None))).all())


def follow_if_unset(actor: User, thread: Thread) -> None:
    """Starting or replying follows the thread, unless the member chose a level for it already."""
    exists = db.session.execute(select(Watch.id).where(Watch.user_id == actor.id, Watch.thread_id == thread.id)).first()
    if exists is None:
        try:
            with db.session.begin_nested():
                db.session.add(Watch(user_id=actor.id, thread_id=thread.id, level=WatchLevel.WATCHING))
                db.session.flush()
        except IntegrityError:
            pass  # the same member replying twice at once


def muted_filter(viewer: User | None):
    """A WHERE clause leaving out the threads ``viewer`` ignores (directly or by category), or None."""
    if viewer is None or not viewer.is_authenticated:
        return None
    return muted_filter_of(viewer.id)


def muted_filter_of(user_id):
    """The same clause for the member ``user_id`` (an id, or a bound parameter standing for one)."""
    muted_threads = select(Watch.thread_id).where(
        Watch.user_id == user_id, Watch.thread_id.is_not(None), Watch.level == WatchLevel.MUTED)
    muted_categories = select(Watch.category_id).where(
        Watch.user_id == user_id, Watch.category_id.is_not(None), Watch.level == WatchLevel.MUTED)
    # A thread the member chose to hear about stays, even in an ignored category.
    kept_threads = select(Watch.thread_id).where(
        Watch.user_id == user_id, Watch.thread_id.is_not(None), Watch.level != WatchLevel.MUTED)
    return Thread.id.not_in(muted_threads) & (Thread.category_id.not_in(muted_categories) | Thread.id.in_(kept_threads))


# --- mentions ----------------------------------------------------------------------------------
def mentioned_users(text: str, exclude: Iterable[int] = ()) -> list[User]:
    """The members ``text`` mentions with ``@Prénom Nom`` (longest name first; ambiguous ones skipped)."""
    wanted: list[list[str]] = []
    for match in _MENTION.finditer(text or ""):
        words = match.group(1).split(" ")
        wanted.append([_folded(" ".join(words[:size])) for size in range(len(words), 0, -1)])
        if len(wanted) >= MAX_MENTIONS:
            break
    if not wanted:
        return []
    # Candidates by the first two letters as typed (SQL), then compared without case or accents.
    prefixes = {match.group(1)[:2] for match in _MENTION.finditer(text or "")}
    by_name: dict[str, list[User]] = {}
    for user in db.session.execute(select(User).where(
            or_(*(User.display_name.like(prefix.replace("%", "").replace("_", "") + "%") for prefix in prefixes)))
            ).scalars():
        by_name.setdefault(_folded(user.display_name), []).append(user)
    found: dict[int, User] = {}
    skip = set(exclude)
    for candidates in wanted:
        for name in candidates:
            users = by_name.get(name, [])
            if len(users) == 1:
                if users[0].id not in skip:
                    found.setdefault(users[0].id, users[0])
                break
            if len(users) > 1:
                break  # ambiguous: nobody
    return list(found.values())


# --- who hears about a post --------------------------------------------------------------------
def announce_post(actor: User, thread: Thread, post: Post, site_url: str = "") -> None:
    """Notify the mentioned members and the thread's watchers of a new post (the author excluded);
    for a thread's opening post, the followers of its category."""
    link = f"/messages/{post.id}"
    mentioned = mentioned_users(own_words(post.body_source), exclude=[actor.id])
    levels = _levels_for(thread, [user.id for user in mentioned])
    mentioned = [user for user in mentioned if levels.get(user.id) != WatchLevel.MUTED]
    name, title = actor.display_name, thread.title
    if mentioned:
        def mention():
            return _("%(name)s vous a mentionné·e dans « %(title)s »", name=name, title=title)
        notify(mentioned, "mention", lambda: mention() + ".", link,
               actor=actor, site_url=site_url, email_subject=lambda: _("%(name)s vous a mentionné·e", name=name),
               email_text=_email_text(mention, post))
    told = {user.id for user in mentioned} | {actor.id}
    answered = _author_answered(post, thread, told)
    if answered is not None:
        def answer():
            return _("%(name)s a répondu à votre message dans « %(title)s »", name=name, title=title)
        notify([answered], "reply", lambda: answer() + ".", link, actor=actor, site_url=site_url,
               email_subject=lambda: _("Réponse à votre message : %(title)s", title=title)[:150],
               email_text=_email_text(answer, post))
        told.add(answered.id)
    watcher_ids = [user_id for user_id, level in _watchers(thread).items() if level == WatchLevel.WATCHING]
    if post.position > 1 and thread.author_id is not None \
            and _levels_for(thread, [thread.author_id]).get(thread.author_id) == WatchLevel.NORMAL:
        watcher_ids.append(thread.author_id)  # "normal": replies to the threads one started
    recipients = [user_id for user_id in dict.fromkeys(watcher_ids) if user_id not in told]
    if not recipients:
        return
    users = db.session.execute(select(User).where(User.id.in_(recipients))).scalars()
    if post.position == 1:  # a new thread: only its category's followers have a level for it yet
        kind = "thread"

        def head():
            return _("%(name)s a ouvert le sujet « %(title)s »", name=name, title=title)

        def subject():
            return _("Nouveau sujet : %(title)s", title=title)[:150]
    else:
        kind = "reply"

        def head():
            return _("%(name)s a répondu dans « %(title)s »", name=name, title=title)

        def subject():
            return _("Nouvelle réponse : %(title)s", title=title)[:150]
    notify(users, kind, lambda: head() + ".", link, actor=actor, site_url=site_url,
           email_subject=subject, email_text=_email_text(head, post))


def _author_answered(post: Post, thread: Thread, told: set[int]) -> User | None:
    """The author of the post ``post`` answers ("normal": replies to me), unless told already or ignoring."""
    if post.reply_to_id is None:
        return None
    author_id = db.session.execute(select(Post.author_id).where(Post.id == post.reply_to_id)).scalar_one_or_none()
    if author_id is None or author_id in told or _levels_for(thread, [author_id])[author_id] == WatchLevel.MUTED:
        return None
    return db.session.get(User, author_id)


def _email_text(head: Callable[[], str], post: Post) -> Callable[[], str]:
    """The e-mail's text: ``head`` (written in the recipient's language), then the post's beginning."""
    excerpt = plain_excerpt(post.body_html)
    return lambda: _("%(what)s :", what=head()) + f"\n\n{excerpt}"


def _levels_for(thread: Thread, user_ids: list[int]) -> dict[int, WatchLevel]:
    """The applying level of each of ``user_ids`` for ``thread`` (normal when unset)."""
    if not user_ids:
        return {}
    rows = db.session.execute(select(Watch.user_id, Watch.thread_id.is_not(None), Watch.level).where(
        Watch.user_id.in_(user_ids),
        (Watch.thread_id == thread.id) | (Watch.category_id == thread.category_id))).all()
    own = {user_id: level for user_id, is_thread, level in rows if is_thread}
    by_category = {user_id: level for user_id, is_thread, level in rows if not is_thread}
    return {user_id: own.get(user_id) or by_category.get(user_id) or WatchLevel.NORMAL for user_id in user_ids}


def _watchers(thread: Thread) -> dict[int, WatchLevel]:
    """Members with a level set for ``thread`` or its category, with the level that applies."""
    rows = db.session.execute(select(Watch.user_id, Watch.thread_id.is_not(None), Watch.level).where(
        (Watch.thread_id == thread.id) | (Watch.category_id == thread.category_id))).all()
    own = {user_id: level for user_id, is_thread, level in rows if is_thread}
    by_category = {user_id: level for user_id, is_thread, level in rows if not is_thread}
    return {user_id: own.get(user_id) or by_category[user_id] for user_id in {*own, *by_category}}


# --- reading -----------------------------------------------------------------------------------
def mark_read(reader: User, thread_id: int, up_to_position: int) -> None:
    """Remember that ``reader`` has seen ``thread`` up to ``up_to_position`` (never goes back).

    One INSERT ... ON CONFLICT statement (SQLite and PostgreSQL): reading a thread costs one
    write, and two tabs reading at once cannot collide.
    """
    dialect = db.session.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    statement = insert(ThreadRead).values(user_id=reader.id, thread_id=thread_id, last_position=up_to_position,
                                          read_at=utcnow())
    statement = statement.on_conflict_do_update(
        index_elements=[ThreadRead.user_id, ThreadRead.thread_id],
        set_={"last_position": case((statement.excluded.last_position > ThreadRead.last_position,
                                     statement.excluded.last_position), else_=ThreadRead.last_position),
              "read_at": statement.excluded.read_at})
    db.session.execute(statement)


def unread_count_of_listed_thread(reader_id):
    """The posts of a selected ``Thread`` that ``reader_id`` has not read yet (0 if they never opened
    it), as a column: a list gives each row's count in its own statement."""
    return (select(func.count()).select_from(Post)
            .join(ThreadRead, (ThreadRead.thread_id == Post.thread_id) & (ThreadRead.user_id == reader_id))
            .where(Post.thread_id == Thread.id, Post.position > ThreadRead.last_position, Post.hidden_at.is_(None),
                   Post.deleted_at.is_(None))
            .correlate(Thread).scalar_subquery())


def first_unread_position(reader: User, thread: Thread) -> int:
    """The position to open ``thread`` at: the first post ``reader`` has not seen and may read (the
    first post if never opened, the last one if nothing is new)."""
    read = db.session.execute(select(ThreadRead.last_position).where(
        ThreadRead.user_id == reader.id, ThreadRead.thread_id == thread.id)).scalar_one_or_none() or 0
    first_new = db.session.execute(select(func.min(Post.position)).where(
        Post.thread_id == thread.id, Post.position > read, Post.hidden_at.is_(None),
        Post.deleted_at.is_(None))).scalar_one_or_none()
    return first_new or max(1, min(read, thread.post_count))
