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
         "territory": "rural", "territory_label": "Rural", "place": "Guéret, Creuse (23)", "resources": 2},
        {"name": "Bricothèque des Tours", "url": f"/fabriques/{mapped['qpv'].slug}", "lat": 48.91, "lng": 2.38,
         "territory": "qpv", "territory_label": "QPV (quartier prioritaire)", "place": "Seine-Saint-Denis (93)",
         "resources": 0},
        {"name": "Comptoir du Port", "url": f"/fabriques/{mapped['urbain'].slug}", "lat": 43.30, "lng": 5.37,
         "territory": "urbain", "territory_label": "Urbain", "place": "Marseille, Bouches-du-Rhône (13)",
         "resources": 0},
    ]
    html = response.get_data(as_text=True)
    assert "3 fabriques placées sur la carte" in html
    assert "2 ressources partagées" in html and "0 ressource partagée" in html  # the list under the map


def test_map_page_is_strict_csp_friendly(client, mapped):
    html = client.get("/fabriques/carte").get_data(as_text=True)
    assert 'href="/static/vendor/leaflet/leaflet.css"' in html
    assert '<script src="/static/vendor/leaflet/leaflet.js"></script>' in html
    assert '<script src="/static/js/map.js"></script>' in html
    scripts = re.findall(r"<script[^>]*>", html)
    assert all(" src=" in tag or 'type="application/json"' in tag for tag in scripts), scripts
    assert " style=" not in html and "<style" not in html and " on" + "click=" not in html
    assert "//unpkg" not in html and "cdn" not in html.lower()
    assert 'id="map" class="map"' in html and "La carte a besoin de JavaScript" in html


def test_vendored_leaflet_is_served(client, app):
    for path in ("vendor/leaflet/leaflet.js", "vendor/leaflet/leaflet.css", "vendor/leaflet/images/marker-icon.png",
                 "vendor/leaflet/images/marker-icon-2x.png", "vendor/leaflet/images/marker-shadow.png",
                 "js/map.js"):
        response = client.get(f"/static/{path}")
        assert response.status_code == 200, path
        response.close()


def test_a_hostile_name_stays_inside_the_json_block(client, app):
    _fabrique(1, XSS_NAME, latitude=45.0, longitude=4.0)
    html = client.get("/fabriques/carte").get_data(as_text=True)
    assert "<script>alert(1)" not in html
    # Four scripts, all ours (static/js/page.js on every page, the map data, Leaflet, the map): none injected.
    assert html.count("</script>") == len(re.findall(r"<script[^>]*>", html)) == 4
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
