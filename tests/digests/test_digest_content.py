"""The digests: never twice in one period, and only what each member may and wants to read."""

from __future__ import annotations

from datetime import timedelta

import pytest

from forum.core.database import write_intent
from forum.core.models import utcnow
from forum.digests.services import send_digests
from forum.extensions import db
from forum.moderation import services as moderation
from forum.moderation import thread_tools
from forum.moderation.models import TargetType
from forum.notifications.models import EmailFrequency, EmailPreference
from forum.threads import watching
from forum.threads.models import Thread, WatchLevel
from tests.conftest import commit_work, make_category, make_reply, make_thread, make_user

SITE = "https://forum.exemple.org"


def outbox(app) -> list:
    return app.extensions["mailman"].__dict__.setdefault("outbox", [])


def _set(user, frequency: EmailFrequency, last_digest_at=None) -> None:
    with write_intent():
        db.session.add(EmailPreference(user_id=user.id, frequency=frequency, last_digest_at=last_digest_at))
        commit_work()


def _send(period: str, now=None) -> int:
    with write_intent():
        sent = send_digests(period, site_url=SITE, now=now)
        commit_work()
    return sent


def _digest_of(app, email: str) -> str:
    [body] = [message.body for message in outbox(app) if message.to == [email]]
    return body


@pytest.fixture
def forum(app):
    alice = make_user("alice@exemple.fr", "Alice Martin")
    bob = make_user("bob@exemple.fr", "Bob Leroy")
    carol = make_user("carol@exemple.fr", "Carole Petit")
    category = make_category()
    thread = make_thread(alice, category, "Comment organiser un café réparation ?")
    make_reply(bob, thread, "Une réponse pour le résumé.")
    outbox(app).clear()
    return {"alice": alice, "bob": bob, "carol": carol, "category": category, "thread": thread}


def test_running_the_daily_digest_twice_the_same_day_sends_it_once(app, forum):
    app.config["SITE_URL"] = SITE
    _set(forum["alice"], EmailFrequency.DAILY)
    runner = app.test_cli_runner()
    assert "Résumés envoyés : 1." in runner.invoke(args=["digest", "send", "--period", "daily"]).output
    make_reply(forum["bob"], forum["thread"], "Encore du nouveau.")
    outbox(app).clear()
    assert "Résumés envoyés : 0." in runner.invoke(args=["digest", "send", "--period", "daily"]).output
    assert outbox(app) == []


@pytest.mark.parametrize(("period", "frequency", "ago", "sent"), [
    ("daily", EmailFrequency.DAILY, timedelta(hours=11), 0),
    ("daily", EmailFrequency.DAILY, timedelta(hours=23, minutes=59), 1),  # cron a little early today
    ("weekly", EmailFrequency.WEEKLY, timedelta(days=3), 0),
    ("weekly", EmailFrequency.WEEKLY, timedelta(days=6, hours=23), 1),
])
def test_a_digest_sent_less_than_half_a_period_ago_is_not_sent_again(app, forum, period, frequency, ago, sent):
    now = utcnow()
    _set(forum["alice"], frequency, last_digest_at=now - ago)
    assert _send(period, now=now) == sent
    assert len(outbox(app)) == sent


def test_busy_threads_leave_out_held_and_hidden_posts_and_merged_threads(app, forum):
    moderator = make_user("modo@exemple.fr", "Mona Dupuis", role="moderator")
    other = make_thread(forum["bob"], forum["category"], "Où trouver des ordinateurs reconditionnés ?")
    hidden = [make_reply(forum["alice"], other, f"Réponse masquée {n}.") for n in range(3)]
    duplicate = make_thread(forum["bob"], forum["category"], "Un café réparation, comment faire ?")
    make_reply(forum["alice"], duplicate, "Voyez l'autre sujet.")
    with write_intent():
        for post in hidden:
            moderation.hide(moderator, TargetType.POST, post, "Hors sujet.")
        thread_tools.merge_threads(moderator, db.session.get(Thread, duplicate.id),
                                   db.session.get(Thread, forum["thread"].id), "Doublon.")
        commit_work()
    _set(forum["carol"], EmailFrequency.DAILY)
    assert _send("daily") == 1
    body = _digest_of(app, "carol@exemple.fr")
    assert "Où trouver des ordinateurs reconditionnés\u00a0? (1 nouveau message)" in body  # not 4
    assert "Un café réparation, comment faire\u00a0?" not in body  # merged into the first thread
    assert "Comment organiser un café réparation\u00a0? (4 nouveaux messages)" in body  # with the merged posts


@pytest.mark.parametrize("what", ["thread", "category"])
def test_busy_threads_a_member_ignores_are_left_out_of_their_digest(app, forum, what):
    target = {"thread": forum["thread"]} if what == "thread" else {"category": forum["category"]}
    with write_intent():
        watching.set_level(forum["carol"], WatchLevel.MUTED, **target)
        commit_work()
    _set(forum["bob"], EmailFrequency.DAILY)
    _set(forum["carol"], EmailFrequency.DAILY)
    assert _send("daily") == 1  # Carole ignores the only busy thread: nothing to tell her
    assert "Comment organiser un café réparation\u00a0?" in _digest_of(app, "bob@exemple.fr")

    outbox(app).clear()
    other = make_thread(forum["bob"], make_category("Culture", 2), "Une exposition sur le numérique")
    _set(forum["alice"], EmailFrequency.DAILY)
    assert _send("daily") == 2  # Carole (not yet served today) and Alice
    body = _digest_of(app, "carol@exemple.fr")
    assert other.title in body and "Comment organiser un café réparation\u00a0?" not in body
    assert "Comment organiser un café réparation\u00a0?" in _digest_of(app, "alice@exemple.fr")


def test_a_notification_about_content_hidden_since_reads_contenu_masque(app, forum):
    moderator = make_user("modo@exemple.fr", "Mona Dupuis", role="moderator")
    _set(forum["alice"], EmailFrequency.DAILY)  # what she is told waits for her digest
    insulting = make_thread(forum["alice"], forum["category"], "Un titre blessant qui doit disparaître")
    answer = make_reply(forum["bob"], insulting, "Une réponse dans le sujet bientôt masqué.")
    with write_intent():
        moderation.hide(moderator, TargetType.THREAD, db.session.get(Thread, insulting.id), "Titre blessant.")
        commit_work()
    assert _send("daily") == 1
    body = _digest_of(app, "alice@exemple.fr")
    # Bob's reply in the visible thread is told with its title; the one in the hidden thread is not.
    assert "Bob Leroy a répondu dans «\u00a0Comment organiser un café réparation\u00a0?\u00a0»." in body
    assert "- Contenu masqué par la modération.\n" in body
    assert body.count("blessant qui doit disparaître") == 1  # only in the notice below, not in Bob's reply
    assert f"/messages/{answer.id}" not in body  # its address no longer opens for her
    # The notice of the hiding itself, written afterwards, names the thread for its author.
    assert "Votre sujet «\u00a0Un titre blessant qui doit disparaître\u00a0» a été masqué par la modération." in body
