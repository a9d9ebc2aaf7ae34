"""The worker as production runs it: real processes (``flask --app wsgi worker``), a real SMTP
server (tests/worker/smtp.py), the test database (SQLite, or PostgreSQL with FORUM_TEST_DATABASE_URL).

What must hold whatever happens to the processes: an e-mail decided in a committed transaction is
sent, one decided in a rolled-back one never; each e-mail reaches the server once, whatever the
number of workers, unless a worker died with it in flight: then it goes again with the same
Message-ID (a copy delivered before the crash is recognisable). A stopped worker leaves nothing
half-done, and a request never talks to the mail server.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from forum.accounts.models import User
from forum.core.database import write_intent
from forum.core.mail import queue_email
from forum.core.models import utcnow
from forum.core.outbox import DeliveryState, OutboxEmail
from forum.core.wakeup import WorkerAlreadyRunning
from forum.extensions import db
from forum.threads.models import Thread, Watch, WatchLevel
from forum.worker.runner import Worker
from tests.processes import process_context
from tests.waiting import wait_for
from tests.conftest import (TEST_DATABASE_URL, base_config, commit_work, form_fields, login, make_category,
                            make_thread, make_user, running_app)
from tests.worker.smtp import RecordingHandler, smtp_server

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEADLINE = 30  # seconds: generous waits for another process, never an assertion on a duration
ON_POSTGRESQL = TEST_DATABASE_URL.startswith("postgresql")


# -- the test's app, the mail server and the worker processes ----------------------------------


def mail_settings(server: RecordingHandler, **overrides) -> dict:
    return {"MAIL_BACKEND": "smtp", "MAIL_SERVER": "127.0.0.1", "MAIL_PORT": server.port, "MAIL_TIMEOUT": 10,
            "MAIL_MAX_ATTEMPTS": 5, "MAIL_RETRY_SECONDS": 0.2, "MAIL_RETRY_CEILING_SECONDS": 1,
            "WORKER_POLL_SECONDS": 0.5, **overrides}


@pytest.fixture
def smtp():
    with smtp_server() as server:
        yield server


@pytest.fixture
def mail_app(tmp_path, smtp):
    """The test's app, sending (its own test client's inline work, and the workers) to ``smtp``."""
    with running_app(tmp_path, **mail_settings(smtp)) as app:
        yield app


def process_config(app, tmp_path) -> dict:
    """The configuration a process of this installation gets: the test's, the same database."""
    names = ("SQLALCHEMY_DATABASE_URI", "MAIL_BACKEND", "MAIL_SERVER", "MAIL_PORT", "MAIL_TIMEOUT", "MAIL_MAX_ATTEMPTS",
             "MAIL_RETRY_SECONDS", "MAIL_RETRY_CEILING_SECONDS", "MAIL_LEASE_SECONDS", "WORKER_POLL_SECONDS")
    return {**base_config(tmp_path), **{name: app.config[name] for name in names if app.config.get(name) is not None}}


def _environment(config: dict) -> dict:
    """FORUM_* variables for ``config`` (forum.config reads them back, JSON values as JSON)."""
    import json

    environ = {key: value for key, value in os.environ.items()
               if not key.startswith("FORUM_") or key.startswith("FORUM_TEST_")}
    for name, value in config.items():
        environ[f"FORUM_{name}"] = value if isinstance(value, str) else json.dumps(value)
    environ["PYTHONUNBUFFERED"] = "1"
    return environ


