"""axe-core over the pages a signed-in member reads and fills in, in French and in English, on a laptop
and on a phone: 0 violations of the WCAG 2.1 A and AA rules and of axe's best practices
(tests/e2e/axe_audit.py).

The member belongs to a fabrique that borrows: their loan, their notifications, their thread. One
server and its data serve the four readers (language × width), each in its own browser context.
"""

from __future__ import annotations

import pytest

from tests.e2e import accessibility_fixtures
from tests.e2e.axe_audit import READERS, Audit, assert_errors_announced, open_phone_menu, open_reader, sign_in

pytestmark = pytest.mark.e2e
a11y_world = accessibility_fixtures.a11y_world


def test_member_pages_have_no_accessibility_violation(new_page, a11y_world):
    audit = Audit()
    for locale, width in READERS:
        page = open_reader(new_page, locale, width)
        sign_in(page, a11y_world.member_email, a11y_world.password)
        audit.read_as(page, f"member, {locale}, {width} px")

        audit.visit("/", "home")
        if open_phone_menu(page):
            audit.check("home, phone menu open")
        audit.visit(a11y_world.thread_url, "thread (with the reply form)")
        audit.visit("/sujets/nouveau", "new thread form")
        page.locator("main form button[name=action][value=publish]").click()
        page.locator(".form-errors").wait_for()
        audit.check("new thread form with errors")
        assert_errors_announced(page)
        audit.visit("/ressources?type=equipement&tri=recent", "catalogue, filtered")
        audit.visit(a11y_world.resource_url, "resource page, its calendar and the loan request form")
        audit.visit(a11y_world.loan_url, "loan page")
        audit.visit("/prets", "loans list")
        audit.visit("/pratiques", "practices")
        audit.visit(a11y_world.practice_url, "practice report")
        audit.visit(a11y_world.compare_url, "practice report, two revisions compared")
        audit.visit(a11y_world.search_url, "search results")
        audit.visit("/fabriques/carte", "map, its markers drawn", ready="#map .leaflet-marker-icon")
        audit.visit("/notifications", "notifications")
        audit.visit("/profil", "profile")
        page.context.close()

    audit.assert_clean()
