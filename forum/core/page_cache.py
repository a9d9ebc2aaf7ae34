"""A per-process cache of public pages for anonymous visitors, always true to the database.

Every committed transaction that changed something a page may show bumps one
counter row (``page_versions``) in the same transaction. An anonymous GET of a
page marked ``@public_page`` reads that counter (one indexed query) and, when
this process already rendered the same URL at the same version, answers with
the stored HTML; otherwise it renders and stores. Several workers or hosts
each keep their own cache and all read the counter, so none serves a page
older than the last commit. Logged-in members (any session cookie) are never
served from, nor stored in, the cache. Entries also expire after a short TTL,
because pages say "il y a 5 minutes" and show today's calendar.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from itertools import chain
from typing import Callable, Generic, Hashable, TypeVar

from flask import Flask, Response, g, request
from sqlalchemy import Integer, event, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, Session, mapped_column

from forum.core.direct_reads import DirectRead
from forum.core.i18n import visitor_language
from forum.core.lru import LRU
from forum.core.models import Base
from forum.core.sessions import is_stateless

MAX_ENTRIES = 2_000
MAX_BODY_BYTES = 512 * 1024
# What may be stored: HTML pages, the Atom feeds and the public iCalendar feeds.
CACHEABLE_MIMETYPES = frozenset({"text/html", "application/atom+xml", "text/calendar"})
_CHANGED = "pages_changed"
V = TypeVar("V")


class PageVersion(Base):
    """One row: the number of committed transactions that changed public content."""

    __tablename__ = "page_versions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(Integer, default=0)


def public_page(view):
    """Mark a view whose anonymous GET may be answered from the page cache."""
    view.public_page = True
    return view


def not_cached() -> None:
    """Keep this response out of the page cache (a page that says something went wrong)."""
    g.page_cache_refused = True


def cached_beside(state: Callable[[], Hashable]):
    """Mark a @public_page view whose page also depends on something outside the database (the
    search index): ``state()`` is read before each cache look-up and is part of the page's key."""
    def mark(view):
        view.page_cache_state = state
        return view
    return mark


@dataclass(frozen=True)
class _Entry:
    body: bytes
    content_type: str


class VersionedCache(Generic[V]):
    """An LRU of values, each kept with the content version it was made at: ``get`` returns a value
    only at that version and for ``ttl_seconds`` after it was stored (pages and fragments)."""

    def __init__(self, max_entries: int = MAX_ENTRIES, ttl_seconds: float = 60.0):
        self._entries: LRU[tuple[int, float, V]] = LRU(max_entries)
        self._ttl = ttl_seconds

    def get(self, key: Hashable, version: int) -> V | None:
        entry = self._entries.get(key)
        if entry is None or entry[0] != version or time.monotonic() - entry[1] > self._ttl:
            return None
        return entry[2]

    def put(self, key: Hashable, version: int, value: V, stored_at: float | None = None) -> None:
        self._entries.put(key, (version, time.monotonic() if stored_at is None else stored_at, value))


_VERSION_QUERY = select(PageVersion.version).where(PageVersion.id == 1)


def current_version(connectable) -> int:
    """The committed version (0 before the first change); ``connectable``: a session or connection."""
    return connectable.execute(_VERSION_QUERY).scalar() or 0


_DIRECT_VERSION = DirectRead(_VERSION_QUERY)


def read_version(engine) -> int:
    """``current_version`` as a direct read (forum.core.direct_reads): the anonymous page cache's
    look-up on every GET."""
    row = _DIRECT_VERSION.first(engine)
    return (row[0] if row else 0) or 0


def version_column():
    """The committed version as a column of another statement (None before the first change)."""
    return _VERSION_QUERY.scalar_subquery()


def _bump_statement(dialect_name: str):
    insert = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}[dialect_name]
    statement = insert(PageVersion).values(id=1, version=1)
    return statement.on_conflict_do_update(
        index_elements=[PageVersion.id], set_={"version": PageVersion.version + 1})


