"""Search quality benchmark (not a test): the judged set, query by query.

    .venv/bin/python bench/search_quality.py                 (make bench-search-quality)
    .venv/bin/python bench/search_quality.py --summary       one line: the means and the count
    .venv/bin/python bench/search_quality.py --json out.json per-query results, to compare two branches

It seeds the demo (seed 2026) and the judged set's own documents into a SQLite database in a
temporary directory, rebuilds the index with ``flask search rebuild``, runs every query of
``tests/search/judged_queries.toml`` through ``forum.search.service.search`` (what ``/recherche``
calls) and prints, per query, P@10 and R@10 as ``tests/search/judged_set.py`` defines them:

* R@10 = share of the query's ``must`` documents found in the first ten results (a thread is found
  when it or one of its replies is there);
* P@10 = share of the first ten results that are not ``must_not`` documents (for a thread judged
  ``repeated``, its results after the first);

then the means (over the queries where each is defined) and the count of queries fully satisfied
(every ``must`` in the first ten, no ``must_not``, the expected first hit and did-you-mean).
It prints figures and exits 0 whatever they are; the test ``tests/search/test_judged_set.py``
is what fails when a judged query regresses.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from forum import create_app  # noqa: E402
from forum.extensions import db  # noqa: E402
from tests.search.judged_corpus import build_corpus  # noqa: E402
from tests.search.judged_set import CAUSES, load_judged_set, mean, run_judged_set  # noqa: E402


def _figure(value: float | None) -> str:
    return "   -" if value is None else f"{value:4.2f}"


def _app(directory: Path):
    return create_app({
        "INSTANCE_PATH": str(directory / "instance"), "SECRET_KEY": "bench-search-quality",
        "SITE_URL": "http://127.0.0.1:5000", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{directory / 'quality.sqlite3'}",
        "MAIL_BACKEND": "locmem", "RATELIMIT_STORAGE_URI": "memory://",
        # The same scrypt at a low cost: the demo creates 150 accounts, and passwords are not measured here.
        "PASSWORD_HASH_METHOD": "scrypt:1024:8:1",
    })


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--summary", action="store_true", help="print only the summary line")
    parser.add_argument("--json", metavar="FILE", type=Path, help="write the per-query results to FILE")
    args = parser.parse_args()

    entries = load_judged_set()
    directory = Path(tempfile.mkdtemp(prefix="search-quality-"))
    try:
        started = time.perf_counter()
        app = _app(directory)
        with app.app_context():
            db.create_all()
        build_corpus(app)
        built = time.perf_counter() - started
        with app.app_context():
            outcomes = run_judged_set(entries, db.session)
            db.session.remove()
            db.engine.dispose()
    finally:
        shutil.rmtree(directory, ignore_errors=True)

    if not args.summary:
        print(f"Corpus seeded and indexed in {built:.1f} s; {len(outcomes)} judged queries.\n")
        print(" P@10  R@10  ok  cause         query")
        for outcome in outcomes:
            mark = "yes" if outcome.satisfied else " no"
            figures = f"{_figure(outcome.precision)}  {_figure(outcome.recall)}"
            print(f" {figures} {mark}  {outcome.cause:13} {outcome.query}")
            if not outcome.satisfied:
                print(f"{'':25}{outcome.explain()}")
        print("\nFailing queries by cause:")
        failing = defaultdict(list)
        for outcome in outcomes:
            if not outcome.satisfied:
                failing[outcome.cause].append(outcome.query)
        for cause in CAUSES:
            total = sum(outcome.cause == cause for outcome in outcomes)
            if total:
                print(f"  {cause:13} {len(failing[cause])}/{total} failing: {', '.join(failing[cause]) or '-'}")
        print()
    satisfied = sum(outcome.satisfied for outcome in outcomes)
    print(f"mean P@10 {_figure(mean(o.precision for o in outcomes))}  "
          f"mean R@10 {_figure(mean(o.recall for o in outcomes))}  "
          f"satisfied {satisfied}/{len(outcomes)}")
    if args.json:
        args.json.write_text(json.dumps([outcome.as_json() for outcome in outcomes], ensure_ascii=False, indent=1),
                             encoding="utf-8")


if __name__ == "__main__":
    main()
