"""A suspended member reads but cannot write, until the end of the suspension or until it is lifted."""

from __future__ import annotations

from datetime import timedelta

from forum.accounts.models import User
from forum.core.models import utcnow
from forum.extensions import db
from forum.moderation.models import ModerationAction, ModerationLog
from forum.notifications.models import Notification
from forum.threads.models import Post, Thread
from tests.conftest import csrf_token, login
from tests.moderation.conftest import count, press, text_of, thread_url


def suspend(client, user, duration: str = "7", reason: str = "Insultes répétées"):
    url = f"/moderation/membres/{user.id}/suspendre"
    return press(client, url, url, duration=duration, reason=reason)


def test_a_suspended_member_reads_but_cannot_write(client, app, forum):
    bob, thread = forum["bob"], forum["thread"]
    moderator = app.test_client()
    login(moderator, "mod@exemple.fr")
    assert f"/moderation/membres/{bob.id}/suspendre" in text_of(moderator.get(f"/membres/{bob.id}"))
    response = suspend(moderator, bob)
    assert response.status_code == 302
    db.session.expire_all()
    until = db.session.get(User, bob.id).suspended_until
    assert timedelta(days=6, hours=23) < until - utcnow() <= timedelta(days=7)

    login(client, "bob@exemple.fr")
    page = client.get(thread_url(thread))
    assert page.status_code == 200 and "Votre compte est suspendu jusqu'au" in text_of(page)
    # No form is offered that would only be refused (a typed reply would be lost on the 403).
    html = text_of(page)
    assert f"/sujets/{thread.id}/repondre" not in html and "/merci" not in html and "/signaler/" not in html
    token = csrf_token(client, "/")
    attempts = {
        f"/sujets/{thread.id}/repondre": {"body": "Je réponds quand même."},
        "/sujets/nouveau": {"title": "Un nouveau sujet interdit", "category": "mediation-numerique", "body": "Texte"},
        f"/signaler/message/{thread.id}": {"reason": "spam"},
        f"/messages/{forum['reply'].id}/supprimer": {"confirmed": "1"},
        "/profil": {"display_name": "Bob Renommé", "bio": ""},
    }
    for url, data in attempts.items():
        refused = client.post(url, data={"csrf_token": token, **data})
        assert refused.status_code == 403, url
        message = text_of(refused)
        assert "Votre compte est suspendu jusqu'au" in message and "Insultes répétées" in message, url
    assert count(Post) == 2 and count(Thread) == 1
    assert db.session.get(User, bob.id).display_name == "Bob Leroy"
    # Reading notifications, private bookmarks and watch levels, and leaving still work.
    assert client.post("/notifications/tout-lire", data={"csrf_token": token}).status_code == 302
    assert client.post(f"/sujets/{thread.id}/favori", data={"csrf_token": token}).status_code == 302
    assert client.post(f"/sujets/{thread.id}/suivi", data={"csrf_token": token, "level": "ignorer"}).status_code == 302
    assert client.post("/deconnexion", data={"csrf_token": token}).status_code == 302

    note = db.session.execute(db.select(Notification).where(Notification.user_id == bob.id)).scalar_one()
    assert "suspendu" in note.text and "Insultes répétées" in note.text
    log = db.session.execute(db.select(ModerationLog)).scalar_one()
    assert (log.action, log.target_id, log.reason) == (ModerationAction.SUSPEND, bob.id, "Insultes répétées")


def test_a_loan_request_is_refused_too(client, app, forum):
    from tests.resources.builders import day, two_fabriques

    world = two_fabriques()
    moderator = app.test_client()
    login(moderator, "mod@exemple.fr")
    suspend(moderator, world["member"], "definitive", "Fraude aux prêts")
    login(client, "member@exemple.fr")
    page = f"/ressources/{world['resource'].id}"
    response = press(client, f"{page}/demander", page, start_date=day(3).isoformat(), end_date=day(4).isoformat(),
                     quantity="1")
    assert response.status_code == 403
    assert "sans limite de durée" in text_of(response) and "Fraude aux prêts" in text_of(response)


