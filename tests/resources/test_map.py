"""The map of the fabriques (/fabriques/carte): markers, counts, escaping, queries, CSP."""

from __future__ import annotations

import json
import re

import pytest

from forum.core.database import write_intent
from forum.extensions import db
from forum.resources.models import Resource, ResourceKind
from tests.conftest import login, make_fabrique, make_user

MAP_DATA = re.compile(r'<script type="application/json" id="map-data">(.*?)</script>', re.DOTALL)
XSS_NAME = "</script><script>alert(1)</script>"


def _fabrique(number: int, name: str, territory: str = "rural", department: str = "23", **fields):
    manager = make_user(f"m{number}@exemple.fr", f"Responsable {number}")
    return make_fabrique(manager, name, department, territory, ["fablab"], **fields)


def _resources(fabrique, shared: int, paused: int = 0) -> None:
    with write_intent():
        for number in range(shared + paused):
            db.session.add(Resource(fabrique_id=fabrique.id, kind=ResourceKind.EQUIPMENT, name=f"Perceuse {number}",
                                    category="outillage", paused=number >= shared))
        db.session.commit()


def _markers(response) -> list[dict]:
    match = MAP_DATA.search(response.get_data(as_text=True))
    assert match, "no map-data block"
    return json.loads(match.group(1))


@pytest.fixture
def mapped(app):
    """Three fabriques with coordinates (one per territory type), one without."""
    fabriques = {
        "rural": _fabrique(1, "Atelier du Bourg", "rural", "23", city="Guéret", latitude=46.17, longitude=1.87),
        "qpv": _fabrique(2, "Bricothèque des Tours", "qpv", "93", latitude=48.91, longitude=2.38),
        "urbain": _fabrique(3, "Comptoir du Port", "urbain", "13", city="Marseille", latitude=43.30, longitude=5.37),
        "nowhere": _fabrique(4, "Dépôt sans adresse", "rural", "15"),
    }
    _resources(fabriques["rural"], shared=2, paused=1)
    _resources(fabriques["qpv"], shared=0, paused=2)
    _resources(fabriques["nowhere"], shared=3)
    return fabriques


def test_map_shows_every_located_fabrique_with_its_shared_resources(client, mapped):
    response = client.get("/fabriques/carte")
    assert response.status_code == 200
    markers = sorted(_markers(response), key=lambda marker: marker["name"])
    assert markers == [
        {"name": "Atelier du Bourg", "url": f"/fabriques/{mapped['rural'].slug}", "lat": 46.17, "lng": 1.87,
         "territory": "rural", "territory_label": "Rural", "place": "Guéret, Creuse (23)", "resources": 2,
         "zone": "metropole"},
        {"name": "Bricothèque des Tours", "url": f"/fabriques/{mapped['qpv'].slug}", "lat": 48.91, "lng": 2.38,
         "territory": "qpv", "territory_label": "QPV (quartier prioritaire)", "place": "Seine-Saint-Denis (93)",
         "resources": 0, "zone": "metropole"},
        {"name": "Comptoir du Port", "url": f"/fabriques/{mapped['urbain'].slug}", "lat": 43.30, "lng": 5.37,
         "territory": "urbain", "territory_label": "Urbain", "place": "Marseille, Bouches-du-Rhône (13)",
         "resources": 0, "zone": "metropole"},
    ]
    html = response.get_data(as_text=True)
    assert "3 fabriques placées sur la carte" in html
    assert "2 ressources partagées" in html and "0 ressource partagée" in html  # the list under the map
    assert 'href="/agenda/carte"' in html  # the same map with the fabriques' events
    assert 'href="/agenda/carte?region=84"' in client.get("/fabriques/carte?region=84").get_data(as_text=True)


