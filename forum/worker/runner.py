"""The worker's loops: ``flask worker`` runs one ``Worker`` until SIGTERM.

Two threads, so that a slow mail server never delays search:
- the search thread applies the search change log to this host's index as soon as a commit
  wakes it (forum.core.wakeup), and every ``WORKER_POLL_SECONDS`` anyway;
- the main thread sends the due e-mails of the outbox, in batches, and runs the schedules when
  one of their periods begins.

Stopping (``stop()``, from SIGTERM or SIGINT): the e-mail being sent finishes and is recorded,
the other claimed ones are released for the next worker, the search drain in progress commits or
is cancelled (its changes stay in the log); nothing is lost or sent twice.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from datetime import datetime, timedelta

from flask import Flask

from forum.core import outbox
from forum.core.database import write_intent
from forum.core.mail import deliver_due
from forum.core.models import utcnow
from forum.core.wakeup import Listener
from forum.extensions import db
from forum.search import sync
from forum.worker import schedules

logger = logging.getLogger(__name__)
BUSY_INDEX_RETRY = 0.1  # seconds: the index lock is held by another process (a rebuild, a sync)
FAILED_JOB_RETRY = timedelta(minutes=5)


def worker_name() -> str:
    return f"{socket.gethostname()[:60]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class Worker:
    """Sends e-mails, keeps the search index up to date and runs the schedules until stopped."""

    def __init__(self, app: Flask, *, name: str | None = None, batch: int = 20, run_schedules: bool = True) -> None:
        self.app, self.name, self.batch, self.run_schedules = app, name or worker_name(), batch, run_schedules
        self._stopping = threading.Event()
        self._listeners: list[Listener] = []
        self._next_schedule_check: datetime | None = None
        self.ready = threading.Event()  # set once it listens (tests and ``make run`` wait for it)

    @property
    def poll_seconds(self) -> float:
        return float(self.app.config["WORKER_POLL_SECONDS"])

    def stop(self) -> None:
        """Ask the loops to finish what they are doing and return (safe from a signal handler)."""
        self._stopping.set()
        for listener in list(self._listeners):
            listener.interrupt()

    @property
    def stopping(self) -> bool:
        return self._stopping.is_set()

    def run(self) -> None:
        """Work until ``stop()``. Raises WorkerAlreadyRunning on SQLite when another worker runs."""
        with self.app.app_context():
            with Listener(db.engine, sync.CHANNEL) as search_wakes, Listener(db.engine, "forum_mail") as mail_wakes:
                self._listeners = [search_wakes, mail_wakes]
                if self.stopping:  # stopped before it listened
                    return
                search = threading.Thread(target=self._search_loop, args=(search_wakes,), name="forum-worker-search")
                search.start()
                self.ready.set()
                logger.info("Worker %s started", self.name)
                try:
                    self._main_loop(mail_wakes)
                finally:
                    self.stop()
                    search.join()
                    db.session.remove()
                logger.info("Worker %s stopped", self.name)

    def run_once(self) -> int:
        """Do what is due now (search changes, e-mails, schedules) and return: ``flask worker --once``.
        Returns the number of e-mails tried."""
        with self.app.app_context():
            self._drain_search()
            tried = self._send_emails()
            if self.run_schedules:
                schedules.run_due(self.app.config)
            tried += self._send_emails()  # what the schedules queued
            db.session.remove()
            return tried

    # -- search -------------------------------------------------------------------------------
    def _search_loop(self, wakes: Listener) -> None:
        with self.app.app_context():
            try:
                while not self.stopping:
                    applied = self._drain_search()
                    wakes.wait(BUSY_INDEX_RETRY if applied is None else self.poll_seconds)
            finally:
                db.session.remove()

    def _drain_search(self) -> int | None:
        return _drain_search()

    # -- e-mail and schedules -----------------------------------------------------------------
    def _main_loop(self, wakes: Listener) -> None:
        while not self.stopping:
            tried = self._send_emails()
            if self.run_schedules:
                self._run_schedules()
            if self.stopping:
                break
            if tried:
                continue  # more may be due: look again before sleeping
            wakes.wait(self._seconds_until_next_work())

    def _send_emails(self) -> int:
        tried = 0
        while not self.stopping:
            try:
                count = deliver_due(db.engine, self.name, batch=self.batch, stop=lambda: self.stopping)
            except Exception:  # noqa: BLE001 - the database is away: the e-mails wait in the outbox
                logger.exception("Could not read the e-mail outbox")
                return tried
            if not count:
                return tried
            tried += count
        return tried

    def _run_schedules(self) -> None:
        now = utcnow()
        if self._next_schedule_check is not None and now < self._next_schedule_check:
            return
        outcomes = schedules.run_due(self.app.config, now)
        self._next_schedule_check = schedules.next_due(self.app.config, now)
        if any(outcome.failed for outcome in outcomes):
            self._next_schedule_check = min(self._next_schedule_check, now + FAILED_JOB_RETRY)

    def _seconds_until_next_work(self) -> float:
        now = utcnow()
        moments = [now + timedelta(seconds=self.poll_seconds)]
        if self._next_schedule_check is not None and self.run_schedules:
            moments.append(self._next_schedule_check)
        try:
            with write_intent(False):
                due = outbox.next_attempt_at(db.session)
                db.session.rollback()
        except Exception:  # noqa: BLE001 - the database is away: poll
            db.session.rollback()
            due = None
        if due is not None:
            moments.append(due)
        return max((min(moments) - now).total_seconds(), 0.0)


def work_off_now() -> int:
    """In this process, do at once what a worker would do now: apply the search changes and send
    the due e-mails (not the schedules). For the tests, and commands run without a worker.
    Needs an app context; returns the number of e-mails tried."""
    _drain_search(timeout=5)
    tried = 0
    try:
        while count := deliver_due(db.engine, "inline"):
            tried += count
    except Exception:  # noqa: BLE001 - as the worker: the e-mails wait in the outbox
        logger.exception("Could not read the e-mail outbox")
    return tried


def _drain_search(timeout: float = sync.WRITER_TIMEOUT) -> int | None:
    """``sync.drain``, with a failure logged: the changes stay in the log for the next round."""
    try:
        return sync.drain(timeout=timeout)
    except Exception:  # noqa: BLE001
        logger.exception("Search index drain failed; pending changes stay in the log")
        return 0
