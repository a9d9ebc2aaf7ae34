"""The searcher's share of one results page: what /recherche and bench/search.py both run.

Under the searcher holder's lock (service.py), with no database access: the page of index
hits (one per thread, or one thread's matches), the facet counts, the did-you-mean when few
documents match, and the partial matches when no document holds every unit of the query.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from whoosh.query import Query

from forum.core.pagination import Page
from forum.search.grouping import page_of_groups
from forum.search.partial import partial_matches
from forum.search.query import ParsedQuery, page_of_results
from forum.search.suggestions import suggestion as suggested_text

FEW_RESULTS = 3  # below this many results, look for a spelling correction


@dataclass(frozen=True)
class RankedPage:
    found: Page  # stored fields of the index's hits
    facet_counts: Mapping[str, Mapping[Any, int]]
    suggestion: str | None
    # None when the page lists documents holding every unit; else the units no document holds
    # (possibly none: each unit occurs, never all together).
    missing: list[str] | None = None


def ranked_page(searcher, parsed: ParsedQuery, number: int, per_page: int, *, restriction: Query | None,
                by_date: bool, thread: int | None, facet_fields: Iterable[str]) -> RankedPage:
    """Page ``number`` for a parsed query whose ``query`` is not None."""
    facet_fields = tuple(facet_fields)
    # One result per thread (grouping.py), unless the page lists one thread's matches.
    page_of = page_of_results if thread else page_of_groups
    found, counts = page_of(searcher, parsed.query, number, per_page, restriction=restriction, by_date=by_date,
                            facet_fields=facet_fields)
    # The did-you-mean is judged on the whole query: a typing error is worth correcting even
    # when some documents hold the other words.
    suggestion = suggested_text(searcher, parsed.text) if found.total < FEW_RESULTS else None
    if found.total:
        return RankedPage(found, counts, suggestion)
    partial = partial_matches(searcher, parsed.units, parsed.excluded, restriction)
    if partial is None or not len(partial):
        return RankedPage(found, counts, suggestion)
    found, counts = page_of(searcher, parsed.query, number, per_page, restriction=restriction, by_date=by_date,
                            facet_fields=facet_fields, partial=partial)
    return RankedPage(found, counts, suggestion, partial.missing)
