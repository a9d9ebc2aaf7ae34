"""Every POST endpoint refuses a request without a CSRF token, and no GET changes state."""

import re

from sqlalchemy import func, select

from forum.accounts.models import LoginSession, User
from forum.extensions import db
from tests.conftest import login, make_category, make_fabrique, make_thread, make_user


def _example_value(match) -> str:
    converter, options = match.group(1), match.group(2)
    if converter == "any":
        return options.split(",")[0].strip()
    return "accepter" if match.group(3) == "action" else "1"


def _example_path(rule) -> str:
    """A concrete path for a URL rule: ids become 1, <any(a, b)> its first option."""
    return re.sub(r"<(?:([a-z]+)(?:\(([^)]*)\))?:)?([a-z_]+)>", _example_value, rule.rule)


# POST endpoints exempt from CSRF because a signed token in their URL authorises them.
SIGNED_TOKEN_ENDPOINTS = {"notifications.unsubscribe"}


def test_every_post_endpoint_requires_csrf(client, app):
    user = make_user("admin@exemple.fr", "Admin Istrateur", role="admin")
    make_fabrique(user)
    make_thread(user, make_category())
    login(client, "admin@exemple.fr")
    post_rules = [rule for rule in app.url_map.iter_rules() if "POST" in rule.methods]
    assert len(post_rules) >= 15
    for rule in post_rules:
        response = client.post(_example_path(rule), data={"body": "x", "name": "x", "role": "admin"})
        assert response.status_code == 400, (rule.rule, response.status_code)
        if rule.endpoint in SIGNED_TOKEN_ENDPOINTS:
            # The e-mails' one-click unsubscribe: the signed token in the URL is the credential.
            assert "Ce lien de désinscription n&#39;est pas valide" in response.get_data(as_text=True)
        else:
            assert "Le formulaire a expiré" in response.get_data(as_text=True), rule.rule
    # Still logged in, nothing written.
    assert db.session.execute(select(func.count()).select_from(LoginSession)).scalar_one() == 1
    assert db.session.execute(select(func.count()).select_from(User)).scalar_one() == 1


def test_get_never_changes_state(client, app):
    user = make_user("admin@exemple.fr", "Admin Istrateur", role="admin")
    make_fabrique(user)
    make_thread(user, make_category())
    login(client, "admin@exemple.fr")
    # Read positions (threads.models.ThreadRead) are written by reading, on purpose.
    from forum.core.models import Base

    reading = {mapper.local_table.name for mapper in Base.registry.mappers
               if getattr(mapper.class_, "__written_by_reading__", False)}
    assert reading == {"thread_reads"}
    tables = [table for table in db.metadata.sorted_tables if table.name not in reading]
    before = {table.name: db.session.execute(select(func.count()).select_from(table)).scalar_one() for table in tables}
    for rule in app.url_map.iter_rules():
        if "GET" in rule.methods and rule.endpoint != "static":
            client.get(_example_path(rule))
    after = {table.name: db.session.execute(select(func.count()).select_from(table)).scalar_one() for table in tables}
    assert after == before


def test_healthz_reports_an_unreachable_database(tmp_path):
    from forum import create_app
    from tests.conftest import HttpsClient, base_config

    app = create_app({**base_config(tmp_path),
                      "SQLALCHEMY_DATABASE_URI": "postgresql+psycopg://nobody@127.0.0.1:1/none",
                      "SQLALCHEMY_ENGINE_OPTIONS": {"connect_args": {"connect_timeout": 1}}})
    app.test_client_class = HttpsClient
    with app.app_context():
        response = app.test_client().get("/healthz")
        assert response.status_code == 503
        assert response.json == {"status": "error", "database": "unreachable"}
