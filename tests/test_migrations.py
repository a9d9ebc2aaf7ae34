"""The migrations build exactly the schema the models describe (SQLite, and PostgreSQL when configured)."""

from __future__ import annotations

import json
import uuid

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import upgrade
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from forum import create_app
from forum.extensions import db
from tests.conftest import TEST_DATABASE_URL, base_config


@pytest.fixture
def empty_database_url(tmp_path):
    """A URL to an empty database: a new SQLite file, or a scratch PostgreSQL database."""
    if not TEST_DATABASE_URL:
        yield f"sqlite:///{tmp_path / 'migrated.sqlite3'}"
        return
    name = f"forum_migrations_{uuid.uuid4().hex[:8]}"
    admin = create_engine(TEST_DATABASE_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(TEST_DATABASE_URL).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


def test_migrations_match_the_models(tmp_path, empty_database_url):
    app = create_app({**base_config(tmp_path), "SQLALCHEMY_DATABASE_URI": empty_database_url})
    with app.app_context():
        upgrade()
        with db.engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), db.metadata)
        db.engine.dispose()
    assert differences == []


def test_init_db_command_is_idempotent(tmp_path, empty_database_url):
    app = create_app({**base_config(tmp_path), "SQLALCHEMY_DATABASE_URI": empty_database_url})
    runner = app.test_cli_runner()
    for _ in range(2):
        result = runner.invoke(args=["init-db"])
        assert result.exit_code == 0, result.output
    with app.app_context():
        assert db.session.execute(text("SELECT count(*) FROM users")).scalar_one() == 0
        db.session.remove()
        db.engine.dispose()


def test_0013_keys_the_names_of_existing_members(tmp_path, empty_database_url):
    """Existing members get their look-alike key; of two names that already looked alike, the older
    account keeps the key (the name stays protected); deleted members get none."""
    from forum.accounts.names import name_key

    app = create_app({**base_config(tmp_path), "SQLALCHEMY_DATABASE_URI": empty_database_url})
    with app.app_context():
        upgrade(revision="0011")
        rows = [(1, "alice@exemple.fr", "Alice Martin", None), (2, "alice2@exemple.fr", "ALICE MARTIN", None),
                (3, "bob@exemple.fr", "Bob Leroy", None), (4, "x@compte-supprime.invalid", "Membre supprimé",
                                                            "2026-01-02 03:04:05")]
        with db.engine.begin() as connection:
            for user_id, email, name, deleted_at in rows:
                connection.execute(text(
                    "INSERT INTO users (id, email, display_name, password_hash, role, bio, created_at, deleted_at)"
                    " VALUES (:id, :email, :name, 'x', 'member', '', '2026-01-01 00:00:00', :deleted_at)"),
                    {"id": user_id, "email": email, "name": name, "deleted_at": deleted_at})
        upgrade()
        with db.engine.connect() as connection:
            keys = dict(connection.execute(text("SELECT id, name_key FROM users")).all())
        db.engine.dispose()
    assert keys == {1: name_key("Alice Martin"), 2: None, 3: name_key("Bob Leroy"), 4: None}


def _insert_row(connection, table: str, values: dict) -> None:
    """A row of ``table`` with ``values``, and a plain value in every other required column."""
    from sqlalchemy import inspect

    filler = {"INTEGER": 1, "BOOLEAN": False, "DATE": "2027-01-04", "DATETIME": "2026-12-01 10:00:00",
              "TIMESTAMP": "2026-12-01 10:00:00", "FLOAT": 0.0}
    row = dict(values)
    for column in inspect(connection).get_columns(table):
        if column["name"] in row or column["nullable"] or column.get("autoincrement") is True:
            continue
        kind = str(column["type"]).split("(")[0].split(" ")[0].upper()
        row[column["name"]] = filler.get(kind, "x")
    names = ", ".join(row)
    connection.execute(text(f"INSERT INTO {table} ({names}) VALUES ({', '.join(':' + name for name in row)})"), row)


