"""Two members write to each other in private, clicked through in a real Chromium, at desktop and
phone width: "Écrire" on a profile, the bell, the unread mark, the reply. Only what a person sees
is asserted."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import make_user
from tests.e2e.test_journey import log_in, nav, open_menu

pytestmark = pytest.mark.e2e

WRITER_EMAIL = "ines.moreau@exemple.fr"
WRITER_NAME = "Inès Moreau"
SUBJECT = "Votre modèle de convention de prêt"


@pytest.mark.parametrize("width,height", [(1280, 900), (390, 844)], ids=["bureau", "telephone"])
def test_two_members_write_to_each_other(page, new_page, live_server, screenshot, width, height):
    with live_server.app.app_context():
        make_user(WRITER_EMAIL, WRITER_NAME)
    page.set_viewport_size({"width": width, "height": height})
    log_in(page, live_server.manager_email, live_server.password, live_server.manager_name)
    # -- Inès opens Claire's profile and writes to her -----------------------------------------
    writer_page = new_page()
    writer_page.set_viewport_size({"width": width, "height": height})
    log_in(writer_page, WRITER_EMAIL, live_server.password, WRITER_NAME)
    writer_page.goto("/fabriques/" + live_server.fabrique_slug)
    writer_page.get_by_role("link", name="Écrire aux responsables").click()
    expect(writer_page.get_by_label("À")).to_have_value(live_server.manager_name)
    writer_page.get_by_label("Objet").fill(SUBJECT)
    writer_page.get_by_label("Message").fill("Bonjour Claire,\n\nPourriez-vous m'envoyer **votre modèle** ?")
    screenshot(writer_page, f"messages-01-ecrire-{width}")
    writer_page.get_by_role("button", name="Envoyer").click()
    expect(writer_page.locator(".flashes")).to_contain_text("Votre message est envoyé.")
    expect(writer_page.get_by_role("heading", name=SUBJECT)).to_be_visible()

    # -- Claire sees it from the bell, then in her messages, and answers -------------------------
    page.goto("/")
    nav(page).get_by_role("link", name="1 notification non lue").click()  # beside the menu on a phone
    page.get_by_role("button", name=re.compile(f"{WRITER_NAME} vous a écrit")).click()
    expect(page.get_by_role("heading", name=SUBJECT)).to_be_visible()
    expect(page.locator(".private-message strong")).to_have_text("votre modèle")
    expect(page.locator(".private-message .badge-new")).to_have_count(1)
    page.get_by_label("Votre réponse").fill("Avec plaisir : le voici en pièce jointe de notre wiki.")
    screenshot(page, f"messages-02-conversation-{width}")
    page.get_by_role("button", name="Envoyer").click()
    expect(page.locator(".private-message")).to_have_count(2)

    # -- Inès sees the answer marked as new in her list ----------------------------------------
    open_menu(writer_page)
    nav(writer_page).get_by_role("link", name="Messages").click()
    expect(writer_page.locator(".conversation.unread")).to_contain_text(SUBJECT)
    screenshot(writer_page, f"messages-03-liste-{width}")
    writer_page.get_by_role("link", name=re.compile(SUBJECT)).click()
    expect(writer_page.locator(".private-message").last).to_contain_text("Avec plaisir")
