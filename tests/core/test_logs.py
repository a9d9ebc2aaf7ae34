"""Log lines: user-controlled text cannot forge one; refused requests leave a warning without secrets."""

import logging

import pytest

from forum.core.logs import escape_for_log
from tests.conftest import PASSWORD, csrf_token, login, make_user


def _warnings(caplog) -> list[str]:
    return [record.getMessage() for record in caplog.records
            if record.name == "forum.requests" and record.levelno == logging.WARNING]


@pytest.mark.parametrize("raw,escaped", [
    ("a\r\nb", "a\\r\\nb"), ("nul\x00", "nul\\x00"), ("\x1b[31m", "\\x1b[31m"), ("tab\there", "tab\\there"),
    ("\x85\u2028\u2029", "\\x85\\u2028\\u2029"), ("\u202egnp.exe", "\\u202egnp.exe"), ("Médiation « ok »", "Médiation « ok »"),
])
def test_escape_for_log(raw, escaped):
    assert escape_for_log(raw) == escaped


def test_every_record_of_the_process_has_its_arguments_escaped(app, caplog):
    # Installed by create_app: any logger, any string argument, positional or named.
    logging.getLogger("forum.anywhere").warning("visit of %s", "/page\r\n2025-01-01 INFO admin logged in")
    logging.getLogger("some.library").warning("%(path)s", {"path": "/x\ny"})
    messages = [record.getMessage() for record in caplog.records]
    assert "visit of /page\\r\\n2025-01-01 INFO admin logged in" in messages and "/x\\ny" in messages
    assert not any("\n" in message for message in messages)


def test_a_refused_request_is_one_warning_line_even_with_a_forged_path(client, app, caplog):
    caplog.set_level(logging.INFO)
    response = client.post("/fabriques/a%0D%0A2025-01-01%20INFO%20faux/rejoindre", data={"x": "1"})
    assert response.status_code == 400
    [line] = _warnings(caplog)
    assert line == ("Refused POST /fabriques/a\\r\\n2025-01-01 INFO faux/rejoindre: 400 CSRF: The CSRF token is "
                    "missing. (from 127.0.0.1, member -)")


def test_refused_login_never_logs_the_password_nor_the_cookie(client, app, caplog):
    make_user()
    caplog.set_level(logging.INFO)
    token = csrf_token(client, "/connexion")
    client.set_cookie("forum_session", "cookie-secret-value", domain="localhost")
    client.post("/connexion", data={"email": "alice@exemple.fr", "password": "mon-mot-de-passe-secret",
                                    "csrf_token": token + "x"})
    for password in ("mon-mot-de-passe-secret", PASSWORD):
        client.post("/connexion", data={"email": "alice@exemple.fr", "password": password, "csrf_token": token})
    text = "\n".join(record.getMessage() for record in caplog.records)
    assert "Refused POST /connexion: 400 CSRF" in text
    assert "mon-mot-de-passe-secret" not in text and PASSWORD not in text
    assert "cookie-secret-value" not in text and token not in text


def test_forbidden_and_rate_limited_requests_are_warnings_naming_the_member(client, app, caplog):
    user = make_user()
    login(client, "alice@exemple.fr")
    caplog.set_level(logging.INFO)
    assert client.get("/moderation/journal").status_code == 403
    assert f"Refused GET /moderation/journal: 403 Forbidden (from 127.0.0.1, member {user.id})" in _warnings(caplog)

    other = app.test_client()
    app.config["LOGIN_FAILURE_LIMIT"] = "2 per minute"
    token = csrf_token(other, "/connexion")
    statuses = [other.post("/connexion", data={"email": "alice@exemple.fr", "password": "mauvais mot de passe",
                                                "csrf_token": token}).status_code for _ in range(3)]
    assert statuses[-1] == 429
    assert "Refused POST /connexion: 429 rate limit (from 127.0.0.1, member -)" in _warnings(caplog)
