"""Row locks for read-modify-writes: lock the row, then read what you will change.

Production runs PostgreSQL (READ COMMITTED) with several workers: a service that reads a
state, decides, then writes, can decide on a state another request is changing at the same
moment. ``lock`` takes the row's lock (``SELECT … FOR UPDATE``) and reloads its columns, so
what the service reads next is the latest committed state and nobody else changes the row
until our commit; a second request doing the same waits, then reads what the first wrote.
On SQLite the statement carries no FOR UPDATE (the dialect drops it): a writing request
already holds the database's write lock from its first statement (``core/database.py``), so
the reload only reads what is there.

Lock order, so that two requests never wait for each other in a circle (PostgreSQL would
abort one with a deadlock): a fabrique before its memberships; a loan before its resource;
a thread before its posts, then categories (several threads or categories: by id, through
``lock_ids``); members (users) last.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import inspect, select
from sqlalchemy.exc import InvalidRequestError

from forum.core.errors import DomainError, NotFound
from forum.extensions import db


def lock(instance, gone: DomainError | None = None):
    """Lock ``instance``'s row until the commit and reload its columns (changes not yet flushed
    are dropped: call it before changing anything). ``gone`` (default: NotFound) is raised when
    the row was deleted meanwhile. Loaded relationships are kept as they are."""
    mapper = inspect(instance).mapper
    try:
        db.session.refresh(instance, attribute_names=[column.key for column in mapper.column_attrs],
                           with_for_update=True)
    except InvalidRequestError:  # "Could not refresh instance": the row no longer exists
        raise gone or NotFound() from None
    return instance


def lock_ids(model, ids: Iterable[int]) -> list[int]:
    """Lock the rows of ``model`` with these ids, in id order (so two requests locking the same
    rows queue instead of deadlocking); the ids that still exist."""
    wanted = sorted(set(ids))
    if not wanted:
        return []
    return list(db.session.execute(
        select(model.id).where(model.id.in_(wanted)).order_by(model.id).with_for_update()).scalars())
