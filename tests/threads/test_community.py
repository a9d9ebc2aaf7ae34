"""Questions with solutions, thread filters, "Merci" and bookmarks, through the pages and forms."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from forum.extensions import db
from forum.notifications.models import Notification
from forum.threads.models import Bookmark, Post, PostLike, Thread
from tests.conftest import commit_work, csrf_token, login, make_category, make_reply, make_thread, make_user


@pytest.fixture
def question(app):
    asker = make_user("alice@exemple.fr", "Alice Martin")
    helper = make_user("bob@exemple.fr", "Bob Leroy")
    other = make_user("chloe@exemple.fr", "Chloé Petit")
    category = make_category()
    thread = make_thread(asker, category, "Quel logiciel pour les inscriptions aux ateliers ?", is_question=True)
    answer = make_reply(helper, thread, "Nous utilisons un formulaire libre, très simple.")
    second = make_reply(other, thread, "Un tableur partagé suffit au début.")
    return {"asker": asker, "helper": helper, "other": other, "category": category, "thread": thread,
            "answer": answer, "second": second}


def post_button(client, url: str, page: str):
    """Press a one-button form of ``page`` (CSRF token read from it)."""
    return client.post(url, data={"csrf_token": csrf_token(client, page)})


def thread_url(thread) -> str:
    return f"/sujets/{thread.id}/{thread.slug}"


def _count(model, *where) -> int:
    return db.session.execute(select(func.count()).select_from(model).where(*where)).scalar_one()


# --- solutions ---------------------------------------------------------------------------------
def test_the_asker_marks_a_reply_as_the_solution(client, question):
    thread, answer = question["thread"], question["answer"]
    login(client, "alice@exemple.fr")
    page = client.get(thread_url(thread)).get_data(as_text=True)
    assert f"/sujets/{thread.id}/solution/{answer.id}" in page  # the button is offered to the asker
    response = post_button(client, f"/sujets/{thread.id}/solution/{answer.id}", thread_url(thread))
    assert response.status_code == 302 and response.headers["Location"].endswith(f"#message-{answer.id}")
    db.session.expire_all()
    assert db.session.get(Thread, thread.id).solution_post_id == answer.id

    html = client.get(thread_url(thread)).get_data(as_text=True)
    box = html.split('class="solution-box"', 1)[1].split("</aside>", 1)[0]
    assert "Nous utilisons un formulaire libre" in box and "Bob Leroy" in box
    assert 'class="badge badge-solved">Résolu' in html
    listing = client.get("/forum/mediation-numerique").get_data(as_text=True)
    assert "Résolu" in listing
    # Bob is told; pressing again (a double click) changes nothing and tells nobody twice.
    assert _count(Notification, Notification.user_id == question["helper"].id, Notification.kind == "solution") == 1
    [email] = [email for email in client.application.extensions["mailman"].outbox if email.to == ["bob@exemple.fr"]
               and email.subject.startswith("Votre réponse est la solution")]
    assert f"https://localhost/messages/{answer.id}" in email.body
    assert post_button(client, f"/sujets/{thread.id}/solution/{answer.id}", thread_url(thread)).status_code == 302
    assert _count(Notification, Notification.user_id == question["helper"].id, Notification.kind == "solution") == 1


def test_later_pages_of_a_solved_thread_lead_to_the_solution(app, client, question):
    thread, answer = question["thread"], question["answer"]
    app.config["POSTS_PER_PAGE"] = 2
    for number in range(3):
        make_reply(question["other"], thread, f"Autre piste numéro {number}.")
    login(client, "alice@exemple.fr")
    post_button(client, f"/sujets/{thread.id}/solution/{answer.id}", thread_url(thread))
    second = client.get(thread_url(thread) + "?page=2").get_data(as_text=True)
    note = second.split('class="solution-note"', 1)[1].split("</p>", 1)[0]
    assert f'href="/messages/{answer.id}"' in note and "Bob Leroy" in note
    assert 'class="solution-note"' not in client.get(thread_url(thread)).get_data(as_text=True)  # page 1: the box


def test_only_the_asker_or_a_moderator_chooses_the_solution(client, question, app):
    thread, answer = question["thread"], question["answer"]
    login(client, "chloe@exemple.fr")
    assert f"/solution/{answer.id}" not in client.get(thread_url(thread)).get_data(as_text=True)
    response = post_button(client, f"/sujets/{thread.id}/solution/{answer.id}", thread_url(thread))
    assert response.status_code == 403
    assert "Seul·e l&#39;auteur·rice de la question" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Thread, thread.id).solution_post_id is None

    make_user("modo@exemple.fr", "Mo Dératrice", role="moderator")
    client.post("/deconnexion", data={"csrf_token": csrf_token(client, "/")})
    login(client, "modo@exemple.fr")
    assert post_button(client, f"/sujets/{thread.id}/solution/{answer.id}", thread_url(thread)).status_code == 302
    db.session.expire_all()
    assert db.session.get(Thread, thread.id).solution_post_id == answer.id


@pytest.mark.parametrize("case", ["not_a_question", "the_question_itself", "other_thread", "deleted", "unknown"])
def test_bad_solutions_are_refused_in_french(client, question, case):
    thread, answer = question["thread"], question["answer"]
    asker = question["asker"]
    target_thread, target_post = thread, answer
    if case == "not_a_question":
        target_thread = make_thread(asker, question["category"], "Retour sur la fête de quartier")
        target_post = make_reply(question["helper"], target_thread, "Bravo à toute l'équipe !")
    elif case == "the_question_itself":
        target_post = db.session.execute(select(Post).where(Post.thread_id == thread.id, Post.position == 1)).scalar_one()
    elif case == "other_thread":
        elsewhere = make_thread(asker, question["category"], "Une autre question ouverte ?", is_question=True)
        target_post = make_reply(question["helper"], elsewhere, "Réponse ailleurs.")
    elif case == "deleted":
        from forum.core.database import write_intent
        from forum.threads import services

        with write_intent():
            services.delete_post(question["helper"], db.session.get(Post, answer.id))
            commit_work()
    login(client, "alice@exemple.fr")
    url = f"/sujets/{target_thread.id}/solution/{target_post.id if case != 'unknown' else 999999}"
    response = post_button(client, url, thread_url(thread))
    assert 400 <= response.status_code < 500
    body = response.get_data(as_text=True)
    assert re.search(r"(question|réponse|message|sujet)", body)
    db.session.expire_all()
    assert db.session.get(Thread, target_thread.id).solution_post_id is None


def test_unmarking_and_deleting_the_solution_reopen_the_question(client, question):
    thread, answer = question["thread"], question["answer"]
    login(client, "alice@exemple.fr")
    post_button(client, f"/sujets/{thread.id}/solution/{answer.id}", thread_url(thread))
    assert post_button(client, f"/sujets/{thread.id}/solution/retirer", thread_url(thread)).status_code == 302
    db.session.expire_all()
    assert db.session.get(Thread, thread.id).solution_post_id is None

    post_button(client, f"/sujets/{thread.id}/solution/{answer.id}", thread_url(thread))
    client.post("/deconnexion", data={"csrf_token": csrf_token(client, "/")})
    login(client, "bob@exemple.fr")
    response = client.post(f"/messages/{answer.id}/supprimer",
                           data={"csrf_token": csrf_token(client, thread_url(thread)), "confirmed": "1"})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Thread, thread.id).solution_post_id is None
    assert 'class="solution-box"' not in client.get(thread_url(thread)).get_data(as_text=True)


# --- filters and the unanswered questions page -------------------------------------------------
@pytest.fixture
def threads(question):
    asker, category = question["asker"], question["category"]
    open_question = make_thread(asker, category, "Qui a déjà testé les tablettes reconditionnées ?", is_question=True)
    discussion = make_thread(asker, category, "Compte rendu de la rencontre régionale")
    answered_discussion = make_thread(asker, category, "Nos horaires d'été sont en ligne")
    make_reply(question["helper"], answered_discussion, "Merci pour l'info !")
    from forum.core.database import write_intent
    from forum.threads import community

    with write_intent():
        community.mark_solution(asker, db.session.get(Thread, question["thread"].id),
                                db.session.get(Post, question["answer"].id))
        commit_work()
    return {"solved": question["thread"], "open_question": open_question, "discussion": discussion,
            "answered_discussion": answered_discussion}


def _titles(html: str) -> set[str]:
    return set(re.findall(r'class="thread-title" href="[^"]+">([^<]+)</a>', html))


@pytest.mark.parametrize("path", ["/forum/mediation-numerique", "/sujets"])
def test_every_thread_list_filters_questions_solved_and_unanswered(client, threads, path):
    titles = {name: thread.title.replace("'", "&#39;") for name, thread in threads.items()}
    assert _titles(client.get(path).get_data(as_text=True)) == set(titles.values())
    assert _titles(client.get(path + "?filtre=questions").get_data(as_text=True)) == {
        titles["solved"], titles["open_question"]}
    assert _titles(client.get(path + "?filtre=resolus").get_data(as_text=True)) == {titles["solved"]}
    assert _titles(client.get(path + "?filtre=sans-reponse").get_data(as_text=True)) == {
        titles["open_question"], titles["discussion"]}
    # An unknown filter shows everything, not an error.
    assert _titles(client.get(path + "?filtre=%3Cscript%3E").get_data(as_text=True)) == set(titles.values())


def test_tag_pages_filter_too(client, app):
    asker = make_user()
    category = make_category()
    make_thread(asker, category, "Une question sur les subventions ?", tags=["financement"], is_question=True)
    make_thread(asker, category, "Notre bilan financier annuel", tags=["financement"])
    html = client.get("/mots-cles/financement?filtre=questions").get_data(as_text=True)
    assert _titles(html) == {"Une question sur les subventions\u00a0?"}


def test_unanswered_questions_page_lists_the_oldest_first(client, threads, question):
    newer = make_thread(question["other"], question["category"], "Comment animer un atelier parentalité ?",
                        is_question=True)
    html = client.get("/questions-sans-reponse").get_data(as_text=True)
    listed = re.findall(r'class="thread-title" href="[^"]+">([^<]+)</a>', html)
    assert listed == [threads["open_question"].title, newer.title]  # answered and solved ones are not there
    make_reply(question["helper"], newer, "Avec des jeux coopératifs.")
    assert newer.title not in client.get("/questions-sans-reponse").get_data(as_text=True)


# --- "Merci" -----------------------------------------------------------------------------------
def test_thanks_are_counted_once_per_member(client, other_client, question):
    thread, answer = question["thread"], question["answer"]
    login(client, "alice@exemple.fr")
    for _ in range(2):  # a double click
        assert post_button(client, f"/messages/{answer.id}/merci", thread_url(thread)).status_code == 302
    login(other_client, "chloe@exemple.fr")
    post_button(other_client, f"/messages/{answer.id}/merci", thread_url(thread))
    db.session.expire_all()
    assert db.session.get(Post, answer.id).like_count == 2
    assert _count(PostLike, PostLike.post_id == answer.id) == 2
    html = client.get(thread_url(thread)).get_data(as_text=True)
    assert f"/messages/{answer.id}/merci/retirer" in html  # Alice sees she thanked

    assert post_button(client, f"/messages/{answer.id}/merci/retirer", thread_url(thread)).status_code == 302
    assert post_button(client, f"/messages/{answer.id}/merci/retirer", thread_url(thread)).status_code == 302
    db.session.expire_all()
    assert db.session.get(Post, answer.id).like_count == 1


def test_the_thanked_author_is_told_in_the_app_once_per_member(app, client, question):
    thread, answer = question["thread"], question["answer"]
    outbox = app.extensions["mailman"].__dict__.setdefault("outbox", [])
    outbox.clear()
    login(client, "alice@exemple.fr")
    for url in ("merci", "merci/retirer", "merci"):  # thanks, takes it back, thanks again
        assert post_button(client, f"/messages/{answer.id}/{url}", thread_url(thread)).status_code == 302
    told = list(db.session.execute(select(Notification).where(
        Notification.user_id == question["helper"].id, Notification.kind == "like")).scalars())
    assert [(n.text, n.link) for n in told] == [
        (f"Alice Martin vous dit merci pour votre message dans «\u00a0{thread.title}\u00a0».", f"/messages/{answer.id}")]
    assert outbox == []  # no e-mail for a "Merci"


def test_visitors_see_the_count_and_members_cannot_thank_themselves(client, app, question):
    from forum.core.database import write_intent
    from forum.threads import community

    with write_intent():
        community.like(db.session.get(type(question["asker"]), question["asker"].id),
                       db.session.get(Post, question["answer"].id))
        commit_work()
    html = client.get(thread_url(question["thread"])).get_data(as_text=True)
    assert "1 merci" in html and "/merci\"" not in html  # no button for visitors

    login(client, "bob@exemple.fr")
    response = post_button(client, f"/messages/{question['answer'].id}/merci", thread_url(question["thread"]))
    assert response.status_code == 400
    assert "Vous ne pouvez pas remercier votre propre message." in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Post, question["answer"].id).like_count == 1


def test_thanking_needs_a_login_and_a_token(client, question):
    url = f"/messages/{question['answer'].id}/merci"
    assert client.post(url).status_code in (302, 400)
    login(client, "alice@exemple.fr")
    assert client.post(url).status_code == 400  # no CSRF token
    assert client.post("/messages/999999/merci", data={"csrf_token": csrf_token(client, "/")}).status_code == 404
    assert _count(PostLike) == 0


# --- bookmarks ---------------------------------------------------------------------------------
def test_bookmarks_of_threads_and_posts_are_private(client, other_client, question):
    thread, second = question["thread"], question["second"]
    login(client, "alice@exemple.fr")
    for _ in range(2):
        post_button(client, f"/sujets/{thread.id}/favori", thread_url(thread))
        post_button(client, f"/messages/{second.id}/favori", thread_url(thread))
    assert _count(Bookmark, Bookmark.user_id == question["asker"].id) == 2
    html = client.get("/favoris").get_data(as_text=True)
    assert thread.title.replace("'", "&#39;") in html and f"/messages/{second.id}" in html

    login(other_client, "bob@exemple.fr")
    assert thread.title.replace("'", "&#39;") not in other_client.get("/favoris").get_data(as_text=True)
    assert "Aucun favori" in other_client.get("/favoris").get_data(as_text=True)
    # Alice's own page leads to them; Bob reading Alice's page does not see that link.
    assert 'href="/favoris"' in client.get(f"/membres/{question['asker'].id}").get_data(as_text=True).split("<main")[-1]
    own_page = client.get(f"/membres/{question['asker'].id}").get_data(as_text=True)
    assert "Vos favoris" in own_page and f"/messages/{second.id}" in own_page  # listed on her page, for her
    bobs_view = other_client.get(f"/membres/{question['asker'].id}").get_data(as_text=True)
    assert "Vos favoris" not in bobs_view and f"/messages/{second.id}" not in bobs_view
    assert 'href="/favoris"' not in other_client.get(f"/membres/{question['asker'].id}").get_data(
        as_text=True).split("<main")[-1]

    response = client.post(f"/messages/{second.id}/favori/retirer",
                           data={"csrf_token": csrf_token(client, "/favoris"), "retour": "favoris"})
    assert response.headers["Location"] == "/favoris"
    assert _count(Bookmark, Bookmark.user_id == question["asker"].id) == 1
    assert client.get("/favoris").status_code == 200


def test_bookmarks_page_needs_a_login(client, app):
    response = client.get("/favoris")
    assert response.status_code == 302 and "/connexion" in response.headers["Location"]


# --- search facet ------------------------------------------------------------------------------
def test_search_has_a_solved_and_unanswered_facet(client, threads, question):
    solved = client.get("/recherche", query_string={"q": "logiciel inscriptions", "statut": "resolu"})
    html = solved.get_data(as_text=True)
    assert "Statut de la discussion" in html and thread_url(threads["solved"]) in html
    hit = html.split(f'href="{thread_url(threads["solved"])}"', 1)[0].rsplit('class="search-hit card"', 1)[1]
    assert 'class="badge badge-solved">Résolu' in hit  # the hit says so, as lists do
    html = client.get("/recherche", query_string={"q": "tablettes", "statut": "sans-reponse"}).get_data(as_text=True)
    assert thread_url(threads["open_question"]) in html
    make_reply(question["helper"], threads["open_question"], "Oui, très satisfaits des tablettes.")
    html = client.get("/recherche", query_string={"q": "tablettes", "statut": "sans-reponse"}).get_data(as_text=True)
    assert thread_url(threads["open_question"]) not in html
    unknown = client.get("/recherche", query_string={"q": "tablettes", "statut": "peut-etre"}).get_data(as_text=True)
    assert "ne connaît pas la valeur" in unknown
