"""Throughput of the forum's main pages, against the machine's bare-Flask ceiling.

A benchmark, not a test: it prints figures and exits 0 whatever they are. It
exits non-zero only when it cannot run (wrk or gunicorn missing, seed failing,
a server that does not start).

What it does, on loopback only (127.0.0.1):

1. prepares a demo database in ``bench/results/instance`` (``flask --app wsgi
   init-db`` then ``seed-demo``), reused by later runs unless ``--fresh``;
2. picks real URLs from it: home, a category, a thread of 20+ posts, a
   fabrique, the fabriques directory, the catalogue with filters (equipment of
   the region with the most, available in two to three weeks) and the page of
   an equipment whose availability calendar shows accepted loans (these two
   are skipped, saying so, while the demo database has no resources);
3. counts the SQL statements of one GET of each page, in-process with the
   Flask test client, anonymous and as a logged-in member (``--profile`` adds a
   cProfile of each page);
4. serves the forum and ``bench/hello_app.py`` with gunicorn (2 workers each)
   and measures every URL with ``wrk --latency`` twice: as an anonymous visitor,
   and as a member (the session cookie of a real login through the form);
   search results, loans and notifications too (the last two for members only);
5. prints the resident memory of each worker after its runs (for the forum: its templates,
   page cache, fragments and search searcher included), then the table (both columns) and
   whether each page meets its targets
   (members >= 15 % of the ceiling, 10 % for search; anonymous >= 45 %;
   <= 12 SQL statements), and how far each is from 1/3 of the ceiling.

Usage: ``make bench`` or ``.venv/bin/python bench/pages.py [--duration 5]
[--connections 8] [--fresh] [--only thread] [--profile]``; on PostgreSQL (step 1 then seeds a
database of its own, emptied first): ``make bench-postgresql`` or ``bench/pages.py --postgresql
postgresql+psycopg://postgres@127.0.0.1:5432/forum_bench``.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import importlib.util
import io
import json
import os
import pstats
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Iterator
from zoneinfo import ZoneInfo

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = BENCH_DIR.parent
RESULTS_DIR = BENCH_DIR / "results"
DEFAULT_INSTANCE = RESULTS_DIR / "instance"
DATABASE_NAME = "forum.sqlite3"
SEEDED_MARKER = ".seeded"  # written once seed-demo succeeded; holds the fingerprint below
# The prepared database is stale when any of these change (schema or demo content).
DATABASE_SOURCES = ("migrations/versions/*.py", "forum/demo/*.py")

HOST = "127.0.0.1"
WORKERS = 2
# The forum refuses to start without FORUM_SITE_URL and answers only its host (and the trusted
# ones): the servers listen on loopback, the in-process test client asks for "localhost".
SITE_SETTINGS = {"FORUM_SITE_URL": f"http://{HOST}:5000", "FORUM_TRUSTED_HOSTS": "localhost"}
POSTS_PER_PAGE = 20  # forum.config.DefaultConfig.POSTS_PER_PAGE: a full first page of a thread

TARGET_QUERIES = 12
# Most people on the forum are logged in, and the anonymous page cache never serves them: every
# page is measured a second time as a member (a session cookie obtained through the login form).
MEMBER_TARGETS = {"home": 0.15, "thread": 0.15, "catalogue": 0.15, "resource": 0.15, "practices": 0.15,
                  "practice": 0.15, "loans": 0.15, "notifications": 0.15, "search": 0.10, "agenda": 0.15,
                  "event": 0.15}
ANONYMOUS_TARGET = 0.45
MEMBER_PAGES = (("loans", "/prets"), ("notifications", "/notifications"))  # members only
SEARCH_PAGE = ("search", "/recherche?q=imprimante")
DEMO_PASSWORD = "fabriques-demo-2026"  # forum.demo.seed.DEMO_PASSWORD
SESSION_COOKIE = "forum_session"  # forum.config: SESSION_COOKIE_NAME

# The catalogue is searched for equipment free from two to three weeks ahead.
CATALOGUE_FROM_DAYS, CATALOGUE_TO_DAYS = 14, 21
CALENDAR_MONTHS = 3  # forum.resources.queries.calendar: this month and the next two
BOOKING_STATES = ("accepted", "lent")  # forum.resources.models.BOOKING_STATES, as stored
PARIS = ZoneInfo("Europe/Paris")

PAGE_NAMES = ("home", "category", "thread", "fabrique", "directory", "catalogue", "resource", "practices",
              "practice", "search", "loans", "notifications", "agenda", "event", "agenda-feed")
EXIT_CANNOT_RUN = 2
_TRANSACTION_CONTROL = re.compile(r"\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b", re.IGNORECASE)


class BenchError(Exception):
    """The benchmark itself cannot run (as opposed to slow figures, which are only reported)."""


@dataclass(frozen=True)
class Page:
    name: str
    url: str  # path, e.g. /sujets/12
    members_only: bool = False


@dataclass(frozen=True)
class WrkResult:
    requests_per_s: float
    p50_ms: float
    p99_ms: float
    requests: int
    non_2xx: int
    socket_errors: int


@dataclass(frozen=True)
class PageFigures:
    page: Page
    wrk: WrkResult | None  # None: a members-only page, not measured anonymously
    queries: int | None
    member_wrk: WrkResult
    member_queries: int


# -- Command line ------------------------------------------------------------------------


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The options; the defaults finish a whole run (9 URLs with the ceiling twice) in about a minute."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=5, metavar="SECONDS",
                        help="wrk duration per URL (default: %(default)s)")
    parser.add_argument("--connections", type=int, default=8, metavar="N",
                        help="wrk concurrent connections (default: %(default)s)")
    parser.add_argument("--fresh", action="store_true",
                        help="rebuild the demo database instead of reusing the previous one")
    parser.add_argument("--only", action="append", choices=PAGE_NAMES, metavar="PAGE",
                        help=f"measure only this page (repeatable): {', '.join(PAGE_NAMES)}")
    parser.add_argument("--profile", action="store_true",
                        help="also profile each page in-process (cProfile, 50 GETs) and list its SQL")
    parser.add_argument("--no-page-cache", action="store_true",
                        help="serve with the anonymous page cache off: every request renders its page")
    parser.add_argument("--instance", type=Path, default=DEFAULT_INSTANCE,
                        help="instance folder of the demo database (default: bench/results/instance)")
    parser.add_argument("--postgresql", metavar="URL",
                        help="seed the demo into this PostgreSQL database (created if missing, EMPTIED "
                             "first) and serve from it, e.g. postgresql+psycopg://postgres@127.0.0.1/forum_bench")
    args = parser.parse_args(argv)
    if args.postgresql and not args.postgresql.startswith("postgresql"):
        parser.error("--postgresql takes a postgresql:// or postgresql+psycopg:// URL")
    if args.duration < 1 or args.connections < 1:
        parser.error("--duration and --connections must be at least 1")
    return args


def check_tools() -> str:
    """The path of wrk; BenchError with the install hint when wrk or gunicorn is missing."""
    wrk = shutil.which("wrk")
    if wrk is None:
        raise BenchError("wrk is missing: install it with `sudo apt-get install wrk` (Debian/Ubuntu).")
    if importlib.util.find_spec("gunicorn") is None:
        raise BenchError(f"gunicorn is missing from {sys.executable}: run `make install`.")
    return wrk


# -- Demo database -----------------------------------------------------------------------


def run_flask_command(instance: Path, *command: str) -> None:
    """Run ``flask --app wsgi <command>`` against ``instance``, echoing its output."""
    env = {**os.environ, "FORUM_INSTANCE_PATH": str(instance)}
    full = [sys.executable, "-m", "flask", "--app", "wsgi", *command]
    print(f"  $ FORUM_INSTANCE_PATH={instance} flask --app wsgi {' '.join(command)}", flush=True)
    completed = subprocess.run(full, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True)
    output = (completed.stdout + completed.stderr).strip()
    if completed.returncode != 0:
        tail = "\n".join(output.splitlines()[-15:])
        raise BenchError(f"`flask --app wsgi {' '.join(command)}` failed (exit {completed.returncode}):\n{tail}")
    for line in output.splitlines()[-3:]:
        print(f"    {line}")


def database_fingerprint() -> str:
    """A hash of the migrations and the demo seed: what the prepared database was built from."""
    digest = hashlib.sha256()
    for pattern in DATABASE_SOURCES:
        for path in sorted(PROJECT_ROOT.glob(pattern)):
            digest.update(str(path.relative_to(PROJECT_ROOT)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def prepare_database(instance: Path, fresh: bool, postgresql: str | None = None) -> Path | str:
    """Create and seed the demo database; reuse it unless ``fresh`` or stale. Returns its path (SQLite)
    or its URL (``postgresql``, which the flask commands and the servers inherit as FORUM_DATABASE_URL)."""
    if postgresql:
        return prepare_postgresql(instance, fresh, postgresql)
    database = instance / DATABASE_NAME
    marker = instance / SEEDED_MARKER
    fingerprint = database_fingerprint()
    if fresh and instance.exists():
        shutil.rmtree(instance)
    if marker.exists() and database.exists():
        if marker.read_text().strip() == fingerprint:
            print(f"Demo database: reusing {database} (--fresh to rebuild)")
            return database
        print("Demo database: the migrations or the demo seed changed since it was built.")
    if importlib.util.find_spec("forum.demo.seed") is None:
        raise BenchError("The demo seed (forum/demo/seed.py, `flask --app wsgi seed-demo`) is not there yet: "
                         "retry once it is.")
    print(f"Demo database: building {database}")
    if instance.exists():  # a half-prepared instance from an interrupted run
        shutil.rmtree(instance)
    instance.mkdir(parents=True)
    seed_demo(instance, marker, fingerprint)
    return database


def seed_demo(instance: Path, marker: Path, fingerprint: str) -> None:
    """Migrate and seed the (empty) database of ``instance``, then write ``marker``."""
    started = time.perf_counter()
    run_flask_command(instance, "init-db")
    run_flask_command(instance, "seed-demo")
    marker.write_text(fingerprint + "\n")
    print(f"  ready in {time.perf_counter() - started:.1f} s")


def prepare_postgresql(instance: Path, fresh: bool, url: str) -> str:
    """The demo seeded into the PostgreSQL database of ``url`` (created if missing, emptied first);
    reused while its marker in ``instance`` says it was built from the same sources for this URL."""
    import psycopg

    marker = instance / (SEEDED_MARKER + "-postgresql")
    fingerprint = f"{database_fingerprint()} {url}"
    plain = _libpq_url(url)
    if not fresh and marker.exists() and marker.read_text().strip() == fingerprint:
        print(f"Demo database: reusing {url} (--fresh to rebuild)")
        _analyze(plain)
        return url
    print(f"Demo database: building {url}")
    name = plain.rsplit("/", 1)[1].split("?")[0]
    with psycopg.connect(plain.rsplit("/", 1)[0] + "/postgres", autocommit=True) as server:
        if server.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is None:
            server.execute(f'CREATE DATABASE "{name}"')
    with psycopg.connect(plain, autocommit=True) as database:
        database.execute("DROP SCHEMA public CASCADE")
        database.execute("CREATE SCHEMA public")
    instance.mkdir(parents=True, exist_ok=True)
    seed_demo(instance, marker, fingerprint)
    _analyze(plain)
    return url


def _analyze(libpq_url: str) -> None:
    """Planner statistics, as autovacuum keeps them on a live database (a freshly seeded one has
    none, and its plans are not the ones production runs)."""
    import psycopg

    with psycopg.connect(libpq_url, autocommit=True) as database:
        database.execute("ANALYZE")


def _libpq_url(url: str) -> str:
    """A SQLAlchemy URL as libpq reads it (without the +driver)."""
    return "postgresql://" + url.split("://", 1)[1]


class _Connection:
    """The few read-only queries that pick the pages, on the SQLite file or the PostgreSQL database."""

    def __init__(self, database: Path | str):
        if isinstance(database, Path):
            self._connection, self._postgresql = sqlite3.connect(f"file:{database}?mode=ro", uri=True), False
        else:
            import psycopg

            self._connection, self._postgresql = psycopg.connect(_libpq_url(database), autocommit=True), True

    def execute(self, sql: str, parameters: tuple = ()):
        return self._connection.execute(sql.replace("?", "%s") if self._postgresql else sql, parameters)

    def close(self) -> None:
        self._connection.close()


def _missing_table_errors() -> tuple[type[Exception], ...]:
    try:
        import psycopg
    except ImportError:
        return (sqlite3.OperationalError,)
    return sqlite3.OperationalError, psycopg.errors.UndefinedTable


def pick_pages(database: Path | str, only: list[str] | None) -> tuple[list[Page], dict[str, str]]:
    """Real URLs from the database: the busiest category, fabrique, and longest thread; the catalogue pages.

    Also returns the pages skipped, each with the reason (the catalogue's, without resources).
    """
    connection = _Connection(database)
    try:
        def first(sql: str, what: str):
            row = connection.execute(sql).fetchone()
            if row is None:
                raise BenchError(f"The demo database has no {what}: rebuild it with --fresh.")
            return row

        category = first("SELECT slug FROM categories ORDER BY thread_count DESC, id LIMIT 1", "category")
        thread_id, post_count = first("SELECT id, post_count FROM threads ORDER BY post_count DESC, id LIMIT 1",
                                      "thread")
        fabrique = first(
            "SELECT f.slug FROM fabriques f ORDER BY "
            "(SELECT count(*) FROM threads t WHERE t.fabrique_id = f.id) DESC, "
            "(SELECT count(*) FROM memberships m WHERE m.fabrique_id = f.id AND m.status = 'active') DESC, "
            "f.id LIMIT 1", "fabrique")
        # The event with the most answers (its waiting list included): the agenda's busiest page.
        event = first("SELECT e.id FROM events e WHERE e.hidden_at IS NULL ORDER BY "
                      "(SELECT count(*) FROM event_rsvps r WHERE r.event_id = e.id) DESC, e.id LIMIT 1", "event")
        catalogue_pages, skipped = pick_catalogue_pages(connection, today_in_france())
        practice_pages = pick_practice_pages(connection, skipped)
    finally:
        connection.close()
    if post_count < POSTS_PER_PAGE:
        print(f"Warning: the longest thread has only {post_count} posts (a full page is {POSTS_PER_PAGE}).")
    pages = [
        Page("home", "/"),
        Page("category", f"/forum/{category[0]}"),
        Page("thread", f"/sujets/{thread_id}"),
        Page("fabrique", f"/fabriques/{fabrique[0]}"),
        Page("directory", "/fabriques"),
        *catalogue_pages,
        *practice_pages,
        Page(*SEARCH_PAGE),
        Page("agenda", "/agenda"),
        Page("event", f"/agenda/{event[0]}"),
        Page("agenda-feed", "/flux/agenda.atom"),
        *(Page(name, url, members_only=True) for name, url in MEMBER_PAGES),
    ]
    pages = [page for page in pages if not only or page.name in only]
    if not pages:
        raise BenchError(f"Nothing to measure: {', '.join(only or [])} skipped (see above).")
    return pages, skipped


def pick_member(database: Path | str) -> str:
    """The e-mail of the demo member the member column logs in as: a fabrique manager with the most
    loans (their /prets and notifications have something to show)."""
    connection = _Connection(database)
    try:
        row = connection.execute(
            "SELECT u.email FROM users u JOIN memberships m ON m.user_id = u.id AND m.status = 'active' "
            "AND m.role = 'manager' WHERE u.deleted_at IS NULL ORDER BY "
            "(SELECT count(*) FROM loans l WHERE l.owner_fabrique_id = m.fabrique_id "
            "OR l.borrower_fabrique_id = m.fabrique_id) DESC, "
            "(SELECT count(*) FROM notifications n WHERE n.user_id = u.id) DESC, u.id LIMIT 1").fetchone()
    finally:
        connection.close()
    if row is None:
        raise BenchError("The demo database has no fabrique manager: rebuild it with --fresh.")
    return row[0]


def pick_practice_pages(connection: _Connection, skipped: dict[str, str]) -> list[Page]:
    """The practices list filtered by a theme, and the most commented published report; none without reports."""
    try:
        row = connection.execute(
            "SELECT id FROM practices WHERE status = 'published' ORDER BY comment_count DESC, id LIMIT 1").fetchone()
        theme = connection.execute(
            "SELECT c.slug FROM practice_themes pt JOIN categories c ON c.id = pt.category_id "
            "GROUP BY c.slug ORDER BY count(*) DESC, c.slug LIMIT 1").fetchone()
    except _missing_table_errors() as error:  # a database from before the practices
        row, theme, reason = None, None, f"no practices table ({error})"
    else:
        reason = "no published practice report in the demo database"
    if row is None:
        skipped.update(practices=reason, practice=reason)
        return []
    listing = f"/pratiques?theme={theme[0]}&tri=utiles" if theme else "/pratiques"
    return [Page("practices", listing), Page("practice", f"/pratiques/{row[0]}")]


def today_in_france() -> date:
    """Today in Paris, as the app's calendars and date checks count it (forum.core.dates)."""
    return datetime.now(PARIS).date()


def calendar_window(today: date) -> tuple[date, date]:
    """First and last day shown by a resource page's availability calendar."""
    first = today.replace(day=1)
    month = first
    for _ in range(CALENDAR_MONTHS):
        month = (month + timedelta(days=32)).replace(day=1)
    return first, month - timedelta(days=1)


def pick_catalogue_pages(connection: _Connection, today: date) -> tuple[list[Page], dict[str, str]]:
    """The filtered catalogue and a booked equipment's page; none, and why, without resources."""
    try:
        equipment = connection.execute("SELECT count(*) FROM resources WHERE kind = 'equipement'").fetchone()[0]
    except _missing_table_errors() as error:  # a database from before the catalogue
        equipment, reason = 0, f"no resources table ({error})"
    else:
        reason = "no equipment in the catalogue (the demo seed has no catalogue step yet?)"
    if not equipment:
        print(f"Skipped: the catalogue and resource pages: {reason}. "
              "Retry with --fresh once the demo seed lists resources.")
        return [], {"catalogue": reason, "resource": reason}

    region, in_region = connection.execute(
        "SELECT f.region_code, count(*) FROM resources r JOIN fabriques f ON f.id = r.fabrique_id "
        "WHERE r.kind = 'equipement' AND NOT r.paused GROUP BY f.region_code "
        "ORDER BY count(*) DESC, f.region_code LIMIT 1").fetchone() or (None, 0)
    available_from = today + timedelta(days=CATALOGUE_FROM_DAYS)
    available_to = today + timedelta(days=CATALOGUE_TO_DAYS)
    catalogue_url = (f"/ressources?type=equipement{f'&region={region}' if region else ''}"
                     f"&du={available_from.isoformat()}&au={available_to.isoformat()}")

    # The equipment with the most accepted or running loans in the calendar's three months.
    first_day, last_day = calendar_window(today)
    states = ", ".join(f"'{state}'" for state in BOOKING_STATES)
    resource_id, bookings = connection.execute(
        "SELECT r.id, (SELECT count(*) FROM loans l WHERE l.resource_id = r.id "
        f"AND l.state IN ({states}) AND l.start_date <= ? AND l.end_date >= ?) AS booked "
        "FROM resources r WHERE r.kind = 'equipement' ORDER BY booked DESC, r.id LIMIT 1",
        (last_day.isoformat(), first_day.isoformat())).fetchone()
    print(f"Catalogue: equipment of region {region} ({in_region} listed there), free from {available_from} "
          f"to {available_to}; resource {resource_id}: {bookings} accepted or running loans in its calendar "
          f"({first_day} to {last_day}).")
    if not bookings:
        print("Warning: no equipment has accepted loans in the coming three months: "
              "the resource page's calendar shows no booking.")
    return [Page("catalogue", catalogue_url), Page("resource", f"/ressources/{resource_id}")], {}


# -- In-process: SQL statements and profile -----------------------------------------------


class SqlRecorder:
    """Records the statements an engine runs (``before/after_cursor_execute``) and their time, and
    the direct reads (forum.core.direct_reads), which SQLAlchemy's events do not see (untimed)."""

    def __init__(self, engine):
        self.engine = engine
        self.statements: list[str] = []
        self.seconds = 0.0
        self._started = 0.0

    def __enter__(self) -> "SqlRecorder":
        from sqlalchemy import event

        from forum.core import direct_reads

        event.listen(self.engine, "before_cursor_execute", self._before)
        event.listen(self.engine, "after_cursor_execute", self._after)
        direct_reads.listeners.append(self._direct)
        return self

    def __exit__(self, *exc_info) -> None:
        from sqlalchemy import event

        from forum.core import direct_reads

        event.remove(self.engine, "before_cursor_execute", self._before)
        event.remove(self.engine, "after_cursor_execute", self._after)
        direct_reads.listeners.remove(self._direct)

    def _direct(self, statement, parameters):
        self.statements.append(statement)

    def _before(self, connection, cursor, statement, parameters, context, executemany):
        self.statements.append(statement)
        self._started = time.perf_counter()

    def _after(self, connection, cursor, statement, parameters, context, executemany):
        self.seconds += time.perf_counter() - self._started

    def reset(self) -> None:
        self.statements.clear()
        self.seconds = 0.0

    @property
    def queries(self) -> list[str]:
        """The statements, transaction control (the app's explicit BEGIN) left out."""
        return [s for s in self.statements if not _TRANSACTION_CONTROL.match(s)]


def count_queries(instance: Path, pages: list[Page], profile: bool, member: str | None = None) -> dict[str, int]:
    """SQL statements of one GET of each page that renders it (page cache off), BEGIN excluded:
    anonymous, or as ``member`` (logged in through the login form first)."""
    from forum import create_app
    from forum.extensions import db

    app = create_app({"INSTANCE_PATH": str(instance), "PAGE_CACHE_ENABLED": False,
                      "SESSION_COOKIE_SECURE": False, "RATELIMIT_ENABLED": False})
    with app.app_context():
        engine = db.engine
    client = app.test_client()
    if member is not None:
        login_in_process(client, member)
    counts: dict[str, int] = {}
    try:
        with SqlRecorder(engine) as recorder:
            for page in pages:
                if page.members_only and member is None:
                    continue
                client.get(page.url)  # warm-up: template compilation, first connection (and a first reading)
                recorder.reset()
                response = client.get(page.url)
                if response.status_code != 200:
                    raise BenchError(f"GET {page.url} answered {response.status_code} in-process.")
                counts[page.name] = len(recorder.queries)
                if profile:
                    print_profile(client, page, recorder)
    finally:
        engine.dispose()
    return counts


def _csrf_token(html: str) -> str:
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
    if match is None:
        raise BenchError("The login page has no CSRF token.")
    return match.group(1)


def login_in_process(client, email: str) -> None:
    token = _csrf_token(client.get("/connexion").get_data(as_text=True))
    response = client.post("/connexion", data={"csrf_token": token, "email": email, "password": DEMO_PASSWORD})
    if response.status_code != 302:
        raise BenchError(f"Could not log in as {email} in-process ({response.status_code}).")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def login_cookie(base_url: str, email: str) -> str:
    """Log in through the served login form; the ``Cookie`` header value of the member's session."""
    opener = urllib.request.build_opener(_NoRedirect)
    with opener.open(base_url + "/connexion", timeout=30) as response:
        cookie = _session_cookie(response.headers)
        token = _csrf_token(response.read().decode())
    data = urllib.parse.urlencode({"csrf_token": token, "email": email, "password": DEMO_PASSWORD}).encode()
    request = urllib.request.Request(base_url + "/connexion", data=data,
                                     headers={"Cookie": cookie, "Referer": base_url + "/connexion"})
    try:
        opener.open(request, timeout=30)
        raise BenchError(f"Logging in as {email} did not redirect.")
    except urllib.error.HTTPError as answer:  # the 302 that a logged-in member gets
        if answer.code != 302:
            raise BenchError(f"Logging in as {email} answered {answer.code}.") from None
        cookie = _session_cookie(answer.headers)
    # The first page shows the login's « Bonjour », and so changes the session: a browser keeps the
    # cookie of that answer. Measured with the login's own, every page would show it again.
    with opener.open(urllib.request.Request(base_url + "/", headers={"Cookie": cookie}), timeout=30) as response:
        return _session_cookie(response.headers, default=cookie)


def _session_cookie(headers, default: str | None = None) -> str:
    for value in headers.get_all("Set-Cookie") or []:
        if value.startswith(SESSION_COOKIE + "="):
            return value.split(";", 1)[0]
    if default is not None:
        return default
    raise BenchError("The forum set no session cookie.")


def print_profile(client, page: Page, recorder: SqlRecorder, requests: int = 50) -> None:
    """Time ``requests`` in-process GETs of ``page``: its SQL, and the project's code by cumulative time."""
    queries = recorder.queries
    recorder.reset()
    started = time.perf_counter()
    for _ in range(requests):
        client.get(page.url)
    per_request_ms = (time.perf_counter() - started) * 1000 / requests
    sql_ms = recorder.seconds * 1000 / requests
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(requests):
        client.get(page.url)
    profiler.disable()
    print(f"\n== {page.name} {page.url}: {per_request_ms:.1f} ms/request in-process, "
          f"of which {sql_ms:.1f} ms in {len(queries)} SQL statements")
    for statement in queries:
        print("   SQL " + " ".join(statement.split())[:140])
    buffer = io.StringIO()
    stats = pstats.Stats(profiler, stream=buffer).sort_stats("cumulative")
    stats.print_stats(r"/(forum|templates)/", 15)  # the project's functions and templates only
    lines = buffer.getvalue().splitlines()
    start = next((i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls")), 0)
    print(f"   cProfile of {requests} GETs (project code, by cumulative time; profiling slows it down):")
    print("\n".join("   " + line.replace(str(PROJECT_ROOT) + "/", "") for line in lines[start:] if line.strip()))


# -- Servers -----------------------------------------------------------------------------


def free_port() -> int:
    """A TCP port that is free on loopback right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def wait_until_healthy(process: subprocess.Popen, base_url: str, log_path: Path, timeout: float = 30) -> None:
    """Poll ``/healthz`` until it answers 200; BenchError if the server dies or stays silent."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchError(f"gunicorn exited ({process.returncode}) before answering; "
                             f"see {log_path}:\n{log_tail(log_path)}")
        try:
            with urllib.request.urlopen(base_url + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    raise BenchError(f"{base_url}/healthz did not answer 200 within {timeout:.0f} s; see {log_path}")


def log_tail(path: Path, lines: int = 15) -> str:
    """The last lines of a server's log, to explain why it did not start."""
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def stop_server(process: subprocess.Popen, grace: float = 10) -> None:
    """Stop a gunicorn master and its workers: SIGTERM to its process group, SIGKILL after ``grace``.

    The server was started in its own session, so its process group holds exactly
    the master and the workers it forked.
    """
    group = process.pid
    if process.poll() is None:
        _signal_group(group, signal.SIGTERM)
        try:
            process.wait(grace)
        except subprocess.TimeoutExpired:
            _signal_group(group, signal.SIGKILL)
            process.wait()
    # Workers orphaned by a master that died hard would still hold the group.
    _signal_group(group, signal.SIGKILL)


def _signal_group(group: int, signum: int) -> None:
    """Signal a process group that may already be gone."""
    try:
        os.killpg(group, signum)
    except (ProcessLookupError, PermissionError):
        pass


@contextmanager
def gunicorn_server(name: str, app_spec: str, cwd: Path, env: dict[str, str]) -> Iterator[str]:
    """Serve ``app_spec`` with ``gunicorn -w 2`` on a free loopback port; yield its base URL."""
    port = free_port()
    base_url = f"http://{HOST}:{port}"
    log_path = RESULTS_DIR / f"gunicorn-{name}.log"
    command = [sys.executable, "-m", "gunicorn", "-w", str(WORKERS), "-b", f"{HOST}:{port}", app_spec]
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    try:
        wait_until_healthy(process, base_url, log_path)
        print(f"Serving {name} at {base_url} (gunicorn pid {process.pid}, {WORKERS} workers)")
        yield base_url
        memory = ", ".join(f"{rss_kb / 1024:.0f} MB" for rss_kb in workers_resident_kb(process.pid))
        print(f"Resident memory of each {name} worker after its runs: {memory or 'unknown'}")
    finally:
        stop_server(process)


def workers_resident_kb(master_pid: int) -> list[int]:
    """The resident memory (VmRSS, kB) of each worker a gunicorn master forked (Linux /proc)."""
    try:
        children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    except OSError:
        return []
    sizes = []
    for child in children:
        try:
            status = Path(f"/proc/{child}/status").read_text()
        except OSError:
            continue
        match = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
        if match:
            sizes.append(int(match.group(1)))
    return sizes


def warm_up(url: str, requests: int = 20, cookie: str = "") -> None:
    """A few GETs so that every worker has compiled its templates before wrk starts."""
    try:
        for _ in range(requests):
            request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
            with urllib.request.urlopen(request, timeout=10) as response:
                response.read()
    except urllib.error.HTTPError as error:
        raise BenchError(f"GET {url} answered {error.code}") from None
    except (urllib.error.URLError, OSError) as error:
        raise BenchError(f"GET {url} failed: {error}") from None


# -- wrk ---------------------------------------------------------------------------------

_UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


def _duration_ms(text: str) -> float:
    """wrk's "812.00us", "5.12ms", "1.02s" in milliseconds."""
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text)
    if match is None:
        raise BenchError(f"Unexpected wrk latency: {text!r}")
    return float(match.group(1)) * _UNIT_MS[match.group(2)]


def parse_wrk(output: str) -> WrkResult:
    """Requests/s, p50, p99 and error counts from ``wrk --latency`` output."""
    def search(pattern: str) -> re.Match | None:
        return re.search(pattern, output, re.MULTILINE)

    rate = search(r"^Requests/sec:\s+([\d.]+)")
    p50 = search(r"^\s+50%\s+(\S+)")
    p99 = search(r"^\s+99%\s+(\S+)")
    total = search(r"^\s+(\d+) requests in")
    if not (rate and p50 and p99 and total):
        raise BenchError(f"Could not read wrk's output:\n{output}")
    non_2xx = search(r"Non-2xx or 3xx responses:\s+(\d+)")
    sockets = search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")
    return WrkResult(
        requests_per_s=float(rate.group(1)),
        p50_ms=_duration_ms(p50.group(1)),
        p99_ms=_duration_ms(p99.group(1)),
        requests=int(total.group(1)),
        non_2xx=int(non_2xx.group(1)) if non_2xx else 0,
        socket_errors=sum(int(n) for n in sockets.groups()) if sockets else 0,
    )


def run_wrk(wrk: str, url: str, duration: int, connections: int, cookie: str = "") -> WrkResult:
    """Load ``url`` for ``duration`` seconds with ``connections`` connections (as the member of ``cookie``)."""
    threads = min(2, connections)
    command = [wrk, f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    try:
        completed = subprocess.run(command, capture_output=True, text=True, timeout=duration + 60)
    except subprocess.TimeoutExpired:
        raise BenchError(f"wrk did not finish on {url}") from None
    if completed.returncode != 0:
        raise BenchError(f"wrk failed on {url}:\n{completed.stderr or completed.stdout}")
    return parse_wrk(completed.stdout)


def measure(wrk: str, label: str, base_url: str, path: str, args: argparse.Namespace, cookie: str = "") -> WrkResult:
    """Warm the URL up, then measure it; errors are reported on the console."""
    url = base_url + path
    warm_up(url, cookie=cookie)
    print(f"  {label:<16} {'member' if cookie else 'anonymous':<9} {path} ...", flush=True)
    result = run_wrk(wrk, url, args.duration, args.connections, cookie)
    if result.non_2xx or result.socket_errors:
        print(f"    warning: {result.non_2xx} non-2xx responses, {result.socket_errors} socket errors")
    return result


def mean_of(first: WrkResult, second: WrkResult) -> WrkResult:
    """The ceiling measured before and after the pages, averaged: drift from other load shows less."""
    return WrkResult(
        requests_per_s=(first.requests_per_s + second.requests_per_s) / 2,
        p50_ms=(first.p50_ms + second.p50_ms) / 2,
        p99_ms=(first.p99_ms + second.p99_ms) / 2,
        requests=first.requests + second.requests,
        non_2xx=first.non_2xx + second.non_2xx,
        socket_errors=first.socket_errors + second.socket_errors,
    )


# -- Report ------------------------------------------------------------------------------


def _share(wrk: WrkResult | None, ceiling: WrkResult) -> str:
    return "-" if wrk is None else f"{wrk.requests_per_s / ceiling.requests_per_s:.1%}".replace("%", " %")


def print_table(ceiling: WrkResult, figures: list[PageFigures]) -> None:
    """Per page: anonymous and member req/s, their share of the bare-Flask ceiling, p50, SQL statements."""
    header = ("page", "URL", "anon req/s", "anon share", "member req/s", "member share", "member p50 ms",
              "member p99 ms", "SQL anon", "SQL member")
    rows = [("hello (ceiling)", "/", f"{ceiling.requests_per_s:,.0f}", "100 %", "", "", f"{ceiling.p50_ms:.1f}",
             f"{ceiling.p99_ms:.1f}", "-", "-")]
    for item in figures:
        rows.append((
            item.page.name, item.page.url,
            "-" if item.wrk is None else f"{item.wrk.requests_per_s:,.0f}", _share(item.wrk, ceiling),
            f"{item.member_wrk.requests_per_s:,.0f}", _share(item.member_wrk, ceiling),
            f"{item.member_wrk.p50_ms:.1f}", f"{item.member_wrk.p99_ms:.1f}",
            "-" if item.queries is None else str(item.queries), str(item.member_queries),
        ))
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header))]
    left = {0, 1}

    def line(row) -> str:
        return "  ".join(cell.ljust(w) if i in left else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths)))

    print()
    print(line(header))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(line(row))
    print("SQL: statements of one GET that renders the page (page cache off), in-process (Flask test "
          "client), the BEGIN of each transaction not counted. An anonymous cache hit costs 1.")


