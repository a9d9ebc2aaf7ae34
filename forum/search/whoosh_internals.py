"""Every use of Whoosh's private parts, in one module, for the one Whoosh version they were read in.

The fast path of the search (docsets.py) reads posting lists a block at a time, and index.py
opens searchers on exactly the segments it needs: both rely on parts of Whoosh that are not its
public API (names with a leading underscore, the codec's matcher class, readers and tables of
contents built by hand). A Whoosh release may change them without notice, and a changed block
layout would not raise: searches would quietly answer wrongly. Hence:

* no other module of the project reads or overrides a private Whoosh name
  (tests/search/test_whoosh_internals.py checks it; by hand,
  ``grep -n "\\._[a-z]" forum/search/*.py`` shows only this file and the project's own names);
* this module refuses to be imported under any Whoosh version but SUPPORTED_WHOOSH_VERSION,
  or when one of the private names it needs is missing;
* tests/search/test_oracle.py compares, on a multi-segment index with deletions and updates,
  what the project computes from these functions with what Whoosh's own search returns.

To move to another Whoosh version: read each function below against the new Whoosh source,
adapt it, change SUPPORTED_WHOOSH_VERSION, then run tests/search/test_oracle.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

import whoosh
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.highlight import Formatter
from whoosh.index import FileIndex
from whoosh.matching.wrappers import FilterMatcher
from whoosh.query import NumericRange, Prefix, Query
from whoosh.query.terms import MultiTerm
from whoosh.reading import EmptyReader, MultiReader, SegmentReader, TermNotFound
from whoosh.searching import Searcher

# whoosh-reloaded 2.7.5: the version whose source every function below was checked against.
SUPPORTED_WHOOSH_VERSION = (2, 7, 5)

# The private names read below, by the Whoosh class that defines them (instance attributes such
# as W3LeafMatcher._data or FilterMatcher._ids are set in __init__ and cannot be checked here).
REQUIRED_PRIVATE_NAMES = {
    W3LeafMatcher: ("_read_data", "_read_weights", "_read_values", "_next_block"),
    MultiTerm: ("_btexts",),
    NumericRange: ("_compile_query",),
    FileIndex: ("_read_toc",),
    Formatter: ("_text",),
}


class UnsupportedWhooshVersion(ImportError):
    """The installed Whoosh is not the one forum.search.whoosh_internals was written for."""


def check_whoosh(version: Any, required: dict[type, tuple[str, ...]] = REQUIRED_PRIVATE_NAMES) -> None:
    """Raise UnsupportedWhooshVersion unless ``version`` is the supported one and every private
    name this module reads still exists."""
    if tuple(version) != SUPPORTED_WHOOSH_VERSION:
        raise UnsupportedWhooshVersion(
            f"forum.search needs Whoosh {'.'.join(map(str, SUPPORTED_WHOOSH_VERSION))} (whoosh-reloaded), "
            f"found {'.'.join(map(str, version))}: forum/search/whoosh_internals.py reads Whoosh's private "
            "posting blocks and tables of contents, which another version may lay out differently and "
            "silently answer searches wrongly. Install whoosh-reloaded=="
            f"{'.'.join(map(str, SUPPORTED_WHOOSH_VERSION))}, or port that module to the new version "
            "and run tests/search/test_oracle.py."
        )
    missing = [f"{owner.__name__}.{name}" for owner, names in required.items()
               for name in names if not hasattr(owner, name)]
    if missing:
        raise UnsupportedWhooshVersion(
            f"Whoosh {'.'.join(map(str, version))} lacks {', '.join(missing)}, which "
            "forum/search/whoosh_internals.py reads: port that module and run tests/search/test_oracle.py."
        )


check_whoosh(whoosh.__version__)


# --- posting lists ---------------------------------------------------------------------------
def raw_postings(reader, fieldname: str, text: str | bytes) -> tuple[Any, Iterable[int]]:
    """A term's postings matcher in one segment, deleted documents included, and the set of the
    segment's deleted documents (or ()); (None, ()) when the segment lacks the term.

    The caller must remove the deleted documents itself: they are returned apart so that a whole
    block can be decoded at once (SegmentReader.postings wraps its matcher in a FilterMatcher,
    which would test each posting one at a time).
    """
    try:
        matcher = reader.postings(fieldname, text)
    except TermNotFound:
        return None, ()
    deleted: Iterable[int] = ()
    if isinstance(matcher, FilterMatcher):  # how a SegmentReader hides its deleted documents
        deleted = matcher._ids
        matcher = matcher.child
        matcher.reset()  # FilterMatcher moved it past the leading deleted postings
    return matcher, deleted


def posting_blocks(matcher, weights: bool = False, values: bool = False) -> Iterator[tuple[Iterable[int], Any]]:
    """The postings of a fresh matcher from ``raw_postings``, a block at a time: (document numbers,
    then their weights if ``weights``, or their encoded values if ``values``, else None).

    A whoosh3 block holds (delta-coded ids, weights, values): decoding the ids with
    itertools.accumulate runs in C, instead of one Python call per posting through the Matcher
    interface. Any other matcher (e.g. a byte-id block, an in-memory one) is read the public way.
    """
    if isinstance(matcher, W3LeafMatcher) and not matcher._byteids:
        while matcher.is_active():
            if matcher._data is None:
                matcher._read_data()
            ids = accumulate(matcher._data[0])
            if weights:
                matcher._read_weights()
                yield ids, matcher._weights
            elif values:
                matcher._read_values()
                yield ids, matcher._values
            else:
                yield ids, None
            matcher._next_block()
        return
    pairs = []
    while matcher.is_active():
        pairs.append((matcher.id(), matcher.weight() if weights else matcher.value() if values else None))
        matcher.next()
    yield [docnum for docnum, _ in pairs], [extra for _, extra in pairs] if weights or values else None


# --- queries ---------------------------------------------------------------------------------
def multiterm_words(query: MultiTerm, reader) -> Iterable[bytes]:
    """The indexed words (as bytes) a prefix, wildcard or term range expands to in ``reader``."""
    return query._btexts(reader)


def numeric_range_query(query: NumericRange, reader) -> Query:
    """The ordinary query (terms and term ranges over the encoded numbers) a NumericRange, such as
    a DateRange, stands for in ``reader``."""
    return query._compile_query(reader)


class WordListPrefix(Prefix):
    """A Whoosh ``Prefix`` whose words are those of ``self.words(reader)``.

    Whoosh's own methods (estimates, term expansion) get a MultiTerm's words from its private
    ``_btexts``: routing it here lets a subclass bound or choose them with a public method.
    """

    def words(self, reader) -> Iterable[bytes]:
        """The words this prefix stands for (Whoosh's choice: every indexed word beginning so)."""
        return super()._btexts(reader)

    def _btexts(self, ixreader) -> Iterable[bytes]:
        return self.words(ixreader)


class TextFormatter(Formatter):
    """A highlighting formatter whose text around the matched words goes through ``plain_text``.

    Whoosh's Formatter passes that text through its private ``_text`` hook: routing it here lets
    a subclass escape it (HTML) with a public method.
    """

    def plain_text(self, text: str) -> str:
        """The text between matched words as it should appear (unchanged by default)."""
        return text

    def _text(self, text: str) -> str:
        return self.plain_text(text)


# --- tables of contents and readers ----------------------------------------------------------
@dataclass(frozen=True)
class TableOfContents:
    """What one generation of an index is made of: its number, its schema and its segments."""

    generation: int
    schema: Any
    segments: list[Any]


def read_table_of_contents(ix) -> TableOfContents:
    """The latest generation of ``ix`` on disk (not the one an open searcher sees).

    Raises OSError when a writer deletes that table just as it is read: the caller retries.
    """
    toc = ix._read_toc()
    return TableOfContents(toc.generation, toc.schema, list(toc.segments))


def segment_reader(ix, toc: TableOfContents, segment) -> SegmentReader:
    """A reader of one segment of ``toc``'s generation (what ``ix.reader()`` builds for each)."""
    return SegmentReader(ix.storage, toc.schema, segment, generation=toc.generation)


def searcher_over(ix, toc: TableOfContents, readers: list) -> Searcher:
    """A searcher over segment readers of ``toc``'s generation, in the order of its segments.

    Always on a MultiReader, even for one segment: it carries the generation, which
    ``Searcher.up_to_date`` compares (an index without segments gets an empty reader that knows it).
    """
    if not readers:
        return Searcher(_EmptyIndexReader(toc.schema, toc.generation), fromindex=ix)
    return Searcher(MultiReader(readers, generation=toc.generation), fromindex=ix)


class _EmptyIndexReader(EmptyReader):
    """Whoosh's reader of an index without segments, knowing which generation it read."""

    def __init__(self, schema, generation: int) -> None:
        super().__init__(schema)
        self.read_generation = generation

    def generation(self) -> int:
        return self.read_generation
