import re

import pytest
from sqlalchemy import func, select

from forum.accounts.models import User
from forum.extensions import db
from forum.threads.models import Category, Post, Tag, Thread
from tests.conftest import (
    csrf_token,
    form_fields,
    login,
    make_category,
    make_fabrique,
    make_member,
    make_reply,
    make_thread,
    make_user,
    submission_token,
    submit,
)

NEW_THREAD = {"title": "Comment financer un poste de médiateur ?", "category": "mediation-numerique",
              "tags": "Financement, emploi ; conseiller numérique", "is_question": "y",
              "body": "Bonjour,\n\nLa **subvention** s'arrête en juin :\n\n- piste 1\n- piste 2", "action": "publish"}


def _count(model) -> int:
    return db.session.execute(select(func.count()).select_from(model)).scalar_one()


@pytest.fixture
def forum(app):
    return {"category": make_category(), "other": make_category("Gouvernance partagée", 2)}


def test_start_a_thread(client, app, forum):
    manager = make_user("m@exemple.fr", "Marc Noël")
    fabrique = make_fabrique(manager)
    make_member(fabrique, "alice@exemple.fr", "Alice Martin")
    login(client, "alice@exemple.fr")
    response = submit(client, "/sujets/nouveau", NEW_THREAD)
    assert response.status_code == 302
    thread = db.session.execute(select(Thread)).scalar_one()
    assert response.headers["Location"] == f"/sujets/{thread.id}/comment-financer-un-poste-de-mediateur"
    assert thread.is_question and thread.fabrique_id == fabrique.id and thread.post_count == 1
    assert sorted(db.session.execute(select(Tag.name)).scalars()) == ["conseiller numérique", "emploi", "financement"]
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "<strong>subvention</strong>" in html and "<li>piste 1</li>" in html
    assert "La Fabrique des Possibles" in html and "Question" in html
    category = db.session.get(Category, forum["category"].id)
    assert (category.thread_count, category.post_count) == (1, 1)


def test_preview_renders_without_saving(client, app, forum):
    make_user()
    login(client, "alice@exemple.fr")
    response = submit(client, "/sujets/nouveau", {**NEW_THREAD, "action": "preview"})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Aperçu" in html and "<strong>subvention</strong>" in html
    assert "Comment financer un poste de médiateur ?" in html  # the form keeps what was typed
    assert _count(Thread) == 0 and _count(Post) == 0


@pytest.mark.parametrize("changes,message", [
    ({"title": ""}, "obligatoire"),
    ({"title": "Court"}, "8"),
    ({"title": "x" * 151}, "150"),
    ({"body": ""}, "obligatoire"),
    ({"body": "   \n  "}, "obligatoire"),
    ({"body": "x" * 32_001}, "32000"),
    ({"category": "inconnue"}, "choix"),
    ({"tags": "a, b, c, d, e, f"}, "Au plus 5 mots-clés"),
    ({"tags": "<script>"}, "mot-clé"),
])
def test_bad_thread_input_is_refused_and_nothing_written(client, app, forum, changes, message):
    make_user()
    login(client, "alice@exemple.fr")
    response = submit(client, "/sujets/nouveau", {**NEW_THREAD, **changes})
    assert response.status_code == 400
    assert message in response.get_data(as_text=True).replace("\u202f", "")
    assert _count(Thread) == 0 and _count(Post) == 0 and _count(Tag) == 0


def test_double_submission_publishes_once(client, app, forum):
    make_user()
    login(client, "alice@exemple.fr")
    fields = form_fields(client, "/sujets/nouveau")
    first = client.post("/sujets/nouveau", data={**NEW_THREAD, **fields})
    second = client.post("/sujets/nouveau", data={**NEW_THREAD, **fields})
    assert first.status_code == second.status_code == 302
    assert second.headers["Location"] == first.headers["Location"]
    assert "Ce sujet était déjà publié." in client.get(second.headers["Location"]).get_data(as_text=True)
    assert _count(Thread) == 1

    thread_id = db.session.execute(select(Thread.id)).scalar_one()
    fields = form_fields(client, f"/sujets/{thread_id}/repondre", f"/sujets/{thread_id}")
    replies = [client.post(f"/sujets/{thread_id}/repondre", data={**fields, "body": "Merci !", "action": "publish"})
               for _ in range(2)]
    assert [r.status_code for r in replies] == [302, 302] and replies[0].location == replies[1].location
    assert _count(Post) == 2
    # The same words again, from a new form, are a new message: repeating oneself is allowed.
    assert submit(client, f"/sujets/{thread_id}/repondre", {"body": "Merci !", "action": "publish"},
                  form_url=f"/sujets/{thread_id}").status_code == 302
    assert _count(Post) == 3


