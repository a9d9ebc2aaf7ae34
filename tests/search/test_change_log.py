"""Writes to indexed rows reach the index after commit, and only then."""

import pytest
from sqlalchemy import func, select

from forum.core.models import utcnow
from forum.extensions import db
from forum.search.index import last_applied, open_or_create
from forum.search.models import SearchChange
from forum.search.sync import index_directory
from tests.conftest import TEST_DATABASE_URL, commit_work, make_category, make_reply, make_thread, make_user


def _indexed_keys() -> set[str]:
    ix = open_or_create(index_directory())
    with ix.searcher() as searcher:
        return {fields["key"] for fields in searcher.all_stored_fields() if fields["key"] != "__state__"}


def test_a_committed_thread_and_reply_are_indexed(app):
    thread = make_thread(make_user(), make_category())
    reply = make_reply(make_user("bob@exemple.fr", "Bob Leroy"), thread)
    assert {f"fil:{thread.id}", f"message:{reply.id}"} <= _indexed_keys()
    ix = open_or_create(index_directory())
    with ix.searcher() as searcher:
        newest = db.session.execute(select(func.max(SearchChange.id))).scalar_one()
        assert last_applied(searcher) == newest


def test_a_rollback_leaves_no_trace(app):
    from forum.core.database import write_intent
    from forum.threads import services

    author, category = make_user(), make_category()
    before = db.session.execute(select(func.count()).select_from(SearchChange)).scalar_one()
    with write_intent():
        services.start_thread(author, category, "Un sujet jamais publié", "Texte annulé")
        db.session.rollback()
    assert db.session.execute(select(func.count()).select_from(SearchChange)).scalar_one() == before
    assert not any(key.startswith("fil:") for key in _indexed_keys())


def test_a_savepoint_waits_for_the_outer_commit(app):
    from forum.core.database import write_intent
    from forum.threads import services

    author, category = make_user(), make_category()
    with write_intent():
        with db.session.begin_nested():
            thread = services.start_thread(author, category, "Un sujet dans un savepoint", "Texte")
        assert f"fil:{thread.id}" not in _indexed_keys()  # released savepoint, outer not committed
        commit_work()
    assert f"fil:{thread.id}" in _indexed_keys()


@pytest.mark.skipif(not TEST_DATABASE_URL, reason="SQLite commits change-log rows in id order")
def test_a_change_committed_out_of_id_order_is_applied_once(app):
    """PostgreSQL may commit a change-log row after a newer one: the drain's lookback applies it,
    and a quiet drain afterwards applies nothing again (only what this process has not applied)."""
    from sqlalchemy import insert, update
    from sqlalchemy.orm import Session

    from forum.search import sync
    from forum.threads.models import Thread

    author = make_user()
    category = make_category()
    thread = make_thread(author, category, "Un titre de départ")
    other = make_thread(author, category, "Un autre sujet")
    late = Session(db.engine)  # a transaction that takes its change id now and commits last
    late.execute(update(Thread).where(Thread.id == thread.id).values(title="Un titre arrivé en retard"))
    late.execute(insert(SearchChange).values(key=f"fil:{thread.id}", created_at=utcnow()))
    make_reply(make_user("bob@exemple.fr", "Bob Leroy"), other)  # a newer id, committed and drained
    assert sync.drain() == 0  # nothing new yet, and the window is already applied by this process
    late.commit()
    late.close()

    assert sync.drain() == 1
    ix = open_or_create(index_directory())
    with ix.searcher() as searcher:
        assert "retard" in {term.decode() for term in searcher.lexicon("title")}
    assert sync.drain() == 0
