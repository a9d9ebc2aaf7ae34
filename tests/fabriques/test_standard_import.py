"""Importing a file of the national standard from the command line: the per-line report, what is
kept, the known variations read, bad input refused whole (exit status 1, nothing written), and the
round trip export → import into an empty database → export, byte for byte (SQLite and PostgreSQL)."""

from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from forum.extensions import db
from forum.fabriques import standard
from forum.fabriques.models import Fabrique, TerritoryType
from tests.conftest import running_app, writing
from tests.fabriques.standard_builders import build_places, siret

HEADER = ",".join(standard.COLUMNS)


def line(**cells) -> str:
    """One CSV line of the standard: a valid place, with ``cells`` over it."""
    row = {column: "" for column in standard.COLUMNS}
    row.update({"id": "mednum-1", "pivot": siret(1234567), "nom": "Espace numérique des Tilleuls", "commune": "Rennes",
                "code_postal": "35000", "code_insee": "35238", "adresse": "5 rue des Tilleuls",
                "date_maj": "2026-10-01", "services": "Aide aux démarches administratives", "source": "Hubik",
                "telephone": "+33299000000"})
    row.update(cells)
    buffer = io.StringIO()
    csv.DictWriter(buffer, fieldnames=standard.COLUMNS, lineterminator="\n").writerow(row)
    return buffer.getvalue()