def test_0020_keeps_amounts_and_everything_that_hangs_on_a_resource(tmp_path, empty_database_url):
    """Deposits move to cents exactly, and the resource's loans survive: on SQLite a batch (table
    recreating) migration would have deleted them in cascade."""
    app = create_app({**base_config(tmp_path), "SQLALCHEMY_DATABASE_URI": empty_database_url})
    with app.app_context():
        upgrade(revision="0020")
        from flask_migrate import downgrade
        downgrade(revision="-1")
        with db.engine.begin() as connection:
            _insert_row(connection, "fabriques", {"id": 1, "slug": "f", "name": "F"})
            _insert_row(connection, "resources", {"id": 1, "fabrique_id": 1, "kind": "equipement",
                                                  "deposit_euros": 150})
            _insert_row(connection, "loans", {"id": 1, "resource_id": 1, "owner_fabrique_id": 1,
                                              "borrower_fabrique_id": 1, "state": "requested",
                                              "requested_by_id": None})
        upgrade()
        with db.engine.connect() as connection:
            deposit = connection.execute(text("SELECT deposit_cents FROM resources")).scalar_one()
            loans = connection.execute(text("SELECT count(*) FROM loans")).scalar_one()
        db.engine.dispose()
    assert (deposit, loans) == (15_000, 1)


def test_0021_reads_why_content_is_hidden_from_its_sentence_and_goes_back(tmp_path, empty_database_url):
    """The kind is filled from what the code compared until then: the held and flagged sentences, a
    merged thread, a refusal journaled since the hiding; any other hidden content is a moderator's."""
    from flask_migrate import downgrade
    from sqlalchemy import inspect

    from forum.core.visibility import AWAITING_APPROVAL
    from forum.moderation.services import AUTO_HIDE_REASON

    app = create_app({**base_config(tmp_path), "SQLALCHEMY_DATABASE_URI": empty_database_url})
    held_at, refused_at, hidden_again_at = "2026-12-01 10:00:00", "2026-12-01 11:00:00", "2026-12-02 09:00:00"
    with app.app_context():
        upgrade(revision="0020")
        with db.engine.begin() as connection:
            _insert_row(connection, "categories", {"id": 1, "slug": "c", "name": "C"})
            _insert_row(connection, "fabriques", {"id": 1, "slug": "f", "name": "F"})
            for thread_id, hidden_at, reason, merged_into in (
                    (1, None, "", None), (2, held_at, AWAITING_APPROVAL, None), (3, held_at, "Hors sujet", None),
                    (4, held_at, "Fusionné avec le sujet « C ».", 1)):
                _insert_row(connection, "threads", {"id": thread_id, "category_id": 1, "hidden_at": hidden_at,
                                                    "hidden_reason": reason, "merged_into_id": merged_into})
            for position, hidden_at, reason in (
                    (1, None, ""), (2, held_at, AWAITING_APPROVAL), (3, held_at, AUTO_HIDE_REASON),
                    (4, held_at, "Publicité"),  # refused when it was held (journaled after it was held)
                    (5, hidden_again_at, "Hors sujet")):  # refused once, restored, then hidden by a moderator
                _insert_row(connection, "posts", {"id": position, "thread_id": 1, "position": position,
                                                  "hidden_at": hidden_at, "hidden_reason": reason})
            for post_id in (4, 5):
                _insert_row(connection, "moderation_log", {"id": post_id, "action": "reject", "target_type": "message",
                                                           "target_id": post_id, "created_at": refused_at})
            _insert_row(connection, "resources", {"id": 1, "fabrique_id": 1, "kind": "equipement",
                                                  "hidden_at": held_at, "hidden_reason": AUTO_HIDE_REASON})
        upgrade()
        with db.engine.connect() as connection:
            kinds = {table: dict(connection.execute(text(f"SELECT id, hidden_kind FROM {table}")).all())
                     for table in ("threads", "posts", "resources")}
        downgrade(revision="0020")
        with db.engine.connect() as connection:
            columns = {column["name"] for column in inspect(connection).get_columns("posts")}
            reasons = dict(connection.execute(text("SELECT id, hidden_reason FROM posts")).all())
        upgrade()
        db.engine.dispose()
    assert kinds == {"threads": {1: None, 2: "awaiting_approval", 3: "moderator", 4: "merged"},
                     "posts": {1: None, 2: "awaiting_approval", 3: "flags", 4: "rejected", 5: "moderator"},
                     "resources": {1: "flags"}}
    assert "hidden_kind" not in columns and reasons[2] == AWAITING_APPROVAL


