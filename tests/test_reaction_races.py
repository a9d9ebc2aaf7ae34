"""Members reacting at the same moment, from three processes (tests/race.py), on SQLite and
PostgreSQL: two members' "Merci" or "Utile" both count; one member's double click counts once;
the counters the pages show equal a recount."""

from __future__ import annotations

from sqlalchemy import func, select

from forum.extensions import db
from forum.practices.models import Practice, PracticeVote
from forum.threads.models import Post, PostLike
from tests.conftest import make_category, make_fabrique, make_reply, make_thread, make_user
from tests.practices.builders import make_practice
from tests.race import Racer, outcome_of, race, read_page

ROUNDS = 4


def _react(client, prepared):
    kind, target_id, token = prepared
    if kind == "merci":
        return outcome_of(client.post(f"/messages/{target_id}/merci", data={"csrf_token": token}))
    return outcome_of(client.post(f"/pratiques/{target_id}/utile", data={"csrf_token": token, "utile": "oui"}))


def _count(model, *where) -> int:
    return db.session.execute(select(func.count()).select_from(model).where(*where)).scalar_one()


def test_merci_and_utile_at_the_same_moment(app, tmp_path):
    author = make_user("alice@exemple.fr", "Alice Martin")
    make_user("bob@exemple.fr", "Bob Leroy")
    make_user("chloe@exemple.fr", "Chloé Petit")
    category = make_category()
    make_fabrique(author, "La Fabrique d'Alice")
    thread = make_thread(author, category)
    rounds = []
    for number in range(ROUNDS):
        post = make_reply(author, thread, f"Une réponse à remercier, n° {number}.")
        practice = make_practice(author, [category.id], title=f"Un atelier vélo à remercier n° {number}")
        rounds += [("merci", post.id, f"/sujets/{thread.id}"), ("utile", practice.id, f"/pratiques/{practice.id}")]
    # Bob clicks twice (two processes, one double click), Chloé once, all at the same moment.
    outcomes = race(app, tmp_path, [Racer("bob@exemple.fr", _react, rounds, read_page),
                                    Racer("bob@exemple.fr", _react, rounds, read_page),
                                    Racer("chloe@exemple.fr", _react, rounds, read_page)])

    assert all(outcome.status == 302 for racer in outcomes for outcome in racer)
    for kind, target_id, _ in rounds:
        if kind == "merci":
            assert _count(PostLike, PostLike.post_id == target_id) == 2
            assert db.session.get(Post, target_id).like_count == 2
        else:
            assert _count(PracticeVote, PracticeVote.practice_id == target_id) == 2
            assert db.session.get(Practice, target_id).useful_count == 2
