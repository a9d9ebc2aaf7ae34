"""A room booked by the hour in a real Chromium: a member of another fabrique finds a room for an
afternoon, books it (a first try outside the opening hours is refused in French), the owner's
manager accepts, and the week view shows the slot taken; the pages fit a phone's width."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from forum.accounts.models import User
from forum.extensions import db
from forum.resources.models import ResourceKind
from tests.e2e.catalogue_fixtures import borrower  # noqa: F401 (the fixture)
from tests.e2e.test_journey import WIDER_THAN_SCREEN, log_in
from tests.resources.builders import make_resource
from tests.resources.room_builders import next_weekday, set_rules

pytestmark = pytest.mark.e2e

ROOM = "Salle du Lavoir"
TUESDAY = next_weekday(1)
SHOTS = Path("/tmp/shots/rooms")
MESSAGE = "Rencontre régionale des fabriques : une quinzaine de personnes."


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.fixture
def room(live_server):
    with live_server.app.app_context():
        manager = db.session.execute(select(User).where(User.email == live_server.manager_email)).scalar_one()
        from forum.fabriques.permissions import active_fabrique_of
        resource = make_resource(manager, active_fabrique_of(manager), ROOM, ResourceKind.SPACE, capacity_meeting=25,
                                 room_equipment="Vidéoprojecteur, paperboard", accessibility="Accès de plain-pied")
        set_rules(manager, resource)
        room_id = resource.id
        db.session.remove()
    return room_id


def test_a_member_books_an_afternoon_and_the_owner_accepts(live_server, borrower, room, new_page):  # noqa: F811
    base = live_server.url
    member = new_page()
    log_in(member, borrower.member_email, live_server.password, borrower.member_name)

    # -- Find a room for Tuesday afternoon, from the catalogue ------------------------------
    member.goto("/ressources")
    member.get_by_role("link", name="Trouver une salle pour une réunion").click()
    expect(member.get_by_role("heading", name="Trouver une salle", level=1)).to_be_visible()
    member.get_by_label("Personnes (au moins)").fill("20")
    member.get_by_label("Date").fill(TUESDAY.isoformat())
    member.get_by_label("De", exact=True).fill("14:00")
    member.get_by_label("À", exact=True).fill("17:00")
    member.get_by_label("Accessible en fauteuil (plain-pied, ascenseur)").check()
    member.get_by_role("button", name="Chercher", exact=True).click()
    expect(member.locator(".room-result")).to_have_count(1)
    expect(member.locator(".room-result")).to_contain_text(ROOM)
    shot(member, "find-room-1280")
    member.locator(".room-result").get_by_role("link", name="Voir les créneaux").click()
    expect(member).to_have_url(re.compile(rf"^{re.escape(base)}/ressources/{room}/creneaux"))

    # -- A first try outside the opening hours, then the afternoon --------------------------
    member.get_by_label("Date").fill(TUESDAY.isoformat())
    member.get_by_label("De", exact=True).fill("12:00")
    member.get_by_label("À", exact=True).fill("15:00")
    member.get_by_label("Message pour la fabrique").fill(MESSAGE)
    member.get_by_role("button", name="Envoyer la demande").click()
    expect(member.locator(".field-error")).to_contain_text("Ce créneau sort des heures d'ouverture du mardi")
    expect(member.get_by_label("Message pour la fabrique")).to_have_value(MESSAGE)
    shot(member, "booking-form-error-1280")
    member.get_by_label("De", exact=True).fill("14:00")
    member.get_by_label("À", exact=True).fill("17:00")
    member.get_by_role("button", name="Envoyer la demande").click()
    expect(member).to_have_url(re.compile(rf"^{re.escape(base)}/prets/\d+$"))
    loan_url = member.url
    expect(member.locator(".flashes")).to_contain_text("Votre demande est envoyée.")
    expect(member.locator("main")).to_contain_text("14\u00a0h – 17\u00a0h")

    # -- The owner's manager accepts -----------------------------------------------------------
    owner = new_page()
    log_in(owner, live_server.manager_email, live_server.password, live_server.manager_name)
    owner.goto(loan_url)
    owner.get_by_role("button", name="Accepter").click()
    expect(owner.locator(".flashes")).to_contain_text("La réservation est maintenant « confirmée ».")

    # -- The week shows the afternoon taken, to the member and to the owner -------------------
    member.goto(f"/ressources/{room}/creneaux?semaine={TUESDAY.isoformat()}")
    taken = member.locator(".piece-occupe")
    expect(taken).to_have_count(1)
    expect(taken).to_contain_text("14\u00a0h – 17\u00a0h")
    expect(taken).to_contain_text(borrower.fabrique_name)
    shot(member, "week-1280")
    owner.goto(f"/ressources/{room}/regles")
    shot(owner, "rules-form-1280")

    # -- On a phone ------------------------------------------------------------------------------
    phone = new_page(viewport={"width": 390, "height": 844})
    log_in(phone, borrower.member_email, live_server.password, borrower.member_name)
    for url, name in ((f"/ressources/{room}/creneaux?semaine={TUESDAY.isoformat()}", "week-390"),
                      (f"/salles?capacite=20&date={TUESDAY.isoformat()}&debut=14:00&fin=17:00", "find-room-390")):
        phone.goto(url)
        phone.wait_for_load_state("load")
        assert phone.evaluate(WIDER_THAN_SCREEN, 390) == [], url
        shot(phone, name)
    phone.goto(f"/ressources/{room}/creneaux?semaine={TUESDAY.isoformat()}")
    phone.get_by_label("Date").fill(TUESDAY.isoformat())
    phone.get_by_label("De", exact=True).fill("17:00")
    phone.get_by_label("À", exact=True).fill("9:00")
    phone.get_by_role("button", name="Envoyer la demande").click()
    expect(phone.locator(".field-error")).to_contain_text("L'heure de fin doit être après l'heure de début.")
    assert phone.evaluate(WIDER_THAN_SCREEN, 390) == []
    shot(phone, "booking-form-error-390")
    rules_phone = new_page(viewport={"width": 390, "height": 844})
    log_in(rules_phone, live_server.manager_email, live_server.password, live_server.manager_name)
    rules_phone.goto(f"/ressources/{room}/regles")
    assert rules_phone.evaluate(WIDER_THAN_SCREEN, 390) == []
    shot(rules_phone, "rules-form-390")
