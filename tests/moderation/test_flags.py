"""Members flag posts, threads, resources and practice reports; three flags hide a post; the queue."""

from __future__ import annotations

import re

import pytest

from forum.extensions import db
from forum.moderation.models import Flag, FlagResolution, ModerationAction, ModerationLog, TargetType
from forum.notifications.models import Notification
from forum.threads.models import Post
from tests.conftest import login, make_fabrique, plain_spaces
from tests.moderation.conftest import count, press, text_of, thread_url
from tests.practices.builders import make_practice
from tests.resources.builders import make_resource


def flag(client, kind: str, target_id: int, reason: str = "spam", note: str = ""):
    # The token from the home page (the nav's logout form): the flag page itself may refuse to show.
    return press(client, f"/signaler/{kind}/{target_id}", "/", reason=reason, note=note)


def test_a_member_flags_a_post_once(client, forum):
    reply = forum["reply"]
    login(client, "chloe@exemple.fr")
    page = text_of(client.get(thread_url(forum["thread"])))
    assert f"/signaler/message/{reply.id}" in page and f"/signaler/sujet/{forum['thread'].id}" in page
    form = client.get(f"/signaler/message/{reply.id}")
    assert form.status_code == 200 and "Spam ou publicité" in text_of(form)

    response = flag(client, "message", reply.id, "spam")
    assert response.status_code == 302 and response.headers["Location"] == f"/messages/{reply.id}"
    assert "votre signalement est transmis" in text_of(client.get(thread_url(forum["thread"])))
    again = flag(client, "message", reply.id, "hors-sujet")
    assert again.status_code == 302
    assert "Vous avez déjà signalé ce contenu" in text_of(client.get(thread_url(forum["thread"])))
    assert count(Flag) == 1
    row = db.session.execute(db.select(Flag)).scalar_one()
    assert (row.target_type, row.target_id, row.reporter_id, row.reason.value) == \
        (TargetType.POST, reply.id, forum["chloe"].id, "spam")


@pytest.mark.parametrize("reason,note,message", [
    ("autre", "", "Pour « Autre », précisez en quelques mots"),
    ("autre", "x" * 501, "plus de 500 caractères"),
    ("n-importe-quoi", "", "pas un choix valide"),
    ("", "", "Choisissez une raison."),
])
def test_bad_flags_are_refused_with_a_message(client, forum, reason, note, message):
    login(client, "chloe@exemple.fr")
    response = flag(client, "message", forum["reply"].id, reason, note)
    assert response.status_code == 400
    assert message in plain_spaces(text_of(response).replace("&#39;", "'"))
    assert count(Flag) == 0


def test_other_with_a_note_is_accepted(client, forum):
    login(client, "chloe@exemple.fr")
    assert flag(client, "message", forum["reply"].id, "autre", "Lien vers une arnaque.").status_code == 302
    assert db.session.execute(db.select(Flag.note)).scalar_one() == "Lien vers une arnaque."


def test_own_content_unknown_ids_and_visitors(client, forum):
    login(client, "bob@exemple.fr")
    response = flag(client, "message", forum["reply"].id)
    assert response.status_code == 400 and "votre propre contenu" in text_of(response)
    missing = client.get("/signaler/message/999999")
    assert missing.status_code == 404 and "Ce message n'existe pas." in text_of(missing)
    assert client.get("/signaler/sujet/999999").status_code == 404
    assert client.get("/signaler/membre/1").status_code == 404  # members are not flagged
    client.post("/deconnexion", data={"csrf_token": ""})
    visitor = client.application.test_client()
    assert visitor.get(f"/signaler/message/{forum['reply'].id}").status_code == 302  # to the login page
    assert count(Flag) == 0


def test_threads_resources_and_practices_can_be_flagged(client, forum):
    alice = forum["alice"]
    fabrique = make_fabrique(alice)
    resource = make_resource(alice, fabrique)
    practice = make_practice(alice, [forum["category"].id])
    login(client, "chloe@exemple.fr")
    assert f"/signaler/ressource/{resource.id}" in text_of(client.get(f"/ressources/{resource.id}"))
    assert f"/signaler/pratique/{practice.id}" in text_of(client.get(f"/pratiques/{practice.id}"))
    for kind, target_id in (("sujet", forum["thread"].id), ("ressource", resource.id), ("pratique", practice.id)):
        assert flag(client, kind, target_id, "obsolete").status_code == 302, kind
    assert {(row.target_type, row.target_id) for row in db.session.execute(db.select(Flag)).scalars()} == {
        (TargetType.THREAD, forum["thread"].id), (TargetType.RESOURCE, resource.id),
        (TargetType.PRACTICE, practice.id)}


