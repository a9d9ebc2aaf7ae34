"""Searching the index: one page of results, facet counts, snippets, "did you mean", similar threads.

No Flask request here: the views read the query string and call ``read_filters`` / ``search``.

* One Whoosh searcher per process and index directory, kept in ``_HOLDER`` and reopened only
  when the index changed (``index.open_searcher``, not Whoosh's ``refresh()``). Every
  use of the searcher happens under the holder's lock; the database work (re-checking hits,
  loading texts) is done outside it.
* The index may be a little behind or ahead of the database: the keys of the page shown are
  always re-read through ``documents_for``, and what is no longer public is dropped.
* A page lists one result per thread (grouping.py): the thread, with its best matching
  document's snippet and link and how many of its documents match; ``SearchFilters.thread``
  ("sujet") lists that thread's matching documents one by one instead.
* When no document has every word of a query of two words or more, the page lists those with
  the most (partial.py) and says which words no document holds (``SearchResults.partial``).
* Everything a person types is bounded: the parser (query.py) never builds an expensive
  query, unknown filter values are ignored with a French message, page numbers are clamped.
"""

from __future__ import annotations

import logging
import os
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from datetime import time as clock
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape
from sqlalchemy import select
from whoosh.analysis import Token
from whoosh.highlight import ContextFragmenter, highlight
from whoosh.query import And, DateRange, Not, Or, Phrase, Prefix, Query, Term

from flask_babel import lazy_gettext

from forum.core.dates import PARIS
from forum.core.pagination import MAX_PAGE, Page
from forum.search.analysis import (
    ENGLISH_STOP_WORDS,
    FRENCH_STOP_WORDS,
    WORD_PATTERN,
    analyze,
    compound_of,
    english_stem,
    fold,
    french_stem,
)
from forum.search.documents import KIND_LABELS, THREAD_STATUS_LABELS, documents_for
from forum.search.index import open_or_create, open_searcher
from forum.search.query import MAX_QUERY_LENGTH, parse_user_query
from forum.search.ranking import RankedPage, ranked_page
from forum.search.schema import (
    DOCUMENT_KINDS, ENGLISH_LANGUAGES, ENGLISH_SUFFIX, LANGUAGE, PREFIX_SUFFIX, SCORE_BOOSTS, TEXT_FIELDS,
    THREAD_FIELD,
)
from forum.search.whoosh_internals import TextFormatter

log = logging.getLogger(__name__)

PER_PAGE = 10
SORTS = ("pertinence", "date")
# URL parameter -> facet field of the schema, in the order the facets are shown.
FACET_PARAMS = {"type": "kind", "statut": "solved", "categorie": "category", "region": "region",
                "territoire": "territory", "type_pratique": "practice_kind", "type_ressource": "resource_kind",
                "type_evenement": "event_kind"}
FACET_TITLES = {"kind": lazy_gettext("Type de contenu"), "solved": lazy_gettext("Statut de la discussion"),
                "category": lazy_gettext("Catégorie ou thème"), "region": lazy_gettext("Région"), "territory": lazy_gettext("Territoire"),
                "practice_kind": lazy_gettext("Type de retour d'expérience"), "resource_kind": lazy_gettext("Type de ressource"),
                "event_kind": lazy_gettext("Type d'événement")}
MAX_FILTER_LENGTH = 100
SNIPPET_SOURCE_CHARS = 20_000  # highlight within the beginning of very long texts only
SIMILAR_TITLE_LENGTH = 200
SIMILAR_MAX_WORDS = 12

