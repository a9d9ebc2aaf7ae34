"""The worker's schedules: periods in Paris wall-clock time, each job once per period (catch-up
included), a failing job rolled back and tried again, two workers at once, and the pruning job."""

from __future__ import annotations

import dataclasses
import os
import time
from datetime import datetime, timedelta, timezone
from datetime import time as dt_time

import pytest
from sqlalchemy import func, select, update

from forum.accounts.models import FormSubmission
from forum.core import outbox as outbox_states
from forum.core.database import write_intent
from forum.core.dates import PARIS
from forum.core.mail import queue_email
from forum.core.models import utcnow
from forum.core.outbox import DeliveryState, OutboxEmail
from forum.extensions import db
from forum.notifications.models import EmailFrequency, EmailPreference
from forum.resources import photos
from forum.resources.models import Loan, LoanState
from forum.search.models import SearchChange
from forum.worker import jobs, schedules
from forum.worker.models import ScheduledRun
from tests.processes import process_context
from tests.accounts.mail import outbox
from tests.conftest import base_config, commit_work, make_category, make_reply, make_thread, make_user, \
    run_worker_now
from tests.resources.builders import TODAY, day, make_loan, two_fabriques

SCHEDULE = {schedule.name: schedule for schedule in schedules.SCHEDULES}
DAILY, WEEKLY = SCHEDULE["digest-daily"], SCHEDULE["digest-weekly"]
DIGEST_SUBJECT = "Votre résumé quotidien du Forum des Fabriques"


def utc(*fields) -> datetime:
    return datetime(*fields, tzinfo=timezone.utc)


# -- Periods: 7 h in Paris, whatever the season ----------------------------------------------------
# Summer time starts on the last Sunday of March (7 h Paris = 05:00 UTC from then) and ends on
# the last Sunday of October (7 h Paris = 06:00 UTC again).
@pytest.mark.parametrize("now,start,following", [
    # 2026: the clocks go forward on Sunday 29 March, back on Sunday 25 October.
    (utc(2026, 3, 28, 12), utc(2026, 3, 28, 6), utc(2026, 3, 29, 5)),
    (utc(2026, 3, 28, 23, 30), utc(2026, 3, 28, 6), utc(2026, 3, 29, 5)),  # 00:30 in Paris, the 29th
    (utc(2026, 3, 29, 4, 59), utc(2026, 3, 28, 6), utc(2026, 3, 29, 5)),  # 06:59 summer time
    (utc(2026, 3, 29, 5), utc(2026, 3, 29, 5), utc(2026, 3, 30, 5)),
    (utc(2026, 10, 24, 12), utc(2026, 10, 24, 5), utc(2026, 10, 25, 6)),
    (utc(2026, 10, 25, 5, 30), utc(2026, 10, 24, 5), utc(2026, 10, 25, 6)),  # 06:30 winter time
    (utc(2026, 10, 25, 6), utc(2026, 10, 25, 6), utc(2026, 10, 26, 6)),
    # 2027: 28 March and 31 October.
    (utc(2027, 3, 27, 23), utc(2027, 3, 27, 6), utc(2027, 3, 28, 5)),
    (utc(2027, 3, 28, 5), utc(2027, 3, 28, 5), utc(2027, 3, 29, 5)),
    (utc(2027, 10, 31, 5, 59), utc(2027, 10, 30, 5), utc(2027, 10, 31, 6)),
    (utc(2027, 10, 31, 6), utc(2027, 10, 31, 6), utc(2027, 11, 1, 6)),
])
def test_the_daily_period_starts_at_7_in_paris_across_the_clock_changes(now, start, following):
    assert DAILY.period_start(now, 7) == start
    assert DAILY.next_start(now, 7) == following
    assert start.astimezone(PARIS).hour == following.astimezone(PARIS).hour == 7


