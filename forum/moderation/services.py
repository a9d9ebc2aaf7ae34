"""What every moderation use case shares, and hiding and restoring content.

Here: the moderators-only check, finding a target and its authors, link and title, the journal
writer (``log``, and the listener that journals what lower domains announce through
forum.core.audit), reasons, telling authors, closing flags, hiding and restoring. Flags are in
``flags``, thread tools, held posts and edits in ``thread_tools``, suspensions in ``suspensions``.

Services flush, never commit; the caller commits once. Each moderator action writes one
``ModerationLog`` row in the same transaction, so the log and the change stand or fall
together. Actions are idempotent: repeating one (a double submission) changes nothing
and logs nothing.

Concurrency: every action locks its target's row (a post: its thread first; ``lock_target``)
before reading the state it changes, so two moderators acting at once, or a moderator and the
flags' auto-hiding, act one after the other: the second sees the first's result (hidden
already: nothing to do, nothing logged, counters moved once).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import datetime

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import bindparam, literal_column, select, union_all, update
from sqlalchemy.orm import selectinload

from forum.accounts.models import User
from forum.core.audit import audited_action
from forum.core.errors import Forbidden, Invalid, NotFound
from forum.core.locking import lock
from forum.core.models import HiddenKind, utcnow
from forum.core.security import parse_id
from forum.core.text import clean_line
from forum.core.visibility import is_awaiting_approval
from forum.extensions import db
from forum.fabriques.models import Membership, MembershipRole, MembershipStatus
from forum.moderation.models import (
    FLAGGABLE, Flag, FlagReason, FlagResolution, ModerationAction, ModerationLog, N_, TargetType,
)
from forum.notifications.services import answer_hidden_since, notify
from forum.events.models import Event
from forum.messages.models import Conversation, PrivateMessage
from forum.practices.models import Practice
from forum.resources.models import Resource
from forum.threads import counters, services as threads
from forum.threads.models import Post, Thread

REASON_MAX = 500
# The sentence shown with what flags hid (forum.moderation.flags, ``HiddenKind.FLAGS``).
# Stored in French as every reason is (N_: the hidden notice translates it where it is shown).
AUTO_HIDE_REASON = N_("Masqué automatiquement après plusieurs signalements de membres, "
                      "en attente d'examen par l'équipe de modération.")

MODERATORS_ONLY = _l("Cette action est réservée à l'équipe de modération.")
NOT_FOUND = {
    TargetType.POST: _l("Ce message n'existe pas."),
    TargetType.THREAD: _l("Ce sujet n'existe pas ou a été supprimé."),
    TargetType.RESOURCE: _l("Cette ressource n'existe pas ou a été retirée du catalogue."),
    TargetType.PRACTICE: _l("Ce retour d'expérience n'existe pas."),
    TargetType.MEMBER: _l("Ce membre n'existe pas."),
    TargetType.PRIVATE_MESSAGE: _l("Ce message privé n'existe pas."),
    TargetType.EVENT: _l("Cet événement n'existe pas ou plus."),
}
MODELS = {TargetType.POST: Post, TargetType.THREAD: Thread, TargetType.RESOURCE: Resource,
          TargetType.PRACTICE: Practice, TargetType.MEMBER: User, TargetType.PRIVATE_MESSAGE: PrivateMessage,
          TargetType.EVENT: Event}


def require_moderator(actor: User) -> None:
    if not (actor.is_authenticated and actor.is_moderator):
        raise Forbidden(MODERATORS_ONLY)


def get_target(target_type: TargetType, target_id: int):
    """The post, thread, resource, practice report or member; NotFound (French) when it does not exist."""
    options = [selectinload(Practice.authors)] if target_type is TargetType.PRACTICE else []
    target = db.session.get(MODELS[target_type], target_id, options=options)
    if target is None:
        raise NotFound(NOT_FOUND[target_type])
    return target


def lock_target(target_type: TargetType, target) -> None:
    """Lock the target's row and reload it (a post: its thread first, as forum.core.locking orders)."""
    if target_type is TargetType.POST:
        threads.lock_post(target)
    else:
        lock(target, gone=NotFound(NOT_FOUND[target_type]))


