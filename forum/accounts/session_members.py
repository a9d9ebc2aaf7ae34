"""The member behind a login session, loaded from the database once per content version.

Every request of a member needs them (with their fabrique, for the header), their unread count
and the content version. Loading the member through the ORM cost about a quarter of a light page.
A process now keeps, per login session, a detached snapshot of the member as last loaded, with the
content version it was loaded at:

- each request still reads, in one direct statement (forum.core.direct_reads), that the login
  session is live, the member's unread count and the content version: a logout, an ended session
  or a new notification shows at once, in every worker;
- the snapshot is used only at the version it was loaded at. Every committed change to a member, a
  membership or a fabrique bumps that version (forum.core.page_cache), so a snapshot at the current
  version holds what the database holds; it also expires after ``TTL_SECONDS``;
- the request gets its own copy of it, attached to its session (``Session.merge(load=False)``, no
  SQL): it can change and save the member as if it had loaded them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import Session

from forum.accounts.models import LoginSession, User
from forum.core.direct_reads import DirectRead
from forum.core.page_cache import VersionedCache
from forum.extensions import db

MAX_SNAPSHOTS = 2_000
TTL_SECONDS = 60.0


@dataclass(frozen=True)
class SessionMember:
    user: User
    content_version: int
    columns: tuple[Any, ...]  # the values of the ``columns`` given to SessionMembers


class SessionMembers:
    """Finds the member of a login session key.

    ``load_statement``: the ORM statement that loads a member (parameter ``user_id``) with what
    every page reads of them. ``version_column``: the content version, as a column.
    ``columns``: what else every request reads with the session check (the unread count), as
    columns correlated with ``LoginSession.user_id``."""

    def __init__(self, load_statement: Select, version_column, *columns):
        self._load = load_statement
        self._check = DirectRead(select(LoginSession.user_id, version_column, *columns)
                                 .where(LoginSession.key_hash == bindparam("key_hash")))
        self._snapshots: VersionedCache[tuple[int, User]] = VersionedCache(MAX_SNAPSHOTS, TTL_SECONDS)

    def find(self, key: str) -> SessionMember | None:
        """The live session's member (attached to the request's session), or None."""
        if not key or len(key) > 100:
            return None
        hashed = LoginSession.hash_of(key)
        row = self._check.first(db.engine, key_hash=hashed)
        if row is None:
            return None
        user_id, version = row[0], row[1] or 0
        cached = self._snapshots.get(hashed, version)
        if cached is not None and cached[0] == user_id:
            user = db.session.merge(cached[1], load=False)
        else:
            user = db.session.execute(self._load, {"user_id": user_id}).unique().scalar_one_or_none()
            if user is None:  # deleted between the two statements
                return None
            self._snapshots.put(hashed, version, (user_id, _detached_copy(user)))
        user.current_session_key = key
        return SessionMember(user, version, row[2:])


def _detached_copy(user: User) -> User:
    """A copy of ``user`` and what it loaded (its membership and fabrique), attached to no session:
    requests merge from it and never change it."""
    holder = Session()
    copy = holder.merge(user, load=False)
    holder.expunge_all()
    return copy
