"""When no document has every word (issue 17): the /recherche page lists those with the most words.

Through the real page, on content indexed after commit: the fallback and its sentence, the words
found nowhere named, exclusions, phrases and explicit OR kept, no fallback for a single word, and
facets and counts that describe what the page lists.
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import make_category, make_fabrique, make_thread, make_user
from tests.practices.builders import make_practice
from tests.search.test_search_page import hit_urls, kinds, page

NBSP = "\u00a0"
ALL_FOUND = f"Aucun résultat ne contient tous vos mots{NBSP}: voici ceux qui en contiennent le plus."
SOME_MISSING = f"Aucun résultat ne contient tous vos mots. Voici ceux qui en contiennent le plus{NBSP};"
NO_RESULT = "Aucun résultat pour cette recherche."


def not_found(*words: str) -> str:
    quoted = ", ".join(f"«{NBSP}{word}{NBSP}»" for word in words)
    return f"{SOME_MISSING} non trouvé{'s' if len(words) > 1 else ''}{NBSP}: {quoted}."


@pytest.fixture
def world(app):
    alice = make_user()
    make_fabrique(alice)
    fablab = make_category("Fablab", 1)
    nozzle = make_thread(alice, fablab, "Réparer une imprimante 3D",
                         "La thermistance de l'imprimante est morte : où en trouver une ?")
    laser = make_thread(alice, fablab, "Découpeuse laser en panne",
                        "Notre découpeuse laser ne coupe plus le contreplaqué.")
    printers = make_thread(alice, fablab, "Imprimante 3D : une imprimante partagée",
                           "Une imprimante pour tout le quartier, et une imprimante de secours.")
    vinyl = make_thread(alice, fablab, "Une découpeuse vinyle et un laser",
                        "La découpeuse vinyle sert aux autocollants ; le laser, au contreplaqué.")
    practice = make_practice(alice, [fablab.id], title="Une imprimante 3D prêtée aux écoles")
    return {"nozzle": nozzle, "laser": laser, "printers": printers, "vinyl": vinyl, "practice": practice}


def url(thread) -> str:
    return f"/sujets/{thread.id}/{thread.slug}"


def count_shown(html: str) -> int:
    return int(re.search(r'<p class="muted">(\d+) résultats?</p>', html).group(1))


def test_the_documents_with_the_most_words_are_listed_and_the_missing_word_named(client, world):
    html = page(client, "imprimante thermistance zorglub")
    urls = hit_urls(html)
    assert not_found("zorglub") in html
    assert NO_RESULT not in html
    # Two of the three words before one: the thread with "thermistance" first, however often
    # the others say "imprimante".
    assert urls[0] == url(world["nozzle"])
    assert url(world["printers"]) in urls and f"/pratiques/{world['practice'].id}" in urls
    assert url(world["laser"]) not in urls


def test_several_missing_words_are_named_together(client, world):
    html = page(client, "imprimante zorglub blorpx")
    assert not_found("zorglub", "blorpx") in html
    assert url(world["printers"]) in hit_urls(html)


def test_words_each_found_but_never_together(client, world):
    html = page(client, "thermistance contreplaqué")
    assert ALL_FOUND in html
    assert "non trouvé" not in html
    assert set(hit_urls(html)) == {url(world["nozzle"]), url(world["laser"]), url(world["vinyl"])}


def test_an_excluded_word_still_excludes(client, world):
    html = page(client, "imprimante zorglub -thermistance")
    urls = hit_urls(html)
    assert not_found("zorglub") in html
    assert url(world["printers"]) in urls
    assert url(world["nozzle"]) not in urls
    # An excluded word is no unit: it is never named as not found.
    assert "thermistance" not in html.split('class="search-partial"', 1)[1].split("</p>", 1)[0]


def test_a_quoted_phrase_is_one_unit(client, world):
    html = page(client, '"découpeuse laser" zorglub')
    urls = hit_urls(html)
    assert not_found("zorglub") in html
    assert url(world["laser"]) in urls
    assert url(world["vinyl"]) not in urls  # both words, never one after the other


def test_an_explicit_or_is_one_unit(client, world):
    html = page(client, "thermistance OR contreplaqué zorglub")
    urls = hit_urls(html)
    assert not_found("zorglub") in html
    assert {url(world["nozzle"]), url(world["laser"]), url(world["vinyl"])} <= set(urls)
    # Unknown words of an OR group that finds something are not named.
    assert not_found("zorglub") in page(client, "thermistance OR blorpx zorglub")


def test_a_single_word_found_nowhere_has_no_fallback(client, world):
    for query in ("zorglub", "zorglub -imprimante", "zorglub OR blorpx"):
        html = page(client, query)
        assert NO_RESULT in html, query
        assert not hit_urls(html) and "Voici ceux qui" not in html and ALL_FOUND not in html


def test_nothing_found_at_all_is_no_result(client, world):
    html = page(client, "zorglub blorpx")
    assert NO_RESULT in html and not hit_urls(html)
    assert "Voici ceux qui" not in html


def test_no_fallback_when_a_document_has_every_word(client, world):
    html = page(client, "imprimante thermistance")
    assert hit_urls(html) == [url(world["nozzle"])]
    assert "Voici ceux qui" not in html and ALL_FOUND not in html


def test_facets_and_count_describe_the_listed_results(client, world):
    html = page(client, "imprimante zorglub")
    urls = hit_urls(html)
    assert count_shown(html) == len(urls) == 3
    assert re.search(r">Fil</a> \(2\)", html) and re.search(r">Pratique</a> \(1\)", html)
    practices = page(client, "imprimante zorglub", type="pratique")
    assert not_found("zorglub") in practices
    assert hit_urls(practices) == [f"/pratiques/{world['practice'].id}"]
    assert count_shown(practices) == 1 and set(kinds(practices)) == {"pratique"}


def test_sorting_by_date_keeps_the_fallback(client, world):
    by_date = page(client, "imprimante thermistance zorglub", tri="date")
    assert not_found("zorglub") in by_date
    urls = hit_urls(by_date)
    assert set(urls) == set(hit_urls(page(client, "imprimante thermistance zorglub")))
    assert urls[0] == url(world["nozzle"])  # the most words first, then the newest


def test_within_one_thread_the_fallback_lists_its_messages(client, world):
    thread = world["nozzle"]
    html = page(client, "thermistance zorglub", sujet=thread.id)
    assert not_found("zorglub") in html
    assert hit_urls(html) == [url(thread)]
    assert NO_RESULT in page(client, "thermistance zorglub", sujet=world["laser"].id)


def test_a_later_page_of_the_fallback(client, world):
    first = page(client, "imprimante zorglub")
    assert "page=2" not in first  # three results: one page
    past = page(client, "imprimante zorglub", page=2)
    assert not_found("zorglub") in past and hit_urls(past) == hit_urls(first)