def test_0022_gives_existing_rooms_the_default_rules_and_goes_back(tmp_path, empty_database_url):
    """Existing rooms (only them) get Monday–Friday 9:00–18:00, 1 h notice, 90 days ahead, 30 min–8 h,
    no buffer, approval required; their loans by days stay as they were; the downgrade drops it all."""
    from flask_migrate import downgrade
    from sqlalchemy import inspect

    from forum.resources.rooms import DEFAULT_RULES

    app = create_app({**base_config(tmp_path), "SQLALCHEMY_DATABASE_URI": empty_database_url})
    with app.app_context():
        upgrade(revision="0021")
        with db.engine.begin() as connection:
            _insert_row(connection, "fabriques", {"id": 1, "slug": "f", "name": "F"})
            _insert_row(connection, "resources", {"id": 1, "fabrique_id": 1, "kind": "espace"})
            _insert_row(connection, "resources", {"id": 2, "fabrique_id": 1, "kind": "equipement"})
            _insert_row(connection, "loans", {"id": 1, "resource_id": 1, "owner_fabrique_id": 1,
                                              "borrower_fabrique_id": 1, "state": "accepted",
                                              "requested_by_id": None})
        upgrade()
        with db.engine.connect() as connection:
            rows = connection.execute(text(
                "SELECT resource_id, opening_hours, closed_dates, min_notice_hours, max_notice_days, min_minutes, "
                "max_minutes, buffer_minutes, needs_approval FROM room_rules")).all()
            loan = connection.execute(text("SELECT state, starts_at, ends_at FROM loans")).one()
        downgrade(revision="0021")
        with db.engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())
            columns = {column["name"] for column in inspect(connection).get_columns("loans")}
        upgrade()
        db.engine.dispose()
    assert len(rows) == 1 and rows[0][0] == 1
    opening = rows[0][1] if isinstance(rows[0][1], dict) else json.loads(rows[0][1])
    closed = rows[0][2] if isinstance(rows[0][2], list) else json.loads(rows[0][2])
    assert opening == DEFAULT_RULES.opening_hours and closed == []
    assert tuple(rows[0][3:8]) == (1, 90, 30, 480, 0) and bool(rows[0][8]) is True
    assert tuple(loan) == ("accepted", None, None)
    assert "room_rules" not in tables and not {"starts_at", "ends_at", "blocked_until"} & columns


CONTENT_TABLES = ("posts", "practices", "resources", "events")


def _columns(table: str) -> set[str]:
    from sqlalchemy import inspect

    return {column["name"] for column in inspect(db.engine).get_columns(table)}


def test_0028_adds_the_language_in_place_and_goes_back(tmp_path, empty_database_url):
    """A nullable language on posts, practice reports, resources and events, added in place (a batch
    copy of these tables on SQLite would delete what hangs on them, in cascade)."""
    from flask_migrate import downgrade
    app = create_app({**base_config(tmp_path), "SQLALCHEMY_DATABASE_URI": empty_database_url})
    with app.app_context():
        upgrade(revision="0027")
        with db.engine.begin() as connection:
            _insert_row(connection, "users", {"id": 1, "email": "a@exemple.fr", "display_name": "A"})
            _insert_row(connection, "categories", {"id": 1, "slug": "c", "name": "C"})
            _insert_row(connection, "fabriques", {"id": 1, "slug": "f", "name": "F"})
            _insert_row(connection, "threads", {"id": 1, "category_id": 1, "hidden_at": None})
            _insert_row(connection, "posts", {"id": 1, "thread_id": 1, "position": 1, "reply_to_id": None,
                                              "author_id": 1, "hidden_at": None, "deleted_at": None})
            _insert_row(connection, "post_likes", {"post_id": 1, "user_id": 1})
            _insert_row(connection, "resources", {"id": 1, "fabrique_id": 1, "kind": "equipement"})
        assert not any("language" in _columns(table) for table in CONTENT_TABLES)
        upgrade(revision="0028")
        with db.engine.begin() as connection:
            kept = [connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
                    for table in ("posts", "post_likes", "resources")]
            languages = connection.execute(text("SELECT language FROM posts")).scalars().all()
            connection.execute(text("UPDATE posts SET language = 'en'"))
        added = all("language" in _columns(table) for table in CONTENT_TABLES)
        downgrade(revision="0027")
        gone = not any("language" in _columns(table) for table in CONTENT_TABLES)
        with db.engine.connect() as connection:
            still = connection.execute(text("SELECT count(*) FROM post_likes")).scalar_one()
        upgrade()
        db.engine.dispose()
    assert kept == [1, 1, 1] and languages == [None] and added
    assert gone and still == 1
