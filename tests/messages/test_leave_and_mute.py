"""Muting and leaving a private conversation through the web pages: notifications stop (in the app and
by e-mail), the list and the page follow, the others read that someone left, a participant can add
them back; strangers, bad input and a missing CSRF token get a 404 or a French 400 and nothing is
written. The races of two clicks at once are in test_conversation_races.py."""

from __future__ import annotations

import html
import re

import pytest
from sqlalchemy import func, select

from forum.extensions import db
from forum.messages.models import Conversation, ConversationMember, PrivateMessage
from forum.notifications.models import Notification
from tests.conftest import csrf_token, login, make_user, submit

NB = "\u00a0"


def _outbox(app):
    return app.extensions["mailman"].__dict__.setdefault("outbox", [])


def _text(response) -> str:
    """The page's text as a person reads it: no tags, entities decoded, spaces collapsed (not NB)."""
    return re.sub(r"[ \t\r\n]+", " ", html.unescape(re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))))


def _count(model, *where) -> int:
    return db.session.execute(select(func.count()).select_from(model).where(*where)).scalar_one()


def _membership(conversation_id: int, user_id: int) -> ConversationMember:
    db.session.expire_all()
    return db.session.execute(select(ConversationMember).where(
        ConversationMember.conversation_id == conversation_id, ConversationMember.user_id == user_id)).scalar_one()


def _reply(client, conversation_id: int, body: str):
    response = submit(client, f"/messagerie/{conversation_id}/repondre", {"body": body, "action": "publish"},
                      form_url=f"/messagerie/{conversation_id}")
    assert response.status_code == 302, _text(response)[:500]
    return response


def _mute(client, conversation_id: int, muted: str):
    return submit(client, f"/messagerie/{conversation_id}/notifications", {"muted": muted},
                  form_url=f"/messagerie/{conversation_id}")


def _leave(client, conversation_id: int):
    return submit(client, f"/messagerie/{conversation_id}/quitter")


def _notices(user) -> int:
    return _count(Notification, Notification.user_id == user.id)


@pytest.fixture
def people(app):
    return {"alice": make_user("alice@exemple.fr", "Alice Martin"),
            "bruno": make_user("bruno@exemple.fr", "Bruno Petit"),
            "chloe": make_user("chloe@exemple.fr", "Chloé Durand")}


@pytest.fixture
def conversation_id(app, client, people) -> int:
    """Alice wrote to Bruno and Chloé; all three are logged in, each in their own client."""
    login(client, "alice@exemple.fr")
    response = submit(client, "/messagerie/nouveau", {
        "recipients": "Bruno Petit, Chloé Durand", "subject": "Retrait de la découpeuse laser",
        "body": "On se retrouve jeudi à 14 h ?", "action": "publish"})
    assert response.status_code == 302
    return db.session.execute(select(Conversation.id)).scalar_one()


@pytest.fixture
def bruno(app, conversation_id):
    client = app.test_client()
    login(client, "bruno@exemple.fr")
    return client


@pytest.fixture
def chloe(app, conversation_id):
    client = app.test_client()
    login(client, "chloe@exemple.fr")
    return client


def test_muting_stops_notifications_and_keeps_the_unread_marks(app, client, bruno, chloe, people, conversation_id):
    page = f"/messagerie/{conversation_id}"
    shown = _text(bruno.get(page))
    assert "Ne plus être notifié·e" in shown and "Quitter la conversation" in shown
    muted = _mute(bruno, conversation_id, "1")
    assert muted.status_code == 302 and muted.headers["Location"] == page
    shown = _text(bruno.get(page))
    assert (f"Vous ne serez plus notifié·e des nouveaux messages de cette conversation. Elle reste dans vos messages, "
            f"où ils seront marqués «{NB}nouveau{NB}»." in shown)
    assert f"Vous ne recevez plus de notification ni d'e-mail pour cette conversation{NB}:" in shown
    assert "Réactiver les notifications" in shown and "Ne plus être notifié·e" not in shown
    assert _membership(conversation_id, people["bruno"].id).muted

    # Chloé answers: Alice is told (in the app and by e-mail), Bruno is not, in either way.
    before, _outbox(app)[:] = _notices(people["bruno"]), []
    alice_before = _notices(people["alice"])
    _reply(chloe, conversation_id, "Jeudi me va très bien.")
    assert _notices(people["bruno"]) == before and _notices(people["alice"]) == alice_before + 1
    assert [mail.to for mail in _outbox(app)] == [["alice@exemple.fr"]]
    # ...but the conversation stays in his list, marked unread and muted, and the message is new on its page.
    listing = bruno.get("/messagerie").get_data(as_text=True)
    assert 'class="card conversation unread"' in listing and "Retrait de la découpeuse laser" in listing
    assert "notifications coupées" in listing
    assert "badge-new" in bruno.get(page).get_data(as_text=True)

    # The same click again changes nothing and says so.
    again = _mute(bruno, conversation_id, "1")
    assert again.status_code == 302
    assert "Les notifications de cette conversation étaient déjà coupées." in _text(bruno.get(page))

    # Turned back on: the next reply tells him again.
    assert _mute(bruno, conversation_id, "0").status_code == 302
    assert "Vous serez de nouveau notifié·e des nouveaux messages de cette conversation." in _text(bruno.get(page))
    assert not _membership(conversation_id, people["bruno"].id).muted
    _reply(chloe, conversation_id, "Et j'apporte les housses.")
    assert _notices(people["bruno"]) == before + 1
    assert "notifications coupées" not in bruno.get("/messagerie").get_data(as_text=True)