class WorkerProcess:
    """``flask --app wsgi worker [args]`` in its own process, its output in files under tmp_path."""

    count = 0

    def __init__(self, app, tmp_path, *args: str) -> None:
        WorkerProcess.count += 1
        self.stdout = tmp_path / f"worker-{WorkerProcess.count}.out"
        self.stderr = tmp_path / f"worker-{WorkerProcess.count}.err"
        with open(self.stdout, "w") as out, open(self.stderr, "w") as err:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "flask", "--app", "wsgi", "worker", *args], cwd=PROJECT_ROOT,
                env=_environment(process_config(app, tmp_path)), stdout=out, stderr=err)

    def output(self) -> str:
        return f"stdout:\n{self.stdout.read_text()}\nstderr:\n{self.stderr.read_text()[-5000:]}"

    def wait_started(self) -> None:
        """Until it announced itself (it listens for wake-ups a moment later; it polls anyway)."""
        assert eventually(lambda: "Worker " in self.stdout.read_text() or self.process.poll() is not None), \
            self.output()
        assert self.process.poll() is None, self.output()

    def wait(self, timeout: float = DEADLINE) -> int:
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            pytest.fail(f"the worker did not exit\n{self.output()}")

    def terminate(self) -> int:
        """SIGTERM (what systemd or ``make run`` sends), then its exit code."""
        self.process.send_signal(signal.SIGTERM)
        return self.wait()

    def kill(self) -> None:
        self.process.kill()  # SIGKILL: no goodbye
        self.process.wait(timeout=DEADLINE)

    def cleanup(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=DEADLINE)


@pytest.fixture
def workers(tmp_path):
    """Start worker processes with ``workers(app, *args)``; whatever still runs is killed at the end."""
    started: list[WorkerProcess] = []

    def start(app, *args: str) -> WorkerProcess:
        started.append(WorkerProcess(app, tmp_path, *args))
        return started[-1]

    yield start
    for worker in started:
        worker.cleanup()


def run_once(workers, app) -> str:
    """``flask worker --once --no-schedules``: send what is due, then exit; its output."""
    worker = workers(app, "--once", "--no-schedules")
    assert worker.wait() == 0, worker.output()
    return worker.stdout.read_text()


def eventually(condition, timeout: float = DEADLINE) -> bool:
    """Whether ``condition()`` became true before ``timeout`` seconds."""
    return bool(wait_for(condition, timeout))


def outbox_rows() -> list[OutboxEmail]:
    """The outbox as the workers left it (a fresh snapshot)."""
    db.session.rollback()
    return list(db.session.execute(select(OutboxEmail).order_by(OutboxEmail.id)
                                   .execution_options(populate_existing=True)).scalars())


def states() -> Counter:
    return Counter(row.state for row in outbox_rows())


def queue(count: int, prefix: str = "membre") -> list[str]:
    """``count`` e-mails queued and committed by this process; their Message-IDs."""
    with write_intent():
        emails = [queue_email(db.session, f"{prefix}{number}@exemple.fr", f"Message numéro {number}",
                              f"Bonjour, ceci est le message {number}.") for number in range(count)]
        message_ids = [email.message_id for email in emails]
        db.session.commit()
    return message_ids


def wait_all_sent(count: int) -> None:
    assert eventually(lambda: states() == Counter({DeliveryState.SENT: count})), states()


# -- a change and its e-mail: committed together, or not at all --------------------------------


def _reply_then_die(config: dict, author_email: str, thread_id: int, ending: str) -> None:
    """A process (a gunicorn worker) replies through the real service, so the thread's watcher gets
    an e-mail, then ends: ``commit`` then dies at once (before anything could send it),
    ``rollback`` then exits, or ``killed`` (dies in the middle of its transaction)."""
    from forum import create_app
    from forum.threads import services

    app = create_app(config)
    with app.app_context():
        author = db.session.execute(select(User).where(User.email == author_email)).scalar_one()
        with write_intent():
            services.reply(author, db.session.get(Thread, thread_id), "Voici ce que nous avons essayé.",
                           site_url=config["SITE_URL"])
            if ending == "commit":
                db.session.commit()
            elif ending == "rollback":
                db.session.rollback()
            os._exit(3)  # no cleanup, no after-request work: the process is gone


def _reply_in_a_dying_process(app, tmp_path, ending: str) -> str:
    """A thread started by a watcher; another member replies in a process that ends as ``ending``.
    The watcher's address."""
    author, watcher = make_user("autrice@exemple.fr", "Claire Autrice"), make_user("veilleur@exemple.fr", "Paul Veilleur")
    thread = make_thread(watcher, make_category())  # starting a thread follows it
    context = process_context()
    process = context.Process(target=_reply_then_die,
                              args=(process_config(app, tmp_path), author.email, thread.id, ending))
    process.start()
    process.join(timeout=120)
    assert process.exitcode == 3
    return watcher.email


