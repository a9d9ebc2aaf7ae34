"""The language members say their posts are in (« Langue du texte »): offered in the page's
language, kept with the post, given to the text as its ``lang``; never a 500 for a bad value."""

from __future__ import annotations

import html
import re

import pytest
from sqlalchemy import func, select

from forum.extensions import db
from forum.threads.models import Post, Thread
from tests.conftest import form_fields, login, make_category, make_reply, make_thread, make_user, submit

THREAD = {"title": "Which tool for registrations?", "body": "We are looking for a simple tool.",
          "category": "mediation-numerique", "action": "publish"}


@pytest.fixture
def forum(app):
    author = make_user("alice@exemple.fr", "Alice Martin")
    make_user("bob@exemple.fr", "Bob Durand")
    return {"author": author, "category": make_category()}


def _count(model) -> int:
    return db.session.execute(select(func.count()).select_from(model)).scalar_one()


def _selected(page: str) -> str | None:
    """The value of the « Langue du texte » select's chosen option (None: none chosen)."""
    select_html = re.search(r'<select[^>]*name="language"[^>]*>(.*?)</select>', page, re.S)
    assert select_html, "no language select"
    chosen = re.search(r'<option[^>]*selected[^>]*value="([^"]*)"|<option[^>]*value="([^"]*)"[^>]*selected',
                       select_html.group(1))
    return (chosen.group(1) or chosen.group(2) or "") if chosen else None


def _bodies(page: str) -> list[str]:
    """The attributes of each post body of a thread page, in order."""
    return re.findall(r'<div class="post-body"([^>]*)>', page)


def test_the_forms_offer_the_language_of_the_page_by_default(client, forum):
    login(client, "alice@exemple.fr")
    page = html.unescape(client.get("/sujets/nouveau").get_data(as_text=True))
    assert "Langue du texte" in page and _selected(page) == "fr"
    assert ">English</option>" in page and ">brezhoneg</option>" in page and ">Non précisée</option>" in page
    thread = make_thread(forum["author"], forum["category"])
    assert _selected(client.get(f"/sujets/{thread.id}/repondre").get_data(as_text=True)) == "fr"
    # The reply form under the thread too.
    assert _selected(client.get(f"/sujets/{thread.id}").get_data(as_text=True)) == "fr"


def test_a_thread_and_a_reply_keep_their_language_and_carry_it_as_lang(client, other_client, forum):
    login(client, "alice@exemple.fr")
    response = submit(client, "/sujets/nouveau", {**THREAD, "language": "en"})
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    thread = db.session.execute(select(Thread)).scalar_one()
    assert db.session.execute(select(Post.language)).scalar_one() == "en"
    login(other_client, "bob@exemple.fr")
    url = f"/sujets/{thread.id}/repondre"
    assert submit(other_client, url, {"body": "Wir leihen uns jeden Monat einen Laserschneider.", "language": "de",
                                      "action": "publish"}).status_code == 302
    assert submit(other_client, url, {"body": "Sans langue dite.", "language": "", "action": "publish"}).status_code == 302
    page = client.get(f"/sujets/{thread.id}").get_data(as_text=True)
    # Unknown: no lang at all (the page's language applies).
    assert _bodies(page) == [' lang="en"', ' lang="de"', ""]
    languages = db.session.execute(select(Post.position, Post.language).order_by(Post.position)).all()
    assert languages == [(1, "en"), (2, "de"), (3, None)]


@pytest.mark.parametrize("value", ["xx", "english", "fr-FR", "<b>en</b>", "e" * 300])
def test_an_unknown_language_is_a_400_with_a_french_message_and_writes_nothing(client, forum, value):
    login(client, "alice@exemple.fr")
    response = submit(client, "/sujets/nouveau", {**THREAD, "language": value})
    assert response.status_code == 400
    assert "Langue du texte inconnue" in html.unescape(response.get_data(as_text=True))
    assert _count(Thread) == 0
    thread = make_thread(forum["author"], forum["category"])
    refused = submit(client, f"/sujets/{thread.id}/repondre", {"body": "Bonjour", "language": value,
                                                               "action": "publish"})
    assert refused.status_code == 400 and "Langue du texte inconnue" in html.unescape(refused.get_data(as_text=True))
    assert _count(Post) == 1


