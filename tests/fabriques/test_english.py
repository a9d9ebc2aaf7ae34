"""The directory, the map, the API's page and the search in English: for a browser that asks for it
(Accept-Language), for a member who chose it (their notifications and e-mails too), while French
stays the default and the API's answers and the standard's files stay as they are."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from forum.accounts.models import User
from forum.core.database import write_intent
from forum.extensions import db
from forum.notifications.models import Notification
from tests.conftest import ENGLISH, commit_work, login, make_fabrique, make_user, submit


def _visible_text(html: str) -> str:
    """The page's words (no tags, scripts, attributes or the footer's language switcher)."""
    main = html[html.index("<main"):html.index("</main>")] if "<main" in html else html
    main = re.sub(r"<(script|style)\b.*?</\1>", " ", main, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


def _set_language(email: str, language: str) -> None:
    with write_intent():
        db.session.execute(select(User).where(User.email == email)).scalar_one().language = language
        commit_work()


@pytest.fixture
def moulin(app):
    manager = make_user("gerante@exemple.fr", "Gérante Dupont")
    return make_fabrique(
        manager, "Le Moulin Numérique", "23", "rural", ["fablab", "jardin"], city="Guéret", postal_code="23000",
        address="2 rue du Moulin", pivot="W231000123",
        latitude=46.17, longitude=1.87, horaires="Mo-Fr 09:00-12:00,14:00-18:00; Sa 10:00-12:00",
        lists={"services": ["Aide aux démarches administratives"], "typologie": ["FABLAB"],
               "frais_a_charge": ["Gratuit"]})


def test_the_directory_in_english(client, moulin):
    html = client.get("/fabriques", headers=ENGLISH).get_data(as_text=True)
    text = _visible_text(html)
    assert "<html lang=\"en\"" in html
    assert "Directory of fabriques" in text and "1 fabrique" in text and "Add my fabrique" not in text
    assert "Rural" in text and "See the map" in text
    assert "Annuaire des fabriques" not in text and "Voir la carte" not in text
    # The filters: the standard's labels in English, their values (codes) as they are.
    assert "Help with administrative procedures" in html
    assert 'value="Aide aux démarches administratives"' in html
    # French stays the default.
    assert "Annuaire des fabriques" in client.get("/fabriques").get_data(as_text=True)


def test_a_fabrique_page_in_english_says_its_hours_and_the_standard_in_english(client, moulin):
    text = _visible_text(client.get("/fabriques/le-moulin-numerique", headers=ENGLISH).get_data(as_text=True))
    assert "Practical information" in text
    assert "Monday–Friday 09:00–12:00, 14:00–18:00" in text and "Saturday 10:00–12:00" in text
    assert "Help with administrative procedures" in text and "Free" in text and "Fees" in text
    assert "Shared garden" in text
    for french in ("Informations pratiques", "lundi", "Aide aux démarches", "Gratuit", "Jardin partagé"):
        assert french not in text
    french = client.get("/fabriques/le-moulin-numerique").get_data(as_text=True)
    assert "lundi–vendredi 9\u00a0h–12\u00a0h" in french


def test_the_standard_export_keeps_its_french_values_for_an_english_reader(client, moulin):
    body = client.get("/fabriques.csv", headers=ENGLISH).get_data(as_text=True)
    assert "Aide aux démarches administratives" in body and "Help with" not in body


def test_a_bad_filter_is_refused_in_english(client, moulin):
    response = client.get("/fabriques?region=99", headers=ENGLISH)
    assert response.status_code == 400
    assert "This region does not exist." in response.get_data(as_text=True)


def test_a_form_error_in_english_for_a_member_who_chose_english(client, app):
    make_user("nadia@exemple.fr", "Nadia Benali")
    _set_language("nadia@exemple.fr", "en")
    login(client, "nadia@exemple.fr")
    response = submit(client, "/fabriques/nouvelle", {
        "name": "La Ruche", "territory_type": "rural", "department_code": "23", "postal_code": "230",
        "website": "pas une adresse"})
    assert response.status_code == 400
    text = _visible_text(response.get_data(as_text=True))
    assert "Name of the fabrique" in text and "Add my fabrique to the directory" in text
    assert "A postal code has 5 digits" in text or "The website must be an address" in text
    assert "Nom de la fabrique" not in text


def test_an_english_manager_is_told_in_english_of_a_request_made_in_french(client, moulin):
    _set_language("gerante@exemple.fr", "en")
    make_user("nadia@exemple.fr", "Nadia Benali")
    login(client, "nadia@exemple.fr")
    response = submit(client, "/fabriques/le-moulin-numerique/rejoindre", form_url="/fabriques/le-moulin-numerique")
    assert response.status_code == 302
    # The actor reads French; the manager's line is English.
    assert "Votre demande a été envoyée" in client.get(response.headers["Location"]).get_data(as_text=True)
    texts = [notification.text for notification in db.session.execute(
        select(Notification).join(User, User.id == Notification.user_id)
        .where(User.email == "gerante@exemple.fr")).scalars()]
    assert texts == ["Nadia Benali asks to join Le Moulin Numérique."]


def test_the_map_speaks_english(client, moulin):
    html = client.get("/fabriques/carte", headers=ENGLISH).get_data(as_text=True)
    assert "Map of fabriques" in _visible_text(html)
    # What the script writes on the map comes from the page, in its language.
    assert 'data-text-resources-one="1 shared resource"' in html
    assert 'data-text-resources-other="2 shared resources"' in html
    assert 'data-text-resources-zero="0 shared resources"' in html
    assert 'data-text-cluster="2 nearby fabriques: zoom in"' in html
    french = client.get("/fabriques/carte").get_data(as_text=True)
    assert 'data-text-resources-zero="0 ressource partagée"' in french


def test_the_api_page_in_english_and_its_answers_in_french(client, moulin):
    text = _visible_text(client.get("/api/", headers=ENGLISH).get_data(as_text=True))
    assert "Forum des Fabriques public API" in text and "Rate limit" in text and "Data licence" in text
    assert re.search(r"At most \d+ requests per minute", text)
    assert "Unknown, repeated or invalid parameter." in text
    # The operations' sentences, written in the views' docstrings (French), are in the catalogue too.
    assert "A page of fabriques." in text and "Une page de fabriques." not in text
    assert "Limite de débit" not in text
    # The API itself always answers in French (its documentation says so; shared caches keep it).
    response = client.get("/api/v1/fabriques?region=99", headers=ENGLISH)
    assert response.status_code == 400 and response.get_json()["error"] == "Cette région n'existe pas."


def test_the_search_page_in_english(client, moulin):
    html = client.get("/recherche?q=zzzqqq&sujet=abc", headers=ENGLISH).get_data(as_text=True)
    text = _visible_text(html)
    assert "This thread does not exist: results from all threads are shown." in text
    assert "No results for this search." in text
    assert "Aucun résultat" not in text
