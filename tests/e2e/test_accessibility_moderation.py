"""axe-core over the pages of those who run things, in French and in English, on a laptop and on a phone:
a moderator's queue (a flagged reply, a reply waiting for approval) and a fabrique manager's side of a
loan. 0 violations of the WCAG 2.1 A and AA rules and of axe's best practices (tests/e2e/axe_audit.py).
"""

from __future__ import annotations

import pytest

from tests.e2e import accessibility_fixtures
from tests.e2e.axe_audit import READERS, Audit, open_reader, sign_in

pytestmark = pytest.mark.e2e
a11y_world = accessibility_fixtures.a11y_world


def test_moderation_and_manager_pages_have_no_accessibility_violation(new_page, live_server, a11y_world):
    audit = Audit()
    for locale, width in READERS:
        moderator = open_reader(new_page, locale, width)
        sign_in(moderator, a11y_world.moderator_email, a11y_world.password)
        audit.read_as(moderator, f"moderator, {locale}, {width} px")
        audit.visit("/moderation", "moderation queue")
        assert moderator.locator("main .moderation-queue > li").count() >= 2, "the queue should show the seeded items"
        audit.visit(a11y_world.thread_url, "thread, with the moderators' tools")
        moderator.context.close()

        manager = open_reader(new_page, locale, width)
        sign_in(manager, a11y_world.manager_email, a11y_world.password)
        audit.read_as(manager, f"fabrique manager, {locale}, {width} px")
        audit.visit(a11y_world.loan_url, "loan page, the lender's side")
        audit.visit(f"/fabriques/{live_server.fabrique_slug}/membres", "the fabrique's members")
        manager.context.close()

    audit.assert_clean()
