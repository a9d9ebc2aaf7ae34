"""The network's vocabulary (forum/search/vocabulary.toml) through the real index and /recherche,
its strict loading, its switch, and the did-you-mean rules that go with it."""

from __future__ import annotations

import os
import re

import pytest

from forum.resources.models import ResourceKind
from forum.search.query import parse_user_query
from forum.search.schema import TEXT_FIELDS
from forum.search.vocabulary import VocabularyError, current_vocabulary, packaged_file, parse_vocabulary
from tests.conftest import make_category, make_fabrique, make_thread, make_user, running_app
from tests.resources.builders import make_resource
from tests.search.test_search_page import hit_urls, page

SUGGESTION = "Vouliez-vous dire"


def _thread_url(thread) -> str:
    return f"/sujets/{thread.id}/{thread.slug}"


def _world() -> dict:
    alice = make_user()
    fabrique = make_fabrique(alice, "La Fabrique des Possibles", "23", "rural")
    category = make_category("Financement", 1)
    threads = {
        "ccas": make_thread(alice, category, "Un partenariat avec le CCAS",
                            "Le CCAS nous adresse des personnes pour des ateliers."),
        "spelled": make_thread(alice, category, "Travailler avec le centre communal d'action sociale",
                               "Le centre communal d'action sociale de la ville finance nos permanences."),
        "epn": make_thread(alice, category, "Ouverture d'un espace public numérique",
                           "Notre espace public numérique ouvre le mardi."),
        "scattered": make_thread(alice, category, "Un espace de coworking",
                                 "Un espace pour le public, avec une salle numérique."),
        "cafe": make_thread(alice, category, "Un atelier au café", "Rendez-vous au café du village."),
        "laser": make_thread(alice, category, "Une découpeuse laser", "Quel réglage pour le contreplaqué ?"),
        "zrr": make_thread(alice, category, "Nos communes en zone de revitalisation rurale",
                           "Les communes en zone de revitalisation rurale ont des exonérations."),
    }
    drill = make_resource(alice, fabrique, "Perceuse-visseuse sans fil",
                          usage_conditions="Prêt gratuit aux fabriques du réseau.")
    room = make_resource(alice, fabrique, "Salle de réunion du rez-de-chaussée", kind=ResourceKind.SPACE,
                         description="Mise à disposition le soir et le week-end.")
    return {**threads, "drill": drill, "room": room}


@pytest.fixture
def world(app):
    return _world()


# --- through /recherche ----------------------------------------------------------------------
def test_an_acronym_finds_its_expansion_and_the_other_way_round(client, world):
    by_acronym = hit_urls(page(client, "CCAS"))
    assert _thread_url(world["ccas"]) in by_acronym
    assert _thread_url(world["spelled"]) in by_acronym
    # Consecutive words typed without quotes, in another number: the stems are compared.
    by_words = hit_urls(page(client, "centres communaux d'action sociale"))
    assert _thread_url(world["spelled"]) in by_words
    assert _thread_url(world["ccas"]) in by_words
    # Case and accents do not matter for an acronym either.
    assert _thread_url(world["spelled"]) in hit_urls(page(client, "ccas"))


def test_equivalents_are_highlighted(client, world):
    html = page(client, "CCAS")
    assert "<mark>centre</mark> <mark>communal</mark> d&#39;<mark>action</mark> <mark>sociale</mark>" in html
    reverse = page(client, "centre communal d'action sociale")
    assert "<mark>CCAS</mark>" in reverse


def test_a_multi_word_equivalent_is_a_phrase(client, world):
    urls = hit_urls(page(client, "EPN"))
    assert _thread_url(world["epn"]) in urls
    assert _thread_url(world["scattered"]) not in urls  # "espace", "public", "numérique" apart


def test_exclusions_quoted_phrases_and_or_keep_their_meaning(client, world):
    excluded = hit_urls(page(client, "atelier -CCAS"))
    assert _thread_url(world["ccas"]) not in excluded
    # A quoted phrase is exact: it is not widened to the acronym.
    quoted = hit_urls(page(client, '"centre communal d\'action sociale"'))
    assert _thread_url(world["spelled"]) in quoted
    assert _thread_url(world["ccas"]) not in quoted
    # A word of an OR group is widened, the OR stays an OR.
    either = hit_urls(page(client, "CCAS OR laser"))
    assert {_thread_url(world[name]) for name in ("ccas", "spelled", "laser")} <= set(either)
    # Words typed with the acronym are still all required.
    assert hit_urls(page(client, "CCAS permanences")) == [_thread_url(world["spelled"])]


