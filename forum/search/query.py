"""From what a person types in the search box to a Whoosh query, and one page of results.

The syntax is the one people already know from web search engines, nothing more:

    médiation numérique      every word must match (accents, case and endings do not matter)
    "médiation numérique"    an exact phrase (still without accents/endings mattering)
    -laser                   exclude a word (or -"a phrase", or NOT laser)
    mediat*                  words starting with "mediat" (3 letters at least)
    fablab OR tiers-lieu     either (uppercase OR only; it binds tighter than the implicit AND:
                             ``a b OR c d`` is a AND (b OR c) AND d)

The query tree is built by hand rather than by Whoosh's QueryParser: its full syntax
(fields, ranges, boosts, fuzzy terms, grouping...) would have to be switched off piece by piece,
and its error recovery is not something we could promise anything about. Here every input
gives a result: ``parse_user_query`` never raises and never builds a query that scans the
vocabulary. No leading wildcard; a prefix needs 3 letters and becomes a ``WordPrefix``
(forum.search.docsets: the union of its words' postings, at most MAX_PREFIX_WORDS words). When
it drops or changes something it says so, in French, in ``ParsedQuery.messages``.

Cleaning and lexing (quotes, operators, wildcards) are in forum.search.lexing. The network's
vocabulary (forum.search.vocabulary) then widens the plain words it knows: ``CCAS`` is read as
``CCAS OR "centre communal d'action sociale"``, and unquoted consecutive words forming one of
its expressions as OR(those words, each equivalent). A plain word also matches the exact forms
of its word family (forum.search.families: "médiatrice" finds "médiateur").

Every word and phrase is also looked up by its English stems in the English companions of the
fields (``title_en``, ``body_en``), which only texts written in English fill (forum.search.schema):
"borrowing laser cutters" finds "We borrow a laser cutter every month". A French text has
nothing there, so it matches and scores exactly as it would without them.
"""

from __future__ import annotations

import heapq
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from whoosh.query import And, Not, Or, Phrase, Query, Term

from flask_babel import lazy_gettext

from forum.core.pagination import MAX_PAGE, Page
from forum.search.analysis import (
    MIN_PREFIX_LENGTH,
    analyze,
    analyze_english,
    compound_of,
)
from forum.search.docsets import StemPhrase, WordPrefix, facet_counts, matching, ranked
from forum.search.families import forms_of
from forum.search.lexing import (
    CONTROL_CHARACTERS,
    LONE_QUOTE,
    MAX_QUERY_LENGTH,
    PARENTHESES,
    TOO_LONG,
    UNCLOSED_QUOTE,
    WILDCARD_INSIDE,
    WILDCARD_START,
    Clause,
    ParseState,
    clean,
    lex,
)
from forum.search.schema import english_field, prefix_field
from forum.search.vocabulary import Expression, Vocabulary, VocabularyError, current_vocabulary

if TYPE_CHECKING:
    from forum.search.partial import PartialMatches

log = logging.getLogger(__name__)

MAX_PER_PAGE = 100

# Messages shown to the person searching, each at most once per query (and those of forum.search.lexing).
SHORT_PREFIX = lazy_gettext("Un préfixe doit faire au moins 3 lettres.")
OPERATOR_IGNORED = lazy_gettext("Les opérateurs OR et NOT doivent être suivis d'un mot (et OR, précédé d'un mot) : "
                                "ils ont été ignorés.")
OPERATORS_ALONE = lazy_gettext("AND, OR et NOT relient des mots ; seuls, ils ne cherchent rien. Ajoutez des mots à rechercher.")
ONLY_EXCLUSIONS = lazy_gettext("Indiquez au moins un mot à rechercher en plus des mots exclus (précédés de -).")
NOTHING_TO_SEARCH = lazy_gettext("Aucun mot à rechercher : essayez d'autres termes.")
NOT_UNDERSTOOD = lazy_gettext("Votre recherche n'a pas pu être comprise : essayez d'autres termes.")



@dataclass(frozen=True)
class Unit:
    """One required part of a query: a word, a phrase or an explicit OR group, as typed and as a query."""

    label: str
    query: Query


