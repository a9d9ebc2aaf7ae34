"""The API's HTTP side: query parameters, opaque cursors, JSON answers with their cache validators and CORS.

Every answer is JSON. A list is ``{"items": [...], "next": <absolute URL or null>}`` with a
``Link: <…>; rel="next"`` header; every answer carries a strong ``ETag`` (a hash of its body) and,
when it has one, a ``Last-Modified``. Programs on other sites may read it (CORS ``*``, no
credentials): it shows only public content, the same for everyone. Five fixed headers on every
answer under the prefix (errors of unknown addresses and 429s included) need no extension: flask-cors
would add a dependency to say the same, and its per-blueprint setup would miss the 404s of addresses
that match no rule.
"""

from __future__ import annotations

import base64
import binascii
import json
from datetime import datetime

from flask import Response, request, url_for

from forum.core.errors import Invalid
from forum.core.security import MAX_ID
from forum.core.web import site_url

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
LIST_PARAMETERS = frozenset({"limit", "cursor"})
_CURSOR_PREFIX = "id:"
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "If-None-Match, If-Modified-Since",
    "Access-Control-Expose-Headers": "ETag, Last-Modified, Link, Retry-After, X-RateLimit-Limit, "
                                     "X-RateLimit-Remaining, X-RateLimit-Reset",
    "Access-Control-Max-Age": "86400",
}
# Shared caches may keep an answer this long; ETag and Last-Modified revalidate it after.
MAX_AGE_SECONDS = 60


def absolute(endpoint: str, **values) -> str:
    """An absolute URL from the configured site address (never the request's Host)."""
    return site_url() + url_for(endpoint, **values)


def encode_cursor(last_id: int) -> str:
    """The opaque cursor of the page after the item ``last_id``."""
    return base64.urlsafe_b64encode(f"{_CURSOR_PREFIX}{last_id}".encode()).decode().rstrip("=")


def _decode_cursor(raw: str) -> int:
    try:
        text = base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)).decode("ascii")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        text = ""
    digits = text.removeprefix(_CURSOR_PREFIX) if text.startswith(_CURSOR_PREFIX) else ""
    if not (digits.isascii() and digits.isdigit() and len(digits) <= 10 and 0 < int(digits) <= MAX_ID):
        raise Invalid("Le paramètre « cursor » n'est pas valide : reprenez l'adresse « next » de la page précédente.")
    return int(digits)


def refuse_unknown_parameters(allowed: frozenset[str] = frozenset()) -> None:
    """400 when the query string holds a parameter the address does not take, or one twice."""
    unknown = sorted(set(request.args) - allowed)
    if unknown:
        known = ", ".join(f"« {name} »" for name in sorted(allowed)) or "aucun"
        raise Invalid(f"Paramètre inconnu : « {unknown[0]} ». Paramètres acceptés ici : {known}.")
    repeated = [name for name in request.args if len(request.args.getlist(name)) > 1]
    if repeated:
        raise Invalid(f"Le paramètre « {repeated[0]} » est donné plusieurs fois.")


def list_parameters(filters: frozenset[str] = frozenset()) -> tuple[int, int]:
    """(after, limit) of a list request: the id after which the page starts (0: the first page), and
    its length (1 to 100, 20 by default); 400 for anything else. ``filters``: the list's own parameters."""
    refuse_unknown_parameters(LIST_PARAMETERS | filters)
    raw_limit = request.args.get("limit")
    limit = DEFAULT_LIMIT
    if raw_limit is not None:
        if not (raw_limit.isascii() and raw_limit.isdigit() and len(raw_limit) <= 3
                and 1 <= int(raw_limit) <= MAX_LIMIT):
            raise Invalid(f"Le paramètre « limit » doit être un nombre entier de 1 à {MAX_LIMIT}.")
        limit = int(raw_limit)
    raw_cursor = request.args.get("cursor")
    return (_decode_cursor(raw_cursor) if raw_cursor is not None else 0), limit


def next_url(last_id: int | None, limit: int, filters: dict[str, str] | None = None) -> str | None:
    """The absolute address of the next page (None after the last one), with the list's ``filters``."""
    if last_id is None:
        return None
    arguments = {**(filters or {}), "cursor": encode_cursor(last_id)}
    if limit != DEFAULT_LIMIT:
        arguments["limit"] = limit
    return absolute(request.endpoint, **(request.view_args or {}), **arguments)


def json_answer(data: dict, last_modified: datetime | None = None, *, honour_modified_since: bool = False,
                next_page: str | None = None) -> Response:
    """``data`` as JSON with a strong ETag and ``Last-Modified``; 304 when the client's copy is current.

    ``honour_modified_since``: whether If-Modified-Since alone may answer 304. Only for one item, whose
    change times cover all it shows: a list also changes when an item leaves it (hidden, deleted),
    which moves none of the remaining items' times, so a list revalidates by its ETag alone."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    response = Response(body, content_type="application/json; charset=utf-8")
    if next_page:
        response.headers["Link"] = f'<{next_page}>; rel="next"'
    response.add_etag()
    if last_modified is not None:
        response.last_modified = last_modified
    response.headers["Cache-Control"] = f"public, max-age={MAX_AGE_SECONDS}"
    if request.if_none_match or honour_modified_since:
        response.make_conditional(request)
    return response


def add_cors_headers(response: Response) -> Response:
    response.headers.update(CORS_HEADERS)
    return response