def print_targets(ceiling: WrkResult, figures: list[PageFigures], skipped: dict[str, str]) -> None:
    """Say whether each page meets its budget (never fails the run), and how far it is from 1/3."""
    print(f"\nTargets: members >= {MEMBER_TARGETS['thread']:.0%} of the ceiling ({MEMBER_TARGETS['search']:.0%} "
          f"for search), anonymous >= {ANONYMOUS_TARGET:.0%}, <= {TARGET_QUERIES} SQL statements; "
          "where we want to be: 1/3 of the ceiling for members")
    measured = {item.page.name: item for item in figures}
    width = max(len(name) for name in PAGE_NAMES)
    for name in PAGE_NAMES:
        item = measured.get(name)
        if item is None:
            print(f"  {name:<{width}}  " + (f"skipped: {skipped[name]}" if name in skipped
                                            else "not measured in this run"))
            continue
        member = item.member_wrk.requests_per_s / ceiling.requests_per_s
        target = MEMBER_TARGETS.get(name)
        anonymous = None if item.wrk is None else item.wrk.requests_per_s / ceiling.requests_per_s
        checks = [member >= target if target else True,
                  anonymous is None or anonymous >= ANONYMOUS_TARGET,
                  item.member_queries <= TARGET_QUERIES and (item.queries or 0) <= TARGET_QUERIES]
        verdict = "MET" if all(checks) else "NOT MET"
        print(f"  {name:<{width}}  {verdict:<7}  member {member:.1%}"
              + (f" (target {target:.0%})" if target else "")
              + f", {max(1 / 3 / member, 1):.1f}x from 1/3"
              + ("" if anonymous is None else f"; anonymous {anonymous:.1%}")
              + f"; SQL {item.queries if item.queries is not None else '-'} / {item.member_queries}")