def test_creating_forms_refuse_missing_or_foreign_submission_tokens(client, app, forum):
    make_user()
    login(client, "alice@exemple.fr")
    thread = make_thread(db.session.get(User, 1), forum["category"])
    token = csrf_token(client, "/sujets/nouveau")
    missing = client.post("/sujets/nouveau", data={**NEW_THREAD, "csrf_token": token})
    assert missing.status_code == 400 and "Le formulaire envoyé est incomplet" in missing.get_data(as_text=True)
    # The page comes back with the text kept and a fresh token: sending it again works.
    again = submission_token(missing.get_data(as_text=True), "/sujets/nouveau", "/sujets/nouveau")
    assert again and NEW_THREAD["title"] in missing.get_data(as_text=True)
    # A reply's token is not a new thread's, nor another thread's reply's.
    reply_token = form_fields(client, f"/sujets/{thread.id}/repondre")["submission"]
    foreign = client.post("/sujets/nouveau", data={**NEW_THREAD, "csrf_token": token, "submission": reply_token})
    assert foreign.status_code == 400 and "ouvert pour un autre usage" in foreign.get_data(as_text=True)
    forged = client.post("/sujets/nouveau", data={**NEW_THREAD, "csrf_token": token, "submission": "abc.def"})
    assert forged.status_code == 400
    assert _count(Thread) == 1
    assert client.post("/sujets/nouveau", data={**NEW_THREAD, "csrf_token": token, "submission": again}
                       ).status_code == 302
    assert _count(Thread) == 2


def test_reply_and_quote(client, other_client, app, forum):
    author = make_user()
    thread = make_thread(author, forum["category"], body="Première ligne\n\nSeconde ligne")
    make_user("bob@exemple.fr", "Bob Leroy")
    login(other_client, "bob@exemple.fr")
    first_post_id = db.session.execute(select(Post.id)).scalar_one()
    form = other_client.get(f"/sujets/{thread.id}/repondre?citer={first_post_id}").get_data(as_text=True)
    assert "**Alice Martin** a écrit :" in form and "&gt; Première ligne" in form
    response = submit(other_client, f"/sujets/{thread.id}/repondre",
                      {"body": "> Première ligne\n\nJe réponds : voyez le FDVA.", "action": "publish"})
    assert response.status_code == 302
    reply = db.session.execute(select(Post).where(Post.position == 2)).scalar_one()
    assert response.headers["Location"] == f"/sujets/{thread.id}/comment-financer-un-poste-de-mediateur#message-{reply.id}"
    html = other_client.get(f"/sujets/{thread.id}").get_data(as_text=True)
    assert "<blockquote>" in html and "Je réponds\u00a0: voyez le FDVA." in html and "1 réponse" in html
    thread = db.session.get(Thread, thread.id)
    assert thread.post_count == 2 and thread.last_poster_id == reply.author_id


def test_quote_of_unknown_or_foreign_post_is_refused(client, app, forum):
    author = make_user()
    thread = make_thread(author, forum["category"])
    other = make_thread(author, forum["category"], title="Un autre sujet sur la gouvernance")
    foreign_post = db.session.execute(select(Post.id).where(Post.thread_id == other.id)).scalar_one()
    login(client, "alice@exemple.fr")
    assert client.get(f"/sujets/{thread.id}/repondre?citer={foreign_post}").status_code == 400
    assert client.get(f"/sujets/{thread.id}/repondre?citer=99999").status_code == 404
    assert client.get(f"/sujets/{thread.id}/repondre?citer={10**30}").status_code == 400


def test_reply_to_unknown_thread_is_404(client, app, forum):
    make_user()
    login(client, "alice@exemple.fr")
    response = submit(client, "/sujets/12345/repondre", {"body": "Bonjour", "action": "publish"}, form_url="/")
    assert response.status_code == 404


def test_too_long_reply_is_refused(client, app, forum):
    thread = make_thread(make_user(), forum["category"])
    login(client, "alice@exemple.fr")
    response = submit(client, f"/sujets/{thread.id}/repondre", {"body": "é" * 32_001, "action": "publish"})
    assert response.status_code == 400
    assert "trop long" in response.get_data(as_text=True) or "32000" in response.get_data(as_text=True)
    assert _count(Post) == 1


