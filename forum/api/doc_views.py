"""The API's readable documentation (/api/), in the reader's language and the site's layout, made from
the same OpenAPI document as /api/v1/openapi.json: what one reads there is what the code answers. The
document is French; its sentences that the catalogue knows are translated when shown."""

from __future__ import annotations

import json
from dataclasses import dataclass

from flask import Blueprint, current_app, render_template
from flask_babel import gettext as _
from flask_babel import ngettext
from limits import parse_many

from forum.api import queries, records
from forum.api.records import texts
from forum.api.spec import API_PREFIX, openapi_document
from forum.api.web import DEFAULT_LIMIT, MAX_AGE_SECONDS, MAX_LIMIT, absolute, encode_cursor
from forum.core.page_cache import public_page
from forum.core.web import site_url

blueprint = Blueprint("api_docs", __name__)
_EXAMPLE_MOMENT = "2026-12-01T09:30:00Z"
_SHOWN_CHARACTERS = 160  # an example's long texts are cut there, its lists after two items
# Each list and its items: (list endpoint, list operation, item operation, query, record, the item's
# path value).
_KINDS = (
    ("api.fabriques", "listFabriques", "getFabrique", queries.fabriques, records.fabrique_record,
     lambda item: item.slug),
    ("api.resources", "listResources", "getResource", queries.resources, records.resource_record, lambda item: item.id),
    ("api.practices", "listPractices", "getPractice", queries.practices, records.practice_record, lambda item: item.id),
    ("api.threads", "listThreads", "getThread", queries.threads, records.thread_record, lambda item: item.id),
    ("api.events", "listEvents", "getEvent", queries.events, records.event_record, lambda item: item.id),
)


@dataclass(frozen=True)
class Parameter:
    name: str
    where: str
    required: bool
    description: str
    type: str


@dataclass(frozen=True)
class Operation:
    id: str
    path: str
    summary: str
    description: str
    parameters: list[Parameter]
    example_url: str
    example_body: str
    statuses: list[tuple[str, str]]


def node_path(reference: str) -> list[str]:
    return reference.removeprefix("#/").split("/")


def _deref(document: dict, node: dict) -> dict:
    while "$ref" in node:
        target = document
        for part in node_path(node["$ref"]):
            target = target[part]
        node = target
    return node


def example_of(document: dict, schema: dict, depth: int = 0):
    """An example value of ``schema`` (after its $ref), one item per list: what the documentation shows."""
    schema = _deref(document, schema)
    if "anyOf" in schema:
        schema = _deref(document, next(option for option in schema["anyOf"] if option.get("type") != "null"))
    kind = schema.get("type")
    kind = next((item for item in kind if item != "null"), "string") if isinstance(kind, list) else kind
    if kind == "object" or "properties" in schema:
        if depth > 3:
            return {}
        return {name: example_of(document, value, depth + 1) for name, value in schema.get("properties", {}).items()}
    if kind == "array":
        return [example_of(document, schema.get("items", {}), depth + 1)]
    if kind == "integer":
        return 1
    if kind == "number":
        return 45.83
    if kind == "boolean":
        return False
    if schema.get("format") == "date-time":
        return _EXAMPLE_MOMENT
    if schema.get("format") == "uri":
        return site_url() + "/…"
    return "…"


def _shortened(value):
    if isinstance(value, str) and len(value) > _SHOWN_CHARACTERS:
        return value[:_SHOWN_CHARACTERS] + "…"
    if isinstance(value, list):
        return [_shortened(item) for item in value[:2]] + (["…"] if len(value) > 2 else [])
    if isinstance(value, dict):
        return {key: _shortened(item) for key, item in value.items()}
    return value


def live_examples() -> dict[str, tuple[object, object]]:
    """{operation id: (its path value, its answer)} from the first public item of each list: real
    answers, as the API gives them today (a list's example is a page of one)."""
    examples: dict[str, tuple[object, object]] = {}
    for endpoint, list_id, item_id, query, record, path_value in _KINDS:
        found = query(0, 1)
        if not found.items:
            continue
        item = found.items[0]
        following = absolute(endpoint, cursor=encode_cursor(item.id), limit=1) if found.more else None
        examples[list_id] = (None, {"items": [record(item)], "next": following})
        detail = records.thread_detail(item, queries.visible_posts(item.id)) if item_id == "getThread" \
            else record(item)
        examples[item_id] = (path_value(item), detail)
    return examples


