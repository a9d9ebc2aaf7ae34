"""Submission tokens of creating forms (forum.accounts.submissions): bound to a member and a form,
kept a week, then refused (the form comes back with the text) and pruned."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from forum.accounts import submissions
from forum.accounts.models import FormSubmission
from forum.core.database import write_intent
from forum.core.models import utcnow
from forum.extensions import db
from tests.accounts.clock import signed_ago
from tests.conftest import form_fields, login, make_category, make_user

NEW_THREAD = {"title": "Un sujet envoyé depuis un vieux formulaire", "category": "mediation-numerique",
              "body": "Bonjour à toutes et à tous.", "action": "publish"}


def _claim(user, scope: str, token: str):
    with write_intent():
        claim = submissions.claim(user, scope, token)
        if claim.refusal is None and not claim.is_repeat:
            claim.record(1)
        db.session.commit()
    return claim


def test_a_token_is_its_member_s_and_its_form_s(app):
    alice, bob = make_user(), make_user("bob@exemple.fr", "Bob Leroy")
    token = submissions.issue(alice, "reply:1")
    assert _claim(bob, "reply:1", token).refusal is not None  # another member's
    assert _claim(alice, "reply:2", token).refusal is not None  # another thread's reply
    assert _claim(alice, "thread", token).refusal is not None  # another form
    first = _claim(alice, "reply:1", token)
    assert first.refusal is None and not first.is_repeat
    again = _claim(alice, "reply:1", token)
    assert again.is_repeat and again.earlier == 1


def test_old_tokens_are_refused_and_their_rows_pruned(app, client, monkeypatch):
    alice = make_user()
    make_category()
    with signed_ago(monkeypatch, submissions.MAX_AGE.total_seconds() + 60):
        old_token = submissions.issue(alice, "thread")
    db.session.add(FormSubmission(nonce="ancien", user_id=alice.id, scope="thread", created_id=1,
                                  created_at=utcnow() - submissions.MAX_AGE - timedelta(minutes=1)))
    db.session.commit()

    login(client, "alice@exemple.fr")
    fields = form_fields(client, "/sujets/nouveau")
    refused = client.post("/sujets/nouveau", data={**NEW_THREAD, **fields, "submission": old_token})
    assert refused.status_code == 400 and "ouvert depuis plus de 7 jours" in refused.get_data(as_text=True)
    assert "Un sujet envoyé depuis un vieux formulaire" in refused.get_data(as_text=True)  # the text is kept
    assert client.post("/sujets/nouveau", data={**NEW_THREAD, **fields}).status_code == 302
    # The week-old row went when the new token was used; the new one stays for a week.
    assert db.session.get(FormSubmission, "ancien") is None
    assert db.session.execute(select(func.count()).select_from(FormSubmission)).scalar_one() == 1