def test_a_draft_practice_cannot_be_flagged(client, forum):
    make_fabrique(forum["alice"])
    draft = make_practice(forum["alice"], [forum["category"].id], publish=False)
    login(client, "chloe@exemple.fr")
    assert client.get(f"/signaler/pratique/{draft.id}").status_code == 404


def test_three_flags_from_different_members_hide_a_post(app, forum):
    reply, thread = forum["reply"], forum["thread"]
    visitor = app.test_client()
    assert "montres de luxe" in text_of(visitor.get(thread_url(thread)))
    for number, email in enumerate(("alice@exemple.fr", "chloe@exemple.fr", "david@exemple.fr"), start=1):
        client = app.test_client()
        login(client, email)
        assert flag(client, "message", reply.id, "spam").status_code == 302
        db.session.expire_all()
        assert (db.session.get(Post, reply.id).hidden_at is not None) == (number == 3), number
    page = text_of(visitor.get(thread_url(thread)))
    assert "montres de luxe" not in page and "Message masqué par la modération." in page
    assert count(ModerationLog, ModerationLog.action == ModerationAction.AUTO_HIDE,
                 ModerationLog.moderator_id.is_(None)) == 1
    assert count(Notification, Notification.user_id == forum["bob"].id, Notification.kind == "moderation") == 1
    # The flags stay open: a moderator still has to review the post.
    assert count(Flag, Flag.resolved_at.is_(None)) == 3


def test_flags_are_rate_limited(app, forum):
    app.config["FLAG_LIMIT"] = "2 per hour"
    client = app.test_client()
    login(client, "chloe@exemple.fr")
    assert flag(client, "message", forum["reply"].id).status_code == 302
    assert flag(client, "sujet", forum["thread"].id).status_code == 302
    response = flag(client, "message", forum["thread"].id + 10_000)  # refused before anything is looked up
    assert response.status_code == 429
    assert "beaucoup de signalements" in text_of(response)


# --- the review queue -----------------------------------------------------------------------------
def _flag_as(app, email: str, kind: str, target_id: int, reason: str = "spam", note: str = ""):
    client = app.test_client()
    login(client, email)
    assert flag(client, kind, target_id, reason, note).status_code == 302


def test_the_queue_groups_flags_per_object_oldest_first(client, app, forum):
    _flag_as(app, "chloe@exemple.fr", "sujet", forum["thread"].id, "hors-sujet")
    _flag_as(app, "chloe@exemple.fr", "message", forum["reply"].id, "spam")
    _flag_as(app, "david@exemple.fr", "message", forum["reply"].id, "autre", "Publicité déguisée")
    login(client, "mod@exemple.fr")
    nav = text_of(client.get("/"))
    assert re.search(r'href="/moderation"[^>]*>Modération <span class="bell-count"[^>]*>3</span>', nav)
    html = text_of(client.get("/moderation"))
    thread_at, reply_at = html.index(f'id="signalement-sujet-{forum["thread"].id}"'), \
        html.index(f'id="signalement-message-{forum["reply"].id}"')
    assert thread_at < reply_at  # the thread was flagged first
    reply_card = html[reply_at:]
    assert "2 signalements" in reply_card and "Publicité déguisée" in reply_card and "montres de luxe" in reply_card
    assert "Bob Leroy" in reply_card and "Comment financer un poste de médiateur\u00a0?" in reply_card
    assert "Chloé Petit" in reply_card and "David Moreau" in reply_card


def test_the_queue_is_paginated_with_bounded_queries(client, app, forum, count_queries):
    from tests.conftest import make_reply

    posts = [make_reply(forum["alice"], forum["thread"], f"Message numéro {n} à signaler") for n in range(6)]
    for post in posts:
        _flag_as(app, "chloe@exemple.fr", "message", post.id)
    _flag_as(app, "chloe@exemple.fr", "sujet", forum["thread"].id)
    app.config["MODERATION_PER_PAGE"] = 4
    login(client, "mod@exemple.fr")
    with count_queries() as counter:
        first = client.get("/moderation")
    assert first.status_code == 200 and counter.count <= 12, counter.statements
    assert text_of(first).count('class="card" id="signalement-') == 4
    second = text_of(client.get("/moderation?page=2"))
    assert second.count('class="card" id="signalement-') == 3
    assert client.get("/moderation?page=9").status_code == 404