@pytest.mark.parametrize("now,start,following", [
    (utc(2026, 3, 29, 12), utc(2026, 3, 23, 6), utc(2026, 3, 30, 5)),  # the Sunday of the change
    (utc(2026, 3, 30, 4, 59), utc(2026, 3, 23, 6), utc(2026, 3, 30, 5)),  # Monday 06:59 summer time
    (utc(2026, 3, 30, 5), utc(2026, 3, 30, 5), utc(2026, 4, 6, 5)),
    (utc(2026, 10, 25, 12), utc(2026, 10, 19, 5), utc(2026, 10, 26, 6)),
    (utc(2026, 10, 26, 5, 59), utc(2026, 10, 19, 5), utc(2026, 10, 26, 6)),  # Monday 06:59 winter time
    (utc(2026, 10, 26, 6), utc(2026, 10, 26, 6), utc(2026, 11, 2, 6)),
    (utc(2027, 3, 28, 12), utc(2027, 3, 22, 6), utc(2027, 3, 29, 5)),
    (utc(2027, 10, 31, 12), utc(2027, 10, 25, 5), utc(2027, 11, 1, 6)),
])
def test_the_weekly_period_starts_on_monday_at_7_in_paris_across_the_clock_changes(now, start, following):
    assert WEEKLY.period_start(now, 7) == start
    assert WEEKLY.next_start(now, 7) == following
    assert start.astimezone(PARIS).weekday() == following.astimezone(PARIS).weekday() == 0


@pytest.mark.parametrize("now,start,following", [
    # 29 March 2026: 02:00 does not exist (02:00 winter time is 03:00 summer time); the period starts then.
    (utc(2026, 3, 29, 0, 59), utc(2026, 3, 28, 1), utc(2026, 3, 29, 1)),
    (utc(2026, 3, 29, 1), utc(2026, 3, 29, 1), utc(2026, 3, 30, 0)),
    # 25 October 2026: 02:00 comes twice; the period starts at the first, and the second is in it.
    (utc(2026, 10, 25, 0), utc(2026, 10, 25, 0), utc(2026, 10, 26, 1)),
    (utc(2026, 10, 25, 1, 30), utc(2026, 10, 25, 0), utc(2026, 10, 26, 1)),
])
def test_a_job_set_at_2_in_the_night_runs_once_on_the_days_the_clocks_change(now, start, following):
    pruning = SCHEDULE["pruning"]
    assert pruning.period_start(now, 2) == start
    assert pruning.next_start(now, 2) == following


def test_every_hour_of_two_years_falls_in_a_period_that_starts_at_7_in_paris():
    moment, end = utc(2026, 1, 1), utc(2028, 1, 1)
    lengths = {"digest-daily": set(), "digest-weekly": set()}
    while moment < end:
        for schedule in (DAILY, WEEKLY):
            start, following = schedule.period_start(moment, 7), schedule.next_start(moment, 7)
            assert start <= moment < following, (schedule.name, moment)
            local = start.astimezone(PARIS)
            assert (local.hour, local.minute) == (7, 0) and following.astimezone(PARIS).hour == 7
            assert schedule.weekday is None or local.weekday() == schedule.weekday
            assert start.tzinfo == timezone.utc
            lengths[schedule.name].add(following - start)
        moment += timedelta(minutes=37)  # not a divisor of an hour: every minute of the hour comes by
    # A day of 23 or 25 hours twice a year; a week of 7 days minus or plus one hour.
    assert lengths["digest-daily"] == {timedelta(hours=23), timedelta(hours=24), timedelta(hours=25)}
    assert lengths["digest-weekly"] == {timedelta(days=7) + timedelta(hours=hours) for hours in (-1, 0, 1)}


# -- Once per period -----------------------------------------------------------------------------
@pytest.fixture
def digest_reader(app):
    """Alice chose the daily digest; Bob's reply to her thread left her an unread notification."""
    alice = make_user("alice@exemple.fr", "Alice Martin")
    bob = make_user("bob@exemple.fr", "Bob Leroy")
    with write_intent():
        db.session.add(EmailPreference(user_id=alice.id, frequency=EmailFrequency.DAILY))
        commit_work()
    thread = make_thread(alice, make_category(), "Comment organiser un café réparation ?")
    make_reply(bob, thread, "Nous en faisons un par mois.")
    assert outbox(app) == []  # she chose the digest: nothing at once
    return alice


def _digests(app, address: str = "alice@exemple.fr") -> list:
    return [email for email in outbox(app) if email.to == [address] and email.subject == DIGEST_SUBJECT]


def clear_of_period_changes(config, now: datetime | None = None,
                            margin: timedelta = timedelta(minutes=35)) -> datetime:
    """``now``, or just past the next period start of any schedule that begins within ``margin``.

    Tests that run the jobs again a few minutes later must not see a new period begin meanwhile
    (CI may run at 06:56 UTC, four minutes before 7 h in Paris). Moving forward past the start
    keeps the Paris date, so "tomorrow's loans" stay tomorrow's (no schedule starts near midnight).
    """
    now = now or utcnow()
    while True:
        following = min(schedule.next_start(now, schedules.hour_of(schedule, config))
                        for schedule in schedules.SCHEDULES)
        if following - now > margin:
            return now
        now = following + timedelta(minutes=1)


