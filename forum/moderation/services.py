"""Use cases of moderation: flags, hiding and restoring, locks, pins, moves, suspensions.

Services flush, never commit; the caller commits once. Each moderator action writes one
``ModerationLog`` row in the same transaction, so the log and the change stand or fall
together. Actions are idempotent: repeating one (a double submission) changes nothing
and logs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from forum.accounts.models import Role, User
from forum.core.audit import audited_action
from forum.core.dates import datetime_fr
from forum.core.errors import Forbidden, Invalid, NotFound
from forum.core.models import utcnow
from forum.core.text import clean_line, clean_text
from forum.core.visibility import AWAITING_APPROVAL, can_see, is_awaiting_approval, is_moderator
from forum.extensions import db
from forum.fabriques.models import Membership, MembershipRole, MembershipStatus
from forum.moderation.models import (
    FLAGGABLE, Flag, FlagReason, FlagResolution, ModerationAction, ModerationLog, TargetType,
)
from forum.notifications.services import notify
from forum.practices.models import Practice
from forum.resources.models import Resource
from forum.threads import services as threads
from forum.threads.models import Bookmark, Category, Post, Thread, ThreadRead, Watch, thread_tags

REASON_MAX = 500
NOTE_MAX = 500
# This many open flags from different members hide a post until a moderator reviews it.
AUTO_HIDE_FLAGS = 3
AUTO_HIDE_REASON = ("Masqué automatiquement après plusieurs signalements de membres, "
                    "en attente d'examen par l'équipe de modération.")
# A second identical suspension within this delay is a double submission.
DUPLICATE_WINDOW = timedelta(minutes=5)
# Suspension lengths offered to moderators, in days (None: until lifted).
SUSPENSION_DAYS = {"1": 1, "3": 3, "7": 7, "30": 30, "90": 90, "definitive": None}

MODERATORS_ONLY = "Cette action est réservée à l'équipe de modération."
NOT_FOUND = {
    TargetType.POST: "Ce message n'existe pas.",
    TargetType.THREAD: "Ce sujet n'existe pas ou a été supprimé.",
    TargetType.RESOURCE: "Cette ressource n'existe pas ou a été retirée du catalogue.",
    TargetType.PRACTICE: "Ce retour d'expérience n'existe pas.",
    TargetType.MEMBER: "Ce membre n'existe pas.",
}
MODELS = {TargetType.POST: Post, TargetType.THREAD: Thread, TargetType.RESOURCE: Resource,
          TargetType.PRACTICE: Practice, TargetType.MEMBER: User}


def require_moderator(actor: User) -> None:
    if not (actor.is_authenticated and actor.is_moderator):
        raise Forbidden(MODERATORS_ONLY)


def parse_target_type(raw: str) -> TargetType:
    try:
        return TargetType(raw)
    except ValueError:
        raise NotFound("Ce type de contenu n'existe pas.") from None


def get_target(target_type: TargetType, target_id: int):
    """The post, thread, resource, practice report or member; NotFound (French) when it does not exist."""
    options = [selectinload(Practice.authors)] if target_type is TargetType.PRACTICE else []
    target = db.session.get(MODELS[target_type], target_id, options=options)
    if target is None:
        raise NotFound(NOT_FOUND[target_type])
    return target


# --- who wrote it, where it is --------------------------------------------------------------------
def author_ids_of(target_type: TargetType, target) -> list[int]:
    """Who is told when it is hidden or restored, and who still sees it while hidden."""
    if target_type in (TargetType.POST, TargetType.THREAD):
        return [target.author_id] if target.author_id is not None else []
    if target_type is TargetType.PRACTICE:
        return [author.id for author in target.authors]
    if target_type is TargetType.RESOURCE:
        return list(db.session.execute(
            select(Membership.user_id).where(Membership.fabrique_id == target.fabrique_id,
                                             Membership.status == MembershipStatus.ACTIVE,
                                             Membership.role == MembershipRole.MANAGER)).scalars())
    return []


def link_of(target_type: TargetType, target) -> str:
    return {
        TargetType.POST: lambda: f"/messages/{target.id}",
        TargetType.THREAD: lambda: f"/sujets/{target.id}/{target.slug}",
        TargetType.RESOURCE: lambda: f"/ressources/{target.id}",
        TargetType.PRACTICE: lambda: f"/pratiques/{target.id}",
        TargetType.MEMBER: lambda: f"/membres/{target.id}",
    }[target_type]()


def title_of(target_type: TargetType, target) -> str:
    if target_type is TargetType.POST:
        return db.session.execute(select(Thread.title).where(Thread.id == target.thread_id)).scalar_one()
    if target_type is TargetType.RESOURCE:
        return target.name
    if target_type is TargetType.MEMBER:
        return target.display_name
    return target.title


def _log(actor: User | None, action: ModerationAction, target_type: TargetType, target_id: int,
         reason: str = "", detail: str = "") -> ModerationLog:
    row = ModerationLog(moderator_id=actor.id if actor is not None else None, action=action,
                        target_type=target_type, target_id=target_id, reason=reason[:REASON_MAX],
                        detail=detail[:300])
    db.session.add(row)
    return row


def _log_announced(actor: User, *, action: str, target_type: str, target_id: int, reason: str, detail: str) -> None:
    """Journal an action a lower domain announced (forum.core.audit), in its transaction."""
    _log(actor, ModerationAction(action), TargetType(target_type), target_id, reason, detail)


# A strong reference (blinker keeps weak ones by default): the journal listens for the app's life.
audited_action.connect(_log_announced, weak=False)


def clean_reason(raw: str | None, *, required: bool = True) -> str:
    reason = clean_line(raw)
    if required and not reason:
        raise Invalid("Indiquez la raison : elle sera montrée à l'auteur·rice.", field="reason")
    if len(reason) > REASON_MAX:
        raise Invalid(f"La raison fait au plus {REASON_MAX} caractères.", field="reason")
    return reason


# --- flags ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class FlagOutcome:
    created: bool  # False: this member had already flagged it (an open flag)
    auto_hidden: bool = False


def check_flaggable(actor: User, target_type: TargetType, target) -> None:
    if target_type not in FLAGGABLE:
        raise NotFound("Ce type de contenu ne peut pas être signalé.")
    authors = author_ids_of(target_type, target)
    if target_type is TargetType.PRACTICE and not target.is_published:
        raise NotFound(NOT_FOUND[target_type])
    if not can_see(actor, target, *authors):
        raise NotFound(NOT_FOUND[target_type])
    if target_type is TargetType.POST and not _thread_visible_to(actor, target.thread_id):
        raise NotFound(NOT_FOUND[target_type])  # a post of a hidden or merged thread is out of sight too
    if target_type is TargetType.POST and target.is_deleted:
        raise Invalid("Ce message a été supprimé : il n'y a plus rien à signaler.")
    if actor.id in authors:
        raise Invalid("Vous ne pouvez pas signaler votre propre contenu : modifiez-le ou supprimez-le.")


def _thread_visible_to(actor: User, thread_id: int) -> bool:
    """Whether ``actor`` reads the thread a post belongs to, as its page decides: a hidden thread only
    for moderators and its author, a merged one (its page leads elsewhere) for moderators only."""
    thread = db.session.get(Thread, thread_id)
    if thread is None:
        return False
    if thread.merged_into_id is not None:
        return is_moderator(actor)
    return can_see(actor, thread, thread.author_id)


def clean_flag(reason: str | None, note: str | None) -> tuple[FlagReason, str]:
    try:
        flag_reason = FlagReason(reason or "")
    except ValueError:
        raise Invalid("Choisissez une raison parmi celles proposées.", field="reason") from None
    note = clean_text(note)
    if len(note) > NOTE_MAX:
        raise Invalid(f"La précision fait au plus {NOTE_MAX} caractères.", field="note")
    if flag_reason is FlagReason.OTHER and not note:
        raise Invalid("Pour « Autre », précisez en quelques mots ce qui pose problème.", field="note")
    return flag_reason, note


def flag(actor: User, target_type: TargetType, target, reason: str | None, note: str | None = "",
         site_url: str = "") -> FlagOutcome:
    """Report ``target`` to the moderators. A second flag by the same member while the first is
    open counts once; after a moderator closed it, flagging again reopens it (back in the queue),
    remembering who examined it: such a flag no longer counts towards hiding (see ``_auto_hide``)."""
    flag_reason, note = clean_flag(reason, note)
    check_flaggable(actor, target_type, target)
    existing = db.session.execute(
        select(Flag).where(Flag.reporter_id == actor.id, Flag.target_type == target_type,
                           Flag.target_id == target.id)).scalar_one_or_none()
    if existing is not None and existing.is_open:
        return FlagOutcome(created=False)
    if existing is not None:
        existing.reason, existing.note, existing.created_at = flag_reason, note, utcnow()
        existing.resolved_at = existing.resolution = None  # resolved_by_id stays: it was examined
        db.session.flush()
    else:
        try:
            with db.session.begin_nested():  # a concurrent double submission inserted first: no error
                db.session.add(Flag(reporter_id=actor.id, target_type=target_type, target_id=target.id,
                                    reason=flag_reason, note=note))
                db.session.flush()
        except IntegrityError:
            return FlagOutcome(created=False)
    return FlagOutcome(created=True, auto_hidden=_auto_hide(target_type, target, site_url))


def _unexamined_flag_count(target_type: TargetType, target_id: int) -> int:
    """Open flags on a target that no moderator has examined before (never closed, then reopened)."""
    return db.session.execute(
        select(func.count()).select_from(Flag)
        .where(Flag.target_type == target_type, Flag.target_id == target_id, Flag.resolved_at.is_(None),
               Flag.resolved_by_id.is_(None))
    ).scalar_one()


def _auto_hide(target_type: TargetType, target, site_url: str = "") -> bool:
    """Hide a post flagged by AUTO_HIDE_FLAGS members until a moderator reviews it.

    Only members whose flag is open and has never been examined by a moderator count: a member
    whose flag on this post a moderator already closed (rejected, or upheld before the post was
    restored) may flag it again, which puts it back in the queue, but cannot undo the moderator's
    decision by hiding it again. AUTO_HIDE_FLAGS members not heard yet still hide it."""
    if target_type is not TargetType.POST or target.hidden_at is not None:
        return False
    if _unexamined_flag_count(target_type, target.id) < AUTO_HIDE_FLAGS:
        return False
    _set_hidden(target_type, target, AUTO_HIDE_REASON)
    _log(None, ModerationAction.AUTO_HIDE, target_type, target.id, AUTO_HIDE_REASON)
    _tell_authors(target_type, target, None, "Votre message dans « {title} » a été masqué après plusieurs "
                                             "signalements, en attente d'examen par la modération.",
                  "Votre message a été masqué après plusieurs signalements", site_url=site_url)
    db.session.flush()
    return True


def close_flags(actor: User, target_type: TargetType, target_id: int, resolution: FlagResolution) -> int:
    """Close every open flag on a target; the number closed."""
    return db.session.execute(
        update(Flag).where(Flag.target_type == target_type, Flag.target_id == target_id, Flag.resolved_at.is_(None))
        .values(resolved_at=utcnow(), resolved_by_id=actor.id, resolution=resolution)
        .execution_options(synchronize_session=False)
    ).rowcount


def review_flags(actor: User, target_type: TargetType, target_id: int, *, uphold: bool, reason: str = "",
                 site_url: str = "") -> bool:
    """From the queue: "masquer" (hide, close the flags) or "rejeter" (close them; content stays or
    comes back). False when there was nothing left to review (another moderator was quicker)."""
    require_moderator(actor)
    reason = clean_reason(reason, required=uphold)
    target = db.session.get(MODELS[target_type], target_id)
    closed = close_flags(actor, target_type, target_id,
                         FlagResolution.UPHELD if uphold else FlagResolution.REJECTED)
    if not closed:
        return False
    if target is not None:
        hidden_by_flags = target.hidden_at is not None and target.hidden_reason == AUTO_HIDE_REASON
        if uphold and (target.hidden_at is None or hidden_by_flags):
            _set_hidden(target_type, target, reason)
            _tell_authors(target_type, target, actor, _HIDDEN_TEXT[target_type], _HIDDEN_SUBJECT[target_type],
                          reason, site_url)
        elif not uphold and hidden_by_flags:
            # Rejected flags bring back what they alone had hidden; a moderator's hiding stays.
            _set_visible(target_type, target)
            _tell_authors(target_type, target, actor, _RESTORED_TEXT[target_type], _RESTORED_SUBJECT[target_type],
                          site_url=site_url)
    _log(actor, ModerationAction.FLAGS_UPHELD if uphold else ModerationAction.FLAGS_REJECTED, target_type,
         target_id, reason, detail=f"{closed} signalement{'s' if closed > 1 else ''}")
    db.session.flush()
    return True


# --- hiding ---------------------------------------------------------------------------------------
_HIDDEN_TEXT = {
    TargetType.POST: "Votre message dans « {title} » a été masqué par la modération.",
    TargetType.THREAD: "Votre sujet « {title} » a été masqué par la modération.",
    TargetType.RESOURCE: "La ressource « {title} » de votre fabrique a été masquée par la modération.",
    TargetType.PRACTICE: "Votre retour d'expérience « {title} » a été masqué par la modération.",
}
_RESTORED_TEXT = {
    TargetType.POST: "Votre message dans « {title} » est de nouveau visible.",
    TargetType.THREAD: "Votre sujet « {title} » est de nouveau visible.",
    TargetType.RESOURCE: "La ressource « {title} » de votre fabrique est de nouveau visible.",
    TargetType.PRACTICE: "Votre retour d'expérience « {title} » est de nouveau visible.",
}
# The subjects of the same notices by e-mail.
_HIDDEN_SUBJECT = {
    TargetType.POST: "Votre message a été masqué par la modération",
    TargetType.THREAD: "Votre sujet a été masqué par la modération",
    TargetType.RESOURCE: "Une ressource de votre fabrique a été masquée par la modération",
    TargetType.PRACTICE: "Votre retour d'expérience a été masqué par la modération",
}
_RESTORED_SUBJECT = {
    TargetType.POST: "Votre message est de nouveau visible",
    TargetType.THREAD: "Votre sujet est de nouveau visible",
    TargetType.RESOURCE: "Une ressource de votre fabrique est de nouveau visible",
    TargetType.PRACTICE: "Votre retour d'expérience est de nouveau visible",
}


def _tell_authors(target_type: TargetType, target, actor: User | None, template: str, subject: str,
                  reason: str = "", site_url: str = "") -> None:
    """Notify the authors: ``template`` with the target's {title}, then the reason if any; those who
    chose immediate e-mails also get it by e-mail, under ``subject``."""
    ids = author_ids_of(target_type, target)
    if not ids:
        return
    authors = db.session.execute(select(User).where(User.id.in_(ids))).scalars().all()
    text = template.format(title=title_of(target_type, target)) + (f" Raison : {reason}" if reason else "")
    notify(authors, "moderation", text, link_of(target_type, target), actor=actor, site_url=site_url,
           email_subject=subject)


def _count_thread(thread: Thread, sign: int) -> None:
    """A hidden thread leaves its category's counters; restored, it comes back."""
    posts = select(Thread.post_count).where(Thread.id == thread.id).scalar_subquery()  # as stored now
    db.session.execute(
        update(Category).where(Category.id == thread.category_id)
        .values(thread_count=Category.thread_count + sign, post_count=Category.post_count + sign * posts)
        .execution_options(synchronize_session=False))


