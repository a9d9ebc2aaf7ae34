"""A load test of the production shape: members at work on gunicorn, PostgreSQL and Redis.

A benchmark, not a test: it prints figures and exits 0 when the run went through, whatever they
are; it exits 1 when the database checks after the run find an inconsistency or requests failed,
and 2 when it cannot run (no PostgreSQL, no Locust…).

What it does, on loopback only (127.0.0.1):

1. creates a fresh PostgreSQL database (``forum_load`` by default), migrates it, seeds the demo
   and builds the search index in ``bench/results/load/instance``;
2. picks its cast in the database: the managers of the fabriques that lend the most, members of
   other fabriques who borrow, a few busy threads everyone replies to;
3. serves the forum with gunicorn (4 workers), the rate limits kept in Redis as in production;
4. runs Locust headless (``bench/load_members.py``): 16 members log in through the form and, for
   10 minutes, read threads and the catalogue, search, reply (one reply in five double-clicked),
   thank, request loans, accept, decline and cancel them;
5. prints requests/s, p50/p95/p99 per kind of request and the failures, then checks the
   database: no duplicate post or pending request, every loan's history one chain of moves
   ending in its state, no day lent beyond the stock, every counter equal to its recount, and
   ``flask search check`` clean once ``flask search sync`` has run.

The abuse limits are raised for the run (members here act every second or so, faster than
people do); the tests check the limits themselves.

Usage: ``make bench-load`` or ``.venv/bin/python bench/load.py [--duration 600] [--users 16]
[--workers 4] [--database-url postgresql+psycopg://postgres@127.0.0.1:5432/forum_load]``.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = BENCH_DIR.parent
RESULTS = BENCH_DIR / "results" / "load"
HOST = "127.0.0.1"
EXIT_INCONSISTENT, EXIT_CANNOT_RUN = 1, 2

# Members act every 0.5–2 s here: the limits people never reach are raised so that the run
# measures the application, not the limiter.
RAISED_LIMITS = {
    "FORUM_POSTING_LIMIT": "1000 per minute",
    "FORUM_NEW_MEMBER_THREAD_LIMIT": "1000 per day",
    "FORUM_NEW_MEMBER_REPLY_LIMIT": "1000 per day",
    "FORUM_LOAN_REQUEST_LIMIT": "1000 per hour",
    "FORUM_LOAN_MESSAGE_LIMIT": "1000 per hour",
    "FORUM_FLAG_LIMIT": "1000 per hour",
}


WORKER_SETTLE_SECONDS = 3


class CannotRun(Exception):
    pass


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=600, metavar="SECONDS")
    parser.add_argument("--users", type=int, default=16)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    parser.add_argument("--database-url", default="postgresql+psycopg://postgres@127.0.0.1:5432/forum_load")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/9",
                        help="the rate limits' storage (emptied first)")
    return parser.parse_args(argv)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def app_environment(args, instance: Path, site_url: str) -> dict[str, str]:
    return {
        **os.environ, **RAISED_LIMITS,
        "FORUM_INSTANCE_PATH": str(instance),
        "FORUM_DATABASE_URL": args.database_url,
        "FORUM_RATELIMIT_STORAGE_URI": args.redis_url,
        "FORUM_SITE_URL": site_url,
        "FORUM_SESSION_COOKIE_SECURE": "false",  # plain http on loopback
        "FORUM_MAIL_BACKEND": "file",
        "FORUM_MAIL_FILE_PATH": str(instance / "mail"),
    }


def flask(env: dict[str, str], *command: str, check: bool = True) -> subprocess.CompletedProcess:
    print(f"  $ flask --app wsgi {' '.join(command)}", flush=True)
    completed = subprocess.run([sys.executable, "-m", "flask", "--app", "wsgi", *command], cwd=PROJECT_ROOT,
                               env=env, capture_output=True, text=True)
    if check and completed.returncode != 0:
        raise CannotRun(f"flask {' '.join(command)} failed:\n{(completed.stdout + completed.stderr)[-3000:]}")
    return completed


def fresh_database(url: str) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    target = make_url(url)
    admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{target.database}" WITH (FORCE)'))
            connection.execute(text(f'CREATE DATABASE "{target.database}"'))
    except Exception as error:  # noqa: BLE001 - reported as "cannot run"
        raise CannotRun(f"PostgreSQL is not reachable at {target.render_as_string()}: {error}") from None
    finally:
        admin.dispose()


def empty_redis(url: str) -> None:
    try:
        import redis
    except ImportError:
        raise CannotRun("the redis client is missing: run `make bench-load` (installs '.[bench]')") from None
    try:
        redis.Redis.from_url(url).flushdb()
    except redis.RedisError as error:
        raise CannotRun(f"Redis is not reachable at {url}: {error}") from None


def pick_cast(url: str, users: int) -> dict:
    """Who plays: managers of the three fabriques that lend most (two each where they have two),
    members of other fabriques who borrow; the threads read, the busy threads written to."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(text(
            "SELECT r.fabrique_id, count(*) FROM resources r WHERE r.kind IN ('equipement', 'espace') "
            "AND NOT r.paused AND r.hidden_at IS NULL GROUP BY r.fabrique_id ORDER BY count(*) DESC, r.fabrique_id "
            "LIMIT 3")).all()
        lenders = [row[0] for row in rows]
        managers = connection.execute(text(
            "SELECT u.email, u.display_name, m.fabrique_id FROM users u JOIN memberships m ON m.user_id = u.id "
            "WHERE m.role = 'manager' AND m.status = 'active' AND m.fabrique_id = ANY(:lenders) "
            "AND u.deleted_at IS NULL AND u.suspended_at IS NULL ORDER BY m.fabrique_id, u.id"),
            {"lenders": lenders}).all()
        per_fabrique: dict[int, list] = {}
        for row in managers:
            per_fabrique.setdefault(row.fabrique_id, []).append(row)
        cast = [{"email": row.email, "name": row.display_name, "fabrique_id": row.fabrique_id, "manager": True,
                 "borrower": False} for rows_ in per_fabrique.values() for row in rows_[:2]]
        borrowers = connection.execute(text(
            "SELECT u.email, u.display_name, m.fabrique_id FROM users u JOIN memberships m ON m.user_id = u.id "
            "WHERE m.status = 'active' AND NOT (m.fabrique_id = ANY(:lenders)) AND u.deleted_at IS NULL "
            "AND u.suspended_at IS NULL AND u.role = 'member' ORDER BY u.id LIMIT :count"),
            {"lenders": lenders, "count": max(users - len(cast), 0)}).all()
        cast += [{"email": row.email, "name": row.display_name, "fabrique_id": row.fabrique_id, "manager": False,
                  "borrower": True} for row in borrowers]
        resources = [{"id": row.id, "fabrique_id": row.fabrique_id, "max_days": row.max_days}
                     for row in connection.execute(text(
            "SELECT id, fabrique_id, coalesce(max_loan_days, 90) AS max_days FROM resources "
            "WHERE fabrique_id = ANY(:lenders) AND kind IN "
            "('equipement', 'espace') AND NOT paused AND hidden_at IS NULL ORDER BY id"), {"lenders": lenders})]
        threads = list(connection.execute(text(
            "SELECT id FROM threads WHERE hidden_at IS NULL AND merged_into_id IS NULL "
            "ORDER BY post_count DESC, id LIMIT 60")).scalars())
        busy = list(connection.execute(text(
            "SELECT id FROM threads WHERE hidden_at IS NULL AND merged_into_id IS NULL AND NOT is_locked "
            "ORDER BY last_post_at DESC, id LIMIT 4")).scalars())
    engine.dispose()
    if len(cast) < users:
        raise CannotRun(f"the demo has only {len(cast)} members fit for the cast ({users} asked)")
    return {"members": cast[:users], "resources": resources, "threads": threads, "busy_threads": busy}


