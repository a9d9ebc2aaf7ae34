"""Identity hygiene: reserved and look-alike display names, password length, blocked e-mail
domains, the administrators' member search."""

from __future__ import annotations

import html
import time

import pytest
from sqlalchemy import func, select

from forum.accounts import services
from forum.accounts.models import User
from forum.accounts.names import name_key
from forum.accounts.passwords import hash_password
from forum.core.database import write_intent
from forum.core.errors import DomainError
from forum.extensions import db
from tests.processes import process_context
from tests.conftest import PASSWORD, base_config, login, make_user, submit

LOOKS_TAKEN = "Ce nom ressemble trop à celui d'un autre membre."


def _registration(**changes) -> dict:
    return {"email": "nadia.benali@exemple.fr", "display_name": "Nadia Benali", "password": PASSWORD,
            "password_confirm": PASSWORD, "fabrique": "", **changes}


def _text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def _users() -> int:
    return db.session.execute(select(func.count()).select_from(User)).scalar_one()


# --- reserved words ------------------------------------------------------------------------------
@pytest.mark.parametrize("name,word", [
    ("Admin", "admin"),
    ("\u0410dmin", "admin"),  # Cyrillic А
    ("ＡＤＭＩＮ", "admin"),  # full-width letters
    ("A.d.m.i.n", "admin"),
    ("Jean l'administrateur", "administrateur"),
    ("Modératrice Sophie", "modératrice"),
    ("moderateur", "modérateur"),
    ("Équipe du Forum", "équipe"),
    ("EQUIPE", "équipe"),
    ("Support technique", "support"),
    ("Membre Supprimé", "membre supprimé"),
    ("Le Systeme", "système"),
    ("Sys Tem", "system"),  # spelled out across words
])
def test_reserved_words_are_refused_at_registration(client, app, name, word):
    response = submit(client, "/inscription", _registration(display_name=name))
    assert response.status_code == 400
    assert f"Le nom affiché ne peut pas contenir «\u00a0{word}\u00a0», réservé à l'équipe du forum" in _text(response)
    assert _users() == 0


@pytest.mark.parametrize("name", ["Marie Forumiste", "Léa Stafford", "Jean Supporter", "Adeline Mint",
                                  "Camille Roux-Équipier", "Modeste Dupont"])
def test_names_that_merely_contain_the_letters_are_fine(client, app, name):
    assert submit(client, "/inscription", _registration(display_name=name)).status_code == 302


def test_staff_may_use_reserved_words_and_members_keep_an_old_name(client, app):
    moderator = make_user("mod@exemple.fr", "Modeste Modératrice", role="moderator")
    login(client, "mod@exemple.fr")
    assert submit(client, "/profil", {"display_name": "Sophie, modératrice", "bio": ""}).status_code == 302
    assert db.session.get(User, moderator.id).display_name == "Sophie, modératrice"
    # A member whose name predates the rule can still edit their presentation.
    member = make_user("bob@exemple.fr", "Bob Leroy")
    db.session.execute(User.__table__.update().where(User.id == member.id).values(display_name="Bob Admin"))
    db.session.commit()
    other = client.application.test_client()
    login(other, "bob@exemple.fr")
    assert submit(other, "/profil", {"display_name": "Bob Admin", "bio": "Fabmanager."}).status_code == 302
    response = submit(other, "/profil", {"display_name": "Bob Admin Leroy", "bio": ""})
    assert response.status_code == 400 and "réservé à l'équipe du forum" in _text(response)


# --- look-alike names ----------------------------------------------------------------------------
@pytest.mark.parametrize("name", [
    "Alice Martin", "alice martin", "ALICE MARTIN", "Alice  Martin", "Alice-Martin", "Alice.Martin",
    "\u0410lice M\u0430rtin",  # Cyrillic А and а
    "AIice Martin",  # a capital i for the l
    "Ａｌｉｃｅ Ｍａｒｔｉｎ",  # full-width
    "Alicé Märtin",  # accents
    "Alice\u200b Martin\u202e",  # invisible characters
])
def test_a_name_that_looks_like_a_members_is_refused(client, app, name):
    make_user("alice@exemple.fr", "Alice Martin")
    response = submit(client, "/inscription", _registration(display_name=name))
    assert response.status_code == 400 and LOOKS_TAKEN in _text(response)
    assert _users() == 1


