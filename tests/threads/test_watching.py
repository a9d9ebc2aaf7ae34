"""Watching threads and categories, @mentions, and unread tracking, through the pages and services."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select, update

from forum.accounts.models import User
from forum.extensions import db
from forum.notifications.models import Notification
from forum.threads.models import Post, Thread, ThreadRead, Watch, WatchLevel
from tests.conftest import (
    csrf_token, form_fields, login, make_category, make_reply, make_thread, make_user, submission_token,
)


@pytest.fixture
def people(app):
    alice = make_user("alice@exemple.fr", "Alice Martin")
    bob = make_user("bob@exemple.fr", "Bob Leroy")
    chloe = make_user("chloe@exemple.fr", "Chloé Petit")
    category = make_category()
    other_category = make_category("Gouvernance partagée", 2)
    thread = make_thread(alice, category, "Comment accueillir les nouveaux bénévoles ?")
    return {"alice": alice, "bob": bob, "chloe": chloe, "category": category, "other_category": other_category,
            "thread": thread}


def notifications_of(user, kind: str | None = None) -> list[Notification]:
    query = select(Notification).where(Notification.user_id == user.id)
    if kind:
        query = query.where(Notification.kind == kind)
    return list(db.session.execute(query).scalars())


def set_level(client, url: str, level: str, page: str):
    return client.post(url, data={"csrf_token": csrf_token(client, page), "level": level})


def thread_url(thread) -> str:
    return f"/sujets/{thread.id}/{thread.slug}"


def test_starting_and_replying_follow_the_thread(people):
    alice, bob, chloe, thread = people["alice"], people["bob"], people["chloe"], people["thread"]
    make_reply(bob, thread, "Un livret d'accueil aide beaucoup.")
    levels = dict(db.session.execute(select(Watch.user_id, Watch.level).where(Watch.thread_id == thread.id)).all())
    assert levels == {alice.id: WatchLevel.WATCHING, bob.id: WatchLevel.WATCHING}
    assert [n.text for n in notifications_of(alice, "reply")] == [
        "Bob Leroy a répondu dans «\u00a0Comment accueillir les nouveaux bénévoles\u00a0?\u00a0»."]
    make_reply(alice, thread, "Merci Bob !")
    assert len(notifications_of(bob, "reply")) == 1 and not notifications_of(alice, "reply")[1:]
    assert notifications_of(chloe) == []  # never took part, follows nothing


def test_following_a_category_and_overriding_it_per_thread(client, people):
    chloe, bob, thread = people["chloe"], people["bob"], people["thread"]
    login(client, "chloe@exemple.fr")
    response = set_level(client, "/forum/mediation-numerique/suivi", "suivre", "/forum/mediation-numerique")
    assert response.status_code == 302
    make_reply(bob, thread, "Première réponse.")
    assert len(notifications_of(chloe, "reply")) == 1

    assert set_level(client, f"/sujets/{thread.id}/suivi", "ignorer", thread_url(thread)).status_code == 302
    make_reply(bob, thread, "Deuxième réponse.")
    assert len(notifications_of(chloe, "reply")) == 1  # the thread's own level wins


def test_following_a_category_tells_of_its_new_threads(client, people):
    chloe, bob, alice = people["chloe"], people["bob"], people["alice"]
    login(client, "chloe@exemple.fr")
    assert set_level(client, "/forum/mediation-numerique/suivi", "suivre", "/forum/mediation-numerique").status_code == 302
    make_thread(bob, people["category"], "Des tablettes pour les ateliers seniors ?")
    make_thread(bob, people["other_category"], "Une charte pour le conseil collégial ?")
    [told] = notifications_of(chloe, "thread")
    assert told.text == "Bob Leroy a ouvert le sujet «\u00a0Des tablettes pour les ateliers seniors\u00a0?\u00a0»."
    assert told.link.startswith("/messages/")
    assert notifications_of(alice, "thread") == [] and notifications_of(bob) == []  # nor the author

    assert set_level(client, "/forum/mediation-numerique/suivi", "normal", "/forum/mediation-numerique").status_code == 302
    make_thread(bob, people["category"], "Et des liseuses ?")
    assert len(notifications_of(chloe, "thread")) == 1  # "normal": no more new threads


def test_ignoring_hides_from_the_members_lists_only(client, other_client, people):
    alice, thread, category = people["alice"], people["thread"], people["category"]
    other = make_thread(alice, category, "Un atelier vélo partagé ?")
    login(client, "chloe@exemple.fr")
    set_level(client, f"/sujets/{thread.id}/suivi", "ignorer", thread_url(thread))
    for path in ("/", "/forum/mediation-numerique", "/sujets"):
        html = client.get(path).get_data(as_text=True)
        assert "accueillir les nouveaux" not in html and "atelier vélo" in html, path
    assert "accueillir les nouveaux" in other_client.get("/forum/mediation-numerique").get_data(as_text=True)

    # Ignoring the category hides its threads, except one the member chose to follow.
    set_level(client, f"/sujets/{other.id}/suivi", "suivre", thread_url(other))
    set_level(client, "/forum/mediation-numerique/suivi", "ignorer", "/forum/mediation-numerique")
    html = client.get("/sujets").get_data(as_text=True)
    assert "atelier vélo" in html and "accueillir les nouveaux" not in html


def test_normal_level_hears_of_mentions_and_replies_to_own_threads(client, people):
    alice, bob, chloe, thread = people["alice"], people["bob"], people["chloe"], people["thread"]
    login(client, "alice@exemple.fr")
    set_level(client, f"/sujets/{thread.id}/suivi", "normal", thread_url(thread))
    make_reply(bob, thread, "Une réponse pour Alice.")
    assert len(notifications_of(alice, "reply")) == 1  # her own thread
    make_reply(chloe, thread, "Je passe par là.")
    assert len(notifications_of(alice, "reply")) == 2
    assert len(notifications_of(bob, "reply")) == 1  # Bob follows (he replied): he hears of Chloé's post


@pytest.mark.parametrize("written", [
    "> **Alice Martin** a écrit :\n>\n> Demandons à @Chloé Petit.\n\nBonne idée.",  # quoted, as "Citer" does
    "Tapez `@Chloé Petit` dans le champ.", "```\n@Chloé Petit\n```", "Du code :\n\n    @Chloé Petit",
])
def test_quoted_or_code_mentions_notify_nobody(people, written):
    make_reply(people["bob"], people["thread"], written)
    assert notifications_of(people["chloe"], "mention") == []


@pytest.mark.parametrize("written", ["@Chloé Petit", "@Chloe Petit", "@Chloé Petit,", "(@Chloé Petit)"])
def test_a_mention_notifies_the_member(people, written):
    bob, chloe, thread = people["bob"], people["chloe"], people["thread"]
    make_reply(bob, thread, f"Je pense que {written} a déjà fait ça à la médiathèque.")
    mentions = notifications_of(chloe, "mention")
    assert [n.text for n in mentions] == ["Bob Leroy vous a mentionné·e dans «\u00a0Comment accueillir les nouveaux bénévoles\u00a0?\u00a0»."]


def test_mentions_that_name_nobody_or_several_people_or_oneself_notify_nobody(people):
    bob, thread = people["bob"], people["thread"]
    make_user("marc1@exemple.fr", "Marc Noël")
    # Registration now refuses a name that looks like another member's; two alike names remain
    # from before that rule (migration 0013 leaves the second without a key), made here directly.
    twin = make_user("marc2@exemple.fr", "Marc Noël-Durand")
    db.session.execute(update(User).where(User.id == twin.id).values(display_name="Marc Noël", name_key=None))
    db.session.commit()
    make_reply(bob, thread, "Merci @Marc Noël, @Personne Inconnue et @Bob Leroy ; écrivez à contact@exemple.fr.")
    assert db.session.execute(select(Notification).where(Notification.kind == "mention")).first() is None


def test_an_ignored_thread_sends_no_mention(client, people):
    bob, chloe, thread = people["bob"], people["chloe"], people["thread"]
    login(client, "chloe@exemple.fr")
    set_level(client, f"/sujets/{thread.id}/suivi", "ignorer", thread_url(thread))
    make_reply(bob, thread, "@Chloé Petit, un avis ?")
    assert notifications_of(chloe) == []


def test_bad_levels_are_refused(client, people):
    thread = people["thread"]
    login(client, "chloe@exemple.fr")
    response = set_level(client, f"/sujets/{thread.id}/suivi", "tout", thread_url(thread))
    assert response.status_code == 400 and "Ce niveau de suivi n&#39;existe pas" in response.get_data(as_text=True)
    assert client.post(f"/sujets/{thread.id}/suivi", data={"level": "suivre"}).status_code == 400  # no token
    assert set_level(client, "/sujets/999999/suivi", "suivre", "/").status_code == 404
    assert set_level(client, "/forum/inconnue/suivi", "suivre", "/").status_code == 404
    assert db.session.execute(select(Watch).where(Watch.user_id == people["chloe"].id)).first() is None


def test_lists_mark_new_posts_and_open_at_the_first_unread(client, people):
    alice, bob, thread = people["alice"], people["bob"], people["thread"]
    first = make_reply(bob, thread, "Réponse déjà lue.")
    login(client, "alice@exemple.fr")
    client.get(thread_url(thread))
    assert db.session.execute(select(ThreadRead.last_position).where(
        ThreadRead.user_id == alice.id, ThreadRead.thread_id == thread.id)).scalar_one() == 2
    assert "nouveau message" not in client.get("/forum/mediation-numerique").get_data(as_text=True)

    new_one = make_reply(bob, thread, "Nouvelle réponse numéro un.")
    make_reply(bob, thread, "Nouvelle réponse numéro deux.")
    html = client.get("/forum/mediation-numerique").get_data(as_text=True)
    assert "2 nouveaux messages" in html and f"/sujets/{thread.id}/non-lu" in html
    response = client.get(f"/sujets/{thread.id}/non-lu")
    assert response.status_code == 302 and response.headers["Location"].endswith(f"#message-{new_one.id}")
    assert first.id != new_one.id
    client.get(thread_url(thread))
    assert "nouveaux messages" not in client.get("/forum/mediation-numerique").get_data(as_text=True)


def test_visitors_see_no_marks_and_the_page_stays_cacheable(client, people):
    html = client.get(thread_url(people["thread"])).get_data(as_text=True)
    assert "watch-form" not in html and "Set-Cookie" not in str(client.get(thread_url(people["thread"])).headers)
    assert db.session.execute(select(ThreadRead)).first() is None
    assert client.get(f"/sujets/{people['thread'].id}/non-lu").status_code == 302  # to the login page


def test_reading_position_never_goes_back(client, app, people):
    from forum.core.database import write_intent
    from forum.threads import watching

    alice, thread = people["alice"], people["thread"]
    with write_intent():
        watching.mark_read(alice, thread.id, 5)
        watching.mark_read(alice, thread.id, 2)
        db.session.commit()
    assert db.session.get(ThreadRead, (alice.id, thread.id)).last_position == 5
    assert db.session.get(Thread, thread.id) is not None


def test_posts_nobody_may_read_are_no_news(client, people):
    alice, bob, chloe, thread = people["alice"], people["bob"], people["chloe"], people["thread"]
    login(client, "alice@exemple.fr")
    client.get(thread_url(thread))
    held = make_reply(chloe, thread, "Tout est expliqué sur https://site-externe.exemple.fr/guide.")  # a newcomer's link
    assert held.hidden_at is not None
    html = client.get("/forum/mediation-numerique").get_data(as_text=True)
    assert "nouveau message" not in html and f"/sujets/{thread.id}/non-lu" not in html

    visible = make_reply(bob, thread, "Une réponse que tout le monde lit.")
    html = client.get("/forum/mediation-numerique").get_data(as_text=True)
    assert "1 nouveau message" in html
    # The title opens at the news too, past the held post.
    assert f'class="thread-title" href="/sujets/{thread.id}/non-lu"' in html
    response = client.get(f"/sujets/{thread.id}/non-lu")
    assert response.headers["Location"].endswith(f"#message-{visible.id}")


def _quote_and_reply(client, thread, quoted, body: str):
    """Press "Citer" under ``quoted``, then publish the reply the form holds, with ``body`` added."""
    page = client.get(f"/sujets/{thread.id}/repondre?citer={quoted.id}").get_data(as_text=True)
    assert f'name="reply_to" type="hidden" value="{quoted.id}"' in page
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    submission = submission_token(page, f"/sujets/{thread.id}/repondre", f"/sujets/{thread.id}/repondre")
    return client.post(f"/sujets/{thread.id}/repondre", data={
        "csrf_token": token, "submission": submission, "reply_to": str(quoted.id), "action": "publish",
        "body": f"> {quoted.body_source}\n\n{body}"})


def test_normal_level_hears_of_replies_to_one_s_own_posts(client, other_client, people):
    alice, bob, chloe, thread = people["alice"], people["bob"], people["chloe"], people["thread"]
    login(other_client, "chloe@exemple.fr")
    chloes = make_reply(chloe, thread, "Un parrainage par un ancien bénévole.")
    assert set_level(other_client, f"/sujets/{thread.id}/suivi", "normal", thread_url(thread)).status_code == 302
    make_reply(bob, thread, "Une réponse qui ne lui est pas adressée.")
    assert notifications_of(chloe, "reply") == []  # "normal": not every post

    login(client, "bob@exemple.fr")
    assert _quote_and_reply(client, thread, chloes, "Excellente idée, le parrainage.").status_code == 302
    [told] = notifications_of(chloe, "reply")
    assert told.text == f"Bob Leroy a répondu à votre message dans «\u00a0{thread.title}\u00a0»."
    assert db.session.execute(select(Thread.post_count).where(Thread.id == thread.id)).scalar_one() == 4
    assert len(notifications_of(alice, "reply")) == 3  # the author follows her thread: each reply, once

    assert set_level(other_client, f"/sujets/{thread.id}/suivi", "ignorer", thread_url(thread)).status_code == 302
    _quote_and_reply(client, thread, chloes, "Et encore merci.")
    assert len(notifications_of(chloe, "reply")) == 1  # "ignorer": never


def test_a_reply_to_a_post_of_another_thread_is_refused(client, people):
    other = make_thread(people["chloe"], people["other_category"], "Une charte pour le conseil collégial ?")
    login(client, "bob@exemple.fr")
    page = f"/sujets/{people['thread'].id}/repondre"
    elsewhere = db.session.execute(select(Post.id).where(Post.thread_id == other.id)).scalar_one()
    for reply_to in (str(elsewhere), "999999", "abc", "9" * 30):
        response = client.post(page, data={**form_fields(client, page), "reply_to": reply_to,
                                           "body": "Une réponse égarée.", "action": "publish"})
        assert response.status_code == 400, reply_to
        assert "Le message auquel vous répondez n&#39;appartient pas à ce sujet." in response.get_data(as_text=True)
    assert db.session.execute(select(Thread.post_count).where(Thread.id == people["thread"].id)).scalar_one() == 1


def test_reading_a_page_again_writes_nothing(client, people, count_queries):
    """The read position is written when it moves forward only: a page read again is a pure read
    (no write transaction, no INSERT), so members' page views do not queue for the write lock."""
    alice, bob, thread = people["alice"], people["bob"], people["thread"]
    make_reply(bob, thread, "Une réponse à lire.")
    login(client, "alice@exemple.fr")
    client.get(thread_url(thread))  # the first reading moves the position forward
    with count_queries() as counter:
        assert client.get(thread_url(thread)).status_code == 200
    writes = [statement for statement in counter.statements
              if statement.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE", "BEGIN IMMEDIATE"))]
    assert writes == []
    make_reply(bob, thread, "Une réponse de plus.")
    with count_queries() as counter:
        client.get(thread_url(thread))
    assert any("thread_reads" in statement for statement in counter.statements if statement.lstrip().upper().startswith("INSERT"))
    assert db.session.execute(select(ThreadRead.last_position).where(
        ThreadRead.user_id == alice.id, ThreadRead.thread_id == thread.id)).scalar_one() == 3
