"""The CSRF token of a page, signed once per process and session rather than on every page.

Flask-WTF keeps a random token in the session and gives pages that token signed with a
timestamp (``generate_csrf``), signing it again on every request: an HMAC and a serialisation
on every page a member reads. The forum sets no time limit on tokens (WTF_CSRF_TIME_LIMIT is
None: a token lives as long as its session), so the timestamp is never checked and the same
signed token serves every page of the session. Flask-WTF reads the signed token of the request
from ``g.<WTF_CSRF_FIELD_NAME>`` (its documented testing hook): this module puts it there.
"""

from __future__ import annotations

from flask import current_app, g, session
from flask_wtf.csrf import generate_csrf

from forum.core.lru import LRU

MAX_SESSIONS = 10_000
_signed: LRU[str] = LRU(MAX_SESSIONS)  # (secret, the session's raw token) -> its signed token


def csrf_token() -> str:
    """The request's signed CSRF token (``generate_csrf``), taken from this process's earlier
    signature of the same session token when tokens have no time limit."""
    config = current_app.config
    if config.get("WTF_CSRF_TIME_LIMIT") is not None:
        return generate_csrf()
    field = config.get("WTF_CSRF_FIELD_NAME", "csrf_token")
    secret = config.get("WTF_CSRF_SECRET_KEY") or current_app.secret_key
    raw = session.get(field)
    if field not in g and isinstance(raw, str):
        signed = _signed.get((secret, raw))
        if signed is not None:
            setattr(g, field, signed)
    token = generate_csrf()  # signs, and gives the session its token, when none was kept
    _signed.put((secret, session[field]), token)
    return token
