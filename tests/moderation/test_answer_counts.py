"""A reply readers cannot see is no answer: held, hidden and deleted replies leave the reply count,
the "sans réponse" filter, the unanswered page and the search facet, and come back when shown."""

from __future__ import annotations

import pytest

from forum.extensions import db
from forum.search.documents import documents_for
from forum.threads.models import Post, Thread
from tests.conftest import login, make_reply, make_thread
from tests.moderation.conftest import press, text_of, thread_url

SPAM = "Voyez mon offre sur https://montres-pas-cheres.fr/promo, livraison offerte."


@pytest.fixture
def question(forum):
    thread = make_thread(forum["alice"], forum["category"], "Quel logiciel libre pour la billetterie ?",
                         "Nous cherchons un outil simple pour nos ateliers.", is_question=True)
    return thread


def _unanswered_titles(client) -> str:
    return text_of(client.get("/questions-sans-reponse")) + text_of(client.get("/sujets?filtre=sans-reponse"))


def _state(thread_id: int) -> tuple[int, str]:
    db.session.expire_all()
    thread = db.session.get(Thread, thread_id)
    return thread.reply_count, documents_for(db.session, [f"fil:{thread_id}"])[f"fil:{thread_id}"]["solved"]


def test_a_held_reply_is_no_answer_until_published(client, app, forum, question):
    login(client, "chloe@exemple.fr")  # a newcomer: her reply with a link waits
    response = press(client, f"/sujets/{question.id}/repondre", thread_url(question), body=SPAM, action="publish")
    assert response.status_code == 302
    held = db.session.execute(db.select(Post).where(Post.body_source == SPAM)).scalar_one()
    visitor = app.test_client()
    assert question.title in _unanswered_titles(visitor)
    assert _state(question.id) == (0, "sans-reponse")
    assert "0 réponse" in text_of(visitor.get(thread_url(question)))

    moderator = app.test_client()
    login(moderator, "mod@exemple.fr")
    assert press(moderator, f"/moderation/message/{held.id}/publier", "/moderation").status_code == 302
    assert question.title not in _unanswered_titles(app.test_client())
    assert _state(question.id) == (1, "")


def test_hiding_restoring_and_deleting_the_only_reply(client, app, forum, question):
    reply = make_reply(forum["bob"], question, "Nous utilisons un tableur partagé.")
    assert _state(question.id) == (1, "")
    login(client, "mod@exemple.fr")
    url = f"/moderation/message/{reply.id}/masquer"
    assert press(client, url, url, reason="Hors sujet").status_code == 302
    assert _state(question.id) == (0, "sans-reponse")
    assert question.title in _unanswered_titles(app.test_client())

    assert press(client, f"/moderation/message/{reply.id}/retablir", "/moderation").status_code == 302
    assert _state(question.id) == (1, "")

    # Hidden, then deleted by its author: counted once, as deleted (never below zero, never back).
    assert press(client, url, url, reason="Hors sujet").status_code == 302
    author = app.test_client()
    login(author, "bob@exemple.fr")
    assert press(author, f"/messages/{reply.id}/supprimer", thread_url(question)).status_code == 302
    db.session.expire_all()
    thread = db.session.get(Thread, question.id)
    assert (thread.deleted_reply_count, thread.hidden_reply_count, thread.reply_count) == (1, 0, 0)
    assert press(client, f"/moderation/message/{reply.id}/retablir", "/moderation").status_code in (302, 400, 409)
    db.session.expire_all()
    assert db.session.get(Thread, question.id).hidden_reply_count == 0


def test_a_hidden_reply_stops_being_the_solution_and_cannot_become_one(client, app, forum, question):
    reply = make_reply(forum["bob"], question, "Nous utilisons un logiciel libre de billetterie.")
    asker = app.test_client()
    login(asker, "alice@exemple.fr")
    solution_url = f"/sujets/{question.id}/solution/{reply.id}"
    assert press(asker, solution_url, thread_url(question)).status_code == 302
    assert db.session.get(Thread, question.id).solution_post_id == reply.id

    login(client, "mod@exemple.fr")
    url = f"/moderation/message/{reply.id}/masquer"
    assert press(client, url, url, reason="Publicité déguisée").status_code == 302
    db.session.expire_all()
    assert db.session.get(Thread, question.id).solution_post_id is None
    assert question.title not in text_of(app.test_client().get("/sujets?filtre=resolus"))

    response = press(asker, solution_url, thread_url(question))
    assert response.status_code == 400 and "il ne peut pas être la solution" in text_of(response)
    db.session.expire_all()
    assert db.session.get(Thread, question.id).solution_post_id is None


def test_posts_of_a_hidden_thread_cannot_be_thanked_or_kept(client, app, forum):
    thread, reply = forum["thread"], make_reply(forum["chloe"], forum["thread"], "Une réponse utile.")
    moderator = app.test_client()
    login(moderator, "mod@exemple.fr")
    url = f"/moderation/sujet/{thread.id}/masquer"
    assert press(moderator, url, url, reason="Doublon").status_code == 302
    login(client, "david@exemple.fr")
    for action in (f"/messages/{reply.id}/merci", f"/messages/{reply.id}/favori", f"/sujets/{thread.id}/favori"):
        response = press(client, action, "/")
        assert response.status_code == 404, action
    db.session.expire_all()
    assert db.session.get(Post, reply.id).like_count == 0
    assert "Une réponse utile" not in text_of(client.get("/favoris"))