@dataclass(frozen=True)
class ParsedQuery:
    """The outcome of ``parse_user_query``.

    ``query`` is None when there is nothing to search (show no results, not all of them);
    ``messages`` are French sentences for the user about what was dropped or changed;
    ``text`` is the cleaned text that was parsed (to show back in the search box);
    ``failed`` says the parser itself broke (logged): the page is an error, not "no results".
    """

    query: Query | None
    messages: list[str]
    text: str
    failed: bool = False
    # The query's required units, each as typed and as a query (a word, a phrase, an OR group),
    # and what it excludes: the fallback for partial matches (forum.search.partial) needs them apart.
    units: tuple[Unit, ...] = ()
    excluded: Query | None = None

    @property
    def is_empty(self) -> bool:
        return self.query is None


_CURRENT = object()  # parse_user_query's default: the vocabulary the app uses now


def parse_user_query(text: str, fields: Sequence[str] | str, *,
                     vocabulary: Vocabulary | None | object = _CURRENT, english: bool = True) -> ParsedQuery:
    """Parse what a person typed into a query on ``fields``; never raises for any ``text``.

    The network's ``vocabulary`` (forum.search.vocabulary; by default the current one, None for
    none) widens the words and expressions it knows to their equivalents.

    ``fields`` are stemmed text fields of the schema (e.g. ("title", "body")); words and
    phrases are looked up in them, prefixes and the stop-word fallback in their unstemmed
    companions (``prefix_field(name)``). The analyzers of forum.search.analysis are used, so
    the fields must be built with them (forum.search.schema does). ``english``: words and phrases
    are also looked up by their English stems in the fields' English companions (``english_field``).
    """
    names = (fields,) if isinstance(fields, str) else tuple(fields)
    if not names:
        raise ValueError("parse_user_query needs at least one field")
    state = ParseState(fields=names, vocabulary=_vocabulary() if vocabulary is _CURRENT else vocabulary,
                       english=english)
    cleaned = ""
    try:
        cleaned = clean(text, state)
        built = _build(lex(cleaned, state), state)
    except Exception:  # a bug must not turn a search into a server error
        log.exception("search query could not be parsed: %r", text)
        return ParsedQuery(None, [NOT_UNDERSTOOD], cleaned, failed=True)
    if built is None:
        if cleaned and not state.messages:
            state.say(NOTHING_TO_SEARCH)
        return ParsedQuery(None, state.messages, cleaned)
    return ParsedQuery(built.query, state.messages, cleaned, units=built.units, excluded=built.excluded)


def _vocabulary() -> Vocabulary | None:
    try:
        return current_vocabulary()
    except (VocabularyError, OSError):
        # Logged with the file and entry at fault; members still get results, without synonyms.
        log.exception("search vocabulary not loaded: searching without it")
        return None


# --- from clauses to a query -----------------------------------------------------------------
@dataclass(frozen=True)
class _Built:
    query: Query
    units: tuple[Unit, ...]
    excluded: Query | None


def _build(items: list[Clause | str], state: ParseState) -> _Built | None:
    clauses = _join_compounds(_apply_not(items, state))
    groups = _or_groups(clauses, state)
    if state.vocabulary is not None:
        groups = _with_vocabulary(groups, state.vocabulary)
    if not groups:
        if any(isinstance(item, str) for item in items):
            # "AND OR NOT": one message about the operators, not one per operator.
            if OPERATOR_IGNORED in state.messages:
                state.messages.remove(OPERATOR_IGNORED)
            state.say(OPERATORS_ALONE)
        return None
    positives = [group for group in groups if not group[0].negated]
    negatives = [group[0] for group in groups if group[0].negated]
    if not positives:
        state.say(ONLY_EXCLUSIONS)
        return None

    # First try: stemmed fields, stop words dropped. Only if nothing at all is left to look
    # for (the query was made of stop words only: "été", "le la") do we look up the words
    # as typed in the unstemmed fields, where stop words are indexed.
    built = [_group_query(group, state, fallback=False) for group in positives]
    fallback = all(query is None for query in built)
    if fallback:
        built = [_group_query(group, state, fallback=True) for group in positives]
    units = tuple(Unit(_label(group), query) for group, query in zip(positives, built, strict=True)
                  if query is not None)
    if not units:
        return None
    wanted = [unit.query for unit in units]
    excluded = [query for clause in negatives
                if (query := _clause_query(clause, state, fallback)) is not None]
    either = None if not excluded else excluded[0] if len(excluded) == 1 else Or(excluded)
    if len(wanted) == 1 and not excluded:
        return _Built(wanted[0], units, None)
    return _Built(And(wanted + [Not(query) for query in excluded]), units, either)


