"""What PostgreSQL refuses never reaches it: ids past INTEGER, NUL characters; unknown slugs are 404.

The route and form fuzz tests (tests/test_route_fuzz.py, tests/test_form_fuzz.py) walk every
route; these are the issue's own examples and the guards' contracts.
"""

import logging

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import DataError

from forum.accounts.models import LoginSession
from forum.core.hostile import is_storable
from forum.core.security import MAX_ID, parse_id
from forum.extensions import db
from forum.threads.models import Thread
from tests.conftest import PASSWORD, csrf_token, login, make_category, make_thread, make_user, submit


@pytest.mark.parametrize("raw,expected", [
    ("1", 1), (" 42 ", 42), (str(MAX_ID), MAX_ID), (str(MAX_ID + 1), None), (str(2**63), None), ("0", None),
    ("-1", None), ("01", None), ("abc", None), ("", None), (None, None), (12, None), ("\u00b2", None),
    ("\u0661\u0662", None), ("1e3", None), ("1.0", None),
])
def test_parse_id_accepts_only_ascii_ids_within_integer(raw, expected):
    assert parse_id(raw) == expected


@pytest.mark.parametrize("text,storable", [("médiation", True), ("a\x00b", False), ("\ud800", False),
                                            ("\x07\x1b\u202e", True)])
def test_is_storable(text, storable):
    assert is_storable(text) is storable


@pytest.mark.parametrize("url", ["/ressources/2147483648", f"/sujets/{2**63}", "/sujets/9223372036854775808",
                                 "/membres/2147483648", "/prets/2147483648", "/pratiques/2147483648/historique"])
def test_ids_past_the_integer_columns_are_404(client, url):
    response = client.get(url)
    assert response.status_code == 404 and "Page introuvable" in response.get_data(as_text=True)


def test_the_largest_id_is_an_ordinary_404(client, app):
    make_user()
    login(client, "alice@exemple.fr")
    assert client.get(f"/sujets/{MAX_ID}").status_code == 404
    assert client.get(f"/ressources/{MAX_ID}/modifier").status_code == 404


@pytest.mark.parametrize("url", ["/sujets?page=" + "1" + "0" * 30, "/fabriques?page=-1", "/ressources?fabrique=2147483648",
                                 "/pratiques?fabrique=%C2%B2", "/ressources?du=9999-99-99&au=2025-01-01"])
def test_numbers_out_of_range_in_query_strings_are_a_french_400(client, url):
    response = client.get(url)
    assert response.status_code == 400 and "Demande incorrecte" in response.get_data(as_text=True)


@pytest.mark.parametrize("url", ["/fabriques/a%00b", "/forum/%00", "/flux/forum/a%00b.atom", "/mots-cles/%00"])
def test_a_nul_in_the_path_is_404(client, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("url", ["/recherche?q=a&categorie=a%00b", "/fabriques?region=%00", "/sujets?filtre=a%00",
                                 "/connexion?next=/%00"])
def test_a_nul_in_the_query_string_is_a_french_400(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "caractère nul" in response.get_data(as_text=True)


@pytest.mark.parametrize("url", ["/mots-cles/%ff", "/mots-cles/inconnu", "/mots-cles/" + "v" * 41,
                                 "/forum/%ff", "/fabriques/%ff", "/flux/forum/%ff.atom"])
def test_unknown_or_undecodable_slugs_are_404(client, app, url):
    make_thread(make_user(), make_category(), tags=["vélo"])
    assert client.get(url).status_code == 404


def test_a_known_tag_answers_whatever_its_case(client, app):
    make_thread(make_user(), make_category(), tags=["vélo"])
    assert client.get("/mots-cles/v%C3%A9lo").status_code == 200
    assert client.get("/mots-cles/V%C3%89LO").status_code == 200


def test_a_nul_in_a_form_field_is_a_french_400_and_writes_nothing(client, app):
    make_user()
    make_category()
    login(client, "alice@exemple.fr")
    response = submit(client, "/sujets/nouveau", {"title": "Un titre tout à fait correct", "category": "mediation-numerique",
                                                  "body": "Le corps\x00 du message", "action": "publish"})
    assert response.status_code == 400 and "caractère nul" in response.get_data(as_text=True)
    assert db.session.execute(select(func.count()).select_from(Thread)).scalar_one() == 0


def test_a_nul_in_an_uploaded_file_name_is_a_french_400(client, app):
    from io import BytesIO

    make_user()
    login(client, "alice@exemple.fr")
    response = client.post("/profil", data={"csrf_token": csrf_token(client, "/profil"), "display_name": "Alice",
                                            "photo": (BytesIO(b"x"), "photo\x00.png")},
                           content_type="multipart/form-data")
    assert response.status_code == 400 and "caractère nul" in response.get_data(as_text=True)


def test_the_photo_page_still_accepts_bodies_past_the_app_limit(client, app):
    # forum.core.hostile reads every form: it must first apply the view's own, larger, limit.
    make_user()
    login(client, "alice@exemple.fr")
    response = client.post("/ressources/1/photos", data={"csrf_token": "x", "filler": "a" * 2_000_000})
    assert response.status_code != 413


def test_control_characters_of_a_user_agent_are_not_stored(client, app):
    make_user()
    submit(client, "/connexion", {"email": "alice@exemple.fr", "password": PASSWORD},
           headers={"User-Agent": "Navigateur\x00\x1b[31m rouge"})
    agent = db.session.execute(select(LoginSession.user_agent)).scalar_one()
    assert agent == "Navigateur[31m rouge"


def test_a_value_the_database_refuses_is_a_french_400_logged_as_an_error(client, app, caplog):
    # The safety net behind validation: a gap in it is a 400 for the person and an error for us.
    def refused():
        raise DataError("INSERT …", {}, Exception("value too long for type character varying(80)"))

    app.add_url_rule("/test-refus", "refused", refused)
    with caplog.at_level(logging.WARNING):
        response = client.get("/test-refus")
    assert response.status_code == 400
    assert "ne peut pas être enregistrée" in response.get_data(as_text=True)
    [error] = [record for record in caplog.records if record.levelno == logging.ERROR]
    assert "The database refused a value of GET /test-refus: value too long" in error.getMessage()