# --- who wrote it, where it is --------------------------------------------------------------------
def author_ids_of(target_type: TargetType, target) -> list[int]:
    """Who is told when it is hidden or restored, and who still sees it while hidden."""
    if target_type in (TargetType.POST, TargetType.THREAD, TargetType.PRIVATE_MESSAGE):
        return [target.author_id] if target.author_id is not None else []
    if target_type is TargetType.PRACTICE:
        return [author.id for author in target.authors]
    if target_type in (TargetType.RESOURCE, TargetType.EVENT):
        # An event: the organising fabrique's managers, and its author.
        author = [target.author_id] if target_type is TargetType.EVENT and target.author_id is not None else []
        return author + list(db.session.execute(
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
        # Moderators read a reported private message on its own page, never its conversation.
        TargetType.PRIVATE_MESSAGE: lambda: f"/moderation/prive/{target.id}",
        TargetType.EVENT: lambda: f"/agenda/{target.id}",
    }[target_type]()


def member_link_of(target_type: TargetType, target) -> str:
    """Where ``target`` is for the members who read it (its author, who reported it): the content
    itself; a private message's is its conversation, which they read and moderators do not."""
    if target_type is TargetType.PRIVATE_MESSAGE:
        return f"/messagerie/{target.conversation_id}#message-{target.id}"
    return link_of(target_type, target)


def title_of(target_type: TargetType, target) -> str:
    if target_type is TargetType.POST:
        return db.session.execute(select(Thread.title).where(Thread.id == target.thread_id)).scalar_one()
    if target_type is TargetType.RESOURCE:
        return target.name
    if target_type is TargetType.MEMBER:
        return target.display_name
    if target_type is TargetType.PRIVATE_MESSAGE:
        return db.session.execute(select(Conversation.subject).where(
            Conversation.id == target.conversation_id)).scalar_one()
    return target.title


# The addresses notifications lead to (``link_of``, ``member_link_of``, and those of forum.threads,
# forum.practices, forum.messages), read back: the kind of content and its id.
_NOTIFIED_LINKS = (
    (re.compile(r"/messages/([0-9]{1,18})(?:[?#].*)?"), TargetType.POST),
    (re.compile(r"/sujets/([0-9]{1,18})(?:/[^?#]*)?(?:[?#].*)?"), TargetType.THREAD),
    (re.compile(r"/pratiques/([0-9]{1,18})(?:[?#].*)?"), TargetType.PRACTICE),
    (re.compile(r"/ressources/([0-9]{1,18})(?:[?#].*)?"), TargetType.RESOURCE),
    (re.compile(r"/messagerie/[0-9]{1,18}#message-([0-9]{1,18})"), TargetType.PRIVATE_MESSAGE),
    (re.compile(r"/agenda/([0-9]{1,18})(?:[?#].*)?"), TargetType.EVENT),
)


def _target_of_link(link: str) -> tuple[TargetType, int] | None:
    for pattern, target_type in _NOTIFIED_LINKS:
        match = pattern.fullmatch(link)
        if match:
            target_id = parse_id(match.group(1))
            return (target_type, target_id) if target_id is not None else None
    return None


def _kind(target_type: TargetType):
    return literal_column(f"'{target_type.value}'")  # a constant of the enum, never user input


def _ids_of(target_type: TargetType):
    return bindparam(f"{target_type.name.lower()}_ids", expanding=True)


# Built once (the notifications page runs it on every view): every kind of notified content, each
# with the ids of its kind (an empty list matches nothing). Built per call, its compilation cost
# more than the rest of the page.
_HIDDEN_SINCE = union_all(
    select(_kind(TargetType.POST), Post.id, Post.hidden_at)
    .where(Post.id.in_(_ids_of(TargetType.POST)), Post.hidden_at.is_not(None)),
    select(_kind(TargetType.POST), Post.id, Thread.hidden_at).join(Thread, Thread.id == Post.thread_id)
    .where(Post.id.in_(_ids_of(TargetType.POST)), Thread.hidden_at.is_not(None), Thread.merged_into_id.is_(None)),
    select(_kind(TargetType.THREAD), Thread.id, Thread.hidden_at)
    .where(Thread.id.in_(_ids_of(TargetType.THREAD)), Thread.hidden_at.is_not(None),
           Thread.merged_into_id.is_(None)),
    *(select(_kind(target_type), MODELS[target_type].id, MODELS[target_type].hidden_at)
      .where(MODELS[target_type].id.in_(_ids_of(target_type)), MODELS[target_type].hidden_at.is_not(None))
      for target_type in (TargetType.PRACTICE, TargetType.RESOURCE, TargetType.PRIVATE_MESSAGE, TargetType.EVENT)),
)
_NOTIFIED_KINDS = (TargetType.POST, TargetType.THREAD, TargetType.PRACTICE, TargetType.RESOURCE,
                   TargetType.PRIVATE_MESSAGE, TargetType.EVENT)


def hidden_since(links: Collection[str]) -> dict[str, datetime]:
    """For notification links: since when the content each leads to is hidden (a post: itself or its
    thread), in one query; links to visible content, or to nothing hideable, are left out. A thread
    merged into another is not "hidden": its address leads to the thread its posts joined.

    Registered with forum.notifications (``answer_hidden_since``), which shows « Contenu masqué par la
    modération. » for a line written before the hiding."""
    targets = {link: target for link in links if (target := _target_of_link(link)) is not None}
    if not targets:
        return {}
    wanted: dict[TargetType, set[int]] = {target_type: set() for target_type in _NOTIFIED_KINDS}
    for target_type, target_id in targets.values():
        wanted[target_type].add(target_id)
    parameters = {f"{target_type.name.lower()}_ids": sorted(ids) for target_type, ids in wanted.items()}
    since: dict[tuple[TargetType, int], datetime] = {}
    for raw_kind, target_id, at in db.session.execute(_HIDDEN_SINCE, parameters):
        key = (TargetType(raw_kind), target_id)
        since[key] = max(since.get(key, at), at)  # a post and its thread both hidden: the later
    return {link: since[target] for link, target in targets.items() if target in since}


answer_hidden_since(hidden_since)


def log(actor: User | None, action: ModerationAction, target_type: TargetType, target_id: int,
        reason: str = "", detail: str = "") -> ModerationLog:
    row = ModerationLog(moderator_id=actor.id if actor is not None else None, action=action,
                        target_type=target_type, target_id=target_id, reason=reason[:REASON_MAX],
                        detail=detail[:300])
    db.session.add(row)
    return row


def _log_announced(actor: User, *, action: str, target_type: str, target_id: int, reason: str, detail: str) -> None:
    """Journal an action a lower domain announced (forum.core.audit), in its transaction."""
    log(actor, ModerationAction(action), TargetType(target_type), target_id, reason, detail)


# A strong reference (blinker keeps weak ones by default): the journal listens for the app's life.
audited_action.connect(_log_announced, weak=False)


# Hiding without a word to its author is refused (forum.moderation.forms.AuthorMessageForm asks for it).
AUTHOR_MESSAGE_MISSING = (_l("Écrivez un message à l'auteur·rice pour lui dire pourquoi son contenu est masqué\u00a0: "
                             "rien n'a été masqué."))


def clean_reason(raw: str | None, *, required: bool = True,
                 missing: str = _l("Indiquez la raison\u00a0: elle sera montrée à l'auteur·rice.")) -> str:
    """A moderator's reason (or message to the author): one line, at most REASON_MAX characters;
    ``missing``, the refusal when it is required and empty (or blank)."""
    reason = clean_line(raw)
    if required and not reason:
        raise Invalid(missing, field="reason")
    if len(reason) > REASON_MAX:
        raise Invalid(_("La raison fait au plus %(num)d caractères.", num=REASON_MAX), field="reason")
    return reason


def close_flags(actor: User, target_type: TargetType, target_id: int, resolution: FlagResolution,
                reason: FlagReason | None = None) -> int:
    """Close every open flag on a target (only those given for ``reason``, if any); the number closed."""
    statement = update(Flag).where(Flag.target_type == target_type, Flag.target_id == target_id,
                                   Flag.resolved_at.is_(None))
    if reason is not None:
        statement = statement.where(Flag.reason == reason)
    return db.session.execute(
        statement.values(resolved_at=utcnow(), resolved_by_id=actor.id, resolution=resolution)
        .execution_options(synchronize_session=False)
    ).rowcount


# --- hiding ---------------------------------------------------------------------------------------
HIDDEN_TEXT = {
    TargetType.POST: _l("Votre message dans « {title} » a été masqué par la modération."),
    TargetType.THREAD: _l("Votre sujet « {title} » a été masqué par la modération."),
    TargetType.RESOURCE: _l("La ressource « {title} » de votre fabrique a été masquée par la modération."),
    TargetType.EVENT: _l("L'événement « {title} » de votre fabrique a été masqué par la modération."),
    TargetType.PRACTICE: _l("Votre retour d'expérience « {title} » a été masqué par la modération."),
    TargetType.PRIVATE_MESSAGE: _l("Votre message privé dans « {title} » a été masqué par la modération."),
}
RESTORED_TEXT = {
    TargetType.POST: _l("Votre message dans « {title} » est de nouveau visible."),
    TargetType.THREAD: _l("Votre sujet « {title} » est de nouveau visible."),
    TargetType.RESOURCE: _l("La ressource « {title} » de votre fabrique est de nouveau visible."),
    TargetType.EVENT: _l("L'événement « {title} » de votre fabrique est de nouveau visible."),
    TargetType.PRACTICE: _l("Votre retour d'expérience « {title} » est de nouveau visible."),
    TargetType.PRIVATE_MESSAGE: _l("Votre message privé dans « {title} » est de nouveau visible."),
}
# The subjects of the same notices by e-mail.
HIDDEN_SUBJECT = {
    TargetType.POST: _l("Votre message a été masqué par la modération"),
    TargetType.THREAD: _l("Votre sujet a été masqué par la modération"),
    TargetType.RESOURCE: _l("Une ressource de votre fabrique a été masquée par la modération"),
    TargetType.EVENT: _l("Un événement de votre fabrique a été masqué par la modération"),
    TargetType.PRACTICE: _l("Votre retour d'expérience a été masqué par la modération"),
    TargetType.PRIVATE_MESSAGE: _l("Votre message privé a été masqué par la modération"),
}
RESTORED_SUBJECT = {
    TargetType.POST: _l("Votre message est de nouveau visible"),
    TargetType.THREAD: _l("Votre sujet est de nouveau visible"),
    TargetType.RESOURCE: _l("Une ressource de votre fabrique est de nouveau visible"),
    TargetType.EVENT: _l("Un événement de votre fabrique est de nouveau visible"),
    TargetType.PRACTICE: _l("Votre retour d'expérience est de nouveau visible"),
    TargetType.PRIVATE_MESSAGE: _l("Votre message privé est de nouveau visible"),
}


def tell_authors(target_type: TargetType, target, actor: User | None, template, subject,
                 reason: str = "", site_url: str = "") -> None:
    """Notify the authors: ``template`` with the target's {title}, then the reason if any; those who
    chose immediate e-mails also get it by e-mail, under ``subject``. ``template`` and ``subject``
    are lazy strings (lazy_gettext): each author reads them in their own language."""
    ids = author_ids_of(target_type, target)
    if not ids:
        return
    authors = db.session.execute(select(User).where(User.id.in_(ids))).scalars().all()
    title = title_of(target_type, target)

    def text() -> str:  # in each author's language (the title and the reason stay as written)
        return str(template).format(title=title) + (_(" Raison : %(reason)s", reason=reason) if reason else "")
    notify(authors, "moderation", text, member_link_of(target_type, target), actor=actor, site_url=site_url,
           email_subject=subject)


# What a moderator may still hide with their own reason (a double submission of theirs finds it
# hidden by a moderator already): content hidden for another cause, which then becomes theirs.
HIDDEN_PENDING_A_MODERATOR = (HiddenKind.AWAITING_APPROVAL, HiddenKind.FLAGS)


def set_hidden(target_type: TargetType, target, reason: str, actor: User | None = None,
               kind: HiddenKind = HiddenKind.MODERATOR) -> None:
    """Hide ``target`` (locked by the caller) for ``kind``, with ``reason`` shown to its authors;
    ``actor``: the moderator (None: the site, after flags). Hidden already, it keeps its moment and
    its place in the counts, and takes the new kind and reason."""
    now = utcnow()  # before the journal row a hidden solution writes: see ``was_hidden_as_solution``
    if target_type is TargetType.THREAD and target.hidden_at is None:
        counters.count_thread_hidden(target)
    if target_type is TargetType.POST and target.hidden_at is None:
        threads.reply_hidden(target, actor)
    target.mark_hidden(kind, reason, now)


def set_visible(target_type: TargetType, target) -> None:
    """Show ``target`` (locked by the caller) again; a reply that was its question's solution when it
    was hidden is the solution again (unless another one was chosen meanwhile)."""
    if target_type is TargetType.THREAD and target.hidden_at is not None:
        counters.count_thread_shown(target)
    solution = False
    if target_type is TargetType.POST and target.hidden_at is not None:
        solution = was_hidden_as_solution(target)
        threads.reply_shown(target)
    target.mark_visible()
    if solution:
        threads.restore_solution(target)


def was_hidden_as_solution(post: Post) -> bool:
    """Whether the hiding that still holds ``post`` took its question's solution away: the journal
    has a SOLUTION_HIDDEN row for it written since its ``hidden_at`` (rows of earlier hidings,
    restored since, are older than it)."""
    return db.session.execute(
        select(ModerationLog.id).where(ModerationLog.action == ModerationAction.SOLUTION_HIDDEN,
                                       ModerationLog.target_type == TargetType.POST,
                                       ModerationLog.target_id == post.id,
                                       ModerationLog.created_at >= post.hidden_at).limit(1)).first() is not None


def _hideable(target_type: TargetType) -> None:
    if target_type not in FLAGGABLE:
        raise NotFound(_("Ce type de contenu ne peut pas être masqué."))


def hide(actor: User, target_type: TargetType, target, reason: str | None, site_url: str = "") -> bool:
    """Hide content with a reason shown to its author(s); its open flags are closed as upheld.

    False when it was already hidden by a moderator (a double submission)."""
    require_moderator(actor)
    _hideable(target_type)
    reason = clean_reason(reason, missing=AUTHOR_MESSAGE_MISSING)
    lock_target(target_type, target)
    if target.hidden_at is not None and target.hidden_kind not in HIDDEN_PENDING_A_MODERATOR:
        return False
    set_hidden(target_type, target, reason, actor)
    close_flags(actor, target_type, target.id, FlagResolution.UPHELD)
    log(actor, ModerationAction.HIDE, target_type, target.id, reason)
    tell_authors(target_type, target, actor, HIDDEN_TEXT[target_type], HIDDEN_SUBJECT[target_type], reason,
                 site_url)
    db.session.flush()
    return True


def restore(actor: User, target_type: TargetType, target, reason: str | None = "", site_url: str = "") -> bool:
    """Show hidden content again; its open flags are closed as rejected. False when it was visible."""
    require_moderator(actor)
    _hideable(target_type)
    reason = clean_reason(reason, required=False)
    lock_target(target_type, target)
    if target.hidden_at is None:
        return False
    if target_type is TargetType.THREAD and target.merged_into_id is not None:
        raise Invalid(_("Ce sujet a été fusionné avec un autre : ses messages y sont, il n'y a rien à rétablir."))
    if is_awaiting_approval(target):
        raise Invalid(_("Ce contenu attend une validation : publiez-le ou refusez-le."))
    set_visible(target_type, target)
    close_flags(actor, target_type, target.id, FlagResolution.REJECTED)
    log(actor, ModerationAction.RESTORE, target_type, target.id, reason)
    tell_authors(target_type, target, actor, RESTORED_TEXT[target_type], RESTORED_SUBJECT[target_type],
                 site_url=site_url)
    db.session.flush()
    return True
