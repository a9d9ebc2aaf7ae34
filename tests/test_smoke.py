from tests.conftest import login, make_user


def test_home_and_healthz(client):
    assert client.get("/").status_code == 200
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json["database"] == "ok"


def test_login(client, app):
    make_user()
    login(client, "alice@exemple.fr")
    assert "Alice Martin" in client.get("/").get_data(as_text=True)