BAD_DATE = lazy_gettext("La date « {value} » n'est pas valide (format attendu : AAAA-MM-JJ) : elle a été ignorée.")
DATES_SWAPPED = lazy_gettext("La date de début était après la date de fin : elles ont été inversées.")
UNKNOWN_FILTER = lazy_gettext("Le filtre « {title} » ne connaît pas la valeur « {value} » : il a été ignoré.")
UNKNOWN_SORT = lazy_gettext("Ce tri n'existe pas : les résultats sont triés par pertinence.")
BAD_THREAD = lazy_gettext("Ce sujet n'existe pas : les résultats de tous les sujets sont affichés.")
BAD_PAGE = lazy_gettext("Le numéro de page n'est pas valide : la première page est affichée.")
PAGE_PAST_END = lazy_gettext("Cette page n'existe pas : la dernière page des résultats est affichée.")
SEARCH_FAILED = lazy_gettext("La recherche n'a pas pu aboutir : réessayez dans un instant ou avec d'autres termes.")
STALE_RESULTS = lazy_gettext("Certains résultats ne sont plus disponibles et ont été retirés de la liste.")
# partial.py: no document has every unit of the query, the page lists those with the most.
PARTIAL_ALL_FOUND = lazy_gettext("Aucun résultat ne contient tous vos mots\u00a0: voici ceux qui en contiennent le plus.")
PARTIAL_MISSING = lazy_gettext("Aucun résultat ne contient tous vos mots. Voici ceux qui en contiennent le plus\u00a0; {missing}.")
NOT_FOUND_ONE = lazy_gettext("non trouvé\u00a0: {words}")
NOT_FOUND_MANY = lazy_gettext("non trouvés\u00a0: {words}")
QUOTED = "«\u00a0{word}\u00a0»"


# --- what the views get --------------------------------------------------------------------
@dataclass(frozen=True)
class SearchFilters:
    """Facet values (schema field -> value) and an inclusive range of days (Paris time)."""

    facets: dict[str, str] = field(default_factory=dict)
    since: date | None = None
    until: date | None = None
    thread: int | None = None  # "sujet": one thread's matching documents, one result each


@dataclass(frozen=True)
class Hit:
    key: str
    kind: str
    kind_label: str
    title: Markup
    url: str
    fabrique_name: str
    date: datetime | None
    snippet: Markup
    status: str = ""  # threads: "resolu", "sans-reponse" or "" (THREAD_STATUS_LABELS)
    thread_id: int | None = None  # a thread's result, or a reply's thread
    matched: int = 1  # a thread's result: how many of its messages match (grouping.py)
    best_url: str = ""  # a thread's result whose best match is a reply: that reply's permalink
    title_text: str = ""  # the title without marks (accessible names; striptags would fold its no-break spaces)
    # The languages the title and the snippet are written in (forum.core.languages; "" when not said).
    title_language: str = ""
    language: str = ""


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class FacetGroup:
    field: str
    param: str
    title: str
    options: list[FacetOption]


@dataclass
class SearchResults:
    text: str
    page: Page[Hit]
    filters: SearchFilters
    sort: str = "pertinence"
    messages: list[str] = field(default_factory=list)
    facets: list[FacetGroup] = field(default_factory=list)
    suggestion: str | None = None
    elapsed_ms: float = 0.0
    thread_title: str = ""  # filters.thread: the title of that thread, when it is public
    partial: str = ""  # partial.py: the sentence saying the page lists the documents with the most words
    failed: bool = False  # an internal error (index, parser): the page says so, with 503, and is not cached

    @property
    def searched(self) -> bool:
        return bool(self.text)