def wait_until_up(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise CannotRun(f"gunicorn exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise CannotRun("gunicorn did not answer /healthz within a minute")


def run_locust(args, site_url: str, cast_file: Path) -> Path:
    prefix = RESULTS / "locust"
    command = [sys.executable, "-m", "locust", "-f", str(BENCH_DIR / "load_members.py"), "--headless",
               "--users", str(args.users), "--spawn-rate", str(args.users), "--run-time", f"{args.duration}s",
               "--host", site_url, "--csv", str(prefix), "--only-summary", "--exit-code-on-error", "0",
               "--stop-timeout", "10", "--loglevel", "WARNING"]
    print(f"  $ locust --headless --users {args.users} --run-time {args.duration}s …", flush=True)
    completed = subprocess.run(command, cwd=PROJECT_ROOT, env={**os.environ, "FORUM_LOAD_CAST": str(cast_file)},
                               capture_output=True, text=True)
    (RESULTS / "locust.log").write_text(completed.stdout + completed.stderr)
    if completed.returncode != 0:
        raise CannotRun(f"locust failed ({completed.returncode}):\n{(completed.stdout + completed.stderr)[-3000:]}")
    return prefix


def print_figures(prefix: Path, duration: int) -> int:
    """The per-kind table from Locust's CSV; returns the number of failed requests."""
    with open(f"{prefix}_stats.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    print(f"\n{'kind':<22} {'requests':>9} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'failures':>9}")
    failures = 0
    for row in rows:
        name = row["Name"] if row["Name"] != "Aggregated" else "all requests"
        if row["Name"] == "Aggregated":
            print("-" * 74)
        print(f"{name:<22} {row['Request Count']:>9} {float(row['Requests/s']):>7.1f} {row['50%']:>7} "
              f"{row['95%']:>7} {row['99%']:>7} {row['Failure Count']:>9}")
        if row["Name"] == "Aggregated":
            failures = int(row["Failure Count"])
    with open(f"{prefix}_failures.csv", newline="") as handle:
        for row in list(csv.DictReader(handle))[:20]:
            print(f"  failure ×{row['Occurrences']}: {row['Method']} {row['Name']}: {row['Error'][:300]}")
    return failures


_ACCESS_LINE = re.compile(r'"POST (?P<path>\S+) HTTP/[0-9.]+" (?P<status>\d{3}) ')


def print_write_outcomes(access_log: Path) -> None:
    """How the server answered the POSTs (gunicorn's access log): 409s are races lost, as they should be."""
    outcomes: Counter[tuple[str, str]] = Counter()
    for line in access_log.read_text(errors="replace").splitlines():
        if found := _ACCESS_LINE.search(line):
            kind = re.sub(r"/[0-9]+", "/…", found["path"].split("?")[0])
            outcomes[kind, found["status"]] += 1
    print("\nAnswers to the POSTs (from the server's access log):")
    for (kind, status), count in sorted(outcomes.items()):
        print(f"  {kind:<32} {status} ×{count}")


CHECKS = {
    "duplicate posts written during the run (same thread, author and text)":
        "SELECT count(*) FROM (SELECT 1 FROM posts WHERE deleted_at IS NULL AND created_at >= :since "
        "GROUP BY thread_id, author_id, body_source HAVING count(*) > 1) AS duplicates",
    "duplicate pending loan requests":
        "SELECT count(*) FROM (SELECT 1 FROM loans WHERE state = 'requested' GROUP BY resource_id, "
        "borrower_fabrique_id, start_date, end_date HAVING count(*) > 1) AS duplicates",
    "loans with two moves out of one state":
        "SELECT count(*) FROM (SELECT 1 FROM loan_events GROUP BY loan_id, from_state HAVING count(*) > 1) AS twice",
    "loans whose last move does not end in their state":
        "SELECT count(*) FROM loans l WHERE l.state <> (SELECT e.to_state FROM loan_events e "
        "WHERE e.loan_id = l.id ORDER BY e.id DESC LIMIT 1)",
    "moves that do not start where the previous one ended":
        "SELECT count(*) FROM (SELECT from_state, lag(to_state) OVER (PARTITION BY loan_id ORDER BY id) AS before, "
        "row_number() OVER (PARTITION BY loan_id ORDER BY id) AS number FROM loan_events) AS moves "
        "WHERE (number = 1 AND from_state IS NOT NULL) OR (number > 1 AND from_state IS DISTINCT FROM before)",
    "days lent beyond the stock":
        "SELECT count(*) FROM (SELECT r.id, d.day FROM resources r JOIN loans l ON l.resource_id = r.id "
        "AND l.state IN ('accepted', 'lent') CROSS JOIN LATERAL generate_series(l.start_date, l.end_date, "
        "interval '1 day') AS d(day) GROUP BY r.id, r.quantity, d.day HAVING sum(l.quantity) > r.quantity) AS over",
    "threads whose post count differs from their posts":
        "SELECT count(*) FROM threads t WHERE t.post_count <> (SELECT count(*) FROM posts p WHERE p.thread_id = t.id)",
    "threads whose hidden reply count differs from a recount":
        "SELECT count(*) FROM threads t WHERE t.hidden_reply_count <> (SELECT count(*) FROM posts p "
        "WHERE p.thread_id = t.id AND p.position > 1 AND p.hidden_at IS NOT NULL AND p.deleted_at IS NULL)",
    "positions not dense in a thread":
        "SELECT count(*) FROM threads t WHERE (SELECT count(DISTINCT p.position) FROM posts p "
        "WHERE p.thread_id = t.id) <> t.post_count OR (SELECT max(p.position) FROM posts p "
        "WHERE p.thread_id = t.id) <> t.post_count",
    "categories whose post count differs from a recount":
        "SELECT count(*) FROM categories c WHERE c.post_count <> (SELECT count(*) FROM posts p "
        "JOIN threads t ON t.id = p.thread_id WHERE t.category_id = c.id AND t.hidden_at IS NULL)",
    "posts whose thanks differ from a recount":
        "SELECT count(*) FROM posts p WHERE p.like_count <> (SELECT count(*) FROM post_likes l "
        "WHERE l.post_id = p.id)",
}


def check_database(url: str, since: datetime) -> int:
    """Print each check with what it found; return the number of failed checks."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    failed = 0
    print("\nDatabase after the run:")
    with engine.connect() as connection:
        for label, sql in CHECKS.items():
            found = connection.execute(text(sql), {"since": since} if ":since" in sql else {}).scalar_one()
            failed += bool(found)
            print(f"  {'ok  ' if not found else 'FAIL'} {label}: {found}")
        written = connection.execute(text(
            "SELECT (SELECT count(*) FROM posts WHERE created_at >= :since), "
            "(SELECT count(*) FROM loans WHERE created_at >= :since), "
            "(SELECT count(*) FROM loan_events WHERE created_at >= :since)"), {"since": since}).one()
    engine.dispose()
    # Fewer posts than 302s to /repondre: the double clicks, which led to the first one's post.
    print(f"  written during the run: {written[0]} posts, {written[1]} loan requests, {written[2]} loan events")
    return failed


def check_outbox(url: str, since: datetime) -> int:
    """The e-mails decided during the load: all sent by the worker, none twice; 1 if not."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as connection:
        states = dict(connection.execute(text(
            "SELECT state, count(*) FROM outbox_emails WHERE created_at >= :since GROUP BY state"),
            {"since": since}).all())
        doubled = connection.execute(text(
            "SELECT count(*) FROM (SELECT message_id FROM outbox_emails GROUP BY message_id HAVING count(*) > 1) d"
        )).scalar_one()
        latency = connection.execute(text(
            "SELECT sent_at - created_at FROM outbox_emails WHERE state = 'sent' AND created_at >= :since "
            "ORDER BY 1"), {"since": since}).scalars().all()
    engine.dispose()
    print("\nE-mail outbox (e-mails decided during the load):")
    print("  " + ", ".join(f"{state}: {count}" for state, count in sorted(states.items())) or "  none")
    if latency:
        seconds = [delta.total_seconds() for delta in latency]
        print(f"  commit to sent: p50 {seconds[len(seconds) // 2] * 1000:.0f} ms, "
              f"p95 {seconds[int(len(seconds) * 0.95)] * 1000:.0f} ms, max {seconds[-1] * 1000:.0f} ms")
    print(f"  Message-IDs used twice: {doubled}")
    unfinished = sum(count for state, count in states.items() if state != "sent")
    return int(bool(unfinished or doubled))


def main(argv=None) -> int:
    args = parse_args(argv)
    if shutil.which("gunicorn", path=str(Path(sys.executable).parent)) is None:
        print("gunicorn is missing: run `make install`", file=sys.stderr)
        return EXIT_CANNOT_RUN
    try:
        import locust  # noqa: F401
    except ImportError:
        print("Locust is missing: run `make bench-load` (it installs '.[bench]')", file=sys.stderr)
        return EXIT_CANNOT_RUN
    port = free_port()
    site_url = f"http://{HOST}:{port}"
    if RESULTS.exists():
        shutil.rmtree(RESULTS)
    instance = RESULTS / "instance"
    instance.mkdir(parents=True)
    env = app_environment(args, instance, site_url)
    server = worker = None
    try:
        print("Preparing a fresh database and index:", flush=True)
        fresh_database(args.database_url)
        empty_redis(args.redis_url)
        started = time.perf_counter()
        for command in (("init-db",), ("seed-demo",), ("search", "rebuild")):
            flask(env, *command)
        print(f"  ready in {time.perf_counter() - started:.0f} s")
        cast = pick_cast(args.database_url, args.users)
        cast_file = RESULTS / "cast.json"
        cast_file.write_text(json.dumps(cast, ensure_ascii=False, indent=1))
        managers = sum(person["manager"] for person in cast["members"])
        print(f"Cast: {managers} managers of {len({p['fabrique_id'] for p in cast['members'] if p['manager']})} "
              f"lending fabriques, {len(cast['members']) - managers} borrowers; {len(cast['resources'])} resources, "
              f"replies into threads {cast['busy_threads']}")

        print(f"Serving with gunicorn, {args.workers} workers, on {site_url}", flush=True)
        server = subprocess.Popen(
            [str(Path(sys.executable).parent / "gunicorn"), "-w", str(args.workers), "-b", f"{HOST}:{port}",
             "--access-logfile", "-", "--error-logfile", str(RESULTS / "gunicorn-errors.log"), "wsgi:app"],
            cwd=PROJECT_ROOT, env=env, stdout=open(RESULTS / "access.log", "w"), stderr=subprocess.STDOUT)
        wait_until_up(site_url, server)
        # The worker beside gunicorn, as in production: it sends the e-mails and updates the index.
        worker = subprocess.Popen([sys.executable, "-m", "flask", "--app", "wsgi", "worker"], cwd=PROJECT_ROOT,
                                  env=env, stdout=open(RESULTS / "worker.log", "w"), stderr=subprocess.STDOUT)
        print(f"Load: {args.users} members for {args.duration} s", flush=True)
        load_started = datetime.now(timezone.utc).replace(tzinfo=None)  # stored as naive UTC
        prefix = run_locust(args, site_url, cast_file)
    except CannotRun as error:
        print(f"Cannot run: {error}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    finally:
        if server is not None and server.poll() is None:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=60)
        if worker is not None and worker.poll() is None:
            time.sleep(WORKER_SETTLE_SECONDS)  # the last commits' e-mails and index changes
            worker.send_signal(signal.SIGTERM)
            worker.wait(timeout=60)
    failures = print_figures(prefix, args.duration)
    print_write_outcomes(RESULTS / "access.log")
    errors_logged = (RESULTS / "gunicorn-errors.log").read_text(errors="replace").count("Traceback")
    print(f"\nTracebacks in the server's error log: {errors_logged}")
    inconsistencies = check_database(args.database_url, load_started)
    print("\nSearch index against the database, as the worker left it (no `search sync` first):")
    check = flask(env, "search", "check", check=False)
    print("  " + "\n  ".join((check.stdout + check.stderr).strip().splitlines()[-5:]))
    inconsistencies += check.returncode != 0
    inconsistencies += check_outbox(args.database_url, load_started)
    print(f"\nSummary: {failures} failed requests, {errors_logged} server tracebacks, "
          f"{inconsistencies} failed checks. Details in {RESULTS.relative_to(PROJECT_ROOT)}/.")
    return EXIT_INCONSISTENT if failures or errors_logged or inconsistencies else 0


if __name__ == "__main__":
    sys.exit(main())