def test_an_email_committed_by_a_process_killed_at_once_is_sent_exactly_once(mail_app, tmp_path, smtp, workers):
    smtp.reset()  # what the builders sent (none expected, but not this test's subject)
    watcher = _reply_in_a_dying_process(mail_app, tmp_path, "commit")

    [row] = outbox_rows()
    assert (row.recipient, row.state, row.attempts) == (watcher, DeliveryState.PENDING, 0)
    assert smtp.snapshot()["connections"] == 0  # the dead process sent nothing

    assert "E-mails traités : 1." in run_once(workers, mail_app)
    assert smtp.message_ids() == [row.message_id]
    assert smtp.accepted[0].recipients == (watcher,)
    [row] = outbox_rows()
    assert (row.state, row.attempts, row.last_error) == (DeliveryState.SENT, 1, None)

    assert "E-mails traités : 0." in run_once(workers, mail_app)  # a next worker: nothing again
    assert smtp.message_ids("received") == [row.message_id]


@pytest.mark.parametrize("ending", ["rollback", "killed"])
def test_an_email_of_a_transaction_that_did_not_commit_is_never_sent(mail_app, tmp_path, smtp, workers, ending):
    smtp.reset()
    _reply_in_a_dying_process(mail_app, tmp_path, ending)

    assert outbox_rows() == []
    assert "E-mails traités : 0." in run_once(workers, mail_app)
    assert smtp.snapshot() == {"connections": 0, "received": 0, "accepted": 0, "refused": 0}


# -- the mail server refuses ------------------------------------------------------------------


def test_a_refusing_server_is_retried_with_backoff_until_it_accepts(mail_app, smtp, workers):
    [message_id] = queue(1)
    smtp.refuse(2)
    worker = workers(mail_app)
    try:
        assert smtp.wait_for(lambda server: server.accepted, timeout=DEADLINE), worker.output()
        wait_all_sent(1)
    finally:
        assert worker.terminate() == 0, worker.output()

    assert smtp.message_ids("refused") == [message_id, message_id]  # the same e-mail each time
    assert smtp.message_ids() == [message_id]
    [row] = outbox_rows()
    assert (row.state, row.attempts, row.last_error, row.body) == (DeliveryState.SENT, 3, None, "")


def test_a_failed_email_is_shown_to_administrators_and_sent_again_on_their_click(mail_app, smtp, workers):
    mail_app.config["MAIL_MAX_ATTEMPTS"] = 2  # the workers' configuration too (process_config)
    client = mail_app.test_client()
    make_user("admin@exemple.fr", "Ada Admin", role="admin")
    login(client, "admin@exemple.fr")  # before anything is due: the suite's client sends inline
    smtp.reset()
    [message_id] = queue(1)
    smtp.refuse_all()
    worker = workers(mail_app)
    try:
        assert eventually(lambda: states() == Counter({DeliveryState.FAILED: 1})), worker.output()
        [row] = outbox_rows()
        assert (row.attempts, row.failed_at is not None) == (2, True)
        assert "451" in row.last_error and "Temporary failure" in row.last_error
        assert smtp.message_ids("refused") == [message_id, message_id] and smtp.accepted == []

        page = client.get("/administration/envois")
        assert page.status_code == 200
        text = page.get_data(as_text=True)
        for shown in ("membre0@exemple.fr", "Message numéro 0", "Temporary failure", "2 tentatives", "Renvoyer"):
            assert shown in text, shown

        smtp.accept_all()
        url = f"/administration/envois/{row.id}/renvoyer"
        fields = form_fields(client, url, "/administration/envois")
        # The plain client: the worker process, not the suite's client, must send it.
        db.session.rollback()
        with mail_app.app_context():
            response = FlaskClient.open(client, url, method="POST", data=fields, base_url="https://localhost")
        assert response.status_code == 302, response.get_data(as_text=True)[:2000]
        assert smtp.wait_for(lambda server: server.accepted, timeout=DEADLINE), worker.output()
        wait_all_sent(1)
    finally:
        assert worker.terminate() == 0, worker.output()

    assert smtp.message_ids() == [message_id]
    assert smtp.message_ids("received") == [message_id] * 3
    [row] = outbox_rows()
    assert (row.state, row.attempts, row.last_error, row.failed_at) == (DeliveryState.SENT, 1, None, None)


