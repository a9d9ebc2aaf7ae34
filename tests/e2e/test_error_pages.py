"""The error pages of refused input, in a real Chromium, on a desktop and a phone.

An unknown host (the live server is reached by 127.0.0.1, while the site is localhost), a NUL
character in a query string, an unknown tag: each a French page, styled, that fits a phone.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.test_journey import WIDER_THAN_SCREEN

pytestmark = pytest.mark.e2e

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def _cases(live_server):
    other_host = live_server.url.replace("localhost", "127.0.0.1")
    return [
        ("hote-inconnu", f"{other_host}/sujets", 400, "Cette adresse n'est pas celle du forum. Il répond à "
                                                     f"{live_server.url}."),
        ("caractere-nul", "/recherche?q=m%C3%A9diation%00", 400, "caractère nul"),
        ("mot-cle-inconnu", "/mots-cles/%ff", 404, "Aucun sujet ne porte ce mot-clé."),
    ]


@pytest.mark.parametrize("width", ["bureau", "telephone"])
def test_refused_input_pages_are_french_and_styled(new_page, live_server, screenshot, width):
    page = new_page(**(PHONE if width == "telephone" else {}))
    for name, url, status, text in _cases(live_server):
        response = page.goto(url)
        assert response.status == status, url
        expect(page.locator("main")).to_contain_text(text)
        # The stylesheet loaded (served to any host): the button is a styled button, not a bare link.
        assert page.locator(".error-page .button").evaluate("e => getComputedStyle(e).display") != "inline"
        if width == "telephone":
            assert not page.evaluate(WIDER_THAN_SCREEN, 390), url
        screenshot(page, f"erreur-{name}-{width}")
    home = page.goto(_cases(live_server)[0][1])
    page.get_by_role("link", name="Revenir à l'accueil").click()
    expect(page).to_have_url(f"{live_server.url}/")
    assert home.status == 400
