"""A post held because links were added by editing was already announced: approving it tells nobody
again and does not make the thread look active now."""

from __future__ import annotations

from sqlalchemy import select

from forum.extensions import db
from forum.notifications.models import Notification
from forum.threads.models import Post, Thread
from tests.conftest import login
from tests.moderation.conftest import press, thread_url

SPAM = "Voyez mon offre sur https://montres-pas-cheres.fr/promo, livraison offerte."


def test_approving_a_post_held_after_an_edit_announces_nothing_again(client, app, forum):
    thread = forum["thread"]
    login(client, "chloe@exemple.fr")  # a newcomer
    press(client, f"/sujets/{thread.id}/repondre", thread_url(thread), body="Je cherche de mon côté.", action="publish")
    post = db.session.execute(select(Post).where(Post.body_source == "Je cherche de mon côté.")).scalar_one()
    told = select(Notification).where(Notification.user_id == forum["alice"].id, Notification.kind == "reply",
                                      Notification.link == f"/messages/{post.id}")
    assert len(db.session.execute(told).scalars().all()) == 1
    url = f"/messages/{post.id}/modifier"
    assert press(client, url, url, body=SPAM, action="publish").status_code == 302
    last_activity = db.session.get(Thread, thread.id).last_post_at

    moderator = app.test_client()
    login(moderator, "mod@exemple.fr")
    assert press(moderator, f"/moderation/message/{post.id}/publier", "/moderation").status_code == 302
    db.session.expire_all()
    assert db.session.get(Post, post.id).hidden_at is None
    assert len(db.session.execute(told).scalars().all()) == 1
    assert db.session.get(Thread, thread.id).last_post_at == last_activity
