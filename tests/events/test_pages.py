"""The agenda's pages: list with filters, month view, map, event page with its JSON-LD, feed, fabrique page."""

from __future__ import annotations

import json
import re
from xml.etree import ElementTree

from forum.core.security import CONTENT_SECURITY_POLICY
from tests.conftest import login
from tests.events.builders import make_event, organiser_world, paris
from forum.events.checks import Timing

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def test_the_agenda_lists_upcoming_events_with_filters(client):
    world = organiser_world()
    make_event(world["manager"], world["fabrique"], title="Atelier en Creuse", kind="atelier")
    make_event(world["other_manager"], world["other"], title="Webinaire en Seine-Saint-Denis", kind="webinaire",
               attendance_mode="en-ligne", place_kind="aucun", online_url="https://visio.exemple.fr/salle")
    page = client.get("/agenda").get_data(as_text=True)
    assert "Atelier en Creuse" in page and "Webinaire en Seine-Saint-Denis" in page
    only_online = client.get("/agenda?en_ligne=1").get_data(as_text=True)
    assert "Webinaire en Seine-Saint-Denis" in only_online and "Atelier en Creuse" not in only_online
    by_department = client.get("/agenda?departement=23").get_data(as_text=True)
    assert "Atelier en Creuse" in by_department and "Webinaire en Seine" not in by_department
    by_kind = client.get("/agenda?type=atelier").get_data(as_text=True)
    assert "Atelier en Creuse" in by_kind and "Webinaire en Seine" not in by_kind
    assert client.get("/agenda?date=10000-01-01").status_code == 400
    assert client.get("/agenda?page=999").status_code == 404


def test_the_month_view_puts_each_timing_on_its_paris_day(client):
    world = organiser_world()
    start = paris(20, 23, 30)  # late in the evening, Paris time: the UTC day may differ
    make_event(world["manager"], world["fabrique"], title="Soirée jeux", timings=[Timing(start, paris(21, 1, 0))])
    page = client.get(f"/agenda/mois?mois={start:%Y-%m}").get_data(as_text=True)
    assert "23:30 Soirée jeux" in page
    assert client.get("/agenda/mois?mois=2026-13").status_code == 400
    assert client.get("/agenda/mois?mois=10000-01").status_code == 400


def test_the_event_page_carries_json_ld_no_text_can_close(client):
    world = organiser_world()
    title = "</script><script>alert(1)</script> & 'guillemets'"
    event = make_event(world["manager"], world["fabrique"], title=title,
                       summary="Fin </SCRIPT > <!-- et \u2028 ligne")
    response = client.get(f"/agenda/{event.id}")
    page = response.get_data(as_text=True)
    blocks = JSON_LD.findall(page)
    assert len(blocks) == 1
    assert "</" not in blocks[0] and "<!--" not in blocks[0]
    data = json.loads(blocks[0])
    assert data["@type"] == "SocialEvent" and data["name"] == title
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["startDate"].endswith("+00:00") and data["location"][0]["address"].startswith("12 rue")
    # The CSP stays strict: a data block needs no inline-script permission.
    assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY and "script-src 'self'" in CONTENT_SECURITY_POLICY


def test_the_fabrique_page_shows_its_upcoming_events(client):
    world = organiser_world()
    event = make_event(world["manager"], world["fabrique"], title="Portes ouvertes du tiers-lieu",
                       kind="portes-ouvertes")
    page = client.get(f"/fabriques/{world['fabrique'].slug}").get_data(as_text=True)
    assert "Événements à venir" in page and f"/agenda/{event.id}" in page


def test_the_atom_feed_lists_upcoming_events(client):
    world = organiser_world()
    make_event(world["manager"], world["fabrique"], title="Formation PIX")
    response = client.get("/flux/agenda.atom")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.data)
    titles = [node.text for node in root.iter("{http://www.w3.org/2005/Atom}title")]
    assert "Formation PIX" in titles


def test_the_map_shows_fabriques_with_events(client):
    from forum.extensions import db
    from forum.fabriques.models import Fabrique

    world = organiser_world()
    fabrique = db.session.get(Fabrique, world["fabrique"].id)
    fabrique.latitude, fabrique.longitude = 46.17, 1.87
    db.session.commit()
    make_event(world["manager"], world["fabrique"], title="Atelier sur la carte")
    page = client.get("/agenda/carte").get_data(as_text=True)
    data = json.loads(re.search(r'<script type="application/json" id="map-data">(.*?)</script>', page, re.S).group(1))
    assert [marker["events"][0]["title"] for marker in data] == ["Atelier sur la carte"]


def test_a_hidden_event_is_gone_for_others(client, other_client):
    from datetime import datetime, timezone

    from forum.core.models import HiddenKind
    from forum.events.models import Event
    from forum.extensions import db

    world = organiser_world()
    event = make_event(world["manager"], world["fabrique"], title="Événement masqué")
    db.session.get(Event, event.id).mark_hidden(HiddenKind.MODERATOR, "Hors sujet", datetime.now(timezone.utc))
    db.session.commit()
    assert client.get(f"/agenda/{event.id}").status_code == 404
    assert "Événement masqué" not in client.get("/agenda").get_data(as_text=True)
    login(other_client, "orga@exemple.fr")
    assert other_client.get(f"/agenda/{event.id}").status_code == 200