def _label(group: list[Clause]) -> str:
    """A unit as the person typed it, to name it back: ``word``, ``a phrase`` (unquoted), ``mediat*``, ``a OR b``."""
    def typed(clause: Clause) -> str:
        text = " ".join(part.text for part in clause.parts) if clause.parts else clause.text
        return f"{text}*" if clause.prefix else text
    return " OR ".join(typed(clause) for clause in group)


def _apply_not(items: list[Clause | str], state: ParseState) -> list[Clause | str]:
    """Resolve NOT (it negates the next clause) and AND (the default, so dropped); keep OR."""
    resolved: list[Clause | str] = []
    negate_next = False
    for item in items:
        if item == "AND":
            continue
        if item == "NOT":
            negate_next = True
            continue
        if isinstance(item, Clause) and negate_next:
            item.negated = True
            negate_next = False
        resolved.append(item)
    if negate_next:
        state.say(OPERATOR_IGNORED)
    return resolved


def _join_compounds(items: list[Clause | str]) -> list[Clause | str]:
    """Two plain words forming a known compound ("fab lab", "tiers lieu") become one word."""
    joined: list[Clause | str] = []
    for item in items:
        previous = joined[-1] if joined else None
        if (isinstance(item, Clause) and isinstance(previous, Clause)
                and _plain(item) and _plain(previous) and item.negated == previous.negated
                and compound_of(previous.text, item.text)):
            previous.text = f"{previous.text}-{item.text}"
            continue
        joined.append(item)
    return joined


def _plain(clause: Clause) -> bool:
    return not clause.phrase and not clause.prefix


def _or_groups(items: list[Clause | str], state: ParseState) -> list[list[Clause]]:
    """Group clauses linked by OR; an OR without a (non-excluded) clause on each side is dropped."""
    groups: list[list[Clause]] = []
    pending_or = False
    for item in items:
        if item == "OR":
            if groups and not groups[-1][-1].negated and not pending_or:
                pending_or = True
            elif not pending_or:
                state.say(OPERATOR_IGNORED)
            continue
        assert isinstance(item, Clause)
        if pending_or and not item.negated:
            groups[-1].append(item)
        else:
            if pending_or:
                state.say(OPERATOR_IGNORED)
            groups.append([item])
        pending_or = False
    if pending_or:
        state.say(OPERATOR_IGNORED)
    return groups


def _with_vocabulary(groups: list[list[Clause]], vocabulary: Vocabulary) -> list[list[Clause]]:
    """Give the typed words that form expressions of the vocabulary their equivalents.

    Only plain words count: consecutive words not linked by OR may form an expression of
    several words ("centre communal d'action sociale"), a word of an OR group is read alone;
    exclusions, quoted phrases and prefixes keep their meaning and are left as typed.
    """
    expanded: list[list[Clause]] = []
    run: list[Clause] = []
    for group in [*groups, []]:  # the empty group ends the last run
        if len(group) == 1 and _plain(group[0]) and not group[0].negated:
            run.append(group[0])
            continue
        found = {match.start: match for match in vocabulary.find([clause.text for clause in run])}
        position = 0
        while position < len(run):
            match = found.get(position)
            stop = match.stop if match else position + 1
            span = run[position:stop]
            expanded.append([Clause(" ".join(clause.text for clause in span), parts=span,
                                     equivalents=match.equivalents)] if match else span)
            position = stop
        run = []
        if len(group) > 1:
            for clause in group:
                match = vocabulary.find([clause.text]) if _plain(clause) else []
                clause.equivalents = match[0].equivalents if match else ()
        if group:
            expanded.append(group)
    return expanded