def _set_hidden(target_type: TargetType, target, reason: str) -> None:
    if target_type is TargetType.THREAD and target.hidden_at is None:
        _count_thread(target, -1)
    if target_type is TargetType.POST and target.hidden_at is None:
        threads.reply_hidden(target)
    if target.hidden_at is None:
        target.hidden_at = utcnow()
    target.hidden_reason = reason


def _set_visible(target_type: TargetType, target) -> None:
    if target_type is TargetType.THREAD and target.hidden_at is not None:
        _count_thread(target, +1)
    if target_type is TargetType.POST and target.hidden_at is not None:
        threads.reply_shown(target)
    target.hidden_at = None
    target.hidden_reason = ""


def _hideable(target_type: TargetType) -> None:
    if target_type not in FLAGGABLE:
        raise NotFound("Ce type de contenu ne peut pas être masqué.")


def hide(actor: User, target_type: TargetType, target, reason: str | None, site_url: str = "") -> bool:
    """Hide content with a reason shown to its author(s); its open flags are closed as upheld.

    False when it was already hidden by a moderator (a double submission)."""
    require_moderator(actor)
    _hideable(target_type)
    reason = clean_reason(reason)
    if target.hidden_at is not None and target.hidden_reason not in (AUTO_HIDE_REASON, AWAITING_APPROVAL):
        return False
    _set_hidden(target_type, target, reason)
    close_flags(actor, target_type, target.id, FlagResolution.UPHELD)
    _log(actor, ModerationAction.HIDE, target_type, target.id, reason)
    _tell_authors(target_type, target, actor, _HIDDEN_TEXT[target_type], _HIDDEN_SUBJECT[target_type], reason,
                  site_url)
    db.session.flush()
    return True


