"""The page cache keeps pages apart by host and scheme: a forged Host header poisons nothing."""

from tests.conftest import make_category, make_thread, make_user


def test_a_feed_cached_for_a_forged_host_is_not_served_to_the_real_one(client, app):
    app.config["SITE_URL"] = None  # absolute links come from the request
    make_thread(make_user(), make_category())
    forged = client.get("/flux/sujets.atom", base_url="https://evil.example")
    assert forged.status_code == 200 and "evil.example" in forged.get_data(as_text=True)
    response = client.get("/flux/sujets.atom", base_url="https://localhost")
    assert response.status_code == 200 and response.headers["X-Page-Cache"] == "miss"
    assert "evil.example" not in response.get_data(as_text=True)
    assert client.get("/flux/sujets.atom", base_url="https://localhost").headers["X-Page-Cache"] == "hit"


def test_the_scheme_is_part_of_the_key(client, app):
    app.config["SITE_URL"] = None
    make_thread(make_user(), make_category())
    assert client.get("/flux/sujets.atom", base_url="http://localhost").headers["X-Page-Cache"] == "miss"
    response = client.get("/flux/sujets.atom", base_url="https://localhost")
    assert response.headers["X-Page-Cache"] == "miss" and "http://localhost" not in response.get_data(as_text=True)
