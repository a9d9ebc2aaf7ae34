"""Requests refused once, for the whole app, before any view runs: an unknown host, unstorable input.

A request whose ``Host`` is not the configured site's (SITE_URL) nor one of EXTRA_TRUSTED_HOSTS
is a 400: no page is ever rendered for a forged host. (Flask's own TRUSTED_HOSTS refuses it
before a URL adapter exists, so its error page could not be rendered; the check is done here.)

PostgreSQL text refuses U+0000, and lone surrogates (U+D800–U+DFFF) cannot be encoded to
UTF-8; SQLite stores both, so without this guard the same request is a page on one database
and a 500 on the other. A path with such a character names nothing (404); a query argument,
a form field or an uploaded file's name with one is a French 400. Control characters the
database accepts are left to the text cleaners (forum.core.text), which strip them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from flask import Flask, abort, current_app, request
from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import SecurityError
from werkzeug.wsgi import host_is_trusted

from forum.core.errors import Invalid

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
UNSTORABLE_MESSAGE = _l("Votre envoi contient un caractère que le forum ne peut pas enregistrer (caractère nul ou "
                        "invalide) : retirez-le et recommencez.")
BODY_LIMIT_ATTRIBUTE = "max_content_length"
ANY_HOST_ATTRIBUTE = "answers_any_host"


def is_storable(text: str) -> bool:
    """False when ``text`` holds a character no database column can keep (NUL, lone surrogate)."""
    return _UNSTORABLE.search(text) is None


def accepts_body_up_to(max_bytes):
    """Mark a view whose requests may be larger than MAX_CONTENT_LENGTH (photo uploads).

    ``max_bytes``: a number, or a callable returning one when a request comes (a setting). The
    limit is applied before anyone reads the body: this guard reads the form of every request.
    """
    def mark(view):
        setattr(view, BODY_LIMIT_ATTRIBUTE, max_bytes)
        return view
    return mark


def answers_any_host(view):
    """Mark a view that load balancers call by address (/healthz): it renders nothing and builds no link."""
    setattr(view, ANY_HOST_ATTRIBUTE, True)
    return view


def _all_storable(pairs: Iterable[tuple[str, str]]) -> bool:
    return all(is_storable(key) and is_storable(value) for key, value in pairs)


def refuse_unknown_host() -> None:
    """Before every request: a Host that is not the site's is a SecurityError (400).

    Static files are served to any host: the refusal page itself needs its stylesheet.
    """
    if request.endpoint == "static" or getattr(current_app.view_functions.get(request.endpoint or ""),
                                                ANY_HOST_ATTRIBUTE, False):
        return
    if not host_is_trusted(request.host, current_app.config["SITE_HOSTS"]):
        raise SecurityError(f"Host {request.host!r} is not trusted.")


def refuse_unstorable_input() -> None:
    """Before every request: 404 for an unstorable path, 400 for unstorable arguments, fields or file names."""
    if not is_storable(request.path):
        abort(404)
    if not _all_storable(request.args.items(multi=True)):
        raise Invalid(UNSTORABLE_MESSAGE)
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return
    view = current_app.view_functions.get(request.endpoint or "")
    if (limit := getattr(view, BODY_LIMIT_ATTRIBUTE, None)) is not None:
        request.max_content_length = limit() if callable(limit) else limit
    if not _all_storable(request.form.items(multi=True)):
        raise Invalid(UNSTORABLE_MESSAGE)
    if not _all_storable((key, file.filename or "") for key, file in request.files.items(multi=True)):
        raise Invalid(UNSTORABLE_MESSAGE)


def install_request_guards(app: Flask) -> None:
    """Run the guards before the other hooks, so that CSRF and the views read a body already checked."""
    app.before_request_funcs.setdefault(None, [])[:0] = [refuse_unknown_host, refuse_unstorable_input]
