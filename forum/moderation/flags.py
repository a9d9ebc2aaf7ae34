"""Members' flags: checking and recording them, hiding a post many members flagged, the review."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from forum.accounts.models import User
from forum.accounts.services import require_confirmed
from forum.core.errors import Invalid, NotFound
from forum.core.models import HiddenKind, utcnow
from forum.core.text import clean_text
from forum.core.visibility import can_see, is_moderator
from forum.extensions import db
from forum.messages.models import ConversationMember
from forum.moderation.models import FLAGGABLE, Flag, FlagReason, FlagResolution, ModerationAction, TargetType
from forum.moderation.services import (
    AUTHOR_MESSAGE_MISSING, AUTO_HIDE_REASON, HIDDEN_SUBJECT, HIDDEN_TEXT, MODELS, NOT_FOUND, RESTORED_SUBJECT,
    RESTORED_TEXT, author_ids_of, clean_reason, close_flags, lock_target, log, require_moderator, set_hidden,
    set_visible, tell_authors,
)

from forum.threads.models import Thread

NOTE_MAX = 500
# This many open flags from different members hide a post until a moderator reviews it.
AUTO_HIDE_FLAGS = 3


@dataclass(frozen=True)
class FlagOutcome:
    created: bool  # False: this member had already flagged it (an open flag)
    auto_hidden: bool = False


def check_flaggable(actor: User, target_type: TargetType, target) -> None:
    """Whether ``actor`` may flag ``target``: NotFound when out of their sight, Forbidden until their
    address is confirmed, Invalid for their own or a deleted post."""
    if target_type not in FLAGGABLE:
        raise NotFound(_("Ce type de contenu ne peut pas être signalé."))
    authors = author_ids_of(target_type, target)
    if target_type is TargetType.PRACTICE and not target.is_published:
        raise NotFound(NOT_FOUND[target_type])
    if not can_see(actor, target, *authors):
        raise NotFound(NOT_FOUND[target_type])
    if target_type is TargetType.POST and not _thread_visible_to(actor, target.thread_id):
        raise NotFound(NOT_FOUND[target_type])  # a post of a hidden or merged thread is out of sight too
    if target_type is TargetType.PRIVATE_MESSAGE and not _in_conversation(actor, target.conversation_id):
        raise NotFound(NOT_FOUND[target_type])  # only its conversation's members know it exists
    require_confirmed(actor)
    if target_type is TargetType.POST and target.is_deleted:
        raise Invalid(_("Ce message a été supprimé : il n'y a plus rien à signaler."))
    if actor.id in authors:
        raise Invalid(_("Vous ne pouvez pas signaler votre propre contenu : modifiez-le ou supprimez-le."))


def _in_conversation(actor: User, conversation_id: int) -> bool:
    return db.session.execute(select(ConversationMember.id).where(
        ConversationMember.conversation_id == conversation_id, ConversationMember.user_id == actor.id)).first() is not None


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
        raise Invalid(_("Choisissez une raison parmi celles proposées."), field="reason") from None
    note = clean_text(note)
    if len(note) > NOTE_MAX:
        raise Invalid(_("La précision fait au plus %(num)d caractères.", num=NOTE_MAX), field="note")
    if flag_reason is FlagReason.OTHER and not note:
        raise Invalid(_("Pour « Autre », précisez en quelques mots ce qui pose problème."), field="note")
    return flag_reason, note


def flag(actor: User, target_type: TargetType, target, reason: str | None, note: str | None = "",
         site_url: str = "") -> FlagOutcome:
    """Report ``target`` to the moderators. A second flag by the same member while the first is
    open counts once; after a moderator closed it, flagging again reopens it (back in the queue),
    remembering who examined it: such a flag no longer counts towards hiding (see ``_auto_hide``).

    A post's row is locked first (its thread before it): flags sent at the same moment are counted
    one after the other, so the third one hides the post, once."""
    flag_reason, note = clean_flag(reason, note)
    if target_type is TargetType.POST:
        lock_target(target_type, target)
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
    set_hidden(target_type, target, AUTO_HIDE_REASON, kind=HiddenKind.FLAGS)
    log(None, ModerationAction.AUTO_HIDE, target_type, target.id, AUTO_HIDE_REASON)
    tell_authors(target_type, target, None, _l("Votre message dans « {title} » a été masqué après plusieurs "
                                               "signalements, en attente d'examen par la modération."),
                 _l("Votre message a été masqué après plusieurs signalements"), site_url=site_url)
    db.session.flush()
    return True



def review_flags(actor: User, target_type: TargetType, target_id: int, *, uphold: bool, reason: str = "",
                 site_url: str = "") -> bool:
    """From the queue: « Masquer le message » (hide, close the flags; ``reason`` is the message to its
    author, required: Invalid, nothing hidden, when it is empty) or « Ignorer le signalement » (close
    them; the content stays, or comes back when the flags alone had hidden it). False when there was
    nothing left to review (another moderator was quicker)."""
    require_moderator(actor)
    reason = clean_reason(reason, required=uphold, missing=AUTHOR_MESSAGE_MISSING)
    target = db.session.get(MODELS[target_type], target_id)
    if target is not None:
        lock_target(target_type, target)
    # Compare-and-set: only flags still open are closed; a moderator who was quicker leaves none.
    closed = close_flags(actor, target_type, target_id,
                         FlagResolution.UPHELD if uphold else FlagResolution.REJECTED)
    if not closed:
        return False
    if target is not None:
        hidden_by_flags = target.hidden_at is not None and target.hidden_kind == HiddenKind.FLAGS
        if uphold and (target.hidden_at is None or hidden_by_flags):
            set_hidden(target_type, target, reason, actor)
            tell_authors(target_type, target, actor, HIDDEN_TEXT[target_type], HIDDEN_SUBJECT[target_type],
                         reason, site_url)
        elif not uphold and hidden_by_flags:
            # Rejected flags bring back what they alone had hidden; a moderator's hiding stays.
            set_visible(target_type, target)
            tell_authors(target_type, target, actor, RESTORED_TEXT[target_type], RESTORED_SUBJECT[target_type],
                         site_url=site_url)
    log(actor, ModerationAction.FLAGS_UPHELD if uphold else ModerationAction.FLAGS_REJECTED, target_type,
        target_id, reason, detail=f"{closed} signalement{'s' if closed > 1 else ''}")
    db.session.flush()
    return True
