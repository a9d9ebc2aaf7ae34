"""Moderation acts at the same moment, from several processes (tests/race.py), on SQLite and
PostgreSQL: three members' flags hide a post once; two moderators hiding, or publishing, the same
post act once; journal and counters say so (a hidden reply counted once)."""

from __future__ import annotations

from sqlalchemy import func, select

from forum.extensions import db
from forum.moderation.models import Flag, ModerationAction, ModerationLog
from forum.threads.models import Post, Thread
from tests.conftest import make_reply, make_user
from tests.race import Racer, outcome_of, race, read_page

ROUNDS = 4


def _act(client, prepared):
    kind, post_id, token = prepared
    url = {"signaler": f"/signaler/message/{post_id}", "masquer": f"/moderation/message/{post_id}/masquer",
           "publier": f"/moderation/message/{post_id}/publier"}[kind]
    return outcome_of(client.post(url, data={"csrf_token": token, "reason": "spam" if kind == "signaler"
                                             else "Publicité"}))


def _log_count(action) -> int:
    return db.session.execute(select(func.count()).select_from(ModerationLog)
                              .where(ModerationLog.action == action)).scalar_one()


def _hidden_replies(thread_id: int) -> int:
    """What Thread.hidden_reply_count should be: a recount."""
    return db.session.execute(select(func.count()).select_from(Post).where(
        Post.thread_id == thread_id, Post.position > 1, Post.hidden_at.is_not(None),
        Post.deleted_at.is_(None))).scalar_one()


def test_three_flags_at_once_hide_a_post_once(app, tmp_path, forum):
    thread = forum["thread"]
    posts = [make_reply(forum["alice"], thread, f"Une réponse contestée n° {number}.").id for number in range(ROUNDS)]
    rounds = [("signaler", post_id, f"/signaler/message/{post_id}") for post_id in posts]
    outcomes = race(app, tmp_path, [Racer(email, _act, rounds, read_page)
                                    for email in ("bob@exemple.fr", "chloe@exemple.fr", "david@exemple.fr")])

    assert all(outcome.status == 302 for racer in outcomes for outcome in racer)
    for post_id in posts:
        assert db.session.get(Post, post_id).hidden_at is not None
        assert db.session.execute(select(func.count()).select_from(Flag).where(Flag.target_id == post_id)
                                  ).scalar_one() == 3
    assert _log_count(ModerationAction.AUTO_HIDE) == ROUNDS
    assert db.session.get(Thread, thread.id).hidden_reply_count == _hidden_replies(thread.id) == ROUNDS


def test_two_moderators_hiding_or_publishing_the_same_post_act_once(app, tmp_path, forum):
    thread = forum["thread"]
    rounds = []
    for number in range(ROUNDS):
        visible = make_reply(forum["chloe"], thread, f"Une réponse à masquer n° {number}.")
        newcomer = make_user(f"nouveau{number}@exemple.fr", f"Nouveau Venu {number}")
        held = make_reply(newcomer, thread, f"Mon site : https://exemple.org/{number}")  # held for approval
        assert held.hidden_at is not None
        rounds += [("masquer", visible.id, f"/sujets/{thread.id}"), ("publier", held.id, "/moderation")]
    first, second = race(app, tmp_path, [Racer("mod@exemple.fr", _act, rounds, read_page),
                                         Racer("admin@exemple.fr", _act, rounds, read_page)])

    assert all(outcome.status == 302 for outcome in first + second)
    assert _log_count(ModerationAction.HIDE) == ROUNDS and _log_count(ModerationAction.APPROVE) == ROUNDS
    stored = db.session.get(Thread, thread.id)
    assert stored.hidden_reply_count == _hidden_replies(thread.id) == ROUNDS  # the held ones are published
    assert stored.post_count == db.session.execute(select(func.count()).select_from(Post).where(
        Post.thread_id == thread.id)).scalar_one()
