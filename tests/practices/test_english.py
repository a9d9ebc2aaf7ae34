"""Practice reports in English: the pages and their verdicts, the errors, and what an English-speaking
author hears while a member writes in French."""

import pytest
from sqlalchemy import select

from forum.extensions import db
from forum.notifications.models import Notification
from tests.conftest import (
    ENGLISH, login, make_category, make_fabrique, make_member, make_user, plain_spaces, sent_emails, submit,
)
from tests.practices.builders import form_data, make_practice


@pytest.fixture
def world(app):
    manager = make_user("manager@exemple.fr", "Maëlle Responsable")
    fabrique = make_fabrique(manager, "Le Café des Possibles", "23", "rural")
    author = make_member(fabrique, "author@exemple.fr", "Arthur Auteur")
    other = make_fabrique(make_user("other@exemple.fr", "Odile Ailleurs"), "La Fabrique d'à côté", "87", "urbain")
    reader = make_member(other, "reader@exemple.fr", "Rémi Lecteur")
    theme = make_category("Culture", 1)
    good = make_practice(author, [theme.id])
    avoid = make_practice(author, [theme.id], title="Une permanence sans rendez-vous", kind="a-eviter")
    sent_emails(app).clear()
    return {"author": author, "reader": reader, "good": good, "avoid": avoid, "theme": theme}


def test_the_practice_pages_and_their_verdicts_speak_english(client, world):
    index = plain_spaces(client.get("/pratiques", headers=ENGLISH).get_data(as_text=True))
    assert "Filter the reports" in index and "Filtrer les retours" not in index
    assert "✓</span> Good practice" in index and "✗</span> Practice to avoid" in index
    assert "Bonne pratique" not in index and "Expérience à éviter" not in index
    page = plain_spaces(client.get(f"/pratiques/{world['good'].id}", headers=ENGLISH).get_data(as_text=True))
    assert "✓</span> Good practice" in page and "<h2>If we did it again</h2>" in page
    assert "At a glance" in page and "120 h" in page and "We tried it too" in page
    assert "Si c&#39;était à refaire" not in page and "En bref" not in page
    assert "Un atelier vélo au café associatif" in page  # what members wrote stays as written
    markdown = client.get(f"/pratiques/{world['good'].id}/markdown", headers=ENGLISH).get_data(as_text=True)
    assert "- **Verdict:** Good practice" in markdown and "## If we did it again" in markdown


def test_a_domain_error_and_a_form_error_in_english(client, world):
    response = client.get("/pratiques?tri=nimporte", headers=ENGLISH)
    assert response.status_code == 400
    assert "This sort order does not exist." in response.get_data(as_text=True)
    login(client, "author@exemple.fr")
    response = submit(client, "/pratiques/nouveau", form_data([world["theme"].id], context=""), headers=ENGLISH)
    text = plain_spaces(response.get_data(as_text=True))
    assert response.status_code == 400
    assert "Share an experience" in text and "Partager une expérience" not in text
    assert "This field is required." in text and "Ce champ est obligatoire." not in text


def test_an_english_speaking_author_hears_of_a_trial_in_english(client, app, world):
    world["author"].language = "en"
    db.session.commit()
    login(client, "reader@exemple.fr")  # Rémi writes in French
    url = f"/pratiques/{world['good'].id}"
    response = submit(client, f"{url}/essaye", {"outcome": "en-partie", "note": "Bien, mais l'hiver…"}, form_url=url)
    assert response.status_code == 302
    assert "Merci : le résultat de votre fabrique est ajouté." in plain_spaces(
        client.get(response.location).get_data(as_text=True))
    [email] = sent_emails(app)
    assert email.subject == "New result shared: Un atelier vélo au café associatif"
    assert "La Fabrique d'à côté tried “Un atelier vélo au café associatif”: partly." in email.body
    assert "Rémi Lecteur says:" in email.body and "Bien, mais l'hiver…" in email.body
    [text] = db.session.execute(select(Notification.text).where(
        Notification.user_id == world["author"].id)).scalars()
    assert text == "La Fabrique d'à côté tried “Un atelier vélo au café associatif”: partly."
