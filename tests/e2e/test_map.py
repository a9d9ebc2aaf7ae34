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


# -- Overseas insets, clusters, the directory's filters both ways (issue 15) ---------------------

NBSP = "\u00a0"
OVERSEAS = {
    # name: (territory, department, city, latitude, longitude)
    "La Case à Savoirs": ("qpv", "974", "Saint-Denis", -20.892, 55.465),
    "La Boussole": ("urbain", "972", "Fort-de-France", 14.607, -61.068),
}
NEIGHBOURS = {  # two fabriques in the same town, 600 m apart
    "L'Archipel Numérique": ("urbain", "35", "Rennes", 48.112, -1.672),
    "Le Relais Nord": ("qpv", "35", "Rennes", 48.117, -1.677),
}


def _add_fabriques(live_server, fabriques: dict, prefix: str) -> None:
    with live_server.app.app_context():
        for number, (name, (territory, department, city, lat, lng)) in enumerate(fabriques.items()):
            manager = make_user(f"{prefix}{number}@exemple.fr", f"Responsable {prefix} {number}")
            make_fabrique(manager, name, department, territory, ["mediation_numerique"], city=city,
                          latitude=lat, longitude=lng)
        db.session.remove()


@pytest.fixture
def overseas(mapped):
    _add_fabriques(mapped, OVERSEAS, "outremer")
    return mapped


@pytest.fixture
def neighbours(mapped):
    _add_fabriques(mapped, NEIGHBOURS, "voisin")
    return mapped


def _local_tiles(page) -> None:
    page.route(f"{TILE_HOST}/**", lambda route: route.fulfill(status=200, content_type="image/png",
                                                              body=_tile_png()))


def _settled(page) -> None:
    """Wait for the end of Leaflet's animations (popup fade, cluster zoom), for true screenshots and boxes."""
    page.wait_for_function("() => document.getAnimations().length === 0")


def _inside(inner: dict, outer: dict, slack: float = 1) -> bool:
    return (inner["x"] >= outer["x"] - slack and inner["y"] >= outer["y"] - slack
            and inner["x"] + inner["width"] <= outer["x"] + outer["width"] + slack
            and inner["y"] + inner["height"] <= outer["y"] + outer["height"] + slack)


def test_an_overseas_fabrique_has_its_inset(page, overseas, tiles, console, screenshot):
    page.goto("/fabriques/carte")
    main = page.locator("#map")
    # The main map frames the metropole: the overseas markers are not drawn there at first.
    expect(main.locator('.leaflet-marker-icon[title="Atelier du Bourg"]')).to_be_visible()
    expect(main.locator('.leaflet-marker-icon[title="La Case à Savoirs"]')).to_have_count(0)

    insets = page.get_by_role("region", name="Outre-mer")
    expect(insets).to_be_visible()
    expect(insets.get_by_role("heading", name="Outre-mer", level=2)).to_be_visible()
    reunion = page.get_by_role("region", name=f"Carte des fabriques{NBSP}: La Réunion")
    martinique = page.get_by_role("region", name=f"Carte des fabriques{NBSP}: Martinique")
    expect(reunion).to_have_class(re.compile(r"\bleaflet-container\b"))
    expect(page.locator(".map-inset figcaption").first).to_contain_text("Martinique")  # regions' order
    expect(page.locator(".map-inset figcaption").nth(1)).to_contain_text("La Réunion · 1 fabrique")
    expect(martinique.locator(".leaflet-marker-icon")).to_have_count(1)
    expect(reunion.locator(".leaflet-tile-loaded").first).to_be_visible()
    expect(reunion.locator(".leaflet-control-attribution")).to_contain_text("© OpenStreetMap")

    # Its marker opens its popup, inside the small map.
    marker = reunion.locator('.leaflet-marker-icon[title="La Case à Savoirs"]')
    expect(marker).to_be_visible()
    marker.click()
    popup = reunion.locator(".leaflet-popup-content")
    expect(popup).to_contain_text("La Case à Savoirs")
    expect(popup).to_contain_text("Saint-Denis, La Réunion (974)")
    _settled(page)
    assert _inside(page.locator("#carte-04 .leaflet-popup").bounding_box(), reunion.bounding_box(), slack=2)
    screenshot(page, "map-04-outre-mer-1280")

    # By keyboard too: the Martinique marker takes the focus and Enter opens it.
    martinique.locator(".leaflet-marker-icon").focus()
    page.keyboard.press("Enter")
    expect(martinique.locator(".leaflet-popup-content")).to_contain_text("La Boussole")
    # The popup pans its map into view (frame by frame, not a CSS animation): a click during the pan
    # lands on the map, which closes the popup. Click once the link stays in place.
    link = martinique.locator(".leaflet-popup-content").get_by_role("link", name="La Boussole")
    link.evaluate("""(element) => new Promise((resolve) => {
      let last = null, still = 0;
      const look = () => { const box = JSON.stringify(element.getBoundingClientRect());
        still = box === last ? still + 1 : 0; last = box;
        if (still >= 5) resolve(); else requestAnimationFrame(look); };
      look(); })""")
    link.click()
    expect(page.get_by_role("heading", name="La Boussole", level=1)).to_be_visible()
    assert not console.csp_violations and not console.page_errors


