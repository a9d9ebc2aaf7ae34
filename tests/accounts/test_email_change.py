"""Changing one's address: asked with the password, confirmed by a link sent to the new address,
applied only when the link is used (once), the old address told."""

from __future__ import annotations

import html


from forum.accounts import recovery
from forum.accounts.models import User
from forum.core.database import write_intent
from forum.extensions import db
from tests.accounts.clock import signed_ago
from tests.accounts.mail import link_in, outbox, sent_to
from tests.conftest import PASSWORD, csrf_token, login, make_user, submit

CHANGE = "/profil/adresse"
NEW = "alice.martin@fabrique.fr"


def text_of(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def address_of(user_id: int) -> str:
    db.session.rollback()
    return db.session.get(User, user_id).email


def ask_change(client, new_email: str = NEW, password: str = PASSWORD):
    return submit(client, CHANGE, {"email": new_email, "password": password})


def change_link(app, address: str = NEW) -> str:
    [email] = [email for email in sent_to(app, address) if email.subject == "Confirmez votre nouvelle adresse e-mail"]
    return link_in(email, "/profil/adresse/")


def use_link(client, link: str):
    return submit(client, link)


def test_the_address_changes_once_the_new_one_opens_the_link(client, app):
    user = make_user()
    login(client, "alice@exemple.fr")
    assert f'href="{CHANGE}"' in text_of(client.get("/profil"))
    response = ask_change(client, " Alice.Martin@Fabrique.fr ")
    assert response.status_code == 302 and response.headers["Location"] == "/profil"
    assert f"Un lien de confirmation vient de partir vers {NEW}" in text_of(client.get("/profil"))
    [email] = outbox(app)
    assert email.to == [NEW] and "24 heures" in email.body and "desabonnement" not in email.body
    assert address_of(user.id) == "alice@exemple.fr"  # nothing changes before the link is used

    link = change_link(app)
    elsewhere = app.test_client()  # the link works wherever it is opened, logged in or not
    page = elsewhere.get(link)
    assert page.status_code == 200 and NEW in text_of(page) and "a…@exemple.fr" in text_of(page)
    assert address_of(user.id) == "alice@exemple.fr"  # opening the page (or a mail scanner) changes nothing
    response = use_link(elsewhere, link)
    assert response.status_code == 302 and response.headers["Location"] == "/connexion"
    assert f"votre compte utilise maintenant l'adresse {NEW}" in text_of(elsewhere.get("/connexion"))
    db.session.rollback()
    changed = db.session.get(User, user.id)
    assert changed.email == NEW and changed.email_confirmed_at is not None

    [notice] = sent_to(app, "alice@exemple.fr")
    assert notice.subject == "L'adresse e-mail de votre compte a changé" and "a…@fabrique.fr" in notice.body
    assert NEW not in notice.body and "List-Unsubscribe" not in notice.extra_headers
    login(app.test_client(), NEW)
    assert submit(app.test_client(), "/connexion", {"email": "alice@exemple.fr", "password": PASSWORD}).status_code == 401

    for again in (app.test_client().get(link), submit(app.test_client(), link, form_url="/connexion")):
        assert again.status_code == 400 and "a déjà servi" in text_of(again)


def test_the_change_needs_the_current_password_and_a_new_valid_address(client, app):
    user = make_user()
    make_user("bob@exemple.fr", "Bob Leroy")
    login(client, "alice@exemple.fr")
    cases = [
        ({"password": "pas le bon mot de passe"}, 400, "Le mot de passe est incorrect."),
        ({"email": "pas-une-adresse"}, 400, "Cette adresse e-mail n'est pas valide."),
        ({"email": "ALICE@exemple.fr"}, 400, "C'est déjà l'adresse de votre compte."),
        ({"email": "bob@exemple.fr"}, 409, "Un compte existe déjà avec cette adresse e-mail."),
        ({"email": "alice@yopmail.com"}, 400, "yopmail.com"),  # a disposable domain, as at registration
    ]
    for changes, status, message in cases:
        response = submit(client, CHANGE, {"email": NEW, "password": PASSWORD, **changes})
        assert response.status_code == status and message in text_of(response), changes
    assert outbox(app) == [] and address_of(user.id) == "alice@exemple.fr"


def test_an_address_taken_meanwhile_is_a_409_at_use_time(client, app):
    user = make_user()
    login(client, "alice@exemple.fr")
    ask_change(client)
    make_user(NEW, "Quelqu'un d'Autre")
    response = use_link(client, change_link(app))
    assert response.status_code == 409 and "Un compte existe déjà avec cette adresse e-mail" in text_of(response)
    assert address_of(user.id) == "alice@exemple.fr"
    assert sent_to(app, "alice@exemple.fr") == []


def test_a_new_password_voids_the_pending_change(client, app):
    user = make_user()
    login(client, "alice@exemple.fr")
    ask_change(client)
    new_password = "une toute nouvelle phrase secrète"
    assert submit(client, "/profil/mot-de-passe", {"current_password": PASSWORD, "new_password": new_password,
                                                  "new_password_confirm": new_password}).status_code == 302
    response = client.get(change_link(app))
    assert response.status_code == 400 and "le mot de passe ou l'adresse du compte ont" in text_of(response)
    assert f'href="{CHANGE}"' in text_of(response)  # ask again
    assert address_of(user.id) == "alice@exemple.fr"


def test_a_suspended_member_cannot_move_the_account_off_its_address(client, app):
    """Else: change the address, delete the account, and register again with the freed one."""
    from forum.moderation import suspensions

    user = make_user()
    moderator = make_user("mod@exemple.fr", "Modeste Modératrice", role="moderator")
    login(client, "alice@exemple.fr")
    ask_change(client)
    link = change_link(app)
    with write_intent():
        suspensions.suspend(moderator, db.session.get(User, user.id), "7", "Insultes répétées")
        db.session.commit()
    refused = ask_change(client, "troisieme@exemple.fr")
    assert refused.status_code == 403 and "Votre compte est suspendu" in text_of(refused)
    refused = use_link(app.test_client(), link)  # not logged in: the service refuses it too
    assert refused.status_code == 403 and "ne peut pas changer avant la fin de la suspension" in text_of(refused)
    assert address_of(user.id) == "alice@exemple.fr"


def test_an_address_of_an_account_deleted_while_suspended_cannot_be_taken(client, app):
    from forum.moderation import suspensions

    troll = make_user("troll@exemple.fr", "Troll Tapageur")
    moderator = make_user("mod@exemple.fr", "Modeste Modératrice", role="moderator")
    with write_intent():
        suspensions.suspend(moderator, troll, "definitive", "Insultes répétées")
        db.session.commit()
    troll_client = app.test_client()
    login(troll_client, "troll@exemple.fr")
    assert submit(troll_client, "/profil/supprimer-mon-compte", {"password": PASSWORD}).status_code == 302
    make_user("nouveau@exemple.fr", "Nouveau Départ")
    login(client, "nouveau@exemple.fr")
    refused = ask_change(client, "troll@exemple.fr")
    assert refused.status_code == 409 and "supprimé pendant une suspension" in text_of(refused)


def test_an_unconfirmed_member_may_fix_a_mistyped_address(client, app):
    user = make_user("alice@exemple.rf", "Alice Martin", confirmed=False)
    login(client, "alice@exemple.rf")
    assert "Ce n'est pas la bonne adresse\u00a0?" in text_of(client.get("/"))
    ask_change(client)
    assert use_link(client, change_link(app)).status_code == 302
    db.session.rollback()
    changed = db.session.get(User, user.id)
    assert changed.email == NEW and changed.email_confirmed_at is not None
    assert "Confirmez votre adresse e-mail." not in text_of(client.get("/"))


def test_old_and_altered_links_are_french_400s(client, app, monkeypatch):
    user = make_user()
    with signed_ago(monkeypatch, 24 * 3600 + 1):
        stale = recovery.make_token(recovery.Purpose.CHANGE, user, to=NEW)
    response = client.get(f"/profil/adresse/{stale}")
    assert response.status_code == 400 and "a expiré" in text_of(response)
    fresh = recovery.make_token(recovery.Purpose.CHANGE, user, to=NEW)
    for token in (fresh[:-2], recovery.make_token(recovery.Purpose.RESET, user)):
        response = client.get(f"/profil/adresse/{token}")
        assert response.status_code == 400 and "n'est pas valide" in text_of(response)
    # A forged POST without the page's form is refused too.
    assert client.post(f"/profil/adresse/{fresh}", data={}).status_code == 400
    assert address_of(user.id) == "alice@exemple.fr"


def test_asking_for_changes_is_rate_limited(client, app):
    make_user()
    login(client, "alice@exemple.fr")
    for number in range(5):
        assert ask_change(client, f"adresse{number}@exemple.fr").status_code == 302
    refused = ask_change(client, "encore@exemple.fr")
    assert refused.status_code == 429 and "beaucoup d'e-mails en peu de temps" in text_of(refused)
    assert csrf_token(client, CHANGE)  # the page itself still opens