def _run(app, now: datetime) -> dict[str, schedules.Outcome]:
    """One round of a worker at ``now``, then its e-mails sent; what ran, by schedule name."""
    outcomes = schedules.run_due(app.config, now)
    run_worker_now()
    return {outcome.name: outcome for outcome in outcomes}


def _run_row(name: str) -> ScheduledRun:
    db.session.expire_all()
    return db.session.get(ScheduledRun, name)


def test_each_job_runs_once_per_period(app, digest_reader):
    # The first period began at most a day ago (the notification is newer than its start).
    first = DAILY.period_start(utcnow(), 7) + timedelta(minutes=1)
    ran = _run(app, first)
    assert set(ran) == set(SCHEDULE) and not any(outcome.failed for outcome in ran.values())
    assert ran["digest-daily"].period_start == DAILY.period_start(first, 7)
    assert ran["digest-daily"].summary == "1 résumé(s) quotidien(s)"
    [digest] = _digests(app)
    assert "Bob Leroy a répondu" in digest.body
    row = _run_row("digest-daily")
    assert (row.period_start, row.ran_at, row.summary) == (DAILY.period_start(first, 7), first,
                                                           "1 résumé(s) quotidien(s)")

    # Again in the same period (a worker restarted, a second worker): nothing runs.
    assert _run(app, first) == {}
    assert _run(app, first + timedelta(minutes=1)) == {}
    # Until the last second of the day's period (the jobs at other hours have periods of their own).
    assert "digest-daily" not in _run(app, DAILY.next_start(first, 7) - timedelta(seconds=1))
    assert len(_digests(app)) == 1
    assert _run_row("digest-daily").ran_at == first

    # The next period: the daily digest runs again, once; the weekly one only on a new Monday.
    second = DAILY.next_start(first, 7) + timedelta(minutes=1)
    ran = _run(app, second)
    assert ran["digest-daily"].summary == "1 résumé(s) quotidien(s)"
    assert ("digest-weekly" in ran) == (WEEKLY.period_start(second, 7) > WEEKLY.period_start(first, 7))
    assert len(_digests(app)) == 2  # the notification is still unread
    assert "digest-daily" not in _run(app, second + timedelta(hours=2))
    assert len(_digests(app)) == 2
    row = _run_row("digest-daily")
    assert (row.period_start, row.ran_at) == (DAILY.period_start(second, 7), second)


def test_loan_reminders_go_once_whatever_the_number_of_rounds(app):
    world = two_fabriques()
    loan = make_loan(world["member"], world["resource"], day(1), day(3))
    db.session.execute(update(Loan).where(Loan.id == loan.id).values(state=LoanState.ACCEPTED))
    commit_work()
    outbox(app).clear()
    subject = "Rappel\u00a0: le prêt de «\u00a0Découpeuse laser 60 W\u00a0» commence demain"

    # Noon in Paris on the day the loan builders call today (fixed when the tests started: a run
    # that crosses midnight in Paris still reminds of "tomorrow's" loan).
    now = clear_of_period_changes(app.config, datetime.combine(TODAY, dt_time(12), tzinfo=PARIS)
                                  .astimezone(timezone.utc))
    ran = _run(app, now)
    assert ran["loan-reminders"].summary == "rappels : 1 début(s), 0 fin(s), 0 retard(s)"
    assert sorted(address for email in outbox(app) if email.subject == subject for address in email.to) == \
        ["bmanager@exemple.fr", "member@exemple.fr", "owner@exemple.fr"]
    for later in (now, now + timedelta(seconds=1), now + timedelta(minutes=30)):
        assert "loan-reminders" not in _run(app, later)
    assert len([email for email in outbox(app) if email.subject == subject]) == 3


def test_after_three_days_stopped_a_job_runs_once_for_the_current_period(app, digest_reader):
    now = clear_of_period_changes(app.config)
    three_days_ago = DAILY.period_start(now - timedelta(days=3), 7)
    with write_intent():
        for schedule in schedules.SCHEDULES:
            db.session.add(ScheduledRun(name=schedule.name, period_start=schedule.period_start(
                now - timedelta(days=3) if schedule.weekday is None else now - timedelta(days=21), 7),
                ran_at=three_days_ago, summary="il y a longtemps"))
        db.session.commit()

    outcomes = schedules.run_due(app.config, now)
    run_worker_now()
    assert sorted(outcome.name for outcome in outcomes) == sorted(SCHEDULE)  # each once, none three times
    assert all(outcome.period_start == SCHEDULE[outcome.name].period_start(now, schedules.hour_of(
        SCHEDULE[outcome.name], app.config)) for outcome in outcomes)
    assert len(_digests(app)) == 1
    row = _run_row("digest-daily")
    assert (row.period_start, row.ran_at) == (DAILY.period_start(now, 7), now)
    assert schedules.run_due(app.config, now + timedelta(minutes=5)) == []
    run_worker_now()
    assert len(_digests(app)) == 1


