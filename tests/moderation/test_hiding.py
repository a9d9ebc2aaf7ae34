"""Moderators hide and restore content: gone from public pages, lists and search, told to the author."""

from __future__ import annotations

import re

import pytest

from forum.extensions import db
from forum.moderation.models import ModerationAction, ModerationLog
from forum.notifications.models import Notification
from forum.practices.models import Practice
from forum.resources.models import Resource
from forum.search.documents import all_keys, documents_for
from forum.threads.models import Category, Post, Thread
from tests.conftest import login, make_fabrique, make_member, make_reply, make_thread
from tests.moderation.conftest import count, press, text_of, thread_url
from tests.practices.builders import make_practice
from tests.resources.builders import make_resource


def hide(client, kind: str, target_id: int, reason: str = "Propos insultants"):
    url = f"/moderation/{kind}/{target_id}/masquer"
    return press(client, url, url, reason=reason)


def restore(client, kind: str, target_id: int):
    return press(client, f"/moderation/{kind}/{target_id}/retablir", "/moderation")


def _indexed_keys() -> set[str]:
    from forum.search.index import open_or_create
    from forum.search.sync import index_directory

    with open_or_create(index_directory()).searcher() as searcher:
        return {fields["key"] for fields in searcher.all_stored_fields() if fields["key"] != "__state__"}


def test_a_hidden_post_leaves_the_cached_public_page(client, app, forum):
    thread, reply = forum["thread"], forum["reply"]
    visitor = app.test_client()
    first, second = visitor.get(thread_url(thread)), visitor.get(thread_url(thread))
    assert second.headers["X-Page-Cache"] == "hit" and "montres de luxe" in text_of(second)

    login(client, "mod@exemple.fr")
    form = text_of(client.get(f"/moderation/message/{reply.id}/masquer"))
    assert "Masquer ce contenu" in form
    response = hide(client, "message", reply.id, "Publicité pour un site marchand")
    assert response.status_code == 302 and response.headers["Location"] == f"/messages/{reply.id}"

    after = visitor.get(thread_url(thread))
    assert after.headers["X-Page-Cache"] == "miss"
    assert "montres de luxe" not in text_of(after) and "Message masqué par la modération." in text_of(after)
    # The author still sees it, with the reason; so do moderators; other members see the placeholder.
    author = app.test_client()
    login(author, "bob@exemple.fr")
    page = text_of(author.get(thread_url(thread)))
    assert "montres de luxe" in page and "Publicité pour un site marchand" in page
    moderator_page = text_of(client.get(thread_url(thread)))
    assert "montres de luxe" in moderator_page and f"/moderation/message/{reply.id}/retablir" in moderator_page
    member = app.test_client()
    login(member, "chloe@exemple.fr")
    assert "montres de luxe" not in text_of(member.get(thread_url(thread)))
    # Quoting a hidden post quotes nothing.
    assert "montres de luxe" not in text_of(member.get(f"/sujets/{thread.id}/repondre?citer={reply.id}"))

    notice = db.session.execute(db.select(Notification).where(Notification.user_id == forum["bob"].id)).scalar_one()
    assert notice.kind == "moderation" and "Publicité pour un site marchand" in notice.text
    assert notice.link == f"/messages/{reply.id}"
    log = db.session.execute(db.select(ModerationLog)).scalar_one()
    assert (log.action, log.moderator_id, log.target_id, log.reason) == \
        (ModerationAction.HIDE, forum["mod"].id, reply.id, "Publicité pour un site marchand")


def test_restoring_shows_it_again_and_tells_the_author(client, app, forum):
    reply = forum["reply"]
    login(client, "mod@exemple.fr")
    hide(client, "message", reply.id)
    hide(client, "message", reply.id)  # a double submission: nothing more
    assert count(ModerationLog) == 1
    assert restore(client, "message", reply.id).status_code == 302
    restore(client, "message", reply.id)
    db.session.expire_all()
    assert db.session.get(Post, reply.id).hidden_at is None
    assert "montres de luxe" in text_of(app.test_client().get(thread_url(forum["thread"])))
    assert [row.action for row in db.session.execute(
        db.select(ModerationLog).order_by(ModerationLog.id)).scalars()] == [ModerationAction.HIDE,
                                                                             ModerationAction.RESTORE]
    texts = list(db.session.execute(db.select(Notification.text).where(
        Notification.user_id == forum["bob"].id).order_by(Notification.id)).scalars())
    assert len(texts) == 2 and "de nouveau visible" in texts[1]


def test_hiding_needs_a_reason_of_bounded_length(client, forum):
    login(client, "mod@exemple.fr")
    empty = hide(client, "message", forum["reply"].id, "")
    assert empty.status_code == 400 and "Écrivez un message à l'auteur·rice" in text_of(empty)
    assert 'aria-invalid="true"' in text_of(empty)  # the field says so, on the hiding page itself
    long = hide(client, "message", forum["reply"].id, "x" * 501)
    assert long.status_code == 400 and "500 caractères" in text_of(long)
    assert count(ModerationLog) == 0 and db.session.get(Post, forum["reply"].id).hidden_at is None


