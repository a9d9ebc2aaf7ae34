"""Latency of the public API: pages of 100 fabriques walked by cursor, and one-fabrique GETs.

A benchmark, not a test: it prints figures and exits 0 whatever they are (non-zero only when it
cannot run: gunicorn missing, a server that does not start).

What it does, on loopback only (127.0.0.1):

1. makes a fresh database in ``bench/results/api-instance`` (``flask --app wsgi init-db``) and
   writes ``--fabriques`` fabriques into it (1,000 by default), each with the lists of the national
   standard (services, typologie, publics…) as the directory holds them;
2. counts the SQL statements of one page of 100 and of one fabrique, in-process;
3. serves the forum with gunicorn (2 workers), its API limit raised out of the way, and from one
   client, one request at a time: walks ``/api/v1/fabriques?limit=100`` from the first page to the
   last by its ``next`` links, ``--rounds`` times, then GETs ``--items`` single fabriques;
4. prints p50, p95 and the maximum of each, in milliseconds.

Usage: ``make bench`` (after bench/pages.py) or ``.venv/bin/python bench/api.py [--fabriques 1000]
[--rounds 5] [--items 300] [--postgresql URL]`` (a PostgreSQL database of its own, emptied first).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = BENCH_DIR.parent
INSTANCE = BENCH_DIR / "results" / "api-instance"
HOST = "127.0.0.1"
SERVICES = ["Aide aux démarches administratives", "Maîtrise des outils numériques du quotidien",
            "Insertion professionnelle via le numérique", "Accès internet et matériel informatique"]
PUBLICS = ["Jeunes", "Seniors", "Familles/enfants"]


class BenchError(RuntimeError):
    pass


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def environment(port: int, database_url: str | None) -> dict[str, str]:
    env = {**os.environ, "FORUM_INSTANCE_PATH": str(INSTANCE), "FORUM_SITE_URL": f"http://{HOST}:{port}",
           "FORUM_TRUSTED_HOSTS": "localhost", "FORUM_API_RATE_LIMIT": "1000000 per minute",
           "FORUM_SESSION_COOKIE_SECURE": "false"}
    if database_url:
        env["FORUM_DATABASE_URL"] = database_url
    return env


def prepare(count: int, env: dict[str, str], database_url: str | None) -> None:
    shutil.rmtree(INSTANCE, ignore_errors=True)
    INSTANCE.mkdir(parents=True)
    if database_url:
        from sqlalchemy import create_engine, text

        engine = create_engine(database_url)
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
        engine.dispose()
    flask = str(Path(sys.executable).with_name("flask"))
    subprocess.run([flask, "--app", "wsgi", "init-db"], cwd=PROJECT_ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)
    os.environ.update(env)
    sys.path.insert(0, str(PROJECT_ROOT))  # this checkout's forum, whichever one the venv installed
    from datetime import date

    from forum import create_app
    from forum.core.database import write_intent
    from forum.extensions import db
    from forum.fabriques.models import Fabrique, FabriqueStandardValue, TerritoryType

    app = create_app()
    with app.app_context(), write_intent():
        for start in range(0, count, 500):
            fabriques = [Fabrique(
                slug=f"fabrique-{n}", name=f"Fabrique numéro {n}", department_code="23", region_code="75",
                territory_type=TerritoryType.RURAL, city="Guéret", postal_code="23000", address=f"{n} rue des Tilleuls",
                summary="Fablab, café associatif et médiation numérique.",
                description_source="Un lieu ouvert à tous. " * 20,
                latitude=46.17, longitude=1.87, phone="+33555667788", website=f"https://fabrique-{n}.exemple.fr",
                horaires="Mo-Fr 09:00-12:00,14:00-18:00", date_maj=date(2026, 11, 1), pivot="73282932000074")
                for n in range(start, min(count, start + 500))]
            db.session.add_all(fabriques)
            db.session.flush()
            db.session.add_all([FabriqueStandardValue(fabrique_id=fabrique.id, field=field, value=value,
                                                      position=position)
                                for fabrique in fabriques
                                for field, values in (("services", SERVICES), ("publics_specifiquement_adresses",
                                                                               PUBLICS), ("typologie", ["TIERS_LIEUX"]))
                                for position, value in enumerate(values)])
            db.session.commit()
    count_queries(app)


def count_queries(app) -> None:
    from sqlalchemy import event

    from forum.extensions import db

    statements: list[str] = []

    def record(conn, cursor, statement, *args):
        statements.append(statement)

    client = app.test_client()
    for url in ("/api/v1/fabriques?limit=100", "/api/v1/fabriques/fabrique-7"):
        client.get(url, base_url="http://localhost")
        statements.clear()
        with app.app_context():
            engine = db.engine
        event.listen(engine, "before_cursor_execute", record)
        response = client.get(url, base_url="http://localhost")
        event.remove(engine, "before_cursor_execute", record)
        print(f"  SQL statements of GET {url}: {len(statements)} (status {response.status_code})")


def serve(port: int, env: dict[str, str]):
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    if not Path(gunicorn).exists():
        raise BenchError(f"gunicorn is missing from {sys.executable}: run `make install`.")
    log = open(BENCH_DIR / "results" / "gunicorn-api.log", "w")
    process = subprocess.Popen([gunicorn, "-w", "2", "-b", f"{HOST}:{port}", "wsgi:app"], cwd=PROJECT_ROOT, env=env,
                               stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://{HOST}:{port}/api/v1/", timeout=2).read()
            return process
        except OSError:
            if process.poll() is not None:
                raise BenchError("gunicorn exited before answering: see bench/results/gunicorn-api.log")
            time.sleep(0.2)
    stop(process)
    raise BenchError("gunicorn did not answer within 30 s")


def stop(process) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)


def timed_get(url: str) -> tuple[float, dict]:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as response:
        body = response.read()
    return (time.perf_counter() - started) * 1000, json.loads(body)


def summary(name: str, samples: list[float]) -> None:
    ordered = sorted(samples)
    p95 = ordered[max(0, int(round(0.95 * len(ordered))) - 1)]
    print(f"  {name:<44} n={len(ordered):>4}  p50 {statistics.median(ordered):7.1f} ms  "
          f"p95 {p95:7.1f} ms  max {ordered[-1]:7.1f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fabriques", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--items", type=int, default=300)
    parser.add_argument("--postgresql", metavar="URL")
    options = parser.parse_args()
    port = free_port()
    env = environment(port, options.postgresql)
    database = "PostgreSQL" if options.postgresql else "SQLite"
    print(f"API bench: {options.fabriques} fabriques on {database}, gunicorn -w 2, one client")
    try:
        prepare(options.fabriques, env, options.postgresql)
        process = serve(port, env)
    except (BenchError, subprocess.CalledProcessError) as error:
        print(f"bench/api.py cannot run: {error}", file=sys.stderr)
        return 1
    try:
        base = f"http://{HOST}:{port}"
        pages, items, walked = [], [], 0
        timed_get(f"{base}/api/v1/fabriques?limit=100")  # warm both workers
        timed_get(f"{base}/api/v1/fabriques?limit=100")
        for _ in range(options.rounds):
            url = f"{base}/api/v1/fabriques?limit=100"
            while url:
                elapsed, body = timed_get(url)
                pages.append(elapsed)
                walked += len(body["items"])
                url = body["next"]
        picker = random.Random(19)
        for _ in range(options.items):
            elapsed, _ = timed_get(f"{base}/api/v1/fabriques/fabrique-{picker.randrange(options.fabriques)}")
            items.append(elapsed)
        print(f"  walked {walked} fabriques in {len(pages)} pages ({options.rounds} rounds)")
        summary("GET /api/v1/fabriques?limit=100 (cursor walk)", pages)
        summary("GET /api/v1/fabriques/<slug>", items)
    finally:
        stop(process)
    return 0


if __name__ == "__main__":
    sys.exit(main())