def _group_query(group: list[Clause], state: ParseState, fallback: bool) -> Query | None:
    queries = [query for clause in group if (query := _clause_query(clause, state, fallback)) is not None]
    if not queries:
        return None
    return queries[0] if len(queries) == 1 else Or(queries)


def _clause_query(clause: Clause, state: ParseState, fallback: bool) -> Query | None:
    """The typed clause, or with the vocabulary's equivalents: OR(as typed, each equivalent)."""
    typed = [_typed_query(part, state, fallback) for part in clause.parts or [clause]]
    original = _all_of([query for query in typed if query is not None])
    if not clause.equivalents or fallback:
        return original
    # (An acronym that is also a stop word would find nothing as typed: its equivalents still count.)
    alternatives = [original] if original is not None else []
    alternatives += [_equivalent_query(expression, state.fields) for expression in clause.equivalents]
    return alternatives[0] if len(alternatives) == 1 else Or(alternatives)


def _equivalent_query(expression: Expression, fields: tuple[str, ...]) -> Query:
    """An acronym as that exact word (not "café" for "CAF"), a word by its stem, words as a phrase."""
    if expression.acronym:
        return _in_fields(fields, _term(expression.acronym, unstemmed=True))
    if len(expression.stems) == 1:
        return _in_fields(fields, _term(expression.stems[0]))
    return _in_fields(fields, lambda name: StemPhrase(name, list(expression.stems)))


def _typed_query(clause: Clause, state: ParseState, fallback: bool) -> Query | None:
    if clause.prefix:
        return _prefix_query(clause, state) if not fallback else None
    if fallback:
        # Exact (folded) words, stop words included, in the unstemmed fields; these fields
        # have no positions, so a phrase becomes "all these words".
        words = analyze(clause.text, stemmed=False)
        return _all_of([_in_fields(state.fields, _term(word, unstemmed=True)) for word in words])
    words = analyze(clause.text, stemmed=True)
    if len(words) == 1:
        return _or_english(clause, _with_family(clause, _in_fields(state.fields, _term(words[0])), state.fields),
                           state)
    if words:
        # A phrase, or a word that analysis splits ("imprimante-3D", "l'atelier-école").
        return _or_english(clause, _in_fields(state.fields, lambda name: StemPhrase(name, words)), state)
    return None


def _or_english(clause: Clause, french: Query, state: ParseState) -> Query:
    """``french`` OR the clause's English stems in the English companions of the fields (a phrase
    there when it makes several: those fields keep positions). Only texts written in English fill
    them; a clause made of English stop words alone ("the") keeps its French reading only."""
    words = analyze_english(clause.text) if state.english else []
    if not words:
        return french
    fields = tuple(english_field(name) for name in state.fields)
    english = _in_fields(fields, (lambda name: Term(name, words[0])) if len(words) == 1
                         else (lambda name: Phrase(name, words)))
    return Or([french, english])


def _with_family(clause: Clause, stemmed: Query, fields: tuple[str, ...]) -> Query:
    """A typed word OR the forms of its family (forum.search.families); only those for a split merge."""
    # A quoted phrase is exact and an exclusion keeps its meaning: neither is widened.
    words = analyze(clause.text, stemmed=False) if not (clause.phrase or clause.negated) else []
    forms = forms_of(words[0]) if len(words) == 1 else None
    if forms is None:
        return stemmed
    family = [_in_fields(fields, _term(word, unstemmed=True)) for word in forms.words]
    family += [_in_fields(fields, _term(stem)) for stem in forms.stems]
    alternatives = family if forms.only else [stemmed, *family]
    return alternatives[0] if len(alternatives) == 1 else Or(alternatives)