def test_leaving_asks_first_then_the_conversation_is_gone_for_them(app, client, bruno, chloe, people,
                                                                    conversation_id):
    page = f"/messagerie/{conversation_id}"
    assert f'href="/messagerie/{conversation_id}/quitter"' in bruno.get(page).get_data(as_text=True)
    _reply(bruno, conversation_id, "Je viendrai avec la camionnette.")
    # The confirmation page, reached without any script: what leaving means, a button, a way back.
    confirm = bruno.get(f"/messagerie/{conversation_id}/quitter")
    assert confirm.status_code == 200 and confirm.headers["Cache-Control"] == "no-store"
    shown = _text(confirm)
    assert f"Quitter la conversation{NB}?" in shown
    assert f"Vous allez quitter «{NB}Retrait de la découpeuse laser{NB}»." in shown
    assert f"Les autres liront «{NB}Bruno Petit a quitté la conversation{NB}». Vos messages y restent." in shown
    assert f"Vous ne pourrez pas y revenir vous-même{NB}:" in shown
    assert "Annuler, rester dans la conversation" in shown and "Ne plus être notifié·e" in shown
    assert _membership(conversation_id, people["bruno"].id).left_at is None  # showing it changes nothing

    left = _leave(bruno, conversation_id)
    assert left.status_code == 302 and left.headers["Location"] == "/messagerie"
    listing = _text(bruno.get("/messagerie"))
    assert f"Vous avez quitté la conversation «{NB}Retrait de la découpeuse laser{NB}»." in listing
    assert "Aucune conversation pour l'instant." in listing and 'class="card conversation' not in \
        bruno.get("/messagerie").get_data(as_text=True)
    gone = bruno.get(page)
    assert gone.status_code == 404 and f"Vous avez quitté cette conversation{NB}:" in _text(gone)
    bruno_message = db.session.execute(select(PrivateMessage.id).where(
        PrivateMessage.author_id == people["bruno"].id)).scalar_one()
    assert bruno.get(f"/messagerie/message/{bruno_message}").status_code == 404

    # Nothing more reaches him: neither notification nor e-mail.
    before, _outbox(app)[:] = _notices(people["bruno"]), []
    _reply(client, conversation_id, "Dommage, à bientôt Bruno !")
    assert _notices(people["bruno"]) == before
    assert [mail.to for mail in _outbox(app)] == [["chloe@exemple.fr"]]
    # Nor can he write or mute there any more; leaving again only says it was done.
    token = csrf_token(bruno, "/messagerie")
    assert bruno.post(f"/messagerie/{conversation_id}/repondre", data={
        "csrf_token": token, "body": "Encore moi", "action": "publish"}).status_code == 404
    assert bruno.post(f"/messagerie/{conversation_id}/notifications", data={
        "csrf_token": token, "muted": "1"}).status_code == 404
    assert bruno.get(f"/messagerie/{conversation_id}/quitter").status_code == 404
    again = bruno.post(f"/messagerie/{conversation_id}/quitter", data={"csrf_token": token})
    assert again.status_code == 302 and "Vous aviez déjà quitté cette conversation." in _text(bruno.get("/messagerie"))

    # The others read that he left, after the last message written before; his message stays.
    shown = _text(chloe.get(page))
    assert "Je viendrai avec la camionnette." in shown
    assert "Bruno Petit a quitté la conversation" in shown
    assert shown.index("Je viendrai avec la camionnette.") < shown.index("Bruno Petit a quitté la conversation") \
        < shown.index("Dommage, à bientôt Bruno")
    assert re.search(r"Entre Alice Martin ?, Chloé Durand ·", shown)
    assert "avec Chloé Durand ·" in _text(client.get("/messagerie"))


