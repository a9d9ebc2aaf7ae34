"""English text is found by English queries (issue 20): a text its author says is in English also
fills the English companions of the text fields (Porter2 stems), which every word of a query is
looked up in too. French text, and text whose language was not said, are found exactly as before."""

from __future__ import annotations

import re
import shutil

import pytest
from whoosh import index as whoosh_index

from forum.extensions import db
from forum.resources.models import ResourceKind
from forum.search.docsets import matching, ranked
from forum.search.index import is_current, open_or_create
from forum.search.query import parse_user_query
from forum.search.schema import TEXT_FIELDS, build_schema
from forum.search.service import search
from forum.search.sync import index_directory
from forum.threads import services as thread_services
from forum.threads.models import Post
from tests.conftest import (
    commit_work, login, make_category, make_fabrique, make_thread, make_user, submit, writing,
)
from tests.practices.builders import make_practice
from tests.resources.builders import make_resource

ENGLISH_TITLE = "Sharing tools between fabriques"
ENGLISH_BODY = "We borrow a laser cutter every month from the library of the next town."


@pytest.fixture
def world(app):
    alice = make_user()
    fabrique = make_fabrique(alice, "La Fabrique des Possibles", "23", "rural")
    tools = make_category("Outils et matériel", 1)
    english = make_thread(alice, tools, ENGLISH_TITLE, ENGLISH_BODY, language="en")
    # The same words, their language not said: only the French analysis reads them.
    unsaid = make_thread(alice, tools, "Sharing tools, language not said", ENGLISH_BODY.replace("We", "They"))
    french = make_thread(alice, tools, "Emprunter une découpeuse laser",
                         "Nous empruntons une découpeuse laser chaque mois à la médiathèque.", language="fr")
    resource = make_resource(alice, fabrique, "Sewing machines", kind=ResourceKind.EQUIPMENT,
                             description="Two sewing machines, lent with their pedals.", language="en", quantity=2)
    practice = make_practice(alice, [tools.id], title="A repair café in the village hall", language="en",
                             sections={"context": "A village of 900 people.", "objective": "Repairing bikes.",
                                       "actions": "Volunteers repaired bicycles every Saturday.",
                                       "outcome": "Forty repairs.", "problems": "", "lessons": "Keep spare parts."})
    return {"alice": alice, "english": english, "unsaid": unsaid, "french": french, "resource": resource,
            "practice": practice}


def _keys(query: str) -> list[str]:
    results = search(query)
    assert not results.failed, results.messages
    return [hit.key for hit in results.page.items]


def test_an_english_query_over_english_words_finds_the_english_text(world):
    # Written the same but not said to be English, a text is not found: "borrowing" is not a
    # French form of "borrow" (nor is a French text about the same thing).
    assert _keys("borrowing laser cutters") == [f"fil:{world['english'].id}"]
    assert f"ressource:{world['resource'].id}" in _keys("sewing machine")
    assert f"pratique:{world['practice'].id}" in _keys("repairing bicycle")
    assert f"pratique:{world['practice'].id}" in _keys("volunteer")


def test_french_queries_still_find_french_text_and_english_text_by_its_words(world):
    assert _keys("découpeuses laser") == [f"fil:{world['french'].id}"]
    assert _keys("médiathèques") == [f"fil:{world['french'].id}"]
    # A word written as in the text finds it whatever its language (the French analysis reads every text).
    assert set(_keys("borrow")) == {f"fil:{world['english'].id}", f"fil:{world['unsaid'].id}"}


def test_english_phrases_keep_their_order_and_exclusions_exclude_english_forms_too(world):
    assert f"fil:{world['english'].id}" in _keys('"laser cutters"')
    assert f"fil:{world['english'].id}" not in _keys('"cutters laser"')
    found = _keys("laser -borrowing")
    assert f"fil:{world['english'].id}" not in found and f"fil:{world['french'].id}" in found


def test_the_english_alternatives_change_nothing_for_french_text(world, app):
    """The same query with and without its English alternatives: the same French documents, with the
    same scores (they have nothing in the English fields, which add nothing to them)."""
    ix = open_or_create(index_directory())
    with ix.searcher() as searcher:
        for text in ("découpeuse laser", "emprunter", "médiathèque mois", '"découpeuse laser"', "laser -emprunt"):
            french = parse_user_query(text, TEXT_FIELDS, english=False).query
            both = parse_user_query(text, TEXT_FIELDS).query
            before = dict(ranked(searcher, french, matching(searcher, french), 50))
            after = dict(ranked(searcher, both, matching(searcher, both), 50))
            english_docs = {docnum for docnum in searcher.reader().all_doc_ids()
                            if searcher.stored_fields(docnum).get("language") == "en"}
            french_only = {docnum: score for docnum, score in before.items() if docnum not in english_docs}
            assert english_docs and french_only, text
            assert {docnum: score for docnum, score in after.items() if docnum not in english_docs} == french_only, text


def test_english_words_are_marked_in_english_snippets_and_results_carry_lang(client, world):
    page = client.get("/recherche", query_string={"q": "borrowing laser cutters"}).get_data(as_text=True)
    snippet = re.search(r'<p class="search-snippet" lang="en">(.*?)</p>', page, re.S)
    assert snippet, page[:3000]
    assert "<mark>borrow</mark>" in snippet.group(1) and "<mark>cutter</mark>" in snippet.group(1)
    assert re.search(rf'<a href="/sujets/{world["english"].id}/[^"]*" lang="en">', page)


def test_a_change_of_language_reindexes_the_text(client, world):
    post = db.session.query(Post).filter_by(thread_id=world["english"].id, position=1).one()
    login(client, "alice@exemple.fr")
    url = f"/messages/{post.id}/modifier"
    assert submit(client, url, {"title": ENGLISH_TITLE, "body": ENGLISH_BODY, "language": "",
                                "action": "publish"}).status_code == 302
    # No text holds every word any more: the page falls back to those holding some of them.
    assert search("borrowing laser cutters").partial
    assert submit(client, url, {"title": ENGLISH_TITLE, "body": ENGLISH_BODY, "language": "en",
                                "action": "publish"}).status_code == 302
    results = search("borrowing laser cutters")
    assert not results.partial and [hit.key for hit in results.page.items] == [f"fil:{world['english'].id}"]


def test_an_english_reply_is_found_on_its_own(world):
    with writing():
        reply = thread_services.reply(world["alice"], world["french"], "Our makerspace lends its cutters too.",
                                      language="en")
        commit_work()
    assert f"fil:{world['french'].id}" in _keys("lending cutter")
    results = search("lending cutter", page=1)
    assert any(hit.best_url == f"/messages/{reply.id}" for hit in results.page.items)


def test_an_index_without_the_english_fields_is_outdated_and_rebuilt(app, world):
    from forum.search.index import _shape

    assert is_current(open_or_create(index_directory()))
    old = build_schema()
    for name in ("title_en", "body_en", "language"):
        del old._fields[name]
    assert _shape(old) != _shape(build_schema())
    directory = index_directory()
    shutil.rmtree(directory)
    directory.mkdir()
    whoosh_index.create_in(str(directory), old)
    assert not is_current(whoosh_index.open_dir(str(directory)))
    db.session.rollback()
    result = app.test_cli_runner().invoke(args=["search", "rebuild", "--if-outdated"])
    db.session.rollback()
    assert result.exit_code == 0 and "Index reconstruit" in result.output
    assert is_current(whoosh_index.open_dir(str(directory)))
    assert f"fil:{world['english'].id}" in _keys("borrowing laser cutters")
