"""Did you mean: a query's unknown words replaced by the closest indexed ones, when that is worth it."""

from __future__ import annotations

import re

from whoosh.support.levenshtein import distance

from forum.search.analysis import FRENCH_STOP_WORDS, WORD_PATTERN, fold
from forum.search.docsets import matching
from forum.search.query import parse_user_query
from forum.search.schema import TEXT_FIELDS, prefix_field
from forum.search.vocabulary import Vocabulary, VocabularyError, current_vocabulary

MAX_CORRECTED_WORDS = 5
_WORD = re.compile(WORD_PATTERN)

_SPELL_FIELDS = tuple(prefix_field(name) for name in TEXT_FIELDS)
_OPERATORS = {"AND", "OR", "NOT"}


def suggestion(searcher, text: str) -> str | None:
    """``text`` with its unknown words replaced by the closest indexed ones, or None.

    Offered only when it is worth it: each replacement is close (``closest_word``), no word
    the vocabulary knows is replaced (an acronym such as "QPV" is not a typing error), and the
    corrected query matches more documents than the typed one.
    """
    reader = searcher.reader()
    try:
        vocabulary = current_vocabulary()
    except (VocabularyError, OSError):  # logged by the parser, which searched without it
        vocabulary = None
    changed = 0
    chunks = []
    for chunk in text.split(" "):
        if chunk in _OPERATORS or "*" in chunk or chunk.startswith("-") or changed >= MAX_CORRECTED_WORDS:
            chunks.append(chunk)
            continue

        def correct(match: re.Match) -> str:
            nonlocal changed
            better = closest_word(reader, match.group(), vocabulary)
            if better is None:
                return match.group()
            changed += 1
            return better

        chunks.append(_WORD.sub(correct, chunk))
    if not changed:
        return None
    corrected_text = " ".join(chunks)
    typed, corrected = (parse_user_query(words, TEXT_FIELDS, vocabulary=vocabulary).query
                        for words in (text, corrected_text))
    if corrected is None or len(matching(searcher, corrected)) <= (
            len(matching(searcher, typed)) if typed is not None else 0):
        return None
    return corrected_text


def closest_word(reader, word: str, vocabulary: Vocabulary | None = None) -> str | None:
    """The indexed word closest to an unknown ``word``: one typing error away (two from 8 letters on)."""
    folded = fold(word)
    if len(folded) < 4 or folded.isdigit() or folded in FRENCH_STOP_WORDS:
        return None
    if vocabulary is not None and vocabulary.knows(folded):
        return None
    if any((name, folded) in reader for name in _SPELL_FIELDS):
        return None
    allowed = 1 if len(folded) < 8 else 2
    best: tuple[int, int, str] | None = None
    for name in _SPELL_FIELDS:
        for candidate in reader.terms_within(name, folded, allowed, prefix=1):
            candidate = candidate.decode() if isinstance(candidate, bytes) else str(candidate)
            if candidate == folded:
                continue
            rank = (distance(folded, candidate), -reader.doc_frequency(name, candidate), candidate)
            if best is None or rank < best:
                best = rank
    return written_form(reader, best[2]) if best else None


def written_form(reader, folded: str) -> str:
    """``folded`` as a title of the index writes it, accents included ("mediation" -> "médiation").

    The vocabulary is folded; titles are stored: the first title holding the word shows how it
    is written. A word found only in texts keeps its folded form.
    """
    title_field = prefix_field("title")
    if (title_field, folded) not in reader:
        return folded
    for docnum in reader.postings(title_field, folded).all_ids():
        for match in _WORD.finditer(reader.stored_fields(docnum).get("title") or ""):
            if fold(match.group()) == folded:
                return match.group().lower()
        break
    return folded