def test_edit_own_post_marks_it_modified(client, app, forum):
    thread = make_thread(make_user(), forum["category"])
    post_id = db.session.execute(select(Post.id)).scalar_one()
    login(client, "alice@exemple.fr")
    response = submit(client, f"/messages/{post_id}/modifier",
                      {"title": "Comment financer un poste de médiatrice ?", "body": "Texte *corrigé*",
                       "action": "publish"})
    assert response.status_code == 302
    html = client.get(f"/sujets/{thread.id}").get_data(as_text=True)
    assert "<em>corrigé</em>" in html and "modifié" in html and "poste de médiatrice" in html
    post = db.session.get(Post, post_id)
    assert post.edited_at is not None and post.body_source == "Texte *corrigé*"


def test_cannot_edit_or_delete_someone_elses_post(client, app, forum):
    make_thread(make_user(), forum["category"])
    post_id = db.session.execute(select(Post.id)).scalar_one()
    make_user("bob@exemple.fr", "Bob Leroy")
    login(client, "bob@exemple.fr")
    assert client.get(f"/messages/{post_id}/modifier").status_code == 403
    response = submit(client, f"/messages/{post_id}/modifier", {"body": "piraté", "action": "publish"}, form_url="/")
    assert response.status_code == 403
    assert submit(client, f"/messages/{post_id}/supprimer", form_url="/").status_code == 403
    post = db.session.get(Post, post_id)
    assert post.body_source == "Bonjour, la subvention se termine en juin." and post.deleted_at is None


def test_moderator_editing_someone_else_s_post_is_sent_to_the_form_with_a_reason(client, app, forum):
    make_thread(make_user(), forum["category"])
    post_id = db.session.execute(select(Post.id)).scalar_one()
    make_user("modo@exemple.fr", "Mona Dératrice", role="moderator")
    login(client, "modo@exemple.fr")
    response = client.get(f"/messages/{post_id}/modifier")
    assert response.status_code == 302 and response.headers["Location"] == f"/moderation/message/{post_id}/modifier"
    # A moderator may not delete someone else's post (they hide it, with a reason, in the log).
    assert submit(client, f"/messages/{post_id}/supprimer", form_url="/").status_code == 403
    assert db.session.get(Post, post_id).deleted_at is None


def test_delete_own_post_leaves_a_placeholder(client, app, forum):
    author = make_user()
    thread = make_thread(author, forum["category"])
    reply = make_reply(author, thread, "Un message que je regrette")
    login(client, "alice@exemple.fr")
    # Without confirmation, the page asks first and nothing is deleted.
    asked = submit(client, f"/messages/{reply.id}/supprimer", form_url=f"/sujets/{thread.id}")
    assert asked.status_code == 200 and db.session.get(Post, reply.id).deleted_at is None
    response = submit(client, f"/messages/{reply.id}/supprimer", {"confirmed": "1"}, form_url=f"/sujets/{thread.id}")
    assert response.status_code == 302
    html = client.get(f"/sujets/{thread.id}").get_data(as_text=True)
    assert "Message supprimé." in html and "Un message que je regrette" not in html
    assert "0 réponse" in html and "0 réponse" in client.get("/forum/mediation-numerique").get_data(as_text=True)
    assert db.session.get(Post, reply.id).body_source == ""
    # A deleted post can no longer be edited.
    assert client.get(f"/messages/{reply.id}/modifier").status_code == 400


def test_thread_pages_have_twenty_posts(client, app, forum):
    author = make_user()
    thread = make_thread(author, forum["category"])
    for number in range(2, 46):
        make_reply(author, thread, f"Réponse numéro {number}")
    first = client.get(f"/sujets/{thread.id}").get_data(as_text=True)
    third = client.get(f"/sujets/{thread.id}?page=3").get_data(as_text=True)
    assert first.count('class="post"') == 20 and third.count('class="post"') == 5
    assert "Réponse numéro 20<" in first and "Réponse numéro 21<" not in first
    assert "Réponse numéro 45<" in third
    assert client.get(f"/sujets/{thread.id}?page=4").status_code == 404
    # The permalink of post 45 lands on page 3.
    last = db.session.execute(select(Post.id).where(Post.position == 45)).scalar_one()
    assert "page=3" in client.get(f"/messages/{last}").headers["Location"]


def test_category_page_lists_threads_by_latest_activity(client, app, forum):
    alice = make_user()
    bob = make_user("bob@exemple.fr", "Bob Leroy")
    old = make_thread(alice, forum["category"], title="Un ancien sujet de discussion")
    make_thread(alice, forum["category"], title="Un sujet plus récent sur les élus")
    make_reply(bob, old, "Je relance ce vieux sujet.")
    html = client.get("/forum/mediation-numerique").get_data(as_text=True)
    assert html.index("Un ancien sujet de discussion") < html.index("Un sujet plus récent sur les élus")
    assert "1 réponse" in html and "0 réponse" in html and "Bob Leroy" in html
    assert "Un ancien sujet" not in client.get("/forum/gouvernance-partagee").get_data(as_text=True)
    assert client.get("/forum/inconnue").status_code == 404


