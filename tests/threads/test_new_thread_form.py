"""The new thread form: the category is an explicit choice, each shown with its description."""

import html
import re

import pytest
from sqlalchemy import func, select

from forum.extensions import db
from forum.threads.models import Thread
from tests.conftest import login, make_category, make_user, submit

THREAD = {"title": "Quel logiciel pour les inscriptions ?", "body": "Nous cherchons un outil simple.",
          "action": "publish"}


@pytest.fixture
def categories(app):
    return [make_category(), make_category("Gouvernance partagée", 2)]


def _checked(page: str) -> list[str]:
    return re.findall(r'<input[^>]*name="category"[^>]*value="([^"]+)"[^>]*checked', page) + \
        re.findall(r'<input[^>]*checked[^>]*name="category"[^>]*value="([^"]+)"', page)


def test_every_category_is_offered_with_its_description_and_none_is_chosen_for_the_member(client, categories):
    make_user()
    login(client, "alice@exemple.fr")
    page = html.unescape(client.get("/sujets/nouveau").get_data(as_text=True))
    assert 'type="radio"' in page and _checked(page) == []
    assert "Tout sur médiation numérique." in page and "Tout sur gouvernance partagée." in page


def test_coming_from_a_category_chooses_it_and_asking_a_question_ticks_the_box(client, categories):
    make_user()
    login(client, "alice@exemple.fr")
    page = client.get("/sujets/nouveau?categorie=gouvernance-partagee&question=1").get_data(as_text=True)
    assert _checked(page) == ["gouvernance-partagee"]
    assert re.search(r'<input[^>]*checked[^>]*name="is_question"|<input[^>]*name="is_question"[^>]*checked', page)
    # An unknown category in the address is ignored, not an error.
    assert _checked(client.get("/sujets/nouveau?categorie=inconnue").get_data(as_text=True)) == []


@pytest.mark.parametrize(("category", "message"), [
    (None, "Choisissez la catégorie de votre sujet."),
    ("inconnue", "N'est pas un choix valide."),
])
def test_no_or_an_unknown_category_is_refused_and_nothing_is_written(client, categories, category, message):
    make_user()
    login(client, "alice@exemple.fr")
    data = dict(THREAD, **({"category": category} if category else {}))
    response = submit(client, "/sujets/nouveau", data)
    assert response.status_code == 400 and message in html.unescape(response.get_data(as_text=True))
    assert db.session.execute(select(func.count()).select_from(Thread)).scalar_one() == 0


def test_the_chosen_category_is_kept_when_the_form_comes_back_with_an_error(client, categories):
    make_user()
    login(client, "alice@exemple.fr")
    response = submit(client, "/sujets/nouveau", dict(THREAD, category="gouvernance-partagee", body=""))
    assert response.status_code == 400 and _checked(response.get_data(as_text=True)) == ["gouvernance-partagee"]


def test_an_address_with_an_earlier_title_leads_to_the_current_one(client, categories):
    from tests.conftest import make_thread

    thread = make_thread(make_user(), categories[0], "Quel logiciel pour les inscriptions ?", "Un outil simple ?")
    old = client.get(f"/sujets/{thread.id}/un-ancien-titre?page=1")
    assert old.status_code == 301
    assert old.headers["Location"] == f"/sujets/{thread.id}/{thread.slug}?page=1"
    assert client.get(f"/sujets/{thread.id}/{thread.slug}").status_code == 200
    assert client.get(f"/sujets/{thread.id}").status_code == 200