def test_a_participant_can_add_them_back(app, client, bruno, chloe, people, conversation_id):
    page = f"/messagerie/{conversation_id}"
    assert _mute(bruno, conversation_id, "1").status_code == 302
    assert _leave(bruno, conversation_id).status_code == 302
    _reply(chloe, conversation_id, "Pendant ton absence : c'est reporté à vendredi.")
    rows = _count(ConversationMember)
    added = submit(client, f"{page}/personnes", {"name": "Bruno Petit"}, form_url=page)
    assert added.status_code == 302
    assert "Bruno Petit fait maintenant partie de la conversation." in _text(client.get(page))
    assert _count(ConversationMember) == rows  # the same row, back
    member = _membership(conversation_id, people["bruno"].id)
    assert member.left_at is None and not member.muted  # brought back: told again
    notice = db.session.execute(select(Notification.text).where(Notification.user_id == people["bruno"].id)
                                .order_by(Notification.id.desc()).limit(1)).scalar_one()
    assert notice == ("Alice Martin vous a ajouté·e de nouveau à la conversation "
                      f"«{NB}Retrait de la découpeuse laser{NB}».")
    # Back in his list, with what was written meanwhile unread; nobody reads « a quitté » any more.
    assert 'class="card conversation unread"' in bruno.get("/messagerie").get_data(as_text=True)
    shown = bruno.get(page)
    assert shown.status_code == 200 and "badge-new" in shown.get_data(as_text=True)
    assert "a quitté la conversation" not in _text(shown) and "a quitté la conversation" not in _text(chloe.get(page))
    before = _notices(people["bruno"])
    _reply(chloe, conversation_id, "Bon retour parmi nous.")
    assert _notices(people["bruno"]) == before + 1
    # Adding him once more changes nothing.
    again = submit(client, f"{page}/personnes", {"name": "Bruno Petit"}, form_url=page)
    assert again.status_code == 302 and "Bruno Petit en faisait déjà partie." in _text(client.get(page))


def test_strangers_get_404_and_nothing_is_written(app, client, people, conversation_id):
    dana = make_user("dana@exemple.fr", "Dana Leroy")
    stranger = app.test_client()
    login(stranger, "dana@exemple.fr")
    token = csrf_token(stranger, "/messagerie")
    assert stranger.get(f"/messagerie/{conversation_id}/quitter").status_code == 404
    for url, data in ((f"/messagerie/{conversation_id}/quitter", {}),
                      (f"/messagerie/{conversation_id}/notifications", {"muted": "1"}),
                      ("/messagerie/99999999/quitter", {}), ("/messagerie/99999999/notifications", {"muted": "1"})):
        response = stranger.post(url, data={**data, "csrf_token": token})
        assert response.status_code == 404, url
        assert "Cette conversation n'existe pas, ou vous n'en faites pas partie." in _text(response)
    assert _count(ConversationMember, ConversationMember.user_id == dana.id) == 0
    assert _count(ConversationMember, ConversationMember.left_at.is_not(None)) == 0
    assert _count(ConversationMember, ConversationMember.muted.is_(True)) == 0
    # Visitors who are not logged in are sent to the login page.
    visitor = app.test_client()
    assert visitor.get(f"/messagerie/{conversation_id}/quitter").status_code == 302
    assert visitor.post(f"/messagerie/{conversation_id}/quitter").status_code in (302, 400)
    assert _count(ConversationMember, ConversationMember.left_at.is_not(None)) == 0


@pytest.mark.parametrize("data,status,message", [
    ({"muted": "2"}, 400, "Choisissez d'être notifié·e de cette conversation, ou non."),
    ({"muted": ""}, 400, "Choisissez d'être notifié·e de cette conversation, ou non."),
    ({}, 400, "Choisissez d'être notifié·e de cette conversation, ou non."),
    ({"muted": "1", "csrf_token": ""}, 400, "Le formulaire a expiré"),
])
def test_a_bad_mute_request_gets_a_french_400(app, bruno, people, conversation_id, data, status, message):
    token = csrf_token(bruno, f"/messagerie/{conversation_id}")
    response = bruno.post(f"/messagerie/{conversation_id}/notifications", data={"csrf_token": token, **data})
    assert response.status_code == status and message in _text(response)
    assert not _membership(conversation_id, people["bruno"].id).muted


def test_leaving_needs_the_csrf_token(app, bruno, people, conversation_id):
    for data in ({}, {"csrf_token": "faux"}):
        response = bruno.post(f"/messagerie/{conversation_id}/quitter", data=data)
        assert response.status_code == 400 and "Le formulaire a expiré" in _text(response)
    assert _membership(conversation_id, people["bruno"].id).left_at is None
    assert bruno.get(f"/messagerie/{conversation_id}").status_code == 200
