"""Detail pages on a phone: the main action in the first screen; every control a touch target.

At 390 × 844: the loan request on a resource page, and the loan's next action on the loan page,
are within the first screen. On every main page, each control (button, field, menu, tab, page
link, post action) is at least 24 × 24 px, or stands alone in a 24 px circle (WCAG 2.5.8)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from tests.e2e.catalogue_fixtures import borrower  # noqa: F401 (a fixture)
from tests.e2e.test_journey import log_in

pytestmark = pytest.mark.e2e

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
SCREEN_HEIGHT = 844

# Controls a finger must hit; links inside running text are exempt (WCAG 2.5.8's "inline" exception).
TARGETS = ("button, input:not([type=hidden]), select, textarea, summary, a.button, nav a, .tabs a, .pager a, "
           ".post-actions a, .row-actions a, .page-links a")
UNDERSIZED = """(selector) => {
  const visible = (element) => { const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden'; };
  const targets = [...document.querySelectorAll(selector)].filter(visible);
  const boxes = targets.map((element) => element.getBoundingClientRect());
  const small = (box) => box.width < 24 || box.height < 23.5;
  const centre = (box) => [box.x + box.width / 2, box.y + box.height / 2];
  const distance = ([x, y], box) => Math.hypot(Math.max(box.left - x, 0, x - box.right),
                                               Math.max(box.top - y, 0, y - box.bottom));
  const failures = [];
  boxes.forEach((box, index) => {
    if (!small(box)) return;
    const point = centre(box);
    // The spacing exception: a 24 px circle on it meets no other target, nor another small one's circle.
    const crowded = boxes.some((other, j) => j !== index && !targets[j].contains(targets[index])
        && !targets[index].contains(targets[j])
        && (distance(point, other) < 12 || (small(other) && Math.hypot(point[0] - centre(other)[0],
                                                                       point[1] - centre(other)[1]) < 24)));
    if (crowded) {
      const element = targets[index];
      failures.push(`${element.tagName.toLowerCase()}.${element.className} « ${(element.innerText || element.value
        || element.name || '').trim().slice(0, 30)} » ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
  });
  return failures;
}"""


def _world(live_server, borrower):
    """A loan request from the borrower's member for the live server's fabrique's laser cutter."""
    from forum.accounts.models import User
    from forum.extensions import db
    from forum.fabriques.models import Fabrique
    from forum.resources.models import Resource
    from tests.conftest import make_thread
    from tests.resources.builders import TODAY, make_loan, make_resource

    with live_server.app.app_context():
        manager = db.session.execute(db.select(User).where(User.email == live_server.manager_email)).scalar_one()
        fabrique = db.session.execute(db.select(Fabrique).where(Fabrique.slug == live_server.fabrique_slug)).scalar_one()
        resource = make_resource(manager, fabrique, "Découpeuse laser 60 W", description="Pour le bois et le carton.\n\n"
                                 + "Une longue description, ligne après ligne.\n\n" * 8)
        member = db.session.execute(db.select(User).where(User.email == borrower.member_email)).scalar_one()
        loan = make_loan(member, db.session.get(Resource, resource.id), TODAY + timedelta(days=3),
                         TODAY + timedelta(days=5), message="Pour la fête du quartier.")
        from forum.threads.models import Category
        category = db.session.execute(db.select(Category).order_by(Category.position)).scalars().first()
        thread = make_thread(manager, category, "Un atelier de couture le samedi ?", "Qui en organise un ?")
        ids = (resource.id, loan.id, thread.id)
        db.session.remove()
    return ids


def test_on_a_phone_the_main_action_of_a_detail_page_is_in_the_first_screen(new_page, live_server, borrower,
                                                                           screenshot):
    resource_id, loan_id, _ = _world(live_server, borrower)
    member = new_page(**PHONE)
    log_in(member, borrower.member_email, live_server.password, borrower.member_name)
    member.goto(f"/ressources/{resource_id}")
    ask = member.get_by_role("link", name="Demander un prêt")
    expect(ask).to_be_visible()
    assert ask.bounding_box()["y"] + ask.bounding_box()["height"] <= SCREEN_HEIGHT
    screenshot(member, "phone-resource-page")
    ask.click()
    expect(member.get_by_role("heading", name="Demander un prêt")).to_be_in_viewport()

    manager = new_page(**PHONE)
    log_in(manager, live_server.manager_email, live_server.password, live_server.manager_name)
    manager.goto(f"/prets/{loan_id}")
    accept = manager.get_by_role("button", name="Accepter")
    assert accept.bounding_box()["y"] + accept.bounding_box()["height"] <= SCREEN_HEIGHT
    screenshot(manager, "phone-loan-page")
    accept.click()
    expect(manager.locator(".flashes")).to_contain_text("accepté")
    # Before the first day, « prêté » asks to confirm first; the confirmation is at the top too.
    manager.get_by_role("button", name="Marquer comme prêté (retiré)").click()
    confirm = manager.get_by_role("button", name="Oui, il est retiré aujourd'hui")
    assert confirm.bounding_box()["y"] + confirm.bounding_box()["height"] <= SCREEN_HEIGHT
    confirm.click()
    expect(manager.locator(".flashes")).to_contain_text("prêté")


def test_every_control_of_the_main_pages_is_a_touch_target(new_page, live_server, borrower):
    resource_id, loan_id, thread_id = _world(live_server, borrower)
    page = new_page(**PHONE)
    log_in(page, live_server.manager_email, live_server.password, live_server.manager_name)
    pages = ["/", f"/sujets/{thread_id}", "/sujets/nouveau", "/ressources", f"/ressources/{resource_id}",
             f"/prets/{loan_id}", "/prets", "/pratiques", "/fabriques", f"/fabriques/{live_server.fabrique_slug}",
             "/notifications", "/messagerie", "/recherche?q=atelier"]
    failures = {}
    for url in pages:
        page.goto(url)
        # Folded filters and panels: their controls count too (the menu, which covers the page, apart).
        page.evaluate("document.querySelectorAll('details:not(.nav-menu)').forEach((d) => { d.open = true; })")
        found = page.evaluate(UNDERSIZED, TARGETS)
        if found:
            failures[url] = found
    page.goto("/")
    page.locator("details.nav-menu > summary").click()
    menu = page.evaluate(UNDERSIZED, ".nav-menu-list a, .nav-menu-list button, .nav-menu > summary")
    if menu:
        failures["menu"] = menu
    assert failures == {}
