"""Moderators' tools on the forum: lock, pin, move and merge threads; publish or refuse held
posts and threads (new members'); edit someone's post.

Each tool locks the rows it changes before reading them (threads by id, then posts, then
categories by id: the order of forum/core/locking.py), so two moderators acting on the same
thread at once act one after the other, and counters move once (forum.threads.counters moves them)."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, insert, select, update

from forum.accounts.models import User
from forum.core.errors import Invalid, NotFound
from forum.core.locking import NOT_CHECKED, lock, lock_ids
from forum.core.models import HiddenKind, utcnow
from forum.core.visibility import is_awaiting_approval
from forum.extensions import db
from forum.moderation.models import FlagReason, FlagResolution, ModerationAction, TargetType
from forum.moderation.services import (
    clean_reason, close_flags, link_of, lock_target, log, require_moderator, set_visible, tell_authors,
)
from forum.notifications.services import notify
from forum.threads import counters, services as threads
from forum.threads.models import Bookmark, Category, Post, Thread, ThreadRead, Watch, thread_tags


# --- threads: lock, pin, move ---------------------------------------------------------------------
def _switch(actor: User, thread: Thread, column: str, on: bool, actions: tuple[ModerationAction, ModerationAction],
            reason: str | None) -> bool:
    """Turn a thread's ``column`` on or off, logged as actions[0] (on) or actions[1] (off).
    False when it already was (a double submission)."""
    require_moderator(actor)
    reason = clean_reason(reason, required=False)
    lock(thread)
    if getattr(thread, column) == on:
        return False
    setattr(thread, column, on)
    log(actor, actions[0] if on else actions[1], TargetType.THREAD, thread.id, reason)
    db.session.flush()
    return True


def set_locked(actor: User, thread: Thread, locked: bool, reason: str | None = "") -> bool:
    return _switch(actor, thread, "is_locked", locked, (ModerationAction.LOCK, ModerationAction.UNLOCK), reason)


def set_pinned(actor: User, thread: Thread, pinned: bool, reason: str | None = "") -> bool:
    return _switch(actor, thread, "is_pinned", pinned, (ModerationAction.PIN, ModerationAction.UNPIN), reason)


def move_thread(actor: User, thread: Thread, category: Category, reason: str | None = "") -> bool:
    """Move a thread (and its posts) to another category; both categories' counters follow."""
    require_moderator(actor)
    reason = clean_reason(reason, required=False)
    lock(thread)
    if thread.category_id == category.id:
        return False
    source = db.session.get(Category, thread.category_id)
    for each in sorted((source, category), key=lambda row: row.id):  # categories in id order
        lock(each)
    counters.move_thread(thread, source, category)
    log(actor, ModerationAction.MOVE, TargetType.THREAD, thread.id, reason,
        detail=f"de « {source.name} » vers « {category.name} »")
    db.session.flush()
    return True


