"""The administrators' page of e-mail deliveries (/administration/envois): who sees it, what it
shows, « Renvoyer »; and the e-mails waiting for a member whose account is deleted."""

from __future__ import annotations

import html
import re
from datetime import timedelta

import pytest
from flask.testing import FlaskClient
from sqlalchemy import delete, func, select

from forum.core import outbox
from forum.core.database import write_intent
from forum.core.mail import queue_email
from forum.core.models import utcnow
from forum.core.outbox import DeliveryState, OutboxEmail
from forum.extensions import db
from forum.worker import schedules
from tests.accounts.mail import outbox as sent_messages
from tests.conftest import PASSWORD, csrf_token, login, make_user, run_worker_now, submit
from tests.worker.deliveries_builders import BODY, LONG_ADDRESS, LONG_ERROR, make_failed_email, make_waiting_email

PAGE = "/administration/envois"


def text_of(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def resend_url(email_id: int) -> str:
    return f"{PAGE}/{email_id}/renvoyer"


def row(email_id: int) -> OutboxEmail | None:
    db.session.rollback()
    return db.session.get(OutboxEmail, email_id, populate_existing=True)


@pytest.fixture
def team(app):
    """An admin, a moderator, a member; no e-mail in the outbox yet (registrations' are cleared)."""
    people = {"admin": make_user("admin@exemple.fr", "Adèle Admin", role="admin"),
              "moderator": make_user("mod@exemple.fr", "Modeste Modératrice", role="moderator"),
              "member": make_user("alice@exemple.fr", "Alice Martin")}
    with write_intent():
        db.session.execute(delete(OutboxEmail))
        db.session.commit()
    sent_messages(app).clear()
    return people


@pytest.fixture
def failures(team):
    # Typed with ordinary spaces: every e-mail's subject is stored with French typography (no-break spaces).
    first = make_failed_email("bob@exemple.fr", "Nouvelle réponse : Comment financer un poste ?",
                              "SMTPServerDisconnected: Connection unexpectedly closed", attempts=8)
    second = make_failed_email(LONG_ADDRESS, "Votre résumé quotidien du Forum des Fabriques", LONG_ERROR, attempts=8)
    return {"first": first, "second": second}


# -- Who may see it ------------------------------------------------------------------------------
def test_visitors_are_sent_to_the_login_page(app, failures):
    visitor = app.test_client()
    response = visitor.get(PAGE)
    assert response.status_code == 302 and "/connexion" in response.headers["Location"]
    response = visitor.post(resend_url(failures["first"]), data={"csrf_token": csrf_token(visitor, "/connexion")})
    assert response.status_code == 302 and "/connexion" in response.headers["Location"]
    assert row(failures["first"]).state is DeliveryState.FAILED


@pytest.mark.parametrize("email", ["alice@exemple.fr", "mod@exemple.fr"])
def test_members_and_moderators_are_refused_in_french(client, failures, email):
    login(client, email)
    response = client.get(PAGE)
    assert response.status_code == 403
    assert "Les envois d'e-mails sont réservés aux administrateur·rices." in text_of(response)
    response = client.post(resend_url(failures["first"]), data={"csrf_token": csrf_token(client, "/")})
    assert response.status_code == 403
    assert "Les envois d'e-mails sont réservés aux administrateur·rices." in text_of(response)
    email_row = row(failures["first"])
    assert (email_row.state, email_row.attempts) == (DeliveryState.FAILED, 8)
    if email == "mod@exemple.fr":  # the moderation page leads administrators only to it
        assert 'href="/administration/envois"' not in client.get("/moderation").get_data(as_text=True)


# -- What administrators see ---------------------------------------------------------------------
def test_admins_see_the_counts_the_failures_and_the_schedules(client, app, team, failures):
    make_waiting_email("carole@exemple.fr", "Rappel : le prêt commence demain")
    with write_intent():
        queue_email(db.session, "david@exemple.fr", "Bienvenue", BODY)
        db.session.commit()
    run_worker_now()  # sends the one that is due
    assert outbox.counts(db.session) == {DeliveryState.PENDING: 1, DeliveryState.SENDING: 0,
                                         DeliveryState.SENT: 1, DeliveryState.FAILED: 2}
    schedules.run_if_due(schedules.SCHEDULES[0], 7, utcnow())  # the daily digest ran once

    login(client, "admin@exemple.fr")
    assert 'href="/administration/envois"' in client.get("/moderation").get_data(as_text=True)
    response = client.get(PAGE)
    assert response.status_code == 200
    page = text_of(response)
    counts = dict((label.strip(), int(number)) for number, label in
                  re.findall(r"<li[^>]*><strong>(\d+)</strong>([^<]+)</li>", page))
    assert counts == {"en attente d'envoi": 1, "envoyés (30 derniers jours)": 1, "en échec": 2}

    table = page[page.index("E-mails en échec"):page.index("Tâches planifiées")]
    assert table.index(LONG_ADDRESS) < table.index("bob@exemple.fr")  # the latest failure first
    for text in ("bob@exemple.fr", "Nouvelle réponse\u00a0: Comment financer un poste\u00a0?",
                 "SMTPServerDisconnected: Connection unexpectedly closed", LONG_ADDRESS,
                 "Votre résumé quotidien du Forum des Fabriques", LONG_ERROR, "8 tentatives"):
        assert text in table, text
    assert table.count("Renvoyer</button>") == 2
    for email_id in failures.values():
        assert f'action="{resend_url(email_id)}"' in table
    # Neither the waiting one nor the sent one is listed; no body is ever shown.
    assert "carole@exemple.fr" not in page and "david@exemple.fr" not in page
    assert BODY not in page

    tasks = page[page.index("Tâches planifiées"):]
    for schedule in schedules.SCHEDULES:
        assert str(schedule.label) in tasks
    assert "7 h" in tasks and "8 h" in tasks and "4 h" in tasks
    assert "(0 résumé(s) quotidien(s))" in tasks and tasks.count("jamais") == 4  # every schedule but the daily digest


def test_an_admin_sees_when_nothing_failed(client, team):
    login(client, "admin@exemple.fr")
    page = text_of(client.get(PAGE))
    assert "Aucun e-mail en échec" in page and "Renvoyer" not in page


def test_failures_are_paged(client, team):
    ids = [make_failed_email(f"membre{number}@exemple.fr", f"Objet {number}", "OSError: boom", attempts=1)
           for number in range(32)]
    login(client, "admin@exemple.fr")
    first, second = text_of(client.get(PAGE)), text_of(client.get(f"{PAGE}?page=2"))
    assert first.count("Renvoyer</button>") == 30 and second.count("Renvoyer</button>") == 2
    assert f'action="{resend_url(ids[-1])}"' in first and f'action="{resend_url(ids[0])}"' in second


# -- « Renvoyer » ---------------------------------------------------------------------------------
def test_resending_puts_it_back_in_the_outbox_and_the_worker_sends_it_once(client, app, failures):
    login(client, "admin@exemple.fr")
    url = resend_url(failures["first"])
    fields = {"csrf_token": csrf_token(client, PAGE)}
    # A plain request, without the suite's always-instant worker after it: the row waits.
    response = FlaskClient.open(client, url, method="POST", data=fields, base_url="https://localhost")
    assert response.status_code == 302 and response.headers["Location"] == PAGE
    waiting = row(failures["first"])
    assert (waiting.state, waiting.attempts, waiting.failed_at) == (DeliveryState.PENDING, 0, None)
    assert waiting.last_error == "SMTPServerDisconnected: Connection unexpectedly closed"  # until it is sent
    assert sent_messages(app) == []

    run_worker_now()  # the worker, woken by the resend
    [message] = sent_messages(app)
    assert message.to == ["bob@exemple.fr"]
    assert message.subject == "Nouvelle réponse\u00a0: Comment financer un poste\u00a0?"
    assert message.body == BODY
    sent = row(failures["first"])
    assert (sent.state, sent.attempts, sent.last_error, sent.body) == (DeliveryState.SENT, 1, None, "")
    assert row(failures["second"]).state is DeliveryState.FAILED  # the other one stays

    page = text_of(client.get(PAGE))
    assert ("L'e-mail «\u00a0Nouvelle réponse\u00a0: Comment financer un poste\u00a0?\u00a0» à bob@exemple.fr "
            "repart dans la file d'envoi.") in page
    assert 'action="%s"' % url not in page and page.count("Renvoyer</button>") == 1


def test_resending_through_the_page_form(client, app, failures):
    login(client, "admin@exemple.fr")
    response = submit(client, resend_url(failures["second"]), form_url=PAGE)
    assert response.status_code == 302
    [message] = sent_messages(app)  # the suite's client ran the worker after the request
    assert message.to == [LONG_ADDRESS]
    assert row(failures["second"]).state is DeliveryState.SENT


def test_resending_what_is_no_longer_failed_is_a_409_that_changes_nothing(client, app, failures):
    login(client, "admin@exemple.fr")
    url = resend_url(failures["first"])
    assert submit(client, url, form_url=PAGE).status_code == 302
    sent = row(failures["first"])
    assert sent.state is DeliveryState.SENT and len(sent_messages(app)) == 1

    # A second administrator's click, from the page as it was before the first one's.
    response = client.post(url, data={"csrf_token": csrf_token(client, "/")})
    assert response.status_code == 409
    assert "Cet e-mail n'est plus en échec\u00a0: il a déjà été renvoyé." in text_of(response)
    again = row(failures["first"])
    assert (again.state, again.attempts, again.sent_at) == (DeliveryState.SENT, 1, sent.sent_at)
    assert len(sent_messages(app)) == 1

    waiting = make_waiting_email("carole@exemple.fr", "Rappel : le prêt commence demain")
    response = client.post(resend_url(waiting), data={"csrf_token": csrf_token(client, "/")})
    assert response.status_code == 409 and "n'est plus en échec" in text_of(response)
    pending = row(waiting)
    assert (pending.state, pending.attempts) == (DeliveryState.PENDING, 1)
    assert pending.next_attempt_at > utcnow() + timedelta(minutes=50)  # not brought forward


@pytest.mark.parametrize("email_id", ["999999", "99999999999", "0", "-1", "abc"])
def test_unknown_ids_are_404(client, failures, email_id):
    login(client, "admin@exemple.fr")
    response = client.post(f"{PAGE}/{email_id}/renvoyer", data={"csrf_token": csrf_token(client, "/")})
    assert response.status_code == 404
    if email_id == "999999":
        assert "Cet e-mail n'est plus dans la file d'envoi." in text_of(response)
    assert outbox.counts(db.session)[DeliveryState.FAILED] == 2


def test_no_csrf_token_is_a_400(client, failures):
    login(client, "admin@exemple.fr")
    for data in ({}, {"csrf_token": "faux"}):
        response = client.post(resend_url(failures["first"]), data=data)
        assert response.status_code == 400 and "Le formulaire a expiré" in text_of(response)
    assert row(failures["first"]).state is DeliveryState.FAILED


# -- Account deletion ------------------------------------------------------------------------------
def test_deleting_an_account_deletes_the_e_mails_waiting_for_it(client, app, team):
    alice, bob = team["member"], make_user("bob@exemple.fr", "Bob Leroy")
    hers = [make_waiting_email(alice.email, "Nouvelle réponse", user_id=alice.id),
            make_failed_email(alice.email, "Votre résumé", "OSError: boom", user_id=alice.id),
            # Queued for her address before it was tied to her account (no user_id).
            make_waiting_email(alice.email, "Confirmez votre adresse")]
    his = make_waiting_email(bob.email, "Nouvelle réponse", user_id=bob.id)
    login(client, alice.email)
    response = submit(client, "/profil/supprimer-mon-compte", {"password": PASSWORD})
    assert response.status_code == 302
    db.session.rollback()
    assert [email_id for email_id in hers if db.session.get(OutboxEmail, email_id) is not None] == []
    assert db.session.execute(select(func.count()).select_from(OutboxEmail)
                              .where(OutboxEmail.recipient == "alice@exemple.fr")).scalar_one() == 0
    assert row(his).state is DeliveryState.PENDING
