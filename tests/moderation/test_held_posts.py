"""A new member's first posts with links wait for a moderator's approval (anti-spam)."""

from __future__ import annotations

from forum.core.visibility import AWAITING_APPROVAL
from forum.extensions import db
from forum.moderation.models import ModerationAction, ModerationLog
from forum.notifications.models import Notification
from forum.threads.models import Category, Post, Thread
from tests.conftest import login, make_reply, make_thread
from tests.moderation.conftest import count, press, text_of, thread_url

SPAM = "Voyez mon offre sur https://montres-pas-cheres.fr/promo, livraison offerte."


def _reply(client, thread, body: str):
    return press(client, f"/sujets/{thread.id}/repondre", thread_url(thread), body=body, action="publish")


def _post_with(body: str) -> Post:
    return db.session.execute(db.select(Post).where(Post.body_source == body)).scalar_one()


def test_a_new_member_s_reply_with_a_link_waits_and_its_author_knows(client, app, forum):
    thread = forum["thread"]
    login(client, "chloe@exemple.fr")  # no post yet
    response = _reply(client, thread, SPAM)
    assert response.status_code == 302
    page = text_of(client.get(response.headers["Location"]))
    assert "comme vous débutez sur le forum, elle sera publiée dès qu'un·e modérateur·rice l'aura relue" in page
    assert "En attente de validation" in page and "montres-pas-cheres" in page  # the author still sees it
    held = _post_with(SPAM)
    assert held.hidden_at is not None and held.hidden_reason == AWAITING_APPROVAL
    visitor = app.test_client()
    assert "montres-pas-cheres" not in text_of(visitor.get(thread_url(thread)))
    # Nobody is told yet: Alice, who started (and follows) the thread, has no notification of it.
    assert count(Notification, Notification.user_id == forum["alice"].id, Notification.text.contains("Chloé")) == 0
    # The thread's last activity does not point at a post nobody can read.
    assert db.session.get(Thread, thread.id).last_poster_id == forum["bob"].id


def test_links_within_the_site_and_trusted_members_are_not_held(client, app, forum):
    thread = forum["thread"]
    login(client, "chloe@exemple.fr")
    assert _reply(client, thread, "Voyez aussi [ce sujet](/sujets/1) et notre compte rendu.").status_code == 302
    assert _reply(client, thread, "Sans lien, merci pour ce partage !").status_code == 302
    assert count(Post, Post.hidden_at.is_not(None)) == 0
    # Two published posts: Chloé's links now go straight out.
    assert _reply(client, thread, "Le guide est sur https://www.example.org/guide.").status_code == 302
    assert _post_with("Le guide est sur https://www.example.org/guide.").hidden_at is None


def test_moderators_see_held_posts_in_their_queue_and_publish_them(client, app, forum):
    thread = forum["thread"]
    newcomer = app.test_client()
    login(newcomer, "chloe@exemple.fr")
    _reply(newcomer, thread, SPAM)
    held = _post_with(SPAM)
    login(client, "mod@exemple.fr")
    queue = text_of(client.get("/moderation"))
    assert "En attente de validation" in queue and "montres-pas-cheres" in queue and "Chloé Petit" in queue
    assert 'title="1 élément à examiner"' in queue
    assert f"/moderation/message/{held.id}/publier" in text_of(client.get(thread_url(thread)))

    response = press(client, f"/moderation/message/{held.id}/publier", "/moderation", next="/moderation")
    assert response.status_code == 302 and response.headers["Location"] == "/moderation"
    visitor = app.test_client()
    assert "montres-pas-cheres" in text_of(visitor.get(thread_url(thread)))
    # Published now: the watchers are told, the thread's last activity is this post, the author knows.
    assert count(Notification, Notification.user_id == forum["alice"].id,
                 Notification.text.contains("Chloé Petit a répondu")) == 1
    assert db.session.get(Thread, thread.id).last_poster_id == forum["chloe"].id
    assert count(Notification, Notification.user_id == forum["chloe"].id,
                 Notification.text.contains("est publié")) == 1
    # A second click (or another moderator) changes nothing and logs nothing more.
    again = press(client, f"/moderation/message/{held.id}/publier", "/moderation")
    assert again.status_code == 302
    assert "n'attendait plus de validation" in text_of(client.get("/moderation"))
    assert count(ModerationLog, ModerationLog.action == ModerationAction.APPROVE) == 1
    assert "En attente de validation" not in text_of(client.get("/moderation"))


