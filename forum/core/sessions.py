"""The session cookie, sent again when it changed or when its signature is an hour old.

Flask's own interface sends a permanent session's cookie with every response to push its
expiry 30 days ahead, which costs a signature, a compression and a ``Set-Cookie`` on every
page a member reads. Renewing it when it is an hour old keeps the same promise (a member
who comes back within 30 days stays logged in) to within an hour.

Flask also builds a new signing serializer for every request (an HMAC key derivation and a
trial serialisation each time); this one keeps it for as long as the keys stay the same. And a
member's browser sends the same cookie with every page for an hour: its signature is checked and
its content decoded once per process, then read again from memory (a copy for each request; its
age is still checked every time).
"""

from __future__ import annotations

import copy
import time
from typing import Any

from flask import Flask, Request, g
from flask.sessions import SecureCookieSession, SecureCookieSessionInterface
from itsdangerous import BadSignature, URLSafeTimedSerializer

from forum.core.lru import LRU

REFRESH_AFTER_SECONDS = 60 * 60
_STATELESS = "stateless_response"


def serve_statelessly() -> None:
    """This request's response is the same for everyone (the public API): no session cookie is sent
    with it, even one due for renewal, and it does not vary with the visitor's cookies."""
    setattr(g, _STATELESS, True)


def is_stateless() -> bool:
    return bool(g.get(_STATELESS))
MAX_DECODED_COOKIES = 5_000


class _SignedSession(SecureCookieSession):
    """A session that knows when its cookie was signed (0: not read from a cookie)."""

    signed_at: float = 0.0


class HourlyRefreshSessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie session, whose unchanged permanent cookie is renewed hourly."""

    session_class = _SignedSession

    def __init__(self) -> None:
        self._serializers: dict[tuple, URLSafeTimedSerializer | None] = {}
        # (serializer, cookie) -> (content, when signed): only cookies whose signature was good.
        self._decoded: LRU[tuple[dict[str, Any], float]] = LRU(MAX_DECODED_COOKIES)

    def get_signing_serializer(self, app: Flask) -> URLSafeTimedSerializer | None:
        """Flask's serializer, built once per set of keys (a new key or fallback builds a new one)."""
        keys = (app.secret_key, tuple(app.config["SECRET_KEY_FALLBACKS"] or ()))
        if keys not in self._serializers:
            self._serializers[keys] = super().get_signing_serializer(app)
        return self._serializers[keys]

    def open_session(self, app: Flask, request: Request) -> _SignedSession | None:
        serializer = self.get_signing_serializer(app)
        if serializer is None:
            return None
        value = request.cookies.get(self.get_cookie_name(app))
        if not value:
            return self.session_class()
        max_age = int(app.permanent_session_lifetime.total_seconds())
        key = (id(serializer), value)
        decoded = self._decoded.get(key)
        if decoded is None:
            try:
                data, signed = serializer.loads(value, max_age=max_age, return_timestamp=True)
            except BadSignature:
                return self.session_class()
            decoded = (data, signed.timestamp())
            self._decoded.put(key, decoded)
        data, signed_at = decoded
        if time.time() - signed_at > max_age:  # as the signature's own check would say (expired)
            return self.session_class()
        session = self.session_class(copy.deepcopy(data))  # a request may change its session
        session.signed_at = signed_at
        return session

    def save_session(self, app: Flask, session, response) -> None:
        if is_stateless():  # no cookie, and no "Vary: Cookie" (Flask adds it once the session was read)
            return
        super().save_session(app, session, response)

    def should_set_cookie(self, app: Flask, session: SecureCookieSession) -> bool:
        if session.modified:
            return True
        if not (session.permanent and app.config["SESSION_REFRESH_EACH_REQUEST"]):
            return False
        return time.time() - getattr(session, "signed_at", 0.0) >= REFRESH_AFTER_SECONDS