def restore(actor: User, target_type: TargetType, target, reason: str | None = "", site_url: str = "") -> bool:
    """Show hidden content again; its open flags are closed as rejected. False when it was visible."""
    require_moderator(actor)
    _hideable(target_type)
    reason = clean_reason(reason, required=False)
    if target.hidden_at is None:
        return False
    if target_type is TargetType.THREAD and target.merged_into_id is not None:
        raise Invalid("Ce sujet a été fusionné avec un autre : ses messages y sont, il n'y a rien à rétablir.")
    if is_awaiting_approval(target):
        raise Invalid("Ce contenu attend une validation : publiez-le ou refusez-le.")
    _set_visible(target_type, target)
    close_flags(actor, target_type, target.id, FlagResolution.REJECTED)
    _log(actor, ModerationAction.RESTORE, target_type, target.id, reason)
    _tell_authors(target_type, target, actor, _RESTORED_TEXT[target_type], _RESTORED_SUBJECT[target_type],
                  site_url=site_url)
    db.session.flush()
    return True


# --- threads: lock, pin, move ---------------------------------------------------------------------
def _switch(actor: User, thread: Thread, column: str, on: bool, actions: tuple[ModerationAction, ModerationAction],
            reason: str | None) -> bool:
    """Turn a thread's ``column`` on or off, logged as actions[0] (on) or actions[1] (off).
    False when it already was (a double submission)."""
    require_moderator(actor)
    reason = clean_reason(reason, required=False)
    if getattr(thread, column) == on:
        return False
    setattr(thread, column, on)
    _log(actor, actions[0] if on else actions[1], TargetType.THREAD, thread.id, reason)
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
    if thread.category_id == category.id:
        return False
    source = db.session.get(Category, thread.category_id)
    if thread.hidden_at is None:  # a hidden thread is counted nowhere
        _count_thread(thread, -1)
        thread.category_id = category.id
        _count_thread(thread, +1)
        if category.last_post_at is None or category.last_post_at < thread.last_post_at:
            category.last_post_at = thread.last_post_at
    else:
        thread.category_id = category.id
    db.session.flush()
    _refresh_last_post_at(source)
    db.session.expire(category)
    _log(actor, ModerationAction.MOVE, TargetType.THREAD, thread.id, reason,
         detail=f"de « {source.name} » vers « {category.name} »")
    db.session.flush()
    return True


