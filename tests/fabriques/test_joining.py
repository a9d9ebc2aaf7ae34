"""Asking to join a fabrique reaches someone: its managers (or the moderators when it has none) are
told in the app and by e-mail, decide in one click from the notification, and the member is told."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from forum.accounts.models import User
from forum.core.database import write_intent
from forum.extensions import db
from forum.fabriques.models import Membership, MembershipRole, MembershipStatus
from forum.notifications.models import Notification
from tests.conftest import commit_work, login, make_fabrique, make_member, make_user, submit

NEWCOMER = {"email": "nadia.benali@exemple.fr", "display_name": "Nadia Benali",
            "password": "le jardin partagé ouvre en mai", "password_confirm": "le jardin partagé ouvre en mai"}


def _outbox(app):
    return app.extensions["mailman"].__dict__.setdefault("outbox", [])


def _notifications_of(email: str) -> list[Notification]:
    return list(db.session.execute(
        select(Notification).join(User, User.id == Notification.user_id).where(User.email == email)
        .order_by(Notification.id)).scalars())


def _open_latest_notification(client, text: str) -> str:
    """Click the notification that says ``text`` in the member's list; the page it leads to."""
    html = client.get("/notifications").get_data(as_text=True)
    line = next(match for match in re.finditer(r'<li class="notification.*?</li>', html, re.S) if text in match.group(0))
    action = re.search(r'action="([^"]+)"', line.group(0)).group(1)
    response = submit(client, action, form_url="/notifications")
    assert response.status_code == 302
    return response.headers["Location"]


def _confirm(email: str) -> None:
    from forum.accounts import services

    with write_intent():
        services.mark_confirmed(db.session.execute(select(User).where(User.email == email)).scalar_one())
        commit_work()


@pytest.fixture
def fabrique(app):
    manager = make_user("gerante@exemple.fr", "Gérante Dupont")
    return make_fabrique(manager)


def test_the_managers_are_told_and_accept_in_one_click(client, other_client, app, fabrique):
    second = make_member(fabrique, "second@exemple.fr", "Samir Second")
    with write_intent():
        membership = db.session.execute(select(Membership).where(Membership.user_id == second.id)).scalar_one()
        membership.role = MembershipRole.MANAGER
        commit_work()
    _outbox(app).clear()
    assert submit(client, "/inscription", {**NEWCOMER, "fabrique": str(fabrique.id)}).status_code == 302

    request_id = db.session.execute(select(Membership.id).where(Membership.status == MembershipStatus.PENDING)).scalar_one()
    for email in ("gerante@exemple.fr", "second@exemple.fr"):
        (notice,) = [notice for notice in _notifications_of(email) if "Nadia" in notice.text]
        assert notice.text == "Nadia Benali demande à rejoindre La Fabrique des Possibles."
        assert notice.link == f"/fabriques/{fabrique.slug}/membres#demande-{request_id}"
    to_managers = [mail for mail in _outbox(app) if mail.to != [NEWCOMER["email"]]]
    assert sorted(mail.to[0] for mail in to_managers) == ["gerante@exemple.fr", "second@exemple.fr"]
    assert {mail.subject for mail in to_managers} == {"Nadia Benali demande à rejoindre La Fabrique des Possibles"}
    assert f"https://localhost/fabriques/{fabrique.slug}/membres#demande-{request_id}" in to_managers[0].body

    _confirm(NEWCOMER["email"])  # e-mails go to confirmed addresses only
    login(other_client, "gerante@exemple.fr")
    target = _open_latest_notification(other_client, "Nadia Benali demande")
    page = other_client.get(target).get_data(as_text=True)
    assert f'id="demande-{request_id}"' in page and "Accepter" in page
    _outbox(app).clear()
    accepted = submit(other_client, f"/fabriques/{fabrique.slug}/membres/{request_id}/accepter", form_url=target)
    assert accepted.status_code == 302
    assert db.session.get(Membership, request_id).status is MembershipStatus.ACTIVE
    (welcome,) = _notifications_of(NEWCOMER["email"])
    assert welcome.text == "Bienvenue : vous faites maintenant partie de La Fabrique des Possibles."
    assert welcome.link == f"/fabriques/{fabrique.slug}"
    (mail,) = _outbox(app)
    assert mail.to == [NEWCOMER["email"]] and mail.subject == "Vous faites maintenant partie de La Fabrique des Possibles"
    assert "Gérante Dupont a accepté votre demande" in mail.body
    # The second manager's click comes too late: a clear 409, nothing written, nobody told twice.
    second_manager = app.test_client()
    login(second_manager, "second@exemple.fr")
    late = submit(second_manager, f"/fabriques/{fabrique.slug}/membres/{request_id}/refuser", form_url=target)
    assert late.status_code == 409 and len(_notifications_of(NEWCOMER["email"])) == 1