def test_a_refused_post_stays_hidden_with_the_reason(client, app, forum):
    thread = forum["thread"]
    newcomer = app.test_client()
    login(newcomer, "chloe@exemple.fr")
    _reply(newcomer, thread, SPAM)
    held = _post_with(SPAM)
    login(client, "mod@exemple.fr")
    url = f"/moderation/message/{held.id}/refuser"
    empty = press(client, url, url, reason="  ")
    assert empty.status_code == 400 and "Indiquez la raison" in text_of(empty)
    assert db.session.get(Post, held.id).hidden_reason == AWAITING_APPROVAL
    assert press(client, url, url, reason="Publicité").status_code == 302
    db.session.expire_all()
    refused = db.session.get(Post, held.id)
    assert refused.hidden_at is not None and refused.hidden_reason == "Publicité"
    assert count(ModerationLog, ModerationLog.action == ModerationAction.REJECT, ModerationLog.reason == "Publicité") == 1
    note = db.session.execute(db.select(Notification.text).where(
        Notification.user_id == forum["chloe"].id)).scalar_one()
    assert "n'a pas été publié par la modération" in note and "Raison\u00a0: Publicité" in note
    assert "Publicité" in text_of(newcomer.get(thread_url(thread)))
    # Refused is no longer waiting: publishing it now does nothing.
    press(client, f"/moderation/message/{held.id}/publier", "/moderation")
    assert db.session.get(Post, held.id).hidden_at is not None


def test_a_new_member_s_thread_with_a_link_is_held_out_of_lists_and_counts(client, app, forum):
    category = forum["category"]
    login(client, "david@exemple.fr")
    response = press(client, "/sujets/nouveau", "/sujets/nouveau", category=category.slug,
                     title="Des tablettes reconditionnées à prix cassé", body=SPAM, action="publish")
    assert response.status_code == 302
    assert "il sera publié dès qu'un·e modérateur·rice l'aura relu" in text_of(client.get(response.headers["Location"]))
    thread = db.session.execute(db.select(Thread).where(Thread.author_id == forum["david"].id)).scalar_one()
    assert thread.hidden_reason == AWAITING_APPROVAL
    visitor = app.test_client()
    assert "tablettes reconditionnées" not in text_of(visitor.get(f"/forum/{category.slug}"))
    assert visitor.get(thread_url(thread)).status_code == 404
    assert db.session.get(Category, category.id).thread_count == 1

    moderator = app.test_client()
    login(moderator, "mod@exemple.fr")
    assert "Nouveau sujet dans «\u00a0Médiation numérique\u00a0»" in text_of(moderator.get("/moderation"))
    assert press(moderator, f"/moderation/sujet/{thread.id}/publier", thread_url(thread)).status_code == 302
    db.session.expire_all()
    assert (db.session.get(Category, category.id).thread_count, db.session.get(Category, category.id).post_count) \
        == (2, 3)
    assert "tablettes reconditionnées" in text_of(visitor.get(f"/forum/{category.slug}"))
    assert visitor.get(thread_url(thread)).status_code == 200


def test_only_moderators_decide_on_held_posts(client, app, forum):
    newcomer = app.test_client()
    login(newcomer, "chloe@exemple.fr")
    _reply(newcomer, forum["thread"], SPAM)
    held = _post_with(SPAM)
    login(client, "bob@exemple.fr")
    assert press(client, f"/moderation/message/{held.id}/publier", "/").status_code == 403
    assert client.get(f"/moderation/message/{held.id}/refuser").status_code == 403
    assert press(client, f"/moderation/message/{held.id}/refuser", "/", reason="x").status_code == 403
    assert db.session.get(Post, held.id).hidden_reason == AWAITING_APPROVAL
    moderator = app.test_client()
    login(moderator, "mod@exemple.fr")
    assert press(moderator, "/moderation/message/999999/publier", "/").status_code == 404
    # "Rétablir" is not a way round the review: it answers with the right buttons to use.
    restore = press(moderator, f"/moderation/message/{held.id}/retablir", "/")
    assert restore.status_code == 400 and "publiez-le ou refusez-le" in text_of(restore)
    assert db.session.get(Post, held.id).hidden_reason == AWAITING_APPROVAL


def test_held_posts_stay_out_of_search_until_published(client, app, forum):
    newcomer = app.test_client()
    login(newcomer, "chloe@exemple.fr")
    _reply(newcomer, forum["thread"], SPAM)
    held = _post_with(SPAM)
    visitor = app.test_client()
    # Results are grouped by thread: the thread's matching messages are listed at "sujet=".
    thread_matches = f"/recherche?q=montres&sujet={forum['thread'].id}"
    assert f'href="/messages/{held.id}"' not in text_of(visitor.get("/recherche?q=montres"))
    assert f'href="/messages/{held.id}"' not in text_of(visitor.get(thread_matches))
    login(client, "mod@exemple.fr")
    press(client, f"/moderation/message/{held.id}/publier", "/moderation")
    assert f'href="/messages/{held.id}"' in text_of(visitor.get(thread_matches))


def test_links_added_by_editing_wait_too(client, app, forum):
    thread = forum["thread"]
    login(client, "chloe@exemple.fr")
    _reply(client, thread, "Bonne question, je cherche de mon côté.")
    post = _post_with("Bonne question, je cherche de mon côté.")
    url = f"/messages/{post.id}/modifier"
    response = press(client, url, url, body=SPAM, action="publish")
    assert response.status_code == 302
    assert "Votre message contient maintenant des liens" in text_of(client.get(response.headers["Location"]))
    edited = db.session.get(Post, post.id)
    assert edited.hidden_reason == AWAITING_APPROVAL and edited.body_source == SPAM
    assert "montres-pas-cheres" not in text_of(app.test_client().get(thread_url(thread)))
