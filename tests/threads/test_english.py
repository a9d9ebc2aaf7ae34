"""The forum in English: its pages, its errors, and what it tells an English-speaking member."""

from __future__ import annotations

from sqlalchemy import select

from forum.extensions import db
from forum.notifications.models import Notification
from tests.conftest import (
    ENGLISH, csrf_token, login, make_category, make_reply, make_thread, make_user, plain_spaces, submit,
)


def _forum():
    alice = make_user("alice@exemple.fr", "Alice Martin")
    bob = make_user("bob@exemple.fr", "Bob Leroy")
    category = make_category()
    thread = make_thread(alice, category, "Comment accueillir les nouveaux bénévoles ?")
    return alice, bob, category, thread


def test_the_forum_pages_speak_english(app, client):
    alice, bob, category, thread = _forum()
    make_reply(bob, thread, "Un livret d'accueil aide beaucoup.")
    home = client.get("/", headers=ENGLISH).get_data(as_text=True)
    assert "Latest threads" in home and "Dernières discussions" not in home
    listing = client.get(f"/forum/{category.slug}", headers=ENGLISH).get_data(as_text=True)
    assert "1 thread" in listing and ": latest threads" in listing
    assert "derniers sujets" not in listing and "1 sujet" not in listing
    page = client.get(f"/sujets/{thread.id}/{thread.slug}", headers=ENGLISH).get_data(as_text=True)
    assert "to reply." in page and "pour répondre" not in page
    assert "Comment accueillir les nouveaux bénévoles" in page  # what members wrote stays as written
    everything = client.get("/sujets", headers=ENGLISH).get_data(as_text=True)
    assert ">Unanswered<" in everything or "Unanswered" in everything
    assert "Sans réponse" not in everything and "Résolus" not in everything


def test_a_missing_thread_is_said_in_english(app, client):
    _forum()
    response = client.get("/sujets/999999/rien", headers=ENGLISH)
    assert response.status_code == 404
    assert "This thread does not exist or has been deleted." in response.get_data(as_text=True)


def test_the_new_thread_form_explains_its_errors_in_english(app, client):
    _alice, bob, category, _thread = _forum()
    login(client, "bob@exemple.fr")
    page = client.get("/sujets/nouveau", headers=ENGLISH).get_data(as_text=True)
    assert "Thread title" in page or "Title" in page
    assert "Choisissez la catégorie" not in page
    response = client.post("/sujets/nouveau", headers=ENGLISH, data={
        "csrf_token": csrf_token(client, "/sujets/nouveau"), "title": "Un titre assez long pour passer",
        "body": "Un message.", "tags": "un mot-clé beaucoup trop long pour être accepté par le forum, vraiment"})
    text = plain_spaces(response.get_data(as_text=True))
    assert response.status_code in (200, 400)
    assert "Choose the category of your thread." in text or "A tag is at most 40 characters long" in text
    assert "Choisissez la catégorie" not in text and "Un mot-clé fait au plus" not in text


def test_an_english_speaking_member_hears_of_a_reply_in_english(app, client):
    alice, bob, _category, thread = _forum()
    alice.language = "en"
    db.session.commit()
    login(client, "bob@exemple.fr")  # Bob browses in French
    url = f"/sujets/{thread.id}/repondre"
    response = submit(client, url, {"body": "Un livret d'accueil."})
    assert response.status_code == 302
    assert "Votre réponse est publiée." in plain_spaces(client.get(response.location).get_data(as_text=True))
    texts = list(db.session.execute(select(Notification.text).where(Notification.user_id == alice.id)).scalars())
    assert texts == ["Bob Leroy replied in “Comment accueillir les nouveaux bénévoles\u00a0?”."]
