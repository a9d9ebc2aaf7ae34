"""Web-facing safety helpers: headers, local-only redirects, ids bounded to the id columns' type."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from werkzeug.routing import BaseConverter, ValidationError

# Every id column is a PostgreSQL INTEGER: a larger number in a query is an error there
# ("integer out of range"), not an empty result as on SQLite.
MAX_ID = 2**31 - 1
# The HTTP methods that only read: they never write, take the write lock nor count against a limit.
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_ID = re.compile(r"[1-9][0-9]{0,9}")  # [0-9], not \d nor str.isdigit(): ASCII digits only

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: https://tile.openstreetmap.org",  # the map's OpenStreetMap tiles
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


_SECURITY_HEADER_ITEMS = [(name.lower(), name, value) for name, value in SECURITY_HEADERS.items()]


def add_security_headers(response):
    """Add each of SECURITY_HEADERS that the response does not set itself (one pass over its headers:
    every response goes through here)."""
    present = {name.lower() for name, _ in response.headers.items()}
    response.headers.extend([(name, value) for lowered, name, value in _SECURITY_HEADER_ITEMS
                             if lowered not in present])
    return response


def is_safe_local_path(target: str | None) -> bool:
    """True for a path on this site ("/fabriques?page=2"), False for anything that leaves it."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return False
    if "\\" in target or any(ord(char) < 32 for char in target):
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc


def parse_id(raw: object) -> int | None:
    """A row id from user input (query argument, hidden field, pasted address): an int in 1..MAX_ID, else None."""
    text = raw.strip() if isinstance(raw, str) else ""
    if not _ID.fullmatch(text):
        return None
    number = int(text)
    return number if number <= MAX_ID else None


class IdConverter(BaseConverter):
    """A database id in a URL: 1 to MAX_ID, so it fits the id columns; anything else is a 404."""

    regex = r"[1-9][0-9]{0,9}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > MAX_ID:
            raise ValidationError()  # no rule matches: 404
        return number

    def to_url(self, value) -> str:
        return str(int(value))
