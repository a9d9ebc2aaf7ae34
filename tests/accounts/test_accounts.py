import pytest
from sqlalchemy import func, select

from forum.accounts.models import LoginSession, Role, User
from forum.extensions import db
from forum.fabriques.models import Membership, MembershipStatus
from tests.conftest import PASSWORD, base_config, csrf_token, login, make_fabrique, make_user, submit

REGISTRATION = {"email": "nadia.benali@exemple.fr", "display_name": "Nadia Benali",
                "password": "le jardin partagé ouvre en mai", "password_confirm": "le jardin partagé ouvre en mai",
                "fabrique": ""}


def _users() -> int:
    return db.session.execute(select(func.count()).select_from(User)).scalar_one()


def _logged_in_as(client, name: str) -> bool:
    return f">{name}</a>" in client.get("/").get_data(as_text=True)


def test_register_logs_in_and_hashes_password(client, app):
    response = submit(client, "/inscription", REGISTRATION)
    assert response.status_code == 302
    assert _logged_in_as(client, "Nadia Benali")
    user = db.session.execute(select(User)).scalar_one()
    assert user.email == "nadia.benali@exemple.fr" and user.role is Role.MEMBER
    assert user.password_hash.startswith("scrypt:") and REGISTRATION["password"] not in user.password_hash


def test_production_hashes_with_scrypt_at_full_cost(tmp_path):
    from forum import create_app
    from forum.accounts import passwords

    config = base_config(tmp_path)
    del config["PASSWORD_HASH_METHOD"]  # what a deployment gets
    try:
        app = create_app(config)
        assert app.config["PASSWORD_HASH_METHOD"] == "scrypt:32768:8:1"
        hashed = passwords.hash_password("une phrase de passe assez longue")
        assert hashed.startswith("scrypt:32768:8:1$")
        assert passwords.verify_password(hashed, "une phrase de passe assez longue")
        assert not passwords.verify_password(hashed, "une autre phrase de passe")
    finally:
        passwords.use_hash_method(base_config(tmp_path)["PASSWORD_HASH_METHOD"])


def test_register_with_a_fabrique_creates_a_pending_request(client, app):
    manager = make_user("gerante@exemple.fr", "Gérante Dupont")
    fabrique = make_fabrique(manager)
    response = submit(client, "/inscription", {**REGISTRATION, "fabrique": str(fabrique.id)})
    assert response.status_code == 302
    membership = db.session.execute(
        select(Membership).join(User, User.id == Membership.user_id).where(User.email == REGISTRATION["email"])
    ).scalar_one()
    assert membership.status is MembershipStatus.PENDING and membership.fabrique_id == fabrique.id


@pytest.mark.parametrize("changes,message", [
    ({"password": "court", "password_confirm": "court"}, "au moins 12 caractères"),
    ({"password": "motdepasse123", "password_confirm": "motdepasse123"}, "trop courant"),
    ({"password": "aaaaaaaaaaaaaaaa", "password_confirm": "aaaaaaaaaaaaaaaa"}, "trop courant"),
    ({"password": "nadia.benali-2026", "password_confirm": "nadia.benali-2026"}, "ne doit pas contenir"),
    ({"password_confirm": "autre chose encore"}, "ne sont pas identiques"),
    ({"email": "pas-une-adresse"}, "adresse e-mail"),
    ({"email": ""}, "obligatoire"),
    ({"display_name": "N"}, "2"),
    ({"display_name": "N" * 81}, "80"),
    ({"fabrique": "999999"}, "Aucune fabrique ne correspond"),
])
def test_register_refuses_bad_input_with_french_message(client, app, changes, message):
    response = submit(client, "/inscription", {**REGISTRATION, **changes})
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert _users() == 0


def test_register_twice_with_same_email_is_refused(client, other_client, app):
    submit(client, "/inscription", REGISTRATION)
    response = submit(other_client, "/inscription", {**REGISTRATION, "email": "NADIA.BENALI@exemple.fr"})
    assert response.status_code == 409
    assert "Un compte existe déjà" in response.get_data(as_text=True)
    assert _users() == 1


def test_login_failure_says_the_same_for_unknown_email_and_wrong_password(client, app):
    make_user()
    unknown = submit(client, "/connexion", {"email": "personne@exemple.fr", "password": PASSWORD})
    wrong = submit(client, "/connexion", {"email": "alice@exemple.fr", "password": "pas le bon mot de passe"})
    assert unknown.status_code == wrong.status_code == 401
    message = "Adresse e-mail ou mot de passe incorrect."
    assert message in unknown.get_data(as_text=True) and message in wrong.get_data(as_text=True)


def test_login_is_rate_limited_after_six_failures(client, app):
    make_user()
    for _ in range(6):
        assert submit(client, "/connexion", {"email": "alice@exemple.fr", "password": "mauvais mot de passe"}).status_code == 401
    response = submit(client, "/connexion", {"email": "alice@exemple.fr", "password": PASSWORD})
    assert response.status_code == 429
    assert "Trop de tentatives" in response.get_data(as_text=True)


def test_successful_logins_do_not_count_against_the_limit(client, app):
    make_user()
    for _ in range(8):
        login(client, "alice@exemple.fr")
        client.post("/deconnexion", data={"csrf_token": csrf_token(client, "/")})


