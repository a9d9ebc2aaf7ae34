"""An event's texts say which language they are written in: kept, shown as lang."""

from __future__ import annotations

import html

from sqlalchemy import func, select

from forum.events.models import Event
from forum.extensions import db
from tests.conftest import login, submit
from tests.events.builders import organiser_world, paris

FORM = {"title": "Repair café in English", "kind": "atelier", "attendance_mode": "sur-place",
        "place_kind": "adresse", "address": "3 place du Marché, 23000 Guéret", "summary": "We repair together.",
        "description": "Bring **your bike**.", "is_free": "y"}


def _form(**changes) -> dict:
    moment = paris(7, 14).strftime("%Y-%m-%dT%H:%M"), paris(7, 17).strftime("%Y-%m-%dT%H:%M")
    return {**FORM, "start_1": moment[0], "end_1": moment[1], **changes}


def test_an_event_in_english_carries_its_language_and_keeps_it(client):
    organiser_world()
    login(client, "membre@exemple.fr")
    assert submit(client, "/agenda/nouveau", _form(language="en")).status_code == 302
    event = db.session.execute(select(Event)).scalar_one()
    assert event.language == "en"
    assert '<section class="card post-body" lang="en">' in client.get(f"/agenda/{event.id}").get_data(as_text=True)
    url = f"/agenda/{event.id}/modifier"
    assert '<option selected value="en">' in client.get(url).get_data(as_text=True)
    assert submit(client, url, _form(description="Bring your bike and a pump.")).status_code == 302
    db.session.expire_all()
    assert event.language == "en"


def test_an_unknown_language_is_a_400_and_nothing_is_published(client):
    organiser_world()
    login(client, "membre@exemple.fr")
    response = submit(client, "/agenda/nouveau", _form(language="xx"))
    assert response.status_code == 400
    assert "Langue du texte inconnue" in html.unescape(response.get_data(as_text=True))
    assert db.session.execute(select(func.count()).select_from(Event)).scalar_one() == 0