def _count(model, *where) -> int:
    db.session.rollback()
    return db.session.execute(select(func.count()).select_from(model).where(*where)).scalar_one()


def test_a_job_that_fails_leaves_nothing_and_runs_again_at_the_next_round(app, digest_reader, monkeypatch):
    queued = []

    def digests_then_crash(now):
        jobs.daily_digests(now)  # queues Alice's digest, stamps her preference...
        queued.append(db.session.execute(select(func.count()).select_from(OutboxEmail)).scalar_one())
        raise RuntimeError("le serveur a perdu la connexion")  # ...then fails

    failing = tuple(dataclasses.replace(schedule, job=digests_then_crash) if schedule is DAILY else schedule
                    for schedule in schedules.SCHEDULES)
    monkeypatch.setattr(schedules, "SCHEDULES", failing)
    now = clear_of_period_changes(app.config)
    ran = _run(app, now)
    assert queued == [1]
    assert ran["digest-daily"].failed and "RuntimeError: le serveur a perdu la connexion" in ran["digest-daily"].summary
    assert not any(outcome.failed for name, outcome in ran.items() if name != "digest-daily")  # the others ran
    assert _count(OutboxEmail) == 0 and _digests(app) == []
    assert db.session.get(EmailPreference, digest_reader.id).last_digest_at is None
    row = _run_row("digest-daily")
    assert (row.period_start, row.ran_at, row.summary) == (None, None, "")

    # Still due: the next round (the job fixed, or the mail server back) runs it.
    monkeypatch.setattr(schedules, "SCHEDULES", tuple(SCHEDULE.values()))
    ran = _run(app, now + timedelta(minutes=5))
    assert set(ran) == {"digest-daily"} and not ran["digest-daily"].failed
    assert len(_digests(app)) == 1
    assert _run_row("digest-daily").period_start == DAILY.period_start(now, 7)


# -- Two workers at the same moment ---------------------------------------------------------------
JOB_DELAY = 0.5  # seconds each job holds its period's row: the other worker arrives meanwhile


def _run_due_in_process(config: dict, now: datetime, barrier, results) -> None:
    """A worker process running the schedules at ``now``; each job takes a little while."""
    from forum import create_app

    outcomes = None
    try:
        app = create_app(config)
        with app.app_context():
            def slow(job):
                def run(moment):
                    time.sleep(JOB_DELAY)
                    return job(moment)
                return run

            schedules.SCHEDULES = tuple(dataclasses.replace(schedule, job=slow(schedule.job))
                                        for schedule in schedules.SCHEDULES)
            barrier.wait(timeout=120)
            outcomes = [(outcome.name, outcome.failed, outcome.summary)
                        for outcome in schedules.run_due(app.config, now)]
            db.session.remove()
            db.engine.dispose()
    except BaseException:
        barrier.abort()
        raise
    finally:
        results.put((os.getpid(), outcomes))


def test_two_workers_at_the_same_moment_run_each_job_once(app, tmp_path):
    readers = [make_user(f"{name.lower()}@exemple.fr", f"{name} Lectrice") for name in ("Anna", "Berthe", "Cora")]
    writer = make_user("bob@exemple.fr", "Bob Leroy")
    category = make_category()
    with write_intent():
        for reader in readers:
            db.session.add(EmailPreference(user_id=reader.id, frequency=EmailFrequency.DAILY))
        commit_work()
    for reader in readers:
        make_reply(writer, make_thread(reader, category, f"La question de {reader.display_name}"), "Une réponse.")
    db.session.commit()

    now = utcnow()
    config = {**base_config(tmp_path), "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"]}
    context = process_context()
    barrier, results = context.Barrier(2), context.Queue()
    processes = [context.Process(target=_run_due_in_process, args=(config, now, barrier, results))
                 for _ in range(2)]
    try:
        for process in processes:
            process.start()
        outcomes = dict(results.get(timeout=300) for _ in processes)
        for process in processes:
            process.join(timeout=60)
            assert process.exitcode == 0
    finally:
        for process in processes:
            if process.is_alive():
                process.kill()
                process.join()

    assert None not in outcomes.values(), outcomes
    ran = [outcome for per_process in outcomes.values() for outcome in per_process]
    assert sorted(name for name, _, _ in ran) == sorted(SCHEDULE), outcomes  # each job once, in one process
    assert not any(failed for _, failed, _ in ran), outcomes
    db.session.rollback()
    digests = db.session.execute(
        select(OutboxEmail.recipient, func.count()).where(OutboxEmail.subject == DIGEST_SUBJECT)
        .group_by(OutboxEmail.recipient)).all()
    assert sorted(digests) == [(reader.email, 1) for reader in readers]
    row = _run_row("digest-daily")
    assert (row.period_start, row.ran_at, row.summary) == (DAILY.period_start(now, 7), now,
                                                           "3 résumé(s) quotidien(s)")


