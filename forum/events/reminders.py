"""The reminder of the day before (the worker's schedule « event-reminders »): each goes once.

Everyone with a confirmed « je viens » (not waiting) to a timing that starts tomorrow, Paris
time (or today, when the job missed a day), gets an in-app notification, and an e-mail unless
they chose « jamais ». ``reminder_sent_at`` on the answer marks it sent, in the same
transaction as the e-mails' outbox rows: a job that fails sends nothing and runs again.
Cancelled and hidden events get none.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from flask_babel import force_locale, gettext as _

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from forum.core.dates import PARIS
from forum.core.models import utcnow
from forum.events.display import format_timing
from forum.events.models import Answer, Event, EventStatus, EventTiming, Rsvp
from forum.extensions import db
from forum.notifications.services import email_member, notify, wants_email


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=PARIS)


def send_event_reminders(today: date, site_url: str = "") -> int:
    """Queue the reminders of events starting today or tomorrow; the caller commits. How many were sent."""
    start, end = _midnight(today), _midnight(today + timedelta(days=2))
    starting = (select(EventTiming.event_id).where(EventTiming.starts_at >= start, EventTiming.starts_at < end)
                .distinct())
    answers = list(db.session.execute(
        select(Rsvp).join(Event, Event.id == Rsvp.event_id)
        .where(Rsvp.event_id.in_(starting), Rsvp.answer == Answer.GOING, Rsvp.waiting.is_(False),
               Rsvp.reminder_sent_at.is_(None), Event.status != EventStatus.CANCELLED, Event.hidden_at.is_(None))
        .options(joinedload(Rsvp.user), joinedload(Rsvp.event).selectinload(Event.timings))
        .order_by(Rsvp.id).with_for_update(of=Rsvp)).unique().scalars())
    wanted = wants_email([answer.user_id for answer in answers])
    now = utcnow()
    for answer in answers:
        event, user = answer.event, answer.user
        timing = next(timing for timing in event.timings if start <= timing.starts_at < end)
        tomorrow = timing.starts_at >= _midnight(today + timedelta(days=1))
        # Written in the member's language (the notification's and the e-mail's).
        with force_locale(user.email_language):
            when = _("demain") if tomorrow else _("aujourd'hui")
            text = _("Rappel\u00a0: « %(title)s » a lieu %(when)s (%(timing)s).", title=event.title, when=when,
                     timing=format_timing(timing.starts_at, timing.ends_at))
            notify([user], "event.reminder", text, f"/agenda/{event.id}", site_url=site_url)
            if user.id in wanted and not user.is_deleted:
                email_member(user, _("Rappel\u00a0: %(title)s, %(when)s", title=event.title, when=when),
                             _("Bonjour %(name)s,", name=user.display_name) + f"\n\n{text}\n\n"
                             f"{site_url}/agenda/{event.id}\n\n-- \nForum des Fabriques", site_url)
        answer.reminder_sent_at = now
    db.session.flush()
    return len(answers)
