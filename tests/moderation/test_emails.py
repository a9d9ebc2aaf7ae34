"""Moderation notices reach members by e-mail too, when they chose immediate e-mails (the default)."""

from __future__ import annotations

from forum.extensions import db
from forum.notifications.models import EmailFrequency, EmailPreference
from tests.conftest import login, make_thread
from tests.moderation.conftest import press


def outbox(app) -> list:
    return app.extensions["mailman"].__dict__.setdefault("outbox", [])


def sent_to(app, email: str) -> list:
    return [(message.subject, message.body) for message in outbox(app) if message.to == [email]]


def test_hiding_and_restoring_a_post_are_e_mailed_to_its_author(client, app, forum):
    reply = forum["reply"]
    login(client, "mod@exemple.fr")
    outbox(app).clear()
    url = f"/moderation/message/{reply.id}/masquer"
    assert press(client, url, url, reason="Publicité pour un site marchand").status_code == 302
    [(subject, body)] = sent_to(app, "bob@exemple.fr")
    assert subject == "Votre message a été masqué par la modération"
    assert "Publicité pour un site marchand" in body and f"https://localhost/messages/{reply.id}" in body
    outbox(app).clear()
    assert press(client, f"/moderation/message/{reply.id}/retablir", "/moderation").status_code == 302
    assert [subject for subject, _ in sent_to(app, "bob@exemple.fr")] == ["Votre message est de nouveau visible"]


def test_a_merge_is_e_mailed_to_the_author_of_the_merged_thread(client, app, forum):
    copy = make_thread(forum["chloe"], forum["category"], "Financer un poste de médiateur numérique ?")
    login(client, "mod@exemple.fr")
    outbox(app).clear()
    url = f"/moderation/sujet/{copy.id}/fusionner"
    assert press(client, url, url, target=str(forum["thread"].id), reason="Doublon").status_code == 302
    [(subject, body)] = sent_to(app, "chloe@exemple.fr")
    assert subject == "Votre sujet a été fusionné avec un autre"
    assert "Doublon" in body and f"https://localhost/sujets/{forum['thread'].id}/" in body


def test_a_suspension_and_its_lifting_are_e_mailed(client, app, forum):
    bob = forum["bob"]
    login(client, "mod@exemple.fr")
    outbox(app).clear()
    url = f"/moderation/membres/{bob.id}/suspendre"
    assert press(client, url, url, duration="7", reason="Insultes répétées").status_code == 302
    [(subject, body)] = sent_to(app, "bob@exemple.fr")
    assert subject == "Votre compte est suspendu" and "Insultes répétées" in body and "jusqu'au" in body
    outbox(app).clear()
    lift = press(client, f"/moderation/membres/{bob.id}/lever-suspension", f"/membres/{bob.id}")
    assert lift.status_code == 302
    assert [subject for subject, _ in sent_to(app, "bob@exemple.fr")] == ["La suspension de votre compte est levée"]


def test_members_who_chose_a_digest_get_no_immediate_moderation_e_mail(client, app, forum):
    db.session.add(EmailPreference(user_id=forum["bob"].id, frequency=EmailFrequency.DAILY))
    db.session.commit()
    login(client, "mod@exemple.fr")
    outbox(app).clear()
    url = f"/moderation/membres/{forum['bob'].id}/suspendre"
    assert press(client, url, url, duration="7", reason="Insultes répétées").status_code == 302
    assert sent_to(app, "bob@exemple.fr") == []