def merge_threads(actor: User, source: Thread, target: Thread, reason: str | None = "", site_url: str = "") -> bool:
    """Merge the duplicate ``source`` into ``target``: its posts follow the target's, in their order.

    The source keeps its address, which leads to the target (``Thread.merged_into_id``), and leaves
    every list and count. Its watchers and bookmarks move to the target (unless they already had one
    there), its solution too when the target has none, its tags up to the limit. False when it was
    already merged there (a double submission).
    """
    require_moderator(actor)
    reason = clean_reason(reason, required=False)
    if source.id == target.id:
        raise Invalid(_("Choisissez un autre sujet : on ne fusionne pas un sujet avec lui-même."), field="target")
    # Both threads locked (in id order: two merges in opposite directions queue), then read as they
    # are now: a reply arriving meanwhile waits, then finds the source merged.
    lock_ids(Thread, [source.id, target.id])
    lock(source)
    lock(target)
    if source.merged_into_id == target.id:
        return False
    if source.merged_into_id is not None:
        raise Invalid(_("Ce sujet a déjà été fusionné avec un autre."), field="target")
    if target.merged_into_id is not None:
        raise Invalid(_("Le sujet choisi a lui-même été fusionné avec un autre : choisissez celui-là."), field="target")
    if target.hidden_at is not None:
        raise Invalid(_("Le sujet choisi est masqué : rétablissez-le ou choisissez-en un autre."), field="target")
    posts = db.session.execute(
        select(Post).where(Post.thread_id == source.id).order_by(Post.position)).scalars().all()
    moved, deleted = len(posts), sum(post.is_deleted for post in posts)
    # In the target every moved post is a reply, the source's opening post too.
    hidden = sum(post.hidden_at is not None and not post.is_deleted for post in posts)
    lock_ids(Category, [source.category_id, target.category_id])
    # The positions after the target's last post, taken in the statement that locks its row.
    end = counters.merge_counts(source, target, moved=moved, deleted=deleted, hidden=hidden)
    for offset, post in enumerate(posts, start=end - moved + 1):
        post.thread_id, post.position = target.id, offset
    if source.solution_post_id is not None and target.solution_post_id is None and target.is_question:
        target.solution_post_id = source.solution_post_id
    _merge_tags(source, target)
    source.merged_into_id = target.id
    source.mark_hidden(HiddenKind.MERGED, f"Fusionné avec le sujet « {target.title} ».", utcnow())
    source.solution_post_id = None
    _move_personal_marks(source, target)
    close_flags(actor, TargetType.THREAD, source.id, FlagResolution.UPHELD)
    if posts:  # its opening post flagged as a duplicate: merging was the answer
        close_flags(actor, TargetType.POST, posts[0].id, FlagResolution.UPHELD, reason=FlagReason.DUPLICATE)
    db.session.flush()
    for category_id in {source.category_id, target.category_id}:
        counters.refresh_category_activity(category_id)
    log(actor, ModerationAction.MERGE, TargetType.THREAD, source.id, reason,
        detail=f"dans « {target.title} » (sujet n° {target.id}), {moved} message{'s' if moved > 1 else ''}")
    if source.author_id is not None and source.author_id != actor.id:
        author = db.session.get(User, source.author_id)
        source_title, target_title = source.title, target.title
        notify([author], "moderation",
               lambda: _("Votre sujet « %(source)s » a été fusionné avec « %(target)s », qui traitait de la même "
                         "question : vos messages y sont maintenant.", source=source_title, target=target_title)
               + (_(" Raison : %(reason)s", reason=reason) if reason else ""), link_of(TargetType.THREAD, target),
               actor=actor, site_url=site_url, email_subject=_l("Votre sujet a été fusionné avec un autre"))
    db.session.flush()
    return True


def _tag_ids(thread: Thread) -> list[int]:
    return list(db.session.execute(select(thread_tags.c.tag_id).where(thread_tags.c.thread_id == thread.id)).scalars())


def _merge_tags(source: Thread, target: Thread) -> None:
    """The source's tags join the target's, up to the limit of a thread."""
    kept = _tag_ids(target)
    added = [tag_id for tag_id in _tag_ids(source) if tag_id not in kept][:max(0, threads.MAX_TAGS - len(kept))]
    if added:
        db.session.execute(insert(thread_tags), [{"thread_id": target.id, "tag_id": tag_id} for tag_id in added])


def _move_personal_marks(source: Thread, target: Thread) -> None:
    """Watches and bookmarks of the source follow to the target; reading positions are dropped."""
    for model in (Watch, Bookmark):
        db.session.execute(
            update(model).where(model.thread_id == source.id,
                                model.user_id.not_in(select(model.user_id).where(model.thread_id == target.id)))
            .values(thread_id=target.id).execution_options(synchronize_session=False))
        db.session.execute(delete(model).where(model.thread_id == source.id))
    db.session.execute(delete(ThreadRead).where(ThreadRead.thread_id == source.id))