def _refresh_last_post_at(category: Category) -> None:
    """A category's last activity after a thread left it: that of its latest remaining thread."""
    db.session.execute(
        update(Category).where(Category.id == category.id)
        .values(last_post_at=select(func.max(Thread.last_post_at))
                .where(Thread.category_id == category.id, Thread.hidden_at.is_(None)).scalar_subquery())
        .execution_options(synchronize_session=False))
    db.session.expire(category)


def merge_threads(actor: User, source: Thread, target: Thread, reason: str | None = "", site_url: str = "") -> bool:
    """Merge the duplicate ``source`` into ``target``: its posts follow the target's, in their order.

    The source keeps its address, which leads to the target (``Thread.merged_into_id``), and leaves
    every list and count. Its watchers and bookmarks move to the target (unless they already had one
    there), its solution too when the target has none, its tags up to the limit. False when it was
    already merged there (a double submission).
    """
    require_moderator(actor)
    reason = clean_reason(reason, required=False)
    if source.merged_into_id == target.id:
        return False
    if source.id == target.id:
        raise Invalid("Choisissez un autre sujet : on ne fusionne pas un sujet avec lui-même.", field="target")
    if source.merged_into_id is not None:
        raise Invalid("Ce sujet a déjà été fusionné avec un autre.", field="target")
    if target.merged_into_id is not None:
        raise Invalid("Le sujet choisi a lui-même été fusionné avec un autre : choisissez celui-là.", field="target")
    if target.hidden_at is not None:
        raise Invalid("Le sujet choisi est masqué : rétablissez-le ou choisissez-en un autre.", field="target")
    # Lock the source first (PostgreSQL): a reply arriving meanwhile waits, then finds it merged.
    db.session.execute(select(Thread.id).where(Thread.id == source.id).with_for_update())
    posts = db.session.execute(
        select(Post).where(Post.thread_id == source.id).order_by(Post.position)).scalars().all()
    moved, deleted = len(posts), sum(post.is_deleted for post in posts)
    # In the target every moved post is a reply, the source's opening post too.
    hidden = sum(post.hidden_at is not None and not post.is_deleted for post in posts)
    # Take the positions after the target's last post in the statement that locks its row, as a
    # reply does, so a reply arriving meanwhile cannot take the same place.
    end = db.session.execute(
        update(Thread).where(Thread.id == target.id)
        .values(post_count=Thread.post_count + moved, deleted_reply_count=Thread.deleted_reply_count + deleted,
                hidden_reply_count=Thread.hidden_reply_count + hidden)
        .returning(Thread.post_count).execution_options(synchronize_session=False)).scalar_one()
    for offset, post in enumerate(posts, start=end - moved + 1):
        post.thread_id, post.position = target.id, offset
    db.session.expire(target, ["post_count", "deleted_reply_count", "hidden_reply_count"])
    if source.last_post_at > target.last_post_at:
        target.last_post_at, target.last_poster_id = source.last_post_at, source.last_poster_id
    if source.solution_post_id is not None and target.solution_post_id is None and target.is_question:
        target.solution_post_id = source.solution_post_id
    _merge_tags(source, target)
    # Category counters: the source's posts now count in the target's category; the source
    # thread itself counts nowhere (it was counted only while visible).
    if source.hidden_at is None:
        db.session.execute(update(Category).where(Category.id == source.category_id).values(
            thread_count=Category.thread_count - 1, post_count=Category.post_count - moved)
            .execution_options(synchronize_session=False))
    db.session.execute(update(Category).where(Category.id == target.category_id).values(
        post_count=Category.post_count + moved).execution_options(synchronize_session=False))
    source.merged_into_id = target.id
    source.hidden_at = source.hidden_at or utcnow()
    source.hidden_reason = f"Fusionné avec le sujet « {target.title} »."[:500]
    source.post_count = source.deleted_reply_count = source.hidden_reply_count = 0
    source.solution_post_id = None
    _move_personal_marks(source, target)
    close_flags(actor, TargetType.THREAD, source.id, FlagResolution.UPHELD)
    db.session.flush()
    for category_id in {source.category_id, target.category_id}:
        _refresh_last_post_at(db.session.get(Category, category_id))
    _log(actor, ModerationAction.MERGE, TargetType.THREAD, source.id, reason,
         detail=f"dans « {target.title} » (sujet n° {target.id}), {moved} message{'s' if moved > 1 else ''}")
    if source.author_id is not None and source.author_id != actor.id:
        author = db.session.get(User, source.author_id)
        notify([author], "moderation", f"Votre sujet « {source.title} » a été fusionné avec « {target.title} », qui "
               "traitait de la même question : vos messages y sont maintenant."
               + (f" Raison : {reason}" if reason else ""), link_of(TargetType.THREAD, target), actor=actor,
               site_url=site_url, email_subject="Votre sujet a été fusionné avec un autre")
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
_APPROVED_TEXT = {TargetType.POST: "Votre message dans « {title} » est publié : un·e modérateur·rice l'a validé.",
                  TargetType.THREAD: "Votre sujet « {title} » est publié : un·e modérateur·rice l'a validé."}