# --- one searcher per process and directory ------------------------------------------------
class _SearcherHolder:
    """The open searchers, by index directory (a few: tests use one directory each)."""

    MAX_DIRECTORIES = 4

    def __init__(self) -> None:
        self.lock = threading.Lock()
        # directory -> (searcher, identity of the directory it was opened on)
        self.searchers: OrderedDict[str, tuple[Any, int]] = OrderedDict()

    @contextmanager
    def using(self, directory: str | Path) -> Iterator[Any]:
        # The path as configured, not resolved: `flask search rebuild` swaps the directory a
        # symbolic link points at, and the inode (os.stat follows the link) tells it changed.
        key = os.path.abspath(directory)
        with self.lock:
            open_or_create(directory)  # the directory exists from here on
            identity = os.stat(key).st_ino
            searcher, opened_on = self.searchers.pop(key, (None, identity))
            if searcher is not None and opened_on != identity:
                # `flask search rebuild` swapped a new directory in: refresh() would keep
                # reading the old one if the generation numbers happen to match.
                searcher.close()
                searcher = None
            if searcher is not None:
                try:
                    if not searcher.up_to_date():
                        # Not searcher.refresh(): see index.open_searcher.
                        searcher = open_searcher(open_or_create(directory), previous=searcher)
                except Exception:
                    log.warning("search index %s reopened", key, exc_info=True)
                    searcher = None
            if searcher is None:
                searcher = open_searcher(open_or_create(directory))
            self.searchers[key] = (searcher, identity)
            while len(self.searchers) > self.MAX_DIRECTORIES:
                _, (old, _) = self.searchers.popitem(last=False)
                old.close()
            yield searcher

    def run(self, directory: str | Path, work):
        """``work(searcher)``, retried once on a freshly opened searcher if it fails.

        Another process may merge segments and delete their files while this searcher still
        points at them (Whoosh keeps no lock for readers): the retry reads the new segments.
        """
        try:
            with self.using(directory) as searcher:
                return work(searcher)
        except Exception:
            log.warning("search on %s failed: reopening the index once", directory, exc_info=True)
            self.forget(directory)
        with self.using(directory) as searcher:
            return work(searcher)

    def forget(self, directory: str | Path) -> None:
        with self.lock:
            searcher, _ = self.searchers.pop(os.path.abspath(directory), (None, None))
            if searcher is not None:
                try:
                    searcher.close()
                except Exception:
                    log.warning("closing a failed searcher", exc_info=True)

    def clear(self) -> None:
        with self.lock:
            for searcher, _ in self.searchers.values():
                searcher.close()
            self.searchers.clear()


_HOLDER = _SearcherHolder()


class _IndexStates:
    """What a page of results depends on besides the database: the index directory's identity
    (`flask search rebuild` swaps in a new one) and the index's latest generation (every commit
    to the index makes a new one). Read on each anonymous search, before the page cache's look-up."""

    MAX_DIRECTORIES = 4

    def __init__(self) -> None:
        self.lock = threading.Lock()
        # directory -> (its identity, the index opened there)
        self.indexes: OrderedDict[str, tuple[int, Any]] = OrderedDict()

    def state(self, directory: str | Path) -> tuple[int, int]:
        key = os.path.abspath(directory)
        with self.lock:
            identity = os.stat(key).st_ino if os.path.isdir(key) else None
            opened_on, ix = self.indexes.pop(key, (None, None))
            if ix is None or opened_on != identity:
                ix = open_or_create(directory)
                identity = os.stat(key).st_ino
            self.indexes[key] = (identity, ix)
            while len(self.indexes) > self.MAX_DIRECTORIES:
                self.indexes.popitem(last=False)
            return identity, ix.latest_generation()


_INDEX_STATES = _IndexStates()


def index_state(directory: str | Path | None = None) -> tuple[int, int]:
    """The index's identity and generation (``_IndexStates``): a page of results keyed by it and by the
    database's content version is the same page as long as both are."""
    return _INDEX_STATES.state(directory or _default_directory())


def _default_directory() -> Path:
    from forum.search.sync import index_directory

    return index_directory()


# --- reading filters -------------------------------------------------------------------------
def read_filters(args: Mapping[str, Any]) -> tuple[SearchFilters, list[str]]:
    """Filters from query-string-like ``args`` ("type", "categorie"..., "du", "au"); never raises.

    Facet values are only bounded here; whether they exist is checked by ``search``.
    """
    messages: list[str] = []
    facets: dict[str, str] = {}
    for param, name in FACET_PARAMS.items():
        value = _arg(args, param)
        if value:
            facets[name] = value[:MAX_FILTER_LENGTH]
    since = _read_day(_arg(args, "du"), messages)
    until = _read_day(_arg(args, "au"), messages)
    if since and until and since > until:
        since, until = until, since
        messages.append(str(DATES_SWAPPED))
    thread = _arg(args, "sujet")
    if thread and not (thread.isascii() and thread.isdigit() and len(thread) <= 12 and int(thread) > 0):
        messages.append(str(BAD_THREAD))
        thread = ""
    return SearchFilters(facets, since, until, int(thread) if thread else None), messages


def _arg(args: Mapping[str, Any], name: str) -> str:
    value = args.get(name)
    return value.strip() if isinstance(value, str) else ""


