"""What the worker changes for a member who writes: figures, not a test (it always exits 0 once it ran).

1. A reply to a thread followed by 1 member, and to a thread followed by 200: how long the POST
   takes (the Flask test client, CSRF on, in this process), and how long from its commit until
   the SMTP server got every e-mail (a real SMTP server on loopback, aiosmtpd, answering each
   message after ``--smtp-delay`` seconds like a distant server, and a real ``flask worker``
   process).
2. A new post, committed by this process: how long until this host's search index has it
   (the worker's search thread is woken by the commit), p50 and p95 over ``--posts`` posts.

Usage: ``.venv/bin/python bench/worker.py [--database-url postgresql+psycopg://…/forum_bench_worker]
[--rounds 10] [--posts 100] [--smtp-delay 0.02]``. SQLite (a temporary file) by default; a
PostgreSQL database given is dropped and created afresh.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))
HOST = "127.0.0.1"
PASSWORD = "un mot de passe pour le banc"


class SlowSmtpServer:
    """aiosmtpd on loopback: each message is answered after ``delay`` seconds; arrival times kept."""

    def __init__(self, delay: float) -> None:
        from aiosmtpd.controller import Controller

        self.delay, self.arrivals, self.lock = delay, [], threading.Lock()
        with socket.socket() as probe:  # aiosmtpd needs a port it can connect to when it starts
            probe.bind((HOST, 0))
            self.port = probe.getsockname()[1]
        self.controller = Controller(self, hostname=HOST, port=self.port)

    async def handle_DATA(self, server, session, envelope):
        import asyncio

        await asyncio.sleep(self.delay)
        with self.lock:
            self.arrivals.append(time.perf_counter())
        return "250 OK"

    def __enter__(self) -> SlowSmtpServer:
        self.controller.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.controller.stop()

    def wait_for(self, count: int, timeout: float = 120) -> float:
        """The arrival time of the ``count``-th message."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if len(self.arrivals) >= count:
                    return self.arrivals[count - 1]
            time.sleep(0.002)
        raise RuntimeError(f"only {len(self.arrivals)} of {count} e-mails arrived")


def fresh_postgres(url: str) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    target = make_url(url)
    admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{target.database}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{target.database}"'))
    admin.dispose()


def settings(instance: Path, database_url: str, smtp_port: int) -> dict[str, str]:
    return {
        "INSTANCE_PATH": str(instance), "DATABASE_URL": database_url, "SITE_URL": "https://localhost",  # the test client's host
        "SECRET_KEY": "bench-worker", "MAIL_BACKEND": "smtp", "MAIL_SERVER": HOST, "MAIL_PORT": str(smtp_port),
        "RATELIMIT_ENABLED": "false", "PASSWORD_HASH_METHOD": "scrypt:1024:8:1",
        "PAGE_CACHE_ENABLED": "false",
    }


def build_world(followers: int):
    """Two threads (followed by 1 and by ``followers`` members) and the member who replies."""
    from forum.accounts import services as accounts
    from forum.core.database import write_intent
    from forum.extensions import db
    from forum.threads import services as threads
    from forum.threads import watching
    from forum.threads.models import Category, WatchLevel

    with write_intent():
        def member(number: int):
            user = accounts.register(f"membre{number}@exemple.fr", f"Membre {number:03d}", PASSWORD)
            accounts.mark_confirmed(user)
            return user

        author = member(0)
        category = Category(name="Banc d'essai", slug="banc-d-essai", description="Pour mesurer.", position=1)
        db.session.add(category)
        db.session.flush()
        quiet = threads.start_thread(author, category, "Un sujet suivi par une personne", "Premier message.")
        busy = threads.start_thread(author, category, "Un sujet suivi par beaucoup de monde", "Premier message.")
        people = [member(number) for number in range(1, followers + 1)]
        watching.set_level(people[0], WatchLevel.WATCHING, thread=quiet)
        for person in people:
            watching.set_level(person, WatchLevel.WATCHING, thread=busy)
        db.session.commit()
        return people[-1].email, quiet.id, busy.id


def start_worker(env: dict[str, str], log: Path) -> subprocess.Popen:
    worker = subprocess.Popen([sys.executable, "-m", "flask", "--app", "wsgi", "worker", "--no-schedules"],
                              cwd=PROJECT_ROOT, env=env, stdout=open(log, "w"), stderr=subprocess.STDOUT)
    time.sleep(2)  # it binds its socket or LISTENs before the first commit we measure
    if worker.poll() is not None:
        raise RuntimeError(f"the worker did not start:\n{log.read_text()}")
    return worker


def measure_replies(app, smtp: SlowSmtpServer, replier: str, quiet_id: int, busy_id: int, rounds: int):
    from tests.conftest import HttpsClient, form_fields, login  # the suite's client: https, CSRF on

    app.test_client_class = HttpsClient
    client = app.test_client()
    # The suite's client runs the worker's work after each request: here the real worker does it.
    HttpsClient.open = lambda self, *args, **kwargs: _plain_open(self, *args, **kwargs)
    login(client, replier, PASSWORD)
    figures = {1: ([], [], []), 200: ([], [], [])}
    expected = len(smtp.arrivals)
    for round_number in range(rounds):
        for followers, thread_id in ((1, quiet_id), (200, busy_id)):
            url = f"/sujets/{thread_id}/repondre"
            fields = form_fields(client, url)  # fetched before the clock starts: the POST alone is timed
            queued = _outbox_size(app)
            started = time.perf_counter()
            response = client.post(url, data={**fields, "body": f"Réponse {round_number} pour {followers} personne(s)."})
            answered = time.perf_counter()
            if response.status_code != 302:
                raise RuntimeError(f"reply refused: {response.status_code} {response.get_data(as_text=True)[:500]}")
            emails = _outbox_size(app) - queued
            expected += emails
            delivered = smtp.wait_for(expected)
            figures[followers][0].append(answered - started)
            figures[followers][1].append(delivered - answered)
            figures[followers][2].append(emails)
    return figures