_REJECTED_TEXT = {TargetType.POST: "Votre message dans « {title} » n'a pas été publié par la modération.",
                  TargetType.THREAD: "Votre sujet « {title} » n'a pas été publié par la modération."}
_APPROVED_SUBJECT = {TargetType.POST: "Votre message est publié", TargetType.THREAD: "Votre sujet est publié"}
_REJECTED_SUBJECT = {TargetType.POST: "Votre message n'a pas été publié",
                     TargetType.THREAD: "Votre sujet n'a pas été publié"}


def _held(target_type: TargetType) -> None:
    if target_type not in (TargetType.POST, TargetType.THREAD):
        raise NotFound("Seuls les messages et les sujets attendent une validation.")


def approve(actor: User, target_type: TargetType, target, site_url: str = "") -> bool:
    """Publish a new member's held post or thread: visible, counted, its watchers told.

    False when it was no longer waiting (another moderator decided first)."""
    require_moderator(actor)
    _held(target_type)
    if not is_awaiting_approval(target):
        return False
    # A post held when links were added by editing was announced when first published: not again.
    first_publication = target_type is TargetType.THREAD or target.hidden_at <= target.created_at
    _set_visible(target_type, target)
    if target_type is TargetType.THREAD:
        thread = target
        post = db.session.execute(select(Post).where(Post.thread_id == thread.id, Post.position == 1)).scalar_one()
    else:
        thread, post = db.session.get(Thread, target.thread_id), target
    db.session.flush()
    author = db.session.get(User, post.author_id) if post.author_id is not None else None
    if first_publication:
        threads.publish_held(author, thread, post, site_url)
    _log(actor, ModerationAction.APPROVE, target_type, target.id)
    _tell_authors(target_type, target, actor, _APPROVED_TEXT[target_type], _APPROVED_SUBJECT[target_type],
                  site_url=site_url)
    db.session.flush()
    return True