def test_a_filter_on_an_overseas_region_shows_it_on_the_main_map(page, overseas, tiles, console):
    page.goto("/fabriques?region=04")
    page.get_by_role("link", name="Voir la carte").click()
    expect(page).to_have_url(f"{overseas.url}/fabriques/carte?region=04")
    expect(page.get_by_text("La carte montre La Réunion.")).to_be_visible()
    main = page.get_by_role("region", name=f"Carte des fabriques{NBSP}: La Réunion")
    marker = main.locator('.leaflet-marker-icon[title="La Case à Savoirs"]')
    expect(marker).to_be_visible()
    assert _inside(marker.bounding_box(), main.bounding_box())
    expect(page.locator(".map-insets")).to_have_count(0)
    expect(page.locator("#map .leaflet-marker-icon")).to_have_count(1)


def test_fabriques_of_one_town_are_clustered_at_national_zoom(page, neighbours, tiles, console, screenshot):
    page.goto("/fabriques/carte")
    cluster = page.locator("#map .marker-cluster")
    expect(cluster).to_have_count(1)
    expect(cluster).to_have_text("2")
    expect(cluster).to_have_attribute("title", f"2 fabriques proches{NBSP}: agrandir")
    expect(cluster).to_have_attribute("aria-label", f"2 fabriques proches{NBSP}: agrandir")
    for name in NEIGHBOURS:
        expect(page.locator(f'#map .leaflet-marker-icon[title="{name}"]')).to_have_count(0)
    for name in LOCATED:  # the others stay single
        expect(page.locator(f'#map .leaflet-marker-icon[title="{name}"]')).to_be_visible()
    _settled(page)
    screenshot(page, "map-05-regroupement-1280")
    # The list under the map stays complete.
    page.locator(".map-list summary").click()
    for name in [*LOCATED, *NEIGHBOURS]:
        expect(page.locator(".map-list").get_by_role("link", name=name, exact=True)).to_be_visible()

    # A click zooms in until they are apart; each opens its popup.
    cluster.click()
    for name in NEIGHBOURS:
        expect(page.locator(f'#map .leaflet-marker-icon[title="{name}"]')).to_be_visible()
    expect(page.locator("#map .marker-cluster")).to_have_count(0)
    expect(open_popup(page, "Le Relais Nord")).to_contain_text("Rennes, Ille-et-Vilaine (35)")

    # By keyboard: the cluster takes the focus, Enter expands it.
    page.reload()
    cluster = page.locator("#map .marker-cluster")
    cluster.focus()
    page.keyboard.press("Enter")
    expect(page.locator('#map .leaflet-marker-icon[title="Le Relais Nord"]')).to_be_visible()
    assert not console.csp_violations and not console.page_errors