def test_a_hidden_thread_leaves_pages_lists_and_counters(client, app, forum):
    thread, category = forum["thread"], forum["category"]
    kept = make_thread(forum["bob"], category, "Un autre sujet qui reste visible", "Texte du sujet visible.")
    login(client, "mod@exemple.fr")
    assert hide(client, "sujet", thread.id, "Sujet en double").status_code == 302
    db.session.expire_all()
    assert db.session.get(Category, category.id).thread_count == 1
    assert db.session.get(Category, category.id).post_count == 1

    visitor = app.test_client()
    gone = visitor.get(thread_url(thread))
    assert gone.status_code == 404 and "masqué par la modération" in text_of(gone)
    for url in ("/", "/forum/mediation-numerique", "/sujets", "/questions-sans-reponse", f"/membres/{forum['bob'].id}"):
        html = text_of(visitor.get(url))
        assert thread.title not in html, url
    assert kept.title in text_of(visitor.get("/forum/mediation-numerique"))
    assert "montres de luxe" not in text_of(visitor.get(f"/membres/{forum['bob'].id}"))  # a reply in a hidden thread
    # The author reads it with the reason, but nobody replies any more.
    author = app.test_client()
    login(author, "alice@exemple.fr")
    page = text_of(author.get(thread_url(thread)))
    assert "Sujet en double" in page and "Votre réponse" not in page
    refused = press(author, f"/sujets/{thread.id}/repondre", "/", body="Pourtant je réponds.")
    assert refused.status_code == 403 and "masqué par la modération" in text_of(refused)
    # Moderators still find it in the category, marked.
    listing = text_of(client.get("/forum/mediation-numerique"))
    assert thread.title in listing and "Masqué" in listing

    restore(client, "sujet", thread.id)
    db.session.expire_all()
    assert db.session.get(Category, category.id).thread_count == 2
    assert db.session.get(Category, category.id).post_count == 3
    assert thread.title in text_of(visitor.get("/forum/mediation-numerique"))


def test_hidden_content_leaves_search(client, app, forum):
    thread, reply = forum["thread"], forum["reply"]
    assert f"/messages/{reply.id}" in text_of(app.test_client().get("/recherche?q=montres+luxe"))
    other_reply = make_reply(forum["chloe"], thread, "Le dispositif conseiller numérique finance des postes.")
    assert {f"fil:{thread.id}", f"message:{reply.id}", f"message:{other_reply.id}"} <= _indexed_keys()
    login(client, "mod@exemple.fr")
    hide(client, "message", reply.id)
    assert f"message:{reply.id}" not in _indexed_keys()
    assert f"message:{reply.id}" not in documents_for(db.session, [f"message:{reply.id}"])
    assert f"/messages/{reply.id}" not in text_of(app.test_client().get("/recherche?q=montres+luxe"))

    hide(client, "sujet", thread.id)
    keys = _indexed_keys()
    assert f"fil:{thread.id}" not in keys and f"message:{other_reply.id}" not in keys  # its replies go too
    assert documents_for(db.session, [f"fil:{thread.id}", f"message:{other_reply.id}"]) == {}
    assert not {f"fil:{thread.id}", f"message:{other_reply.id}"} & set(all_keys(db.session))
    results = text_of(app.test_client().get("/recherche?q=conseiller+numerique"))
    assert f"/messages/{other_reply.id}" not in results

    restore(client, "sujet", thread.id)
    assert {f"fil:{thread.id}", f"message:{other_reply.id}"} <= _indexed_keys()
    assert f"message:{reply.id}" not in _indexed_keys()  # still hidden itself


@pytest.fixture
def catalogue(forum):
    alice = forum["alice"]
    fabrique = make_fabrique(alice, "La Fabrique des Possibles")
    make_member(fabrique, "eve@exemple.fr", "Ève Membre")
    resource = make_resource(alice, fabrique, "Découpeuse laser à prêter")
    practice = make_practice(alice, [forum["category"].id], title="Un atelier de réparation au café")
    return {"fabrique": fabrique, "resource": resource, "practice": practice}


def test_a_hidden_resource_leaves_the_catalogue(client, app, forum, catalogue):
    resource, fabrique = catalogue["resource"], catalogue["fabrique"]
    login(client, "mod@exemple.fr")
    assert hide(client, "ressource", resource.id, "Annonce commerciale").status_code == 302
    visitor = app.test_client()
    assert visitor.get(f"/ressources/{resource.id}").status_code == 404
    for url in ("/ressources", f"/fabriques/{fabrique.slug}"):
        assert "Découpeuse laser à prêter" not in text_of(visitor.get(url)), url
    assert f"ressource:{resource.id}" not in _indexed_keys()
    # The fabrique's manager sees it, with the reason, and is told.
    manager = app.test_client()
    login(manager, "alice@exemple.fr")
    assert "Annonce commerciale" in text_of(manager.get(f"/ressources/{resource.id}"))
    assert count(Notification, Notification.user_id == forum["alice"].id, Notification.kind == "moderation") == 1
    assert text_of(client.get(f"/ressources/{resource.id}")).count("Annonce commerciale") >= 1
    restore(client, "ressource", resource.id)
    db.session.expire_all()
    assert db.session.get(Resource, resource.id).hidden_at is None
    assert visitor.get(f"/ressources/{resource.id}").status_code == 200


