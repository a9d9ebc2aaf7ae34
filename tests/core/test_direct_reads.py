"""Direct reads (forum.core.direct_reads): the same rows as the ORM gives, in the request's transaction
when asked, seen by the query counter."""

from __future__ import annotations

from sqlalchemy import bindparam, func, select

from forum.accounts.models import Role, User
from forum.core import direct_reads
from forum.core.database import write_intent
from forum.core.direct_reads import DirectRead
from forum.core.page_cache import PageVersion
from forum.extensions import db
from tests.conftest import make_user

NAMES = DirectRead(select(User.id, User.display_name).where(User.display_name.like(bindparam("pattern")),
                                                            User.id != bindparam("excluded"), User.id != 0)
                   .order_by(User.id))


def test_a_direct_read_gives_what_the_orm_gives(app):
    alice, bruno = make_user(), make_user("bruno@exemple.fr", "Bruno Martin")
    expected = [tuple(row) for row in db.session.execute(
        select(User.id, User.display_name).where(User.display_name.like("%Martin")).order_by(User.id))]
    assert NAMES.all_in(db.session, pattern="%Martin", excluded=-1) == expected == [
        (alice.id, "Alice Martin"), (bruno.id, "Bruno Martin")]
    assert NAMES.first(db.engine, pattern="%Martin", excluded=alice.id) == (bruno.id, "Bruno Martin")
    assert NAMES.first_in(db.session, pattern="Personne", excluded=-1) is None
    version = DirectRead(select(func.coalesce(select(PageVersion.version).where(PageVersion.id == 1)
                                              .scalar_subquery(), 0)))
    assert version.first(db.engine)[0] >= 1  # the users' commits bumped it


def test_dates_and_enums_read_as_the_orm_reads_them(app):
    alice = make_user(role="moderator")
    statement = select(User.created_at, User.role, User.suspended_at, User.id).where(User.id == bindparam("user_id"))
    expected = tuple(db.session.execute(statement, {"user_id": alice.id}).one())
    got = DirectRead(statement).first_in(db.session, user_id=alice.id)
    assert got == expected and got[0].tzinfo is not None and got[1] is Role.MODERATOR and got[2] is None
    assert DirectRead(statement).first(db.engine, user_id=alice.id) == expected


def test_a_read_in_the_session_sees_its_own_uncommitted_changes(app):
    alice = make_user()
    with write_intent():
        db.session.get(User, alice.id).display_name = "Alice Rivière"  # pending: flushed before the read
        assert NAMES.all_in(db.session, pattern="Alice%", excluded=-1) == [(alice.id, "Alice Rivière")]
        # Another connection, outside the transaction, sees only what is committed.
        assert NAMES.first(db.engine, pattern="Alice%", excluded=-1) == (alice.id, "Alice Martin")
        db.session.rollback()
    assert NAMES.all_in(db.session, pattern="Alice%", excluded=-1) == [(alice.id, "Alice Martin")]


def test_the_query_counter_sees_direct_reads(app, count_queries):
    make_user()
    seen = []
    direct_reads.listeners.append(lambda sql, parameters: seen.append(parameters))
    try:
        with count_queries() as counter:
            NAMES.all_in(db.session, pattern="%", excluded=-1)
            NAMES.first(db.engine, pattern="%", excluded=-1)
    finally:
        direct_reads.listeners.pop()
    assert counter.count == 2 and len(seen) == 2