def test_rejecting_flags_restores_an_auto_hidden_post(client, app, forum):
    reply = forum["reply"]
    for email in ("alice@exemple.fr", "chloe@exemple.fr", "david@exemple.fr"):
        _flag_as(app, email, "message", reply.id)
    login(client, "mod@exemple.fr")
    url = f"/moderation/message/{reply.id}/signalements/rejeter"
    response = press(client, url, "/moderation")
    assert response.status_code == 302 and response.headers["Location"] == "/moderation"
    db.session.expire_all()
    assert db.session.get(Post, reply.id).hidden_at is None
    assert count(Flag, Flag.resolved_at.is_(None)) == 0
    assert count(Flag, Flag.resolution == FlagResolution.REJECTED) == 3
    assert "Aucun signalement en attente" in text_of(client.get("/moderation"))
    # A second submission (double click) changes and logs nothing.
    press(client, url, "/moderation")
    assert "déjà été examinés" in text_of(client.get("/moderation"))
    assert count(ModerationLog, ModerationLog.action == ModerationAction.FLAGS_REJECTED) == 1


def test_upholding_flags_hides_and_tells_the_author(client, app, forum):
    reply = forum["reply"]
    _flag_as(app, "chloe@exemple.fr", "message", reply.id)
    login(client, "mod@exemple.fr")
    response = press(client, f"/moderation/message/{reply.id}/signalements/masquer", "/moderation",
                     reason="Publicité sans rapport avec le sujet")
    assert response.status_code == 302
    db.session.expire_all()
    post = db.session.get(Post, reply.id)
    assert post.hidden_at is not None and post.hidden_reason == "Publicité sans rapport avec le sujet"
    assert count(Flag, Flag.resolution == FlagResolution.UPHELD) == 1
    note = db.session.execute(db.select(Notification).where(Notification.user_id == forum["bob"].id)).scalar_one()
    assert "masqué" in note.text and "Publicité sans rapport avec le sujet" in note.text
    log = db.session.execute(db.select(ModerationLog)).scalar_one()
    assert (log.action, log.moderator_id, log.target_type, log.target_id) == \
        (ModerationAction.FLAGS_UPHELD, forum["mod"].id, TargetType.POST, reply.id)


def _card(html: str, key: str) -> str:
    """The queue's entry ``key`` ("message-12"), up to the next one."""
    start = html.index(f'id="signalement-{key}"')
    end = html.find('<li class="card"', start)
    return html[start:end if end != -1 else len(html)]


def test_the_queue_asks_for_a_message_to_the_author_with_verbs_that_say_what_they_do(client, app, forum):
    _flag_as(app, "chloe@exemple.fr", "message", forum["reply"].id)
    _flag_as(app, "david@exemple.fr", "sujet", forum["thread"].id, "obsolete")
    login(client, "mod@exemple.fr")
    html = text_of(client.get("/moderation"))
    card = _card(html, f"message-{forum['reply'].id}")
    # A visible label tied to an empty field (no reason typed in for the moderator), required.
    field_id = f"message-message-{forum['reply'].id}"
    assert re.search(rf'<label for="{field_id}">Message à l\'auteur·rice</label>', card)
    field = re.search(rf'<textarea id="{field_id}"[^>]*>([^<]*)</textarea>', card)
    assert field and field.group(1) == "" and " required" in field.group(0)
    assert "visually-hidden" not in card
    # Verbs that cannot be confused, for what each kind of content is.
    assert ">Masquer le message</button>" in card and ">Ignorer le signalement</button>" in card
    assert ">Masquer le sujet</button>" in html
    assert ">Rejeter<" not in html and ">Masquer</button>" not in html


@pytest.mark.parametrize("message", ["", "   \t  "])
def test_hiding_from_the_queue_needs_a_message_to_the_author(client, app, forum, message):
    reply = forum["reply"]
    _flag_as(app, "chloe@exemple.fr", "message", reply.id)
    login(client, "mod@exemple.fr")
    response = press(client, f"/moderation/message/{reply.id}/signalements/masquer", "/moderation",
                     reason=message)
    assert response.status_code == 400
    page = text_of(response)
    assert "Écrivez un message à l'auteur·rice pour lui dire pourquoi son contenu est masqué\u00a0: " \
           "rien n'a été masqué." in page
    # Back on the queue, the entry's field marked and described by the error.
    card = _card(page, f"message-{reply.id}")
    assert re.search(rf'<textarea id="message-message-{reply.id}"[^>]*aria-invalid="true"', card)
    assert f'id="message-message-{reply.id}-erreur"' in card
    # Nothing was hidden, closed, logged or told.
    db.session.expire_all()
    assert db.session.get(Post, reply.id).hidden_at is None
    assert count(Flag, Flag.resolved_at.is_(None)) == 1
    assert count(ModerationLog) == 0
    assert count(Notification, Notification.user_id == forum["bob"].id) == 0