def test_a_hidden_practice_leaves_the_lists(client, app, forum, catalogue):
    practice = catalogue["practice"]
    login(client, "mod@exemple.fr")
    assert hide(client, "pratique", practice.id, "Données personnelles publiées").status_code == 302
    visitor = app.test_client()
    assert visitor.get(f"/pratiques/{practice.id}").status_code == 404
    for url in ("/pratiques", "/", f"/fabriques/{catalogue['fabrique'].slug}"):
        assert "Un atelier de réparation au café" not in text_of(visitor.get(url)), url
    assert f"pratique:{practice.id}" not in _indexed_keys()
    member = app.test_client()
    login(member, "chloe@exemple.fr")
    assert member.get(f"/pratiques/{practice.id}").status_code == 404
    author = app.test_client()
    login(author, "alice@exemple.fr")
    assert "Données personnelles publiées" in text_of(author.get(f"/pratiques/{practice.id}"))
    db.session.expire_all()
    assert db.session.get(Practice, practice.id).hidden_reason == "Données personnelles publiées"


def test_hidden_posts_leave_the_member_page(client, app, forum):
    login(client, "mod@exemple.fr")
    hide(client, "message", forum["reply"].id)
    assert "montres de luxe" not in text_of(app.test_client().get(f"/membres/{forum['bob'].id}"))
    assert db.session.get(Thread, forum["thread"].id).hidden_at is None


# --- notifications written before the hiding -----------------------------------------------------
def _notification_lines(client) -> list[str]:
    """The texts of the member's notification lines (without the « nouveau » badge; no-break spaces kept)."""
    html = text_of(client.get("/notifications"))
    return [re.sub(r"[ \t\n]+", " ", re.sub(r"<[^>]+>", " ", line)).strip().removeprefix("nouveau ")
            for line in re.findall(r'<button type="submit" class="notification-open">(.*?)</button>', html, re.S)]


def test_a_notification_about_content_hidden_since_reads_contenu_masque(client, app, forum):
    thread, reply = forum["thread"], forum["reply"]
    alice = app.test_client()
    login(alice, "alice@exemple.fr")
    told = f"Bob Leroy a répondu dans «\u00a0{thread.title}"
    assert [line for line in _notification_lines(alice) if told in line]

    login(client, "mod@exemple.fr")
    assert hide(client, "message", reply.id).status_code == 302
    lines = _notification_lines(alice)
    assert not [line for line in lines if told in line]
    assert "Contenu masqué par la modération." in lines
    # The notice of the hiding, written afterwards, names what it is about for its author.
    bob = app.test_client()
    login(bob, "bob@exemple.fr")
    assert [line for line in _notification_lines(bob) if "a été masqué par la modération" in line
            and thread.title in line]

    restore(client, "message", reply.id)
    assert [line for line in _notification_lines(alice) if told in line]

    # A hidden thread: the lines about its posts lose its title too.
    assert hide(client, "sujet", thread.id).status_code == 302
    assert "Contenu masqué par la modération." in _notification_lines(alice)
    assert not [line for line in _notification_lines(alice) if told in line]


def test_a_merged_thread_is_no_hidden_content(client, app, forum):
    from forum.accounts.models import User
    from forum.core.database import write_intent
    from forum.moderation import thread_tools

    other = make_thread(forum["chloe"], forum["category"], "Financer un poste de médiateur : vos idées")
    make_reply(forum["bob"], other, "Voyez l'autre sujet, on en parle déjà.")
    with write_intent():
        thread_tools.merge_threads(db.session.get(User, forum["mod"].id), db.session.get(Thread, other.id),
                                   db.session.get(Thread, forum["thread"].id))
        db.session.commit()
    login(client, "chloe@exemple.fr")
    lines = _notification_lines(client)
    assert [line for line in lines if "Bob Leroy a répondu dans" in line and "vos idées" in line]
    assert "Contenu masqué par la modération." not in lines


def test_the_notifications_page_reads_the_visibility_of_its_lines_in_one_query(client, app, forum, count_queries):
    login(client, "alice@exemple.fr")
    with count_queries() as counter:
        assert client.get("/notifications").status_code == 200
    few = counter.count
    replies = [make_reply(forum["bob"], forum["thread"], f"Réponse numéro {n}.") for n in range(6)]
    moderator = app.test_client()
    login(moderator, "mod@exemple.fr")
    assert hide(moderator, "message", replies[0].id).status_code == 302
    with count_queries() as counter:
        page = client.get("/notifications")
    assert page.status_code == 200 and text_of(page).count("Contenu masqué par la modération.") == 1
    assert counter.count == few, counter.statements
