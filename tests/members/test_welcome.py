"""The welcome page after sign-up: the first steps, each with its state, and the way on."""

from __future__ import annotations

import re

from forum.core.database import write_intent
from forum.extensions import db
from tests.conftest import commit_work, make_category, make_fabrique, make_user, submit

NEWCOMER = {"email": "nadia.benali@exemple.fr", "display_name": "Nadia Benali",
            "password": "le jardin partagé ouvre en mai", "password_confirm": "le jardin partagé ouvre en mai",
            "fabrique": ""}


def _text(response) -> str:
    # Runs of spaces as one (no-break spaces kept: they are the French typography under test).
    return re.sub(r"[ \t\r\n]+", " ", re.sub(r"<[^>]+>", " ", response.get_data(as_text=True)))


def test_sign_up_leads_to_the_first_steps(client, app):
    mediation = make_category("Médiation numérique", 1)
    make_category("Fablab et fabrication", 2)
    fabrique = make_fabrique(make_user("gerante@exemple.fr", "Gérante Dupont"))
    response = submit(client, "/inscription", {**NEWCOMER, "fabrique": str(fabrique.id)})
    assert response.status_code == 302 and response.headers["Location"] == "/bienvenue"
    page = client.get("/bienvenue")
    text = _text(page)
    for step in ("Bienvenue, Nadia Benali !", "Confirmez votre adresse e-mail", "nadia.benali@exemple.fr",
                 "Votre demande pour rejoindre La Fabrique des Possibles attend la réponse de ses responsables",
                 "Présentez-vous", "Compléter mon profil", "Suivez les sujets qui vous concernent",
                 "Médiation numérique", "Fablab et fabrication", "Posez votre première question",
                 "Continuer vers le forum"):
        assert step in text, step
    html = page.get_data(as_text=True)
    assert 'href="/sujets/nouveau?question=1"' in html

    # Following a category from here comes back here, where it shows as followed.
    followed = submit(client, f"/forum/{mediation.slug}/suivi", {"level": "suivre", "next": "/bienvenue"},
                      form_url="/bienvenue")
    assert followed.status_code == 302 and followed.headers["Location"] == "/bienvenue"
    again = client.get("/bienvenue").get_data(as_text=True)
    assert len(re.findall(r'action="/forum/[^"]+/suivi"', again)) == 1  # the other one only
    assert "Suivie" in again


def test_the_way_on_is_the_page_they_came_for_and_never_another_site(client, app):
    make_user("alice@exemple.fr")
    submit(client, "/inscription?next=/sujets/nouveau", NEWCOMER, form_url="/inscription?next=/sujets/nouveau")
    page = client.get("/bienvenue?next=/sujets/nouveau").get_data(as_text=True)
    assert 'href="/sujets/nouveau">Continuer vers la page que vous consultiez' in page
    elsewhere = client.get("/bienvenue?next=https://ailleurs.example/piege").get_data(as_text=True)
    assert 'href="https://ailleurs' not in elsewhere and 'href="/">Continuer vers le forum' in elsewhere
    # An unsafe target in the follow form is ignored too: back to the category.
    category = make_category()
    response = submit(client, f"/forum/{category.slug}/suivi", {"level": "suivre", "next": "//ailleurs.example"},
                      form_url="/bienvenue")
    assert response.headers["Location"] == f"/forum/{category.slug}"


def test_done_steps_show_as_done(client, app):
    fabrique = make_fabrique(make_user("gerante@exemple.fr", "Gérante Dupont"))
    from tests.conftest import login, make_member

    member = make_member(fabrique, "membre@exemple.fr", "Marie Membre")
    with write_intent():
        db.session.merge(member).bio = "Médiatrice à Guéret."
        commit_work()
    login(client, "membre@exemple.fr")
    text = _text(client.get("/bienvenue"))
    assert text.count("Fait") == 3 and "Vous faites partie de La Fabrique des Possibles" in text
    assert "Compléter mon profil" not in text and "Renvoyer le lien" not in text


def test_only_members_are_welcomed(client, app):
    response = client.get("/bienvenue")
    assert response.status_code == 302 and response.headers["Location"].startswith("/connexion")


def test_ask_a_question_opens_the_form_with_the_question_ticked(client, app):
    make_user("alice@exemple.fr")
    make_category()
    from tests.conftest import login

    login(client, "alice@exemple.fr")
    ticked = client.get("/sujets/nouveau?question=1").get_data(as_text=True)
    plain = client.get("/sujets/nouveau").get_data(as_text=True)
    checkbox = re.compile(r'<input[^>]*name="is_question"[^>]*>')
    assert "checked" in checkbox.search(ticked).group(0) and "checked" not in checkbox.search(plain).group(0)
