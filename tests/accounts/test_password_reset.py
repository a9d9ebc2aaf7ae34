"""« Mot de passe oublié ? »: a signed link valid one hour, used once, that ends every session;
the same answer whatever the address; rate limited."""

from __future__ import annotations

import html

import pytest
from flask.testing import FlaskClient
from flask_mailman.backends import locmem
from sqlalchemy import func, select

from forum.accounts import recovery
from forum.accounts.models import LoginSession, User
from forum.accounts.passwords import verify_password
from forum.core.database import write_intent
from forum.core.outbox import OutboxEmail
from forum.extensions import db
from forum.worker.runner import work_off_now
from tests.accounts.clock import signed_ago
from tests.accounts.mail import link_in, outbox, sent_to
from tests.conftest import PASSWORD, csrf_token, login, make_user, submit

FORGOT = "/mot-de-passe-oublie"
NEW_PASSWORD = "les lentilles poussent sous la neige"


def text_of(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def logged_in(client) -> bool:
    return "Se déconnecter" in text_of(client.get("/"))


def ask_reset(client, email: str, **kwargs):
    return submit(client, FORGOT, {"email": email}, **kwargs)


def choose_password(client, link: str, password: str = NEW_PASSWORD, confirm: str | None = None):
    return submit(client, link, {"password": password, "password_confirm": password if confirm is None else confirm})


def reset_link(app, address: str = "alice@exemple.fr") -> str:
    [email] = [email for email in sent_to(app, address) if email.subject == "Réinitialiser votre mot de passe"]
    return link_in(email, "/mot-de-passe/")


def test_the_login_page_offers_it(client, app):
    page = text_of(client.get("/connexion"))
    assert f'href="{FORGOT}"' in page and "Mot de passe oublié\u00a0?" in page


def test_a_reset_link_sets_a_new_password_once_and_ends_every_session(client, other_client, app):
    make_user()
    login(client, "alice@exemple.fr")
    login(other_client, "alice@exemple.fr")
    stranger = app.test_client()

    response = ask_reset(stranger, " Alice@Exemple.fr ")
    assert response.status_code == 302 and response.headers["Location"] == "/mot-de-passe-oublie/envoye"
    assert "Si un compte utilise cette adresse" in text_of(stranger.get(response.headers["Location"]))
    [email] = outbox(app)
    assert email.to == ["alice@exemple.fr"] and email.subject == "Réinitialiser votre mot de passe"
    assert "dans l'heure" in email.body
    # An account e-mail: no unsubscribe link, no List-Unsubscribe header.
    assert "List-Unsubscribe" not in email.extra_headers and "desabonnement" not in email.body
    link = link_in(email, "/mot-de-passe/")

    page = stranger.get(link)
    assert page.status_code == 200 and "alice@exemple.fr" in text_of(page)
    assert page.headers["Cache-Control"] == "no-store"
    response = choose_password(stranger, link)
    assert response.status_code == 302 and response.headers["Location"] == "/connexion"
    assert "toutes les sessions ouvertes sur votre compte sont fermées" in text_of(stranger.get("/connexion"))

    assert not logged_in(client) and not logged_in(other_client)
    assert db.session.execute(select(func.count()).select_from(LoginSession)).scalar_one() == 0
    stored = db.session.execute(select(User.password_hash)).scalar_one()
    assert verify_password(stored, NEW_PASSWORD) and not verify_password(stored, PASSWORD)
    login(stranger, "alice@exemple.fr", NEW_PASSWORD)

    # The link worked once: opened again, it says so and offers a new one.
    reused = app.test_client().get(link)
    assert reused.status_code == 400
    assert "a déjà servi" in text_of(reused) and f'href="{FORGOT}"' in text_of(reused)
    assert db.session.execute(select(User.password_hash)).scalar_one() == stored


def test_a_used_link_cannot_set_the_password_again(client, app):
    make_user()
    ask_reset(client, "alice@exemple.fr")
    link = reset_link(app)
    other_tab = app.test_client()
    token = csrf_token(other_tab, link)  # the form, opened before the link was used elsewhere
    assert choose_password(client, link).status_code == 302
    stored = db.session.execute(select(User.password_hash)).scalar_one()
    response = other_tab.post(link, data={"csrf_token": token, "password": "une tout autre phrase secrète",
                                          "password_confirm": "une tout autre phrase secrète"})
    assert response.status_code == 400 and "a déjà servi" in text_of(response)
    assert db.session.execute(select(User.password_hash)).scalar_one() == stored


def test_an_unknown_address_gets_the_same_answer_and_no_e_mail(client, other_client, app):
    make_user()
    known, unknown = ask_reset(client, "alice@exemple.fr"), ask_reset(other_client, "personne@exemple.fr")
    assert (known.status_code, known.headers["Location"]) == (unknown.status_code, unknown.headers["Location"])
    assert known.get_data() == unknown.get_data()
    assert [email.to for email in outbox(app)] == [["alice@exemple.fr"]]


def test_the_answer_does_not_wait_for_the_mail_server(client, app, monkeypatch):
    """The request only writes the e-mail into the outbox: however slow (or down) the mail server,
    the answer for an address with an account never talks to it; the worker sends it."""
    make_user()

    def no_mail_server_during_the_request(backend, messages):
        raise AssertionError("a request talked to the mail server")

    monkeypatch.setattr(locmem.EmailBackend, "send_messages", no_mail_server_during_the_request)
    token = csrf_token(client, FORGOT)
    # The plain client (the suite's one runs the worker's work after each request).
    response = FlaskClient.open(client, FORGOT, method="POST", base_url="https://localhost",
                                data={"csrf_token": token, "email": "alice@exemple.fr"})
    assert response.status_code == 302 and outbox(app) == []
    assert db.session.execute(select(OutboxEmail.recipient)).scalars().all() == ["alice@exemple.fr"]
    monkeypatch.undo()
    work_off_now()
    assert [email.to for email in outbox(app)] == [["alice@exemple.fr"]]


def test_a_deleted_account_gets_no_link(client, app):
    make_user()
    login(client, "alice@exemple.fr")
    assert submit(client, "/profil/supprimer-mon-compte", {"password": PASSWORD}).status_code == 302
    erased = db.session.execute(select(User.email)).scalar_one()
    assert erased.endswith(".invalid") and ask_reset(app.test_client(), erased).status_code == 400  # not an address
    assert ask_reset(app.test_client(), "alice@exemple.fr").status_code == 302
    assert outbox(app) == []


def test_a_malformed_address_is_a_french_400(client, app):
    response = ask_reset(client, "pas-une-adresse")
    assert response.status_code == 400 and "Cette adresse e-mail n'est pas valide." in text_of(response)


def _token_made_ago(user_id: int, purpose: recovery.Purpose, seconds: int, monkeypatch) -> str:
    with signed_ago(monkeypatch, seconds):
        return recovery.make_token(purpose, db.session.get(User, user_id))


def test_a_link_older_than_one_hour_is_refused(client, app, monkeypatch):
    user = make_user()
    fresh = _token_made_ago(user.id, recovery.Purpose.RESET, 3590, monkeypatch)
    stale = _token_made_ago(user.id, recovery.Purpose.RESET, 3601, monkeypatch)
    assert client.get(f"/mot-de-passe/{fresh}").status_code == 200
    response = client.get(f"/mot-de-passe/{stale}")
    assert response.status_code == 400
    assert "a expiré\u00a0: il n'est valable qu'une heure" in text_of(response) and f'href="{FORGOT}"' in text_of(response)
    refused = submit(client, f"/mot-de-passe/{stale}", {"password": NEW_PASSWORD, "password_confirm": NEW_PASSWORD},
                     form_url=f"/mot-de-passe/{fresh}")
    assert refused.status_code == 400
    assert verify_password(db.session.execute(select(User.password_hash)).scalar_one(), PASSWORD)


@pytest.mark.parametrize("mangle", [
    lambda token: token[:-3],
    lambda token: token[:10] + ("A" if token[10] != "A" else "B") + token[11:],
    lambda token: "x" * 600,
    lambda token: "pas.un.jeton",
])
def test_an_altered_link_is_a_french_400(client, app, mangle):
    token = recovery.make_token(recovery.Purpose.RESET, make_user())
    response = client.get(f"/mot-de-passe/{mangle(token)}")
    assert response.status_code == 400 and "n'est pas valide" in text_of(response)


def test_a_link_made_for_another_purpose_is_refused(client, app):
    user = make_user()
    confirmation = recovery.make_token(recovery.Purpose.CONFIRM, user)
    assert client.get(f"/mot-de-passe/{confirmation}").status_code == 400


def test_the_new_password_follows_the_policy(client, app):
    make_user()
    ask_reset(client, "alice@exemple.fr")
    link = reset_link(app)
    for password, confirm, message in [("court", "court", "au moins 12 caractères"),
                                       ("motdepasse123", "motdepasse123", "trop courant"),
                                       (NEW_PASSWORD, "autre chose encore", "ne sont pas identiques")]:
        response = choose_password(client, link, password, confirm)
        assert response.status_code == 400 and message in text_of(response)
    assert verify_password(db.session.execute(select(User.password_hash)).scalar_one(), PASSWORD)
    assert choose_password(client, link).status_code == 302  # the link still works


def test_opening_a_reset_link_confirms_the_address(client, app):
    make_user(confirmed=False)
    ask_reset(client, "alice@exemple.fr")
    assert choose_password(client, reset_link(app)).status_code == 302
    assert db.session.execute(select(User.email_confirmed_at)).scalar_one() is not None


def test_a_new_reset_link_voids_the_older_ones_once_used(client, app):
    make_user()
    ask_reset(client, "alice@exemple.fr")
    ask_reset(client, "alice@exemple.fr")
    first, second = (link_in(email, "/mot-de-passe/") for email in outbox(app))
    assert choose_password(client, second).status_code == 302
    assert client.get(first).status_code == 400


def test_requests_are_limited_per_address(client, app):
    make_user()
    for number in range(3):
        assert ask_reset(app.test_client(), "alice@exemple.fr",
                         environ_base={"REMOTE_ADDR": f"192.0.2.{number + 1}"}).status_code == 302
    refused = ask_reset(app.test_client(), "ALICE@exemple.fr", environ_base={"REMOTE_ADDR": "192.0.2.9"})
    assert refused.status_code == 429 and "Trop de demandes de réinitialisation" in text_of(refused)
    assert len(outbox(app)) == 3
    # Another address, from the same places, is not held back.
    assert ask_reset(app.test_client(), "bob@exemple.fr", environ_base={"REMOTE_ADDR": "192.0.2.9"}).status_code == 302


def test_requests_are_limited_per_ip_address(client, app):
    for number in range(5):
        assert ask_reset(client, f"personne{number}@exemple.fr").status_code == 302
    refused = ask_reset(client, "encore@exemple.fr")
    assert refused.status_code == 429 and "Trop de demandes de réinitialisation" in text_of(refused)


def test_a_suspended_member_may_reset_but_stays_suspended(client, app):
    """A suspended member still logs in to read: a new password helps them around nothing."""
    from forum.moderation import suspensions

    member = make_user()
    moderator = make_user("mod@exemple.fr", "Modeste Modératrice", role="moderator")
    with write_intent():
        suspensions.suspend(moderator, member, "7", "Insultes répétées")
        db.session.commit()
    ask_reset(client, "alice@exemple.fr")
    assert choose_password(client, reset_link(app)).status_code == 302
    login(client, "alice@exemple.fr", NEW_PASSWORD)
    assert "Votre compte est suspendu" in text_of(client.get("/"))
