"""The member of a login session, kept per process between content versions (forum.accounts.session_members):
whatever a request reads of them is what the database holds."""

from __future__ import annotations

from sqlalchemy import delete, update

from forum.accounts.models import LoginSession, Role, User
from forum.core.database import write_intent
from forum.extensions import db
from tests.conftest import commit_work, login, make_fabrique, make_member, make_user


def _page(client, url: str = "/") -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.get_data(as_text=True)


def _logged_in(client, email: str = "alice@exemple.fr") -> None:
    login(client, email)
    assert "Alice Martin" in _page(client)  # the « Bonjour » page
    assert "Alice Martin" in _page(client)  # and a page from the kept member


def test_a_session_ended_elsewhere_logs_out_at_once(client, app):
    """Another worker's logout deletes the row and bumps no version: the next page is a visitor's."""
    make_user()
    _logged_in(client)
    with write_intent():
        db.session.execute(delete(LoginSession))
        db.session.commit()
    html = _page(client)
    assert "Alice Martin" not in html and "Se connecter" in html
    assert client.get("/notifications").status_code == 302  # to the login page


def test_a_change_to_the_member_shows_on_the_next_page(client, app):
    alice = make_user()
    _logged_in(client)
    assert "Administration" not in _page(client)
    with write_intent():
        db.session.execute(update(User).where(User.id == alice.id).values(display_name="Alice Rivière",
                                                                           role=Role.ADMIN))
        commit_work()
    html = _page(client)
    assert "Alice Rivière" in html and "Administration" in html


def test_joining_a_fabrique_shows_it_in_the_header_on_the_next_page(client, app):
    manager = make_user("gerante@exemple.fr", "Gérante Fabrique")
    fabrique = make_fabrique(manager, name="La Fabrique des Possibles")
    make_user()
    _logged_in(client)
    assert "La Fabrique des Possibles" not in _page(client, "/notifications")
    make_member(fabrique, "bruno@exemple.fr", "Bruno Petit")  # another member: the version moves
    assert "La Fabrique des Possibles" not in _page(client, "/notifications")
    alice = db.session.execute(db.select(User).where(User.email == "alice@exemple.fr")).scalar_one()
    from forum.fabriques import memberships
    from forum.fabriques.models import Membership

    with write_intent():
        membership = memberships.request_membership(alice, fabrique)
        memberships.decide_membership(db.session.get(User, manager.id), membership, accept=True)
        commit_work()
    assert db.session.execute(db.select(Membership).where(Membership.user_id == alice.id)).scalar_one().is_active
    assert "La Fabrique des Possibles" in _page(client, "/notifications")


def test_a_new_notification_counts_at_once(client, app):
    """Notifications bump no content version: the count is read with the session check, every time."""
    from forum.notifications.services import notify

    alice = make_user()
    _logged_in(client)
    assert 'class="bell-count"' not in _page(client)
    with write_intent():
        notify([db.session.get(User, alice.id)], "reply", "Bruno a répondu à votre sujet.", "/")
        commit_work()
    assert '<span class="bell-count">1</span>' in _page(client)


def test_each_request_gets_its_own_copy_of_the_member(app):
    """What a request does to its member never reaches the kept snapshot nor another request."""
    from forum.accounts.services import start_login_session

    alice = make_user()
    with write_intent():
        key = start_login_session(alice)
        db.session.commit()
    db.session.remove()
    members = app.extensions["session_members"]
    loaded = members.find(key).user
    db.session.remove()
    first = members.find(key).user  # from the snapshot
    assert first is not loaded and first.membership is None
    first.display_name = "Changée sans enregistrer"
    db.session.close()  # the request ends without a commit; its objects keep what it did to them
    second = members.find(key).user
    assert second is not first and second.display_name == "Alice Martin"
    assert second.current_session_key == key
    assert members.find(key + "x") is None and members.find("") is None


def test_a_profile_change_made_through_the_kept_member_is_saved(client, app):
    from tests.conftest import submit

    make_user()
    _logged_in(client)
    response = submit(client, "/profil", {"display_name": "Alice Rivière", "bio": "Médiatrice à Guéret."})
    assert response.status_code == 302
    assert "Alice Rivière" in _page(client)
    db.session.remove()
    assert db.session.execute(db.select(User.bio).where(User.email == "alice@exemple.fr")).scalar_one() \
        == "Médiatrice à Guéret."


def test_the_session_check_is_one_statement(client, app, count_queries):
    make_user()
    _logged_in(client)
    with count_queries() as counter:
        _page(client, "/prets")
    checks = [statement for statement in counter.statements if "login_sessions" in statement]
    assert len(checks) == 1 and "users" not in checks[0].split("FROM", 1)[0]
