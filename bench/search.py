"""Search benchmark (not a test): build a realistic French index and time full result pages.

    .venv/bin/python bench/search.py --docs 100000     (make bench-search)

It generates a corpus (Zipf-like word frequencies over a French vocabulary with the
domain's words), builds the index with the application's schema and analyzers, then
measures, warm, the server-side time of a full results page — parse with the network's
vocabulary and word families, one result per thread, facet counts, did-you-mean, the partial
matches when no document holds every word, highlights — over a fixed list of queries of every
kind, reporting p50/p95, plus the rebuild time and the time for one new document to become
searchable. The page is computed by the site's own code (forum.search.ranking.ranked_page).
It prints figures and exits 0; it never fails a test run.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
from itertools import accumulate
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from whoosh import index as whoosh_index  # noqa: E402
from whoosh.query import Term  # noqa: E402

from forum.search.index import (  # noqa: E402
    REBUILD_PROCESSES,
    STATE_KEY,
    WRITER_VIEWS,
    merge_small_segments,
    open_searcher,
    open_writer,
    rebuild_writer,
    segment_count,
    state_document,
)
from forum.search.sync import MAX_SEGMENTS  # noqa: E402
from forum.search.query import parse_user_query  # noqa: E402
from forum.search.ranking import ranked_page  # noqa: E402
from forum.search.schema import TEXT_FIELDS, build_schema, prefix_field, with_prefix_fields  # noqa: E402
from forum.search.service import FACET_PARAMS, PER_PAGE, QueryWords  # noqa: E402

DOMAIN_WORDS = (
    "médiation numérique tiers-lieux tiers-lieu fablab collectivité collectivités élus élue rural ruraux rurales "
    "QPV quartier modèle économique gouvernance partagée partager partage imprimante imprimantes 3D découpeuse "
    "laser activités été café associatif jardin partagé AMAP subvention financement poste médiateur médiatrice "
    "conseiller numérique bénévoles adhérents atelier ateliers formation public seniors jeunes réparation vélo "
    "repair convention intercommunalité mairie département région appel projets DETR FDVA budget participatif "
    "SCIC coopérative coworking salle réunion tablettes ordinateurs smartphone démarches administratives"
).split()
COMMON_WORDS = (
    "le la les un une des de du et à au aux en dans pour avec sur par pas plus nous vous ils elles on est sont "
    "avons avez ont fait faire été être avoir très bien aussi mais donc alors comme tout tous toutes chaque "
    "notre votre leur année mois semaine jour matin soir lieu lieux équipe projet projets question réponse "
    "idée idées besoin besoins temps argent travail ensemble territoire habitants commune communes village ville"
).split()
QUERIES = [
    "médiation", "mediation numerique", "imprimante 3D", "decoupeuse laser", "gouvernance partagee",
    '"mediation numerique"', "mediat*", "collectivit*", "tiers-lieux rural", "modele economique -subvention",
    "fablab OR coworking", "été", "QPV jeunes", "café associatif bénévoles",
    # The vocabulary (an acronym widened to its expansion, and back), word families, and a
    # query with a word no document holds (the partial matches), and a typing error.
    "EPN", "centre communal d'action sociale", "animatrice seniors", "médiatrice numérique",
    "imprimante 3D zorglubique", "subvantion",
]
FILTERS = [None, ("kind", "fil"), ("region", "84"), ("territory", "rural")]
KINDS = ("fil", "message", "pratique", "ressource", "fabrique")
REGIONS = ("84", "27", "53", "24", "44", "32", "11", "28", "75", "76", "52", "93")


def corpus(count: int, seed: int = 7):
    """``count`` documents with Zipf-like word frequencies over common, domain and rare words."""
    rng = random.Random(seed)
    rare = [f"{rng.choice('bcdfglmnprstv')}{rng.choice('aeiou')}{rng.choice('lmnrst')}{rng.choice('aeiou')}"
            f"{rng.choice(['tion', 'ment', 'age', 'eur', 'ise', 'ette'])}" for _ in range(20_000)]
    vocabulary = COMMON_WORDS + DOMAIN_WORDS + rare
    # Cumulative weights once: random.choices would otherwise sum 20,000 weights per document.
    cumulative = list(accumulate(1 / (rank + 1) for rank in range(len(vocabulary))))
    start = datetime(2024, 1, 1)
    for number in range(count):
        words = rng.choices(vocabulary, cum_weights=cumulative, k=rng.randint(40, 160))
        title = " ".join(rng.choices(DOMAIN_WORDS + COMMON_WORDS[:30], k=rng.randint(4, 9))).capitalize()
        kind = KINDS[number % 5]
        # Threads as the site indexes them: one thread in three has the three replies that follow
        # it (documents 15k+1, 15k+6, 15k+11 reply to 15k), and a reply has no title of its own.
        thread = str(number) if kind == "fil" else str(number // 15 * 15) if kind == "message" else ""
        yield with_prefix_fields({
            "key": f"{kind}:{number}", "kind": kind, "title": "" if kind == "message" else title,
            "body": " ".join(words), "thread": thread,
            "category": f"cat{number % 10}", "region": REGIONS[number % len(REGIONS)],
            "territory": ("rural", "qpv", "urbain")[number % 3], "practice_kind": "", "resource_kind": "",
            "fabrique": str(number % 47), "solved": "non", "date": start + timedelta(minutes=7 * number),
            "url": f"/x/{number}", "fabrique_name": f"Fabrique {number % 47}",
        })


class Bodies:
    """The texts the page's snippets are cut from, read by key from a SQLite file as the site
    reads them from its database (a dict of a million texts would weigh on the worker's memory)."""

    def __init__(self, path: Path) -> None:
        self.connection = sqlite3.connect(path)

    def __getitem__(self, key: str) -> str:
        return self.connection.execute("SELECT body FROM bodies WHERE key = ?", (key,)).fetchone()[0]


def build(directory: Path, count: int, procs: int) -> float:
    """Seconds to index ``count`` generated documents (generation included, as a rebuild reads its rows).

    Run in a child process, as `flask search rebuild` runs apart from the web workers: the
    measuring process then holds an index it opened, not the writer's leftovers. The texts
    are written to ``directory``/bodies.sqlite afterwards (not timed).
    """
    def child(results) -> None:
        started = time.perf_counter()
        ix = whoosh_index.create_in(str(directory), build_schema())
        writer = rebuild_writer(ix, procs)
        for document in corpus(count):
            writer.add_document(**document)
        writer.commit()
        results.put(time.perf_counter() - started)
        with sqlite3.connect(directory / "bodies.sqlite") as connection:
            connection.execute("CREATE TABLE bodies (key TEXT PRIMARY KEY, body TEXT)")
            connection.executemany("INSERT INTO bodies VALUES (?, ?)",
                                   ((document["key"], document["body"]) for document in corpus(count)))

    results = multiprocessing.get_context("fork").Queue()
    process = multiprocessing.get_context("fork").Process(target=child, args=(results,))
    process.start()
    seconds = results.get()
    process.join()
    return seconds


def results_page(searcher, text: str, facet: tuple[str, str] | None, by_date: bool, bodies: Bodies) -> float:
    """One full page as /recherche computes it: parse, exact total of threads and other results,
    facet counts, 10 results (one per thread), did-you-mean, partial matches, highlights."""
    started = time.perf_counter()
    parsed = parse_user_query(text, TEXT_FIELDS)
    if parsed.query is not None:
        ranked = ranked_page(searcher, parsed, 1, PER_PAGE, restriction=Term(*facet) if facet else None,
                             by_date=by_date, thread=None, facet_fields=FACET_PARAMS.values())
        words = QueryWords.of(parsed.query)
        for hit in ranked.found.items:
            words.mark(hit["title"])  # a reply's thread title, on the site
            words.snippet(bodies[hit["key"]])
    return time.perf_counter() - started


def measure(directory: Path, rounds: int, bodies: Bodies) -> dict[str, list[float]]:
    """Timings by kind of page: relevance with each filter, and newest first ("all"), and the
    first page of each query in a freshly opened index ("first": no per-segment table and no
    decoded postings in memory yet, the first visitor's page after a worker starts)."""
    ix = whoosh_index.open_dir(str(directory))
    timings: dict[str, list[float]] = {"all": [], "first": []}
    with ix.searcher() as searcher:
        for text in QUERIES:  # warm-up: the per-segment tables, the postings read most
            timings["first"].append(results_page(searcher, text, None, False, bodies))
        for _ in range(rounds):
            for text in QUERIES:
                for facet in FILTERS:
                    for by_date in (False, True):
                        elapsed = results_page(searcher, text, facet, by_date, bodies)
                        timings["all"].append(elapsed)
                        timings.setdefault(text, []).append(elapsed)
    return timings


def new_document_latency(directory: Path, samples: int = 50) -> list[float]:
    """Time from opening a writer to the new document being found, as a drain then a search do it.

    Same steps as forum.search.sync.drain (the writer's view searcher, delete then add, the state
    document, a commit without merge, the small segments merged once the change is visible) and
    forum.search.service (open_searcher on the previous searcher).
    """
    ix = whoosh_index.open_dir(str(directory))
    searcher = open_searcher(ix)
    latencies = []
    for number in range(samples):
        started = time.perf_counter()
        writer = open_writer(ix, timeout=5)
        view = WRITER_VIEWS.for_writer(ix, directory, writer)
        key = f"fil:new{number}"
        writer.delete_by_term("key", key, searcher=view)
        writer.add_document(**with_prefix_fields({"key": key, "kind": "fil", "title": f"Nouveau sujet zorglub{number}",
                                                  "body": "texte"}))
        writer.delete_by_term("key", STATE_KEY, searcher=view)
        writer.add_document(**state_document(number))
        writer.commit(merge=False)  # the drain merges after the change is visible (sync.MAX_SEGMENTS)
        if not searcher.up_to_date():  # as the site does (forum.search.service._SearcherHolder)
            searcher = open_searcher(ix, previous=searcher)
        assert searcher.search(Term(prefix_field("title"), f"zorglub{number}"), limit=1) is not None
        latencies.append(time.perf_counter() - started)
        if segment_count(ix) > MAX_SEGMENTS:
            merge_small_segments(ix, timeout=5)
    return latencies


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--procs", type=int, default=REBUILD_PROCESSES, help="writer processes (as the rebuild)")
    parser.add_argument("--build-only", action="store_true")
    parser.add_argument("--verbose", action="store_true", help="figures per query")
    # The peak memory printed is the process's so far: one size per run measures one worker.
    args = parser.parse_args(argv)
    print(f"{len(QUERIES)} queries × {len(FILTERS)} filters × 2 sorts, {args.rounds} warm rounds; page = exact total, "
          "facet counts, 10 hits, highlighted title and snippet")
    for count in args.docs:
        directory = Path(tempfile.mkdtemp(prefix=f"forum-search-{count}-"))
        try:
            build_seconds = build(directory, count, args.procs)
            if args.build_only:
                print(f"{count:>7} docs: rebuild {build_seconds:6.1f} s", flush=True)
                continue
            timings = measure(directory, args.rounds, Bodies(directory / "bodies.sqlite"))
            latencies = new_document_latency(directory)
            # The measuring process is a worker: its peak memory is a worker's (Linux: kilobytes).
            peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"{count:>7} docs: rebuild {build_seconds:6.1f} s | results page p50 {pct(timings['all'], .5):6.1f} ms, "
                  f"p95 {pct(timings['all'], .95):6.1f} ms (first visit to each query: p50 "
                  f"{pct(timings['first'], .5):4.0f} ms, max {pct(timings['first'], 1):4.0f} ms) | new document searchable p50 {pct(latencies, .5):5.0f} ms, "
                  f"p95 {pct(latencies, .95):5.0f} ms | worker peak memory {peak_mb:5.0f} MB", flush=True)
            if args.verbose:
                for text in QUERIES:
                    print(f"    {text!r:38} p50 {pct(timings[text], .5):6.1f} ms  max {pct(timings[text], 1):6.1f} ms")
        finally:
            shutil.rmtree(directory, ignore_errors=True)
    print("Targets at 100k (issue 17): page p95 <= 50 ms, rebuild <= 90 s, new post searchable p95 <= 100 ms.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
