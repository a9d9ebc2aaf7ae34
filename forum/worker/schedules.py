"""The worker's schedules: each job runs once per period, whatever the number of workers.

A period starts at a wall-clock hour in Paris (every day, or every Monday). A job is due when
the period that contains now started after the one it last ran for (``ScheduledRun``): a worker
that was stopped for three days runs it once when it comes back, for the current period (a
digest covers everything since the member's last one; reminders look at today and tomorrow and
at every overdue loan), not once per missed day.

The job runs in the transaction that holds its ``ScheduledRun`` row locked, and that row records
the period in the same commit: two workers cannot both run a period (the second skips the locked
row, then finds the period done), and a job that fails leaves nothing half-done (its e-mails are
outbox rows of the rolled-back transaction) and is tried again at a later round.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from forum.core.dates import PARIS
from forum.core.database import write_intent
from forum.core.models import utcnow
from forum.extensions import db
from forum.worker import jobs
from forum.worker.models import ScheduledRun

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Schedule:
    name: str
    label: str  # for administrators
    hour_setting: str  # the configuration key of its hour (Paris wall clock)
    job: Callable[[datetime], str]  # runs in the caller's transaction; returns a summary
    weekday: int | None = None  # None: every day; 0: Mondays

    def period_start(self, now: datetime, hour: int) -> datetime:
        """The latest start of a period at or before ``now`` (aware UTC)."""
        local = now.astimezone(PARIS)
        day = local.date()
        if self.weekday is not None:
            day -= timedelta(days=(day.weekday() - self.weekday) % 7)
        start = datetime.combine(day, time(hour), tzinfo=PARIS)
        if start > local:
            start = datetime.combine(day - timedelta(days=7 if self.weekday is not None else 1), time(hour),
                                     tzinfo=PARIS)
        return start.astimezone(now.tzinfo)

    def next_start(self, now: datetime, hour: int) -> datetime:
        local = self.period_start(now, hour).astimezone(PARIS)
        following = local.date() + timedelta(days=7 if self.weekday is not None else 1)
        return datetime.combine(following, time(hour), tzinfo=PARIS).astimezone(now.tzinfo)


SCHEDULES = (
    Schedule("digest-daily", _l("Résumés quotidiens"), "DAILY_DIGEST_HOUR", jobs.daily_digests),
    Schedule("digest-weekly", _l("Résumés hebdomadaires (le lundi)"), "WEEKLY_DIGEST_HOUR", jobs.weekly_digests,
             weekday=0),
    Schedule("loan-reminders", _l("Rappels des prêts"), "LOAN_REMINDERS_HOUR", jobs.loan_reminders),
    Schedule("event-reminders", _l("Rappels des événements (la veille)"), "EVENT_REMINDERS_HOUR", jobs.event_reminders),
    Schedule("pruning", _l("Ménage : journaux anciens, fichiers photo orphelins"), "PRUNING_HOUR", jobs.pruning),
)


@dataclass(frozen=True)
class Outcome:
    name: str
    period_start: datetime
    summary: str
    failed: bool = False


def hour_of(schedule: Schedule, config) -> int:
    return int(config[schedule.hour_setting])


def run_due(config, now: datetime | None = None) -> list[Outcome]:
    """Run every job whose period has come and that no worker ran for it yet; what ran."""
    now = now or utcnow()
    ran = []
    for schedule in SCHEDULES:
        outcome = run_if_due(schedule, hour_of(schedule, config), now)
        if outcome is not None:
            ran.append(outcome)
    return ran


def run_if_due(schedule: Schedule, hour: int, now: datetime) -> Outcome | None:
    """Run ``schedule``'s job for the current period, unless done or being done elsewhere.
    A failing job is logged and rolled back (it is tried again at the next call)."""
    start = schedule.period_start(now, hour)
    _ensure_row(schedule.name)
    with write_intent():
        try:
            query = select(ScheduledRun).where(ScheduledRun.name == schedule.name)
            if db.engine.dialect.name == "postgresql":
                query = query.with_for_update(skip_locked=True)
            run = db.session.execute(query).scalar_one_or_none()
            if run is None or (run.period_start is not None and run.period_start >= start):
                db.session.rollback()  # being run by another worker, or done for this period
                return None
            summary = schedule.job(now)
            run.period_start, run.ran_at, run.summary = start, now, summary[:300]
            db.session.commit()
        except Exception as error:  # noqa: BLE001 - logged; the period stays due
            db.session.rollback()
            logger.exception("Scheduled job %s failed; it will be tried again", schedule.name)
            return Outcome(schedule.name, start, f"{type(error).__name__}: {error}", failed=True)
    logger.info("Scheduled job %s ran for the period of %s: %s", schedule.name, start.isoformat(), summary)
    return Outcome(schedule.name, start, summary)


def _ensure_row(name: str) -> None:
    with write_intent(False):
        exists = db.session.get(ScheduledRun, name) is not None
        db.session.rollback()
    if exists:
        return
    with write_intent():
        try:
            db.session.add(ScheduledRun(name=name))
            db.session.commit()
        except IntegrityError:  # another worker inserted it at the same moment
            db.session.rollback()


def next_due(config, now: datetime) -> datetime:
    """When the next period of any schedule starts (the worker sleeps at most until then)."""
    return min(schedule.next_start(now, hour_of(schedule, config)) for schedule in SCHEDULES)


def last_runs() -> dict[str, ScheduledRun]:
    return {run.name: run for run in db.session.execute(select(ScheduledRun)).scalars()}
