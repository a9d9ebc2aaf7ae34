"""In the browser: a refused look-alike name at registration, and the page of a rate limit."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import register

pytestmark = pytest.mark.e2e

SIZES = {"1280": {"viewport": {"width": 1280, "height": 800}},
         "390": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
                 "device_scale_factor": 2}}


@pytest.mark.parametrize("size", SIZES)
def test_a_look_alike_name_is_refused_at_registration(new_page, live_server, screenshot, size):
    page = new_page(**SIZES[size])
    # The fabrique's manager is "Claire Responsable": the same name, with a Cyrillic С and а.
    register(page, "usurpation@exemple.fr", "\u0421l\u0430ire Responsable", live_server.password)
    expect(page.locator("#display_name-error")).to_contain_text("Ce nom ressemble trop à celui d'un autre membre.")
    expect(page.get_by_label("Nom affiché")).to_have_attribute("aria-invalid", "true")
    screenshot(page, f"identity-nom-refuse-{size}")

    register(page, "usurpation@exemple.fr", "Équipe du forum", live_server.password)
    expect(page.locator("#display_name-error")).to_contain_text("«\u00a0équipe\u00a0», réservé à l'équipe du forum")


@pytest.mark.parametrize("size", SIZES)
def test_the_rate_limit_page_says_when_to_retry(new_page, live_server, screenshot, size):
    live_server.app.config["REGISTRATION_LIMIT"] = "1 per hour"
    page = new_page(**SIZES[size])
    register(page, f"premiere-{size}@exemple.fr", "Première Inscrite", live_server.password)
    expect(page).to_have_url(f"{live_server.url}/bienvenue")
    other = new_page(**SIZES[size])
    register(other, f"seconde-{size}@exemple.fr", "Seconde Inscrite", live_server.password)
    expect(other.get_by_role("heading", name="Un peu de patience")).to_be_visible()
    expect(other.locator(".error-page .lead")).to_have_text(re.compile(
        r"Plusieurs comptes viennent d'être créés depuis cette connexion internet\. Réessayez (dans \d+ minutes|dans une heure|vers .+)\."))
    screenshot(other, f"identity-trop-de-demandes-{size}")
