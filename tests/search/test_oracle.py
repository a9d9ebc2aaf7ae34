"""The project's own matching, ranking and facet counts (docsets.py, through whoosh_internals.py)
against Whoosh's own ``searcher.search(..., groupedby=...)``, on a multi-segment index with
deletions and updates.

docsets.py answers a query from posting blocks it decodes itself, reading Whoosh's private
parts (whoosh_internals.py). Whoosh's own search walks its matchers and is slow, but it is the
reference: for every query of ``QUERIES`` (terms, phrases, prefixes, AND/OR/NOT), with and
without a restriction (a facet, a date range), the matched documents, their ranking and every
facet's counts must be Whoosh's. Where the project differs on purpose, the difference is
stated in ``whoosh_equivalent`` / ``differences`` and asserted, not ignored.

The second part breaks whoosh_internals.py in small ways (one block short, a block's base off
by one, weights off by one, the deletions forgotten, a stale table of contents) and shows that
the comparison notices each.
"""

from __future__ import annotations

import math
import random
from datetime import datetime, timedelta
from itertools import product

import pytest
from whoosh import sorting
from whoosh.matching import ListMatcher, NullMatcher
from whoosh.query import (
    And,
    AndNot,
    ConstantScoreQuery,
    DateRange,
    Not,
    NullQuery,
    Or,
    Phrase,
    Prefix,
    Query,
    Term,
)
from whoosh.query.wrappers import WrappingQuery

from forum.search import docsets, whoosh_internals
from forum.search.analysis import FRENCH_STOP_WORDS, french_stem
from forum.search.docsets import StemPhrase, WordPrefix, facet_counts, matching, ranked
from forum.search.index import open_or_create, open_searcher
from forum.search.query import parse_user_query
from forum.search.schema import FACET_FIELDS, PREFIX_SUFFIX, SCORE_BOOSTS, TEXT_FIELDS, with_prefix_fields

FACETS = ("kind", *FACET_FIELDS)
# Typed queries, parsed as the search page parses them, and one of each kind the parser builds.
QUERIES = [
    "atelier",                          # one frequent term: several posting blocks per segment
    "médiation numérique",              # AND of two terms, each on title OR body
    '"médiation numérique"',            # a phrase of stems, checked on the unstemmed positions
    '"imprimante partagée" atelier',    # a phrase AND a term
    "imprim*",                          # a prefix (constant score)
    "fablab OR coworking",              # OR
    "atelier -laser",                   # AND NOT
    "atelier NOT \"découpeuse laser\"",  # AND NOT a phrase
    "mediat* numérique -vélo",          # prefix AND term AND NOT
    "réparation OR bénévoles -café",    # OR AND NOT
    "remplacé",                         # a word only the updated versions carry
    "ancienne",                         # a word only deleted and replaced versions carried
]
RESTRICTIONS = [
    None,
    Term("region", "84"),
    DateRange("date", datetime(2024, 3, 1), datetime(2024, 9, 1)),
    And([Term("kind", "fil"), DateRange("date", datetime(2024, 2, 1), None)]),
]

# --- the index ---------------------------------------------------------------------------------
WORDS = ("atelier ateliers médiation médiations numérique numériques imprimante imprimantes partagée "
         "partagé fablab coworking découpeuse laser vélo vélos réparation réparations bénévoles bénévole "
         "café cafés médiatrice médiathèque imprimer impression gouvernance collectivité élus rural "
         "ruraux quartier habitants formation jeunes seniors tablettes budget subvention").split()
FILLERS = "le la les des un une de du et à pour avec dans sur nous vous ils très aussi".split()
KINDS = ("fil", "message", "pratique", "ressource", "fabrique")
REGIONS = ("84", "27", "53", "11", "75")


