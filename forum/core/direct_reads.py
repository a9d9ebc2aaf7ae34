"""Small SELECTs that every request runs, on a pooled DB-API connection instead of a SQLAlchemy one.

Through an ORM session, even ``SELECT 1`` costs a connection checkout, a ``BEGIN``, an execution
context and a result object: about ten times the query itself on SQLite. A few reads run on every
request (the content version, the login session's member check) and need none of that: one
statement, no transaction (the pool rolls back whatever the driver began when the connection goes
back), no ORM objects. ``DirectRead`` compiles its statement once per dialect and runs it on
``engine.raw_connection()``. Writes never go this way: they belong to the request's session.

The SQL a direct read runs is not seen by SQLAlchemy's cursor events: ``listeners`` are told
instead (the tests' query counter and the bench subscribe to both).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Select
from sqlalchemy.engine import Engine

# Called with (sql, parameters) before each direct read.
listeners: list[Callable[[str, Any], None]] = []


class DirectRead:
    """A SELECT, compiled once per dialect, whose first row is read on a pooled DB-API connection.

    Its bound parameters are plain values (no expanding ``IN``, no type processing beyond the
    driver's own): ids, strings."""

    def __init__(self, statement: Select):
        self._statement = statement
        self._compiled: dict[str, tuple[str, tuple[str, ...] | None, dict[str, Any]]] = {}

    def first(self, engine: Engine, **params: Any) -> tuple | None:
        """The first row, or None; ``params``: the statement's ``bindparam`` values by name."""
        compiled = self._compiled.get(engine.dialect.name)
        if compiled is None:
            compiled = self._compiled[engine.dialect.name] = self._compile(engine)
        sql, order, constants = compiled
        values = {**constants, **params}
        parameters = tuple(values[name] for name in order) if order is not None else values
        for listener in listeners:
            listener(sql, parameters)
        connection = engine.raw_connection()
        try:
            cursor = connection.cursor()
            cursor.execute(sql, parameters)
            row = cursor.fetchone()
            cursor.close()
        finally:
            connection.close()  # back to the pool, which rolls back
        return tuple(row) if row is not None else None

    def _compile(self, engine: Engine) -> tuple[str, tuple[str, ...] | None, dict[str, Any]]:
        compiled = self._statement.compile(dialect=engine.dialect)
        # The statement's own constants (``id = 1``); the caller gives the others.
        constants = {name: bind.value for name, bind in compiled.binds.items() if bind.value is not None}
        return str(compiled), tuple(compiled.positiontup) if compiled.positional else None, constants