def test_an_acronym_is_a_word_not_a_stem(client, world):
    """"CAF" and "café" share the stem "caf": the vocabulary's acronym is compared as a word."""
    query = parse_user_query("caisse d'allocations familiales", TEXT_FIELDS).query
    assert "caf" in str(query)
    assert _thread_url(world["cafe"]) not in hit_urls(page(client, "caisse d'allocations familiales"))


def test_an_unknown_word_is_left_as_typed(app):
    for text in ("perceuse", "café", "ami", "découpeuse laser", "mediat*"):
        assert str(parse_user_query(text, TEXT_FIELDS).query) == \
            str(parse_user_query(text, TEXT_FIELDS, vocabulary=None).query), text


def test_only_in_capitals(app):
    assert "manifest" in str(parse_user_query("AMI", TEXT_FIELDS).query)
    assert "manifest" not in str(parse_user_query("ami", TEXT_FIELDS).query)
    # ...and never added to the other expressions of its group: "ami" would find friends.
    assert "ami" not in str(parse_user_query("appel à manifestation d'intérêt", TEXT_FIELDS).query)


def test_an_acronym_that_is_a_stop_word_still_brings_its_equivalents(app):
    vocabulary = parse_vocabulary('[[group]]\nterms = ["ON", "organisation nationale"]\n', "test.toml")
    assert str(parse_user_query("ON atelier", TEXT_FIELDS, vocabulary=vocabulary).query).count('"organis national"') == 2
    assert "body_prefix:on" in str(parse_user_query("organisation nationale", "body", vocabulary=vocabulary).query)


def test_equivalents_that_add_no_document_are_left_out(app):
    """A phrase holding the typed words, or a shorter equivalent, only costs position checks."""
    query = str(parse_user_query("conseiller numérique", TEXT_FIELDS).query)
    assert "cnfs" in query and '"conseiller numer"' in query  # the acronym, the feminine
    assert "franc" not in query  # "conseiller numérique France Services" holds the typed words
    assert "franc" not in str(parse_user_query("CNFS", TEXT_FIELDS).query)  # it holds "conseiller numérique"


def test_lendable_resources_are_found_by_the_words_of_borrowing(client, world):
    drill, room = f"/ressources/{world['drill'].id}", f"/ressources/{world['room'].id}"
    assert drill in hit_urls(page(client, "emprunter une perceuse"))
    assert drill in hit_urls(page(client, "louer perceuse"))
    assert room in hit_urls(page(client, "louer une salle"))
    assert room in hit_urls(page(client, "prêt de salle"))
    assert drill in hit_urls(page(client, "mettre à disposition"))


def test_a_lendable_item_that_never_says_so_is_found_by_borrowing_words_not_shown_in_its_snippet(client, world):
    # Its description says nothing of lending: the catalogue's « prêt » is indexed with it
    # (forum.search.documents.LENDING_WORDS), not written into what the page shows of it.
    from forum.accounts.models import User
    from forum.extensions import db
    from forum.fabriques.models import Fabrique

    manager = db.session.execute(db.select(User).where(User.email == "alice@exemple.fr")).scalar_one()
    saw = make_resource(manager, db.session.get(Fabrique, world["drill"].fabrique_id), "Scie sauteuse pendulaire",
                        description="Lame pour le bois et le métal.")
    html = page(client, "emprunter une scie sauteuse")
    assert f"/ressources/{saw.id}" in hit_urls(html)
    snippet = html[html.index(f"/ressources/{saw.id}"):].split("</li>", 1)[0]
    assert "Lame pour le bois" in snippet and "prêt" not in snippet.lower()