def _document(rng: random.Random, number: int, extra: str = "") -> dict:
    """A generated document; some have no date, no category, or a kind-specific facet only."""
    kind = KINDS[number % len(KINDS)]
    title = " ".join(rng.choices(WORDS, k=rng.randint(2, 6)))
    body = " ".join(rng.choice(WORDS) if rng.random() < 0.6 else rng.choice(FILLERS)
                    for _ in range(rng.randint(5, 60)))
    if rng.random() < 0.3:  # phrases that the phrase queries look for, in several written forms
        body += " " + rng.choice(["médiation numérique", "médiations numériques", "imprimante partagée",
                                  "imprimantes partagées", "découpeuse laser", "numérique médiation"])
    document = {
        "key": f"{kind}:{number}", "kind": kind, "title": title.capitalize(), "body": f"{body} {extra}".strip(),
        "region": rng.choice(REGIONS), "territory": rng.choice(("rural", "qpv", "urbain")),
        "fabrique": str(number % 7), "url": f"/x/{number}", "fabrique_name": f"Fabrique {number % 7}",
    }
    if rng.random() < 0.8:
        document["category"] = f"cat{number % 4}"
    if rng.random() < 0.9:  # distinct dates: ties are left to the few documents without one
        document["date"] = datetime(2024, 1, 1) + timedelta(hours=number * 7 + rng.randint(0, 6))
    if kind == "fil":
        document["solved"] = rng.choice(("oui", "non"))
    elif kind == "message":
        document["solved"] = ""  # as documents.py writes a facet a kind does not have
    if kind == "pratique":
        document["practice_kind"] = rng.choice(("bonne-pratique", "echec"))
    if kind == "ressource":
        document["resource_kind"] = rng.choice(("machine", "savoir-faire"))
    return with_prefix_fields(document)


def build_index(directory):
    """Four segments (not merged): 350, 200 and 120 documents, then updates and deletions that
    leave deleted documents in each of the first three segments."""
    rng = random.Random(20240601)
    ix = open_or_create(directory)
    number = 0
    for size in (350, 200, 120):
        writer = ix.writer()
        for _ in range(size):
            writer.add_document(**_document(rng, number, "ancienne" if number % 9 == 0 else ""))
            number += 1
        writer.commit(merge=False)
    writer = ix.writer()
    for old in range(0, number, 9):  # every "ancienne" version is replaced or deleted
        key = f"{KINDS[old % len(KINDS)]}:{old}"
        if old % 2:
            writer.delete_by_term("key", key)
        else:
            writer.update_document(**_document(rng, old, "remplacé"))
    writer.commit(merge=False)
    return ix


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    ix = build_index(tmp_path_factory.mktemp("oracle-index"))
    searcher = open_searcher(ix)
    assert len(searcher.subsearchers) == 4 and searcher.doc_count() < searcher.doc_count_all()
    yield ix
    searcher.close()


@pytest.fixture(autouse=True)
def fresh_tables():
    """The per-segment tables and postings docsets caches would outlive a deliberately broken reading."""
    docsets.FACET_TABLES.clear()
    docsets.LEAF_TABLES.clear()
    docsets.DECODED_POSTINGS.clear()
    yield
    docsets.FACET_TABLES.clear()
    docsets.LEAF_TABLES.clear()
    docsets.DECODED_POSTINGS.clear()


# --- the reference -----------------------------------------------------------------------------
def stem_family_in_lexicon(reader, fieldname: str, stem: str) -> list[str]:
    """Every word of an unstemmed field that stems to ``stem`` (the whole vocabulary is read)."""
    words = (btext.decode("utf-8") for btext in reader.lexicon(fieldname))
    return [word for word in words if word not in FRENCH_STOP_WORDS and french_stem(word) == stem]


