"""Notifications and e-mails are written in their reader's language (``User.email_language``), never in the
language of the person whose action sent them."""

from __future__ import annotations

from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from forum.accounts import recovery
from forum.accounts.models import User
from forum.core.models import utcnow
from forum.core.outbox import OutboxEmail
from forum.digests.services import send_digests
from forum.extensions import db
from forum.notifications.models import EmailFrequency, EmailPreference, Notification
from forum.notifications.services import HIDDEN_TEXT, NotificationLine, email_member, in_language, notify
from tests.conftest import PASSWORD, commit_work, login, make_user, submit

NBSP = "\u00a0"
FRENCH_BROWSER = {"Accept-Language": "fr-FR,fr;q=0.9"}


def outbox(app) -> list:
    return app.extensions["mailman"].__dict__.setdefault("outbox", [])


def speaking(user: User, language: str | None) -> User:
    db.session.get(User, user.id).language = language
    db.session.commit()
    return user


def line_of(user: User) -> str:
    return db.session.execute(select(Notification.text).where(Notification.user_id == user.id)).scalar_one()


def mail_to(app, address: str):
    [email] = [email for email in outbox(app) if email.to == [address]]
    return email


def test_one_notify_writes_each_line_and_e_mail_in_its_reader_s_language(app):
    actor = make_user("alice@exemple.fr", "Alice Martin")
    english = speaking(make_user("emma@exemple.fr", "Emma Jones"), "en")
    french = make_user("bruno@exemple.fr", "Bruno Petit")  # no preference: French
    outbox(app).clear()
    # The actor browses in French: the texts are written per reader all the same.
    with app.test_request_context("/", headers=FRENCH_BROWSER):
        assert str(_("Rien de nouveau.")) == "Rien de nouveau."
        count = notify([english, french, actor], "private_message",
                       lambda: _("%(name)s a répondu dans «\u00a0%(subject)s\u00a0».", name="Alice Martin",
                                 subject="Atelier"),
                       "/messagerie/1", actor=actor, site_url="https://localhost",
                       email_subject=lambda: _("Nouveau message de %(name)s\u00a0: %(subject)s", name="Alice Martin",
                                               subject="Atelier"),
                       email_text=lambda: _("%(name)s vous écrit\u00a0:", name="Alice Martin") + "\n\nBonjour !")
        commit_work()
    assert count == 2  # the actor is not told of their own action
    assert line_of(english) == "Alice Martin replied in “Atelier”."
    assert line_of(french) == f"Alice Martin a répondu dans «{NBSP}Atelier{NBSP}»."
    to_emma, to_bruno = mail_to(app, "emma@exemple.fr"), mail_to(app, "bruno@exemple.fr")
    assert to_emma.subject == "New message from Alice Martin: Atelier"
    assert to_emma.body.startswith("Alice Martin writes to you:\n\nBonjour !\n\nhttps://localhost/messagerie/1")
    assert "You are receiving this message because this activity concerns you." in to_emma.body
    assert "Choose which e-mails you receive, and when: https://localhost/notifications#e-mails" in to_emma.body
    assert "To stop receiving e-mails from the forum, without logging in: https://localhost/" in to_emma.body
    # French typography only in French: the English e-mail keeps its spaces as written.
    assert NBSP not in to_emma.body and NBSP not in to_emma.subject and "Bonjour !" in to_emma.body
    assert to_bruno.subject == f"Nouveau message de Alice Martin{NBSP}: Atelier"
    assert "Vous recevez ce message parce que vous êtes concerné·e par cette activité." in to_bruno.body
    assert f"Bonjour{NBSP}!" in to_bruno.body
    languages = dict(db.session.execute(select(OutboxEmail.recipient, OutboxEmail.language)).all())
    assert languages == {"emma@exemple.fr": "en", "bruno@exemple.fr": "fr"}


def test_a_plain_string_and_a_lazy_string_still_work(app):
    english = speaking(make_user("emma@exemple.fr", "Emma Jones"), "en")
    french = make_user("bruno@exemple.fr", "Bruno Petit")
    with app.test_request_context("/"):
        notify([english, french], "misc", "Texte fixe : le même pour tous.", "/notifications")
        notify([english], "misc", _l("Rien de nouveau."), "/notifications")
        commit_work()
    lines = db.session.execute(select(Notification.user_id, Notification.text).order_by(Notification.id)).all()
    assert lines == [(english.id, "Texte fixe : le même pour tous."),
                     (french.id, f"Texte fixe{NBSP}: le même pour tous."), (english.id, "Nothing new.")]


def test_email_member_writes_in_the_member_s_language(app):
    english = speaking(make_user("emma@exemple.fr", "Emma Jones"), "en")
    outbox(app).clear()
    with app.test_request_context("/", headers=FRENCH_BROWSER):
        email_member(english, _l("Un résumé hebdomadaire"), lambda: _("Bonjour %(name)s,", name="Emma Jones"),
                     "https://localhost")
        commit_work()
    email = mail_to(app, "emma@exemple.fr")
    assert email.subject == "A weekly digest" and email.body.startswith("Hello Emma Jones,\n")
    assert "Choose which e-mails you receive" in email.body