def _session_cookie(client):
    return client.get_cookie("forum_session", domain="localhost").value


def test_logout_makes_a_replayed_cookie_useless(client, app):
    make_user()
    login(client, "alice@exemple.fr")
    stolen = _session_cookie(client)
    assert client.post("/deconnexion", data={"csrf_token": csrf_token(client, "/")}).status_code == 302
    assert not _logged_in_as(client, "Alice Martin")
    client.set_cookie("forum_session", stolen, domain="localhost", secure=True, httponly=True)
    assert not _logged_in_as(client, "Alice Martin")
    assert client.get("/profil").status_code == 302  # sent to the login page
    assert db.session.execute(select(func.count()).select_from(LoginSession)).scalar_one() == 0


def test_changing_password_ends_other_sessions_but_keeps_this_one(client, other_client, app):
    make_user()
    login(client, "alice@exemple.fr")
    login(other_client, "alice@exemple.fr")
    new_password = "une toute nouvelle phrase secrète"
    response = submit(client, "/profil/mot-de-passe", {"current_password": PASSWORD, "new_password": new_password,
                                                      "new_password_confirm": new_password})
    assert response.status_code == 302
    assert _logged_in_as(client, "Alice Martin")
    assert not _logged_in_as(other_client, "Alice Martin")
    login(other_client, "alice@exemple.fr", new_password)


def test_changing_password_needs_the_current_one(client, app):
    make_user()
    login(client, "alice@exemple.fr")
    before = db.session.execute(select(User.password_hash)).scalar_one()
    response = submit(client, "/profil/mot-de-passe", {"current_password": "faux mot de passe", "new_password":
                      "une toute nouvelle phrase", "new_password_confirm": "une toute nouvelle phrase"})
    assert response.status_code == 400
    assert "Le mot de passe actuel est incorrect." in response.get_data(as_text=True)
    assert db.session.execute(select(User.password_hash)).scalar_one() == before


def test_edit_profile(client, app):
    make_user()
    login(client, "alice@exemple.fr")
    response = submit(client, "/profil", {"display_name": "Alice Martin-Roux", "bio": "Médiatrice numérique en Creuse."})
    assert response.status_code == 302
    assert _logged_in_as(client, "Alice Martin-Roux")
    user = db.session.execute(select(User)).scalar_one()
    assert user.bio == "Médiatrice numérique en Creuse."


def test_profile_refuses_oversized_bio(client, app):
    make_user()
    login(client, "alice@exemple.fr")
    response = submit(client, "/profil", {"display_name": "Alice", "bio": "x" * 1001})
    assert response.status_code == 400
    assert db.session.execute(select(User.bio)).scalar_one() == ""


def test_profile_pages_need_login(client):
    for url in ("/profil", "/profil/mot-de-passe", "/sujets/nouveau", "/admin/membres"):
        response = client.get(url)
        assert response.status_code == 302 and "/connexion?next=" in response.headers["Location"]


def test_admin_appoints_a_moderator(client, app):
    make_user("admin@exemple.fr", "Admin Istrateur", role="admin")
    target = make_user("bob@exemple.fr", "Bob Leroy")
    login(client, "admin@exemple.fr")
    assert "Bob Leroy" in client.get("/admin/membres").get_data(as_text=True)
    response = submit(client, f"/admin/membres/{target.id}/role", {"role": "moderator"}, form_url="/admin/membres")
    assert response.status_code == 302
    assert db.session.get(User, target.id).role is Role.MODERATOR


def test_non_admin_cannot_change_roles(client, app):
    make_user()
    target = make_user("bob@exemple.fr", "Bob Leroy")
    login(client, "alice@exemple.fr")
    assert client.get("/admin/membres").status_code == 403
    response = submit(client, f"/admin/membres/{target.id}/role", {"role": "admin"}, form_url="/profil")
    assert response.status_code == 403
    assert db.session.get(User, target.id).role is Role.MEMBER


def test_last_admin_cannot_step_down(client, app):
    admin = make_user("admin@exemple.fr", "Admin Istrateur", role="admin")
    login(client, "admin@exemple.fr")
    response = submit(client, f"/admin/membres/{admin.id}/role", {"role": "member"}, form_url="/admin/membres")
    assert response.status_code == 409
    assert db.session.get(User, admin.id).role is Role.ADMIN


def test_unknown_role_is_refused(client, app):
    make_user("admin@exemple.fr", "Admin Istrateur", role="admin")
    target = make_user("bob@exemple.fr", "Bob Leroy")
    login(client, "admin@exemple.fr")
    response = submit(client, f"/admin/membres/{target.id}/role", {"role": "superuser"}, form_url="/admin/membres")
    assert response.status_code == 400
    assert db.session.get(User, target.id).role is Role.MEMBER


def test_create_admin_command(app):
    result = app.test_cli_runner().invoke(args=["create-admin", "--email", "chef@exemple.fr", "--name", "Cheffe",
                                                "--password", "une phrase très longue pour l'admin"])
    assert result.exit_code == 0, result.output
    assert db.session.execute(select(User.role).where(User.email == "chef@exemple.fr")).scalar_one() is Role.ADMIN
    bad = app.test_cli_runner().invoke(args=["create-admin", "--email", "x@exemple.fr", "--name", "X Y",
                                             "--password", "court"])
    assert bad.exit_code != 0 and "12 caractères" in bad.output