def reject(actor: User, target_type: TargetType, target, reason: str | None, site_url: str = "") -> bool:
    """Refuse a held post or thread: it stays hidden, with the reason shown to its author.

    False when it was no longer waiting."""
    require_moderator(actor)
    _held(target_type)
    reason = clean_reason(reason)
    if not is_awaiting_approval(target):
        return False
    target.hidden_reason = reason
    _log(actor, ModerationAction.REJECT, target_type, target.id, reason)
    _tell_authors(target_type, target, actor, _REJECTED_TEXT[target_type], _REJECTED_SUBJECT[target_type], reason,
                  site_url)
    db.session.flush()
    return True


def edit_post(actor: User, post: Post, body: str, title: str | None, reason: str | None, site_url: str = "") -> bool:
    """A moderator edits someone's post: the reason is logged and told to the author.

    False when nothing changed (nothing is logged then)."""
    require_moderator(actor)
    reason = clean_reason(reason)
    if not threads.edit_post(actor, post, body, title, moderation_reason=reason):
        return False
    _log(actor, ModerationAction.EDIT, TargetType.POST, post.id, reason)
    if post.author_id != actor.id:
        _tell_authors(TargetType.POST, post, actor, "Votre message dans « {title} » a été modifié par la modération.",
                      "Votre message a été modifié par la modération", reason, site_url)
    db.session.flush()
    return True


