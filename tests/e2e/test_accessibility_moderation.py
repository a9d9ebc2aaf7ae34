"""axe-core over the pages of those who run things, in French and in English, on a laptop and on a phone:
a moderator's queue (a flagged reply, a reply waiting for approval) and a fabrique manager's side of a
loan. 0 violations of the WCAG 2.1 A and AA rules and of axe's best practices (tests/e2e/axe_audit.py).
"""

from __future__ import annotations

import pytest

from tests.e2e import accessibility_fixtures
from tests.e2e.axe_audit import Audit, open_reader, sign_in

pytestmark = pytest.mark.e2e
a11y_world = accessibility_fixtures.a11y_world

READERS = [pytest.param(locale, width, id=f"{locale}-{width}px")
           for locale in ("fr-FR", "en-GB") for width in (1280, 390)]


@pytest.mark.parametrize(("locale", "width"), READERS)
def test_moderation_and_manager_pages_have_no_accessibility_violation(new_page, live_server, a11y_world,
                                                                     locale, width):
    moderator = open_reader(new_page, locale, width)
    sign_in(moderator, a11y_world.moderator_email, a11y_world.password)
    audit = Audit(moderator, f"moderator, {locale}, {width} px")
    audit.visit("/moderation", "moderation queue")
    assert moderator.locator("main .form-errors").count() == 0
    audit.visit(a11y_world.thread_url, "thread, with the moderators' tools")

    manager = open_reader(new_page, locale, width)
    sign_in(manager, a11y_world.manager_email, a11y_world.password)
    audit.page = manager
    audit.label = f"fabrique manager, {locale}, {width} px"
    audit.visit(a11y_world.loan_url, "loan page, the lender's side")
    audit.visit(f"/fabriques/{live_server.fabrique_slug}/membres", "the fabrique's members")

    audit.assert_clean()
