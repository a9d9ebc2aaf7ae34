"""When no document has every word: the documents that match the most of them (issue 17).

A query's required units (``query.Unit``: a word, a quoted phrase, an explicit ``A OR B``
group) are all required. When there are at least two and no document holds them all, the
results page lists instead every document matching at least one unit, those matching the most
units first, then the most relevant (or, sorted by date, the newest within the same number of
units: the page promises "those that contain the most words"). Exclusions (``-mot``) and
the facet and date filters still apply. A unit found in no document of the index is named
to the person as not found.

Everything is computed on the sets of document numbers of each unit (``docsets.matching``,
sharing one memo of decoded postings), not by walking Whoosh's matchers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from whoosh.query import Or, Query

from forum.search.docsets import Matches, TermPostings, matching, scored
from forum.search.query import Unit

MIN_UNITS = 2  # one unit that matches nothing has no "most of its words" to fall back on


@dataclass
class PartialMatches:
    """The documents matching some of a query's units, and how many units each matches.

    ``counts`` follows ``matches.parts``: per part, the number of units each document of the
    part's set matches, in the order the set is iterated (as ``docsets.scored`` does).
    """

    query: Query  # OR of the units: what scores and highlights the documents
    matches: Matches
    counts: list[list[int]]
    missing: list[str]  # the units, as typed, that match no document at all

    def __len__(self) -> int:
        return len(self.matches)

    def candidates(self, searcher, by_date: bool = False) -> list[tuple[tuple[int, float], int]]:
        """Every document as ((units matched, score or date), minus its global number): the
        largest tuple is the best, as ``docsets.scored`` orders its (score, minus number)."""
        ranks = scored(searcher, self.query, self.matches, by_date)
        units = (count for part in self.counts for count in part)
        return [((count, score), negative) for count, (score, negative) in zip(units, ranks, strict=True)]


def partial_matches(searcher, units: Sequence[Unit], excluded: Query | None = None,
                    restriction: Query | None = None) -> PartialMatches | None:
    """The fallback for a query whose units never occur all together; None for fewer than MIN_UNITS units.

    Call it only when the whole query matched nothing: it does not check that itself.
    """
    if len(units) < MIN_UNITS:
        return None
    postings = TermPostings()  # the units, the exclusions and the filters read terms once
    each = [matching(searcher, unit.query, postings) for unit in units]
    missing = [unit.label for unit, found in zip(units, each, strict=True) if not len(found)]
    allowed = matching(searcher, restriction, postings) if restriction is not None else None
    removed = matching(searcher, excluded, postings) if excluded is not None else None
    parts: list[tuple[Any, int, set[int]]] = []
    counts: list[list[int]] = []
    for position, (leaf, offset, _) in enumerate(each[0].parts):
        matched: Counter = Counter()
        for found in each:
            matched.update(found.parts[position][2])  # a set: each unit counts once per document
        local = set(matched)
        if allowed is not None:
            local &= allowed.parts[position][2]
        if removed is not None:
            local -= removed.parts[position][2]
        parts.append((leaf, offset, local))
        counts.append(list(map(matched.__getitem__, local)))
    return PartialMatches(Or([unit.query for unit in units]), Matches(parts, postings), counts, missing)
