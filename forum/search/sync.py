"""Keeping the index true to the database.

1. In the transaction that changes an indexed row, an ``after_flush`` hook appends
   the affected document keys to ``search_changes`` (a rollback, or a rolled-back
   savepoint, takes them away with the change).
2. The commit wakes the worker (forum.core.wakeup), whose search thread runs
   ``drain``: the request that wrote does not wait for the index. One writer at a
   time (``writer(timeout=…)``; when another process holds the lock the changes
   wait for the next drain or ``flask search sync``). Each change rebuilds the
   document from the database, so it is an idempotent upsert or delete by key,
   and the index remembers the last change id it applied.
3. On PostgreSQL two transactions may commit their log rows out of id order, so
   each drain also looks at the changes of the last 30 seconds and applies those
   this process has not applied yet (all of them once after a restart: harmless,
   bounded).
"""

from __future__ import annotations

import os
import threading
import time
from datetime import datetime, timedelta
from itertools import chain
from pathlib import Path

from flask import current_app
from sqlalchemy import delete, event, insert, select
from sqlalchemy.orm import Session
from whoosh.index import LockError

from forum.core.database import write_intent
from forum.core.models import utcnow
from forum.core.wakeup import announce
from forum.search.documents import documents_for, keys_touched_by, reply_keys_touched_by
from forum.search.index import (STATE_KEY, WRITER_VIEWS, last_applied, merge_small_segments, open_or_create,
                                open_writer, segment_count, state_document)
from forum.search.models import SearchChange
from forum.search.schema import with_prefix_fields

# PostgreSQL may commit log rows out of id order (a long transaction holding an older id);
# each drain re-applies the keys of the last seconds to catch them. SQLite writers are
# serialised, so ids commit in order there and no look-back is needed.
LOOKBACK = timedelta(seconds=30)
LOOKBACK_LIMIT = 500
WRITER_TIMEOUT = 0.5
CHANNEL = "forum_search"
# Drains commit without merging; past this many segments, a merge of the small ones follows.
MAX_SEGMENTS = 12


def _after_flush(session: Session, flush_context) -> None:
    keys = {key for instance in chain(session.new, session.dirty, session.deleted)
            for key in keys_touched_by(instance)}
    keys.update(reply_keys_touched_by(session.connection(), session.dirty))
    if keys:
        session.connection().execute(insert(SearchChange), [{"key": key, "created_at": utcnow()} for key in sorted(keys)])
        announce(session, CHANNEL)


def install_change_log() -> None:
    """Listen to every ORM session once per process (idempotent)."""
    if not event.contains(Session, "after_flush", _after_flush):
        event.listen(Session, "after_flush", _after_flush)


class _RecentlyApplied:
    """Per index (directory and inode: a rebuilt index starts afresh), the change ids this process
    applied within the lookback, so that a drain re-applies only the changes it has not seen: with
    the worker draining at every commit, re-applying the whole lookback each time cost a busy
    PostgreSQL forum hundreds of documents per new post."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.applied: dict[tuple[str, int], dict[int, float]] = {}

    def not_applied(self, index: tuple[str, int], rows: list) -> list:
        with self.lock:
            seen = self.applied.get(index, {})
            return [row for row in rows if row.id not in seen]

    def remember(self, index: tuple[str, int], change_ids: list[int]) -> None:
        now = time.monotonic()
        with self.lock:
            seen = self.applied.setdefault(index, {})
            seen.update(dict.fromkeys(change_ids, now))
            horizon = now - LOOKBACK.total_seconds() * 2
            for change_id in [change_id for change_id, at in seen.items() if at < horizon]:
                del seen[change_id]
            for other in [other for other in self.applied if other != index]:
                del self.applied[other]  # one live index per directory: the others were swapped out


RECENTLY_APPLIED = _RecentlyApplied()


def index_key(directory: Path) -> tuple[str, int]:
    return (os.path.abspath(directory), os.stat(directory).st_ino)


def index_directory() -> Path:
    return Path(current_app.config["SEARCH_INDEX_DIR"])


def drain(*, timeout: float = WRITER_TIMEOUT, limit: int = 5_000) -> int | None:
    """Apply pending changes to this host's index; the number applied, or None if the index was busy."""
    from forum.extensions import db  # the app's engine and a short-lived session of its own

    ix = open_or_create(index_directory())
    try:
        writer = open_writer(ix, timeout=timeout)
    except LockError:
        return None
    try:
        directory_key = index_key(index_directory())
        searcher = WRITER_VIEWS.for_writer(ix, index_directory(), writer)
        last = last_applied(searcher)
        # A read: plain BEGIN even when the request that committed was a write.
        with write_intent(False), Session(db.engine) as session:
            # New changes first, in id order: with one query ordered by id, a burst of more than
            # ``limit`` already-applied changes inside the lookback window filled every batch and
            # the index never advanced past them.
            rows = session.execute(
                select(SearchChange.id, SearchChange.key)
                .where(SearchChange.id > last).order_by(SearchChange.id).limit(limit)).all()
            recent = [] if db.engine.dialect.name == "sqlite" else session.execute(
                select(SearchChange.id, SearchChange.key)
                .where(SearchChange.id <= last, SearchChange.created_at >= utcnow() - LOOKBACK)
                .order_by(SearchChange.id.desc()).limit(LOOKBACK_LIMIT)).all()
            # Of the lookback, only what this process has not applied itself: the changes that
            # committed out of order (and, after a restart, the whole window once).
            late = RECENTLY_APPLIED.not_applied(directory_key, recent)
            keys = {row.key for row in rows} | {row.key for row in late}
            if not keys:
                writer.cancel()  # nothing to apply: no commit, no new generation for searchers to open
                return 0
            documents = documents_for(session, keys)
        # Each change: delete the key's document (if any), add the new one (if public).
        for key in sorted(keys):
            writer.delete_by_term("key", key, searcher=searcher)
            if key in documents:
                writer.add_document(key=key, **with_prefix_fields(documents[key]))
        newest = max([last, *(row.id for row in rows)])
        writer.delete_by_term("key", STATE_KEY, searcher=searcher)
        writer.add_document(**state_document(newest))
        # No merge here: merging small segments was half of a drain's time, and a new post waits
        # for this commit to be searchable. The merge follows, once the change is visible.
        writer.commit(merge=False)
    except BaseException:
        writer.cancel()
        raise
    RECENTLY_APPLIED.remember(directory_key, [row.id for row in rows] + [row.id for row in late])
    if segment_count(ix) > MAX_SEGMENTS:
        merge_small_segments(ix, timeout=timeout)
    return len(keys)


def prune(older_than: timedelta = timedelta(days=7), now: datetime | None = None) -> int:
    """Delete change-log rows every host has had ample time to apply (older than ``now - older_than``)."""
    from forum.extensions import db

    result = db.session.execute(delete(SearchChange).where(SearchChange.created_at < (now or utcnow()) - older_than))
    return result.rowcount
