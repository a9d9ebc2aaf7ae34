"""Daily and weekly e-mail digests: a member's unread notifications, the busiest threads, new practice reports.

Queued by the worker's schedules (forum.worker: every morning, and on Mondays), or by ``flask digest
send --period daily|weekly``, for the members who chose that rhythm (forum.notifications:
EmailPreference). A member with nothing unread and nothing new
gets no e-mail. Each digest is plain text and ends with the one-click unsubscribe link; the
time it was sent is remembered, so the next one starts from there, and a member served less
than half a period ago is skipped (the command run twice, or beside the worker). The busiest threads leave out held,
hidden and merged content, and, per member, the threads and categories they ignore.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from flask_babel import force_locale, ngettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from forum.accounts.models import User
from forum.core.models import utcnow
from forum.extensions import db
from forum.notifications.models import EmailFrequency, EmailPreference, Notification
from forum.notifications.services import HIDDEN_TEXT, email_member, masked
from forum.practices.models import Practice, PracticeStatus
from forum.threads.models import Post, Thread
from forum.threads.watching import muted_filter

# Each period's subject and opening line, written in each member's language (force_locale).
PERIODS = {"daily": (EmailFrequency.DAILY, timedelta(days=1),
                     (_l("Votre résumé quotidien du Forum des Fabriques"),
                      _l("Voici votre résumé quotidien du Forum des Fabriques."))),
           "weekly": (EmailFrequency.WEEKLY, timedelta(days=7),
                      (_l("Votre résumé hebdomadaire du Forum des Fabriques"),
                       _l("Voici votre résumé hebdomadaire du Forum des Fabriques.")))}
MAX_NOTIFICATIONS = 15
MAX_ITEMS = 5


@dataclass(frozen=True)
class Highlights:
    """What is the same for every member of a period: busiest threads, new practice reports."""

    threads: list[tuple[Thread, int]]
    practices: list[Practice]


def highlights(since: datetime) -> Highlights:
    busiest = db.session.execute(
        select(Thread, func.count(Post.id).label("new_posts")).join(Post, Post.thread_id == Thread.id)
        .where(Post.created_at >= since, Post.deleted_at.is_(None), Post.hidden_at.is_(None),
               Thread.hidden_at.is_(None), Thread.merged_into_id.is_(None))
        .group_by(Thread.id).order_by(func.count(Post.id).desc(), Thread.id).limit(MAX_ITEMS)).all()
    practices = list(db.session.execute(
        select(Practice).where(Practice.status == PracticeStatus.PUBLISHED, Practice.published_at >= since,
                               Practice.hidden_at.is_(None))
        .order_by(Practice.published_at.desc()).limit(MAX_ITEMS)).scalars())
    return Highlights([(thread, count) for thread, count in busiest], practices)


def _for_member(user: User, common: Highlights) -> Highlights:
    """The common highlights without the threads ``user`` ignores (thread or category "ignorer")."""
    muted = muted_filter(user)
    if muted is None or not common.threads:
        return common
    kept = set(db.session.execute(
        select(Thread.id).where(Thread.id.in_([thread.id for thread, _count in common.threads]), muted)).scalars())
    return Highlights([(thread, count) for thread, count in common.threads if thread.id in kept], common.practices)


def send_digests(period: str, site_url: str = "", now: datetime | None = None) -> int:
    """Queue the ``period`` digest of every member who chose it; the number of e-mails queued."""
    frequency, length, wording = PERIODS[period]
    now = now or utcnow()
    common = highlights(now - length)
    rows = db.session.execute(
        select(User, EmailPreference).join(EmailPreference, EmailPreference.user_id == User.id)
        .where(EmailPreference.frequency == frequency)).all()
    # A member who got a digest less than half a period ago is skipped: the command was run twice
    # (by hand, or two crons). Half, not the whole period, because cron starts a little later or
    # earlier from one day (or week) to the next, and sending takes time: yesterday's digest stamped
    # at 07:00:03 must not block today's run at 07:00:01.
    recent = now - length / 2
    sent = 0
    for user, preference in rows:
        if getattr(user, "is_deleted", False):
            continue
        if preference.last_digest_at is not None and preference.last_digest_at > recent:
            continue
        since = max(preference.last_digest_at or now - length, now - timedelta(days=31))
        unread = list(db.session.execute(
            select(Notification).where(Notification.user_id == user.id, Notification.read_at.is_(None),
                                       Notification.created_at > since)
            .order_by(Notification.created_at.desc()).limit(MAX_NOTIFICATIONS + 1)).scalars())
        mine = _for_member(user, common)
        if not unread and not mine.threads and not mine.practices:
            continue
        # Written in the member's language, whoever runs the command.
        with force_locale(user.email_language):
            email_member(user, str(wording[0]), _text(user, unread, mine, str(wording[1]), site_url), site_url)
        preference.last_digest_at = now
        sent += 1
    db.session.flush()
    return sent


def _text(user: User, unread: list[Notification], common: Highlights, opening: str, site_url: str) -> str:
    """The digest's body, in the current locale (the member's: see ``send_digests``)."""
    lines = [_("Bonjour %(name)s,", name=user.display_name), "", opening, ""]
    if unread:
        lines.append(_("Pour vous (notifications non lues) :"))
        shown = unread[:MAX_NOTIFICATIONS]
        # What the moderation hid since a line was written reads « Contenu masqué… », without its title
        # (nor its address, which no longer opens for the member).
        hidden = masked([(notification.link, notification.created_at) for notification in shown])
        lines += [f"- {HIDDEN_TEXT}" if is_masked else f"- {notification.text}\n  {site_url}{notification.link}"
                  for notification, is_masked in zip(shown, hidden)]
        if len(unread) > MAX_NOTIFICATIONS:
            lines.append("- " + _("… et d'autres : %(url)s", url=site_url + "/notifications"))
        lines.append("")
    if common.threads:
        lines.append(_("Les discussions les plus actives :"))
        for thread, count in common.threads:
            new_posts = ngettext("%(num)d nouveau message", "%(num)d nouveaux messages", count)
            lines.append(f"- {thread.title} ({new_posts})\n  {site_url}/sujets/{thread.id}/{thread.slug}")
        lines.append("")
    if common.practices:
        lines.append(_("Nouveaux retours d'expérience :"))
        lines += [f"- {practice.title}\n  {site_url}/pratiques/{practice.id}" for practice in common.practices]
        lines.append("")
    lines += [_("Pour choisir quand recevoir ces e-mails : %(url)s", url=site_url + "/notifications"), "",
              "-- ", "Forum des Fabriques"]
    return "\n".join(lines)
