"""Results grouped by thread, as Discourse shows them: one result per thread, not one per post.

A thread and each of its replies are documents of their own (so a reply is found by its own
words and its snippet shows them), and all carry the ``thread`` field (schema.py). A page of
results is a page of *groups*: a thread's documents form one group, every other document
(practice, resource, fabrique) is a group of one. Everything is computed on the sets of
matched document numbers (docsets.py), without walking Whoosh's matchers:

* a group ranks by its best document (the highest score, or the newest when sorted by date),
  and that document's snippet and link are the result's. Not the sum of its documents' scores:
  that would rank long threads above precise ones by volume, the crowding this module ends;
* a group knows how many of its documents match ("3 messages correspondent");
* the total is the number of groups, and a facet value counts the groups having a matched
  document with that value: after choosing the value, the page lists exactly that many.
"""

from __future__ import annotations

import heapq
import threading
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import compress, repeat
from operator import add, and_, itemgetter, mul, not_
from typing import TYPE_CHECKING, Any

from whoosh.query import Query

from forum.core.pagination import MAX_PAGE, Page
from forum.search.docsets import FACET_TABLES, LEAF_TABLES, Matches, matching, scored
from forum.search.schema import THREAD_FIELD

if TYPE_CHECKING:
    from forum.search.partial import PartialMatches


@dataclass(frozen=True)
class Group:
    """One result: its best matching document (global number), its score, how many documents matched."""

    docnum: int
    score: float
    matched: int


# Group and facet codes are integers so that a (group, value) pair is one integer, built and
# de-duplicated by C-level maps and sets: pairs of Python tuples cost three times as much.
_VALUE_BITS = 16  # facet values of one field across the index: a few dozen in practice
_VALUE_MASK = (1 << _VALUE_BITS) - 1
_TEXT_GROUPS = 1 << 48  # thread values that are not numbers are numbered from here
_SEGMENT_BITS = 32  # a segment holds fewer than 2**32 documents


class _Numbering:
    """A process-wide numbering of values (segment ids, facet values): each gets its number once."""

    def __init__(self, first: int = 0) -> None:
        self.lock = threading.Lock()
        self.numbers: dict[Any, int] = {}
        self.values: list[Any] = []
        self.first = first

    def of(self, value: Any) -> int:
        number = self.numbers.get(value)
        if number is None:
            with self.lock:
                number = self.numbers.get(value)
                if number is None:
                    number = self.numbers[value] = self.first + len(self.values)
                    self.values.append(value)
        return number

    def value(self, number: int) -> Any:
        return self.values[number - self.first]


_SEGMENTS = _Numbering()
_TEXT_THREADS = _Numbering(_TEXT_GROUPS)
_FACET_VALUES: dict[str, _Numbering] = {}
_FACET_LOCK = threading.Lock()


def _group_ids(reader, fieldname: str) -> list[int]:
    """Each document's group in a segment as an integer: its thread's id (the same in every
    segment), or a negative number of its own when it belongs to no thread.

    An index built before the thread field existed (until `flask search rebuild` runs, as
    `make run` does when ``index.is_current`` says so) is searched ungrouped rather than failing.
    """
    own = -(_SEGMENTS.of(reader.segment().segment_id()) << _SEGMENT_BITS) - 1
    if fieldname not in reader.schema:
        return list(range(own, own - reader.doc_count_all(), -1))
    values, codes = FACET_TABLES.get(reader, fieldname)
    threads = [0] + [int(value) if value.isdigit() else _TEXT_THREADS.of(value) for value in values[1:]]
    return [threads[code] if code else own - docnum for docnum, code in enumerate(codes)]


def _value_codes(reader, fieldname: str) -> list[int]:
    """Each document's value of a facet field as a code shared by every segment (0: no value)."""
    values, codes = FACET_TABLES.get(reader, fieldname)
    with _FACET_LOCK:
        numbering = _FACET_VALUES.setdefault(fieldname, _Numbering(1))
    shared = [0] + [numbering.of(value) for value in values[1:]]
    if len(shared) > _VALUE_MASK:
        raise ValueError(f"too many values in facet field {fieldname!r} to count by group")
    return list(map(shared.__getitem__, codes))


def _keys_of(matches: Matches) -> list[list[int]]:
    """Per part of ``matches``, the group of each matched document, in the order of its set."""
    keys = []
    for leaf, _, local in matches.parts:
        table = LEAF_TABLES.get(leaf.reader(), "group", THREAD_FIELD, _group_ids) if local else []
        keys.append(list(map(table.__getitem__, local)))
    return keys


