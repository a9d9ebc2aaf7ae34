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


def _restore_or_choose(client, prepared):
    hidden_id, other_id, thread_id, token = prepared
    url = f"/moderation/message/{hidden_id}/retablir" if client.racer_email == "mod@exemple.fr" \
        else f"/sujets/{thread_id}/solution/{other_id}"
    return outcome_of(client.post(url, data={"csrf_token": token}))


def test_a_solution_chosen_while_the_hidden_one_is_restored_stays(app, tmp_path, forum):
    """The hidden reply that was the solution comes back only if the question has none (compare-and-set):
    the asker choosing another answer at the same moment keeps her choice, whoever comes first."""
    from forum.core.database import write_intent
    from forum.moderation import services as moderation
    from forum.moderation.models import TargetType
    from forum.threads import community
    from tests.conftest import make_thread

    rounds = []
    for number in range(ROUNDS):
        question = make_thread(forum["alice"], forum["category"], f"Quel outil de billetterie, cas n° {number} ?",
                               "Nous cherchons un outil simple.", is_question=True)
        hidden = make_reply(forum["bob"], question, f"Un tableur partagé, cas n° {number}.")
        other = make_reply(forum["chloe"], question, f"Un logiciel libre, cas n° {number}.")
        with write_intent():
            community.mark_solution(forum["alice"], db.session.get(Thread, question.id),
                                    db.session.get(Post, hidden.id))
            moderation.hide(forum["mod"], TargetType.POST, db.session.get(Post, hidden.id), "À vérifier")
            db.session.commit()
        rounds.append((hidden.id, other.id, question.id, f"/sujets/{question.id}"))
    outcomes = race(app, tmp_path, [Racer("mod@exemple.fr", _restore_or_choose, rounds, read_page),
                                    Racer("alice@exemple.fr", _restore_or_choose, rounds, read_page)])

    assert all(outcome.status == 302 for racer in outcomes for outcome in racer)
    for hidden_id, other_id, thread_id, _ in rounds:
        assert db.session.get(Post, hidden_id).hidden_at is None
        assert db.session.get(Thread, thread_id).solution_post_id == other_id
