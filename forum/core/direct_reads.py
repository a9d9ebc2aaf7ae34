"""Small SELECTs on hot paths, run on the DB-API connection instead of through SQLAlchemy's.

Through an ORM session, even ``SELECT 1`` costs a connection checkout, a ``BEGIN``, an execution
context and a result object: about ten times the query itself on SQLite. A few reads run on every
request, or on every view of the most read pages, and return plain values (ids, counts, short
strings) that key fragments: they go this way. ``DirectRead`` compiles its statement once per
dialect, then runs it

- with ``first(engine)``, on a pooled connection of its own, outside any transaction (one
  statement needs none; the pool rolls back whatever the driver began): for what a request reads
  before anything else (the content version, the login session's check);
- with ``first_in(session)`` / ``all_in(session)``, on the connection of the request's session,
  in its transaction (after its pending changes are flushed, as autoflush would): what the page
  reads next sees the same data.

No type processing is applied to results or parameters (the driver's own only): plain columns,
no dates, no enums to convert, no expanding ``IN``. Writes never go this way. The SQL a direct
read runs is not seen by SQLAlchemy's cursor events: ``listeners`` are told instead (the tests'
query counter and the bench subscribe to both).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

# Called with (sql, parameters) before each direct read.
listeners: list[Callable[[str, Any], None]] = []


class DirectRead:
    """A SELECT compiled once per dialect, run on a DB-API connection (see the module)."""

    def __init__(self, statement: Select):
        self._statement = statement
        self._compiled: dict[str, tuple[str, tuple[str, ...] | None, dict[str, Any]]] = {}

    def first(self, engine: Engine, **params: Any) -> tuple | None:
        """The first row or None, on a pooled connection of its own; ``params``: the statement's
        ``bindparam`` values by name."""
        sql, parameters = self._prepare(engine.dialect.name, engine, params)
        connection = engine.raw_connection()
        try:
            cursor = connection.cursor()
            cursor.execute(sql, parameters)
            row = cursor.fetchone()
            cursor.close()
        finally:
            connection.close()  # back to the pool, which rolls back
        return tuple(row) if row is not None else None

    def all_in(self, session: Session, **params: Any) -> list[tuple]:
        """Every row, read in ``session``'s transaction (begun if it was not)."""
        if session.new or session.dirty or session.deleted:
            session.flush()
        connection = session.connection()
        sql, parameters = self._prepare(connection.dialect.name, connection.engine, params)
        cursor = connection.connection.dbapi_connection.cursor()
        try:
            cursor.execute(sql, parameters)
            return [tuple(row) for row in cursor.fetchall()]
        finally:
            cursor.close()

    def first_in(self, session: Session, **params: Any) -> tuple | None:
        """The first row or None, read in ``session``'s transaction."""
        rows = self.all_in(session, **params)
        return rows[0] if rows else None

    def _prepare(self, dialect: str, engine: Engine, params: dict[str, Any]) -> tuple[str, Any]:
        compiled = self._compiled.get(dialect)
        if compiled is None:
            compiled = self._compiled[dialect] = self._compile(engine)
        sql, order, constants = compiled
        values = {**constants, **params}
        parameters = tuple(values[name] for name in order) if order is not None else values
        for listener in listeners:
            listener(sql, parameters)
        return sql, parameters

    def _compile(self, engine: Engine) -> tuple[str, tuple[str, ...] | None, dict[str, Any]]:
        compiled = self._statement.compile(dialect=engine.dialect)
        # The statement's own constants (``id = 1``); the caller gives the others.
        constants = {name: bind.value for name, bind in compiled.binds.items() if bind.value is not None}
        return str(compiled), tuple(compiled.positiontup) if compiled.positional else None, constants
