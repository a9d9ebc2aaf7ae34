"""A forged Host header poisons nothing: it is refused, and pages never depend on the host."""

import pytest

from tests.conftest import make_category, make_thread, make_user, running_app


def test_a_forged_host_is_refused_and_nothing_is_cached_for_it(client, app):
    make_thread(make_user(), make_category())
    forged = client.get("/flux/sujets.atom", base_url="https://evil.example")
    assert forged.status_code == 400 and "X-Page-Cache" not in forged.headers
    assert "evil.example" not in forged.get_data(as_text=True)
    assert "Il répond à https://localhost" in forged.get_data(as_text=True)
    response = client.get("/flux/sujets.atom", base_url="https://localhost")
    assert response.status_code == 200 and response.headers["X-Page-Cache"] == "miss"
    assert client.get("/flux/sujets.atom", base_url="https://localhost").headers["X-Page-Cache"] == "hit"


@pytest.fixture
def two_hosts_app(tmp_path):
    """The site answers at forum.exemple.org and, as an extra trusted host, at localhost."""
    with running_app(tmp_path, SITE_URL="https://forum.exemple.org",
                     EXTRA_TRUSTED_HOSTS="localhost, .fabriques.test") as app:
        yield app


def test_links_come_from_the_site_url_whatever_trusted_host_was_asked(two_hosts_app):
    client = two_hosts_app.test_client()
    make_thread(make_user(), make_category())
    for base_url in ("http://localhost", "https://localhost", "https://www.fabriques.test"):
        response = client.get("/flux/sujets.atom", base_url=base_url)
        assert response.status_code == 200, base_url
        feed = response.get_data(as_text=True)
        assert "https://forum.exemple.org/sujets/" in feed and "localhost" not in feed and "fabriques.test" not in feed
    # Each address keeps its own entries all the same: none is ever served another's page.
    assert client.get("/flux/sujets.atom", base_url="http://localhost").headers["X-Page-Cache"] == "hit"
    assert client.get("/flux/sujets.atom", base_url="https://evil.example").status_code == 400
    assert client.get("/flux/sujets.atom", base_url="https://fabriques.test.evil.example").status_code == 400
