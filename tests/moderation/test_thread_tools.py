"""Moderators lock, pin and move threads."""

from __future__ import annotations

from datetime import timedelta

from forum.extensions import db
from forum.moderation.models import ModerationAction, ModerationLog
from forum.search.documents import documents_for
from forum.threads.models import Category, Post, Thread
from tests.conftest import login, make_reply, make_thread
from tests.moderation.conftest import count, press, text_of, thread_url


def change(client, thread, what: str):
    return press(client, f"/moderation/sujet/{thread.id}/{what}", thread_url(thread))


def test_a_locked_thread_refuses_replies(client, app, forum):
    thread = forum["thread"]
    login(client, "mod@exemple.fr")
    page = text_of(client.get(thread_url(thread)))
    assert f"/moderation/sujet/{thread.id}/verrouiller" in page
    assert change(client, thread, "verrouiller").status_code == 302
    change(client, thread, "verrouiller")  # twice: one log row
    assert count(ModerationLog, ModerationLog.action == ModerationAction.LOCK) == 1

    member = app.test_client()
    login(member, "chloe@exemple.fr")
    html = text_of(member.get(thread_url(thread)))
    assert "Ce sujet est verrouillé" in html and 'action="/sujets/%d/repondre"' % thread.id not in html
    form = member.get(f"/sujets/{thread.id}/repondre")
    assert form.status_code == 403 and "verrouillé par la modération" in text_of(form)
    refused = press(member, f"/sujets/{thread.id}/repondre", "/", body="Je tente quand même.")
    assert refused.status_code == 403 and "on ne peut plus y répondre" in text_of(refused)
    assert count(Post, Post.thread_id == thread.id) == 2
    # Moderators may still answer; unlocking opens it to everyone again.
    assert press(client, f"/sujets/{thread.id}/repondre", "/", body="Sujet clos, merci à tous.").status_code == 302
    change(client, thread, "deverrouiller")
    assert press(member, f"/sujets/{thread.id}/repondre", "/", body="Merci pour la réouverture.").status_code == 302
    assert [row.action for row in db.session.execute(db.select(ModerationLog).order_by(ModerationLog.id)).scalars()] \
        == [ModerationAction.LOCK, ModerationAction.UNLOCK]


def test_pinned_threads_come_first_in_their_category(client, app, forum):
    old = forum["thread"]
    newer = make_thread(forum["bob"], forum["category"], "Un sujet plus récent sur la médiation", "Texte récent.")
    visitor = app.test_client()
    listing = text_of(visitor.get("/forum/mediation-numerique"))
    assert listing.index(newer.title) < listing.index(old.title)
    login(client, "mod@exemple.fr")
    change(client, old, "epingler")
    listing = text_of(visitor.get("/forum/mediation-numerique"))
    assert listing.index(old.title) < listing.index(newer.title) and "Épinglé" in listing
    change(client, old, "desepingler")
    listing = text_of(visitor.get("/forum/mediation-numerique"))
    assert listing.index(newer.title) < listing.index(old.title)
    assert db.session.get(Thread, old.id).is_pinned is False


def test_moving_a_thread_keeps_the_counters_right(client, app, forum):
    thread, source, target = forum["thread"], forum["category"], forum["other_category"]
    stays = make_thread(forum["bob"], source, "Un sujet qui reste dans sa catégorie", "Texte.")
    make_reply(forum["chloe"], thread, "Une deuxième réponse.")
    older = db.session.get(Thread, stays.id)
    older.last_post_at -= timedelta(days=3)
    db.session.commit()
    login(client, "mod@exemple.fr")
    form = text_of(client.get(f"/moderation/sujet/{thread.id}/deplacer"))
    assert "Culture" in form
    url = f"/moderation/sujet/{thread.id}/deplacer"
    response = press(client, url, url, category="culture", reason="Hors thème")
    assert response.status_code == 302
    press(client, url, url, category="culture")  # already there: nothing more
    db.session.expire_all()
    moved, source, target = db.session.get(Thread, thread.id), db.session.get(Category, source.id), \
        db.session.get(Category, target.id)
    assert moved.category_id == target.id
    assert (source.thread_count, source.post_count) == (1, 1)
    assert (target.thread_count, target.post_count) == (1, 3)
    assert target.last_post_at == moved.last_post_at
    assert source.last_post_at == db.session.get(Thread, stays.id).last_post_at
    visitor = app.test_client()
    assert thread.title in text_of(visitor.get("/forum/culture"))
    assert thread.title not in text_of(visitor.get("/forum/mediation-numerique"))
    # The replies' search documents follow the thread into its new category.
    assert documents_for(db.session, [f"message:{forum['reply'].id}"])[f"message:{forum['reply'].id}"][
        "category"] == "culture"
    log = db.session.execute(db.select(ModerationLog)).scalar_one()
    assert log.action is ModerationAction.MOVE and "Médiation numérique" in log.detail and log.reason == "Hors thème"


def test_moving_a_hidden_thread_counts_it_nowhere_until_restored(client, forum):
    thread, source, target = forum["thread"], forum["category"], forum["other_category"]
    login(client, "mod@exemple.fr")
    hide_url = f"/moderation/sujet/{thread.id}/masquer"
    press(client, hide_url, hide_url, reason="En attente de vérification")
    url = f"/moderation/sujet/{thread.id}/deplacer"
    press(client, url, url, category="culture")
    db.session.expire_all()
    assert db.session.get(Category, source.id).thread_count == 0
    assert db.session.get(Category, target.id).thread_count == 0
    press(client, f"/moderation/sujet/{thread.id}/retablir", "/moderation")
    db.session.expire_all()
    assert (db.session.get(Category, target.id).thread_count, db.session.get(Category, target.id).post_count) == (1, 2)
    assert db.session.get(Category, source.id).thread_count == 0


def test_moving_to_an_unknown_category_is_refused(client, forum):
    login(client, "mod@exemple.fr")
    url = f"/moderation/sujet/{forum['thread'].id}/deplacer"
    response = press(client, url, url, category="n-existe-pas")
    assert response.status_code == 400
    assert db.session.get(Thread, forum["thread"].id).category_id == forum["category"].id
