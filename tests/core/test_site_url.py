"""Absolute links come from SITE_URL only, which is required; a request for another host is refused."""

import re

import pytest

from forum import create_app
from forum.config import ConfigurationError, settings_from_environment, trusted_hosts
from forum.extensions import db
from forum.threads.models import Post
from tests.conftest import base_config, login, make_category, make_thread, make_user, running_app, submit

SITE = "https://forum.exemple.org"


def outbox(app) -> list:
    return app.extensions["mailman"].__dict__.setdefault("outbox", [])


@pytest.mark.parametrize("site_url", [None, "", "forum.exemple.org", "ftp://forum.exemple.org",
                                      "https://forum.exemple.org/forum", "https://forum.exemple.org/?a=1", "https://"])
def test_the_app_refuses_to_start_without_a_proper_site_url(tmp_path, site_url):
    with pytest.raises(ConfigurationError, match="FORUM_SITE_URL"):
        create_app({**base_config(tmp_path), "SITE_URL": site_url})


def test_site_url_is_normalised_and_names_the_trusted_host(tmp_path):
    app = create_app({**base_config(tmp_path), "SITE_URL": "https://Forum.Exemple.org:8443/"})
    assert app.config["SITE_URL"] == "https://Forum.Exemple.org:8443"
    assert app.config["SITE_HOSTS"] == ["forum.exemple.org"]
    with app.app_context():
        db.engine.dispose()


def test_extra_trusted_hosts_from_the_environment():
    assert settings_from_environment({"FORUM_TRUSTED_HOSTS": "a.example, .b.example"}) == {
        "EXTRA_TRUSTED_HOSTS": "a.example, .b.example"}
    assert trusted_hosts(SITE, "a.example, .b.example,") == ["forum.exemple.org", "a.example", ".b.example"]
    assert trusted_hosts(SITE, ["Localhost", "forum.exemple.org"]) == ["forum.exemple.org", "localhost"]


@pytest.fixture
def site_app(tmp_path):
    """The forum at https://forum.exemple.org, also reached (behind the proxy) as localhost."""
    with running_app(tmp_path, SITE_URL=SITE, EXTRA_TRUSTED_HOSTS=["localhost"]) as app:
        yield app


def test_a_member_posting_with_a_forged_host_is_refused_and_e_mails_carry_only_the_site_url(site_app):
    alice = make_user()  # the thread's author hears of replies by e-mail (the default)
    thread = make_thread(alice, make_category())
    make_user("bob@exemple.fr", "Bob Leroy")
    client = site_app.test_client()
    login(client, "bob@exemple.fr")
    outbox(site_app).clear()

    url = f"/sujets/{thread.id}/repondre"
    forged = client.post(url, base_url="https://evil.example", headers={"Referer": "https://evil.example/"},
                         data={"body": "Une réponse", "action": "publish"})
    assert forged.status_code == 400
    assert "Cette adresse n&#39;est pas celle du forum. Il répond à https://forum.exemple.org." in forged.get_data(
        as_text=True)
    assert db.session.query(Post).count() == 1 and outbox(site_app) == []

    assert submit(client, url, {"body": "Une vraie réponse", "action": "publish"}).status_code == 302
    [email] = outbox(site_app)
    assert email.to == ["alice@exemple.fr"]
    links = re.findall(r"https?://\S+", email.body)
    assert links and all(link.startswith(f"{SITE}/") for link in links), links
    assert email.extra_headers["List-Unsubscribe"].startswith(f"<{SITE}/notifications/desabonnement/")
    assert "localhost" not in email.body and "evil" not in email.body


def test_every_page_of_an_unknown_host_is_refused(client):
    for url in ("/", "/connexion", "/nulle-part", "/flux/sujets.atom", "/ressources/1"):
        response = client.get(url, base_url="https://evil.example")
        assert response.status_code == 400, url
    # Its page links to the real address, and gets its stylesheet (static files answer any host).
    refused = client.get("/", base_url="https://evil.example").get_data(as_text=True)
    assert '<a class="button" href="https://localhost/">' in refused
    with client.get("/static/css/forum.css", base_url="https://evil.example") as stylesheet:
        assert stylesheet.status_code == 200
    # Load balancers check the health of each server by its address.
    assert client.get("/healthz", base_url="http://10.0.0.12:8000").json == {"status": "ok", "database": "ok"}
    assert client.get("/", headers={"Host": "localhost:8443"}).status_code == 200  # the port is not the host
