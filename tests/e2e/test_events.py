"""The agenda in a real Chromium: publish an event, answer it as a member of another fabrique, find it.

A manager publishes an event (a first try with its end before its start is refused in French);
a member of another fabrique opens it from /agenda and answers « Je viens »; the organiser sees
them in the list of participants. A member organises an event in another fabrique's room from
the room's week view (a first slot the room's rules refuse, then the afternoon): the event waits
for its room until the owner accepts, then shows « Salle confirmée ». The event page's JSON-LD
raises no CSP violation (the console fixture fails the test on one), and the pages fit a phone's
width. Screenshots at 1280 and 390 px go to /tmp/shots/events/.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from sqlalchemy import select

from forum.accounts.models import User
from forum.core.dates import PARIS
from forum.events.models import Event
from forum.extensions import db
from forum.fabriques.permissions import active_fabrique_of
from forum.resources.models import ResourceKind
from tests.e2e.catalogue_fixtures import borrower  # noqa: F401 (the fixture)
from tests.e2e.test_journey import WIDER_THAN_SCREEN, log_in
from tests.resources.builders import make_resource
from tests.resources.room_builders import next_weekday, set_rules

pytestmark = pytest.mark.e2e

SHOTS = Path("/tmp/shots/events")
TITLE = "Rencontre régionale des médiateurs"
DAY = (datetime.now(PARIS) + timedelta(days=9)).date()


def _shoot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_timeout(100)
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
        if width == 390:
            assert page.evaluate(WIDER_THAN_SCREEN, 390) == [], name
    page.set_viewport_size({"width": 1280, "height": 800})


def test_publish_answer_and_find_an_event(new_page, live_server, borrower):  # noqa: F811
    organiser = new_page()
    log_in(organiser, live_server.manager_email, live_server.password, live_server.manager_name)
    organiser.goto("/agenda")
    organiser.get_by_role("link", name="Publier un événement").click()
    organiser.get_by_label("Titre").fill(TITLE)
    organiser.get_by_label("Type").select_option(label="Rencontre")
    organiser.get_by_label("Résumé en une phrase").fill("Une après-midi d'échanges entre fabriques.")
    organiser.locator("#start_1").fill(f"{DAY.isoformat()}T14:00")
    organiser.locator("#end_1").fill(f"{DAY.isoformat()}T13:00")  # before the start: refused
    organiser.get_by_label("Adresse").fill("12 rue des Tilleuls, 23000 Guéret")
    organiser.get_by_label("Jauge (nombre de places)").fill("1")
    organiser.get_by_role("button", name="Publier").click()
    expect(organiser.locator(".field-error")).to_contain_text("La fin doit être après le début.")
    _shoot(organiser, "event-form-errors")
    organiser.locator("#end_1").fill(f"{DAY.isoformat()}T17:00")
    organiser.get_by_role("button", name="Publier").click()
    expect(organiser.locator(".flashes")).to_contain_text("L'événement est publié dans l'agenda.")
    expect(organiser.get_by_role("heading", name=TITLE)).to_be_visible()
    data = json.loads(organiser.locator('script[type="application/ld+json"]').text_content())
    assert data["name"] == TITLE and data["startDate"].startswith(DAY.isoformat())
    event_url = organiser.url

    member = new_page()
    log_in(member, borrower.member_email, live_server.password, borrower.member_name)
    member.goto("/agenda")
    expect(member.get_by_role("link", name=TITLE)).to_be_visible()
    _shoot(member, "agenda-list")
    member.get_by_role("link", name=TITLE).click()
    member.get_by_role("button", name="Je viens").click()
    expect(member.locator(".flashes")).to_contain_text("C'est noté\u00a0: vous venez.")
    expect(member.locator("#reponse")).to_contain_text("Je viens")
    _shoot(member, "event-page")
    member.goto(f"/agenda/mois?mois={DAY:%Y-%m}")
    expect(member.get_by_role("link", name=f"14:00 {TITLE}")).to_be_visible()
    _shoot(member, "agenda-month")

    organiser.goto(event_url + "/participants")
    expect(organiser.get_by_role("cell", name=borrower.member_name)).to_be_visible()
    _shoot(organiser, "rsvp-list")


ROOM = "Salle du Lavoir"
ROOM_EVENT = "Rencontre des fabriques du Massif central"


@pytest.fixture
def lent_room(live_server) -> int:
    """A meeting room of live_server's fabrique, open 9 h – 12 h and 14 h – 18 h on weekdays."""
    with live_server.app.app_context():
        manager = db.session.execute(select(User).where(User.email == live_server.manager_email)).scalar_one()
        resource = make_resource(manager, active_fabrique_of(manager), ROOM, ResourceKind.SPACE, capacity_meeting=25)
        set_rules(manager, resource)
        room_id = resource.id
        db.session.remove()
    return room_id


def test_an_event_requests_a_room_of_another_fabrique(new_page, live_server, borrower, lent_room):  # noqa: F811
    tuesday = next_weekday(1)
    member = new_page()
    log_in(member, borrower.member_email, live_server.password, borrower.member_name)
    member.goto(f"/ressources/{lent_room}/creneaux")
    member.get_by_role("link", name="Organiser un événement dans cette salle").click()
    expect(member.get_by_label("Demander une salle d'une autre fabrique")).to_have_value(str(lent_room))
    member.get_by_label("Titre").fill(ROOM_EVENT)
    member.locator("#start_1").fill(f"{tuesday.isoformat()}T12:00")  # the room closes at noon: refused
    member.locator("#end_1").fill(f"{tuesday.isoformat()}T15:00")
    member.get_by_role("button", name="Publier").click()
    expect(member.locator(".field-error")).to_contain_text("Ce créneau sort des heures d'ouverture du mardi")
    _shoot(member, "event-room-request-error")
    member.locator("#start_1").fill(f"{tuesday.isoformat()}T14:00")
    member.locator("#end_1").fill(f"{tuesday.isoformat()}T17:00")
    member.get_by_role("button", name="Publier").click()
    expect(member.locator(".flashes")).to_contain_text("L'événement est publié dans l'agenda.")
    expect(member.locator("main")).to_contain_text("En attente de la salle")
    _shoot(member, "event-waiting-for-room")
    event_url = member.url

    with live_server.app.app_context():
        loan_id = db.session.execute(select(Event.loan_id).where(Event.title == ROOM_EVENT)).scalar_one()
        db.session.remove()
    owner = new_page()
    log_in(owner, live_server.manager_email, live_server.password, live_server.manager_name)
    owner.goto(f"/prets/{loan_id}")
    expect(owner.locator("main")).to_contain_text("14\u00a0h – 17\u00a0h")
    owner.get_by_role("button", name="Accepter").click()
    expect(owner.locator(".flashes")).to_contain_text("La réservation est maintenant « confirmée ».")
    member.goto(event_url)
    expect(member.locator("main")).to_contain_text("Salle confirmée")
    expect(member.locator("main")).not_to_contain_text("En attente de la salle")
