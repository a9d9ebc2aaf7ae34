"""The network's vocabulary: groups of expressions that mean the same thing, applied to queries.

The groups live in ``forum/search/vocabulary.toml`` (data, extended by pull request; its header
says how). They are applied when a query is parsed (forum.search.query), never at indexing
time, so editing the file changes results without a rebuild: the file is read again when its
modification time changes, at the next search of each worker.

How an expression is compared with what a person typed:

* an **acronym** (one word written in capitals in the file: ``CCAS``) is an exact word, accents
  and case aside: ``ccas`` matches it, but ``CAF`` does not match ``café`` although the stemmer
  gives both "caf". As an equivalent it is looked up as that exact word in the unstemmed fields;
* any other expression is compared **stem by stem**, as the index compares words ("centres
  communaux d'action sociale" matches "centre communal d'action sociale"); as an equivalent,
  one word is its stem's family and several words a phrase;
* an acronym that is also an ordinary word (``AMI``: "ami") is listed in ``only_in_capitals``:
  it starts an expansion only when typed in capitals, and is never added as an equivalent of
  the others (the folded index cannot tell "AMI" from "ami").

Loading is strict: an unknown key, a group with fewer than two expressions, an expression
that analysis reduces to nothing, an expression in two groups... raise ``VocabularyError``
naming the file and the group (``vocabulary.toml: group[12].terms[1]``).
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from forum.search.analysis import analyze
from forum.search.data_files import ReloadingFile

DATA_PACKAGE = "forum.search"
DATA_FILE = "vocabulary.toml"
# The switch: app config SEARCH_VOCABULARY (True by default), SEARCH_VOCABULARY_FILE (a path;
# None for the packaged file). Outside an app (benchmarks) the module-level ENABLED applies.
ENABLED = True
_GROUP_KEYS = {"terms", "only_in_capitals"}


class VocabularyError(ValueError):
    """The vocabulary file is not what this module expects; the message names the file and entry."""


@dataclass(frozen=True)
class Expression:
    """One expression of a group, as written in the file and as the analyzers see it."""

    written: str
    stems: tuple[str, ...]  # stemmed analysis (query mode)
    acronym: str | None  # the folded word, for an acronym (compared exactly, not by stem)
    only_in_capitals: bool = False


@dataclass(frozen=True)
class Found:
    """Typed clauses ``start``..``stop - 1`` form ``expression``; ``equivalents`` are the others of its group."""

    start: int
    stop: int
    equivalents: tuple[Expression, ...]


class Vocabulary:
    """The groups of a vocabulary file, indexed for look-ups by stems and by acronym."""

    def __init__(self, groups: Sequence[Sequence[Expression]]) -> None:
        self.groups = tuple(tuple(group) for group in groups)
        self.by_stems: dict[tuple[str, ...], int] = {}
        self.by_acronym: dict[str, tuple[int, Expression]] = {}
        for number, group in enumerate(self.groups):
            for expression in group:
                if expression.acronym:
                    self.by_acronym[expression.acronym] = (number, expression)
                else:
                    self.by_stems[expression.stems] = number
        self.longest = max((len(stems) for stems in self.by_stems), default=1)
        # Folded words of acronyms and one-word expressions: never "corrected" by did-you-mean.
        self.known_words = frozenset(
            word for group in self.groups for expression in group
            for word in analyze(expression.written, stemmed=False))

    def knows(self, folded_word: str) -> bool:
        return folded_word in self.known_words

    def find(self, typed: Sequence[str]) -> list[Found]:
        """The expressions found in ``typed`` (consecutive plain words, as typed), longest first, left to right."""
        stems = [analyze(text, stemmed=True) for text in typed]
        found: list[Found] = []
        start = 0
        while start < len(typed):
            match = self._at(typed, stems, start)
            if match is None:
                start += 1
                continue
            found.append(match)
            start = match.stop
        return found

    def _at(self, typed: Sequence[str], stems: list[list[str]], start: int) -> Found | None:
        best: tuple[int, int] | None = None  # (stop, group)
        run: list[str] = []
        for stop in range(start + 1, len(typed) + 1):
            run.extend(stems[stop - 1])
            if len(run) > self.longest:
                break
            if not stems[stop - 1] or not stems[start]:
                continue  # a span neither starts nor ends on a stop word
            group = self.by_stems.get(tuple(run))
            if group is not None:
                best = (stop, group)
        if best is None:
            group_and_expression = self._acronym(typed[start])
            if group_and_expression is None:
                return None
            group, matched = group_and_expression
            return Found(start, start + 1, _without_redundant(self._others(group, matched), matched.stems))
        stop, group = best
        matched_stems = tuple(word for part in stems[start:stop] for word in part)
        matched = next(expression for expression in self.groups[group] if expression.stems == matched_stems)
        return Found(start, stop, _without_redundant(self._others(group, matched), matched_stems))

    def _acronym(self, text: str) -> tuple[int, Expression] | None:
        words = analyze(text, stemmed=False)
        if len(words) != 1 or words[0] not in self.by_acronym:
            return None
        group, expression = self.by_acronym[words[0]]
        if expression.only_in_capitals and not text.strip("-+").isupper():
            return None
        return group, expression

    def _others(self, group: int, matched: Expression) -> tuple[Expression, ...]:
        kept: dict[tuple, Expression] = {}  # one per key: "emprunt" and "emprunter" search the same
        for expression in self.groups[group]:
            key = (expression.stems, expression.acronym)
            if not expression.only_in_capitals and key != (matched.stems, matched.acronym):
                kept.setdefault(key, expression)
        return tuple(kept.values())


def _without_redundant(equivalents: tuple[Expression, ...], typed: tuple[str, ...]) -> tuple[Expression, ...]:
    """The equivalents less the phrases whose documents another alternative already finds.

    A phrase holding every typed stem ("conseiller numérique France Services" for the typed
    "conseiller numérique") or holding a shorter equivalent adds no document, only the cost
    of checking positions, the dearest part of a search.
    """
    def redundant(phrase: Expression) -> bool:
        if phrase.acronym or len(phrase.stems) < 2:
            return False
        if typed and set(typed) <= set(phrase.stems):
            return True
        return any(other is not phrase and not other.acronym and _contains(phrase.stems, other.stems)
                   for other in equivalents)

    return tuple(expression for expression in equivalents if not redundant(expression))


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    size = len(shorter)
    return size < len(longer) and any(longer[start:start + size] == shorter for start in range(len(longer) - size + 1))


# --- loading -----------------------------------------------------------------------------------
def parse_vocabulary(text: str, where: str) -> Vocabulary:
    """The vocabulary in the TOML ``text``; ``VocabularyError`` naming ``where`` and the entry if malformed."""
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise VocabularyError(f"{where}: {error}") from None
    unknown = sorted(set(table) - {"group"})
    if unknown:
        raise VocabularyError(f"{where}: unknown key {unknown[0]!r} (only [[group]] tables are expected)")
    raw_groups = table.get("group", [])
    if not isinstance(raw_groups, list):
        raise VocabularyError(f"{where}: group must be written [[group]]")
    groups = []
    seen: dict[tuple[tuple[str, ...], str | None], str] = {}
    for number, raw in enumerate(raw_groups):
        entry = f"{where}: group[{number}]"
        group = _group(raw, entry)
        for index, expression in enumerate(group):
            key = (expression.stems, expression.acronym)
            if key in seen and not seen[key].startswith(f"{entry} "):  # "emprunt", "emprunter": one group
                raise VocabularyError(f"{entry}.terms[{index}]: {expression.written!r} is already in {seen[key]}"
                                      " (merge the two groups)")
            seen[key] = f"{entry} ({expression.written!r})"
        groups.append(group)
    return Vocabulary(groups)


def _group(raw: object, entry: str) -> list[Expression]:
    if not isinstance(raw, dict):
        raise VocabularyError(f"{entry}: a [[group]] table is expected")
    unknown = sorted(set(raw) - _GROUP_KEYS)
    if unknown:
        raise VocabularyError(f"{entry}: unknown key {unknown[0]!r} (expected: terms, only_in_capitals)")
    terms = raw.get("terms")
    if not isinstance(terms, list) or len(terms) < 2:
        raise VocabularyError(f"{entry}.terms: a list of at least two expressions is expected")
    capitals = raw.get("only_in_capitals", [])
    if not isinstance(capitals, list) or not all(isinstance(word, str) for word in capitals):
        raise VocabularyError(f"{entry}.only_in_capitals: a list of acronyms of the group is expected")
    expressions = [_expression(term, f"{entry}.terms[{index}]", term in capitals) for index, term in enumerate(terms)]
    for word in capitals:
        if not any(expression.written == word and expression.acronym for expression in expressions):
            raise VocabularyError(f"{entry}.only_in_capitals: {word!r} is not one of the group's acronyms")
    return expressions


def _expression(term: object, entry: str, only_in_capitals: bool) -> Expression:
    if not isinstance(term, str) or not term.strip():
        raise VocabularyError(f"{entry}: a non-empty string is expected")
    written = " ".join(term.split())
    stems = tuple(analyze(written, stemmed=True))
    words = analyze(written, stemmed=False)
    acronym = words[0] if len(words) == 1 and written.isupper() and written.isalnum() else None
    if not stems and not acronym:  # an acronym is looked up as a word, where stop words are indexed
        raise VocabularyError(f"{entry}: {written!r} is made of stop words only, it would match nothing")
    return Expression(written, stems, acronym, only_in_capitals)


# --- the current vocabulary ------------------------------------------------------------------
_CACHE = ReloadingFile(parse_vocabulary)


def packaged_file() -> Path:
    return Path(str(resources.files(DATA_PACKAGE).joinpath(DATA_FILE)))


def _settings() -> tuple[bool, Path]:
    from flask import current_app, has_app_context

    if not has_app_context():
        return ENABLED, packaged_file()
    config = current_app.config
    configured = config.get("SEARCH_VOCABULARY_FILE")
    return bool(config.get("SEARCH_VOCABULARY", ENABLED)), Path(configured) if configured else packaged_file()


def current_vocabulary() -> Vocabulary | None:
    """The vocabulary searches use now, or None when it is switched off (SEARCH_VOCABULARY)."""
    enabled, path = _settings()
    return _CACHE.get(path) if enabled else None


def state() -> tuple[bool, int]:
    """What pages of results depend on here (for a page cache's key): switched on, and the file's mtime."""
    enabled, path = _settings()
    if not enabled:
        return False, 0
    try:
        return True, path.stat().st_mtime_ns
    except OSError:  # a missing file: searches go on without it (logged by the parser)
        return True, -1