def _affects_pages(cls) -> bool:
    # Models that no page shows (login sessions) say so with __affects_pages__ = False.
    return getattr(cls, "__affects_pages__", True)


def _after_flush(session, flush_context):
    if any(_affects_pages(type(obj)) for obj in chain(session.new, session.dirty, session.deleted)):
        session.info[_CHANGED] = True


def _do_orm_execute(state):
    if (state.is_insert or state.is_update or state.is_delete) and any(
            _affects_pages(mapper.class_) for mapper in state.all_mappers):
        state.session.info[_CHANGED] = True


def _before_commit(session):
    session.flush()  # before_commit runs before the final flush; see what it will write
    if session.info.pop(_CHANGED, False):
        connection = session.connection()
        connection.execute(_bump_statement(connection.dialect.name))


def _after_rollback(session):
    session.info.pop(_CHANGED, None)


def install_version_tracking() -> None:
    """Listen to every ORM session once per process (idempotent)."""
    if not event.contains(Session, "before_commit", _before_commit):
        event.listen(Session, "after_flush", _after_flush)
        event.listen(Session, "do_orm_execute", _do_orm_execute)
        event.listen(Session, "before_commit", _before_commit)
        event.listen(Session, "after_soft_rollback", lambda session, previous: _after_rollback(session))


def _key(view) -> Hashable:
    # Absolute links come from SITE_URL and an unknown Host is refused (forum.core.hostile), so
    # pages no longer depend on the host; scheme and host stay in the key so that no page
    # rendered for one trusted address is ever served to another, whatever a template does.
    # The language too: the same address is French for one visitor and English for another.
    address = (f"{request.scheme}://{request.host}{request.full_path}", visitor_language())
    state = getattr(view, "page_cache_state", None)
    return address if state is None else (address, state())


def init_page_cache(app: Flask, engine_factory) -> None:
    """Serve and store anonymous GETs of @public_page views; ``engine_factory()`` gives the app's engine."""
    install_version_tracking()
    cache: VersionedCache[_Entry] = VersionedCache(ttl_seconds=app.config["PAGE_CACHE_TTL"])
    app.extensions["page_cache"] = cache

    def cacheable_view():
        """The view of this request if its page may come from the cache, else None."""
        view = app.view_functions.get(request.endpoint or "")
        if (request.method == "GET" and getattr(view, "public_page", False) and app.config["PAGE_CACHE_ENABLED"]
                and app.config["SESSION_COOKIE_NAME"] not in request.cookies):
            return view
        return None

    def _serve_from_cache():
        view = cacheable_view()
        if view is None:
            return None
        # A plain connection, not the ORM session: a hit costs one small query and
        # nothing else. The page, if rendered, reads data at least this new (and the
        # state beside the database, read after it, at least as new as its key says).
        version = read_version(engine_factory())
        key = _key(view)
        entry = cache.get(key, version)
        if entry is not None:
            response = Response(entry.body, content_type=entry.content_type)
            response.headers["X-Page-Cache"] = "hit"
            return response
        g.page_cache_version, g.page_cache_key = version, key
        return None

    # First of all before_request hooks: a hit needs no rate-limit, CSRF or login work.
    app.before_request_funcs.setdefault(None, []).insert(0, _serve_from_cache)

    @app.after_request
    def _store_in_cache(response):
        version, key = g.pop("page_cache_version", None), g.pop("page_cache_key", None)
        if (version is not None and not g.get("page_cache_refused") and response.status_code == 200 and "Set-Cookie" not in response.headers
                and response.mimetype in CACHEABLE_MIMETYPES and not response.is_streamed):
            body = response.get_data()
            if len(body) <= MAX_BODY_BYTES:
                cache.put(key, version, _Entry(body, response.content_type))
            response.headers["X-Page-Cache"] = "miss"
        if not is_stateless():  # a stateless response (the public API) reads no cookie
            response.vary.add("Cookie")
        return response

