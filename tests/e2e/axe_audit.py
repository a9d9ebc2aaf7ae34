"""axe-core in the browser tests: the WCAG 2.1 A and AA rules (and axe's best practices) run over a page
as a person sees it.

axe-core comes with the PyPI package ``axe-playwright-python`` (its bundled axe.min.js). The script
is run through ``page.evaluate`` (the DevTools protocol), which the site's strict
Content-Security-Policy does not block: the pages are checked with their real CSP on.

An ``Audit`` visits many pages, in one browser context per reader (language, width, who), and remembers
every violation, so that one run lists all of them, each with its reader, page, rule, target and help;
``assert_clean`` fails with that list. One server and one seed serve every reader of a test module.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass, field

from axe_playwright_python.sync_playwright import Axe

# The WCAG 2.1 A and AA rules, and axe's best practices: among them the order of headings, one <h1>
# per page, landmarks each named apart, which WCAG leaves to judgement.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RULE_TAGS = [*WCAG_TAGS, "best-practice"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": RULE_TAGS}, "resultTypes": ["violations"]}
TILE_HOST = "https://tile.openstreetmap.org"
PHONE = {"width": 390, "height": 844}
# Who reads: French and English (the browser's Accept-Language), on a laptop and on a phone.
READERS = [(locale, width) for locale in ("fr-FR", "en-GB") for width in (1280, 390)]
DESKTOP = {"width": 1280, "height": 800}

_axe = Axe()


def violations(page) -> list[dict]:
    """axe-core's violations of the WCAG 2.1 A and AA rules and best practices on the page as it is now."""
    return _axe.run(page, options=AXE_OPTIONS).response["violations"]


def describe(where: str, found: list[dict]) -> list[str]:
    """One line per element at fault: page, rule id, impact, target, help (and axe's summary of what fails)."""
    lines = []
    for violation in found:
        for node in violation["nodes"]:
            target = " ".join(" > ".join(part) if isinstance(part, list) else part for part in node["target"])
            summary = " ".join((node.get("failureSummary") or "").split())
            lines.append(f"{where}: {violation['id']} [{violation['impact']}] on {target}: {violation['help']} "
                         f"({violation['helpUrl']}). {summary}")
    return lines


@dataclass
class Audit:
    """Checks pages one after another, in one browser context per reader (``read_as``); ``assert_clean``
    at the end lists every violation found, whoever met it."""

    page: object = None
    label: str = ""
    checked: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def read_as(self, page, label: str) -> None:
        self.page, self.label = page, label

    def visit(self, path: str, name: str, expect_status: int = 200, ready: str | None = None) -> None:
        """Open ``path`` and check it once loaded (and once ``ready``, a selector, shows: a map's markers)."""
        response = self.page.goto(path)
        assert response is not None and response.status == expect_status, \
            f"{name} ({path}) answered {response.status if response else 'nothing'}, not {expect_status}"
        self.page.wait_for_load_state("load")
        if ready:
            self.page.locator(ready).first.wait_for()
        self.check(name)

    def check(self, name: str) -> None:
        """Run axe over the page as it is now (after a click that changed it, say)."""
        self.checked.append(f"{self.label} · {name}")
        where = f"{self.label} · {name} ({self.page.url})"
        # The page is in its reader's language (the browser's): an English check reads English.
        page_language, reader_language = self.page.evaluate("[document.documentElement.lang, navigator.language]")
        if page_language != reader_language.split("-")[0]:
            self.problems.append(f"{where}: a page in {page_language!r} for a {reader_language} reader")
        self.problems.extend(describe(where, violations(self.page)))

    def assert_clean(self) -> None:
        assert not self.problems, (f"{len(self.problems)} accessibility violation(s) (axe-core: WCAG 2.1 A/AA, "
                                   f"best practices) over {len(self.checked)} checks:\n" + "\n".join(self.problems))


def _plain_tile() -> bytes:
    """A 256 px beige PNG standing for an OpenStreetMap tile (the tests never reach the Internet)."""
    row = b"\x00" + b"\xf2\xee\xe4" * 256

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 256, 256, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(row * 256))
            + chunk(b"IEND", b""))


TILE = _plain_tile()


def open_reader(new_page, locale: str, width: int):
    """A browser context for one reader: language (the browser's Accept-Language) and screen width;
    the map's tiles answered locally."""
    viewport = PHONE if width == PHONE["width"] else {**DESKTOP, "width": width}
    page = new_page(locale=locale, viewport=viewport)
    page.route(f"{TILE_HOST}/**", lambda route: route.fulfill(status=200, content_type="image/png", body=TILE))
    return page


def sign_in(page, email: str, password: str) -> None:
    """Log in through the form, found by its fields' names (the labels change with the language)."""
    page.goto("/connexion")
    page.locator("main input[name=email]").fill(email)
    page.locator("main input[name=password]").fill(password)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(lambda url: "/connexion" not in url)


# Each field marked invalid, with the texts its aria-describedby names (None for an id not on the page).
INVALID_FIELDS = """() => Array.from(document.querySelectorAll("[aria-invalid=true]")).map(field => ({
    name: field.getAttribute("name"),
    described: (field.getAttribute("aria-describedby") || "").split(" ").filter(Boolean).map(id => {
        const element = document.getElementById(id);
        return element ? element.textContent.trim() : null;
    })
}))"""


def assert_errors_announced(page) -> None:
    """A form sent back with errors: its summary is an alert, each field in error is aria-invalid and
    names its error message(s) through aria-describedby."""
    assert page.locator(".form-errors[role=alert]").count() == 1, "the errors' summary is not a role=alert"
    fields = page.evaluate(INVALID_FIELDS)
    assert fields, "no field is marked aria-invalid"
    for invalid in fields:
        assert invalid["described"] and all(invalid["described"]), \
            f"the field {invalid['name']} does not point at its error message: {invalid}"


def open_phone_menu(page) -> bool:
    """On a phone, open the header's « Menu » (its links are hidden until then); False on a wide screen."""
    menu = page.locator("details.nav-menu")
    if not menu.is_visible():
        return False
    if menu.get_attribute("open") is None:
        menu.locator("summary").click()
    return True