def test_hiding_from_a_reported_private_message_page_needs_a_message_too(client, app, forum):
    login(client, "mod@exemple.fr")
    # Sent without the queue's page (as the reported private message's page sends it): the error page.
    response = press(client, f"/moderation/message/{forum['reply'].id}/signalements/masquer", "/moderation",
                     reason="")
    assert response.status_code == 400 and "Écrivez un message à l'auteur·rice" in text_of(response)


def test_flagging_again_after_a_review_reopens_the_flag(client, app, forum):
    _flag_as(app, "chloe@exemple.fr", "message", forum["reply"].id)
    moderator = app.test_client()
    login(moderator, "mod@exemple.fr")
    press(moderator, f"/moderation/message/{forum['reply'].id}/signalements/rejeter", "/moderation")
    _flag_as(app, "chloe@exemple.fr", "message", forum["reply"].id, "inapproprie")
    assert count(Flag) == 1 and count(Flag, Flag.resolved_at.is_(None)) == 1


def test_the_same_reporters_cannot_hide_again_what_a_moderator_restored(client, app, forum):
    from tests.conftest import make_user

    reply = forum["reply"]
    reporters = ("alice@exemple.fr", "chloe@exemple.fr", "david@exemple.fr")
    for email in reporters:
        _flag_as(app, email, "message", reply.id)
    login(client, "mod@exemple.fr")
    assert press(client, f"/moderation/message/{reply.id}/signalements/rejeter", "/moderation").status_code == 302
    for email in reporters:  # the same three flag it again: it goes back to the queue, but stays visible
        _flag_as(app, email, "message", reply.id, "inapproprie")
    db.session.expire_all()
    assert db.session.get(Post, reply.id).hidden_at is None
    assert count(Flag, Flag.resolved_at.is_(None)) == 3
    assert f'id="signalement-message-{reply.id}"' in text_of(client.get("/moderation"))
    assert count(ModerationLog, ModerationLog.action == ModerationAction.AUTO_HIDE) == 1

    # Three members the moderator has not heard yet still hide it.
    for number, email in enumerate(("emma@exemple.fr", "farid@exemple.fr", "gael@exemple.fr"), start=1):
        make_user(email, f"Membre {number}")
        _flag_as(app, email, "message", reply.id)
        db.session.expire_all()
        assert (db.session.get(Post, reply.id).hidden_at is not None) == (number == 3), number
    assert count(ModerationLog, ModerationLog.action == ModerationAction.AUTO_HIDE) == 2


def test_a_restored_post_is_not_hidden_again_by_its_former_reporters(client, app, forum):
    reply = forum["reply"]
    reporters = ("alice@exemple.fr", "chloe@exemple.fr", "david@exemple.fr")
    for email in reporters:
        _flag_as(app, email, "message", reply.id)
    login(client, "mod@exemple.fr")
    assert press(client, f"/moderation/message/{reply.id}/retablir", "/moderation").status_code == 302
    for email in reporters:
        _flag_as(app, email, "message", reply.id)
    db.session.expire_all()
    assert db.session.get(Post, reply.id).hidden_at is None


@pytest.mark.parametrize("merged", [False, True])
def test_posts_of_a_hidden_or_merged_thread_cannot_be_flagged(client, app, forum, merged):
    from forum.core.models import utcnow
    from forum.threads.models import Thread
    from tests.conftest import make_thread

    reply, thread = forum["reply"], forum["thread"]
    moderator = app.test_client()
    login(moderator, "mod@exemple.fr")
    if merged:  # as if a reply had stayed behind in a merged thread
        other = make_thread(forum["chloe"], forum["category"], "Un autre sujet sur le financement")
        row = db.session.get(Thread, thread.id)
        row.merged_into_id, row.hidden_at, row.hidden_reason = other.id, utcnow(), "Fusionné."
        db.session.commit()
    else:
        url = f"/moderation/sujet/{thread.id}/masquer"
        assert press(moderator, url, url, reason="Hors charte").status_code == 302
    login(client, "chloe@exemple.fr")
    page = client.get(f"/signaler/message/{reply.id}")
    assert page.status_code == 404 and "Ce message n'existe pas." in text_of(page)
    response = flag(client, "message", reply.id)
    assert response.status_code == 404 and "Ce message n'existe pas." in text_of(response)
    assert count(Flag, Flag.target_type == TargetType.POST) == 0
    # The thread's author still reads her hidden thread, so may flag in it; nobody reads a merged one.
    author = app.test_client()
    login(author, "alice@exemple.fr")
    assert author.get(f"/signaler/message/{reply.id}").status_code == (404 if merged else 200)
    # Moderators see everything.
    assert moderator.get(f"/signaler/message/{reply.id}").status_code == 200


