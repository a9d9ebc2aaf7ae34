"""The site with the keyboard alone, in a real Chromium: no click, only Tab, Shift+Tab, Enter, Space and typing.

A member signs in, replies to a thread and asks to borrow a resource; the lending fabrique's manager, on
another computer, accepts the loan. At every control the focus lands on, the focus must be visible (an
outline or a box-shadow drawn by :focus-visible) and the order logical: the « Aller au contenu » link
first, then the header, then the page's content, then the footer, and no positive tabindex anywhere.
The map's markers and clusters are reached and opened with the keyboard too.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from forum.accounts.models import User
from forum.core.dates import today_in_france
from forum.extensions import db
from forum.fabriques.models import Fabrique
from forum.threads.models import Category
from tests.conftest import make_fabrique, make_thread, make_user
from tests.e2e.axe_audit import TILE, TILE_HOST
from tests.e2e import catalogue_fixtures
from tests.resources.builders import make_resource

pytestmark = pytest.mark.e2e
borrower = catalogue_fixtures.borrower

THREAD_TITLE = "Un atelier couture au tiers-lieu : par où commencer ?"
REPLY = "Nous avons commencé avec deux machines données par des habitantes."
ITEM = "Brodeuse numérique"
REQUEST_MESSAGE = "Pour l'atelier textile des vacances."
START = today_in_france() + timedelta(days=4)
END = START + timedelta(days=2)

# What the focused element is, and whether its focus shows.
FOCUSED = """() => {
    const element = document.activeElement;
    if (!element || element === document.body) { return null; }
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== "none" && style.boxShadow !== "";
    const region = element.matches(".skip-link") ? 0 : element.closest(".site-header") ? 1 : element.closest("main") ? 2
        : element.closest(".site-footer") ? 3 : -1;
    const text = (element.getAttribute("aria-label") || element.getAttribute("alt") || element.innerText
                  || element.value || "").trim().replace(/\\s+/g, " ").slice(0, 60);
    return {tag: element.tagName.toLowerCase(), name: element.getAttribute("name") || "",
            href: element.getAttribute("href") || "", classes: element.className || "", text, region,
            visible: outline || shadow, role: element.getAttribute("role") || "",
            focus: `outline ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}; shadow ${style.boxShadow}`};
}"""
POSITIVE_TABINDEX = "() => document.querySelectorAll('[tabindex]:not([tabindex=\"0\"]):not([tabindex=\"-1\"])').length"
REGIONS = {0: "skip link", 1: "header", 2: "main", 3: "footer", -1: "elsewhere"}


def shown(info: dict) -> str:
    return f"<{info['tag']} {info['name'] or info['href'] or info['classes']}> « {info['text']} » ({REGIONS[info['region']]})"


class Keyboard:
    """Moves through a page with the keyboard, checking each control the focus reaches."""

    def __init__(self, page: Page):
        self.page = page
        self.path: list[dict] = []  # the focused controls since the page loaded

    def loaded(self) -> None:
        """A new page: its order is checked from its start."""
        self.page.wait_for_load_state("load")
        assert self.page.evaluate(POSITIVE_TABINDEX) == 0, f"a positive tabindex on {self.page.url}"
        self.path = []

    def focused(self) -> dict:
        info = self.page.evaluate(FOCUSED)
        assert info is not None, f"nothing has the focus on {self.page.url}"
        return info

    def press(self, key: str) -> dict:
        self.page.keyboard.press(key)
        info = self.focused()
        assert info["visible"], f"the focus does not show on {shown(info)} ({info['focus']}) at {self.page.url}"
        self.path.append(info)
        return info

    def tab_to(self, wanted, what: str, limit: int = 80, key: str = "Tab") -> dict:
        """Tab until the focused control is ``wanted`` (a predicate on FOCUSED's answer); the regions the
        focus went through come in reading order."""
        for _ in range(limit):
            info = self.press(key)
            if wanted(info):
                self.assert_logical_order(backwards=key == "Shift+Tab")
                return info
        raise AssertionError(f"{what}: not reached after {limit} presses of {key} on {self.page.url}; focus went "
                             "through:\n" + "\n".join(shown(info) for info in self.path[-limit:]))

    def assert_logical_order(self, backwards: bool = False) -> None:
        regions = [info["region"] for info in self.path]
        assert regions == sorted(regions, reverse=backwards), \
            f"focus order out of reading order on {self.page.url}:\n" + "\n".join(shown(info) for info in self.path)

    def activate(self, key: str = "Enter") -> None:
        """Press the focused link or button (Enter, or Space for a button): a new page loads."""
        with self.page.expect_navigation():
            self.page.keyboard.press(key)
        self.loaded()

    def follow(self, wanted, what: str, key: str = "Tab") -> None:
        """Tab (or Shift+Tab) to a link or a button, and press Enter on it."""
        self.tab_to(wanted, what, key=key)
        self.activate()

    def skip_to_content(self) -> None:
        """The first Tab of a page reaches « Aller au contenu »; Enter on it moves on to the content."""
        first = self.press("Tab")
        assert "skip-link" in first["classes"], f"the first Tab reaches {shown(first)}, not the skip link"
        self.page.keyboard.press("Enter")
        self.path = []


def link_to(pattern: str):
    return lambda info: info["tag"] == "a" and re.search(pattern, info["href"]) is not None


def field(name: str):
    return lambda info: info["name"] == name


def button(text: str):
    return lambda info: info["tag"] == "button" and info["text"] == text


def type_date(keys: Keyboard, when) -> None:
    """Type a date into the focused date field, its parts in the order the field shows them: Chromium
    follows its own language there, not the page's (jj/mm/aaaa or mm/dd/yyyy). A first date tells
    which; Shift+Tab goes back to its first part, and the real date is typed over it."""
    keys.page.keyboard.type("01022030")
    day_first = keys.page.evaluate("() => document.activeElement.value") == "2030-02-01"
    keys.press("Shift+Tab")
    keys.press("Shift+Tab")
    keys.page.keyboard.type(when.strftime("%d%m%Y" if day_first else "%m%d%Y"))


def sign_in(keys: Keyboard, email: str, password: str) -> None:
    """From any page: the skip link first, the header's links next, « Se connecter », the form."""
    first = keys.press("Tab")
    assert "skip-link" in first["classes"], f"the first Tab reaches {shown(first)}, not the skip link"
    second = keys.press("Tab")
    assert second["region"] == 1 and "brand" in second["classes"], f"then {shown(second)}, not the site's name"
    keys.follow(link_to(r"^/connexion"), "the « Se connecter » link")
    # The e-mail field has the focus as the page opens.
    expect(keys.page.locator("main input[name=email]")).to_be_focused()
    keys.page.keyboard.type(email)
    keys.press("Tab")
    assert keys.focused()["name"] == "password"
    keys.press("Shift+Tab")
    assert keys.focused()["name"] == "email", "Shift+Tab goes back to the e-mail field"
    keys.press("Tab")
    keys.page.keyboard.type(password)
    keys.tab_to(button("Se connecter"), "the form's button")
    keys.activate()
    expect(keys.page.locator(".flashes")).to_contain_text("Bonjour")


@pytest.fixture
def lending(live_server, borrower):
    """The lender's manager lists a resource and asks a question in the forum."""
    with live_server.app.app_context():
        manager = db.session.execute(db.select(User).where(User.email == live_server.manager_email)).scalar_one()
        fabrique = db.session.execute(db.select(Fabrique).where(Fabrique.slug == live_server.fabrique_slug)).scalar_one()
        category = db.session.execute(db.select(Category).order_by(Category.position)).scalars().first()
        item = make_resource(manager, fabrique, ITEM, max_loan_days=14)
        thread = make_thread(manager, category, THREAD_TITLE, "Nous voulons ouvrir un atelier couture le mercredi.")
        ids = {"resource": item.id, "thread": thread.id}
        db.session.remove()
    return ids


def test_sign_in_reply_borrow_and_accept_with_the_keyboard_alone(new_page, live_server, borrower, lending,
                                                                   screenshot):
    member = new_page()
    keys = Keyboard(member)
    member.goto("/")
    keys.loaded()
    sign_in(keys, borrower.member_email, live_server.password)

    # -- Replies to the thread, from the home page's list --------------------------------------------
    keys.skip_to_content()
    keys.follow(link_to(rf"^/sujets/{lending['thread']}(/|$)"), "the thread's title")
    expect(member.get_by_role("heading", name=THREAD_TITLE, level=1)).to_be_visible()
    keys.skip_to_content()
    keys.tab_to(field("body"), "the reply's text")
    member.keyboard.type(REPLY)
    keys.tab_to(button("Publier la réponse"), "« Publier la réponse »")
    screenshot(member, "clavier-01-reponse-focus")
    keys.activate()
    expect(member.locator("ol.posts > li.post").last).to_contain_text(REPLY)

    # -- Asks to borrow the resource, through the header's « Catalogue » -----------------------------
    # The page opened at the new reply: back up to the header with Shift+Tab.
    keys.path = []
    keys.follow(link_to(r"^/ressources$"), "the header's « Catalogue »", key="Shift+Tab")
    keys.skip_to_content()
    keys.follow(link_to(rf"^/ressources/{lending['resource']}$"), "the resource's card")
    expect(member.get_by_role("heading", name=ITEM, level=1)).to_be_visible()
    keys.skip_to_content()
    keys.tab_to(field("start_date"), "« Du »")
    type_date(keys, START)
    keys.tab_to(field("end_date"), "« Au (inclus) »")
    type_date(keys, END)
    expect(member.locator("input[name=start_date]")).to_have_value(START.isoformat())
    expect(member.locator("input[name=end_date]")).to_have_value(END.isoformat())
    keys.tab_to(field("message"), "the message")
    member.keyboard.type(REQUEST_MESSAGE)
    keys.tab_to(button("Envoyer la demande"), "« Envoyer la demande »")
    screenshot(member, "clavier-02-demande-focus")
    keys.activate("Space")  # a button answers Space as well as Enter
    expect(member.locator(".flashes")).to_be_visible()
    with live_server.app.app_context():
        from forum.resources.models import Loan

        loan_id = db.session.execute(db.select(Loan.id).where(Loan.resource_id == lending["resource"])).scalar_one()
        db.session.remove()

    # -- The manager, on another computer, accepts it ------------------------------------------------
    manager = new_page()
    boss = Keyboard(manager)
    manager.goto("/")
    boss.loaded()
    sign_in(boss, live_server.manager_email, live_server.password)
    boss.follow(link_to(r"^/prets$"), "the header's « Prêts »")
    boss.skip_to_content()
    boss.follow(link_to(rf"^/prets/{loan_id}$"), "the loan in the list")
    expect(manager.locator("main")).to_contain_text(REQUEST_MESSAGE)
    boss.skip_to_content()
    boss.tab_to(button("Accepter"), "« Accepter »")
    screenshot(manager, "clavier-03-accepter-focus")
    boss.activate()
    expect(manager.locator(".flashes")).to_contain_text("accepté")


def test_map_markers_and_clusters_by_keyboard(new_page, live_server, screenshot):
    """Tab reaches each marker (a button named after its fabrique) and each cluster (« n fabriques
    proches »); Enter opens a marker's popup and spreads a cluster. The list stays below the map."""
    with live_server.app.app_context():
        for number, (name, city, lat, lng) in enumerate((
                ("Atelier du Bourg", "Guéret", 46.17, 1.87),
                ("Bricothèque des Tours", "Bobigny", 48.91, 2.44),
                ("Comptoir de Pantin", "Pantin", 48.894, 2.409))):
            manager = make_user(f"carte{number}@exemple.fr", f"Responsable Carte {number}")
            make_fabrique(manager, name, "23" if number == 0 else "93", "rural" if number == 0 else "qpv", ["fablab"],
                          city=city, latitude=lat, longitude=lng)
        db.session.remove()

    page = new_page()
    page.route(f"{TILE_HOST}/**", lambda route: route.fulfill(status=200, content_type="image/png", body=TILE))
    keys = Keyboard(page)
    page.goto("/fabriques/carte")
    keys.loaded()
    page.locator("#map .leaflet-marker-icon").first.wait_for()
    keys.skip_to_content()

    marker = keys.tab_to(
        lambda info: "leaflet-marker-icon" in info["classes"] and "marker-cluster" not in info["classes"], "a marker")
    # Named after the fabrique and its territory (the marker's colour is not the only one to say it).
    assert marker["role"] == "button" and marker["text"] == "Atelier du Bourg (Rural)", shown(marker)
    screenshot(page, "clavier-04-carte-marqueur-focus")
    page.keyboard.press("Enter")
    popup = page.locator("#map .leaflet-popup")
    expect(popup).to_be_visible()
    expect(popup.get_by_role("link", name="Atelier du Bourg")).to_be_visible()

    # The two fabriques of Seine-Saint-Denis, a few kilometres apart, share a cluster at this zoom.
    cluster = keys.tab_to(lambda info: "marker-cluster" in info["classes"], "the cluster")
    assert cluster["role"] == "button" and cluster["text"].startswith("2 fabriques proches"), shown(cluster)
    page.keyboard.press("Enter")
    expect(page.locator("#map .leaflet-marker-icon[title='Bricothèque des Tours']")).to_be_visible()
    expect(page.locator("#map .leaflet-marker-icon[title='Comptoir de Pantin']")).to_be_visible()

    # The zoom buttons, named in French (Leaflet's own names are English).
    zoom_in = keys.tab_to(lambda info: "leaflet-control-zoom-in" in info["classes"], "the zoom button")
    assert zoom_in["text"] == "Zoom avant", shown(zoom_in)
    assert keys.press("Tab")["text"] == "Zoom arrière"

    # The list alternative, after the map: « Les 3 fabriques de la carte, en liste », opened with Enter.
    summary = keys.tab_to(lambda info: info["tag"] == "summary", "the list under the map")
    assert "en liste" in summary["text"]
    page.keyboard.press("Enter")
    keys.tab_to(link_to(r"^/fabriques/"), "the first fabrique of the list")


def test_phone_menu_by_keyboard(new_page, live_server, screenshot):
    """On a phone the header's links fold into « Menu »: Tab reaches it after the site's name, Space opens
    it, and its links take the focus next, each visibly."""
    page = new_page(viewport={"width": 390, "height": 844})
    keys = Keyboard(page)
    page.goto("/")
    keys.loaded()
    assert "skip-link" in keys.press("Tab")["classes"]
    assert "brand" in keys.press("Tab")["classes"]
    menu = keys.press("Tab")
    assert menu["tag"] == "summary" and menu["region"] == 1, shown(menu)
    page.keyboard.press("Space")
    expect(page.locator("details.nav-menu")).to_have_attribute("open", "")
    first = keys.press("Tab")
    assert first["href"] == "/" and first["region"] == 1, shown(first)
    screenshot(page, "clavier-05-menu-telephone-focus")
    keys.tab_to(link_to(r"^/connexion"), "« Se connecter » in the menu")
    keys.activate()
    expect(page.locator("main input[name=email]")).to_be_focused()
