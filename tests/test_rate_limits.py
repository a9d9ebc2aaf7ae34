"""Abuse limits: each limit, hit through the forms (CSRF on), answers 429 with a French message that
says when to retry, and the action was not performed; refused forms do not use up the budget."""

from __future__ import annotations

import html
import re
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from forum.accounts.models import User
from forum.core.limits import retry_sentence
from forum.core.models import utcnow
from forum.extensions import db
from forum.practices.models import PracticeComment, PracticeTrial
from forum.resources.models import Loan, LoanMessage
from forum.threads.models import Post, Thread
from tests.conftest import (
    PASSWORD,
    login,
    make_category,
    make_fabrique,
    make_member,
    make_reply,
    make_thread,
    make_user,
    running_app,
    submit,
)
from tests.practices.builders import make_practice
from tests.resources.builders import day, make_loan, two_fabriques

RETRY = re.compile(r"Réessayez (dans une minute|dans \d+ minutes|dans une heure|vers \d+\u00a0h\u00a0\d\d|demain vers \d+\u00a0h\u00a0\d\d)\.")


def _count(model, *where) -> int:
    db.session.rollback()
    return db.session.execute(select(func.count()).select_from(model).where(*where)).scalar_one()


def _refused(response, message: str) -> str:
    text = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 429, text[:500]
    assert message in text and RETRY.search(text), text[:3000]
    assert int(response.headers["Retry-After"]) > 0
    return text


# --- the sentence ---------------------------------------------------------------------------------
PARIS_NOON = datetime(2026, 6, 15, 10, 0, tzinfo=timezone.utc)  # 12 h 00 in Paris (summer time)


@pytest.mark.parametrize("seconds,sentence", [
    (20, "Réessayez dans une minute."),
    (60, "Réessayez dans une minute."),
    (61, "Réessayez dans 2 minutes."),
    (42 * 60, "Réessayez dans 42 minutes."),
    (3599, "Réessayez dans une heure."),
    (3600, "Réessayez dans une heure."),
    (3600 + 40 * 60 - 5, "Réessayez vers 13\u00a0h\u00a040."),  # rounded up, never too early
    (14 * 3600, "Réessayez demain vers 2\u00a0h\u00a000."),
    (3 * 86_400, "Réessayez le 18 juin 2026 vers 12\u00a0h\u00a000."),
])
def test_the_retry_sentence_follows_the_reset_time(seconds, sentence):
    assert retry_sentence(PARIS_NOON.timestamp() + seconds, now=PARIS_NOON) == sentence


# --- registrations, per address --------------------------------------------------------------------
def _register(client, number: int, **changes):
    return submit(client, "/inscription", {"email": f"membre{number}@exemple.fr", "display_name": f"Membre N{number}",
                                           "password": PASSWORD, "password_confirm": PASSWORD, "fabrique": "",
                                           **changes})


def test_registrations_are_limited_per_address(app):
    assert app.config["REGISTRATION_LIMIT"] == "3 per hour"
    # A refused form costs nothing.
    assert _register(app.test_client(), 0, password_confirm="autre chose").status_code == 400
    for number in range(1, 4):
        assert _register(app.test_client(), number).status_code == 302
    _refused(_register(app.test_client(), 4), "Plusieurs comptes viennent d'être créés depuis cette connexion internet.")
    assert _count(User) == 3
    # Someone else, elsewhere, registers as usual.
    elsewhere = app.test_client()
    elsewhere.environ_base["REMOTE_ADDR"] = "192.0.2.7"
    assert _register(elsewhere, 5).status_code == 302


def test_behind_a_reverse_proxy_the_limit_is_per_visitor(tmp_path):
    with running_app(tmp_path, TRUSTED_PROXIES=1, REGISTRATION_LIMIT="1 per hour") as app:
        def visitor(address: str):
            client = app.test_client()
            client.environ_base["HTTP_X_FORWARDED_FOR"] = address
            return client

        assert _register(visitor("198.51.100.1"), 1).status_code == 302
        assert _register(visitor("198.51.100.2"), 2).status_code == 302
        assert _register(visitor("198.51.100.1"), 3).status_code == 429


# --- new members' posts ---------------------------------------------------------------------------
@pytest.fixture
def category(app):
    return make_category()


def _new_thread(client, category, number: int, action: str = "publish"):
    return submit(client, "/sujets/nouveau", {"title": f"Une question numéro {number}", "category": category.slug,
                                              "tags": "", "body": f"Le détail de la question {number}.",
                                              "action": action})


def test_a_new_member_opens_three_threads_a_day(client, app, category):
    make_user()
    login(client, "alice@exemple.fr")
    assert _new_thread(client, category, 0, action="preview").status_code == 200  # a preview costs nothing
    assert _new_thread(client, category, 0, action="publish").status_code == 302
    assert submit(client, "/sujets/nouveau", {"title": "court", "category": category.slug, "body": "x",
                                              "action": "publish"}).status_code == 400  # nor a refused form
    for number in (1, 2):
        assert _new_thread(client, category, number).status_code == 302
    _refused(_new_thread(client, category, 3),
             "Pendant vos premiers jours sur le forum, le nombre de sujets que vous pouvez ouvrir chaque jour est limité")
    assert _count(Thread) == 3


def test_a_new_member_publishes_a_limited_number_of_replies_a_day(client, app, category):
    app.config["NEW_MEMBER_REPLY_LIMIT"] = "3 per day"
    author = make_user()
    thread = make_thread(author, category)
    make_user("bob@exemple.fr", "Bob Leroy")
    login(client, "bob@exemple.fr")
    statuses = [submit(client, f"/sujets/{thread.id}/repondre", {"body": f"Réponse {n}", "action": "publish"},
                       form_url=f"/sujets/{thread.id}").status_code
                for n in range(3)]
    assert statuses == [302, 302, 302]
    response = submit(client, f"/sujets/{thread.id}/repondre", {"body": "Encore une", "action": "publish"},
                      form_url=f"/sujets/{thread.id}")
    _refused(response, "le nombre de réponses que vous pouvez publier chaque jour est limité")
    assert _count(Post) == 4