def test_map_page_is_strict_csp_friendly(client, mapped):
    html = client.get("/fabriques/carte").get_data(as_text=True)
    assert 'href="/static/vendor/leaflet/leaflet.css"' in html
    assert '<script src="/static/vendor/leaflet/leaflet.js"></script>' in html
    assert html.index("vendor/leaflet/leaflet.js") < html.index("vendor/leaflet.markercluster/leaflet.markercluster.js") \
        < html.index("js/map.js")
    assert 'href="/static/vendor/leaflet.markercluster/MarkerCluster.css"' in html
    assert '<script src="/static/js/map.js"></script>' in html
    scripts = re.findall(r"<script[^>]*>", html)
    assert all(" src=" in tag or 'type="application/json"' in tag for tag in scripts), scripts
    assert " style=" not in html and "<style" not in html and " on" + "click=" not in html
    assert "//unpkg" not in html and "cdn" not in html.lower()
    assert 'id="map" class="map"' in html and "La carte a besoin de JavaScript" in html


def test_vendored_leaflet_is_served(client, app):
    for path in ("vendor/leaflet/leaflet.js", "vendor/leaflet/leaflet.css", "vendor/leaflet/images/marker-icon.png",
                 "vendor/leaflet/images/marker-icon-2x.png", "vendor/leaflet/images/marker-shadow.png",
                 "vendor/leaflet.markercluster/leaflet.markercluster.js",
                 "vendor/leaflet.markercluster/MarkerCluster.css", "vendor/leaflet.markercluster/MarkerCluster.Default.css",
                 "js/map.js"):
        response = client.get(f"/static/{path}")
        assert response.status_code == 200, path
        response.close()


def test_a_hostile_name_stays_inside_the_json_block(client, app):
    _fabrique(1, XSS_NAME, latitude=45.0, longitude=4.0)
    html = client.get("/fabriques/carte").get_data(as_text=True)
    assert "<script>alert(1)" not in html
    # Five scripts, all ours (static/js/page.js on every page, the map data, Leaflet, its clustering
    # plugin, the map): none injected.
    assert html.count("</script>") == len(re.findall(r"<script[^>]*>", html)) == 5
    assert [marker["name"] for marker in _markers(client.get("/fabriques/carte"))] == [XSS_NAME]
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html  # the list under the map


def test_fabriques_without_coordinates_are_listed_below_the_map(client, mapped):
    html = client.get("/fabriques/carte").get_data(as_text=True)
    assert "1 fabrique sans coordonnées" in html
    assert f'<a href="/fabriques/{mapped["nowhere"].slug}">Dépôt sans adresse</a>' in html
    assert "Dépôt sans adresse" not in [marker["name"] for marker in _markers(client.get("/fabriques/carte"))]


def test_empty_map(client, app):
    response = client.get("/fabriques/carte")
    assert response.status_code == 200
    assert _markers(response) == []
    assert "0 fabrique placée sur la carte" in response.get_data(as_text=True)


def test_the_map_route_wins_over_a_fabrique_slug(client, app):
    carte = _fabrique(1, "Carte", latitude=45.0, longitude=4.0)
    assert carte.slug != "carte"  # a reserved slug
    assert [marker["url"] for marker in _markers(client.get("/fabriques/carte"))] == [f"/fabriques/{carte.slug}"]
    urls = app.url_map.bind("localhost")
    assert urls.match("/fabriques/carte") == ("map.index", {})
    assert urls.match(f"/fabriques/{carte.slug}") == ("fabriques.show", {"slug": carte.slug})


def test_the_directory_links_to_the_map(client, app):
    assert 'href="/fabriques/carte"' in client.get("/fabriques").get_data(as_text=True)


@pytest.mark.parametrize("size", [2, 12])
def test_the_map_runs_a_bounded_number_of_queries(client, app, count_queries, size):
    for number in range(size):
        fabrique = _fabrique(number, f"Fabrique numéro {number}", latitude=45.0 + number / 10, longitude=2.0)
        _resources(fabrique, shared=2, paused=1)
    _fabrique(size, "Fabrique sans coordonnées")
    with count_queries() as counter:
        response = client.get("/fabriques/carte")
    assert len(_markers(response)) == size and {marker["resources"] for marker in _markers(response)} == {2}
    assert counter.count <= 6, counter.statements
    login(client, "m0@exemple.fr")
    with count_queries() as counter:
        assert client.get("/fabriques/carte").status_code == 200
    assert counter.count <= 6, counter.statements