_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _read_day(raw: str, messages: list[str]) -> date | None:
    if not raw:
        return None
    try:
        if not _DAY.fullmatch(raw):
            raise ValueError(raw)
        day = date.fromisoformat(raw)
        if not 1900 <= day.year <= 2200:
            raise ValueError(raw)
        return day
    except ValueError:
        messages.append(BAD_DATE.format(value=raw[:20]))
        return None


def read_page(raw: Any) -> tuple[int, str | None]:
    """A page number from user input, clamped to 1..MAX_PAGE, with a message when it was odd."""
    if raw is None or raw == "":
        return 1, None
    text = str(raw).strip()
    if not text.isascii() or not text.isdigit() or len(text) > 7:
        return (MAX_PAGE, str(PAGE_PAST_END)) if text.isascii() and text.isdigit() else (1, str(BAD_PAGE))
    number = int(text)
    if number < 1:
        return 1, str(BAD_PAGE)
    return min(number, MAX_PAGE), None


# --- searching -------------------------------------------------------------------------------
def search(text: Any, filters: SearchFilters | None = None, page: Any = 1, sort: str = "pertinence", *,
           directory: str | Path | None = None, session=None) -> SearchResults:
    """One page of results for what a person typed; never raises for any input."""
    from forum.extensions import db

    started = time.perf_counter()
    session = session if session is not None else db.session
    filters = filters or SearchFilters()
    messages: list[str] = []
    if sort not in SORTS:
        messages.append(str(UNKNOWN_SORT))
        sort = "pertinence"
    parsed = parse_user_query(text, TEXT_FIELDS)
    messages.extend(parsed.messages)
    facets, facet_filters = _valid_facets(session, filters.facets, messages)
    filters = SearchFilters(facets, filters.since, filters.until, filters.thread)
    empty = SearchResults(parsed.text, Page(items=[], page=1, per_page=PER_PAGE, total=0), filters, sort, messages,
                          failed=parsed.failed)
    if parsed.query is None:
        empty.elapsed_ms = (time.perf_counter() - started) * 1000
        return empty

    restriction = _restriction(facet_filters, filters)
    number, _ = read_page(page) if not isinstance(page, int) else (min(max(page, 1), MAX_PAGE), None)

    def run(searcher) -> RankedPage:
        return ranked_page(searcher, parsed, number, PER_PAGE, restriction=restriction, by_date=sort == "date",
                           thread=filters.thread, facet_fields=FACET_PARAMS.values())

    try:
        ranked = _HOLDER.run(directory or _default_directory(), run)
    except Exception as error:
        # ERROR with the traceback: a broken index or a Whoosh internal (whoosh_internals.py) must
        # be seen in the logs, while the visitor gets an error page (views: 503), not "0 résultat".
        log.exception("search failed for %r: %s: %s", parsed.text, type(error).__name__, error)
        empty.messages.append(str(SEARCH_FAILED))
        empty.failed = True
        return empty

    found = ranked.found
    if found.total and number > found.page:
        messages.append(str(PAGE_PAST_END))
    hits = _checked_hits(session, found.items, parsed.query, messages, thread=filters.thread)
    results = SearchResults(
        text=parsed.text, page=Page(items=hits, page=found.page, per_page=PER_PAGE, total=found.total),
        filters=filters, sort=sort, messages=messages, facets=_facet_groups(session, ranked.facet_counts, facets),
        suggestion=ranked.suggestion, thread_title=_thread_title(session, filters.thread),
        partial=_partial_sentence(ranked.missing) if ranked.missing is not None else "",
    )
    results.elapsed_ms = (time.perf_counter() - started) * 1000
    return results


def _partial_sentence(missing: list[str]) -> str:
    """What the page of partial matches says: which of the typed units no document holds."""
    if not missing:
        return str(PARTIAL_ALL_FOUND)
    words = ", ".join(QUOTED.format(word=word) for word in missing)
    return PARTIAL_MISSING.format(missing=(NOT_FOUND_ONE if len(missing) == 1 else NOT_FOUND_MANY).format(words=words))


