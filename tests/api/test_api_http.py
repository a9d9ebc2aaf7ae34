"""The API's HTTP contract: cursor pages stable under inserts, parameters refused in JSON, ETag and
Last-Modified, no cookie, CORS, rate limits, JSON errors everywhere under /api/v1/."""

from __future__ import annotations

import base64
from datetime import timedelta
from urllib.parse import urlsplit

import pytest

from forum.core.database import write_intent
from forum.core.models import utcnow
from forum.extensions import db
from forum.fabriques.models import Fabrique, TerritoryType
from tests.conftest import login, make_user, running_app

# Fabriques made straight in the table: the API reads them, no service is under test here.


def add_fabriques(count: int, start: int = 0) -> None:
    with write_intent():
        db.session.add_all([Fabrique(slug=f"fabrique-{number}", name=f"Fabrique {number}", department_code="23",
                                     region_code="75", territory_type=TerritoryType.RURAL)
                            for number in range(start, start + count)])
        db.session.commit()


def local(url: str) -> str:
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}" == "https://localhost"
    return f"{parts.path}?{parts.query}"


def json_error(response, status: int) -> str:
    assert response.status_code == status, response.get_data(as_text=True)[:300]
    assert response.headers["Content-Type"] == "application/json; charset=utf-8"
    body = response.get_json()
    assert list(body) == ["error"] and body["error"]
    return body["error"]


def test_walking_the_cursor_sees_every_item_once_while_others_are_added(client, app):
    add_fabriques(7)
    seen, url, pages = [], "/api/v1/fabriques?limit=3", 0
    while url:
        response = client.get(url)
        assert response.status_code == 200
        body = response.get_json()
        seen += [item["slug"] for item in body["items"]]
        if body["next"]:
            assert response.headers["Link"] == f'<{body["next"]}>; rel="next"'
            url = local(body["next"])
        else:
            assert "Link" not in response.headers
            url = None
        pages += 1
        if pages == 1:
            add_fabriques(2, start=100)  # inserted while the client walks the list
    assert seen == [f"fabrique-{n}" for n in range(7)] + ["fabrique-100", "fabrique-101"]
    assert len(seen) == len(set(seen))


def test_limit_defaults_to_twenty_and_the_cursor_keeps_it(client, app):
    add_fabriques(25)
    body = client.get("/api/v1/fabriques").get_json()
    assert len(body["items"]) == 20
    assert "limit=" not in body["next"]
    body = client.get("/api/v1/fabriques?limit=10").get_json()
    assert "limit=10" in body["next"]
    assert len(client.get("/api/v1/fabriques?limit=100").get_json()["items"]) == 25


@pytest.mark.parametrize("query", [
    "limit=0", "limit=101", "limit=-1", "limit=abc", "limit=1e3", "limit=%EF%BC%91", "limit=", "limit=99999999999",
    "cursor=", "cursor=%%%", "cursor=abc", "cursor=" + base64.urlsafe_b64encode(b"id:0").decode(),
    "cursor=" + base64.urlsafe_b64encode(b"id:99999999999").decode(),
    "cursor=" + base64.urlsafe_b64encode(b"42").decode(),
    "page=2", "tri=nom", "limit=5&limit=6", "cursor=aWQ6MQ&cursor=aWQ6Mg",
])
def test_bad_parameters_are_json_400s(client, app, query):
    assert "«\u00a0" in json_error(client.get(f"/api/v1/fabriques?{query}"), 400)


def test_items_take_no_parameter(client, app):
    add_fabriques(1)
    json_error(client.get("/api/v1/fabriques/fabrique-0?limit=3"), 400)
    json_error(client.get("/api/v1/?x=1"), 400)


def test_unknown_items_addresses_and_methods_are_json_errors(client, app):
    assert "n'existe pas" in json_error(client.get("/api/v1/fabriques/nulle-part"), 404)
    json_error(client.get("/api/v1/ressources/999999"), 404)
    json_error(client.get("/api/v1/ressources/99999999999"), 404)  # beyond the id columns
    json_error(client.get("/api/v1/inconnu"), 404)
    response = client.post("/api/v1/fabriques")
    json_error(response, 405)
    assert "GET" in response.headers["Allow"]
    json_error(client.delete("/api/v1/fabriques/x"), 405)
    # Outside the API, errors keep the French HTML page.
    assert client.get("/nulle-part").mimetype == "text/html"


def test_an_unexpected_error_is_a_json_500(app, client, monkeypatch):
    from forum.api import queries

    def broken(*args):
        raise RuntimeError("boom")

    monkeypatch.setattr(queries, "fabriques", broken)
    app.logger.disabled = True
    try:
        assert "inattendue" in json_error(client.get("/api/v1/fabriques"), 500)
    finally:
        app.logger.disabled = False


