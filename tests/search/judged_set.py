"""The judged set (``judged_queries.toml``) and how one query's results are scored against it.

Figures, per query, over the first page (the ten results ``/recherche`` shows):

* **R@10** (recall) = share of the ``must`` references with at least one of their documents in the
  first ten. Undefined (left out of the mean) when the entry has no ``must``.
* **P@10** (precision) = share of the hits of the first page that no ``must_not`` reference names
  (for ``repeated: <thread>``, the thread's hits after its first). Undefined (left out of the
  mean) when the page is empty: an empty page is a recall failure.
* **satisfied** = every ``must`` in the first ten, no ``must_not`` there, ``first`` (when given)
  is the first hit, and the did-you-mean is the expected one (when ``suggestion`` is given: a word,
  or ``""`` for "no suggestion").
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from tests.search.judged_corpus import DocumentNames, UnknownDocument, strict_dataclass

QUERIES_FILE = Path(__file__).with_name("judged_queries.toml")
TOP = 10
# What each entry tests: the causes and the bullets of issue 17, and plain queries that work today.
REPEATED = "repeated:"  # a must_not reference: one thread shown more than once
CAUSES = ("grouping", "vocabulary", "word-family", "partial", "title", "borrowing", "did-you-mean", "baseline")


@dataclass(frozen=True)
class JudgedQuery:
    query: str
    cause: str
    must: list[str] = field(default_factory=list)
    must_not: list[str] = field(default_factory=list)
    first: str = ""
    suggestion: str | None = None
    why: str = ""
    known_failure: str = ""

    def __post_init__(self) -> None:
        if self.cause not in CAUSES:
            raise ValueError(f"{self.query!r}: cause {self.cause!r} not in {CAUSES}")
        if not (self.must or self.must_not or self.first or self.suggestion is not None):
            raise ValueError(f"{self.query!r}: judges nothing (no must, must_not, first or suggestion)")
        if any(reference.startswith(REPEATED) for reference in [*self.must, self.first]):
            raise ValueError(f"{self.query!r}: '{REPEATED}' is for must_not only")


def load_judged_set(path: Path = QUERIES_FILE) -> list[JudgedQuery]:
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    if set(raw) != {"query"}:
        raise ValueError(f"{path.name}: expected only [[query]] tables, found {sorted(raw)}")
    entries = [strict_dataclass(JudgedQuery, item, f"{path.name} entry {number}")
               for number, item in enumerate(raw["query"])]
    seen = set()
    for entry in entries:
        if entry.query in seen:
            raise ValueError(f"{path.name}: {entry.query!r} is judged twice")
        seen.add(entry.query)
    return entries


@dataclass(frozen=True)
class Outcome:
    query: str
    cause: str
    hits: list[str]
    precision: float | None
    recall: float | None
    missing: list[str]  # ``must`` references absent from the first ten
    intruders: list[str]  # ``must_not`` references present in the first ten
    first_ok: bool
    suggestion: str | None
    suggestion_ok: bool
    known_failure: str

    @property
    def satisfied(self) -> bool:
        return not self.missing and not self.intruders and self.first_ok and self.suggestion_ok

    def explain(self) -> str:
        """What failed, in one line (for an assertion message or the bench)."""
        parts = []
        if self.missing:
            parts.append(f"missing {self.missing}")
        if self.intruders:
            parts.append(f"unwanted {self.intruders}")
        if not self.first_ok:
            parts.append(f"first hit is {self.hits[0] if self.hits else 'nothing'}")
        if not self.suggestion_ok:
            parts.append(f"did-you-mean {self.suggestion!r}")
        return "; ".join(parts) or "satisfied"

    def as_json(self) -> dict:
        return {"query": self.query, "cause": self.cause, "precision": self.precision, "recall": self.recall,
                "satisfied": self.satisfied, "missing": self.missing, "unwanted": self.intruders,
                "first_ok": self.first_ok, "suggestion": self.suggestion, "suggestion_ok": self.suggestion_ok,
                "hits": self.hits, "known_failure": self.known_failure}


def score(entry: JudgedQuery, hits: list[str], suggestion: str | None, names: DocumentNames) -> Outcome:
    """Judge the keys of the first page of results (``hits``, best first) against ``entry``."""
    page = hits[:TOP]
    shown = set(page)
    missing = [reference for reference in entry.must if not names.keys(reference) & shown]
    intruders, excluded = [], set()
    for reference in entry.must_not:
        keys = names.keys(reference)
        unwanted = [key for key in page if key in keys]
        if reference.startswith(REPEATED):
            unwanted = unwanted[1:]  # the thread once is what the member wants; its repeats crowd the page
        if unwanted:
            intruders.append(reference)
            excluded.update(unwanted)
    precision = sum(key not in excluded for key in page) / len(page) if page else None
    recall = (len(entry.must) - len(missing)) / len(entry.must) if entry.must else None
    first_ok = not entry.first or bool(page and page[0] in names.keys(entry.first))
    suggestion_ok = entry.suggestion is None or (suggestion or "") == entry.suggestion
    return Outcome(entry.query, entry.cause, page, precision, recall, missing, intruders, first_ok, suggestion,
                   suggestion_ok, entry.known_failure)


def unknown_references(entries: list[JudgedQuery], names: DocumentNames) -> list[str]:
    """The references of the set that name no document of the corpus (or several threads), explained."""
    problems = []
    for entry in entries:
        for reference in [*entry.must, *entry.must_not, *([entry.first] if entry.first else [])]:
            try:
                names.keys(reference)
            except UnknownDocument as error:
                problems.append(f"{entry.query!r}: {error}")
    return problems


def run_judged_set(entries: list[JudgedQuery], session) -> list[Outcome]:
    """Every entry through ``forum.search.service.search`` (what ``/recherche`` calls), scored.

    Runs inside the app context of the corpus' app."""
    from forum.search.service import search

    names = DocumentNames(session)
    problems = unknown_references(entries, names)
    if problems:
        raise UnknownDocument("the judged set names documents the corpus lacks:\n" + "\n".join(problems))
    outcomes = []
    for entry in entries:
        results = search(entry.query)
        if results.failed:
            raise RuntimeError(f"search failed for {entry.query!r}: {results.messages}")
        outcomes.append(score(entry, [hit.key for hit in results.page.items], results.suggestion, names))
    return outcomes


def mean(values) -> float | None:
    values = [value for value in values if value is not None]
    return sum(values) / len(values) if values else None