def _allowed_values(session, name: str, value: str) -> bool:
    from forum.fabriques.geography import REGIONS
    from forum.fabriques.models import TerritoryType
    from forum.events.models import EventKind
    from forum.practices.models import PracticeKind
    from forum.resources.models import ResourceKind
    from forum.threads.models import Category

    if name == "kind":
        return value in DOCUMENT_KINDS
    if name == "solved":
        return value in THREAD_STATUS_LABELS
    if name == "region":
        return value in REGIONS
    if name == "territory":
        return value in {item.value for item in TerritoryType}
    if name == "practice_kind":
        return value in {item.value for item in PracticeKind}
    if name == "resource_kind":
        return value in {item.value for item in ResourceKind}
    if name == "event_kind":
        return value in {item.value for item in EventKind}
    if name == "category":
        return session.execute(select(Category.id).where(Category.slug == value)).first() is not None
    return False


def _valid_facets(session, wanted: Mapping[str, str], messages: list[str]) -> tuple[dict[str, str], list[Query]]:
    kept: dict[str, str] = {}
    for name, value in wanted.items():
        if name in FACET_TITLES and _allowed_values(session, name, value):
            kept[name] = value
        else:
            messages.append(UNKNOWN_FILTER.format(title=str(FACET_TITLES.get(name, name)), value=value[:40]))
    return kept, [Term(name, value) for name, value in kept.items()]


def _utc_naive(day: date, end: bool) -> datetime:
    moment = datetime.combine(day, clock.max if end else clock.min, tzinfo=PARIS)
    return moment.astimezone(UTC).replace(tzinfo=None)  # the index stores naive UTC


def _restriction(facet_filters: list[Query], filters: SearchFilters) -> Query | None:
    parts = list(facet_filters)
    if filters.thread:
        parts.append(Term(THREAD_FIELD, str(filters.thread)))
    if filters.since or filters.until:
        parts.append(DateRange("date", _utc_naive(filters.since, False) if filters.since else None,
                               _utc_naive(filters.until, True) if filters.until else None))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(parts)


def _checked_hits(session, items: list[dict], query: Query, messages: list[str], *,
                  thread: int | None = None) -> list[Hit]:
    """The page's hits that are public now, with today's title, url and text (snippets).

    Grouped by thread (``thread`` is None), an item stands for its whole thread: the result is
    the thread (its title and link) with the snippet of its best matching document and, when
    that is a reply, a link to it. Within one thread, each matching document is a result.
    """
    keys = [item["key"] for item in items]
    threads = {item["key"]: f"fil:{item['thread']}" for item in items
               if thread is None and item.get("kind") == "message" and item.get("thread")}
    wanted = list(dict.fromkeys([*keys, *threads.values()]))
    documents = documents_for(session, wanted) if wanted else {}
    if any(key not in documents for key in wanted):
        log.info("search: %d stale hit(s) dropped", sum(key not in documents for key in wanted))
        messages.append(str(STALE_RESULTS))
    words = QueryWords.of(query)
    hits = []
    for item in items:
        key = item["key"]
        document = documents.get(key)
        shown = documents.get(threads[key]) if key in threads else document  # what the result links to
        if document is None or shown is None:
            continue
        moment = document.get("date")
        title_words, text_words = words.in_language(shown.get(LANGUAGE)), words.in_language(document.get(LANGUAGE))
        hits.append(Hit(
            key=threads.get(key, key), kind=shown["kind"], kind_label=str(KIND_LABELS.get(shown["kind"], shown["kind"])),
            # A reply listed alone shows its thread's title unmarked: the title is not what it matched.
            title=title_words.mark(shown["title"]) if shown.get("title")
            else escape(document.get("thread_title") or ""),
            url=shown.get("url") or "", title_text=shown.get("title") or document.get("thread_title") or "",
            fabrique_name=document.get("fabrique_name") or "",
            date=moment.replace(tzinfo=UTC) if moment is not None else None,
            snippet=text_words.snippet(document.get("body") or ""),
            status=shown.get("solved") or "" if shown["kind"] == "fil" else "",
            # A thread's id; an event series (documents.event_series) has no page of its own.
            thread_id=int(document["thread"]) if (document.get("thread") or "").isdigit() else None,
            matched=item.get("matched", 1), best_url=document["url"] if key in threads else "",
            title_language=(shown.get(LANGUAGE) or "") if shown.get("title") else "",
            language=document.get(LANGUAGE) or "",
        ))
    return hits


