"""axe-core over the pages a visitor reads, in French and in English, on a laptop and on a phone:
0 violations of the WCAG 2.1 A and AA rules and of axe's best practices (tests/e2e/axe_audit.py).

One server and its data serve the four readers (language × width), each in its own browser context
visiting every page. The logged-in pages: test_accessibility_member.py; the moderators' and
managers': test_accessibility_moderation.py.
"""

from __future__ import annotations

import pytest

from tests.e2e import accessibility_fixtures
from tests.e2e.axe_audit import READERS, Audit, assert_errors_announced, open_phone_menu, open_reader

pytestmark = pytest.mark.e2e
a11y_world = accessibility_fixtures.a11y_world


def test_public_pages_have_no_accessibility_violation(new_page, live_server, a11y_world):
    audit = Audit()
    for locale, width in READERS:
        page = open_reader(new_page, locale, width)
        audit.read_as(page, f"visitor, {locale}, {width} px")

        audit.visit("/", "home")
        if open_phone_menu(page):
            audit.check("home, phone menu open")
        audit.visit(a11y_world.thread_url, "thread")
        audit.visit("/ressources?type=equipement&tri=recent", "catalogue, filtered")
        audit.visit(a11y_world.resource_url, "resource page and its calendar")
        audit.visit("/pratiques", "practices")
        audit.visit(a11y_world.practice_url, "practice report")
        audit.visit(a11y_world.search_url, "search results")
        audit.visit("/fabriques/carte", "map, its markers drawn", ready="#map .leaflet-marker-icon")
        audit.visit("/fabriques", "fabriques directory")
        audit.visit(f"/fabriques/{live_server.fabrique_slug}", "a fabrique's page")
        audit.visit("/agenda", "agenda")
        audit.visit("/api/", "the API's documentation")
        audit.visit("/connexion", "sign-in form")
        audit.visit("/inscription", "sign-up form")
        page.locator("main input[name=email]").fill("pas-une-adresse")
        page.locator("main input[name=password]").fill("court")
        page.locator("main form button[type=submit]").click()
        page.locator(".form-errors").wait_for()
        audit.check("sign-up form with errors")
        assert_errors_announced(page)
        audit.visit("/cette-page-n-existe-pas", "error page (404)", expect_status=404)
        page.context.close()

    audit.assert_clean()