def whoosh_equivalent(query: Query, reader, boosts=SCORE_BOOSTS) -> Query:
    """``query`` as plain Whoosh queries that match and score as the project does.

    Where the project differs from Whoosh on purpose (docsets.ranked), the equivalent says how:

    * ``WordPrefix`` scores every match its boost, not BM25 per word: Whoosh's Prefix under a
      ConstantScoreQuery.
    * ``StemPhrase`` matches a phrase of stems, checked on the unstemmed field's positions: Whoosh's
      phrases of every written form of each stem on the unstemmed field. Its stems score as
      terms, wherever they are in a matched document (in the title too when the phrase is in
      the body): the phrases match (score 0), the stems' terms score.
    * An excluded clause adds nothing to a score; Whoosh's And of a Not adds the Not's boost (1)
      to every score (the order is the same): AndNot, which does not.
    * A title's term scores ``boosts[field]`` times its BM25 (schema.SCORE_BOOSTS): Whoosh's query
      boost on the term (a multiplier of the score), not Whoosh's field_boost (a multiplier of
      the term frequency, inside BM25's saturation), which the schema no longer sets.
    """
    if isinstance(query, Term) and query.fieldname in boosts:
        return Term(query.fieldname, query.text, boost=query.boost * boosts[query.fieldname])
    if isinstance(query, WordPrefix):
        return ConstantScoreQuery(Prefix(query.fieldname, query.text), score=query.boost)
    if isinstance(query, StemPhrase):
        return _phrases_equivalent([query], reader, boosts)
    if isinstance(query, Or) and all(isinstance(child, StemPhrase) for child in query.subqueries):
        return _phrases_equivalent(query.subqueries, reader, boosts)
    if isinstance(query, Not):
        return Not(whoosh_equivalent(query.query, reader, boosts))
    if isinstance(query, And) and any(isinstance(child, Not) for child in query.subqueries):
        wanted = [whoosh_equivalent(child, reader, boosts) for child in query.subqueries if not isinstance(child, Not)]
        excluded = [whoosh_equivalent(child.query, reader, boosts)
                    for child in query.subqueries if isinstance(child, Not)]
        return AndNot(And(wanted), Or(excluded))
    if isinstance(query, (And, Or)):
        return type(query)([whoosh_equivalent(child, reader, boosts) for child in query.subqueries],
                           boost=query.boost)
    return query


def _phrases_equivalent(phrases: list[StemPhrase], reader, boosts=SCORE_BOOSTS) -> Query:
    """A phrase of stems in any of several fields: matched by Whoosh's phrases of the written forms,
    scored by the stems' terms in every one of the fields."""
    located = []
    for phrase in phrases:
        unstemmed = phrase.fieldname + PREFIX_SUFFIX
        families = [stem_family_in_lexicon(reader, unstemmed, stem) for stem in phrase.words]
        located += [Phrase(unstemmed, list(words)) for words in product(*families)]
    scoring = Or([Term(phrase.fieldname, stem, boost=phrase.boost * boosts.get(phrase.fieldname, 1.0))
                  for phrase in phrases for stem in phrase.words])
    # And, not AndMaybe: the phrase implies its stems, and Whoosh's AndMaybe under an And drops
    # the optional part's score.
    return And([MatchedOnly(Or(located)), scoring]) if located else NullQuery


class MatchedOnly(WrappingQuery):
    """The documents Whoosh's own matcher of ``child`` finds, each scoring 0: a pure condition
    (ConstantScoreQuery keeps the child's score when the search needs positions, and a
    ListMatcher reads a weight of 0 as 1)."""

    def matcher(self, searcher, context=None):
        found = list(self.child.matcher(searcher, searcher.boolean_context()).all_ids())
        return _ScoringNothing(found) if found else NullMatcher()


class _ScoringNothing(ListMatcher):
    def score(self) -> float:
        return 0.0

    def max_quality(self) -> float:
        return 0.0

    def block_quality(self) -> float:
        return 0.0