def _thread_title(session, thread: int | None) -> str:
    """The title of the thread a page is restricted to ("" when there is none or it is not public)."""
    if not thread:
        return ""
    document = documents_for(session, [f"fil:{thread}"]).get(f"fil:{thread}")
    return document["title"] if document else ""


# --- facets ----------------------------------------------------------------------------------
def _facet_groups(session, groups: Mapping[str, Mapping[Any, int]], selected: Mapping[str, str]) -> list[FacetGroup]:
    labels = _facet_labels(session, groups, selected)
    result = []
    for param, name in FACET_PARAMS.items():
        counts = {str(value): count for value, count in groups.get(name, {}).items() if value}
        if name in selected:
            counts.setdefault(selected[name], 0)
        options = [FacetOption(value, labels[name].get(value, value), count, selected.get(name) == value)
                   for value, count in counts.items()]
        options.sort(key=lambda option: (-option.count, option.label))
        if options:
            result.append(FacetGroup(name, param, str(FACET_TITLES[name]), options))
    return result


def _facet_labels(session, groups: Mapping[str, Mapping[Any, int]], selected: Mapping[str, str]) -> dict[str, dict]:
    from forum.fabriques.geography import REGIONS
    from forum.fabriques.models import TerritoryType
    from forum.events.models import EventKind
    from forum.practices.models import PracticeKind
    from forum.resources.models import ResourceKind
    from forum.threads.models import Category

    slugs = {str(value) for value in groups.get("category", {}) if value}
    if "category" in selected:
        slugs.add(selected["category"])
    categories = dict(session.execute(select(Category.slug, Category.name).where(Category.slug.in_(slugs))).all()) \
        if slugs else {}
    return {
        "kind": {kind: str(KIND_LABELS[kind]) for kind in DOCUMENT_KINDS},
        "solved": {value: str(label) for value, label in THREAD_STATUS_LABELS.items()},
        "category": categories,
        "region": dict(REGIONS),
        "territory": {item.value: item.label for item in TerritoryType},
        "practice_kind": {item.value: item.label for item in PracticeKind},
        "resource_kind": {item.value: item.label for item in ResourceKind},
        "event_kind": {item.value: item.label for item in EventKind},
    }


# --- highlighting ----------------------------------------------------------------------------
_WORD = re.compile(WORD_PATTERN)
_MARKDOWN = re.compile(r"[`*_#|~]+|^\s*>+|!?\[|\]\([^)\s]*\)", re.MULTILINE)
_MATCH = "\x00"


class _MarkFormatter(TextFormatter):
    """Matched words in <mark>, everything else HTML-escaped."""

    between = " … "

    def plain_text(self, text: str) -> str:
        return str(escape(text))

    def format_token(self, text: str, token, replace: bool = False) -> str:
        return f"<mark>{escape(text[token.startchar:token.endchar])}</mark>"