def _outbox_size(app) -> int:
    from sqlalchemy import func, select

    from forum.core.outbox import OutboxEmail
    from forum.extensions import db

    with app.app_context():
        size = db.session.execute(select(func.count()).select_from(OutboxEmail)).scalar_one()
        db.session.remove()
    return size


def _plain_open(client, *args, **kwargs):
    from flask.testing import FlaskClient

    from forum.extensions import db

    kwargs.setdefault("base_url", "https://localhost")
    db.session.rollback()
    with client.application.app_context():
        response = FlaskClient.open(client, *args, **kwargs)
    db.session.rollback()
    return response


def measure_search(app, author_email: str, thread_id: int, posts: int) -> list[float]:
    from sqlalchemy import select

    from forum.accounts.models import User
    from forum.core.database import write_intent
    from forum.extensions import db
    from forum.search.index import open_or_create
    from forum.search.sync import index_directory
    from forum.threads import services
    from forum.threads.models import Thread
    from whoosh.query import Term

    latencies = []
    ix = open_or_create(index_directory())
    for number in range(posts):
        with write_intent():
            author = db.session.execute(select(User).where(User.email == author_email)).scalar_one()
            post = services.reply(author, db.session.get(Thread, thread_id), f"Message à retrouver numéro {number}.")
            key = f"message:{post.id}"
            db.session.commit()
        committed = time.perf_counter()
        deadline, generation = committed + 30, -1
        while True:
            # A new generation of the index first (a directory listing), then the document: polling
            # with a searcher each millisecond would take the CPU the worker needs.
            if ix.latest_generation() != generation:
                generation = ix.latest_generation()
                with ix.searcher() as searcher:
                    if searcher.document_number(key=key) is not None:
                        break
            if time.perf_counter() > deadline:
                raise RuntimeError(f"{key} never became searchable")
            time.sleep(0.001)
        latencies.append(time.perf_counter() - committed)
        time.sleep(0.05)  # members do not post back to back
    return latencies


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(len(ordered) * share), len(ordered) - 1)]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default="")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--posts", type=int, default=100)
    parser.add_argument("--smtp-delay", type=float, default=0.02)
    args = parser.parse_args(argv)

    from flask_migrate import upgrade

    from forum import create_app
    from forum.extensions import db

    with tempfile.TemporaryDirectory(prefix="bench-worker-") as temporary, SlowSmtpServer(args.smtp_delay) as smtp:
        instance = Path(temporary)
        database_url = args.database_url or f"sqlite:///{instance / 'forum.sqlite3'}"
        if database_url.startswith("postgresql"):
            fresh_postgres(database_url)
        config = settings(instance, database_url, smtp.port)
        env = {**os.environ, **{f"FORUM_{key}": value for key, value in config.items()}}
        app = create_app({("SQLALCHEMY_DATABASE_URI" if key == "DATABASE_URL" else key): value
                          for key, value in config.items()} | {"MAIL_PORT": smtp.port, "RATELIMIT_ENABLED": False})
        with app.app_context():
            upgrade(directory=str(PROJECT_ROOT / "migrations"))
            replier, quiet_id, busy_id = build_world(200)
            db.session.remove()
        worker = start_worker(env, instance / "worker.log")
        try:
            time.sleep(1)
            with app.app_context():
                figures = measure_replies(app, smtp, replier, quiet_id, busy_id, args.rounds)
                db.session.remove()
            with app.app_context():
                search = measure_search(app, replier, quiet_id, args.posts)
                db.session.remove()
        finally:
            worker.send_signal(signal.SIGTERM)
            worker.wait(timeout=60)
    database = "PostgreSQL" if database_url.startswith("postgresql") else "SQLite"
    print(f"\n{database}, a real `flask worker` process, SMTP answering each e-mail after "
          f"{args.smtp_delay * 1000:.0f} ms; {args.rounds} replies of each kind:")
    print("| followers | e-mails per reply | POST reply p50 | POST reply max | commit → last e-mail received p50 | max |")
    print("| --- | --- | --- | --- | --- | --- |")
    for followers, (requests, deliveries, emails) in figures.items():
        print(f"| {followers} | {statistics.median(emails):.0f} | {statistics.median(requests) * 1000:.1f} ms | "
              f"{max(requests) * 1000:.1f} ms | {statistics.median(deliveries) * 1000:.0f} ms | "
              f"{max(deliveries) * 1000:.0f} ms |")
    print(f"\nNew post searchable after its commit ({len(search)} posts): p50 {percentile(search, 0.5) * 1000:.1f} ms, "
          f"p95 {percentile(search, 0.95) * 1000:.1f} ms, max {max(search) * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
