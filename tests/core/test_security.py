import pytest

from forum.core.security import is_safe_local_path
from forum.threads.models import Thread
from tests.conftest import PASSWORD, csrf_token, login, make_category, make_user, submit


@pytest.mark.parametrize("url", ["/", "/fabriques", "/connexion", "/page-inconnue", "/healthz"])
def test_security_headers_on_every_response(client, url):
    response = client.get(url)
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"]


def test_no_inline_script_in_pages(client, app):
    make_user()
    login(client, "alice@exemple.fr")
    for url in ("/", "/fabriques", "/sujets/nouveau", "/profil"):
        html = client.get(url).get_data(as_text=True)
        assert "<script>" not in html and " onclick=" not in html and "javascript:" not in html


def test_session_cookie_is_secure_httponly_lax(client, app):
    make_user()
    response = login(client, "alice@exemple.fr")
    cookie = next(value for value in response.headers.getlist("Set-Cookie") if value.startswith("forum_session="))
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_post_without_csrf_token_is_refused_and_changes_nothing(client, app):
    make_user()
    make_category()
    login(client, "alice@exemple.fr")
    response = client.post("/sujets/nouveau", data={"title": "Un sujet sans jeton CSRF", "category": "mediation-numerique",
                                                    "body": "texte", "action": "publish"})
    assert response.status_code == 400
    assert "Le formulaire a expiré" in response.get_data(as_text=True)
    assert app.extensions["sqlalchemy"].session.query(Thread).count() == 0


def test_post_with_forged_csrf_token_is_refused(client, app):
    make_user()
    response = client.post("/connexion", data={"email": "alice@exemple.fr", "password": PASSWORD,
                                               "csrf_token": "forged"})
    assert response.status_code == 400


def test_logout_requires_post(client, app):
    make_user()
    login(client, "alice@exemple.fr")
    assert client.get("/deconnexion").status_code == 405
    assert "Alice Martin" in client.get("/").get_data(as_text=True)


@pytest.mark.parametrize("target,safe", [
    ("/fabriques?page=2", True), ("/", True), ("https://evil.example/", False), ("//evil.example/", False),
    ("/\\evil.example", False), ("javascript:alert(1)", False), ("", False), (None, False),
    ("http:/evil.example", False), ("/\tevil", False),
])
def test_safe_local_path(target, safe):
    assert is_safe_local_path(target) is safe


def test_login_next_only_goes_to_local_paths(client, app):
    make_user()
    token = csrf_token(client, "/connexion")
    response = client.post("/connexion?next=https://evil.example/", data={
        "csrf_token": token, "email": "alice@exemple.fr", "password": PASSWORD})
    assert response.status_code == 302 and response.headers["Location"] == "/"
    client.post("/deconnexion", data={"csrf_token": csrf_token(client, "/")})
    response = submit(client, "/connexion?next=/fabriques", {"email": "alice@exemple.fr", "password": PASSWORD})
    assert response.headers["Location"] == "/fabriques"


@pytest.mark.parametrize("url", [f"/sujets/{2**63}", f"/sujets/{10**30}", "/messages/99999999999999999999/modifier",
                                 f"/membres/{2**64}", "/sujets/0", "/sujets/-1", "/sujets/abc"])
def test_huge_or_malformed_ids_are_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Page introuvable" in response.get_data(as_text=True)


def test_unknown_page_is_french_404(client):
    response = client.get("/nulle-part")
    assert response.status_code == 404
    assert "Cette page n&#39;existe pas" in response.get_data(as_text=True)


def test_oversized_request_is_413(client, app):
    make_user()
    login(client, "alice@exemple.fr")
    token = csrf_token(client, "/profil")
    response = client.post("/profil", data={"csrf_token": token, "display_name": "A", "bio": "x" * 2_000_000})
    assert response.status_code == 413
    assert "trop volumineux" in response.get_data(as_text=True)


def test_unexpected_error_is_a_french_500_page_and_rolls_back(client, app):
    from forum.accounts.models import User
    from forum.extensions import db as database

    def broken():
        database.session.add(User(email="fantome@exemple.fr", display_name="Fantôme", password_hash="x"))
        database.session.flush()
        raise RuntimeError("boom")

    app.add_url_rule("/test-erreur", "broken", broken)
    response = client.get("/test-erreur")
    assert response.status_code == 500
    html = response.get_data(as_text=True)
    assert "Erreur du serveur" in html and "Une erreur inattendue s&#39;est produite" in html
    assert "boom" not in html and "Traceback" not in html
    assert database.session.query(User).count() == 0