# -- The pruning job ------------------------------------------------------------------------------
def _png() -> bytes:
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (40, 30), (200, 40, 40)).save(buffer, "PNG")
    return buffer.getvalue()


def test_pruning_deletes_what_is_old_and_keeps_what_is_recent(app):
    world = two_fabriques()  # its writes leave rows in the search change log
    now = utcnow()
    keep_sent = app.config["MAIL_KEEP_SENT_DAYS"]
    keep_failed = app.config["MAIL_KEEP_FAILED_DAYS"]

    with write_intent():
        changes = list(db.session.execute(select(SearchChange.id).order_by(SearchChange.id)).scalars())
        assert len(changes) >= 2
        old_change, recent_changes = changes[0], changes[1:]
        db.session.execute(update(SearchChange).where(SearchChange.id == old_change)
                           .values(created_at=now - timedelta(days=8)))

        def email(subject, **values):
            row = queue_email(db.session, "quelquun@exemple.fr", subject, "Texte.")
            db.session.flush()
            db.session.execute(update(OutboxEmail).where(OutboxEmail.id == row.id).values(**values))
            return row.id

        emails = {
            "old sent": email("Ancien envoyé", state=DeliveryState.SENT, body="",
                              sent_at=now - timedelta(days=keep_sent + 1)),
            "recent sent": email("Récent envoyé", state=DeliveryState.SENT, body="",
                                 sent_at=now - timedelta(days=keep_sent - 1)),
            "old failed": email("Ancien échec", state=DeliveryState.FAILED,
                                failed_at=now - timedelta(days=keep_failed + 1)),
            "recent failed": email("Récent échec", state=DeliveryState.FAILED,
                                   failed_at=now - timedelta(days=keep_failed - 1)),
            # Waiting for a retry since long ago: never pruned, it has not been delivered.
            "old pending": email("Ancien en attente", created_at=now - timedelta(days=keep_failed + 10),
                                 next_attempt_at=now + timedelta(hours=1)),
        }
        owner = world["owner"]
        db.session.add_all([FormSubmission(nonce="a" * 32, user_id=owner.id, scope="thread",
                                           created_at=now - timedelta(days=8)),
                            FormSubmission(nonce="b" * 32, user_id=owner.id, scope="thread",
                                           created_at=now - timedelta(days=6))])
        store = photos.default_store()
        [photo] = photos.add_photos(owner, world["resource"], [_png()], store)
        db.session.commit()
    old_orphan, new_orphan = store.save(b"old"), store.save(b"new")
    two_hours_ago = time.time() - 7200
    for name in (old_orphan, photo.filename, photo.thumbnail):
        os.utime(store.path(name), (two_hours_ago, two_hours_ago))

    ran = schedules.run_if_due(SCHEDULE["pruning"], 4, now)
    assert ran is not None and not ran.failed
    assert ran.summary == ("1 modification(s) de l'index, 2 e-mail(s), 1 jeton(s) de formulaire, "
                           "1 fichier(s) photo orphelin(s) supprimés")
    db.session.rollback()
    assert set(db.session.execute(select(SearchChange.id)).scalars()) >= set(recent_changes)
    assert db.session.get(SearchChange, old_change) is None
    left = set(db.session.execute(select(OutboxEmail.id)).scalars())
    assert left == {emails["recent sent"], emails["recent failed"], emails["old pending"]}
    assert set(db.session.execute(select(FormSubmission.nonce)).scalars()) == {"b" * 32}
    assert sorted(store.names()) == sorted([photo.filename, photo.thumbnail, new_orphan])
    assert outbox_states.counts(db.session)[DeliveryState.PENDING] == 1