def print_conditions(hello_before: WrkResult, hello_after: WrkResult, load_before: float) -> None:
    """How trustworthy the figures are: CPUs, other load, drift of the ceiling during the run."""
    cpus = os.cpu_count() or 1
    drift = abs(hello_after.requests_per_s - hello_before.requests_per_s) / max(hello_before.requests_per_s, 1)
    print(f"\nCeiling: {hello_before.requests_per_s:,.0f} req/s before the pages, "
          f"{hello_after.requests_per_s:,.0f} after (the table uses the mean). "
          f"{cpus} CPUs shared by wrk and the servers; load average {load_before:.1f} before the run.")
    if drift > 0.2 or load_before > cpus / 2:
        print("Warning: the machine was busy with other work (or the ceiling drifted by "
              f"{drift:.0%}): compare the fractions between runs, not the raw req/s.")


def save_results(args: argparse.Namespace, ceiling: WrkResult, figures: list[PageFigures]) -> Path:
    """Keep the figures as JSON next to the logs, to compare runs."""
    path = RESULTS_DIR / ("pages-postgresql.json" if args.postgresql else "pages.json")
    data = {
        "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "duration_s": args.duration, "connections": args.connections, "workers": WORKERS,
        "cpus": os.cpu_count(),
        "ceiling": asdict(ceiling),
        "page_cache": not args.no_page_cache,
        "database": "postgresql" if args.postgresql else "sqlite",
        "pages": [{"name": f.page.name, "url": f.page.url, "queries": f.queries,
                   "wrk": asdict(f.wrk) if f.wrk else None, "member_queries": f.member_queries,
                   "member_wrk": asdict(f.member_wrk)} for f in figures],
    }
    path.write_text(json.dumps(data, indent=2) + "\n")
    return path