def test_an_expired_or_lifted_suspension_lets_the_member_write(client, app, forum):
    bob = forum["bob"]
    moderator = app.test_client()
    login(moderator, "mod@exemple.fr")
    suspend(moderator, bob, "1")
    login(client, "bob@exemple.fr")
    row = db.session.get(User, bob.id)
    row.suspended_until = utcnow() - timedelta(minutes=1)  # a day later
    db.session.commit()
    assert press(client, f"/sujets/{forum['thread'].id}/repondre", "/", body="Me revoilà.").status_code == 302

    suspend(moderator, bob, "definitive")
    refused = press(client, f"/sujets/{forum['thread'].id}/repondre", "/", body="Encore moi.")
    assert refused.status_code == 403
    lift = press(moderator, f"/moderation/membres/{bob.id}/lever-suspension", f"/membres/{bob.id}")
    assert lift.status_code == 302
    press(moderator, f"/moderation/membres/{bob.id}/lever-suspension", f"/membres/{bob.id}")  # twice: harmless
    assert press(client, f"/sujets/{forum['thread'].id}/repondre", "/", body="Encore moi.").status_code == 302
    assert [row.action for row in db.session.execute(db.select(ModerationLog).order_by(ModerationLog.id)).scalars()] \
        == [ModerationAction.SUSPEND, ModerationAction.SUSPEND, ModerationAction.UNSUSPEND]


def test_a_double_submission_suspends_once(client, forum):
    login(client, "mod@exemple.fr")
    suspend(client, forum["bob"])
    suspend(client, forum["bob"])
    assert count(ModerationLog) == 1


def test_who_may_suspend_whom(client, app, forum):
    login(client, "mod@exemple.fr")
    assert suspend(client, forum["admin"]).status_code == 403
    other_mod = app.test_client()
    from tests.conftest import make_user

    colleague = make_user("mod2@exemple.fr", "Marc Modérateur", role="moderator")
    login(other_mod, "mod2@exemple.fr")
    refused = suspend(client, colleague)
    assert refused.status_code == 403 and "administrateur" in text_of(refused)
    yourself = suspend(client, forum["mod"])
    assert yourself.status_code == 400 and "vous-même" in text_of(yourself)
    admin = app.test_client()
    login(admin, "admin@exemple.fr")
    assert suspend(admin, colleague).status_code == 302
    assert count(ModerationLog) == 1


def test_bad_suspension_forms(client, forum):
    login(client, "mod@exemple.fr")
    assert suspend(client, forum["bob"], "toujours").status_code == 400
    missing = suspend(client, forum["bob"], "7", "")
    assert missing.status_code == 400 and "Indiquez la raison" in text_of(missing)
    assert client.get("/moderation/membres/999999/suspendre").status_code == 404
    assert db.session.get(User, forum["bob"].id).suspended_at is None


def test_the_endpoints_open_to_suspended_members_exist(app):
    from forum.moderation.web import ALLOWED_WHILE_SUSPENDED

    assert ALLOWED_WHILE_SUSPENDED <= set(app.view_functions)


def test_changing_the_length_of_a_suspension_is_not_a_double_submission(client, forum):
    bob = forum["bob"]
    login(client, "mod@exemple.fr")
    suspend(client, bob, "1", "Insultes répétées")
    response = suspend(client, bob, "definitive", "Insultes répétées")
    assert response.status_code == 302
    page = text_of(client.get(response.headers["Location"]))
    assert "sans limite de durée" in page and "déjà enregistrée" not in page
    db.session.expire_all()
    assert db.session.get(User, bob.id).suspended_until is None
    assert count(ModerationLog, ModerationLog.action == ModerationAction.SUSPEND) == 2
    suspend(client, bob, "definitive", "Insultes répétées")  # the same again: a double submission
    assert count(ModerationLog, ModerationLog.action == ModerationAction.SUSPEND) == 2
    suspend(client, bob, "7", "Insultes répétées")  # shorter again: recorded
    db.session.expire_all()
    assert db.session.get(User, bob.id).suspended_until is not None
    assert count(ModerationLog, ModerationLog.action == ModerationAction.SUSPEND) == 3