def test_a_refused_member_is_told(client, other_client, app, fabrique):
    make_user(NEWCOMER["email"], NEWCOMER["display_name"], confirmed=False)
    login(client, NEWCOMER["email"])
    assert submit(client, f"/fabriques/{fabrique.slug}/rejoindre", form_url=f"/fabriques/{fabrique.slug}").status_code == 302
    (notice,) = _notifications_of("gerante@exemple.fr")
    request_id = int(notice.link.rsplit("-", 1)[1])
    _confirm(NEWCOMER["email"])
    login(other_client, "gerante@exemple.fr")
    _outbox(app).clear()
    refused = submit(other_client, f"/fabriques/{fabrique.slug}/membres/{request_id}/refuser",
                     form_url=f"/fabriques/{fabrique.slug}/membres")
    assert refused.status_code == 302 and db.session.get(Membership, request_id) is None
    (told,) = _notifications_of(NEWCOMER["email"])
    assert told.text == "Votre demande pour rejoindre La Fabrique des Possibles n'a pas été acceptée."
    assert [mail.subject for mail in _outbox(app)] == ["Votre demande pour rejoindre La Fabrique des Possibles"]
    # The member may ask again; the notification leads to the fabrique's page, which offers it.
    assert "Rejoindre cette fabrique" in client.get(told.link).get_data(as_text=True)


def test_a_manager_who_wants_no_email_is_told_in_the_app_only(client, app, fabrique):
    login(client, "gerante@exemple.fr")
    assert submit(client, "/notifications/preferences", {"frequency": "jamais"},
                  form_url="/notifications").status_code == 302
    _outbox(app).clear()
    newcomer = app.test_client()
    assert submit(newcomer, "/inscription", {**NEWCOMER, "fabrique": str(fabrique.id)}).status_code == 302
    assert len(_notifications_of("gerante@exemple.fr")) == 1
    assert [mail.to for mail in _outbox(app)] == [[NEWCOMER["email"]]]  # only the newcomer's confirmation link


def test_without_an_active_manager_the_moderators_decide(client, other_client, app):
    make_user("modo@exemple.fr", "Marc Modo", role="moderator")
    founder = make_user("fondatrice@exemple.fr", "Fanny Fondatrice")
    fabrique = make_fabrique(founder, "Le Tiers-Lieu Orphelin")
    with write_intent():  # as when an admin closed the only manager's account
        db.session.get(User, founder.id).deleted_at = db.func.now()
        commit_work()
    assert submit(client, "/inscription", {**NEWCOMER, "fabrique": str(fabrique.id)}).status_code == 302
    assert _notifications_of("fondatrice@exemple.fr") == []
    (notice,) = _notifications_of("modo@exemple.fr")
    request_id = int(notice.link.rsplit("-", 1)[1])

    # A plain member may not see nor decide it.
    make_user("curieux@exemple.fr", "Claude Curieux")
    login(other_client, "curieux@exemple.fr")
    assert other_client.get(f"/fabriques/{fabrique.slug}/membres").status_code == 403

    moderator = app.test_client()
    login(moderator, "modo@exemple.fr")
    page = moderator.get(f"/fabriques/{fabrique.slug}/membres").get_data(as_text=True)
    assert "n'a plus de responsable actif" in page and f'id="demande-{request_id}"' in page
    assert submit(moderator, f"/fabriques/{fabrique.slug}/membres/{request_id}/accepter",
                  form_url=f"/fabriques/{fabrique.slug}/membres").status_code == 302
    newcomer = db.session.execute(select(User).where(User.email == NEWCOMER["email"])).scalar_one()
    assert submit(moderator, f"/fabriques/{fabrique.slug}/membres/{request_id}/role", {"role": "manager"},
                  form_url=f"/fabriques/{fabrique.slug}/membres").status_code == 302
    membership = db.session.execute(select(Membership).where(Membership.user_id == newcomer.id)).scalar_one()
    assert membership.is_active and membership.role is MembershipRole.MANAGER
    # Now the fabrique has a manager again: the moderators step back.
    assert moderator.get(f"/fabriques/{fabrique.slug}/membres").status_code == 403


def test_nobody_else_can_answer_a_request(client, other_client, app, fabrique):
    other_manager = make_user("autre@exemple.fr", "Autre Gérant")
    make_fabrique(other_manager, "L'Atelier d'en face")
    assert submit(client, "/inscription", {**NEWCOMER, "fabrique": str(fabrique.id)}).status_code == 302
    request_id = db.session.execute(select(Membership.id).where(Membership.status == MembershipStatus.PENDING)).scalar_one()
    login(other_client, "autre@exemple.fr")
    response = submit(other_client, f"/fabriques/{fabrique.slug}/membres/{request_id}/accepter",
                      form_url=f"/fabriques/{fabrique.slug}")
    assert response.status_code == 403
    assert db.session.get(Membership, request_id).status is MembershipStatus.PENDING
    assert _notifications_of(NEWCOMER["email"]) == []