def test_etag_answers_304_with_no_body_until_something_changes(client, app):
    add_fabriques(2)
    first = client.get("/api/v1/fabriques")
    etag = first.headers["ETag"]
    assert etag.startswith('"') and not etag.startswith("W/")  # strong
    again = client.get("/api/v1/fabriques", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.get_data() == b""
    assert again.headers["ETag"] == etag
    add_fabriques(1, start=10)
    changed = client.get("/api/v1/fabriques", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["ETag"] != etag


def test_last_modified_is_the_newest_change_and_answers_if_modified_since_for_items(client, app):
    add_fabriques(2)
    moment = utcnow().replace(microsecond=0) - timedelta(days=3)
    with write_intent():
        for fabrique in db.session.scalars(db.select(Fabrique)):
            fabrique.created_at = moment - timedelta(days=1)
        db.session.scalars(db.select(Fabrique).where(Fabrique.slug == "fabrique-1")).one().updated_at = moment
        db.session.commit()
    listing = client.get("/api/v1/fabriques")
    assert listing.last_modified == moment
    item = client.get("/api/v1/fabriques/fabrique-1")
    assert item.last_modified == moment
    since = item.headers["Last-Modified"]
    assert client.get("/api/v1/fabriques/fabrique-1", headers={"If-Modified-Since": since}).status_code == 304
    # A list also changes when an item leaves it: If-Modified-Since alone never answers 304 there.
    assert client.get("/api/v1/fabriques", headers={"If-Modified-Since": since}).status_code == 200
    with write_intent():
        db.session.scalars(db.select(Fabrique).where(Fabrique.slug == "fabrique-1")).one().updated_at = utcnow()
        db.session.commit()
    assert client.get("/api/v1/fabriques/fabrique-1", headers={"If-Modified-Since": since}).status_code == 200


def test_api_answers_set_no_cookie_and_do_not_vary_on_it(client, app):
    add_fabriques(1)
    make_user("alice@exemple.fr", "Alice Martin")
    for url in ("/api/v1/", "/api/v1/fabriques", "/api/v1/fabriques/fabrique-0", "/api/v1/inconnu",
                "/api/v1/openapi.json"):
        response = client.get(url)
        assert "Set-Cookie" not in response.headers, url
        assert "Cookie" not in response.headers.get("Vary", ""), url
    login(client, "alice@exemple.fr")
    with client.session_transaction() as session:
        session["touched"] = True  # a session that would be sent again if anything wrote it
    response = client.get("/api/v1/fabriques")
    assert response.status_code == 200 and "Set-Cookie" not in response.headers
    # The site's pages still carry their session machinery.
    assert "Cookie" in client.get("/fabriques").headers.get("Vary", "")


def test_cors_lets_any_site_read_without_credentials(client, app):
    add_fabriques(1)
    response = client.get("/api/v1/fabriques", headers={"Origin": "https://carto.exemple.org"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response.headers
    assert "ETag" in response.headers["Access-Control-Expose-Headers"]
    preflight = client.options("/api/v1/fabriques", headers={
        "Origin": "https://carto.exemple.org", "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "If-None-Match"})
    assert preflight.status_code == 200
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert "GET" in preflight.headers["Access-Control-Allow-Methods"]
    assert "If-None-Match" in preflight.headers["Access-Control-Allow-Headers"]
    assert client.head("/api/v1/fabriques").headers["Access-Control-Allow-Origin"] == "*"
    json_error(client.get("/api/v1/inconnu"), 404)
    assert client.get("/api/v1/inconnu").headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Origin" not in client.get("/fabriques").headers


def test_rate_limit_is_a_json_429_with_retry_after(tmp_path):
    with running_app(tmp_path, API_RATE_LIMIT="3 per minute") as app:
        client = app.test_client()
        for _ in range(3):
            assert client.get("/api/v1/").status_code == 200
        assert client.options("/api/v1/").status_code == 200  # a preflight costs nothing
        response = client.get("/api/v1/fabriques")
        assert "Trop de requêtes" in json_error(response, 429)
        assert 0 < int(response.headers["Retry-After"]) <= 60
        assert response.headers["Access-Control-Allow-Origin"] == "*"
        # Another address has its own budget; the site's pages are not limited.
        assert client.get("/api/v1/", environ_base={"REMOTE_ADDR": "10.0.0.2"}).status_code == 200
        assert client.get("/fabriques").status_code == 200


def test_the_fabriques_list_takes_the_directorys_filters_and_its_pages_keep_them(client):
    add_fabriques(5)  # Creuse, in Nouvelle-Aquitaine
    with write_intent():
        db.session.add_all([Fabrique(slug=f"bretonne-{number}", name=f"Bretonne {number}", department_code="29",
                                     region_code="53", territory_type=TerritoryType.URBAIN) for number in range(3)])
        db.session.commit()
    first = client.get("/api/v1/fabriques", query_string={"region": "53", "limit": 2})
    assert [item["slug"] for item in first.get_json()["items"]] == ["bretonne-0", "bretonne-1"]
    following = first.get_json()["next"]
    assert "region=53" in following
    assert [item["slug"] for item in client.get(local(following)).get_json()["items"]] == ["bretonne-2"]
    assert [item["slug"] for item in client.get("/api/v1/fabriques", query_string={
        "territoire": "rural", "departement": "23"}).get_json()["items"]] == [f"fabrique-{n}" for n in range(5)]
    assert client.get("/api/v1/fabriques", query_string={"service": "Aide aux démarches administratives"}
                      ).get_json()["items"] == []
    assert "région" in json_error(client.get("/api/v1/fabriques", query_string={"region": "99"}), 400)
    assert "Service" in json_error(client.get("/api/v1/fabriques", query_string={"service": "Danse"}), 400)
    assert "tri" in json_error(client.get("/api/v1/fabriques", query_string={"tri": "nom"}), 400)
