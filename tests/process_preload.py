"""Imported once by the tests' fork server (tests/processes.py): what every child process needs."""

from __future__ import annotations

import tempfile
from pathlib import Path

import tests.conftest as conftest
import tests.race  # noqa: F401 - imported for its children
from forum import create_app

with tempfile.TemporaryDirectory(prefix="forum-preload-") as _directory:
    # Any app will do: building one imports every blueprint, model and template helper.
    _config = {**conftest.base_config(Path(_directory)),
               "SQLALCHEMY_DATABASE_URI": f"sqlite:///{Path(_directory) / 'preload.sqlite3'}"}
    create_app(_config)