# --- members: suspensions -------------------------------------------------------------------------
def suspension_end(choice: str, now: datetime | None = None) -> datetime | None:
    """The end of a suspension from a length offered in the form (None: until lifted)."""
    if choice not in SUSPENSION_DAYS:
        raise Invalid("Choisissez une durée parmi celles proposées.", field="duration")
    days = SUSPENSION_DAYS[choice]
    return None if days is None else (now or utcnow()) + timedelta(days=days)


def suspension_text(user: User) -> str:
    """ "jusqu'au 3 mars 2026 à 14:05" or "sans limite de durée"."""
    if user.suspended_until is None:
        return "sans limite de durée"
    return f"jusqu'au {datetime_fr(user.suspended_until)}"


def _same_end(stored: datetime | None, expected: datetime | None) -> bool:
    """Whether a suspension's stored end is the one ``expected`` (within a second: stored times may lose
    their microseconds). None is "until lifted"."""
    if stored is None or expected is None:
        return stored is expected
    return abs(stored - expected) < timedelta(seconds=1)


def suspend(actor: User, member: User, duration: str, reason: str | None, site_url: str = "") -> bool:
    """Suspend a member: they still read, but every write is refused until the end. Moderators
    suspend members; only administrators suspend moderators; nobody suspends an administrator.

    Suspending again with another reason or another length replaces the suspension (from now);
    the same reason and length again within DUPLICATE_WINDOW is a double submission (False)."""
    require_moderator(actor)
    reason = clean_reason(reason)
    now = utcnow()
    until = suspension_end(duration, now)
    if member.id == actor.id:
        raise Invalid("Vous ne pouvez pas vous suspendre vous-même.")
    if member.role is Role.ADMIN:
        raise Forbidden("Un·e administrateur·rice ne peut pas être suspendu·e.")
    if member.role is Role.MODERATOR and not actor.is_admin:
        raise Forbidden("Seul·e un·e administrateur·rice peut suspendre un·e modérateur·rice.")
    if (member.is_suspended and member.suspension_reason == reason
            and member.suspended_at > now - DUPLICATE_WINDOW
            and _same_end(member.suspended_until, suspension_end(duration, member.suspended_at))):
        return False  # the same suspension (reason and length) submitted twice
    member.suspended_at = now
    member.suspended_until = until
    member.suspension_reason = reason
    _log(actor, ModerationAction.SUSPEND, TargetType.MEMBER, member.id, reason, detail=suspension_text(member))
    notify([member], "moderation", f"Votre compte est suspendu {suspension_text(member)} : vous pouvez lire le "
                                   f"forum mais plus y écrire. Raison : {reason}", "/notifications", actor=actor,
           site_url=site_url, email_subject="Votre compte est suspendu")
    db.session.flush()
    return True


def unsuspend(actor: User, member: User, reason: str | None = "", site_url: str = "") -> bool:
    require_moderator(actor)
    reason = clean_reason(reason, required=False)
    if member.role is Role.MODERATOR and not actor.is_admin:
        raise Forbidden("Seul·e un·e administrateur·rice peut lever la suspension d'un·e modérateur·rice.")
    if not member.is_suspended:
        return False
    member.suspended_at = member.suspended_until = None
    member.suspension_reason = ""
    _log(actor, ModerationAction.UNSUSPEND, TargetType.MEMBER, member.id, reason)
    notify([member], "moderation", "La suspension de votre compte est levée : vous pouvez de nouveau écrire.",
           "/notifications", actor=actor, site_url=site_url, email_subject="La suspension de votre compte est levée")
    db.session.flush()
    return True


def refusal_for(user: User) -> str:
    """The message a suspended member reads when they try to write."""
    text = f"Votre compte est suspendu {suspension_text(user)} : vous pouvez lire le forum, mais pas y écrire."
    if user.suspension_reason:
        text += f" Raison : {user.suspension_reason}"
    return text

