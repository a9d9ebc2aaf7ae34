"""Why content is hidden is state (``hidden_kind``); the sentence beside it is only shown to people,
so rewording it (or a moderator writing the same words) changes nothing the code decides."""

from __future__ import annotations

from sqlalchemy import update

from forum.core.database import write_intent
from forum.core.models import HiddenKind
from forum.extensions import db
from forum.moderation import flags, services as moderation, thread_tools
from forum.moderation.models import Flag, FlagReason, TargetType
from forum.moderation.queries import held_content
from forum.moderation.services import AUTO_HIDE_REASON
from forum.threads.models import Post
from tests.conftest import commit_work, make_reply

SPAM = "Voyez mon offre sur https://montres-pas-cheres.fr/promo, livraison offerte."


def _fresh_post(post_id: int) -> Post:
    db.session.expire_all()
    return db.session.get(Post, post_id)


def test_held_content_is_found_by_its_kind_whatever_its_sentence_says(app, forum):
    held = make_reply(forum["chloe"], forum["thread"], SPAM)
    with write_intent():
        # As if a later version reworded the sentence shown to its author.
        db.session.execute(update(Post).where(Post.id == held.id).values(hidden_reason="Relu avant publication."))
        db.session.commit()
    items, waiting = held_content(10)
    assert waiting == 1 and [item.target.id for item in items] == [held.id]
    with write_intent():
        assert thread_tools.approve(forum["mod"], TargetType.POST, _fresh_post(held.id))
        commit_work()
    post = _fresh_post(held.id)
    assert (post.hidden_at, post.hidden_kind, post.hidden_reason) == (None, None, "")


def test_a_moderator_s_hiding_in_the_words_of_the_flags_stays_when_flags_are_rejected(app, forum):
    reply = forum["reply"]
    with write_intent():
        assert moderation.hide(forum["mod"], TargetType.POST, _fresh_post(reply.id), AUTO_HIDE_REASON)
        db.session.add(Flag(reporter_id=forum["chloe"].id, target_type=TargetType.POST, target_id=reply.id,
                            reason=FlagReason.SPAM, note=""))
        commit_work()
    assert _fresh_post(reply.id).hidden_kind is HiddenKind.MODERATOR
    with write_intent():
        assert flags.review_flags(forum["mod"], TargetType.POST, reply.id, uphold=False)
        commit_work()
    post = _fresh_post(reply.id)
    assert post.hidden_at is not None and post.hidden_kind is HiddenKind.MODERATOR


def test_flags_hide_as_flags_and_a_moderator_takes_it_over(app, forum):
    reply = forum["reply"]
    for flagger in ("alice", "chloe", "david"):
        with write_intent():
            flags.flag(forum[flagger], TargetType.POST, _fresh_post(reply.id), "spam")
            commit_work()
    post = _fresh_post(reply.id)
    assert (post.hidden_kind, post.hidden_reason) == (HiddenKind.FLAGS, AUTO_HIDE_REASON)
    hidden_at = post.hidden_at
    with write_intent():
        assert moderation.hide(forum["mod"], TargetType.POST, post, "Publicité")
        commit_work()
    post = _fresh_post(reply.id)
    assert (post.hidden_kind, post.hidden_reason, post.hidden_at) == (HiddenKind.MODERATOR, "Publicité", hidden_at)