def test_names_with_other_words_are_not_look_alikes(client, app):
    app.config["REGISTRATION_LIMIT"] = "10 per hour"
    make_user("joelle@exemple.fr", "Joëlle Roux")
    for number, name in enumerate(("Joël Leroux", "JoëlleRoux", "Joëlle Rousse", "Joëlle Roux 2")):
        other = client.application.test_client()
        response = submit(other, "/inscription", _registration(email=f"j{number}@exemple.fr", display_name=name))
        assert response.status_code == 302, name


def test_the_look_alike_check_is_an_indexed_lookup(app):
    make_user("alice@exemple.fr", "Alice Martin")
    assert db.session.execute(select(User.name_key)).scalar_one() == name_key("ＡＬＩＣＥ ＭＡＲＴＩＮ")
    unique = [c for c in User.__table__.constraints if getattr(c, "columns", None) and "name_key" in c.columns]
    assert unique and unique[0].__class__.__name__ == "UniqueConstraint"


def test_a_profile_cannot_take_a_look_alike_name_but_keeps_its_own(client, app):
    make_user("alice@exemple.fr", "Alice Martin")
    bob = make_user("bob@exemple.fr", "Bob Leroy")
    login(client, "bob@exemple.fr")
    response = submit(client, "/profil", {"display_name": "Alice Mаrtin", "bio": ""})
    assert response.status_code == 400 and LOOKS_TAKEN in _text(response)
    assert db.session.get(User, bob.id).display_name == "Bob Leroy"
    assert submit(client, "/profil", {"display_name": "BOB LEROY", "bio": "Fabmanager."}).status_code == 302
    assert db.session.get(User, bob.id).display_name == "BOB LEROY"


def test_a_deleted_members_name_is_free(client, app):
    make_user("alice@exemple.fr", "Alice Martin")
    login(client, "alice@exemple.fr")
    assert submit(client, "/profil/supprimer-mon-compte", {"password": PASSWORD}).status_code == 302
    assert db.session.execute(select(User.name_key)).scalar_one() is None
    newcomer = client.application.test_client()
    assert submit(newcomer, "/inscription", _registration(display_name="Alice Martin")).status_code == 302
    # And "Membre supprimé" (the deleted accounts' signature) blocks nobody either, nor is it taken.
    assert submit(newcomer, "/profil", {"display_name": "Membre supprimé", "bio": ""}).status_code == 400


def test_a_name_needs_letters_or_digits(client, app):
    response = submit(client, "/inscription", _registration(display_name="!!! ???"))
    assert response.status_code == 400 and "doit contenir des lettres ou des chiffres" in _text(response)


def _register_alike(config: dict, email: str, name: str, first: bool, barrier, results) -> None:
    """One worker: the first registers, waits for the second to start, then commits a second later."""
    from forum import create_app

    app = create_app(config)
    with app.app_context(), write_intent():
        try:
            if first:
                services.register(email, name, PASSWORD)
                barrier.wait(timeout=60)
                time.sleep(1)  # the second registration checks the name meanwhile, and finds it free
            else:
                barrier.wait(timeout=60)
                services.register(email, name, PASSWORD)
            db.session.commit()
            results.put((email, "created"))
        except DomainError as error:
            results.put((email, f"{error.status_code} {error.message}"))
        except Exception as error:  # noqa: BLE001 - reported to the test, which would wait otherwise
            results.put((email, repr(error)))
        finally:
            db.session.remove()
            db.engine.dispose()


def test_two_look_alike_registrations_at_once_make_one_account(app, tmp_path):
    config = {**base_config(tmp_path), "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"]}
    context = process_context()
    barrier, results = context.Barrier(2), context.Queue()
    workers = [context.Process(target=_register_alike, args=(config, "alice@exemple.fr", "Alice Martin", True,
                                                              barrier, results)),
               context.Process(target=_register_alike, args=(config, "alice2@exemple.fr", "\u0410lice Martin", False,
                                                              barrier, results))]
    for worker in workers:
        worker.start()
    outcomes = dict(results.get(timeout=120) for _ in workers)
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    assert outcomes["alice@exemple.fr"] == "created"
    # PostgreSQL: the unique key refuses the second insert (409); SQLite: the second waits for the
    # first's write lock, then sees its name (400). Never two accounts.
    assert outcomes["alice2@exemple.fr"] in (f"409 {services.NAME_LOOKS_TAKEN}", f"400 {services.NAME_LOOKS_TAKEN}")
    db.session.rollback()
    assert db.session.execute(select(User.email)).scalars().all() == ["alice@exemple.fr"]


