"""The session cookie (forum.core.sessions): sent when it changes, renewed when an hour old."""

from __future__ import annotations

import time

from forum.core import sessions
from tests.conftest import login, make_user


def _session_cookie(response) -> str | None:
    return next((value for value in response.headers.getlist("Set-Cookie") if value.startswith("forum_session=")),
                None)


def test_reading_pages_sends_no_new_cookie_until_it_is_an_hour_old(client, app, monkeypatch):
    make_user()
    assert _session_cookie(login(client, "alice@exemple.fr")) is not None
    client.get("/")  # shows the login's « Bonjour », which changes the session
    page = client.get("/")
    assert page.status_code == 200 and "Alice Martin" in page.get_data(as_text=True)
    assert _session_cookie(page) is None
    assert _session_cookie(client.get("/fabriques")) is None

    an_hour_later = time.time() + sessions.REFRESH_AFTER_SECONDS + 1
    monkeypatch.setattr(time, "time", lambda: an_hour_later)  # the clock of the signature too
    renewed = _session_cookie(client.get("/"))
    assert renewed is not None and "Expires=" in renewed and "Secure" in renewed and "HttpOnly" in renewed
    # The renewed cookie still logs the member in, and is not renewed again at once.
    page = client.get("/")
    assert "Alice Martin" in page.get_data(as_text=True) and _session_cookie(page) is None


def test_a_changed_session_is_sent_at_once(client, app):
    make_user()
    login(client, "alice@exemple.fr")
    client.get("/")
    response = client.post("/deconnexion", data={"csrf_token": _token(client)})
    assert response.status_code == 302 and _session_cookie(response) is not None
    assert "Alice Martin" not in client.get("/").get_data(as_text=True)


def test_a_forged_or_expired_cookie_opens_an_empty_session(client, app, monkeypatch):
    make_user()
    login(client, "alice@exemple.fr")
    good = client.get_cookie("forum_session", domain="localhost").value
    client.set_cookie("forum_session", good[:-3] + "abc", domain="localhost", secure=True, httponly=True)
    assert "Alice Martin" not in client.get("/").get_data(as_text=True)

    client.set_cookie("forum_session", good, domain="localhost", secure=True, httponly=True)
    lifetime = app.permanent_session_lifetime.total_seconds()
    later = time.time() + lifetime + 60
    monkeypatch.setattr(time, "time", lambda: later)
    assert "Alice Martin" not in client.get("/").get_data(as_text=True)


def _token(client) -> str:
    import re

    html = client.get("/").get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def test_a_cookie_read_again_gives_each_request_its_own_unchanged_session(app):
    """The decoded content of a cookie is kept per process: what a request does to its session
    never shows in the next request that sends the same cookie."""
    interface = app.session_interface
    serializer = interface.get_signing_serializer(app)
    cookie = serializer.dumps({"_user_id": "clé", "_flashes": [("info", "Bonjour")]})
    headers = {"Cookie": f"{app.config['SESSION_COOKIE_NAME']}={cookie}"}
    with app.test_request_context("/", headers=headers) as context:
        first = interface.open_session(app, context.request)
        first["_flashes"].append(("info", "Encore"))
        first["_user_id"] = "autre"
    with app.test_request_context("/", headers=headers) as context:
        second = interface.open_session(app, context.request)
    assert second["_user_id"] == "clé" and second["_flashes"] == [("info", "Bonjour")]
    assert second is not first and second.signed_at == first.signed_at > 0