def test_editing_keeps_the_language_or_changes_it(client, forum):
    login(client, "alice@exemple.fr")
    submit(client, "/sujets/nouveau", {**THREAD, "language": "en"})
    post = db.session.execute(select(Post)).scalar_one()
    url = f"/messages/{post.id}/modifier"
    assert _selected(client.get(url).get_data(as_text=True)) == "en"  # the post's own, not the page's
    # A save of the form as it is keeps it (and changes nothing: not « modifié »).
    assert submit(client, url, {"title": THREAD["title"], "body": THREAD["body"], "language": "en",
                                "action": "publish"}).status_code == 302
    db.session.expire_all()
    assert (post.language, post.version, post.edited_at) == ("en", 1, None)
    # A form that does not send it (an older page) keeps it too.
    assert submit(client, url, {"title": THREAD["title"], "body": "We are looking for a simpler tool.",
                                "action": "publish"}).status_code == 302
    db.session.expire_all()
    assert (post.language, post.version) == ("en", 2)
    # Changing only the language is a change of the post.
    assert submit(client, url, {"title": THREAD["title"], "body": "We are looking for a simpler tool.",
                                "language": "", "action": "publish"}).status_code == 302
    db.session.expire_all()
    assert (post.language, post.version) == (None, 3) and post.edited_at is not None
    assert _selected(client.get(url).get_data(as_text=True)) == ""
    refused = submit(client, url, {"title": THREAD["title"], "body": "x", "language": "klingon", "action": "publish"})
    assert refused.status_code == 400 and "Langue du texte inconnue" in html.unescape(refused.get_data(as_text=True))
    db.session.expire_all()
    assert (post.language, post.body_source) == (None, "We are looking for a simpler tool.")


def test_a_stale_edit_is_still_a_409_and_keeps_the_person_s_choice(client, other_client, app, forum):
    thread = make_thread(forum["author"], forum["category"])
    reply = make_reply(forum["author"], thread, "Première version.")
    url = f"/messages/{reply.id}/modifier"
    login(client, "alice@exemple.fr")
    login(other_client, "alice@exemple.fr")
    first, second = form_fields(client, url), form_fields(other_client, url)
    assert client.post(url, data={**first, "body": "Deuxième version.", "language": "fr",
                                  "action": "publish"}).status_code == 302
    refused = other_client.post(url, data={**second, "body": "Third version.", "language": "en", "action": "publish"})
    assert refused.status_code == 409
    assert _selected(refused.get_data(as_text=True)) == "en"
    db.session.expire_all()
    assert (reply.body_source, reply.language) == ("Deuxième version.", "fr")
    # Saved again from a fresh form (the current version), it goes through.
    again = form_fields(other_client, url)
    assert other_client.post(url, data={**again, "body": "Third version.", "language": "en",
                                        "action": "publish"}).status_code == 302
    db.session.expire_all()
    assert (reply.body_source, reply.language) == ("Third version.", "en")


def test_a_moderator_s_edit_keeps_the_language(client, forum):
    make_user("mod@exemple.fr", "Modeste Modératrice", role="moderator")
    thread = make_thread(forum["author"], forum["category"])
    reply = make_reply(forum["author"], thread, "Achetez mes montres")
    db.session.execute(db.update(Post).where(Post.id == reply.id).values(language="en"))
    db.session.commit()
    login(client, "mod@exemple.fr")
    url = f"/moderation/message/{reply.id}/modifier"
    assert _selected(client.get(url).get_data(as_text=True)) == "en"
    assert submit(client, url, {"body": "Buy my watches [lien retiré]", "reason": "Publicité", "language": "en",
                                "action": "publish"}).status_code == 302
    db.session.expire_all()
    assert reply.language == "en"