# -- several workers ---------------------------------------------------------------------------


def assert_each_sent_once(smtp: RecordingHandler, message_ids: list[str]) -> None:
    received = smtp.message_ids("received")
    duplicates = [message_id for message_id, times in Counter(received).items() if times > 1]
    assert duplicates == [], f"{len(duplicates)} e-mails sent more than once"
    assert sorted(received) == sorted(smtp.message_ids()) == sorted(message_ids)
    assert {row.message_id: row.state for row in outbox_rows()} == dict.fromkeys(message_ids, DeliveryState.SENT)


def test_two_workers_run_at_once_send_each_email_once(mail_app, smtp, workers):
    """Two ``flask worker --once`` at the same moment (cron, a deployment), on either database."""
    message_ids = queue(500)
    pair = [workers(mail_app, "--once", "--no-schedules") for _ in range(2)]
    for worker in pair:
        assert worker.wait(timeout=90) == 0, worker.output()
    assert_each_sent_once(smtp, message_ids)
    tried = [int(worker.stdout.read_text().split("E-mails traités : ")[1].split(".")[0]) for worker in pair]
    assert sum(tried) == 500, tried


@pytest.mark.skipif(not ON_POSTGRESQL, reason="PostgreSQL: several workers share the outbox")
def test_two_long_running_workers_share_the_outbox_on_postgresql(mail_app, smtp, workers):
    pair = [workers(mail_app) for _ in range(2)]
    for worker in pair:
        worker.wait_started()
    try:
        message_ids = queue(500)  # one commit wakes both (NOTIFY)
        assert smtp.wait_for(lambda server: len(server.received) >= 500, timeout=60), \
            "\n".join(worker.output() for worker in pair)
        wait_all_sent(500)
    finally:
        codes = [worker.terminate() for worker in pair]
    assert codes == [0, 0], "\n".join(worker.output() for worker in pair)
    assert_each_sent_once(smtp, message_ids)


@pytest.mark.skipif(ON_POSTGRESQL, reason="SQLite: one worker per database")
def test_a_second_worker_of_a_sqlite_database_is_refused(mail_app, smtp, workers):
    [message_id] = queue(1)
    first = workers(mail_app)
    try:
        # It sent the e-mail: it is in its loop, listening (the guard is its socket).
        assert smtp.wait_for(lambda server: server.accepted, timeout=DEADLINE), first.output()
        second = workers(mail_app)
        assert second.wait() != 0
        assert "Un worker tourne déjà pour cette base SQLite" in second.output()
        with pytest.raises(WorkerAlreadyRunning):
            Worker(mail_app).run()
        assert first.process.poll() is None, first.output()  # the first one goes on
    finally:
        assert first.terminate() == 0, first.output()
    assert smtp.message_ids() == [message_id]


# -- stopping --------------------------------------------------------------------------------


def test_sigterm_finishes_the_email_in_flight_and_gives_the_others_back(mail_app, smtp, workers):
    message_ids = queue(10)
    smtp.delay = 0.5  # a slow server: each e-mail is in flight for half a second
    worker = workers(mail_app)
    try:
        # The first e-mail went, the second one's data has arrived: stop now.
        assert smtp.wait_for(lambda server: len(server.received) >= 2, timeout=DEADLINE), worker.output()
    finally:
        code = worker.terminate()
    assert code == 0, worker.output()
    assert "Worker arrêté." in worker.stdout.read_text()

    # The e-mail in flight was finished, not abandoned: every e-mail the server got was answered
    # and recorded as sent, once.
    in_flight = smtp.message_ids("received")[1]
    assert smtp.message_ids() == smtp.message_ids("received") and in_flight in smtp.message_ids()
    rows = outbox_rows()
    assert DeliveryState.SENDING not in {row.state for row in rows}
    sent = [row for row in rows if row.state == DeliveryState.SENT]
    assert sorted(row.message_id for row in sent) == sorted(smtp.message_ids())
    assert all(row.attempts == 1 for row in sent)
    # The others wait, as if never claimed.
    untried = [row for row in rows if row.state == DeliveryState.PENDING]
    assert untried and len(untried) + len(sent) == 10
    assert all((row.attempts, row.claimed_by, row.lease_until) == (0, None, None) for row in untried)

    smtp.delay = 0
    assert f"E-mails traités : {len(untried)}." in run_once(workers, mail_app)
    assert_each_sent_once(smtp, message_ids)


