"""Word families (forum/search/word_families.toml) through the real index and /recherche: each
rule both ways, a word outside every family left as typed, and the data file's strict loading."""

from __future__ import annotations

import pytest

from forum.resources.models import ResourceKind
from forum.search.families import FamiliesError, current_families, packaged_file, parse_families
from forum.search.query import parse_user_query
from forum.search.schema import TEXT_FIELDS
from tests.conftest import make_category, make_fabrique, make_thread, make_user
from tests.resources.builders import make_resource
from tests.search.test_search_page import hit_urls, page


def _url(thread) -> str:
    return f"/sujets/{thread.id}/{thread.slug}"


@pytest.fixture
def world(app):
    alice = make_user()
    fabrique = make_fabrique(alice, "La Fabrique des Possibles", "23", "rural")
    category = make_category("Vie des lieux", 1)
    room = make_resource(alice, fabrique, "Salle de formation", kind=ResourceKind.SPACE,
                         description="Une salle pour les formations, avec vidéoprojecteur.")
    return {
        "animateur": make_thread(alice, category, "Nous recrutons un animateur",
                                 "Un poste à mi-temps pour les ateliers du mercredi."),
        "mediatrice": make_thread(alice, category, "Une médiatrice à la médiathèque",
                                  "Elle accompagne les démarches en ligne."),
        "conseillere": make_thread(alice, category, "Témoignage d'une conseillère",
                                   "Deux ans de permanences au centre social."),
        "conseil": make_thread(alice, category, "Un conseil pour la comptabilité",
                               "Quel logiciel pour une petite association ?"),
        "couture": make_thread(alice, category, "Atelier couture le jeudi",
                               "Réparation de vêtements, ouvert à tous."),
        "couturiere": make_thread(alice, category, "Une couturière rejoint l'équipe",
                                  "Elle donnera un coup de main le samedi."),
        "coudre": make_thread(alice, category, "Apprendre à coudre un ourlet",
                              "Trois gestes pour débuter."),
        "format": make_thread(alice, category, "Quel format pour le rapport ?",
                              "Un tableau ou un texte suivi ?"),
        "former": make_thread(alice, category, "Former les bénévoles à l'accueil",
                              "Deux soirées pour apprendre à accueillir."),
        "room": room,
    }


def _found(client, text: str) -> set[str]:
    return set(hit_urls(page(client, text)))


# --- genders ---------------------------------------------------------------------------------
def test_the_feminine_finds_the_masculine_and_the_other_way_round(client, world):
    # ("animatrice" and "animateur" already share the stem "anim"; "médiatrice" and "médiateur" do not.)
    assert _url(world["mediatrice"]) in _found(client, "médiateurs")
    assert _url(world["animateur"]) in _found(client, "animatrice")
    assert _url(world["animateur"]) in _found(client, "animateurs")


def test_conseiller_and_conseillere_meet_despite_their_two_stems(client, world):
    by_masculine = _found(client, "conseiller")
    assert _url(world["conseillere"]) in by_masculine
    # "conseiller" and "conseil" (advice) share a stem: a split merge of the data file.
    assert _url(world["conseil"]) not in by_masculine
    by_feminine = _found(client, "conseillère")
    assert _url(world["conseillere"]) in by_feminine
    # The masculine is looked up as that word: "conseil" (its stem) is not brought in.
    assert _url(world["conseil"]) not in by_feminine


def test_switched_off_the_rules_leave_words_as_typed(app, client, world):
    app.config["SEARCH_WORD_FAMILIES"] = False
    assert _url(world["mediatrice"]) not in _found(client, "médiateurs")
    assert _url(world["couture"]) not in _found(client, "couturière")


# --- related words: a trade, its activity, its verb ---------------------------------------------
def test_a_trade_finds_its_activity_and_its_verb_and_the_other_way_round(client, world):
    by_trade = _found(client, "couturière")
    assert {_url(world["couture"]), _url(world["coudre"])} <= by_trade
    by_activity = _found(client, "couture")
    assert {_url(world["couturiere"]), _url(world["coudre"])} <= by_activity
    assert _url(world["couture"]) in _found(client, "coudre")


def test_a_noun_finds_its_verb_and_the_other_way_round(client, world):
    assert _url(world["former"]) in _found(client, "formation des bénévoles")
    assert "formation" in str(parse_user_query("former", TEXT_FIELDS).query)


# --- split over-merges -------------------------------------------------------------------------
def test_format_no_longer_finds_formation_nor_the_reverse(client, world):
    by_format = _found(client, "format")
    assert _url(world["format"]) in by_format
    assert not any(url.startswith("/ressources/") for url in by_format)
    by_formation = _found(client, "formations")
    assert _url(world["format"]) not in by_formation
    assert any(url.startswith("/ressources/") for url in by_formation)


# --- what stays as typed -----------------------------------------------------------------------
def test_an_unrelated_word_a_phrase_and_a_prefix_are_untouched(app):
    for text in ("vélo", "atelier", "bien", '"animatrice"', "anima*", "-médiatrice vélo"):
        assert str(parse_user_query(text, TEXT_FIELDS).query) == _without_families(app, text), text


def _without_families(app, text: str) -> str:
    app.config["SEARCH_WORD_FAMILIES"] = False
    try:
        return str(parse_user_query(text, TEXT_FIELDS).query)
    finally:
        app.config.pop("SEARCH_WORD_FAMILIES")


# --- the data file -------------------------------------------------------------------------------
def test_the_packaged_file_loads():
    families = current_families()
    assert families.forms("mediatrice") is not None
    assert parse_families(packaged_file().read_text("utf-8"), "word_families.toml") == families


@pytest.mark.parametrize(("text", "message"), [
    ("[genders]\nendings = [['teur', 'trice']]\nunknown = 1\n", "word_families.toml: genders: unknown key 'unknown'"),
    ("colour = 1\n", "unknown key 'colour'"),
    ("[genders]\nendings = [['teur']]\n", "genders.endings[0]"),
    ("[genders]\nendings = [['Teur', 'trice']]\n", "genders.endings[0]"),
    ("[genders]\nmin_length = 0\n", "genders.min_length"),
    ("[[related]]\nwords = ['couture']\n", "related[0].words: a list of at least 2 words"),
    ("[[related]]\nwords = ['couture', 'couturière']\n", "related[0].words[1]: 'couturière' is not one folded word"),
    ("[[related]]\nwords = ['couture', 'tiers lieu']\n", "related[0].words[1]"),
    ("[[related]]\nwords = ['couture', 'les']\n", "related[0].words[1]"),
    ("[[split]]\nwords = ['format']\n[[split]]\nwords = ['format', 'formats']\n",
     "split[1].words[0]: 'format' is already in word_families.toml: split[0]"),
    ("[[split]]\nwords = ['format'\n", "word_families.toml: "),
])
def test_loading_is_strict(text, message):
    with pytest.raises(FamiliesError) as raised:
        parse_families(text, "word_families.toml")
    assert message in str(raised.value)


def test_a_broken_file_leaves_searches_without_families(app, client, world, tmp_path):
    broken = tmp_path / "word_families.toml"
    broken.write_text("colour = 1\n", encoding="utf-8")
    app.config["SEARCH_WORD_FAMILIES_FILE"] = str(broken)
    assert _url(world["mediatrice"]) in _found(client, "médiatrice")
    assert _url(world["mediatrice"]) not in _found(client, "médiateurs")