def test_established_members_and_moderators_are_not_new(client, other_client, app, category):
    app.config.update(NEW_MEMBER_THREAD_LIMIT="1 per day")
    veteran = make_user("veteran@exemple.fr", "Véra Ancienne")
    thread = make_thread(veteran, category, title="Les anciens sujets de Véra")
    for number in range(9):  # ten published posts with the thread's first
        make_reply(veteran, thread, f"Réponse d'ancienne numéro {number}")
    db.session.get(User, veteran.id).created_at = utcnow() - timedelta(days=8)
    db.session.commit()
    make_user("mod@exemple.fr", "Modeste Modératrice", role="moderator")
    for client_, email in ((client, "veteran@exemple.fr"), (other_client, "mod@exemple.fr")):
        login(client_, email)
        for number in range(3):
            assert _new_thread(client_, category, number + (10 if client_ is client else 20)).status_code == 302
    # An old account with few posts is still new, and so is a young one with many.
    quiet = make_user("quiet@exemple.fr", "Quentin Discret")
    db.session.get(User, quiet.id).created_at = utcnow() - timedelta(days=300)
    db.session.commit()
    third = app.test_client()
    login(third, "quiet@exemple.fr")
    assert _new_thread(third, category, 30).status_code == 302
    assert _new_thread(third, category, 31).status_code == 429


# --- the catalogue --------------------------------------------------------------------------------
def _request(client, resource, start, end):
    return submit(client, f"/ressources/{resource.id}/demander",
                  {"start_date": start.isoformat(), "end_date": end.isoformat(), "quantity": "1",
                   "message": "Pour notre atelier."}, form_url=f"/ressources/{resource.id}")


def test_loan_requests_are_limited_per_member(client, app):
    app.config["LOAN_REQUEST_LIMIT"] = "2 per hour"
    world = two_fabriques()
    login(client, "member@exemple.fr")
    assert _request(client, world["resource"], day(5), day(3)).status_code == 400  # refused: costs nothing
    assert _request(client, world["resource"], day(2), day(3)).status_code == 302
    assert _request(client, world["resource"], day(6), day(7)).status_code == 302
    _refused(_request(client, world["resource"], day(9), day(10)),
             "Vous avez envoyé beaucoup de demandes de prêt en peu de temps.")
    assert _count(Loan) == 2


def test_loan_messages_are_limited_per_member(client, app):
    app.config["LOAN_MESSAGE_LIMIT"] = "2 per minute"
    world = two_fabriques()
    loan = make_loan(world["member"], world["resource"], day(2), day(4))
    login(client, "member@exemple.fr")
    url = f"/prets/{loan.id}"
    for body in ("Bonjour !", "On passe mardi ?"):
        assert submit(client, f"{url}/messages", {"body": body}, form_url=url).status_code == 302
    _refused(submit(client, f"{url}/messages", {"body": "Et mercredi ?"}, form_url=url),
             "Vous avez envoyé beaucoup de messages en peu de temps.")
    assert _count(LoanMessage) == 2


# --- practice reports -----------------------------------------------------------------------------
@pytest.fixture
def practice(app):
    manager = make_user("manager@exemple.fr", "Maëlle Responsable")
    fabrique = make_fabrique(manager, "Le Café des Possibles", "23", "rural")
    author = make_member(fabrique, "author@exemple.fr", "Arthur Auteur")
    other = make_fabrique(make_user("other@exemple.fr", "Odile Ailleurs"), "La Fabrique d'à côté", "87", "urbain")
    make_member(other, "reader@exemple.fr", "Rémi Lecteur")
    return make_practice(author, [make_category("Culture", 1).id])


def test_practice_comments_are_limited_per_member(client, app, practice):
    app.config["PRACTICE_COMMENT_LIMIT"] = "2 per minute"
    login(client, "reader@exemple.fr")
    url = f"/pratiques/{practice.id}"
    assert submit(client, f"{url}/commentaires", {"body": "x" * 5001}, form_url=url).status_code == 400
    for body in ("Bravo !", "Et merci."):
        assert submit(client, f"{url}/commentaires", {"body": body}, form_url=url).status_code == 302
    _refused(submit(client, f"{url}/commentaires", {"body": "Encore !"}, form_url=url),
             "Vous avez publié beaucoup de commentaires en peu de temps.")
    assert _count(PracticeComment) == 2


def test_tried_too_is_limited_per_member(client, app, practice):
    app.config["PRACTICE_TRIAL_LIMIT"] = "2 per hour"
    login(client, "reader@exemple.fr")
    url = f"/pratiques/{practice.id}"
    for outcome in ("en-partie", "a-marche"):
        assert submit(client, f"{url}/essaye", {"outcome": outcome}, form_url=url).status_code == 302
    _refused(submit(client, f"{url}/essaye", {"outcome": "pas-marche"}, form_url=url),
             "Vous avez indiqué beaucoup d'essais en peu de temps.")
    assert db.session.execute(select(PracticeTrial.outcome)).scalar_one().value == "a-marche"


def test_the_limits_are_settings_with_discourse_like_defaults(app):
    config = app.config
    assert config["NEW_MEMBER_THREAD_LIMIT"] == "3 per day" and config["NEW_MEMBER_REPLY_LIMIT"] == "10 per day"
    assert config["LOAN_REQUEST_LIMIT"] == "10 per hour; 20 per day" and config["FLAG_LIMIT"] == "20 per hour"
