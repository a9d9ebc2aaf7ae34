"""Waking the worker when a transaction leaves it work (an e-mail to send, a search change).

- A transaction that writes work calls ``announce(session, channel)``.
- On PostgreSQL that is a ``NOTIFY`` in the same transaction: the database delivers it at commit,
  to the workers of every host (``LISTEN``), and drops it on rollback.
- On SQLite (one host) the process sends, after the commit, an empty datagram to the worker's
  socket (a Linux abstract Unix socket named after the database, elsewhere a file under
  instance/). The socket is also the guard that keeps a second worker of the same database from
  starting: SQLite has no ``SKIP LOCKED`` for two workers to share the outbox.

A missed wake is never lost work: the worker also looks every few seconds (``Listener.wait``'s
timeout); waking only makes the work start at once.
"""

from __future__ import annotations

import hashlib
import os
import select
import socket
import sys
from pathlib import Path

from sqlalchemy import event, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

CHANNELS = ("forum_mail", "forum_search")
_ANNOUNCED = "wakeup_channels"


class WorkerAlreadyRunning(RuntimeError):
    """Another worker listens on this SQLite database already."""


def announce(session: Session, channel: str) -> None:
    """Wake the workers listening on ``channel`` once this transaction commits."""
    assert channel in CHANNELS, channel
    announced = session.info.setdefault(_ANNOUNCED, set())
    if channel in announced:
        return
    announced.add(channel)
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_notify(:channel, '')"), {"channel": channel})


_wakes = 0


def wakes_committed() -> int:
    """How many commits of this process announced work so far (the tests' always-instant worker
    runs only after a request that left some, as a real worker wakes only then)."""
    return _wakes


def _after_commit(session: Session) -> None:
    global _wakes
    if session.in_nested_transaction():
        return
    channels = session.info.pop(_ANNOUNCED, None)
    if not channels:
        return
    _wakes += 1
    bind = session.get_bind()
    if bind.dialect.name == "postgresql":
        return  # NOTIFY was delivered by the commit
    for channel in channels:
        _send_datagram(_address(bind.url.render_as_string(hide_password=True), channel))


def _after_rollback(session: Session, previous_transaction=None) -> None:
    if not session.in_transaction():
        session.info.pop(_ANNOUNCED, None)


def install_wakeup_hooks() -> None:
    """Listen to every ORM session once per process (idempotent)."""
    if not event.contains(Session, "after_commit", _after_commit):
        event.listen(Session, "after_commit", _after_commit)
        event.listen(Session, "after_soft_rollback", _after_rollback)


def _address(database_url: str, channel: str) -> str:
    digest = hashlib.sha256(f"{database_url}|{channel}".encode()).hexdigest()[:24]
    if sys.platform.startswith("linux"):
        return f"\0forum-des-fabriques-{digest}"  # abstract: no file, gone with the process
    return str(Path(os.environ.get("TMPDIR", "/tmp")) / f"forum-des-fabriques-{digest}.sock")


def _send_datagram(address: str) -> None:
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sender:
        sender.setblocking(False)
        try:
            sender.sendto(b"", address)
        except OSError:  # no worker listens (or its queue is full: it is awake anyway)
            pass


class Listener:
    """What a worker waits on: wakes for ``channel``, and ``interrupt()`` (to stop it).

    Use as a context manager; ``wait(timeout)`` returns True when woken, False on timeout.
    """

    def __init__(self, engine: Engine, channel: str) -> None:
        assert channel in CHANNELS, channel
        self.engine, self.channel = engine, channel
        self._interrupt_read, self._interrupt_write = os.pipe()
        os.set_blocking(self._interrupt_read, False)
        self._socket: socket.socket | None = None
        self._connection = None  # psycopg, autocommit, LISTENing
        self._path: str | None = None

    def __enter__(self) -> Listener:
        if self.engine.dialect.name == "postgresql":
            self._listen()
        else:
            self._bind()
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def _bind(self) -> None:
        address = _address(self.engine.url.render_as_string(hide_password=True), self.channel)
        self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        try:
            if not address.startswith("\0") and os.path.exists(address):
                _remove_stale_socket(address)
            self._socket.bind(address)
        except OSError as error:
            self._socket.close()
            self._socket = None
            raise WorkerAlreadyRunning(
                "Un worker tourne déjà pour cette base SQLite : avec SQLite, un seul worker à la fois.") from error
        self._socket.setblocking(False)
        self._path = None if address.startswith("\0") else address

    def _listen(self) -> None:
        import psycopg

        url = self.engine.url.set(drivername="postgresql")
        self._connection = psycopg.connect(url.render_as_string(hide_password=False), autocommit=True)
        self._connection.execute(f"LISTEN {self.channel}")

    def _fileno(self) -> int:
        if self._socket is not None:
            return self._socket.fileno()
        return self._connection.fileno()

    def wait(self, timeout: float) -> bool:
        """Sleep until woken (True), interrupted or ``timeout`` seconds passed (False)."""
        try:
            ready, _, _ = select.select([self._fileno(), self._interrupt_read], [], [], max(timeout, 0))
        except (OSError, ValueError):  # no LISTEN connection (the database is away): wait, reconnect, look
            ready, _, _ = select.select([self._interrupt_read], [], [], min(max(timeout, 0), 2.0))
            if self._interrupt_read in ready:
                return False
            self._reconnect()
            return True
        if self._interrupt_read in ready:
            return False
        if not ready:
            return False
        self._consume()
        return True

    def _consume(self) -> None:
        """Empty what woke us: several commits during one round of work make one wake."""
        if self._socket is not None:
            try:
                while True:
                    self._socket.recv(16)
            except BlockingIOError:
                return
        try:
            for _ in self._connection.notifies(timeout=0):
                pass
        except Exception:  # noqa: BLE001 - a broken LISTEN connection: the next wait reconnects
            self._reconnect()

    def _reconnect(self) -> None:
        if self._connection is None:
            return
        try:
            self._connection.close()
        except Exception:  # noqa: BLE001
            pass
        try:
            self._listen()
        except Exception:  # noqa: BLE001 - the database is away: poll until it is back
            self._connection = _Unavailable()

    def interrupt(self) -> None:
        """Make the current and every later ``wait`` return at once (from a signal handler or a thread)."""
        try:
            os.write(self._interrupt_write, b"x")
        except OSError:
            pass

    def close(self) -> None:
        if self._socket is not None:
            self._socket.close()
            self._socket = None
            if self._path:
                Path(self._path).unlink(missing_ok=True)
        if self._connection is not None:
            try:
                self._connection.close()
            except Exception:  # noqa: BLE001
                pass
            self._connection = None
        for descriptor in (self._interrupt_read, self._interrupt_write):
            try:
                os.close(descriptor)
            except OSError:
                pass


class _Unavailable:
    """Stands for a LISTEN connection that could not be opened: waits time out, then retry."""

    def fileno(self) -> int:
        raise OSError("no LISTEN connection")

    def close(self) -> None:
        pass

    def notifies(self, timeout: float = 0):
        return iter(())


def _remove_stale_socket(path: str) -> None:
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    try:
        probe.connect(path)
    except ConnectionRefusedError:
        os.unlink(path)  # left by a worker that died
    finally:
        probe.close()
