"""Members writing in one conversation at the same moment, from real processes (tests/race.py), on
SQLite and PostgreSQL: every reply counts once, the conversation's newest message is the newest one
(its row is locked before a message is added), and a member added twice at once is added once. A
member who leaves, or mutes, in two tabs at once does it once: one request says it did, the other
that it was done (compare-and-set of the member's row)."""

from __future__ import annotations

import html

from sqlalchemy import func, select

from forum.accounts.models import User
from forum.core.database import write_intent
from forum.extensions import db
from forum.messages import services
from forum.messages.models import Conversation, ConversationMember, PrivateMessage
from tests.conftest import commit_work, csrf_token, make_user, submission_token
from tests.race import Outcome, Racer, outcome_of, race

ROUNDS = 30
# More rounds than the per-member limit of messages lets through in a minute: a race shows more often.
UNLIMITED = {"PRIVATE_MESSAGE_LIMIT": "1000 per minute"}


def _read_conversation(client, round_data):
    conversation_id, _ = round_data
    page = f"/messagerie/{conversation_id}"
    html = client.get(page).get_data(as_text=True)
    return conversation_id, csrf_token(client, page), submission_token(html, f"{page}/repondre", page)


def _reply(client, prepared):
    conversation_id, token, submission = prepared
    return outcome_of(client.post(f"/messagerie/{conversation_id}/repondre", data={
        "csrf_token": token, "submission": submission, "body": "Je réponds en même temps que toi.",
        "action": "publish"}))


def _read_for_adding(client, round_data):
    conversation_id, _ = round_data
    return conversation_id, csrf_token(client, f"/messagerie/{conversation_id}")


def _add_dana(client, prepared):
    conversation_id, token = prepared
    return outcome_of(client.post(f"/messagerie/{conversation_id}/personnes",
                                  data={"csrf_token": token, "name": "Dana Leroy"}))


def _conversations(count: int) -> list[tuple[int, str]]:
    alice = make_user("alice@exemple.fr", "Alice Martin")
    bruno = make_user("bruno@exemple.fr", "Bruno Petit")
    rounds = []
    with write_intent():
        for number in range(count):
            conversation = services.start_conversation(alice, [bruno], f"Conversation n° {number}", "Bonjour !")
            rounds.append((conversation.id, "-"))
        commit_work()
    return rounds


def test_two_replies_at_the_same_moment_both_count(app, tmp_path):
    rounds = _conversations(ROUNDS)
    outcomes = race(app, tmp_path, [Racer("alice@exemple.fr", _reply, rounds, _read_conversation),
                                    Racer("bruno@exemple.fr", _reply, rounds, _read_conversation)], settings=UNLIMITED)
    assert all(outcome.status == 302 for racer in outcomes for outcome in racer), outcomes
    for conversation_id, _ in rounds:
        conversation = db.session.get(Conversation, conversation_id)
        ids = list(db.session.execute(select(PrivateMessage.id).where(
            PrivateMessage.conversation_id == conversation_id)).scalars())
        assert conversation.message_count == len(ids) == 3
        assert conversation.last_message_id == max(ids)
        # Each author read at least up to their own message; nobody's position went back.
        for author_id, last_read in db.session.execute(
                select(ConversationMember.user_id, ConversationMember.last_read_message_id)
                .where(ConversationMember.conversation_id == conversation_id)):
            own = db.session.execute(select(func.max(PrivateMessage.id)).where(
                PrivateMessage.conversation_id == conversation_id, PrivateMessage.author_id == author_id)).scalar()
            assert last_read >= own


def test_the_same_member_added_twice_at_once_is_added_once(app, tmp_path):
    rounds = _conversations(ROUNDS)
    make_user("dana@exemple.fr", "Dana Leroy")
    outcomes = race(app, tmp_path, [Racer("alice@exemple.fr", _add_dana, rounds, _read_for_adding),
                                    Racer("bruno@exemple.fr", _add_dana, rounds, _read_for_adding)], settings=UNLIMITED)
    assert all(outcome.status == 302 for racer in outcomes for outcome in racer), outcomes
    for conversation_id, _ in rounds:
        assert db.session.execute(select(func.count()).select_from(ConversationMember).where(
            ConversationMember.conversation_id == conversation_id)).scalar_one() == 3


def _read_leave_page(client, round_data):
    conversation_id, _ = round_data
    return conversation_id, csrf_token(client, f"/messagerie/{conversation_id}/quitter")


def _leave(client, prepared):
    """Leave, then read the page it leads to, where the flash says what happened."""
    conversation_id, token = prepared
    response = client.post(f"/messagerie/{conversation_id}/quitter", data={"csrf_token": token})
    location = response.headers.get("Location", "")
    text = client.get(location).get_data(as_text=True) if response.status_code == 302 else ""
    return Outcome(response.status_code, location, html.unescape(text))


def _mute(client, prepared):
    conversation_id, token = prepared
    response = client.post(f"/messagerie/{conversation_id}/notifications", data={"csrf_token": token, "muted": "1"})
    location = response.headers.get("Location", "")
    text = client.get(location).get_data(as_text=True) if response.status_code == 302 else ""
    return Outcome(response.status_code, location, html.unescape(text))


def test_leaving_twice_at_once_leaves_once(app, tmp_path):
    rounds = _conversations(ROUNDS)
    # Bruno, in two tabs (two sessions), confirms leaving in both at the same moment.
    outcomes = race(app, tmp_path, [Racer("bruno@exemple.fr", _leave, rounds, _read_leave_page),
                                    Racer("bruno@exemple.fr", _leave, rounds, _read_leave_page)])
    for first, second in zip(*outcomes):
        assert first.status == second.status == 302 and first.location == second.location == "/messagerie"
        said = sorted("Vous avez quitté la conversation" in outcome.text for outcome in (first, second))
        assert said == [False, True], (first.text[-600:], second.text[-600:])
        assert any("Vous aviez déjà quitté cette conversation." in outcome.text for outcome in (first, second))
    bruno = db.session.execute(select(User.id).where(User.email == "bruno@exemple.fr")).scalar_one()
    assert db.session.execute(select(func.count()).select_from(ConversationMember).where(
        ConversationMember.user_id == bruno, ConversationMember.left_at.is_not(None))).scalar_one() == ROUNDS


def test_muting_twice_at_once_mutes_once(app, tmp_path):
    rounds = _conversations(ROUNDS)
    outcomes = race(app, tmp_path, [Racer("bruno@exemple.fr", _mute, rounds, _read_for_adding),
                                    Racer("bruno@exemple.fr", _mute, rounds, _read_for_adding)])
    for first, second in zip(*outcomes):
        assert first.status == second.status == 302
        said = sorted("Vous ne serez plus notifié·e" in outcome.text for outcome in (first, second))
        assert said == [False, True], (first.text[-600:], second.text[-600:])
    bruno = db.session.execute(select(User.id).where(User.email == "bruno@exemple.fr")).scalar_one()
    assert db.session.execute(select(func.count()).select_from(ConversationMember).where(
        ConversationMember.user_id == bruno, ConversationMember.muted.is_(True))).scalar_one() == ROUNDS