def test_an_email_in_flight_when_its_worker_is_killed_goes_again_with_the_same_message_id(tmp_path, smtp, workers):
    # A short lease, so that the test need not wait the production one; it must outlast
    # MAIL_TIMEOUT + 5 s (the app refuses a shorter one).
    settings = mail_settings(smtp, MAIL_TIMEOUT=2, MAIL_LEASE_SECONDS=8)
    with running_app(tmp_path, **settings) as app:
        [message_id] = queue(1)
        smtp.delay = 1  # the server answers a second after the data: the e-mail is in flight
        worker = workers(app)
        assert smtp.wait_for(lambda server: server.received, timeout=DEADLINE), worker.output()
        worker.kill()
        smtp.delay = 0
        [row] = outbox_rows()
        assert (row.state, row.attempts) == (DeliveryState.SENDING, 1)  # nobody knows whether it arrived

        after = workers(app)
        try:
            assert smtp.wait_for(lambda server: server.accepted, timeout=DEADLINE), after.output()
            wait_all_sent(1)
        finally:
            assert after.terminate() == 0, after.output()
        [row] = outbox_rows()
        assert (row.state, row.attempts, row.last_error) == (DeliveryState.SENT, 2, None)

    first, second = smtp.message_ids("received")
    assert first == second == message_id  # the copy that may have arrived is recognisable
    assert smtp.message_ids() == [message_id]


# -- requests never wait for the mail server ---------------------------------------------------


def test_a_reply_to_a_thread_watched_by_200_members_only_queues_their_emails(mail_app, smtp, workers):
    client = mail_app.test_client()
    author = make_user("autrice@exemple.fr", "Claire Autrice")
    thread = make_thread(author, make_category())
    addresses = {f"veille{number}@exemple.fr" for number in range(200)}
    with write_intent():
        watchers = [User(email=f"veille{number}@exemple.fr", display_name=f"Veilleur Numéro{number}",
                         password_hash="!", email_confirmed_at=utcnow()) for number in range(200)]
        db.session.add_all(watchers)
        db.session.flush()
        db.session.add_all(Watch(user_id=user.id, thread_id=thread.id, level=WatchLevel.WATCHING) for user in watchers)
        commit_work()
    login(client, author.email)
    url = f"/sujets/{thread.id}/repondre"
    fields = form_fields(client, url, f"/sujets/{thread.id}")
    smtp.reset()

    db.session.rollback()
    with mail_app.app_context():  # the plain client: nothing runs after the request
        response = FlaskClient.open(client, url, method="POST", base_url="https://localhost",
                                    data={**fields, "body": "Nous avons trouvé une solution, la voici.",
                                          "action": "publish"})
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    assert smtp.snapshot()["connections"] == 0
    rows = outbox_rows()
    assert len(rows) == 200 and {row.state for row in rows} == {DeliveryState.PENDING}
    assert {row.recipient for row in rows} == addresses

    worker = workers(mail_app)
    try:
        assert smtp.wait_for(lambda server: len(server.received) >= 200, timeout=60), worker.output()
        wait_all_sent(200)
    finally:
        assert worker.terminate() == 0, worker.output()
    assert_each_sent_once(smtp, [row.message_id for row in rows])
    assert sorted(message.recipients for message in smtp.accepted) == sorted((address,) for address in addresses)
