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
    assert press(author, f"/messages/{reply.id}/supprimer", thread_url(question), confirmed="1").status_code == 302
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


# --- a hidden solution comes back with its reply ---------------------------------------------------
def _solution(thread_id: int) -> int | None:
    db.session.expire_all()
    return db.session.get(Thread, thread_id).solution_post_id


def _choose(app, thread, post) -> None:
    asker = app.test_client()
    login(asker, "alice@exemple.fr")
    assert press(asker, f"/sujets/{thread.id}/solution/{post.id}", thread_url(thread)).status_code == 302
    assert _solution(thread.id) == post.id


def test_restoring_a_hidden_solution_makes_it_the_solution_again(client, app, forum, question):
    from forum.moderation.models import ModerationAction, ModerationLog

    reply = make_reply(forum["bob"], question, "Nous utilisons un logiciel libre de billetterie.")
    _choose(app, question, reply)
    login(client, "mod@exemple.fr")
    url = f"/moderation/message/{reply.id}/masquer"
    assert press(client, url, url, reason="Lien commercial déguisé").status_code == 302
    assert _solution(question.id) is None
    assert _state(question.id) == (0, "sans-reponse")
    logged = db.session.execute(db.select(ModerationLog).where(
        ModerationLog.action == ModerationAction.SOLUTION_HIDDEN)).scalar_one()
    assert (logged.moderator_id, logged.target_id) == (forum["mod"].id, reply.id)

    assert press(client, f"/moderation/message/{reply.id}/retablir", "/moderation").status_code == 302
    assert _solution(question.id) == reply.id
    assert _state(question.id) == (1, "resolu")  # the search index follows
    assert question.title in text_of(app.test_client().get("/sujets?filtre=resolus"))
    page = text_of(app.test_client().get(thread_url(question)))
    assert 'class="solution-box"' in page and "logiciel libre de billetterie" in page


def test_ignoring_the_flags_that_hid_a_solution_brings_it_back(client, app, forum, question):
    from tests.moderation.test_flags import flag

    reply = make_reply(forum["bob"], question, "Nous utilisons un logiciel libre de billetterie.")
    _choose(app, question, reply)
    for email in ("alice@exemple.fr", "chloe@exemple.fr", "david@exemple.fr"):
        reporter = app.test_client()
        login(reporter, email)
        assert flag(reporter, "message", reply.id).status_code == 302
    assert _solution(question.id) is None  # hidden by the flags, until a moderator looks

    login(client, "mod@exemple.fr")
    assert press(client, f"/moderation/message/{reply.id}/signalements/rejeter", "/moderation").status_code == 302
    assert _solution(question.id) == reply.id


def test_a_solution_chosen_meanwhile_stays_and_an_old_hiding_is_not_replayed(client, app, forum, question):
    first = make_reply(forum["bob"], question, "Première piste : un tableur partagé.")
    second = make_reply(forum["chloe"], question, "Seconde piste : un logiciel libre.")
    _choose(app, question, first)
    login(client, "mod@exemple.fr")
    hide_first = f"/moderation/message/{first.id}/masquer"
    assert press(client, hide_first, hide_first, reason="À vérifier").status_code == 302
    _choose(app, question, second)  # the asker chose another answer while it was hidden
    assert press(client, f"/moderation/message/{first.id}/retablir", "/moderation").status_code == 302
    assert _solution(question.id) == second.id

    # Hidden again (no longer the solution), restored again: the first hiding is not replayed.
    asker = app.test_client()
    login(asker, "alice@exemple.fr")
    assert press(asker, f"/sujets/{question.id}/solution/retirer", thread_url(question)).status_code == 302
    assert press(client, hide_first, hide_first, reason="À vérifier encore").status_code == 302
    assert press(client, f"/moderation/message/{first.id}/retablir", "/moderation").status_code == 302
    assert _solution(question.id) is None


def test_a_solution_held_after_its_author_added_a_link_comes_back_when_published(client, app, forum, question):
    login(client, "chloe@exemple.fr")  # a newcomer: links she adds wait for a moderator
    press(client, f"/sujets/{question.id}/repondre", thread_url(question), body="Un tableur suffit.", action="publish")
    reply = db.session.execute(db.select(Post).where(Post.body_source == "Un tableur suffit.")).scalar_one()
    _choose(app, question, reply)
    url = f"/messages/{reply.id}/modifier"
    assert press(client, url, url, body=SPAM, action="publish").status_code == 302
    assert _solution(question.id) is None

    moderator = app.test_client()
    login(moderator, "mod@exemple.fr")
    assert press(moderator, f"/moderation/message/{reply.id}/publier", "/moderation").status_code == 302
    assert _solution(question.id) == reply.id


def test_a_hidden_solution_deleted_by_its_author_does_not_come_back(client, app, forum, question):
    from forum.core.database import write_intent
    from forum.threads import services as thread_services

    reply = make_reply(forum["bob"], question, "Nous utilisons un logiciel libre de billetterie.")
    _choose(app, question, reply)
    login(client, "mod@exemple.fr")
    url = f"/moderation/message/{reply.id}/masquer"
    assert press(client, url, url, reason="À vérifier").status_code == 302
    with write_intent():
        thread_services.delete_post(forum["bob"], db.session.get(Post, reply.id))
        db.session.commit()
    press(client, f"/moderation/message/{reply.id}/retablir", "/moderation")
    assert _solution(question.id) is None
