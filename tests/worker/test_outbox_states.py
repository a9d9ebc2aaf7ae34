"""The outbox in one process: written with the transaction, every move a compare-and-set, the
wake-up of the worker sent by a commit and never by a rollback."""

from __future__ import annotations

from datetime import timedelta

import pytest
from flask.testing import FlaskClient
from flask_mailman.backends import locmem
from sqlalchemy import select

from forum.core import outbox
from forum.core.database import write_intent
from forum.core.mail import queue_email
from forum.core.models import utcnow
from forum.core.outbox import DeliveryState, OutboxEmail, RetryPolicy
from forum.core.wakeup import Listener, WorkerAlreadyRunning
from forum.extensions import db
from forum.worker.runner import work_off_now
from tests.accounts.mail import outbox as sent_messages
from tests.conftest import TEST_DATABASE_URL, form_fields, login, make_category, make_thread, make_user

LEASE = timedelta(minutes=5)


def _queue(to: str = "alice@exemple.fr", subject: str = "Bonjour") -> int:
    with write_intent():
        email = queue_email(db.session, to, subject, "Un texte.", "https://localhost/notifications/desabonnement/x")
        db.session.flush()
        email_id = email.id  # read before the commit: after it, a refresh would begin a write transaction
        db.session.commit()
    return email_id


def _row(email_id: int) -> OutboxEmail:
    db.session.rollback()  # a fresh snapshot: the worker committed in its own sessions
    return db.session.get(OutboxEmail, email_id, populate_existing=True)


def _rows() -> list[OutboxEmail]:
    db.session.rollback()
    return list(db.session.execute(select(OutboxEmail).order_by(OutboxEmail.id)).scalars())


def test_a_rolled_back_transaction_leaves_no_e_mail(app):
    with write_intent():
        queue_email(db.session, "alice@exemple.fr", "Jamais", "Ce message ne part pas.")
        db.session.flush()
        db.session.rollback()
    assert _rows() == []
    work_off_now()
    assert sent_messages(app) == []


def test_a_committed_e_mail_is_sent_once_with_its_message_id(app):
    email_id = _queue()
    [row] = _rows()
    assert row.state is DeliveryState.PENDING and row.message_id.endswith("@localhost>")
    assert sent_messages(app) == []  # nothing leaves with the commit

    work_off_now()
    work_off_now()  # a second round finds nothing due
    [message] = sent_messages(app)
    assert message.to == ["alice@exemple.fr"] and message.subject == "Bonjour"
    assert message.extra_headers["Message-ID"] == row.message_id
    assert message.extra_headers["List-Unsubscribe"] == "<https://localhost/notifications/desabonnement/x>"
    sent = _row(email_id)
    assert sent.state is DeliveryState.SENT and sent.sent_at is not None and sent.attempts == 1
    assert sent.body == ""  # the member's text does not stay in the outbox


def test_a_request_only_queues_and_the_worker_sends(app, client):
    """The reply's request writes the follower's e-mail into the outbox and returns: the mail
    server is not involved (the plain client, without the suite's always-instant worker)."""
    author = make_user()
    thread = make_thread(author, make_category())
    replier = make_user("bob@exemple.fr", "Bob Leroy")
    login(client, replier.email)
    url = f"/sujets/{thread.id}/repondre"
    data = {**form_fields(client, url), "body": "Une réponse qui notifie l'auteur du sujet."}

    def no_smtp(backend, messages):
        raise AssertionError("a request talked to the mail server")

    original = locmem.EmailBackend.send_messages
    locmem.EmailBackend.send_messages = no_smtp
    try:
        response = FlaskClient.open(client, url, method="POST", data=data, base_url="https://localhost")
    finally:
        locmem.EmailBackend.send_messages = original
    assert response.status_code == 302
    assert [(row.recipient, row.state) for row in _rows()] == [(author.email, DeliveryState.PENDING)]
    assert sent_messages(app) == []

    work_off_now()
    assert [message.to for message in sent_messages(app)] == [[author.email]]


