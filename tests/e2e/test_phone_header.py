"""The header on a phone: the forum's name, the bell, « Menu » and the search, in two short lines;
the links in the menu. On a wide screen the links show and the menu does not."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.conftest import make_user
from tests.e2e.test_journey import log_in, nav

pytestmark = pytest.mark.e2e

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
MEMBER_EMAIL, MEMBER_NAME = "ines.moreau@exemple.fr", "Inès Moreau"


def _header_height(page) -> float:
    return page.locator("header.site-header").bounding_box()["height"]


def test_the_phone_header_is_compact_and_its_menu_holds_the_links(new_page, live_server, screenshot):
    with live_server.app.app_context():
        make_user(MEMBER_EMAIL, MEMBER_NAME)
    visitor = new_page(**PHONE)
    visitor.goto("/")
    assert _header_height(visitor) <= 110, _header_height(visitor)  # was 261 px, in five lines
    expect(nav(visitor).get_by_role("link", name="Catalogue")).to_have_count(0)  # folded
    nav(visitor).get_by_text("Menu").click()
    expect(nav(visitor).get_by_role("link", name="Catalogue")).to_be_visible()
    expect(nav(visitor).get_by_role("link", name="Se connecter")).to_be_visible()

    member = new_page(**PHONE)
    log_in(member, MEMBER_EMAIL, live_server.password, MEMBER_NAME)
    member.goto("/")
    assert _header_height(member) <= 110, _header_height(member)
    expect(nav(member).get_by_role("link", name="0 notification non lue")).to_be_visible()  # the bell stays out
    expect(nav(member).get_by_role("searchbox")).to_be_visible()
    nav(member).get_by_text("Menu").click()
    for name in ("Discussions", "Fabriques", "Retours d'expérience", "Catalogue", "Messages", "Favoris",
                 MEMBER_NAME):
        expect(nav(member).get_by_role("link", name=name, exact=True)).to_be_visible()
    expect(nav(member).get_by_role("button", name="Se déconnecter")).to_be_visible()
    box = nav(member).get_by_role("link", name="Messages").bounding_box()
    assert box["height"] >= 24  # a touch target (WCAG 2.5.8)
    screenshot(member, "phone-header-menu-open")
    nav(member).get_by_role("link", name="Messages").click()
    expect(member.get_by_role("heading", name="Messages privés")).to_be_visible()

    wide = new_page(viewport={"width": 1280, "height": 900})
    wide.goto("/")
    expect(nav(wide).get_by_text("Menu")).to_be_hidden()
    expect(nav(wide).get_by_role("link", name="Catalogue")).to_be_visible()


LIST_PAGES = ["/ressources", "/fabriques", "/pratiques", "/recherche?q=atelier"]


def test_on_a_phone_each_list_shows_its_first_result_first(new_page, live_server, screenshot):
    """At 390 × 844 the first result of each list is in the first screen: the filters fold behind
    « Filtrer », which opens them."""
    from forum.extensions import db
    from forum.fabriques.models import Fabrique
    from forum.threads.models import Category
    from tests.conftest import make_thread
    from tests.practices.builders import make_practice
    from tests.resources.builders import make_resource

    with live_server.app.app_context():
        fabrique = db.session.execute(db.select(Fabrique)).scalar_one()
        from forum.accounts.models import User

        manager = db.session.execute(db.select(User).where(User.email == live_server.manager_email)).scalar_one()
        category = db.session.execute(db.select(Category).order_by(Category.position)).scalars().first()
        make_resource(manager, fabrique, "Atelier mobile de réparation")
        make_practice(manager, [category.id], title="Un atelier vélo au café associatif")
        make_thread(manager, category, "Un atelier de couture le samedi ?", "Qui en organise un ?")
        db.session.remove()
    page = new_page(**PHONE)
    for url in LIST_PAGES:
        page.goto(url)
        first = page.locator(".card-grid > li, li.search-hit").first
        expect(first, f"no result on {url}").to_be_visible()
        top = first.bounding_box()["y"]
        assert top < 844, f"{url}: the first result starts at {top:.0f} px"
        screenshot(page, "phone-list-" + url.strip("/").split("?")[0])
    toggle = page.locator("summary.filters-toggle").first
    toggle.click()
    expect(page.get_by_label("Publié à partir du")).to_be_visible()
