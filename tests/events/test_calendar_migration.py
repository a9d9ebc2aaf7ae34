"""Migration 0024: the table of calendar tokens comes and goes; a member's removal takes their token."""

from __future__ import annotations

from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text

from forum import create_app
from forum.extensions import db
from tests.conftest import base_config
from tests.test_migrations import _insert_row, empty_database_url  # noqa: F401 - the fixture


def test_0024_adds_the_calendar_tokens_and_goes_back(tmp_path, empty_database_url):  # noqa: F811
    app = create_app({**base_config(tmp_path), "SQLALCHEMY_DATABASE_URI": empty_database_url})
    with app.app_context():
        upgrade(revision="0023")
        assert "calendar_tokens" not in inspect(db.engine).get_table_names()
        upgrade(revision="0024")
        with db.engine.begin() as connection:
            _insert_row(connection, "users", {"id": 1, "email": "a@exemple.fr", "display_name": "A"})
            connection.execute(text("INSERT INTO calendar_tokens (user_id, token_hash, created_at) "
                                    "VALUES (1, :hash, '2026-12-06 19:00:00')"), {"hash": "0" * 64})
            connection.execute(text("DELETE FROM users WHERE id = 1"))
            left = connection.execute(text("SELECT count(*) FROM calendar_tokens")).scalar_one()
        downgrade(revision="0023")
        tables = set(inspect(db.engine).get_table_names())
        upgrade()
        db.engine.dispose()
    assert left == 0
    assert "calendar_tokens" not in tables