def import_file(app, tmp_path, text: str | bytes, *args: str, name: str = "lieux.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["fabriques", "import", str(path), *args])
    db.session.rollback()
    return result


def fabrique_named(name: str) -> Fabrique:
    return db.session.execute(select(Fabrique).where(Fabrique.name == name)
                              .options(selectinload(Fabrique.standard_values))).scalar_one()


def count() -> int:
    return db.session.execute(select(func.count()).select_from(Fabrique)).scalar_one()


def test_a_file_creates_fabriques_without_members_then_changes_nothing(app, tmp_path):
    text = HEADER + "\n" + line() + line(id="mednum-2", nom="Tiers-lieu de Porto-Vecchio", code_postal="20137",
                                         code_insee="", commune="Porto-Vecchio", pivot="W201000123", telephone="")
    result = import_file(app, tmp_path, text)
    assert result.exit_code == 0, result.output
    assert "ligne 2 — créée\u00a0: Espace numérique des Tilleuls (mednum-1)" in result.output
    assert "2 créée(s), 0 mise(s) à jour, 0 inchangée(s), 0 ignorée(s)." in result.output
    tilleuls = fabrique_named("Espace numérique des Tilleuls")
    assert (tilleuls.department_code, tilleuls.region_code, tilleuls.territory_type) == ("35", "53", TerritoryType.URBAIN)
    assert tilleuls.standard_id == "mednum-1" and tilleuls.data_source == "Hubik" and tilleuls.imported_at
    assert tilleuls.import_snapshot == standard.row_of(tilleuls, "forum-des-fabriques")
    assert tilleuls.values_of("services") == ["Aide aux démarches administratives"]
    assert tilleuls.last_activity_at.date().isoformat() == "2026-10-01"  # its data's date, not the import's
    assert fabrique_named("Tiers-lieu de Porto-Vecchio").department_code == "2A"
    from forum.fabriques.memberships import active_managers

    assert active_managers(tilleuls.id) == []

    again = import_file(app, tmp_path, text)
    assert again.exit_code == 0 and "0 créée(s), 0 mise(s) à jour, 2 inchangée(s)" in again.output
    assert count() == 2


def test_an_edit_made_on_the_forum_is_kept_and_the_rest_updated(app, tmp_path):
    assert import_file(app, tmp_path, HEADER + "\n" + line()).exit_code == 0
    with writing():
        tilleuls = fabrique_named("Espace numérique des Tilleuls")
        tilleuls.phone = "+33299111111"  # the manager's new number
        db.session.commit()
    result = import_file(app, tmp_path, HEADER + "\n" + line(telephone="+33299222222", commune="Rennes Métropole",
                                                             services="Loisirs et créations numériques"))
    assert result.exit_code == 0, result.output
    assert ("ligne 2 — mise à jour\u00a0: Espace numérique des Tilleuls (mednum-1) — champs\u00a0: commune, services — "
            "telephone conservé\u00a0: modifié sur le forum depuis le dernier import") in result.output
    tilleuls = fabrique_named("Espace numérique des Tilleuls")
    assert (tilleuls.phone, tilleuls.city) == ("+33299111111", "Rennes Métropole")
    assert tilleuls.values_of("services") == ["Loisirs et créations numériques"]
    # Still an edit of the forum's for the next import.
    third = import_file(app, tmp_path, HEADER + "\n" + line(telephone="+33299333333", commune="Rennes Métropole",
                                                            services="Loisirs et créations numériques"))
    assert "inchangée" in third.output and "telephone conservé" in third.output
    assert fabrique_named("Espace numérique des Tilleuls").phone == "+33299111111"


def test_a_fabrique_of_the_forum_gets_only_its_empty_fields(app, tmp_path):
    build_places()
    text = HEADER + "\n" + line(id="carto-77", pivot="W201000123", nom="Le Cap (tiers-lieu)", code_postal="20200",
                                code_insee="2B033", commune="Bastia", adresse="Autre adresse",
                                structure_parente="Communauté d'agglomération", horaires="Mo-Sa 10:00-19:00",
                                site_web="https://cap.example.fr")
    result = import_file(app, tmp_path, text)
    assert result.exit_code == 0, result.output
    assert "ligne 2 — mise à jour\u00a0: Le Cap (tiers-lieu) (carto-77) — champs\u00a0: site_web, horaires" in result.output
    assert "nom conservé\u00a0: renseigné sur le forum (fiche jamais importée)" in result.output
    cap = fabrique_named("Tiers-lieu du Cap")
    assert cap.address == "3 quai du Port" and cap.phone == "04 95 31 00 00"
    assert (cap.horaires, cap.website, cap.standard_id) == ("Mo-Sa 10:00-19:00", "https://cap.example.fr", "carto-77")
    # What its managers wrote stays theirs at the next import too.
    assert cap.import_snapshot["nom"] is None and cap.import_snapshot["horaires"] == "Mo-Sa 10:00-19:00"


def test_the_known_variations_of_the_standard_are_read(app, tmp_path):
    header = HEADER.replace("itinerance", " Itinerance ").replace("modalites_acces", "modalite_acces").upper()
    header = header.replace(",fiche_acces_libre,prise_rdv".upper(), "")  # optional columns may be missing
    cells = line(services="Comprehension du monde numérique;Aide aux démarches administratives",
                 modalites_acces="Ce lieu n\u2019accueille pas de public", itinerance="Fixe",
                 formations_labels="Étapes numériques(La Poste)")
    cells = cells.rstrip("\n").rsplit(",", 2)[0] + "\n"
    result = import_file(app, tmp_path, b"\xef\xbb\xbf" + (header + "\r\n" + cells).encode("utf-8"))
    assert result.exit_code == 0, result.output
    tilleuls = fabrique_named("Espace numérique des Tilleuls")
    assert tilleuls.values_of("services") == ["Aide aux démarches administratives", "Compréhension du monde numérique"]
    assert tilleuls.values_of("modalites_acces") == ["Ce lieu n'accueille pas de public"]
    assert tilleuls.values_of("formations_labels") == ["Étapes numériques (La Poste)"]


BAD_INPUTS = {
    "missing required column": (HEADER.replace("pivot,", "") + ",couleur\n", "ligne 1\u00a0: colonnes obligatoires absentes de l'en-tête\u00a0: pivot"),
    "unknown columns": (HEADER + ",couleur,humeur\n", "colonnes inconnues du standard\u00a0: «\u00a0couleur\u00a0», «\u00a0humeur\u00a0»"),
    "300 columns": (HEADER + "\n" + line().rstrip("\n") + "," * 268 + "\n", "ligne 2\u00a0: la ligne a 300 champs alors que l'en-tête a 32 colonnes"),
    "invalid SIRET": (HEADER + "\n" + line(pivot="12345678901234"), "ligne 2, colonne «\u00a0pivot\u00a0»\u00a0: Le SIRET 12345678901234 n'est pas valide"),
    "unknown value": (HEADER + "\n" + line(services="Aide aux démarches administratives|Jardinage"), "ligne 2, colonne «\u00a0services\u00a0»\u00a0: Valeur inconnue du standard pour «\u00a0services\u00a0»\u00a0: «\u00a0Jardinage\u00a0»"),
    "over-long value": (HEADER + "\n" + line(nom="N" * 121), "ligne 2, colonne «\u00a0nom\u00a0»\u00a0: 121\u00a0caractères, au plus 120 sont acceptés."),
    "empty required": (HEADER + "\n" + line(adresse=""), "ligne 2, colonne «\u00a0adresse\u00a0»\u00a0: cette colonne est obligatoire et la cellule est vide."),
    "duplicate id": (HEADER + "\n" + line() + line(nom="Autre lieu"), "ligne 3, colonne «\u00a0id\u00a0»\u00a0: l'identifiant «\u00a0mednum-1\u00a0» figure déjà ligne 2"),
    "bad date": (HEADER + "\n" + line(date_maj="01/10/2026"), "ligne 2, colonne «\u00a0date_maj\u00a0»\u00a0: «\u00a001/10/2026\u00a0» n'est pas une date au format AAAA-MM-JJ."),
    # Longer than the csv module's default limit too (131072): read, then refused by its column's width.
    "huge cell": (HEADER + "\n" + line(presentation_detail="x" * 140_000), "ligne 2, colonne «\u00a0presentation_detail\u00a0»\u00a0: 140000\u00a0caractères, au plus 20000 sont acceptés."),
    "NUL byte": (HEADER + "\n" + line() + line(id="x\x00y"), "ligne 3\u00a0: la ligne contient un caractère nul"),
    "not UTF-8": ((HEADER + "\n" + line(nom="Café des Tilleuls")).encode("latin-1"), "ligne 2\u00a0: le fichier n'est pas encodé en UTF-8"),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_is_refused_whole_with_a_french_report(app, tmp_path, case):
    """A good line beside each bad one: nothing is written, status 1, the line and column named."""
    text, message = BAD_INPUTS[case]
    if isinstance(text, str) and case not in ("missing required column", "unknown columns", "300 columns", "duplicate id"):
        text = text + line(id="ok-1", nom="Un lieu correct")
    result = import_file(app, tmp_path, text)
    assert result.exit_code == 1, result.output
    assert message in result.output, result.output
    assert "rien n'est importé" in result.output
    assert count() == 0


def test_every_error_of_a_file_is_listed(app, tmp_path):
    text = HEADER + "\n" + line(pivot="123") + line(id="b", nom="B", code_postal="3500") + line(id="c", nom="C")
    result = import_file(app, tmp_path, text)
    assert result.exit_code == 1
    assert "ligne 2, colonne «\u00a0pivot\u00a0»" in result.output and "ligne 3, colonne «\u00a0code_postal\u00a0»" in result.output
    assert "2 erreur(s)\u00a0: rien n'est importé." in result.output and count() == 0


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(app, tmp_path):
    path = tmp_path / "enorme.csv"
    with open(path, "wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # 200 Mo, sparse: nothing is written to the disk
    result = app.test_cli_runner().invoke(args=["fabriques", "import", str(path)])
    assert result.exit_code == 1
    assert "Ce fichier dépasse la taille maximale d'un import (20\u00a0Mo)" in result.output


def test_a_dry_run_prints_the_report_and_writes_nothing(app, tmp_path):
    result = import_file(app, tmp_path, HEADER + "\n" + line(), "--dry-run")
    assert result.exit_code == 0
    assert "ligne 2 — créée" in result.output and "(essai\u00a0: rien n'est écrit)" in result.output
    assert count() == 0


def test_a_name_taken_by_another_place_ignores_the_line(app, tmp_path):
    build_places()
    result = import_file(app, tmp_path, HEADER + "\n" + line(nom="Tiers-lieu du Cap") + line(id="ok", nom="Lieu neuf"))
    assert result.exit_code == 0
    assert "ligne 2 — ignorée\u00a0: Tiers-lieu du Cap (mednum-1) — une autre fabrique porte déjà le nom" in result.output
    assert "1 créée(s), 0 mise(s) à jour, 0 inchangée(s), 1 ignorée(s)." in result.output


def test_a_member_can_ask_to_join_an_imported_fabrique_and_the_moderators_decide(app, tmp_path):
    from forum.fabriques import memberships
    from tests.conftest import make_user

    assert import_file(app, tmp_path, HEADER + "\n" + line()).exit_code == 0
    moderator = make_user("moderatrice@exemple.fr", "Modératrice Équipe", role="moderator")
    manager = make_user("gerante@exemple.fr", "Gérante Tilleuls")
    with writing():
        tilleuls = fabrique_named("Espace numérique des Tilleuls")
        request = memberships.request_membership(manager, tilleuls)
        db.session.commit()
    assert memberships.may_manage_members(moderator, tilleuls)
    with writing():
        memberships.decide_membership(moderator, request, accept=True)
        db.session.commit()


def test_round_trip_export_import_into_an_empty_database_export(app, client, tmp_path):
    build_places()
    first = client.get("/fabriques.csv")
    assert first.status_code == 200
    db.session.commit()
    with running_app(tmp_path / "empty") as empty:
        assert count() == 0
        path = tmp_path / "export.csv"
        path.write_bytes(first.get_data())
        result = empty.test_cli_runner().invoke(args=["fabriques", "import", str(path)])
        assert result.exit_code == 0, result.output
        assert "4 créée(s)" in result.output
        second = empty.test_client().get("/fabriques.csv")
        assert second.get_data() == first.get_data()
        assert second.headers["Content-Disposition"] == first.headers["Content-Disposition"]
