"""Private conversations through the web pages: write, read, reply, unread marks, notifications,
several members, ignoring, and what strangers and bad input get (404 or a French 400, nothing written)."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from forum.core.database import write_intent
from forum.extensions import db
from forum.fabriques.models import Membership, MembershipRole
from forum.messages.models import Conversation, ConversationMember, IgnoredMember, PrivateMessage
from forum.notifications.models import Notification
from tests.conftest import PASSWORD, commit_work, login, make_fabrique, make_member, make_user, submit


def _outbox(app):
    return app.extensions["mailman"].__dict__.setdefault("outbox", [])


def _count(model) -> int:
    return db.session.execute(select(func.count()).select_from(model)).scalar_one()


def _text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.get_data(as_text=True)))


def _write(client, to: str, subject: str = "Notre modèle de convention", body: str = "Voici notre **modèle**.",
           url: str = "/messagerie/nouveau"):
    return submit(client, "/messagerie/nouveau", {"recipients": to, "subject": subject, "body": body,
                                                  "action": "publish"}, form_url=url)


@pytest.fixture
def people(app):
    alice = make_user("alice@exemple.fr", "Alice Martin")
    bruno = make_user("bruno@exemple.fr", "Bruno Petit")
    chloe = make_user("chloe@exemple.fr", "Chloé Durand")
    return {"alice": alice, "bruno": bruno, "chloe": chloe}


def test_write_from_a_profile_read_and_reply(client, other_client, app, people, count_queries):
    login(client, "alice@exemple.fr")
    profile = client.get(f"/membres/{people['bruno'].id}").get_data(as_text=True)
    assert f'href="/messagerie/nouveau?a={people["bruno"].id}"' in profile
    form = client.get(f"/messagerie/nouveau?a={people['bruno'].id}").get_data(as_text=True)
    assert 'value="Bruno Petit"' in form
    _outbox(app).clear()
    response = _write(client, "Bruno Petit", url=f"/messagerie/nouveau?a={people['bruno'].id}")
    assert response.status_code == 302
    conversation = db.session.execute(select(Conversation)).scalar_one()
    assert response.headers["Location"] == f"/messagerie/{conversation.id}"
    # Bruno is told, in the app and by e-mail (plain text, not Markdown).
    notice = db.session.execute(select(Notification).where(Notification.user_id == people["bruno"].id)).scalar_one()
    assert notice.text == "Alice Martin vous a écrit : « Notre modèle de convention »."
    (mail,) = _outbox(app)
    assert mail.to == ["bruno@exemple.fr"] and mail.subject == "Message privé de Alice Martin : Notre modèle de convention"
    assert "Voici notre modèle." in mail.body and "**" not in mail.body

    login(other_client, "bruno@exemple.fr")
    listing = other_client.get("/messagerie").get_data(as_text=True)
    assert "Notre modèle de convention" in listing and 'class="card conversation unread"' in listing
    page = other_client.get(f"/messagerie/{conversation.id}").get_data(as_text=True)
    assert "<strong>modèle</strong>" in page and "badge-new" in page
    # Read now: no unread mark any more, and reading again writes nothing.
    assert 'class="card conversation unread"' not in other_client.get("/messagerie").get_data(as_text=True)
    with count_queries() as counter:
        other_client.get(f"/messagerie/{conversation.id}")
    assert not [sql for sql in counter.statements if sql.lstrip().upper().startswith(("UPDATE", "INSERT", "DELETE"))]
    assert counter.count <= 12
    reply = submit(other_client, f"/messagerie/{conversation.id}/repondre", {"body": "Merci beaucoup !",
                   "action": "publish"}, form_url=f"/messagerie/{conversation.id}")
    assert reply.status_code == 302 and reply.headers["Location"].startswith(f"/messagerie/{conversation.id}#message-")
    assert _count(PrivateMessage) == 2
    assert 'class="card conversation unread"' in client.get("/messagerie").get_data(as_text=True)
    assert "Merci beaucoup" in client.get(f"/messagerie/{conversation.id}").get_data(as_text=True)


def test_strangers_get_404_and_nothing_is_written(client, other_client, app, people):
    login(client, "alice@exemple.fr")
    _write(client, "Bruno Petit")
    conversation = db.session.execute(select(Conversation)).scalar_one()
    login(other_client, "chloe@exemple.fr")
    assert other_client.get(f"/messagerie/{conversation.id}").status_code == 404
    assert "Notre modèle" not in other_client.get("/messagerie").get_data(as_text=True)
    token_page = other_client.get("/messagerie/nouveau").get_data(as_text=True)
    csrf = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', token_page).group(1)
    for url, data in ((f"/messagerie/{conversation.id}/repondre", {"body": "Je m'invite"}),
                      (f"/messagerie/{conversation.id}/personnes", {"name": "Chloé Durand"})):
        assert other_client.post(url, data={**data, "csrf_token": csrf}).status_code == 404
    assert other_client.get("/messagerie/99999999999999999999").status_code == 404
    assert _count(PrivateMessage) == 1 and _count(ConversationMember) == 2
    # Nor anonymous visitors, nor the search.
    assert app.test_client().get(f"/messagerie/{conversation.id}").status_code == 302
    assert "Notre modèle" not in other_client.get("/recherche?q=modèle convention").get_data(as_text=True)


@pytest.mark.parametrize("changes,message", [
    ({"recipients": "Personne Inconnue"}, "aucun membre ne porte ce nom"),
    ({"recipients": ""}, "obligatoire"),
    ({"recipients": "Alice Martin"}, "vous écrire à vous-même"),
    ({"subject": "\u200b\u200b"}, "L&#39;objet"),
    ({"subject": "x" * 151}, "150"),
    ({"body": "   "}, "obligatoire"),
    ({"body": "a\x00b"}, ""),
])
def test_bad_input_gets_a_french_400_and_nothing_is_sent(client, app, people, changes, message):
    login(client, "alice@exemple.fr")
    data = {"recipients": "Bruno Petit", "subject": "Un objet", "body": "Un message", "action": "publish", **changes}
    response = submit(client, "/messagerie/nouveau", data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert _count(Conversation) == 0 and _count(PrivateMessage) == 0 and _count(Notification) == 0


def test_several_members_and_adding_one(client, other_client, app, people):
    login(client, "alice@exemple.fr")
    _write(client, "Bruno Petit, Chloé Durand", subject="Rencontre régionale")
    conversation = db.session.execute(select(Conversation)).scalar_one()
    assert _count(ConversationMember) == 3
    assert _count(Notification) == 2
    dana = make_user("dana@exemple.fr", "Dana Leroy")
    added = submit(client, f"/messagerie/{conversation.id}/personnes", {"name": "Dana Leroy"},
                   form_url=f"/messagerie/{conversation.id}")
    assert added.status_code == 302 and _count(ConversationMember) == 4
    login(other_client, "dana@exemple.fr")
    assert "Rencontre régionale" in other_client.get(f"/messagerie/{conversation.id}").get_data(as_text=True)
    assert db.session.execute(select(Notification.text).where(Notification.user_id == dana.id)).scalar_one() == \
        "Alice Martin vous a ajouté·e à la conversation « Rencontre régionale »."
    unknown = submit(client, f"/messagerie/{conversation.id}/personnes", {"name": "Nobody Here"},
                     form_url=f"/messagerie/{conversation.id}")
    assert unknown.status_code == 400 and "aucun membre ne porte ce nom" in unknown.get_data(as_text=True)


def test_write_to_a_fabriques_managers(client, app, people):
    manager = make_user("gerante@exemple.fr", "Gérante Dupont")
    fabrique = make_fabrique(manager)
    second = make_member(fabrique, "second@exemple.fr", "Samir Second")
    with write_intent():
        db.session.execute(select(Membership).where(Membership.user_id == second.id)).scalar_one().role = \
            MembershipRole.MANAGER
        commit_work()
    login(client, "alice@exemple.fr")
    assert f'href="/messagerie/nouveau?fabrique={fabrique.slug}"' in client.get(f"/fabriques/{fabrique.slug}").get_data(as_text=True)
    form = client.get(f"/messagerie/nouveau?fabrique={fabrique.slug}").get_data(as_text=True)
    assert 'value="Gérante Dupont, Samir Second"' in form


def test_an_ignored_member_cannot_write_and_is_not_notified(client, other_client, app, people):
    login(client, "bruno@exemple.fr")
    assert submit(client, f"/messagerie/ignorer/{people['alice'].id}", form_url=f"/membres/{people['alice'].id}").status_code == 302
    assert _count(IgnoredMember) == 1
    login(other_client, "alice@exemple.fr")
    refused = _write(other_client, "Bruno Petit")
    assert refused.status_code == 400 and "Bruno Petit ne reçoit pas vos messages." in refused.get_data(as_text=True)
    # In a conversation someone else started, Alice's messages reach Bruno without a notification.
    chloe = app.test_client()
    login(chloe, "chloe@exemple.fr")
    _write(chloe, "Alice Martin, Bruno Petit", subject="À trois")
    conversation = db.session.execute(select(Conversation)).scalar_one()
    before = _count(Notification)
    submit(other_client, f"/messagerie/{conversation.id}/repondre", {"body": "Bonjour à tous", "action": "publish"},
           form_url=f"/messagerie/{conversation.id}")
    told = set(db.session.execute(select(Notification.user_id).where(Notification.id > 0)).scalars())
    assert _count(Notification) == before + 1 and people["chloe"].id in told
    # He can stop ignoring her.
    assert submit(client, f"/messagerie/ne-plus-ignorer/{people['alice'].id}",
                  form_url=f"/membres/{people['alice'].id}").status_code == 302
    assert _count(IgnoredMember) == 0


def test_moderators_cannot_be_ignored(client, app, people):
    moderator = make_user("modo@exemple.fr", "Marc Modo", role="moderator")
    login(client, "alice@exemple.fr")
    response = submit(client, f"/messagerie/ignorer/{moderator.id}", form_url=f"/membres/{moderator.id}")
    assert response.status_code == 400 and _count(IgnoredMember) == 0


def test_the_same_form_sent_twice_sends_once(client, app, people):
    login(client, "alice@exemple.fr")
    page = client.get("/messagerie/nouveau").get_data(as_text=True)
    fields = {name: value for name, value in re.findall(r'name="(csrf_token|submission)"[^>]*value="([^"]+)"', page)}
    data = {**fields, "recipients": "Bruno Petit", "subject": "Une fois", "body": "Une seule fois", "action": "publish"}
    first, second = client.post("/messagerie/nouveau", data=data), client.post("/messagerie/nouveau", data=data)
    assert first.status_code == 302 and second.status_code in (302, 303)
    assert _count(Conversation) == 1 and _count(PrivateMessage) == 1


def test_an_unconfirmed_member_cannot_write_yet(client, app, people):
    make_user("nouveau@exemple.fr", "Nouveau Venu", confirmed=False)
    login(client, "nouveau@exemple.fr")
    assert "confirmez d&#39;abord votre adresse" in client.get("/messagerie/nouveau").get_data(as_text=True).lower() \
        or "confirmez d'abord votre adresse" in client.get("/messagerie/nouveau").get_data(as_text=True).lower()
    response = _write(client, "Bruno Petit")
    assert response.status_code == 403 and _count(Conversation) == 0


def test_a_reported_message_reaches_the_moderators_and_only_it(client, other_client, app, people):
    moderator = make_user("modo@exemple.fr", "Marc Modo", role="moderator")
    login(client, "alice@exemple.fr")
    _write(client, "Bruno Petit", subject="Un échange", body="Achetez mes montres de luxe !")
    conversation = db.session.execute(select(Conversation)).scalar_one()
    submit(client, f"/messagerie/{conversation.id}/repondre", {"body": "Et une autre chose privée.",
           "action": "publish"}, form_url=f"/messagerie/{conversation.id}")
    spam, private = db.session.execute(select(PrivateMessage).order_by(PrivateMessage.id)).scalars().all()
    login(other_client, "bruno@exemple.fr")
    page = other_client.get(f"/messagerie/{conversation.id}").get_data(as_text=True)
    assert f'href="/signaler/prive/{spam.id}"' in page
    # Nobody outside the conversation may report it, nor learn it exists; its author may not either.
    chloe = app.test_client()
    login(chloe, "chloe@exemple.fr")
    assert chloe.get(f"/signaler/prive/{spam.id}").status_code == 404
    assert client.get(f"/signaler/prive/{spam.id}").status_code == 400
    reported = submit(other_client, f"/signaler/prive/{spam.id}", {"reason": "spam", "note": ""},
                      form_url=f"/signaler/prive/{spam.id}")
    assert reported.status_code == 302 and reported.headers["Location"] == f"/messagerie/{conversation.id}#message-{spam.id}"

    staff = app.test_client()
    login(staff, "modo@exemple.fr")
    queue = staff.get("/moderation").get_data(as_text=True)
    assert "Achetez mes montres de luxe" in queue and f"/moderation/prive/{spam.id}" in queue
    assert "Et une autre chose privée" not in queue
    assert staff.get(f"/messagerie/{conversation.id}").status_code == 404  # the conversation stays private
    assert staff.get(f"/moderation/prive/{private.id}").status_code == 404  # so do unreported messages
    assert "Achetez mes montres" in staff.get(f"/moderation/prive/{spam.id}").get_data(as_text=True)
    assert chloe.get(f"/moderation/prive/{spam.id}").status_code == 403
    hidden = submit(staff, f"/moderation/prive/{spam.id}/signalements/masquer", {"reason": "Publicité"},
                    form_url=f"/moderation/prive/{spam.id}")
    assert hidden.status_code == 302 and db.session.get(PrivateMessage, spam.id).hidden_at is not None
    page = other_client.get(f"/messagerie/{conversation.id}").get_data(as_text=True)
    assert "Achetez mes montres" not in page and "Message masqué par la modération." in page
    told = db.session.execute(select(Notification).where(Notification.user_id == people["alice"].id,
                                                         Notification.kind == "moderation")).scalar_one()
    assert told.link == f"/messagerie/{conversation.id}#message-{spam.id}"
    assert moderator.id not in set(db.session.execute(select(ConversationMember.user_id)).scalars())


def test_conversations_are_in_my_data_and_follow_account_deletion(client, other_client, app, people):
    import io
    import json
    import zipfile

    login(client, "alice@exemple.fr")
    _write(client, "Bruno Petit, Chloé Durand", subject="Notre rencontre", body="Texte d'Alice.")
    conversation = db.session.execute(select(Conversation)).scalar_one()
    login(other_client, "bruno@exemple.fr")
    submit(other_client, f"/messagerie/{conversation.id}/repondre", {"body": "Texte de Bruno.", "action": "publish"},
           form_url=f"/messagerie/{conversation.id}")
    submit(client, f"/messagerie/ignorer/{people['chloe'].id}", form_url=f"/membres/{people['chloe'].id}")
    archive = zipfile.ZipFile(io.BytesIO(client.get("/profil/mes-donnees/export.zip").data))
    data = json.loads(archive.read("messages-prives.json"))
    assert [item["objet"] for item in data["conversations"]] == ["Notre rencontre"]
    assert sorted(data["conversations"][0]["participants"]) == ["Alice Martin", "Bruno Petit", "Chloé Durand"]
    assert [item["texte_markdown"] for item in data["messages"]] == ["Texte d'Alice."]  # hers only
    assert [item["nom"] for item in data["membres_ignores"]] == ["Chloé Durand"]

    # Bruno deletes his account, keeping his texts: he leaves, his message stays, signed as deleted.
    deleted = submit(other_client, "/profil/supprimer-mon-compte", {"password": PASSWORD})
    assert deleted.status_code == 302, deleted.get_data(as_text=True)[:300]
    assert _count(ConversationMember) == 2
    page = client.get(f"/messagerie/{conversation.id}").get_data(as_text=True)
    assert "Texte de Bruno." in page and "Compte supprimé" in page
    # Alice deletes hers with her texts: her message goes, the counts follow.
    assert submit(client, "/profil/supprimer-mon-compte", {"password": PASSWORD,
                                                            "remove_texts": "y"}).status_code == 302
    assert [m.body_source for m in db.session.execute(select(PrivateMessage)).scalars()] == ["Texte de Bruno."]
    db.session.expire_all()
    conversation = db.session.get(Conversation, conversation.id)
    assert conversation.message_count == 1
    assert conversation.last_message_id == db.session.execute(select(PrivateMessage.id)).scalar_one()
    assert _count(IgnoredMember) == 0