def differences(ix, text: str, restriction: Query | None, whoosh_score_scale: float = 1.0,
                boosts=SCORE_BOOSTS) -> list[str]:
    """What the project's answer to ``text`` (restricted by ``restriction``) and Whoosh's differ in:
    the documents matched, their order by relevance and by date, and the counts of each facet
    (Whoosh's scores divided by ``whoosh_score_scale`` first)."""
    found: list[str] = []
    with open_searcher(ix) as searcher, ix.searcher() as reference:
        query = parse_user_query(text, TEXT_FIELDS).query
        assert query is not None, text
        label = f"{text!r} restricted by {restriction}"

        matches = matching(searcher, query)
        if restriction is not None:
            matches = matches & matching(searcher, restriction)
        key = lambda docnum: searcher.stored_fields(docnum)["key"]  # noqa: E731
        best = [(key(docnum), score) for docnum, score in ranked(searcher, query, matches, len(matches))]
        newest = [key(docnum) for docnum, _ in ranked(searcher, query, matches, len(matches), by_date=True)]
        counts = facet_counts(matches, FACETS)

        equivalent = whoosh_equivalent(query, reference.reader(), boosts)
        groups = {name: sorting.FieldFacet(name, maptype=sorting.Count) for name in FACETS}
        results = reference.search(equivalent, filter=restriction, limit=None, groupedby=groups)
        expected = [(hit["key"], hit.score / whoosh_score_scale) for hit in results]
        by_date = reference.search(equivalent, filter=restriction, limit=None, sortedby="date", reverse=True)

        if {key(docnum) for docnum in matches.docnums()} != {hit_key for hit_key, _ in expected}:
            found.append(f"{label}: matched {len(matches)} documents, Whoosh {len(expected)}")
        found += _ranking_differences(label, best, expected)
        found += _date_order_differences(label, newest, [hit["key"] for hit in by_date], reference)
        for name in FACETS:
            # The documented difference: Whoosh counts under "" the matches without a value and
            # those indexed with "" alike; the project counts only the latter under "" (and the
            # page shows neither: service._facet_groups keeps the values that are not empty).
            wanted = dict(results.groups(name))
            # A field no document of a segment has a value for is counted under None by Whoosh.
            without_value = wanted.pop("", 0) + wanted.pop(None, 0)
            counted = {value: count for value, count in counts[name].items() if value}
            if counted != wanted:
                found.append(f"{label}: facet {name} counts {counted}, Whoosh {wanted}")
            elif without_value != len(matches) - sum(counted.values()):
                found.append(f"{label}: facet {name}: {without_value} matches without a value for Whoosh")
    return found


def _ranking_differences(label: str, best: list[tuple[str, float]], expected: list[tuple[str, float]]) -> list[str]:
    """Same documents in the same order with the same scores. The project's length factors are
    32-bit floats: two scores within a millionth may swap, nothing else."""
    if len(best) != len(expected):
        return [f"{label}: ranked {len(best)} documents, Whoosh {len(expected)}"]
    for rank, ((key, score), (wanted_key, wanted_score)) in enumerate(zip(best, expected)):
        if not math.isclose(score, wanted_score, rel_tol=1e-5):
            return [f"{label}: rank {rank}: {key} scored {score}, Whoosh's {wanted_key} {wanted_score}"]
        if key != wanted_key and not math.isclose(score, dict(expected)[key], rel_tol=1e-5):
            return [f"{label}: rank {rank}: {key}, Whoosh {wanted_key}"]
    return []


def _date_order_differences(label: str, newest: list[str], expected: list[str], reference) -> list[str]:
    """Newest first, as Whoosh's ``sortedby="date", reverse=True``, but for the documents without a
    date (the one documented difference): Whoosh's reversed sort puts them first, highest document
    number first; the project puts them last, lowest document number first."""
    undated = [key for key in expected if reference.document(key=key).get("date") is None]
    dated = [key for key in expected if key not in set(undated)]
    if expected[:len(undated)] != undated:
        return [f"{label}: Whoosh no longer puts the documents without a date first"]
    if newest != dated + list(reversed(undated)):
        return [f"{label}: newest first differs from Whoosh's"]
    return []


# --- the project equals Whoosh ------------------------------------------------------------------
@pytest.mark.parametrize("restriction", RESTRICTIONS, ids=["all", "region", "dates", "kind-and-dates"])
def test_matching_ranking_and_facet_counts_equal_whooshs_own_search(index, restriction):
    assert [difference for text in QUERIES for difference in differences(index, text, restriction)] == []


def test_a_word_typed_twice_scores_once_where_whoosh_counts_it_twice(index):
    # Documented in docsets.ranked: the scored terms are distinct; Whoosh sums both clauses.
    assert str(parse_user_query("atelier ateliers", TEXT_FIELDS).query).count("title:ateli") == 2
    assert differences(index, "atelier ateliers", None, whoosh_score_scale=2.0) == []


