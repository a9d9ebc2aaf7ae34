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

Results go through their columns' types as the ORM's would (dates, enums); parameters are given
to the driver as they are (ids, strings: no expanding ``IN``). Writes never go this way. The SQL a direct
read runs is not seen by SQLAlchemy's cursor events: ``listeners`` are told instead (the tests'
query counter and the bench subscribe to both).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
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
        self._compiled: dict[str, _Compiled] = {}

    def first(self, engine: Engine, **params: Any) -> tuple | None:
        """The first row or None, on a pooled connection of its own; ``params``: the statement's
        ``bindparam`` values by name."""
        compiled, parameters = self._prepare(engine.dialect.name, engine, params)
        connection = engine.raw_connection()
        try:
            cursor = connection.cursor()
            cursor.execute(compiled.sql, parameters)
            row = cursor.fetchone()
            cursor.close()
        finally:
            connection.close()  # back to the pool, which rolls back
        return compiled.row(row) if row is not None else None

    def all_in(self, session: Session, **params: Any) -> list[tuple]:
        """Every row, read in ``session``'s transaction (begun if it was not)."""
        if session.new or session.dirty or session.deleted:
            session.flush()
        connection = session.connection()
        compiled, parameters = self._prepare(connection.dialect.name, connection.engine, params)
        cursor = connection.connection.dbapi_connection.cursor()
        try:
            cursor.execute(compiled.sql, parameters)
            return [compiled.row(row) for row in cursor.fetchall()]
        finally:
            cursor.close()

    def first_in(self, session: Session, **params: Any) -> tuple | None:
        """The first row or None, read in ``session``'s transaction."""
        rows = self.all_in(session, **params)
        return rows[0] if rows else None

    def _prepare(self, dialect: str, engine: Engine, params: dict[str, Any]) -> tuple[_Compiled, Any]:
        compiled = self._compiled.get(dialect)
        if compiled is None:
            compiled = self._compiled[dialect] = _Compiled.of(self._statement, engine)
        values = {**compiled.constants, **params}
        parameters = tuple(values[name] for name in compiled.order) if compiled.order is not None else values
        for listener in listeners:
            listener(compiled.sql, parameters)
        return compiled, parameters


@dataclass(frozen=True)
class _Compiled:
    sql: str
    order: tuple[str, ...] | None  # the parameters' names in order, for a positional driver
    constants: dict[str, Any]  # the statement's own values (``id = 1``); the caller gives the others
    processors: tuple[Callable[[Any], Any] | None, ...]  # per column, from its type (dates, enums)

    @classmethod
    def of(cls, statement: Select, engine: Engine) -> _Compiled:
        compiled = statement.compile(dialect=engine.dialect)
        constants = {name: _driver_value(bind, engine) for name, bind in compiled.binds.items()
                     if bind.value is not None}
        processors = tuple(column.type.dialect_impl(engine.dialect).result_processor(engine.dialect, None)
                           for column in statement.selected_columns)
        return cls(str(compiled), tuple(compiled.positiontup) if compiled.positional else None, constants,
                   processors if any(processors) else ())

    def row(self, values) -> tuple:
        if not self.processors:
            return tuple(values)
        return tuple(value if process is None else process(value)
                     for value, process in zip(values, self.processors))


def _driver_value(bind, engine: Engine) -> Any:
    """A constant of the statement as the driver takes it (an enum as its stored value)."""
    process = bind.type.dialect_impl(engine.dialect).bind_processor(engine.dialect)
    return process(bind.value) if process is not None else bind.value
