"""Moderation in English: its pages for an English-speaking moderator, and its notices to an
English-speaking author while the moderator works in French."""

from __future__ import annotations

from sqlalchemy import select

from forum.extensions import db
from forum.notifications.models import Notification
from tests.conftest import ENGLISH, login, plain_spaces
from tests.moderation.conftest import press
from tests.moderation.test_emails import outbox, sent_to


def test_the_moderation_queue_and_the_hide_form_speak_english(client, forum):
    login(client, "mod@exemple.fr")
    queue = plain_spaces(client.get("/moderation", headers=ENGLISH).get_data(as_text=True))
    assert "Reports to review" in queue and "Signalements à examiner" not in queue
    page = plain_spaces(client.get(f"/moderation/message/{forum['reply'].id}/masquer",
                                   headers=ENGLISH).get_data(as_text=True))
    assert "Hide the post" in page and "Message to the author" in page
    assert "Masquer le message" not in page


def test_a_domain_error_and_a_form_error_in_english(client, other_client, forum):
    login(other_client, "alice@exemple.fr")
    response = other_client.get("/moderation", headers=ENGLISH)
    assert response.status_code == 403
    assert "This action is for the moderation team only." in response.get_data(as_text=True)
    login(client, "mod@exemple.fr")
    url = f"/moderation/message/{forum['reply'].id}/masquer"
    response = client.post(url, headers=ENGLISH, data={**_fields(client, url), "reason": ""})
    text = plain_spaces(response.get_data(as_text=True))
    assert response.status_code == 400
    assert "Write a message to the author telling them why their content is hidden" in text
    assert "Écrivez un message" not in text


def _fields(client, url):
    from tests.conftest import form_fields
    return form_fields(client, url)


def test_an_english_speaking_author_is_told_in_english(client, app, forum):
    bob = forum["bob"]
    bob.language = "en"
    db.session.commit()
    login(client, "mod@exemple.fr")  # the moderator works in French
    outbox(app).clear()
    url = f"/moderation/message/{forum['reply'].id}/masquer"
    response = press(client, url, url, reason="Publicité pour un site marchand")
    assert response.status_code == 302
    assert "Contenu masqué" in plain_spaces(client.get(response.location, follow_redirects=True).get_data(as_text=True))
    [(subject, body)] = sent_to(app, "bob@exemple.fr")
    assert subject == "Your post has been hidden by the moderators"
    assert "Your post in “Comment financer un poste de médiateur" in body
    assert "Reason: Publicité pour un site marchand" in body  # the moderator's words stay as written
    [text] = db.session.execute(select(Notification.text).where(Notification.user_id == bob.id)).scalars()
    assert text.startswith("Your post in “Comment financer") and "masqué" not in text
    outbox(app).clear()
    url = f"/moderation/membres/{bob.id}/suspendre"
    assert press(client, url, url, duration="7", reason="Insultes répétées").status_code == 302
    [(subject, body)] = sent_to(app, "bob@exemple.fr")
    assert subject == "Your account is suspended"
    assert "Your account is suspended until " in body and " at " in body and "jusqu'au" not in body