# --- posts: approval of new members' posts, edits ------------------------------------------------
_APPROVED_TEXT = {TargetType.POST: _l("Votre message dans « {title} » est publié : un·e modérateur·rice l'a validé."),
                  TargetType.THREAD: _l("Votre sujet « {title} » est publié : un·e modérateur·rice l'a validé.")}
_REJECTED_TEXT = {TargetType.POST: _l("Votre message dans « {title} » n'a pas été publié par la modération."),
                  TargetType.THREAD: _l("Votre sujet « {title} » n'a pas été publié par la modération.")}
_APPROVED_SUBJECT = {TargetType.POST: _l("Votre message est publié"), TargetType.THREAD: _l("Votre sujet est publié")}
_REJECTED_SUBJECT = {TargetType.POST: _l("Votre message n'a pas été publié"),
                     TargetType.THREAD: _l("Votre sujet n'a pas été publié")}


def _held(target_type: TargetType) -> None:
    if target_type not in (TargetType.POST, TargetType.THREAD):
        raise NotFound(_("Seuls les messages et les sujets attendent une validation."))


def approve(actor: User, target_type: TargetType, target, site_url: str = "") -> bool:
    """Publish a new member's held post or thread: visible, counted, its watchers told.

    False when it was no longer waiting (another moderator decided first)."""
    require_moderator(actor)
    _held(target_type)
    lock_target(target_type, target)
    if not is_awaiting_approval(target):
        return False
    # A post held when links were added by editing was announced when first published: not again.
    first_publication = target_type is TargetType.THREAD or target.hidden_at <= target.created_at
    set_visible(target_type, target)
    if target_type is TargetType.THREAD:
        thread = target
        post = db.session.execute(select(Post).where(Post.thread_id == thread.id, Post.position == 1)).scalar_one()
    else:
        thread, post = db.session.get(Thread, target.thread_id), target
    db.session.flush()
    author = db.session.get(User, post.author_id) if post.author_id is not None else None
    if first_publication:
        threads.publish_held(author, thread, post, site_url)
    log(actor, ModerationAction.APPROVE, target_type, target.id)
    tell_authors(target_type, target, actor, _APPROVED_TEXT[target_type], _APPROVED_SUBJECT[target_type],
                 site_url=site_url)
    db.session.flush()
    return True


def reject(actor: User, target_type: TargetType, target, reason: str | None, site_url: str = "") -> bool:
    """Refuse a held post or thread: it stays hidden, with the reason shown to its author.

    False when it was no longer waiting."""
    require_moderator(actor)
    _held(target_type)
    reason = clean_reason(reason)
    lock_target(target_type, target)
    if not is_awaiting_approval(target):
        return False
    target.mark_hidden(HiddenKind.REJECTED, reason, utcnow())
    log(actor, ModerationAction.REJECT, target_type, target.id, reason)
    tell_authors(target_type, target, actor, _REJECTED_TEXT[target_type], _REJECTED_SUBJECT[target_type], reason,
                 site_url)
    db.session.flush()
    return True


def edit_post(actor: User, post: Post, body: str, title: str | None, reason: str | None, site_url: str = "", *,
              seen_version=NOT_CHECKED, language: str | None = None) -> bool:
    """A moderator edits someone's post: the reason is logged and told to the author.

    False when nothing changed (nothing is logged then). ``seen_version``: see threads.edit_post (two
    moderators editing one post: the second save is a 409 showing the first's text); ``language``: as
    there (None keeps it)."""
    require_moderator(actor)
    reason = clean_reason(reason)
    if not threads.edit_post(actor, post, body, title, moderation_reason=reason, seen_version=seen_version,
                             language=language):
        return False
    log(actor, ModerationAction.EDIT, TargetType.POST, post.id, reason)
    if post.author_id != actor.id:
        tell_authors(TargetType.POST, post, actor,
                     _l("Votre message dans « {title} » a été modifié par la modération."),
                     _l("Votre message a été modifié par la modération"), reason, site_url)
    db.session.flush()
    return True

