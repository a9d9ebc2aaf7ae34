"""The OpenAPI 3.1 document: valid, complete, and true: every documented path answers as documented."""

from __future__ import annotations

import re

import pytest
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate

from tests.api.builders import world


@pytest.fixture
def document(client, app):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.get_json()


def test_the_document_is_valid_openapi_3_1(document):
    assert document["openapi"] == "3.1.0"
    validate(document)
    assert document["servers"] == [{"url": "https://localhost"}]


def test_every_route_under_the_api_is_documented(app, document):
    routes = {re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule) for rule in app.url_map.iter_rules()
              if rule.rule.startswith("/api/v1/")}
    assert routes == set(document["paths"])
    for path, operations in document["paths"].items():
        assert set(operations) == {"get"}, path


def _check(document: dict, schema: dict, instance) -> None:
    """``instance`` against ``schema`` (its $refs resolved in the document), by JSON Schema 2020-12."""
    OAS31Validator({**schema, "components": document["components"]}).validate(instance)


def _example_path(path: str, operation: dict, values: dict) -> str:
    for parameter in operation.get("parameters", []):
        if parameter.get("in") == "path":
            path = path.replace("{%s}" % parameter["name"], str(values[parameter["name"]]))
    return path


def test_every_documented_path_answers_as_documented(client, app, document):
    data = world()
    values = {"slug": data["fabrique"].slug, "resource_id": data["laser"].id, "practice_id": data["practice"].id,
              "thread_id": data["thread"].id, "event_id": data["event"].id}
    for path, operations in document["paths"].items():
        operation = operations["get"]
        url = _example_path(path, operation, values)
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["Content-Type"] == "application/json; charset=utf-8"
        schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
        body = response.get_json()
        _check(document, schema, body)
        target = schema
        if "$ref" in target:
            target = document["components"]["schemas"][target["$ref"].rsplit("/", 1)[1]]
        assert set(target.get("required", [])) <= set(body), url
        if "items" in body:
            assert body["items"], f"{url}: the seeded world should fill every list"
        for status in ("304", "400", "429"):
            assert status in operation["responses"], url
        # The documented errors have the documented shape.
        error = client.get(url + "?inconnu=1")
        assert error.status_code == 400
        _check(document, document["components"]["responses"]["BadRequest"]["content"]["application/json"]["schema"],
               error.get_json())


def test_list_parameters_are_documented_as_they_are_checked(document):
    limit = document["components"]["parameters"]["limit"]["schema"]
    assert (limit["minimum"], limit["maximum"], limit["default"]) == (1, 100, 20)


def test_the_documentation_page_is_made_from_the_document(client, app, document):
    response = client.get("/api/")
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = response.get_data(as_text=True).replace("<wbr>", "")
    for path in document["paths"]:
        assert f"GET {path}" in page
    for words in ("Pagination", "Limite de débit", "Access-Control-Allow-Origin: *", "Retry-After",
                  "Licence des données", "If-None-Match", "curl https://localhost/api/v1/fabriques"):
        assert words in page, words
    assert "<script>" not in page and " style=" not in page
    assert 'href="/api/"' in client.get("/fabriques").get_data(as_text=True)  # the footer links to it


def test_the_rate_limit_reads_in_french():
    from forum.api.doc_views import rate_limit_said as rate_limit_fr

    assert rate_limit_fr("120 per minute") == "120\u00a0requêtes par minute"
    assert rate_limit_fr("1 per 5 seconds; 1000/day") == (
        "1\u00a0requête par 5\u00a0secondes et 1000\u00a0requêtes par jour")
