"""The map of the fabriques in a real Chromium: Leaflet from /static, markers, popups, strict CSP.

The OpenStreetMap tile server is never contacted: its requests are answered by a plain
local tile, so the test runs offline and the CSP check (img-src) still applies to them.
"""

from __future__ import annotations

import re
import struct
import zlib

import pytest
from playwright.sync_api import expect

from forum.core.database import write_intent
from forum.extensions import db
from forum.resources.models import Resource, ResourceKind
from tests.conftest import make_fabrique, make_user

pytestmark = pytest.mark.e2e

TILE_HOST = "https://tile.openstreetmap.org"
TRICKY_NAME = "Atelier <b>gras</b> & Cie"
LOCATED = {
    # name: (territory, department, city, latitude, longitude, shared, paused)
    "Atelier du Bourg": ("rural", "23", "Guéret", 46.17, 1.87, 2, 1),
    "Bricothèque des Tours": ("qpv", "93", "Bobigny", 48.91, 2.44, 1, 0),
    "Comptoir du Port": ("urbain", "13", "Marseille", 43.30, 5.37, 0, 2),
    TRICKY_NAME: ("urbain", "69", "Lyon", 45.76, 4.84, 0, 0),
}


def _tile_png(size: int = 256) -> bytes:
    """A plain beige tile with a thin border, so the tiles are visible in the screenshot."""
    fill, line = b"\xf2\xee\xe4", b"\xd9\xd3\xc4"
    inner = b"\x00" + line + fill * (size - 1)
    rows = b"\x00" + line * size + inner * (size - 1)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


@pytest.fixture
def mapped(live_server):
    """The seeded fabrique (no coordinates) plus four fabriques on the map, with resources."""
    with live_server.app.app_context():
        for number, (name, (territory, department, city, lat, lng, shared, paused)) in enumerate(LOCATED.items()):
            manager = make_user(f"carte{number}@exemple.fr", f"Responsable {number}")
            fabrique = make_fabrique(manager, name, department, territory, ["fablab"], city=city,
                                     latitude=lat, longitude=lng)
            with write_intent():
                for index in range(shared + paused):
                    db.session.add(Resource(fabrique_id=fabrique.id, kind=ResourceKind.EQUIPMENT,
                                            name=f"Scie {index}", category="outillage", paused=index >= shared))
                db.session.commit()
        db.session.remove()
    return live_server


@pytest.fixture
def tiles(page):
    """Answer the tile requests locally; remember the Referer each one carried."""
    referers: list[str | None] = []
    png = _tile_png()

    def fulfil(route, request):
        referers.append(request.all_headers().get("referer"))
        route.fulfill(status=200, content_type="image/png", body=png)

    page.route(f"{TILE_HOST}/**", fulfil)
    return referers


def open_popup(page, name: str):
    """Click the marker of ``name``; its popup (another one may still be fading out)."""
    page.locator(".leaflet-marker-icon").and_(page.locator(f'[title="{name}"]')).click()
    popup = page.locator(".leaflet-popup-content").filter(has_text=name)
    expect(popup).to_be_visible()
    page.wait_for_function(  # the end of Leaflet's fade-in, for a true screenshot
        "() => [...document.querySelectorAll('.leaflet-popup')].some(p => getComputedStyle(p).opacity === '1')")
    return popup


def test_map_shows_markers_and_popups(page, mapped, tiles, console, screenshot):
    page.goto("/fabriques")
    page.get_by_role("link", name="Voir la carte").click()
    expect(page).to_have_url(f"{mapped.url}/fabriques/carte")
    expect(page.get_by_role("heading", name="Carte des fabriques", level=1)).to_be_visible()

    expect(page.locator("#map.leaflet-container")).to_be_visible()
    expect(page.locator(".map-fallback")).to_have_count(0)
    markers = page.locator(".leaflet-marker-icon")
    expect(markers).to_have_count(len(LOCATED))
    expect(page.locator(".leaflet-tile-loaded").first).to_be_visible()
    # Leaflet's default marker image comes from /static/vendor/leaflet/images and did load.
    icon = page.locator('.leaflet-marker-icon[title="Atelier du Bourg"]')
    assert "/static/vendor/leaflet/images/marker-icon" in icon.get_attribute("src")
    assert icon.evaluate("img => img.complete && img.naturalWidth > 0")
    assert "map-marker-rural" in icon.get_attribute("class")
    expect(page.locator(".leaflet-control-attribution")).to_contain_text("© les contributeurs d'OpenStreetMap")

    popup = open_popup(page, "Atelier du Bourg")
    expect(popup.get_by_role("link", name="Atelier du Bourg")).to_have_attribute(
        "href", re.compile(r"^/fabriques/atelier-du-bourg$"))
    expect(popup).to_contain_text("Rural")
    expect(popup).to_contain_text("Guéret, Creuse (23)")
    expect(popup).to_contain_text("2 ressources partagées")
    screenshot(page, "map-01-carte-popup")

    expect(open_popup(page, "Comptoir du Port")).to_contain_text("0 ressource partagée")  # paused: not counted
    popup = open_popup(page, "Bricothèque des Tours")
    expect(popup).to_contain_text("QPV (quartier prioritaire)")
    expect(popup).to_contain_text("1 ressource partagée")

    # A name from a user is text in the popup, never markup.
    popup = open_popup(page, TRICKY_NAME)
    expect(popup.get_by_role("link")).to_have_text(TRICKY_NAME)
    expect(popup.locator("b")).to_have_count(0)

    popup.get_by_role("link", name=TRICKY_NAME).click()
    expect(page.get_by_role("heading", name=TRICKY_NAME, level=1)).to_be_visible()

    # The fabrique without coordinates is listed under the map; the tiles got an origin Referer.
    page.go_back()
    expect(page.locator(".map-unlocated")).to_contain_text(mapped.fabrique_name)
    assert tiles and all(referer == f"{mapped.url}/" for referer in tiles), tiles[:3]
    assert not console.csp_violations and not console.page_errors


def test_map_on_a_phone(new_page, mapped, console, screenshot):
    page = new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page.route(f"{TILE_HOST}/**", lambda route: route.fulfill(status=200, content_type="image/png",
                                                              body=_tile_png()))
    page.goto("/fabriques/carte")
    expect(page.locator(".leaflet-marker-icon")).to_have_count(len(LOCATED))
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, width
    screenshot(page, "map-02-carte-mobile")


def test_map_without_javascript_still_lists_the_fabriques(new_page, mapped, screenshot):
    page = new_page(java_script_enabled=False)
    page.goto("/fabriques/carte")
    expect(page.locator(".map-fallback")).to_contain_text("La carte a besoin de JavaScript")
    page.locator(".map-list summary").click()
    for name in LOCATED:
        expect(page.locator(".map-list").get_by_role("link", name=name, exact=True)).to_be_visible()
    expect(page.locator(".map-unlocated").get_by_role("link", name=mapped.fabrique_name)).to_be_visible()
    screenshot(page, "map-03-carte-sans-javascript")
