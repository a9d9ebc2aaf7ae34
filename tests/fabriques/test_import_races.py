"""Two administrators confirming the same import at the same moment (or one double click), from two
processes (tests/race.py), on SQLite and PostgreSQL: the file is imported once, the other is told
(409), and no fabrique is created twice. Without the claim of forum.fabriques.import_files, the
second confirmation imports again (« inchangée » on SQLite, or a duplicate key on PostgreSQL)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from flask import current_app
from sqlalchemy import delete, func, select, update

from forum.extensions import db
from forum.fabriques.models import Fabrique, FabriqueImport
from tests.conftest import make_user
from tests.fabriques.test_import_pages import PAGE, upload
from tests.fabriques.test_standard_import import HEADER, line
from tests.race import Racer, outcome_of, race, read_page

ROUNDS = 4
ADMINS = ("admin@exemple.fr", "admin2@exemple.fr")
TEXT = HEADER + "\n" + line() + line(id="mednum-2", nom="Tiers-lieu de Porto-Vecchio", code_postal="20137",
                                     code_insee="", commune="Porto-Vecchio", pivot="W201000123")


def _fresh_round(round_data) -> None:
    """Before each round: the file not imported yet, kept again, its places gone."""
    digest, _ = round_data
    db.session.execute(delete(Fabrique).where(Fabrique.standard_id.in_(("mednum-1", "mednum-2"))))
    db.session.execute(update(FabriqueImport).where(FabriqueImport.sha256 == digest)
                       .values(applied_at=None, applied_by_id=None))
    Path(current_app.instance_path, "imports", f"{digest}.csv").write_bytes(TEXT.encode("utf-8"))


def _confirm(client, prepared):
    digest, token = prepared
    return outcome_of(client.post(f"{PAGE}/{digest}/importer", data={"csrf_token": token}))


def test_an_import_confirmed_twice_at_once_is_imported_once(app, tmp_path):
    from tests.conftest import login

    make_user(ADMINS[0], "Admin Une", role="admin")
    make_user(ADMINS[1], "Admin Deux", role="admin")
    client = app.test_client()
    login(client, ADMINS[0])
    assert upload(client, TEXT).status_code == 302
    digest = hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
    rounds = [(digest, f"{PAGE}/{digest}") for _ in range(ROUNDS)]
    first, second = race(app, tmp_path, [Racer(ADMINS[0], _confirm, rounds, read_page, setup=_fresh_round),
                                         Racer(ADMINS[1], _confirm, rounds, read_page)])
    for number in range(ROUNDS):
        outcomes = (first[number], second[number])
        assert sorted(outcome.status for outcome in outcomes) == [302, 409], number
        loser = outcomes[0] if outcomes[0].status == 409 else outcomes[1]
        assert "Ce fichier vient d'être importé par Admin" in loser.text, number
    assert db.session.execute(select(func.count()).select_from(Fabrique)).scalar_one() == 2
