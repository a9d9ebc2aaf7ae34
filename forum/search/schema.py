"""The Whoosh schema of the search index: one document per searchable thing (a first proposal).

One index holds mixed documents, told apart by ``kind``: a thread ("fil"), a post
("message"), a practice report ("pratique"), a catalogue resource ("ressource"), an event
("evenement"), a fabrique
("fabrique"). ``key`` identifies a document across rebuilds ("message:42"): every change is
an upsert or a delete by key.

Text is indexed twice: ``title``/``body`` through the French analyzer (stemmed, stop words
dropped) for ordinary words, and ``title_prefix``/``body_prefix`` through the unstemmed
analyzer for ``prefix*`` queries, the stop-word fallback and the positions phrases are
checked with (see analysis.py). Only the unstemmed fields store positions: every query reads
the stemmed postings, and positions made them several times slower to decode (measured on
100,000 documents: 50 ms instead of 20 ms for a two-word query's posting lists).
``with_prefix_fields`` fills the companions from the main fields so no caller forgets them.

Text written in English (the document's ``language``, from what its author said: see
forum.core.languages) is indexed a third time, in ``title_en``/``body_en``, through the English
analyzer; these fields keep their positions (only English texts fill them: their phrases are
checked there). French texts, and texts whose language was not said, leave them empty, so a
query's English alternatives (forum.search.query) never match nor score them.

The facet columns (category, region, ...) are single-valued IDs with ``sortable=True``, so
results can be filtered, grouped and counted by them cheaply; values are strings (slugs or
ids as text), ``solved`` is "oui" or "non". A multi-valued facet would need a KEYWORD field.

``thread`` (the thread's id as text, on a thread and on each of its replies; empty elsewhere)
is what the results page groups by (grouping.py). A reply's ``title`` is empty: a reply is
found by its own words, not by its thread's title. What a document carries for display only
(``DISPLAY_ONLY``: the reply's thread title) is dropped by ``with_prefix_fields`` before indexing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from whoosh.fields import DATETIME, ID, STORED, TEXT, Schema

from forum.search.analysis import english_analyzer, french_analyzer, prefix_analyzer

DOCUMENT_KINDS = ("fil", "message", "pratique", "ressource", "fabrique", "evenement")
TEXT_FIELDS = ("title", "body")
PREFIX_SUFFIX = "_prefix"
FACET_FIELDS = ("category", "region", "territory", "practice_kind", "resource_kind", "event_kind", "fabrique",
                "solved")
TITLE_BOOST = 2.0
THREAD_FIELD = "thread"
DISPLAY_ONLY = ("thread_title",)
# Words a document is found by though it never shows them (a lendable item's « prêt »): indexed
# with its body, kept out of its snippet.
FOUND_BY = "found_by"
# The language the document's text is written in (a code of forum.core.languages, "" when not
# said), stored; the languages whose texts also fill the English companions.
LANGUAGE = "language"
ENGLISH_SUFFIX = "_en"
ENGLISH_LANGUAGES = ("en",)


def prefix_field(name: str) -> str:
    """The unstemmed companion of a text field: "title" -> "title_prefix"."""
    return name + PREFIX_SUFFIX


def english_field(name: str) -> str:
    """The English companion of a text field: "body" -> "body_en"."""
    return name + ENGLISH_SUFFIX


# A title's words count TITLE_BOOST times a body's: the factor multiplies the field's BM25 score
# (docsets.scored), after the saturation of term frequencies. Not Whoosh's ``field_boost``,
# which multiplies the frequency inside it: a title word then scored only ~1.3 times a body
# word, and a short body's single mention outranked a title holding the word.
SCORE_BOOSTS = {"title": TITLE_BOOST, "title" + PREFIX_SUFFIX: TITLE_BOOST, "title" + ENGLISH_SUFFIX: TITLE_BOOST}


def build_schema() -> Schema:
    """A fresh schema (Schema objects are mutable: never share one between indexes)."""
    french = french_analyzer()
    unstemmed = prefix_analyzer()
    english = english_analyzer()
    fields: dict[str, Any] = {
        "key": ID(unique=True, stored=True),
        "kind": ID(stored=True, sortable=True),
        "title": TEXT(analyzer=french, stored=True, phrase=False),
        "body": TEXT(analyzer=french, phrase=False),
        # Words as typed (folded), with the stemmed field's positions (docsets.StemPhrase).
        prefix_field("title"): TEXT(analyzer=unstemmed),
        prefix_field("body"): TEXT(analyzer=unstemmed),
        # Filled for English texts only, with positions (English phrases are checked there).
        english_field("title"): TEXT(analyzer=english),
        english_field("body"): TEXT(analyzer=english),
        LANGUAGE: ID(stored=True),
        "date": DATETIME(stored=True, sortable=True),
        "url": STORED(),
        "fabrique_name": STORED(),
        THREAD_FIELD: ID(stored=True, sortable=True),
    }
    for name in FACET_FIELDS:
        fields[name] = ID(stored=True, sortable=True)
    return Schema(**fields)


def with_prefix_fields(document: Mapping[str, Any]) -> dict[str, Any]:
    """``document`` plus its unstemmed companions: {"title": t} -> {"title": t, "title_prefix": t},
    without its display-only keys, its ``FOUND_BY`` words joined to its body (the fields the index
    is written with), and its English companions when it is written in English (``ENGLISH_LANGUAGES``)."""
    completed = {name: value for name, value in document.items() if name not in (*DISPLAY_ONLY, FOUND_BY)}
    completed[LANGUAGE] = completed.get(LANGUAGE) or ""
    if document.get(FOUND_BY):
        completed["body"] = " ".join(filter(None, (completed.get("body"), document[FOUND_BY])))
    english = completed[LANGUAGE] in ENGLISH_LANGUAGES
    for name in TEXT_FIELDS:
        if name in completed:
            completed.setdefault(prefix_field(name), completed[name])
            if english:
                completed.setdefault(english_field(name), completed[name])
    return completed