def test_a_titles_boost_multiplies_its_score_not_its_frequencies(index):
    # Documented in whoosh_equivalent and schema.SCORE_BOOSTS: without the title's boost, Whoosh
    # scores the titles lower than the project does (the comparison sees it).
    assert SCORE_BOOSTS["title"] > 1
    found = [difference for text in ("atelier", "médiation numérique") for difference in
             differences(index, text, None, boosts={})]
    assert any("scored" in difference for difference in found), found


def test_the_index_exercises_what_the_fast_path_reads(index):
    """Several posting blocks per term, deletions in older segments, phrases in several forms: the
    comparison above would prove little on a one-block, one-segment index."""
    with open_searcher(index) as searcher:
        reader = searcher.subsearchers[0][0].reader()
        matcher, deleted = whoosh_internals.raw_postings(reader, "body", french_stem("atelier"))
        assert len(list(whoosh_internals.posting_blocks(matcher))) >= 2
        assert deleted and reader.segment().deleted_count() == len(deleted)
        assert len(stem_family_in_lexicon(reader, "body_prefix", french_stem("mediations"))) >= 2
        for text in QUERIES:
            query = parse_user_query(text, TEXT_FIELDS).query
            assert (len(matching(searcher, query)) > 0) == (text != "ancienne"), text


# --- the comparison notices a broken internal --------------------------------------------------
def _one_block_short(original):
    """Off by one in the block loop: the last block of a posting list of several is never read."""
    def posting_blocks(matcher, weights=False, values=False):
        blocks = list(original(matcher, weights, values))
        return iter(blocks[:-1] if len(blocks) > 1 else blocks)
    return posting_blocks


def _block_base_off_by_one(original):
    """Every block after the first decoded from a base one too low (each of its ids one before its own)."""
    def posting_blocks(matcher, weights=False, values=False):
        for number, (ids, extra) in enumerate(original(matcher, weights, values)):
            yield ([docnum - 1 for docnum in ids] if number else ids), extra
    return posting_blocks


def _weights_off_by_one(original):
    """Each posting given its neighbour's weight (the ids and the weights read one apart)."""
    def posting_blocks(matcher, weights=False, values=False):
        for ids, extra in original(matcher, weights, values):
            yield ids, (list(extra[1:]) + list(extra[:1]) if weights and len(extra) > 1 else extra)
    return posting_blocks


def _deletions_forgotten(original):
    """The segment's deleted documents not returned: old versions of updated documents match again."""
    def raw_postings(reader, fieldname, text):
        matcher, _ = original(reader, fieldname, text)
        return matcher, ()
    return raw_postings


def _stale_table_of_contents(original):
    """The table of contents read without its newest segment (the updated documents)."""
    def read_table_of_contents(ix):
        toc = original(ix)
        return whoosh_internals.TableOfContents(toc.generation, toc.schema, toc.segments[:-1])
    return read_table_of_contents


BREAKAGES = {
    "one-block-short": ("posting_blocks", _one_block_short, "matched"),
    "block-base-off-by-one": ("posting_blocks", _block_base_off_by_one, "matched"),
    "weights-off-by-one": ("posting_blocks", _weights_off_by_one, "scored"),
    "deletions-forgotten": ("raw_postings", _deletions_forgotten, "matched"),
    "stale-table-of-contents": ("read_table_of_contents", _stale_table_of_contents, "matched"),
}


@pytest.mark.parametrize("breakage", BREAKAGES)
def test_the_comparison_notices_a_subtly_broken_internal(index, monkeypatch, breakage):
    name, break_, symptom = BREAKAGES[breakage]  # the unbroken comparison passes: see above
    monkeypatch.setattr(whoosh_internals, name, break_(getattr(whoosh_internals, name)))
    docsets.FACET_TABLES.clear()
    docsets.LEAF_TABLES.clear()
    docsets.DECODED_POSTINGS.clear()
    found = [difference for text in QUERIES for difference in differences(index, text, None)]
    assert any(symptom in difference for difference in found), found
