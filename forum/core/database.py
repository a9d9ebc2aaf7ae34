"""Engine tuning: SQLite in WAL mode, with write transactions that lock at BEGIN.

Readers run ``BEGIN`` (deferred) and never block; a request that may write
(POST and the like, or a CLI command) runs ``BEGIN IMMEDIATE`` so it waits for
the write lock up front (busy timeout) instead of failing later with
"database is locked" when it upgrades a read lock.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar

from sqlalchemy import event
from sqlalchemy.engine import Engine

_write_intent: ContextVar[bool] = ContextVar("forum_write_intent", default=False)
SQLITE_BUSY_TIMEOUT_MS = 30_000


def set_write_intent(value: bool) -> None:
    _write_intent.set(value)


@contextmanager
def write_intent(value: bool = True):
    """Within the block, transactions begin with (True) or without (False) the write lock."""
    token = _write_intent.set(value)
    try:
        yield
    finally:
        _write_intent.reset(token)


def configure_sqlite(engine: Engine) -> None:
    """Install the pragmas and the BEGIN policy on a SQLite engine."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, connection_record):
        # Let SQLAlchemy, not the driver, emit BEGIN (see the "begin" hook).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        connection.exec_driver_sql("BEGIN IMMEDIATE" if _write_intent.get() else "BEGIN")