@dataclass
class QueryWords:
    """The words a query looks for, to find them again in a text (not the excluded ones)."""

    stems: set[str] = field(default_factory=set)  # stemmed terms of title/body
    words: set[str] = field(default_factory=set)  # folded words (stop-word fallback)
    prefixes: set[str] = field(default_factory=set)  # folded word beginnings
    english: set[str] = field(default_factory=set)  # English stems (the English companions' terms)

    @classmethod
    def of(cls, query: Query | None) -> QueryWords:
        found = cls()
        if query is not None:
            found._walk(query)
        return found

    def in_language(self, language: str | None) -> QueryWords:
        """The words to mark in a text written in ``language``: the English stems in English texts
        only (in French, "formats" is not what « formation » looks for)."""
        if not self.english or language in ENGLISH_LANGUAGES:
            return self
        return QueryWords(self.stems, self.words, self.prefixes)

    def _walk(self, query: Query) -> None:
        if isinstance(query, Not):
            return
        if isinstance(query, Prefix):
            self.prefixes.add(str(query.text))
        elif isinstance(query, Term):
            value = str(query.text)
            if query.fieldname.endswith(PREFIX_SUFFIX):
                self.words.add(value)
            elif query.fieldname.endswith(ENGLISH_SUFFIX):
                self.english.add(value)
            else:
                self.stems.add(value)
        elif isinstance(query, Phrase):
            (self.english if query.fieldname.endswith(ENGLISH_SUFFIX) else self.stems).update(
                str(word) for word in query.words)
        else:
            for child in query.children():
                self._walk(child)

    def _matches(self, folded: str) -> bool:
        if folded in self.words or any(folded.startswith(prefix) for prefix in self.prefixes):
            return True
        if self.english and folded not in ENGLISH_STOP_WORDS and english_stem(folded) in self.english:
            return True
        return folded not in FRENCH_STOP_WORDS and french_stem(folded) in self.stems

    def _tokens(self, text: str, chars: bool = True, **_: Any) -> Iterator[Token]:
        """An "analyzer" for whoosh.highlight: every word, its text _MATCH when it matches."""
        previous: Token | None = None
        previous_word = ""
        for match in _WORD.finditer(text):
            folded = fold(match.group())
            token = Token(chars=True, startchar=match.start(), endchar=match.end())
            token.text = _MATCH if self._matches(folded) else folded
            joined = compound_of(previous_word, folded) if previous is not None else None
            if joined and (french_stem(joined) in self.stems or joined in self.words):
                previous.text = token.text = _MATCH  # "tiers lieux" found by "tiers-lieux"
            if previous is not None:
                yield previous
            previous, previous_word = token, folded
        if previous is not None:
            yield previous

    def snippet(self, text: str, size: int = 220) -> Markup:
        plain = " ".join(_MARKDOWN.sub(" ", text[:SNIPPET_SOURCE_CHARS]).split())
        if not plain:
            return Markup("")
        marked = ""
        if self.stems or self.words or self.prefixes or self.english:
            marked = highlight(plain, [_MATCH], self._tokens, ContextFragmenter(maxchars=size, surround=60),
                               _MarkFormatter(), top=2)
        if marked:
            return Markup(marked)
        short = plain if len(plain) <= size else plain[:size].rsplit(" ", 1)[0] + " …"
        return escape(short)

    def mark(self, text: str) -> Markup:
        """The whole (short) text with its matched words in <mark>."""
        output, index = [], 0
        for token in self._tokens(text):
            if token.text == _MATCH:
                output.append(str(escape(text[index:token.startchar])))
                output.append(f"<mark>{escape(text[token.startchar:token.endchar])}</mark>")
                index = token.endchar
        output.append(str(escape(text[index:])))
        return Markup("".join(output))


# --- similar threads -------------------------------------------------------------------------
def similar_threads(title: Any, limit: int = 5, *, directory: str | Path | None = None,
                    session=None) -> list[dict[str, str]]:
    """Threads whose title or opening post share the most words with ``title`` (public ones only)."""
    from forum.extensions import db

    session = session if session is not None else db.session
    text = title if isinstance(title, str) else ""
    words = list(dict.fromkeys(analyze(text[:SIMILAR_TITLE_LENGTH], stemmed=True)))[:SIMILAR_MAX_WORDS]
    limit = max(1, min(int(limit), 20))
    if not words:
        return []
    query = Or([Term(name, word, boost=SCORE_BOOSTS.get(name, 1.0)) for word in words for name in TEXT_FIELDS])
    try:
        keys = _HOLDER.run(directory or _default_directory(), lambda searcher: [
            hit["key"] for hit in searcher.search(query, filter=Term("kind", "fil"), limit=limit * 2)])
    except Exception:
        log.exception("similar threads failed for %r", text)
        return []
    documents = documents_for(session, keys) if keys else {}
    return [{"title": documents[key]["title"], "url": documents[key]["url"]}
            for key in keys if key in documents][:limit]


__all__ = ["FACET_PARAMS", "MAX_QUERY_LENGTH", "PER_PAGE", "SORTS", "FacetGroup", "FacetOption", "Hit",
           "SearchFilters", "SearchResults", "read_filters", "read_page", "search", "similar_threads"]