def test_a_failed_attempt_is_retried_later_then_kept_as_failed(app, monkeypatch):
    app.config.update(MAIL_MAX_ATTEMPTS=3, MAIL_RETRY_SECONDS=60)
    email_id = _queue()

    def refused(backend, messages):
        raise ConnectionRefusedError("le serveur de messagerie ne répond pas")

    monkeypatch.setattr(locmem.EmailBackend, "send_messages", refused)
    before = utcnow()
    work_off_now()
    row = _row(email_id)
    assert row.state is DeliveryState.PENDING and row.attempts == 1
    assert "ne répond pas" in row.last_error and row.lease_until is None
    assert before + timedelta(seconds=60) <= row.next_attempt_at <= utcnow() + timedelta(seconds=60)
    work_off_now()  # not due yet: no attempt
    assert _row(email_id).attempts == 1

    for attempts in (2, 3):  # make it due, fail again
        with write_intent():
            db.session.get(OutboxEmail, email_id).next_attempt_at = utcnow()
            db.session.commit()
        work_off_now()
        row = _row(email_id)
        assert row.attempts == attempts
    assert row.state is DeliveryState.FAILED and row.failed_at is not None
    assert row.body == "Un texte."  # kept, to be sent again

    monkeypatch.undo()
    with write_intent():
        assert outbox.resend(db.session, email_id)
        assert not outbox.resend(db.session, email_id)  # a second click: not failed any more
        db.session.commit()
    work_off_now()
    assert [message.to for message in sent_messages(app)] == [["alice@exemple.fr"]]


def test_the_backoff_doubles_up_to_its_ceiling():
    policy = RetryPolicy(max_attempts=10, base=timedelta(minutes=1), ceiling=timedelta(hours=1))
    assert [policy.delay_after(attempts).total_seconds() / 60 for attempts in range(1, 9)] == [
        1, 2, 4, 8, 16, 32, 60, 60]


def test_a_lease_keeps_others_away_until_it_runs_out(app):
    email_id = _queue()
    now = utcnow()
    with write_intent():
        [claimed] = outbox.claim(db.session, "worker-a", limit=10, lease=LEASE, now=now)
        db.session.commit()
    message_id = claimed.message_id
    with write_intent():
        assert outbox.claim(db.session, "worker-b", limit=10, lease=LEASE, now=now + LEASE / 2) == []
        db.session.rollback()
    # Worker A died: after its lease, B takes it, with the same Message-ID, one more attempt.
    with write_intent():
        [again] = outbox.claim(db.session, "worker-b", limit=10, lease=LEASE, now=now + LEASE + timedelta(seconds=1))
        assert (again.id, again.message_id, again.attempts, again.claimed_by) == (email_id, message_id, 2, "worker-b")
        assert not outbox.mark_sent(db.session, email_id, "worker-a")  # A's late answer changes nothing
        assert outbox.mark_sent(db.session, email_id, "worker-b")
        db.session.commit()
    assert _rows()[0].state is DeliveryState.SENT


def test_released_e_mails_go_back_without_counting_an_attempt(app):
    first, second = _queue(subject="Un"), _queue(subject="Deux")
    with write_intent():
        claimed = outbox.claim(db.session, "worker-a", limit=10, lease=LEASE)
        assert [email.id for email in claimed] == [first, second]
        assert outbox.release(db.session, [second], "worker-a") == 1
        assert outbox.release(db.session, [second], "worker-b") == 0  # only its claimer releases it
        db.session.commit()
    rows = {row.id: row for row in _rows()}
    assert (rows[second].state, rows[second].attempts, rows[second].claimed_by) == (DeliveryState.PENDING, 0, None)
    assert rows[first].state is DeliveryState.SENDING


def test_a_commit_that_queues_e_mail_wakes_the_worker_and_a_rollback_does_not(app):
    with Listener(db.engine, "forum_mail") as wakes:
        with write_intent():
            queue_email(db.session, "alice@exemple.fr", "Jamais", "Annulé.")
            db.session.flush()
            db.session.rollback()
        assert not wakes.wait(0.5)
        _queue()
        assert wakes.wait(10)
        assert not wakes.wait(0.2)  # one commit, one wake


@pytest.mark.skipif(bool(TEST_DATABASE_URL), reason="PostgreSQL lets several workers share the outbox")
def test_a_second_worker_of_one_sqlite_database_is_refused(app):
    with Listener(db.engine, "forum_mail"):
        with pytest.raises(WorkerAlreadyRunning, match="un seul worker"):
            with Listener(db.engine, "forum_mail"):
                pass
    with Listener(db.engine, "forum_mail"):  # free again once the first stopped
        pass
