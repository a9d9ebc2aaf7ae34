"""E-mail preferences, the one-click unsubscribe link, and the daily and weekly digests."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from forum.core.database import write_intent
from forum.core.models import utcnow
from forum.extensions import db
from forum.notifications.models import EmailFrequency, EmailPreference
from tests.conftest import commit_work, csrf_token, form_fields, login, make_category, make_reply, make_thread, make_user


def outbox(app) -> list:
    return app.extensions["mailman"].__dict__.setdefault("outbox", [])


@pytest.fixture
def forum(app):
    alice = make_user("alice@exemple.fr", "Alice Martin")
    bob = make_user("bob@exemple.fr", "Bob Leroy")
    thread = make_thread(alice, make_category(), "Comment organiser un café réparation ?")
    outbox(app).clear()
    return {"alice": alice, "bob": bob, "thread": thread}


def choose(client, frequency: str):
    return client.post("/notifications/preferences",
                       data={"csrf_token": csrf_token(client, "/notifications"), "frequency": frequency})


def test_a_reply_is_e_mailed_at_once_with_text_and_an_unsubscribe_link(client, app, forum):
    login(client, "bob@exemple.fr")
    path = f"/sujets/{forum['thread'].id}/repondre"
    response = client.post(path, data={**form_fields(client, path),
                                       "body": "Nous en faisons un par mois, avec des bénévoles retraités."})
    assert response.status_code == 302
    [email] = outbox(app)
    assert email.to == ["alice@exemple.fr"]
    assert email.subject == "Nouvelle réponse\u00a0: Comment organiser un café réparation\u00a0?"
    assert "Bob Leroy a répondu" in email.body and "bénévoles retraités" in email.body
    link = re.search(r"https://localhost/notifications/desabonnement/[\w.-]+", email.body).group()
    # Mail clients' own one-click button (RFC 8058) posts to the same link.
    assert email.extra_headers["List-Unsubscribe"] == f"<{link}>"
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert " ".join(email.message()["List-Unsubscribe"].split()) == f"<{link}>"  # in the message as sent


@pytest.mark.parametrize("frequency", ["quotidien", "hebdomadaire", "jamais"])
def test_members_who_chose_a_digest_or_nothing_get_no_immediate_e_mail(client, app, forum, frequency):
    login(client, "alice@exemple.fr")
    assert choose(client, frequency).status_code == 302
    assert db.session.get(EmailPreference, forum["alice"].id).frequency == EmailFrequency(frequency)
    make_reply(forum["bob"], forum["thread"], "Une réponse.")
    assert outbox(app) == []
    assert "Une réponse" not in str(outbox(app))
    page = client.get("/notifications").get_data(as_text=True)
    assert "Bob Leroy a répondu" in page  # in the app, always


def test_an_unknown_frequency_is_refused(client, forum):
    login(client, "alice@exemple.fr")
    response = choose(client, "toutes-les-heures")
    assert response.status_code == 400 and "Choisissez quand recevoir les e-mails" in response.get_data(as_text=True)
    assert db.session.get(EmailPreference, forum["alice"].id) is None


def test_the_unsubscribe_link_works_without_login_and_rejects_tampering(client, app, forum):
    make_reply(forum["bob"], forum["thread"], "Première réponse.")
    link = re.search(r"/notifications/desabonnement/[\w.-]+", outbox(app)[0].body).group()
    page = client.get(link)
    assert page.status_code == 200 and "Alice Martin" in page.get_data(as_text=True)
    assert db.session.get(EmailPreference, forum["alice"].id) is None  # opening the page changes nothing
    assert client.post(link).status_code == 200  # one click, no login, no form token
    assert db.session.get(EmailPreference, forum["alice"].id).frequency is EmailFrequency.NEVER
    assert client.post(link).status_code == 200  # twice is harmless

    outbox(app).clear()
    make_reply(forum["bob"], forum["thread"], "Deuxième réponse.")
    assert outbox(app) == []

    tampered = link[:-3] + ("abc" if not link.endswith("abc") else "xyz")
    for url in (tampered, "/notifications/desabonnement/nimporte-quoi"):
        for response in (client.get(url), client.post(url)):
            assert response.status_code == 400
            assert "Ce lien de désinscription n&#39;est pas valide" in response.get_data(as_text=True)


def _set(user, frequency: EmailFrequency, last_digest_at=None) -> None:
    with write_intent():
        db.session.add(EmailPreference(user_id=user.id, frequency=frequency, last_digest_at=last_digest_at))
        commit_work()


def test_daily_digest_lists_unread_notifications_and_busy_threads(app, forum):
    app.config["SITE_URL"] = "https://forum.exemple.org/"
    _set(forum["alice"], EmailFrequency.DAILY)
    _set(forum["bob"], EmailFrequency.WEEKLY)
    make_reply(forum["bob"], forum["thread"], "Une réponse pour le résumé.")
    assert outbox(app) == []  # Alice chose the digest
    runner = app.test_cli_runner()
    result = runner.invoke(args=["digest", "send", "--period", "daily"])
    assert result.exit_code == 0 and "Résumés envoyés : 1." in result.output
    [email] = outbox(app)
    assert email.to == ["alice@exemple.fr"] and "résumé quotidien" in email.subject
    assert "Bob Leroy a répondu dans «\u00a0Comment organiser un café réparation\u00a0?\u00a0»" in email.body
    assert "Les discussions les plus actives" in email.body and "/notifications/desabonnement/" in email.body
    link = re.search(r"https://forum.exemple.org/notifications/desabonnement/[\w.-]+", email.body).group()
    assert email.body.rstrip().endswith(link) and email.extra_headers["List-Unsubscribe"] == f"<{link}>"
    db.session.expire_all()
    assert db.session.get(EmailPreference, forum["alice"].id).last_digest_at is not None

    # Run again the same day (by hand, a second cron): no second digest.
    outbox(app).clear()
    assert "Résumés envoyés : 0." in runner.invoke(args=["digest", "send", "--period", "daily"]).output
    assert outbox(app) == []

    outbox(app).clear()
    assert "Résumés envoyés : 1." in runner.invoke(args=["digest", "send", "--period", "weekly"]).output
    assert [email.to for email in outbox(app)] == [["bob@exemple.fr"]]


def test_no_digest_when_nothing_happened(app, forum):
    app.config["SITE_URL"] = "https://forum.exemple.org"
    long_ago = utcnow() - timedelta(days=30)
    _set(forum["alice"], EmailFrequency.DAILY, last_digest_at=utcnow())
    with write_intent():
        from forum.threads.models import Post, Thread

        for post in db.session.execute(select(Post)).scalars():
            post.created_at = long_ago
        db.session.get(Thread, forum["thread"].id).created_at = long_ago
        commit_work()
    result = app.test_cli_runner().invoke(args=["digest", "send", "--period", "daily"])
    assert "Résumés envoyés : 0." in result.output and outbox(app) == []


def test_e_mails_from_cron_need_the_public_address(tmp_path):
    """Without FORUM_SITE_URL the app, and so every cron command, refuses to start and says what to set."""
    from forum import create_app
    from forum.config import ConfigurationError
    from tests.conftest import base_config

    with pytest.raises(ConfigurationError, match="FORUM_SITE_URL n'est pas défini"):
        create_app({**base_config(tmp_path), "SITE_URL": None})


def test_bad_period_is_refused(app):
    result = app.test_cli_runner().invoke(args=["digest", "send", "--period", "hourly"])
    assert result.exit_code != 0 and "hourly" in result.output


def test_the_notifications_page_shows_the_chosen_frequency_with_or_without_lines(client, app, forum):
    login(client, "alice@exemple.fr")
    assert 'value="immediat" checked' in client.get("/notifications").get_data(as_text=True)  # never chose
    choose(client, "hebdomadaire")
    assert 'value="hebdomadaire" checked' in client.get("/notifications").get_data(as_text=True)  # no line
    make_reply(forum["bob"], forum["thread"], "Nous en faisons un chaque mois.")
    page = client.get("/notifications").get_data(as_text=True)
    assert 'value="hebdomadaire" checked' in page and "Bob Leroy" in page  # read with the lines