@dataclass
class GroupedMatches:
    """The groups of a set of matches: how many documents each has matched, and the facet counts."""

    matches: Matches
    keys: list[list[int]]
    sizes: Counter

    @classmethod
    def of(cls, matches: Matches) -> GroupedMatches:
        keys = _keys_of(matches)
        sizes: Counter = Counter()
        for part in keys:
            sizes.update(part)
        return cls(matches, keys, sizes)

    def __len__(self) -> int:
        return len(self.sizes)

    def facet_counts(self, fieldnames: Iterable[str]) -> dict[str, dict[str, int]]:
        """For each facet field, how many groups have a matched document with each value.

        A document alone in its group counts its value; the documents of larger groups (a
        thread and its replies) count each (group, value) pair once.
        """
        alone: list[list[int]] = []  # per part: the documents alone in their group
        together: list[tuple[list[int], list[int]]] = []  # per part: the others, their groups shifted
        for (_, _, local), part in zip(self.matches.parts, self.keys, strict=True):
            single = list(map((1).__eq__, map(self.sizes.__getitem__, part)))
            several = list(map(not_, single))
            docnums = list(local)
            alone.append(list(compress(docnums, single)))
            together.append((list(compress(docnums, several)),
                             list(map(mul, compress(part, several), repeat(1 << _VALUE_BITS)))))
        counts = {}
        for name in fieldnames:
            counted: Counter = Counter()
            pairs: set[int] = set()  # group << _VALUE_BITS | value code
            for (leaf, _, local), single, (docnums, shifted) in zip(self.matches.parts, alone, together, strict=True):
                if local:
                    codes = LEAF_TABLES.get(leaf.reader(), "facet", name, _value_codes)
                    counted.update(map(codes.__getitem__, single))
                    pairs.update(map(add, shifted, map(codes.__getitem__, docnums)))
            counted.update(map(and_, pairs, repeat(_VALUE_MASK)))
            counted.pop(0, None)
            numbering = _FACET_VALUES.get(name)
            values = {numbering.value(code): number for code, number in counted.items()}
            values.pop("", None)  # an empty value indexed as such is no value
            counts[name] = values
        return counts

    def best(self, searcher, query: Query, count: int, by_date: bool = False, *,
             candidates: list[tuple[Any, int]] | None = None) -> list[Group]:
        """The first ``count`` groups, best first (each by its best document, ties to the lower number).

        ``candidates``: every match's (rank, minus its number) in the order of ``matches``, when
        they do not rank by ``query`` alone (partial.py: (units matched, score) ranks)."""
        if count <= 0 or not self.sizes:
            return []
        count = min(count, len(self.sizes))  # a last page asks for more groups than there are
        if candidates is None:
            candidates = scored(searcher, query, self.matches, by_date)
        keyed = list(zip(candidates, (key for part in self.keys for key in part), strict=True))
        # The best documents, more of them until they cover ``count`` groups: a group's first
        # document in that order is its best. Usually the first round is enough.
        size = count * 4
        while True:
            top = heapq.nlargest(size, keyed, key=itemgetter(0))
            firsts: dict[Any, tuple[float, int]] = {}
            for candidate, key in top:
                firsts.setdefault(key, candidate)
                if len(firsts) == count:
                    break
            if len(firsts) == count or size >= len(keyed):
                break
            size *= 4
        return [Group(-negative, 0.0 if by_date else _relevance(rank), self.sizes[key])
                for key, (rank, negative) in firsts.items()]


def _relevance(rank: Any) -> float:
    """The score within a rank: partial matches rank by (units matched, score)."""
    return rank[-1] if isinstance(rank, tuple) else rank


def grouped_matches(searcher, query: Query, restriction: Query | None = None) -> GroupedMatches:
    """The groups of the documents ``query`` matches within ``restriction``."""
    matches = matching(searcher, query)
    if restriction is not None:
        matches = matches & matching(searcher, restriction)
    return GroupedMatches.of(matches)


def page_of_groups(searcher, query: Query | None, page: int, per_page: int, *, restriction: Query | None = None,
                   by_date: bool = False, facet_fields: Iterable[str] = (),
                   partial: PartialMatches | None = None) -> tuple[Page[dict[str, Any]], dict[str, dict[str, int]]]:
    """One page of groups and the facet counts of all the groups, as ``query.page_of_results`` gives
    one page of documents: each item is the stored fields of the group's best document plus
    "score" and "matched" (how many of the group's documents match). ``page`` past the end is
    the last page; ``page`` and ``per_page`` must already be within bounds (1..MAX_PAGE).

    ``partial`` (partial.py) lists its documents instead of ``query``'s, those matching the
    most units first (``restriction`` is already applied to them)."""
    names = list(facet_fields)
    if query is None:
        return Page(items=[], page=1, per_page=per_page, total=0), {name: {} for name in names}
    groups = GroupedMatches.of(partial.matches) if partial is not None else \
        grouped_matches(searcher, query, restriction)
    total = len(groups)
    counts = groups.facet_counts(names)
    if not total:
        return Page(items=[], page=1, per_page=per_page, total=0), counts
    page = min(max(page, 1), MAX_PAGE, -(-total // per_page))
    best = groups.best(searcher, query, page * per_page, by_date=by_date,
                       candidates=partial.candidates(searcher, by_date) if partial is not None else None)
    start = (page - 1) * per_page
    items = [{**searcher.stored_fields(group.docnum), "score": group.score, "matched": group.matched}
             for group in best[start:start + per_page]]
    return Page(items=items, page=page, per_page=per_page, total=total), counts