# --- passwords -----------------------------------------------------------------------------------
def test_passwords_longer_than_128_characters_are_refused_before_hashing(client, app, monkeypatch):
    hashed = []
    monkeypatch.setattr(services, "hash_password", lambda password: hashed.append(password) or "x")
    long_password = "une phrase de passe " * 7  # 140 characters
    response = submit(client, "/inscription", _registration(password=long_password, password_confirm=long_password))
    assert response.status_code == 400 and "Le mot de passe ne peut pas dépasser 128 caractères" in _text(response)
    assert hashed == [] and _users() == 0
    with pytest.raises(DomainError, match="ne peut pas dépasser 128 caractères"):
        with write_intent():
            services.register("x@exemple.fr", "Xavier Dupont", "a-long-passphrase " * 8)
    exactly = ("une phrase de passe de cent vingt-huit caractères " * 3)[:128]
    monkeypatch.undo()
    assert submit(client, "/inscription", _registration(password=exactly, password_confirm=exactly)).status_code == 302


def test_a_new_password_is_128_characters_at_most_but_older_long_ones_still_log_in(client, app):
    user = make_user()
    older = "une très longue phrase de passe choisie avant la règle des cent vingt-huit caractères " * 2
    assert 128 < len(older) <= 200
    db.session.get(User, user.id).password_hash = hash_password(older)
    db.session.commit()
    login(client, "alice@exemple.fr", older)
    response = submit(client, "/profil/mot-de-passe", {"current_password": older, "new_password": older + "!",
                                                       "new_password_confirm": older + "!"})
    assert response.status_code == 400 and "ne peut pas dépasser 128 caractères" in _text(response)


# --- blocked e-mail domains ----------------------------------------------------------------------
@pytest.mark.parametrize("email", ["nadia@yopmail.com", "nadia@mailinator.com", "nadia@YOPMAIL.fr",
                                   "nadia@boite.yopmail.com", "nadia@guerrillamail.com"])
def test_disposable_addresses_are_refused(client, app, email):
    response = submit(client, "/inscription", _registration(email=email))
    assert response.status_code == 400
    assert "ne sont pas acceptées, comme les adresses jetables ou temporaires" in _text(response)
    assert _users() == 0


@pytest.mark.parametrize("email", ["nadia@laposte.net", "nadia@orange.fr", "nadia@free.fr", "nadia@gmail.com",
                                   "nadia@mairie-gueret.fr", "nadia@yopmail.com.exemple.fr"])
def test_ordinary_addresses_are_accepted(client, app, email):
    assert submit(client, "/inscription", _registration(email=email)).status_code == 302


def test_the_blocked_domains_are_a_setting(client, app):
    app.config["BLOCKED_EMAIL_DOMAINS"] = "concurrent.example, spam.test"
    for email in ("nadia@concurrent.example", "nadia@mx.spam.test"):
        assert submit(client, "/inscription", _registration(email=email)).status_code == 400
    app.config.update(BLOCKED_EMAIL_DOMAINS=["concurrent.example"], BLOCK_DISPOSABLE_EMAIL_DOMAINS=False)
    assert submit(client, "/inscription", _registration(email="nadia@concurrent.example")).status_code == 400
    assert submit(client, "/inscription", _registration(email="nadia@yopmail.com")).status_code == 302


def test_check_email_domain_allowed_is_there_for_a_change_of_address(app):
    services.check_email_domain_allowed("nadia@exemple.fr")
    with pytest.raises(DomainError, match="yopmail.com"):
        services.check_email_domain_allowed("nadia@yopmail.com")


# --- the administrators' member search -----------------------------------------------------------
def test_admin_search_takes_percent_and_underscore_literally(client, app):
    make_user("admin@exemple.fr", "Ada Istratrice", role="admin")  # always on the page (the menu)
    make_user("jean_paul@exemple.fr", "Jean Paul Martin")
    make_user("lea@exemple.fr", "Léa 100% Numérique")
    make_user("back@exemple.fr", "Bruno \\ Antislash")
    login(client, "admin@exemple.fr")

    def found(query: str) -> set[str]:
        page = client.get("/admin/membres", query_string={"q": query}).get_data(as_text=True)
        return {name for name in ("Jean Paul Martin", "Léa 100% Numérique", "Bruno \\ Antislash")
                if html.escape(name, quote=False) in page}

    assert found("%") == {"Léa 100% Numérique"}
    assert found("_") == {"Jean Paul Martin"}  # by its address
    assert found("\\") == {"Bruno \\ Antislash"}
    assert found("a%n") == set()
    assert found("martin") == {"Jean Paul Martin"}
