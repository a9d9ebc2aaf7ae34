"""The forum's counters stay equal to a recount from the rows after every kind of change
(forum/threads/counters.py owns them), and a recount repairs counters that went wrong."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from forum.core.database import write_intent
from forum.core.models import HiddenKind
from forum.extensions import db
from forum.members import services as members
from forum.moderation import flags, services as moderation, thread_tools
from forum.moderation.models import TargetType
from forum.threads import counters, services as threads
from forum.threads.models import Category, Post, Thread
from tests.conftest import PASSWORD, commit_work, make_category, make_user

LINK = "Tout est expliqué sur https://exemple-de-lien.fr/page, venez voir."


def _stored() -> tuple[list, list]:
    db.session.expire_all()
    return (sorted(db.session.execute(select(Thread.id, Thread.post_count, Thread.deleted_reply_count,
                                             Thread.hidden_reply_count)).all()),
            sorted(db.session.execute(select(Category.id, Category.thread_count, Category.post_count)).all()))


def assert_counters_match_a_recount() -> None:
    """The counters as maintained equal what ``recount_all`` computes from the rows (which is then
    rolled back: the next change starts from the maintained values)."""
    maintained = _stored()
    savepoint = db.session.begin_nested()
    counters.recount_all(db.session)
    recounted = _stored()
    savepoint.rollback()
    db.session.rollback()
    assert maintained == recounted


def act(service, *args, **kwargs):
    """Run a service as a view does (write intent, one commit), then check the counters."""
    with write_intent():
        result = service(*args, **kwargs)
        commit_work()
    assert_counters_match_a_recount()
    return result


def fresh(model, row_id: int):
    db.session.expire_all()
    return db.session.get(model, row_id)


@pytest.fixture
def people(app):
    names = {"alice": "Alice Martin", "bob": "Bob Leroy", "chloe": "Chloé Petit", "david": "David Moreau",
             "emma": "Emma Roux", "farid": "Farid Benali", "gaston": "Gaston Lefèvre"}
    found = {key: make_user(f"{key}@exemple.fr", name) for key, name in names.items()}
    found["mod"] = make_user("mod@exemple.fr", "Modeste Modératrice", role="moderator")
    found["culture"] = make_category("Culture", 1)
    found["formation"] = make_category("Formation", 2)
    return found


def test_starting_replying_holding_and_approving(people):
    alice, bob, chloe, mod = people["alice"], people["bob"], people["chloe"], people["mod"]
    thread = act(threads.start_thread, alice, people["culture"], "Un atelier de théâtre forum", "Qui en a monté un ?")
    reply = act(threads.reply, bob, thread, "Nous, l'an dernier.")
    held_thread = act(threads.start_thread, chloe, people["culture"], "Mon premier sujet avec un lien", LINK)
    held_reply = act(threads.reply, chloe, thread, LINK)
    assert fresh(Post, held_reply.id).hidden_kind is HiddenKind.AWAITING_APPROVAL
    assert fresh(Thread, held_thread.id).hidden_kind is HiddenKind.AWAITING_APPROVAL
    category = fresh(Category, people["culture"].id)
    assert (category.thread_count, category.post_count) == (1, 3)  # the held thread counts nowhere yet
    assert fresh(Thread, thread.id).hidden_reply_count == 1

    assert act(thread_tools.approve, mod, TargetType.POST, fresh(Post, held_reply.id))
    assert act(thread_tools.approve, mod, TargetType.THREAD, fresh(Thread, held_thread.id))
    category = fresh(Category, people["culture"].id)
    assert (category.thread_count, category.post_count) == (2, 4)

    refused = act(threads.reply, people["gaston"], fresh(Thread, thread.id), LINK)
    assert act(thread_tools.reject, mod, TargetType.POST, fresh(Post, refused.id), "Publicité")
    assert fresh(Post, refused.id).hidden_kind is HiddenKind.REJECTED
    # A moderator hides a held post instead of refusing it: counted once, as hidden.
    held_again = act(threads.reply, people["gaston"], fresh(Thread, thread.id), LINK)
    assert act(moderation.hide, mod, TargetType.POST, fresh(Post, held_again.id), "Hors sujet")
    assert fresh(Post, held_again.id).hidden_kind is HiddenKind.MODERATOR
    assert fresh(Thread, thread.id).reply_count == 2 and reply.id


def test_hiding_restoring_flags_deleting_and_editing(people):
    alice, bob, chloe, mod = people["alice"], people["bob"], people["chloe"], people["mod"]
    thread = act(threads.start_thread, alice, people["culture"], "Un atelier de théâtre forum", "Qui en a monté un ?")
    reply = act(threads.reply, bob, thread, "Nous, l'an dernier.")
    other = act(threads.reply, chloe, fresh(Thread, thread.id), "Moi aussi, sans lien.")

    assert act(moderation.hide, mod, TargetType.POST, fresh(Post, reply.id), "Hors sujet")
    assert act(moderation.restore, mod, TargetType.POST, fresh(Post, reply.id))
    assert act(moderation.hide, mod, TargetType.THREAD, fresh(Thread, thread.id), "Doublon")
    assert fresh(Thread, thread.id).hidden_kind is HiddenKind.MODERATOR
    assert act(moderation.restore, mod, TargetType.THREAD, fresh(Thread, thread.id))
    assert fresh(Thread, thread.id).hidden_kind is None

    for flagger in ("david", "emma", "farid"):
        act(flags.flag, people[flagger], TargetType.POST, fresh(Post, reply.id), "spam")
    assert fresh(Post, reply.id).hidden_kind is HiddenKind.FLAGS
    assert act(flags.review_flags, mod, TargetType.POST, reply.id, uphold=False)
    assert fresh(Post, reply.id).hidden_at is None

    # A newcomer adds a link to her visible reply: held again.
    act(threads.edit_post, chloe, fresh(Post, other.id), LINK)
    assert fresh(Post, other.id).hidden_kind is HiddenKind.AWAITING_APPROVAL
    act(threads.delete_post, chloe, fresh(Post, other.id))  # a held reply deleted: deleted, no longer hidden
    act(threads.delete_post, bob, fresh(Post, reply.id))
    act(threads.delete_post, alice, fresh(Post, 1))  # the opening post
    thread = fresh(Thread, thread.id)
    assert (thread.post_count, thread.deleted_reply_count, thread.hidden_reply_count) == (3, 2, 0)


def test_moving_and_merging(people):
    alice, bob, mod = people["alice"], people["bob"], people["mod"]
    culture, formation = people["culture"], people["formation"]
    kept = act(threads.start_thread, alice, culture, "Financer une résidence d'artistes", "Quelles aides ?")
    duplicate = act(threads.start_thread, bob, formation, "Aides pour une résidence d'artistes", "Des pistes ?")
    hidden_reply = act(threads.reply, alice, duplicate, "Voyez la DRAC.")
    deleted_reply = act(threads.reply, alice, fresh(Thread, duplicate.id), "Je me suis trompée.")
    act(moderation.hide, mod, TargetType.POST, fresh(Post, hidden_reply.id), "Hors sujet")
    act(threads.delete_post, alice, fresh(Post, deleted_reply.id))

    assert act(thread_tools.move_thread, mod, fresh(Thread, kept.id), fresh(Category, formation.id))
    assert act(thread_tools.move_thread, mod, fresh(Thread, kept.id), fresh(Category, culture.id))
    assert act(thread_tools.merge_threads, mod, fresh(Thread, duplicate.id), fresh(Thread, kept.id))
    assert fresh(Thread, duplicate.id).hidden_kind is HiddenKind.MERGED
    kept_row = fresh(Thread, kept.id)
    assert (kept_row.post_count, kept_row.deleted_reply_count, kept_row.hidden_reply_count) == (4, 1, 1)

    # A hidden thread moved, then merged: counted nowhere before, its posts counted in the target after.
    hidden = act(threads.start_thread, bob, formation, "Un sujet qui sera masqué", "Son texte.")
    act(moderation.hide, mod, TargetType.THREAD, fresh(Thread, hidden.id), "Hors sujet")
    assert act(thread_tools.move_thread, mod, fresh(Thread, hidden.id), fresh(Category, culture.id))
    assert act(thread_tools.merge_threads, mod, fresh(Thread, hidden.id), fresh(Thread, kept.id))
    category = fresh(Category, culture.id)
    assert (category.thread_count, category.post_count) == (1, 5)


def test_a_member_leaving_with_their_texts(people):
    alice, bob, mod = people["alice"], people["bob"], people["mod"]
    thread = act(threads.start_thread, alice, people["culture"], "Un atelier de théâtre forum", "Qui en a monté un ?")
    first = act(threads.reply, bob, thread, "Nous, l'an dernier.")
    act(threads.reply, bob, fresh(Thread, thread.id), "Et cette année encore.")
    act(threads.reply, alice, fresh(Thread, thread.id), "Merci !")
    act(moderation.hide, mod, TargetType.POST, fresh(Post, first.id), "Hors sujet")
    bobs_thread = act(threads.start_thread, bob, people["formation"], "Former des bénévoles", "Comment faites-vous ?")
    act(threads.reply, alice, bobs_thread, "Par binômes.")

    act(members.delete_account, fresh(type(bob), bob.id), PASSWORD, remove_texts=True)
    thread = fresh(Thread, thread.id)
    assert (thread.post_count, thread.deleted_reply_count, thread.hidden_reply_count) == (4, 2, 0)


def test_recount_repairs_wrong_counters_and_keeps_last_activity(people):
    thread = act(threads.start_thread, people["alice"], people["culture"], "Un atelier de théâtre forum", "Qui ?")
    act(threads.reply, people["bob"], thread, "Nous, l'an dernier.")
    other = act(threads.start_thread, people["bob"], people["formation"], "Former des bénévoles", "Comment ?")
    last_post_at = fresh(Thread, thread.id).last_post_at
    with write_intent():
        db.session.execute(update(Thread).values(post_count=99, deleted_reply_count=7, hidden_reply_count=5))
        db.session.execute(update(Category).values(thread_count=42, post_count=42))
        db.session.commit()

    with write_intent():
        counters.recount_threads(db.session, [thread.id])
        db.session.commit()
    assert (fresh(Thread, thread.id).post_count, fresh(Thread, other.id).post_count) == (2, 99)
    with write_intent():
        counters.recount_all(db.session)
        db.session.commit()
    repaired = fresh(Thread, thread.id)
    assert (repaired.post_count, repaired.deleted_reply_count, repaired.hidden_reply_count) == (2, 0, 0)
    assert repaired.last_post_at == last_post_at
    assert [(row.thread_count, row.post_count) for row in db.session.execute(
        select(Category).order_by(Category.position)).scalars()] == [(1, 2), (1, 1)]