def test_the_switch_turns_the_vocabulary_off(tmp_path):
    with running_app(tmp_path, SEARCH_VOCABULARY=False, PAGE_CACHE_ENABLED=False) as app:
        world = _world()
        urls = hit_urls(page(app.test_client(), "CCAS"))
        assert _thread_url(world["ccas"]) in urls
        assert _thread_url(world["spelled"]) not in urls
        assert current_vocabulary() is None


def test_editing_the_file_changes_results_without_rebuild_or_restart(tmp_path):
    vocabulary_file = tmp_path / "vocabulary.toml"
    vocabulary_file.write_text(packaged_file().read_text("utf-8"), "utf-8")
    # The page cache is switched off here: it keys pages by the index and the database only
    # (the integrator adds vocabulary.state() to its key; its TTL bounds the delay meanwhile).
    with running_app(tmp_path, SEARCH_VOCABULARY_FILE=str(vocabulary_file), PAGE_CACHE_ENABLED=False) as app:
        world = _world()
        client = app.test_client()
        assert hit_urls(page(client, "ZRR")) == []
        with vocabulary_file.open("a", encoding="utf-8") as file:
            file.write('\n[[group]]\nterms = ["ZRR", "zone de revitalisation rurale"]\n')
        stat = vocabulary_file.stat()
        os.utime(vocabulary_file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
        assert hit_urls(page(client, "ZRR")) == [_thread_url(world["zrr"])]


# --- did you mean ----------------------------------------------------------------------------
def _suggested(html: str) -> str | None:
    match = re.search(SUGGESTION + r'\u00a0: <a href="[^"]+">([^<]+)</a>', html)
    return match.group(1) if match else None


def test_did_you_mean_is_never_offered_for_an_acronym_the_vocabulary_knows(client, world):
    for acronym in ("DETR", "detr", "FDVA", "CNFS", "DSIL"):
        html = page(client, acronym)
        assert SUGGESTION not in html, acronym


def test_did_you_mean_is_close_and_has_results(client, world):
    assert _suggested(page(client, "decoupeusse")) == "découpeuse"  # one letter too many
    assert SUGGESTION not in page(client, "lazr")  # two changes in a short word: too far
    # "médiation" exists, but no document has it with "découpeuse": no suggestion without results.
    assert SUGGESTION not in page(client, "mediatoin decoupeuse")


# --- loading the file ------------------------------------------------------------------------
def test_the_packaged_vocabulary_loads_and_is_large():
    vocabulary = parse_vocabulary(packaged_file().read_text("utf-8"), "vocabulary.toml")
    assert len(vocabulary.groups) >= 50
    assert {"ccas", "epn", "qpv", "ess", "caf", "detr"} <= set(vocabulary.by_acronym)


@pytest.mark.parametrize(("text", "message"), [
    ('[[group]]\nterms = ["EPN", "espace public numérique"]\nnote = "x"\n', r"group\[0\]: unknown key 'note'"),
    ('[[groups]]\nterms = ["EPN", "espace public numérique"]\n', r"unknown key 'groups'"),
    ('[[group]]\nterms = ["EPN"]\n', r"group\[0\]\.terms: a list of at least two"),
    ('[[group]]\nterms = "EPN"\n', r"group\[0\]\.terms: a list of at least two"),
    ('[[group]]\nterms = ["EPN", 3]\n', r"group\[0\]\.terms\[1\]: a non-empty string"),
    ('[[group]]\nterms = ["EPN", "le la"]\n', r"group\[0\]\.terms\[1\]: 'le la' is made of stop words"),
    ('[[group]]\nterms = ["EPN", "espace public numérique"]\n[[group]]\nterms = ["epn", "EPN"]\n',
     r"group\[1\]\.terms\[1\]: 'EPN' is already in"),
    ('[[group]]\nterms = ["AMI", "appel à manifestation d\'intérêt"]\nonly_in_capitals = ["AAP"]\n',
     r"group\[0\]\.only_in_capitals: 'AAP' is not one of the group's acronyms"),
    ('[[group]\nterms = []\n', r"^test\.toml: "),
])
def test_loading_is_strict_and_names_the_file_and_entry(text, message):
    with pytest.raises(VocabularyError, match=message) as raised:
        parse_vocabulary(text, "test.toml")
    assert str(raised.value).startswith("test.toml: ")
