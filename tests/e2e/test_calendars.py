"""Subscribe to one's calendar in a real Chromium: a member answers « Je viens » to an event, opens
« Mon agenda » from their profile, makes their address, copies it, and a calendar app (a plain
HTTP client, no cookie) fetches it and parses it. The event page offers « Ajouter à mon agenda ».
Screenshots at 1280 and 390 px go to /tmp/shots/cal/.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

import icalendar
import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from forum.accounts.models import User
from forum.core.dates import PARIS
from forum.extensions import db
from forum.fabriques.models import Fabrique
from tests.e2e.catalogue_fixtures import borrower  # noqa: F401 (the fixture)
from tests.e2e.test_journey import WIDER_THAN_SCREEN, log_in
from tests.events.builders import make_event

pytestmark = pytest.mark.e2e

SHOTS = Path("/tmp/shots/cal")
TITLE = "Rencontre régionale des médiateurs"


def _shoot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_timeout(100)
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
        if width == 390:
            assert page.evaluate(WIDER_THAN_SCREEN, 390) == [], name
    page.set_viewport_size({"width": 1280, "height": 800})


def _fetch(url: str) -> tuple[int, dict, bytes]:
    with urllib.request.urlopen(url, timeout=20) as response:  # no cookie, as a calendar app
        return response.status, dict(response.headers), response.read()


def test_subscribe_to_my_calendar(new_page, live_server, borrower):  # noqa: F811
    with live_server.app.app_context():
        manager = db.session.execute(select(User).where(User.email == live_server.manager_email)).scalar_one()
        fabrique = db.session.execute(select(Fabrique).where(Fabrique.slug == live_server.fabrique_slug)).scalar_one()
        event_id = make_event(manager, fabrique, title=TITLE).id
        db.session.remove()

    member = new_page(permissions=["clipboard-read", "clipboard-write"])
    log_in(member, borrower.member_email, live_server.password, borrower.member_name)
    member.goto(f"/agenda/{event_id}")
    member.get_by_role("button", name="Je viens").click()
    expect(member.locator(".flashes")).to_contain_text("C'est noté\u00a0: vous venez.")
    link = member.get_by_role("link", name="Ajouter à mon agenda")
    expect(link).to_have_attribute("href", f"/agenda/{event_id}/agenda.ics")
    _shoot(member, "event-page")

    member.goto("/profil")
    member.get_by_role("link", name="Mon agenda →").click()
    expect(member.get_by_role("heading", name="Mon agenda")).to_be_visible()
    expect(member.locator(".my-calendar")).to_contain_text("Vous n’avez pas encore d’adresse d’agenda.")
    _shoot(member, "my-calendar-empty")
    member.get_by_role("button", name="Créer mon adresse d’agenda").click()
    field = member.get_by_label("Adresse de mon agenda")
    url = field.input_value()
    assert url.startswith(f"{live_server.url}/agenda/membre/") and url.endswith(".ics")
    member.get_by_role("button", name="Copier").click()
    expect(member.get_by_role("button", name="Copiée")).to_be_visible()
    assert member.evaluate("navigator.clipboard.readText()") == url
    _shoot(member, "my-calendar-new-address")

    status, headers, body = _fetch(url)
    assert status == 200 and headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert headers["Cache-Control"] == "private, no-store"
    [component] = icalendar.Calendar.from_ical(body).walk("VEVENT")
    assert component["SUMMARY"] == TITLE and component["STATUS"] == "CONFIRMED"
    assert component["DTSTART"].params["TZID"] == "Europe/Paris"
    assert component.start.astimezone(PARIS).hour == 14

    member.goto("/profil/mon-agenda")  # the address is not shown again; a new one replaces it
    expect(member.locator(".my-calendar")).to_contain_text("active depuis le")
    expect(member.get_by_label("Adresse de mon agenda")).to_have_count(0)
    member.get_by_role("button", name="Générer une nouvelle adresse").click()
    new_url = member.get_by_label("Adresse de mon agenda").input_value()
    assert new_url != url and _fetch(new_url)[0] == 200
    with pytest.raises(urllib.error.HTTPError) as gone:
        _fetch(url)
    gone.value.close()  # its response, left open by urllib
    assert gone.value.code == 404