def test_category_pagination(client, app, forum):
    author = make_user()
    for number in range(30):
        make_thread(author, forum["category"], title=f"Sujet de test numéro {number:02d}")
    page_one = client.get("/forum/mediation-numerique").get_data(as_text=True)
    page_two = client.get("/forum/mediation-numerique?page=2").get_data(as_text=True)
    assert page_one.count('class="thread-row"') == 25 and page_two.count('class="thread-row"') == 5
    assert "Sujet de test numéro 29" in page_one and "Sujet de test numéro 00" in page_two


def test_tag_pages(client, app, forum):
    make_thread(make_user(), forum["category"], tags=["financement"])
    html = client.get("/mots-cles/financement").get_data(as_text=True)
    assert "Comment financer un poste de médiateur\u00a0?" in html
    assert "Comment financer" not in client.get("/mots-cles/inconnu").get_data(as_text=True)
    assert "Comment financer" in client.get("/forum/mediation-numerique?tag=financement").get_data(as_text=True)


def test_home_shows_latest_threads_and_active_fabriques(client, app, forum):
    manager = make_user("m@exemple.fr", "Marc Noël")
    make_fabrique(manager)
    make_thread(manager, forum["category"])
    html = client.get("/").get_data(as_text=True)
    assert "Comment financer un poste de médiateur\u00a0?" in html and "La Fabrique des Possibles" in html
    assert "Médiation numérique" in html


def test_fabrique_page_shows_its_latest_threads(client, app, forum):
    manager = make_user("m@exemple.fr", "Marc Noël")
    fabrique = make_fabrique(manager)
    make_thread(manager, forum["category"])
    assert "Comment financer un poste" in client.get(f"/fabriques/{fabrique.slug}").get_data(as_text=True)


def test_member_page_lists_posts(client, app, forum):
    author = make_user()
    make_thread(author, forum["category"])
    html = client.get(f"/membres/{author.id}").get_data(as_text=True)
    assert "Alice Martin" in html and "Comment financer un poste" in html
    assert client.get("/membres/999").status_code == 404


def test_posting_is_rate_limited(client, app, forum):
    # An established member (new members' daily limits have their own tests, in test_abuse_limits.py).
    app.config.update(NEW_MEMBER_DAYS=0, NEW_MEMBER_POSTS=0)
    author = make_user()
    thread = make_thread(author, forum["category"])
    login(client, "alice@exemple.fr")
    forms = [form_fields(client, f"/sujets/{thread.id}/repondre", f"/sujets/{thread.id}") for _ in range(11)]
    # A form sent twice (a double click) publishes once, and is not counted twice either.
    assert client.post(f"/sujets/{thread.id}/repondre",
                       data={**forms[0], "body": "Message 0", "action": "publish"}).status_code == 302
    statuses = [client.post(f"/sujets/{thread.id}/repondre",
                            data={**fields, "body": f"Message {n}", "action": "publish"}).status_code
                for n, fields in enumerate(forms)]
    assert statuses[:10] == [302] * 10 and statuses[10] == 429
    assert _count(Post) == 11
    # One budget for replies and new threads: the blocked member cannot post a new thread instead.
    response = client.post("/sujets/nouveau", data={**NEW_THREAD, **form_fields(client, "/sujets/nouveau"),
                                                     "title": "Un sujet de plus pour contourner la limite"})
    html = response.get_data(as_text=True)
    assert response.status_code == 429 and "Vous publiez beaucoup en peu de temps." in html
    assert re.search(r"Réessayez dans (une minute|\d+ minutes)\.", html)
    assert _count(Post) == 11


def test_stored_html_is_rendered_once_at_write_time(client, app, forum):
    thread = make_thread(make_user(), forum["category"], body="**gras** <script>alert(1)</script>")
    post = db.session.execute(select(Post)).scalar_one()
    assert post.body_html.startswith("<p><strong>gras</strong> &lt;script&gt;")
    # Reading serves the stored HTML as is: changing it in the database changes the page.
    post.body_html = "<p>VERSION STOCKÉE</p>"
    db.session.commit()
    assert "VERSION STOCKÉE" in client.get(f"/sujets/{thread.id}").get_data(as_text=True)