def test_in_language_leaves_the_current_locale_alone(app):
    with app.test_request_context("/", headers=FRENCH_BROWSER):
        assert in_language("en", _l("Rien de nouveau.")) == "Nothing new."
        assert in_language("fr", lambda: _("Rien de nouveau.")) == "Rien de nouveau."
        assert _("Rien de nouveau.") == "Rien de nouveau."


def test_a_hidden_line_reads_the_moderation_notice_in_the_page_s_language(app):
    line = NotificationLine(1, "Alice a répondu dans « Un titre masqué ».", utcnow(), None, "Alice", is_masked=True)
    with app.test_request_context("/"):
        assert line.shown_text == "Contenu masqué par la modération."
        with force_locale("en"):
            assert line.shown_text == "Content hidden by the moderators." == str(HIDDEN_TEXT)


def test_a_private_message_reaches_an_english_member_in_english(client, other_client, app):
    make_user("alice@exemple.fr", "Alice Martin")
    emma = speaking(make_user("emma@exemple.fr", "Emma Jones"), "en")
    login(client, "alice@exemple.fr")
    outbox(app).clear()
    response = submit(client, "/messagerie/nouveau", {"recipients": "Emma Jones", "subject": "Notre atelier",
                                                      "body": "Bonjour Emma !", "action": "publish"},
                      headers=FRENCH_BROWSER)
    assert response.status_code == 302
    assert line_of(emma) == "Alice Martin wrote to you: “Notre atelier”."
    email = mail_to(app, "emma@exemple.fr")
    assert email.subject == "Private message from Alice Martin: Notre atelier"
    assert "Alice Martin writes to you:" in email.body and "To read the conversation and reply:" in email.body
    # Her notifications page is English too, whoever wrote the line.
    login(other_client, "emma@exemple.fr")
    page = other_client.get("/notifications", headers=FRENCH_BROWSER).get_data(as_text=True)
    assert 'lang="en"' in page and "Alice Martin wrote to you" in page and "Mark all as read" in page


def test_account_e_mails_follow_the_member_s_language(client, app):
    speaking(make_user("emma@exemple.fr", "Emma Jones"), "en")
    make_user("bruno@exemple.fr", "Bruno Petit")
    outbox(app).clear()
    for address in ("emma@exemple.fr", "bruno@exemple.fr"):
        response = submit(client, "/mot-de-passe-oublie", {"email": address}, headers=FRENCH_BROWSER)
        assert response.status_code == 302
    to_emma, to_bruno = mail_to(app, "emma@exemple.fr"), mail_to(app, "bruno@exemple.fr")
    assert to_emma.subject == "Reset your password" and to_emma.body.startswith("Hello Emma Jones,")
    assert "This message is about your account" in to_emma.body and NBSP not in to_emma.body
    assert to_bruno.subject == "Réinitialiser votre mot de passe" and to_bruno.body.startswith("Bonjour Bruno Petit,")


def test_a_new_address_is_confirmed_in_the_member_s_language(app):
    emma = speaking(make_user("emma@exemple.fr", "Emma Jones"), "en")
    outbox(app).clear()
    with app.test_request_context("/", headers=FRENCH_BROWSER):
        recovery.send_confirmation(db.session.get(User, emma.id), "https://localhost")
        recovery.request_email_change(db.session.get(User, emma.id), PASSWORD, "emma.jones@exemple.fr",
                                      "https://localhost")
        commit_work()
    confirmation = mail_to(app, "emma@exemple.fr")
    assert confirmation.subject == "Confirm your e-mail address"
    assert "Welcome to the Forum des Fabriques!" in confirmation.body
    # The new address, not yet the account's, is written to in the member's language.
    change = mail_to(app, "emma.jones@exemple.fr")
    assert change.subject == "Confirm your new e-mail address"
    assert "You asked for your Forum des Fabriques account to use this address" in change.body


def test_a_digest_is_written_in_its_reader_s_language(app):
    emma = speaking(make_user("emma@exemple.fr", "Emma Jones"), "en")
    bruno = make_user("bruno@exemple.fr", "Bruno Petit")
    with app.test_request_context("/", headers=FRENCH_BROWSER):
        for user in (emma, bruno):
            db.session.add(EmailPreference(user_id=user.id, frequency=EmailFrequency.DAILY))
        notify([emma, bruno], "misc", lambda: _("Rien de nouveau."), "/notifications")
        db.session.commit()
        outbox(app).clear()
        assert send_digests("daily", site_url="https://localhost") == 2
        commit_work()
    to_emma, to_bruno = mail_to(app, "emma@exemple.fr"), mail_to(app, "bruno@exemple.fr")
    assert to_emma.subject == "Your daily Forum des Fabriques digest"
    assert to_emma.body.startswith("Hello Emma Jones,\n\nHere is your daily Forum des Fabriques digest.")
    assert "For you (unread notifications):\n- Nothing new." in to_emma.body
    assert to_bruno.subject == "Votre résumé quotidien du Forum des Fabriques"
    assert f"Pour vous (notifications non lues){NBSP}:\n- Rien de nouveau." in to_bruno.body
