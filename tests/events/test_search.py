"""Events are a kind of the search (« Événement »), with a facet of their type; hidden ones are not found."""

from __future__ import annotations

import html
import re
from datetime import datetime, timezone

from forum.core.models import HiddenKind
from forum.events.models import Event
from forum.extensions import db
from tests.conftest import commit_work, writing
from forum.events.checks import Timing
from tests.events.builders import make_event, organiser_world, paris


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


def test_a_fabriques_recurring_event_is_one_result_with_its_dates_counted(client):
    world = organiser_world()
    monthly = [make_event(world["manager"], world["fabrique"], title="Café numérique du jeudi",
                          summary="On s'entraide sur les smartphones.", timings=[Timing(paris(days, 10), paris(days, 12))])
               for days in (5, 12, 19)]
    elsewhere = make_event(world["other_manager"], world["other"], title="Café numérique du jeudi",
                           summary="On s'entraide sur les smartphones.")
    page = _text(client, "/recherche?q=caf%C3%A9+num%C3%A9rique+smartphones")
    found = [event.id for event in monthly if f"/agenda/{event.id}\"" in page]
    assert len(found) == 1  # one result for the series...
    assert "3 dates correspondent" in page  # ...saying how many of its dates match
    assert f"/agenda/{elsewhere.id}\"" in page  # another fabrique's café is a result of its own
    assert re.search(r"(\d+) résultats?", page).group(1) == "2"