def test_the_filters_survive_list_map_list(page, overseas, tiles, console, screenshot):
    page.goto("/fabriques")
    filters = page.get_by_role("form", name="Filtrer les fabriques")
    filters.locator("select[name=region]").select_option(label="Nouvelle-Aquitaine")
    filters.locator("select[name=territoire]").select_option(label="Rural")
    filters.locator("select[name=tri]").select_option(label="Activité récente")
    filters.get_by_role("button", name="Filtrer").click()
    # The form sends its empty fields too (the standard's filters under « Plus de filtres » among them).
    empty_standard = "service=&public=&frais=&accompagnement=&label=&itinerance="
    expect(page).to_have_url(re.compile(
        rf"/fabriques\?region=75&departement=&territoire=rural&module=&{empty_standard}&tri=activite$"))

    page.get_by_role("link", name="Voir la carte").click()
    expect(page).to_have_url(f"{overseas.url}/fabriques/carte?region=75&territoire=rural&tri=activite")
    filters = page.get_by_role("form", name="Filtrer les fabriques")
    expect(filters.locator("select[name=region]")).to_have_value("75")
    expect(filters.locator("select[name=territoire]")).to_have_value("rural")
    expect(page.locator("#map .leaflet-marker-icon")).to_have_count(1)
    expect(page.locator('#map .leaflet-marker-icon[title="Atelier du Bourg"]')).to_be_visible()
    expect(page.get_by_text("1 fabrique placée sur la carte · 1 sans coordonnées")).to_be_visible()
    expect(page.locator(".map-unlocated")).to_contain_text(overseas.fabrique_name)
    screenshot(page, "map-06-carte-filtree-1280")

    # A filter changed on the map goes back to the list too.
    filters.locator("select[name=territoire]").select_option(label="Tous")
    filters.locator("select[name=module]").select_option(label="Fablab")
    filters.get_by_role("button", name="Filtrer").click()
    expect(page).to_have_url(re.compile(
        rf"/fabriques/carte\?region=75&departement=&territoire=&module=fablab&{empty_standard}&tri=activite$"))
    page.get_by_role("link", name="Voir l'annuaire").click()
    expect(page).to_have_url(f"{overseas.url}/fabriques?region=75&module=fablab&tri=activite")
    filters = page.get_by_role("form", name="Filtrer les fabriques")
    expect(filters.locator("select[name=region]")).to_have_value("75")
    expect(filters.locator("select[name=module]")).to_have_value("fablab")
    expect(filters.locator("select[name=tri]")).to_have_value("activite")
    expect(page.get_by_role("heading", name="Atelier du Bourg")).to_be_visible()
    expect(page.get_by_role("heading", name=overseas.fabrique_name)).to_be_visible()  # Creuse, no coordinates
    expect(page.get_by_text("2 fabriques", exact=True)).to_be_visible()


def test_insets_and_filters_on_a_phone(new_page, overseas, console, screenshot):
    page = new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    _local_tiles(page)
    page.goto("/fabriques/carte?territoire=qpv")
    # The filters fold behind « Filtrer (1) » and open on a tap.
    toggle = page.locator(".filters-toggle")
    expect(toggle).to_have_text("Filtrer (1)")
    expect(page.get_by_role("form", name="Filtrer les fabriques")).to_be_hidden()
    main = page.locator("#map")
    expect(main.locator('.leaflet-marker-icon[title="Bricothèque des Tours"]')).to_be_visible()
    reunion = page.get_by_role("region", name=f"Carte des fabriques{NBSP}: La Réunion")
    expect(page.locator(".map-inset")).to_have_count(1)  # Martinique's only fabrique is urban
    reunion.scroll_into_view_if_needed()
    box = reunion.bounding_box()
    assert box["width"] >= 300 and box["x"] >= 0 and box["x"] + box["width"] <= 390, box
    reunion.locator('.leaflet-marker-icon[title="La Case à Savoirs"]').tap()
    expect(reunion.locator(".leaflet-popup-content")).to_contain_text("La Case à Savoirs")
    _settled(page)
    assert _inside(page.locator("#carte-04 .leaflet-popup").bounding_box(), reunion.bounding_box(), slack=2)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "map-07-outre-mer-390")

    toggle.tap()
    expect(page.get_by_role("form", name="Filtrer les fabriques")).to_be_visible()
    page.get_by_role("link", name="Voir l'annuaire").tap()
    expect(page).to_have_url(f"{overseas.url}/fabriques?territoire=qpv")