# --- duplicates: the queue offers to merge ------------------------------------------------------
def test_a_duplicate_flag_naming_the_original_offers_that_merge(client, app, forum):
    from forum.threads.models import Thread
    from tests.conftest import make_thread

    original, duplicate = forum["thread"], make_thread(
        forum["chloe"], forum["category"], "Financer un poste de médiateur après la subvention",
        "La même question que la semaine dernière.")
    _flag_as(app, "david@exemple.fr", "sujet", duplicate.id, "doublon",
             f"Déjà posée ici : https://localhost{thread_url(original)}")
    _flag_as(app, "bob@exemple.fr", "sujet", duplicate.id, "hors-sujet")
    login(client, "mod@exemple.fr")
    html = text_of(client.get("/moderation"))
    card = _card(html, f"sujet-{duplicate.id}")
    offer = re.search(r'<a class="button[^"]*" href="([^"]+)">Fusionner avec «\u00a0([^<]+)\u00a0»…</a>', card)
    assert offer, card
    assert offer.group(2) == original.title
    merge_url = offer.group(1)
    assert merge_url.startswith(f"/moderation/sujet/{duplicate.id}/fusionner?")
    # The merge form opens with the original filled in.
    form = text_of(client.get(merge_url))
    assert re.search(rf'<input[^>]*name="target"[^>]*value="{re.escape(thread_url(original))}"', form)

    response = press(client, merge_url, merge_url, target=thread_url(original), reason="Doublon")
    assert response.status_code == 302 and response.headers["Location"] == "/moderation"
    db.session.expire_all()
    assert db.session.get(Thread, duplicate.id).merged_into_id == original.id
    assert count(Flag, Flag.resolved_at.is_(None)) == 0  # the thread's flags are closed by the merge
    assert f'id="signalement-sujet-{duplicate.id}"' not in text_of(client.get("/moderation"))


def test_a_duplicate_flag_on_an_opening_post_offers_to_merge_its_thread(client, app, forum):
    from tests.conftest import make_thread

    duplicate = make_thread(forum["chloe"], forum["category"], "Financer un poste de médiateur, encore",
                            "Quelqu'un a une piste ?")
    opening = db.session.execute(db.select(Post).where(Post.thread_id == duplicate.id, Post.position == 1)).scalar_one()
    _flag_as(app, "david@exemple.fr", "message", opening.id, "doublon", "Le même sujet existe déjà.")
    _flag_as(app, "alice@exemple.fr", "message", forum["reply"].id, "doublon")  # a reply: nothing to merge
    login(client, "mod@exemple.fr")
    html = text_of(client.get("/moderation"))
    card = _card(html, f"message-{opening.id}")
    assert "Fusionner avec un autre sujet…" in card  # the note names no thread: chosen on the next page
    merge_url = re.search(r'href="(/moderation/sujet/[0-9]+/fusionner[^"]*)"', card).group(1)
    assert merge_url.startswith(f"/moderation/sujet/{duplicate.id}/fusionner?") and "vers=" not in merge_url
    assert "fusionner" not in _card(html, f"message-{forum['reply'].id}")

    assert press(client, merge_url, merge_url, target=str(forum["thread"].id)).status_code == 302
    flag_row = db.session.execute(db.select(Flag).where(Flag.target_id == opening.id)).scalar_one()
    assert flag_row.resolution is FlagResolution.UPHELD  # merging answered the duplicate flag


def test_other_flags_offer_no_merge(client, app, forum):
    _flag_as(app, "chloe@exemple.fr", "sujet", forum["thread"].id, "spam")
    login(client, "mod@exemple.fr")
    assert "/fusionner" not in text_of(client.get("/moderation"))


@pytest.mark.parametrize("note,expected", [
    ("https://forum.exemple.fr/sujets/12/un-titre", 12), ("voir /sujets/7", 7), ("12", 12), ("n° 12", 12),
    ("#12", 12), ("Déjà vu la semaine dernière", None), ("", None), ("/sujets/99999999999999999999", None),
])
def test_the_original_is_read_from_the_note(note, expected):
    from forum.moderation.queries import named_thread_id

    assert named_thread_id(note) == expected
