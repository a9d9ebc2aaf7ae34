"""The CSRF token signed once per session (forum.core.csrf_tokens), checked against Flask-WTF's
public behaviour: the token a page carries is one ``validate_csrf`` accepts, and a form sent
with it is accepted."""

from __future__ import annotations

import re
import time

import pytest
from flask import session
from flask_wtf.csrf import validate_csrf
from wtforms import ValidationError

from forum.core import csrf_tokens
from tests.conftest import login, make_user


def _token(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def test_a_member_s_pages_carry_one_token_that_forms_accept(client, app, monkeypatch):
    make_user()
    login(client, "alice@exemple.fr")
    first = _token(client.get("/").get_data(as_text=True))
    later = time.time() + 10  # a signature made now would carry another timestamp
    monkeypatch.setattr(time, "time", lambda: later)
    assert _token(client.get("/fabriques").get_data(as_text=True)) == first  # signed once for the session
    with app.test_request_context():
        session["csrf_token"] = _raw_token(app, client)
        validate_csrf(first)  # raises if Flask-WTF refused it
    response = client.post("/deconnexion", data={"csrf_token": first})
    assert response.status_code == 302 and "Alice Martin" not in client.get("/").get_data(as_text=True)


def test_another_session_gets_another_token_and_cannot_use_the_first(client, other_client, app):
    make_user()
    make_user("bob@exemple.fr", "Bob Durand")
    login(client, "alice@exemple.fr")
    login(other_client, "bob@exemple.fr")
    alice, bob = (_token(each.get("/").get_data(as_text=True)) for each in (client, other_client))
    assert alice != bob
    assert other_client.post("/deconnexion", data={"csrf_token": alice}).status_code == 400
    assert "Bob Durand" in other_client.get("/").get_data(as_text=True)


def test_with_a_time_limit_tokens_are_signed_for_each_page(client, app, monkeypatch):
    app.config["WTF_CSRF_TIME_LIMIT"] = 3600
    make_user()
    login(client, "alice@exemple.fr")
    signed = []
    monkeypatch.setattr(csrf_tokens, "generate_csrf", lambda: signed.append(1) or "jeton")
    client.get("/")
    client.get("/fabriques")
    assert len(signed) == 2


def _raw_token(app, client) -> str:
    # The session's raw token, as Flask-WTF keeps it (read through Flask's own session interface).
    from flask import request

    with app.test_request_context(headers={"Cookie": f"forum_session={client.get_cookie('forum_session').value}"}):
        return app.session_interface.open_session(app, request)["csrf_token"]


def test_a_forged_token_is_refused(app):
    with app.test_request_context():
        with pytest.raises(ValidationError):
            validate_csrf("forged")