def _operations(document: dict) -> list[Operation]:
    found = []
    examples = live_examples()
    for path, methods in document["paths"].items():
        operation = methods["get"]
        parameters = [_deref(document, parameter) for parameter in operation.get("parameters", [])]
        path_value, live = examples.get(operation["operationId"], (None, None))
        example_path = path
        for parameter in parameters:
            if parameter["in"] == "path":
                value = path_value if path_value is not None else parameter.get("example", 1)
                example_path = example_path.replace("{%s}" % parameter["name"], str(value))
        ok = operation["responses"]["200"]["content"]["application/json"]["schema"]
        if operation["operationId"] == "openapi":
            body = {"openapi": "3.1.0", "info": {"title": texts()["title"]}, "paths": {"…": "…"}}
        elif operation["operationId"] == "index":
            body = {"listes": [{"nom": entry["name"], "url": absolute(entry["endpoint"])}
                               for entry in texts()["lists"]],
                    "documentation": absolute("api_docs.documentation"), "openapi": absolute("api.openapi")}
        else:
            body = live if live is not None else example_of(document, ok)
        found.append(Operation(
            id=operation["operationId"], path=path, summary=_said(operation.get("summary", "")),
            description=_said(operation.get("description", "")),
            parameters=[Parameter(parameter["name"], parameter["in"], parameter.get("required", False),
                                  _said(parameter.get("description", "")), parameter.get("schema", {}).get("type", ""))
                        for parameter in parameters],
            example_url=site_url() + example_path,
            example_body=json.dumps(_shortened(body), ensure_ascii=False, indent=2),
            statuses=[(status, _said(_deref(document, response).get("description", "")))
                      for status, response in operation["responses"].items()],
        ))
    return found


def _said(text: str) -> str:
    """A sentence of the OpenAPI document in the reader's language when the catalogue has it."""
    return _(text) if text else text


def _period(granularity: str, multiples: int) -> str:
    """"minute", "2 heures"... (the period of a rate limit)."""
    if granularity == "second":
        return ngettext("seconde", "%(num)d\u00a0secondes", multiples)
    if granularity == "minute":
        return ngettext("minute", "%(num)d\u00a0minutes", multiples)
    if granularity == "hour":
        return ngettext("heure", "%(num)d\u00a0heures", multiples)
    if granularity == "day":
        return ngettext("jour", "%(num)d\u00a0jours", multiples)
    if granularity == "month":
        return ngettext("mois", "%(num)d\u00a0mois", multiples)
    return ngettext("an", "%(num)d\u00a0ans", multiples)


def rate_limit_said(setting: str) -> str:
    """A Flask-Limiter setting in the reader's language: "120 per minute; 1000/day" → "120 requêtes par
    minute et 1000 requêtes par jour" ("120 requests per minute and 1000 requests per day")."""
    parts = [ngettext("%(num)d\u00a0requête par %(period)s", "%(num)d\u00a0requêtes par %(period)s", item.amount,
                      period=_period(item.GRANULARITY.name, item.multiples))
             for item in parse_many(setting)]
    return parts[0] if len(parts) == 1 else _("%(first)s et %(last)s", first=", ".join(parts[:-1]), last=parts[-1])


def page_texts() -> dict:
    """forum/api/data/api.toml's sentences that the page shows, in the reader's language."""
    data = texts()
    return {"title": _(data["title"]), "summary": _(data["summary"]),
            "licence": {key: _(value) for key, value in data["licence"].items()}}


@blueprint.get("/api/")
@public_page
def documentation():
    document = openapi_document(current_app)
    return render_template("api/documentation.html", texts=page_texts(), operations=_operations(document),
                           rate_limit=rate_limit_said(current_app.config["API_RATE_LIMIT"]), default_limit=DEFAULT_LIMIT,
                           max_limit=MAX_LIMIT, max_age=MAX_AGE_SECONDS, base_url=site_url() + API_PREFIX)