def test_anonymous_map_is_cached_until_a_resource_changes(client, mapped):
    first, second = client.get("/fabriques/carte"), client.get("/fabriques/carte")
    assert first.headers["X-Page-Cache"] == "miss" and second.headers["X-Page-Cache"] == "hit"
    _resources(mapped["urbain"], shared=1)
    response = client.get("/fabriques/carte")
    assert response.headers["X-Page-Cache"] == "miss"
    assert {marker["name"]: marker["resources"] for marker in _markers(response)}["Comptoir du Port"] == 1


def test_csp_allows_the_tile_server_and_nothing_else(client, app):
    csp = client.get("/fabriques/carte").headers["Content-Security-Policy"]
    directives = {part.split()[0]: part.split()[1:] for part in csp.split("; ")}
    assert directives["img-src"] == ["'self'", "data:", "https://tile.openstreetmap.org"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["connect-src"] == ["'self'"] and directives["default-src"] == ["'self'"]


# -- The directory's filters, both ways; overseas insets -----------------------------------------

NBSP = "\u00a0"
MAP_ELEMENT = re.compile(r'<div id="map"[^>]*data-zone="([^"]*)" data-frame="([^"]*)"', re.DOTALL)
INSET = re.compile(r'class="map-inset-map"[^>]*data-zone="([^"]*)"', re.DOTALL)


@pytest.fixture
def overseas(app, mapped):
    """Besides ``mapped`` (metropole): two fabriques in La Réunion, one in Martinique."""
    return {
        **mapped,
        "reunion": _fabrique(5, "La Case à Savoirs", "qpv", "974", city="Saint-Denis", latitude=-20.89, longitude=55.46),
        "reunion2": _fabrique(6, "Le Kiosque du Port", "urbain", "974", city="Le Port", latitude=-20.94,
                              longitude=55.29),
        "martinique": _fabrique(7, "La Boussole", "urbain", "972", city="Fort-de-France", latitude=14.61,
                                longitude=-61.07),
    }


def _names(response) -> set[str]:
    return {marker["name"] for marker in _markers(response)}


def _home_and_insets(html: str) -> tuple[str, list[str]]:
    match = MAP_ELEMENT.search(html)
    assert match, "no #map element"
    return match.group(1), INSET.findall(html)


@pytest.mark.parametrize(("query", "expected"), [
    ("", {"Atelier du Bourg", "Bricothèque des Tours", "Comptoir du Port"}),
    ("?region=75", {"Atelier du Bourg"}),  # Nouvelle-Aquitaine
    ("?departement=13", {"Comptoir du Port"}),
    ("?territoire=qpv", {"Bricothèque des Tours"}),
    ("?module=fablab&territoire=urbain", {"Comptoir du Port"}),
    ("?module=jardin", set()),
    ("?region=75&tri=activite", {"Atelier du Bourg"}),  # the list's order is carried, not used
])
def test_the_map_shows_the_fabriques_the_directory_filters_keep(client, mapped, query, expected):
    response = client.get(f"/fabriques/carte{query}")
    assert response.status_code == 200
    assert _names(response) == expected
    listed = {name for name in expected if f">{name}</a>" in response.get_data(as_text=True)}
    assert listed == expected  # the list under the map says the same


def test_filtered_out_fabriques_without_coordinates_are_not_listed_either(client, mapped):
    html = client.get("/fabriques/carte?region=75").get_data(as_text=True)  # Dépôt sans adresse: Cantal, 84
    assert "Dépôt sans adresse" not in html and "sans coordonnées" not in html


@pytest.mark.parametrize("query", ["region=99", "departement=100", "territoire=ville", "module=piscine", "tri=x"])
def test_the_map_refuses_unknown_filter_values(client, app, query):
    assert client.get(f"/fabriques/carte?{query}").status_code == 400


def test_the_directory_and_the_map_link_to_each_other_with_the_filters(client, mapped):
    query = "region=75&territoire=rural&tri=activite"
    directory = client.get(f"/fabriques?{query}").get_data(as_text=True)
    assert f'href="/fabriques/carte?{query.replace("&", "&amp;")}"' in directory

    html = client.get(f"/fabriques/carte?{query}").get_data(as_text=True)
    assert f'href="/fabriques?{query.replace("&", "&amp;")}">Voir l\'annuaire</a>' in html
    # The map offers the same filter bar, set to the filters, without the order (kept hidden).
    assert '<form method="get" class="filters"' in html
    assert '<option value="75" selected>Nouvelle-Aquitaine</option>' in html
    assert '<option value="rural" selected>Rural</option>' in html
    assert '<input type="hidden" name="tri" value="activite">' in html and 'name="tri">' not in html
    assert '<a href="/fabriques/carte">Effacer les filtres</a>' in html
    assert "Filtrer (2)" in html  # the folded bar on a phone counts them


def test_without_filters_the_links_are_plain(client, mapped):
    assert 'href="/fabriques/carte"' in client.get("/fabriques").get_data(as_text=True)
    html = client.get("/fabriques/carte").get_data(as_text=True)
    assert 'href="/fabriques">Voir l\'annuaire</a>' in html
    assert "Effacer les filtres" not in html and 'type="hidden" name="tri"' not in html


def test_overseas_fabriques_get_insets_beside_the_metropole(client, overseas):
    response = client.get("/fabriques/carte")
    zones = {marker["name"]: marker["zone"] for marker in _markers(response)}
    assert zones == {"Atelier du Bourg": "metropole", "Bricothèque des Tours": "metropole",
                     "Comptoir du Port": "metropole", "La Case à Savoirs": "04", "Le Kiosque du Port": "04",
                     "La Boussole": "02"}
    html = response.get_data(as_text=True)
    home, insets = _home_and_insets(html)
    assert home == "metropole" and insets == ["02", "04"]  # in the order of the regions' codes
    assert f'aria-label="Carte des fabriques{NBSP}: La Réunion"' in html
    assert "<strong>La Réunion</strong>" in html and "· 2 fabriques" in html and "· 1 fabrique<" in html
    assert 'class="map-insets" aria-labelledby="outre-mer" hidden>' in html  # shown by the script
    assert "La carte montre" not in html


@pytest.mark.parametrize(("query", "home", "frame_south"), [
    ("region=04", "04", "-21.39"),
    ("departement=974", "04", "-21.39"),
    ("territoire=qpv&module=fablab&region=04", "04", "-21.39"),
    ("region=03", "03", "2.1"),  # Guyane: no fabrique, the main map still shows it
])
def test_a_filter_on_one_overseas_region_shows_it_on_the_main_map(client, overseas, query, home, frame_south):
    html = client.get(f"/fabriques/carte?{query}").get_data(as_text=True)
    zone, insets = _home_and_insets(html)
    assert zone == home and insets == []
    assert MAP_ELEMENT.search(html).group(2).split(",")[0] == frame_south
    assert "La carte montre " in html


def test_when_only_overseas_fabriques_are_left_the_main_map_shows_the_largest_group(client, overseas):
    # Urban fabriques: Comptoir du Port is in the metropole, which stays the main map's.
    assert _home_and_insets(client.get("/fabriques/carte?territoire=urbain").get_data(as_text=True)) == (
        "metropole", ["02", "04"])
    for number, (department, lat, lng) in enumerate([("971", 16.24, -61.53), ("974", -21.34, 55.47),
                                                     ("974", -21.0, 55.27)], start=10):
        make_fabrique(make_user(f"j{number}@exemple.fr", f"Jardinière {number}"), f"Jardin créole {number}",
                      department, "rural", ["jardin"], latitude=lat, longitude=lng)
    # Gardens are only overseas: two in La Réunion, one in Guadeloupe.
    html = client.get("/fabriques/carte?module=jardin").get_data(as_text=True)
    assert _home_and_insets(html) == ("04", ["01"])
    assert "La carte montre La Réunion." in html