def _prefix_query(clause: Clause, state: ParseState) -> Query | None:
    """``mediat*`` on the unstemmed fields; the words before the last one (``tiers-l*``) as terms."""
    words = analyze(clause.text, stemmed=False)
    if not words or len(words[-1]) < MIN_PREFIX_LENGTH:
        state.say(SHORT_PREFIX)
        return None
    *whole, start = words
    parts = [_in_fields(state.fields, _term(word, unstemmed=True)) for word in whole]
    parts.append(_in_fields(state.fields, lambda name: WordPrefix(prefix_field(name), start)))
    return _all_of(parts)


def _term(word: str, unstemmed: bool = False) -> Callable[[str], Query]:
    return lambda name: Term(prefix_field(name) if unstemmed else name, word)


def _in_fields(fields: tuple[str, ...], make: Callable[[str], Query]) -> Query:
    queries = [make(name) for name in fields]
    return queries[0] if len(queries) == 1 else Or(queries)


def _all_of(queries: list[Query]) -> Query | None:
    if not queries:
        return None
    return queries[0] if len(queries) == 1 else And(queries)


# --- one page of results ---------------------------------------------------------------------
def page_of_results(searcher, query: Query | None, page: Any, per_page: Any = 20, *,
                    restriction: Query | None = None, by_date: bool = False,
                    facet_fields: Iterable[str] = (),
                    partial: PartialMatches | None = None) -> tuple[Page[dict[str, Any]], dict[str, dict[str, int]]]:
    """One page of hits (stored fields plus "score") and the facet counts of all the matches.

    Never raises for odd page numbers: below 1 (or not a number) is page 1, past the end is
    the last page; no query is an empty page 1. ``per_page`` is kept within 1..MAX_PER_PAGE.
    ``restriction`` (facet terms, a date range) limits the matches; ``by_date`` ranks the
    newest first instead of the best; ``facet_fields`` get {value: count} over every match.

    The set of matching documents is computed once with set operations (forum.search.docsets):
    it gives the exact total and the facet counts, and only its members are scored, from
    their postings (``ranked``). (Whoosh's own ``search_page`` raises on page 0, and its
    matchers walk every match one document at a time to count, group and score.)

    ``partial`` (forum.search.partial) lists its documents instead of ``query``'s, those
    matching the most units first (``restriction`` is already applied to them).
    """
    page = _bounded_int(page, default=1, low=1, high=MAX_PAGE)
    per_page = _bounded_int(per_page, default=20, low=1, high=MAX_PER_PAGE)
    names = list(facet_fields)
    if query is None:
        return Page(items=[], page=1, per_page=per_page, total=0), {name: {} for name in names}
    if partial is not None:
        matches = partial.matches
    else:
        matches = matching(searcher, query)
        if restriction is not None:
            matches = matches & matching(searcher, restriction)
    total = len(matches)
    counts = facet_counts(matches, names)
    if not total:
        return Page(items=[], page=1, per_page=per_page, total=0), counts
    page = min(page, -(-total // per_page))
    if partial is not None:
        best = [(-negative, 0.0 if by_date else score) for (_, score), negative
                in heapq.nlargest(page * per_page, partial.candidates(searcher, by_date))]
    else:
        best = ranked(searcher, query, matches, page * per_page, by_date=by_date)
    start = (page - 1) * per_page
    items = [{**searcher.stored_fields(docnum), "score": score} for docnum, score in best[start:start + per_page]]
    return Page(items=items, page=page, per_page=per_page, total=total), counts


def _bounded_int(value: Any, *, default: int, low: int, high: int) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError):
        return default
    return min(max(number, low), high)


# The messages of lexing are this module's too: every sentence the parser may show, in one place.
__all__ = ["CONTROL_CHARACTERS", "LONE_QUOTE", "MAX_PER_PAGE", "MAX_QUERY_LENGTH", "NOTHING_TO_SEARCH", "NOT_UNDERSTOOD",
           "ONLY_EXCLUSIONS", "OPERATORS_ALONE", "OPERATOR_IGNORED", "PARENTHESES", "SHORT_PREFIX", "TOO_LONG",
           "UNCLOSED_QUOTE", "WILDCARD_INSIDE", "WILDCARD_START", "ParsedQuery", "Unit", "page_of_results", "parse_user_query"]
