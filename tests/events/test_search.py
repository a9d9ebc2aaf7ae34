"""Events are a kind of the search (« Événement »), with a facet of their type; hidden ones are not found."""

from __future__ import annotations

import html
import re
from datetime import datetime, timezone

from forum.core.models import HiddenKind
from forum.events.models import Event
from forum.extensions import db
from tests.conftest import commit_work, writing
from tests.events.builders import make_event, organiser_world


def _text(client, url: str) -> str:
    """The page with its highlights' <mark> tags removed and entities decoded."""
    return html.unescape(re.sub(r"</?mark>", "", client.get(url).get_data(as_text=True)))


def test_events_are_found_with_their_kind_facet(client):
    world = organiser_world()
    workshop = make_event(world["manager"], world["fabrique"], title="Atelier de réparation de vélos",
                          kind="atelier", summary="On répare les bicyclettes ensemble.")
    make_event(world["manager"], world["fabrique"], title="Formation aux vélos électriques", kind="formation")
    page = _text(client, "/recherche?q=v%C3%A9los")
    assert f"/agenda/{workshop.id}" in page and "Formation aux vélos électriques" in page
    assert "Type d'événement" in page
    only = _text(client, "/recherche?q=v%C3%A9los&type=evenement&type_evenement=atelier")
    assert f"/agenda/{workshop.id}" in only and "Formation aux vélos électriques" not in only
    with writing():
        db.session.get(Event, workshop.id).mark_hidden(HiddenKind.MODERATOR, "Doublon", datetime.now(timezone.utc))
        commit_work()
    assert f"/agenda/{workshop.id}" not in client.get("/recherche?q=v%C3%A9los").get_data(as_text=True)
