"""Suspensions: a suspended member still reads the forum but writes nothing until the end.

Suspending and lifting lock the member's row before reading their suspension: two moderators
at once act one after the other (the same suspension twice is logged and told once)."""

from __future__ import annotations

from datetime import datetime, timedelta

from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from forum.accounts.models import Role, User
from forum.core.dates import format_datetime
from forum.core.errors import Forbidden, Invalid, NotFound
from forum.core.locking import lock
from forum.core.models import utcnow
from forum.extensions import db
from forum.moderation.models import ModerationAction, TargetType
from forum.moderation.services import clean_reason, log, require_moderator
from forum.notifications.services import notify

# A second identical suspension within this delay is a double submission.
DUPLICATE_WINDOW = timedelta(minutes=5)
# Suspension lengths offered to moderators, in days (None: until lifted).
SUSPENSION_DAYS = {"1": 1, "3": 3, "7": 7, "30": 30, "90": 90, "definitive": None}


def suspension_end(choice: str, now: datetime | None = None) -> datetime | None:
    """The end of a suspension from a length offered in the form (None: until lifted)."""
    if choice not in SUSPENSION_DAYS:
        raise Invalid(_("Choisissez une durée parmi celles proposées."), field="duration")
    days = SUSPENSION_DAYS[choice]
    return None if days is None else (now or utcnow()) + timedelta(days=days)


def suspension_text(user: User) -> str:
    """ "jusqu'au 3 mars 2026 à 14:05" or "sans limite de durée" (in the language being written)."""
    if user.suspended_until is None:
        return _("sans limite de durée")
    return _("jusqu'au %(when)s", when=format_datetime(user.suspended_until))


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
    lock(member, gone=NotFound(_("Ce membre n'existe pas.")))
    now = utcnow()
    until = suspension_end(duration, now)
    if member.id == actor.id:
        raise Invalid(_("Vous ne pouvez pas vous suspendre vous-même."))
    if member.role is Role.ADMIN:
        raise Forbidden(_("Un·e administrateur·rice ne peut pas être suspendu·e."))
    if member.role is Role.MODERATOR and not actor.is_admin:
        raise Forbidden(_("Seul·e un·e administrateur·rice peut suspendre un·e modérateur·rice."))
    if (member.is_suspended and member.suspension_reason == reason
            and member.suspended_at > now - DUPLICATE_WINDOW
            and _same_end(member.suspended_until, suspension_end(duration, member.suspended_at))):
        return False  # the same suspension (reason and length) submitted twice
    member.suspended_at = now
    member.suspended_until = until
    member.suspension_reason = reason
    with force_locale("fr"):  # the journal keeps its details in French, as it always has
        detail = suspension_text(member)
    log(actor, ModerationAction.SUSPEND, TargetType.MEMBER, member.id, reason, detail=detail)
    notify([member], "moderation",
           lambda: _("Votre compte est suspendu %(until)s : vous pouvez lire le forum mais plus y écrire. "
                     "Raison : %(reason)s", until=suspension_text(member), reason=reason),
           "/notifications", actor=actor, site_url=site_url, email_subject=_l("Votre compte est suspendu"))
    db.session.flush()
    return True


def unsuspend(actor: User, member: User, reason: str | None = "", site_url: str = "") -> bool:
    require_moderator(actor)
    reason = clean_reason(reason, required=False)
    lock(member, gone=NotFound(_("Ce membre n'existe pas.")))
    if member.role is Role.MODERATOR and not actor.is_admin:
        raise Forbidden(_("Seul·e un·e administrateur·rice peut lever la suspension d'un·e modérateur·rice."))
    if not member.is_suspended:
        return False
    member.suspended_at = member.suspended_until = None
    member.suspension_reason = ""
    log(actor, ModerationAction.UNSUSPEND, TargetType.MEMBER, member.id, reason)
    notify([member], "moderation", _l("La suspension de votre compte est levée : vous pouvez de nouveau écrire."),
           "/notifications", actor=actor, site_url=site_url,
           email_subject=_l("La suspension de votre compte est levée"))
    db.session.flush()
    return True


def refusal_for(user: User) -> str:
    """The message a suspended member reads when they try to write."""
    text = _("Votre compte est suspendu %(until)s : vous pouvez lire le forum, mais pas y écrire.",
             until=suspension_text(user))
    if user.suspension_reason:
        text += _(" Raison : %(reason)s", reason=user.suspension_reason)
    return text

