"""Writes to indexed rows reach the index after commit, and only then."""

from sqlalchemy import func, select

from forum.extensions import db
from forum.search.index import last_applied, open_or_create
from forum.search.models import SearchChange
from forum.search.sync import index_directory
from tests.conftest import commit_work, make_category, make_reply, make_thread, make_user


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