# -- Main --------------------------------------------------------------------------------


def run(args: argparse.Namespace) -> None:
    """Prepare, count, serve, measure, report; BenchError when something needed is missing."""
    wrk = check_tools()
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    instance = args.instance.resolve()
    if args.postgresql:  # inherited by the flask commands, the in-process app and the servers
        os.environ["FORUM_DATABASE_URL"] = args.postgresql
    database = prepare_database(instance, args.fresh, args.postgresql)
    pages, skipped = pick_pages(database, args.only)
    member = pick_member(database)

    print("Counting SQL statements in-process (Flask test client, anonymous GETs)...", flush=True)
    queries = count_queries(instance, pages, args.profile)
    print(f"Counting SQL statements in-process as the member {member}...", flush=True)
    member_queries = count_queries(instance, pages, args.profile, member=member)

    load_before = os.getloadavg()[0]
    forum_env = {**os.environ, "FORUM_INSTANCE_PATH": str(instance), "FORUM_SESSION_COOKIE_SECURE": "false",
                 "FORUM_PAGE_CACHE_ENABLED": "false" if args.no_page_cache else "true"}
    print("Anonymous page cache:", "off (every request renders)" if args.no_page_cache else
          "on (a request reads the version counter, renders only after a change)")
    with ExitStack() as servers:
        hello_url = servers.enter_context(gunicorn_server("hello", "hello_app:app", BENCH_DIR, dict(os.environ)))
        forum_url = servers.enter_context(gunicorn_server("forum", "wsgi:app", PROJECT_ROOT, forum_env))
        print(f"Measuring with wrk ({args.duration} s per URL, {args.connections} connections):")
        cookie = login_cookie(forum_url, member)
        hello_before = measure(wrk, "hello (ceiling)", hello_url, "/", args)
        figures = [PageFigures(
            page,
            None if page.members_only else measure(wrk, page.name, forum_url, page.url, args),
            queries.get(page.name),
            measure(wrk, page.name, forum_url, page.url, args, cookie),
            member_queries[page.name],
        ) for page in pages]
        hello_after = measure(wrk, "hello (ceiling)", hello_url, "/", args)
    ceiling = mean_of(hello_before, hello_after)

    print_table(ceiling, figures)
    print_targets(ceiling, figures, skipped)
    print_conditions(hello_before, hello_after, load_before)
    print(f"Figures saved to {save_results(args, ceiling, figures).relative_to(PROJECT_ROOT)}")


def main(argv: list[str] | None = None) -> int:
    """Exit status: 0 whatever the figures; 2 when the benchmark could not run; 130 on Ctrl-C."""
    args = parse_args(argv)
    for name, value in SITE_SETTINGS.items():  # inherited by the flask commands and the gunicorn servers
        os.environ.setdefault(name, value)
    # A plain `kill` must run the finally blocks that stop the servers, like Ctrl-C does.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    try:
        run(args)
    except BenchError as error:
        print(f"\nbench: {error}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    except KeyboardInterrupt:
        print("\nbench: interrupted; servers stopped.", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(PROJECT_ROOT))  # `forum` even without the editable install
    sys.exit(main())
