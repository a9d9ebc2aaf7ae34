"""``flask --app wsgi fabriques export|import``: the directory in the national standard, from a terminal.

- ``fabriques export [--region CODE] [--output FILE]``: the CSV of ``/fabriques.csv`` (``-``: to
  the standard output); says how many fabriques were left out for lack of a required field.
- ``fabriques import FILE.csv [--dry-run]``: the per-line report of the admin page; with any
  error (or a file over IMPORT_MAX_BYTES, refused before it is read) nothing is written and the
  exit status is 1. ``--dry-run`` prints the same report and writes nothing.
"""

from __future__ import annotations

import os
from pathlib import Path

import click
from flask import Flask
from flask.cli import AppGroup

from forum.core.database import write_intent
from forum.core.dates import today_in_france
from forum.core.errors import DomainError
from forum.extensions import db
from forum.fabriques import exporting, importing, queries
from forum.fabriques.standard_reading import read_standard_file, too_large_message


def describe(plan: importing.LinePlan) -> str:
    """One line of the report: « ligne 4 — mise à jour : Nom (id) — champs : … ; conservé … »."""
    parts = [f"ligne {plan.line} — {plan.action.label}\u00a0: {plan.name} ({plan.standard_id})"]
    if plan.changed:
        parts.append("champs\u00a0: " + ", ".join(plan.changed))
    parts.extend(f"{column} {reason}" for column, reason in plan.kept)
    parts.extend(plan.reasons)
    return " — ".join(parts)


def register_exchange_commands(app: Flask) -> None:
    group = AppGroup("fabriques", help="L'annuaire au standard national des lieux de médiation numérique.")

    @group.command("export")
    @click.option("--region", default="", help="Code de la région (75 : Nouvelle-Aquitaine) ; par défaut, la France.")
    @click.option("--output", default=None,
                  help="Fichier à écrire (par défaut, le nom du standard dans le dossier courant ; « - » : la sortie).")
    def export_command(region: str, output: str | None):
        """Write the directory as a CSV file of the standard."""
        producer = app.config["STANDARD_PRODUCER"]
        try:
            filters = queries.DirectoryFilters.from_args({"region": region} if region else {})
        except DomainError as error:
            raise click.BadParameter(error.message, param_hint="--region") from None
        export = exporting.collect(filters, producer)
        body = exporting.csv_text(export).encode("utf-8")
        to_stdout = output == "-"
        if to_stdout:
            click.echo(body, nl=False)
        else:
            output = output or exporting.file_name(today_in_france(), producer, filters.region)
            Path(output).write_bytes(body)
        click.echo(f"{len(export.records)} lieu(x) écrit(s){'' if to_stdout else ' dans ' + output}.", err=to_stdout)
        if export.excluded:
            click.echo(f"{export.excluded} fabrique(s) laissée(s) de côté\u00a0: il leur manque un champ obligatoire du "
                       "standard (SIRET ou RNA, adresse, code postal à 5 chiffres…).", err=to_stdout)

    @group.command("import")
    @click.argument("path", type=click.Path(exists=True, dir_okay=False))
    @click.option("--dry-run", is_flag=True, help="Afficher ce que l'import ferait, sans rien écrire.")
    def import_command(path: str, dry_run: bool):
        """Import a CSV file of the standard: created, updated, unchanged or ignored, per line."""
        producer, max_bytes = app.config["STANDARD_PRODUCER"], app.config["IMPORT_MAX_BYTES"]
        if os.path.getsize(path) > max_bytes:
            click.echo(too_large_message(max_bytes), err=True)
            raise click.exceptions.Exit(1)
        data = Path(path).read_bytes()
        with write_intent():
            try:
                report = importing.plan_import(None, read_standard_file(data, max_bytes), producer, lock=not dry_run)
                for error in report.errors:
                    click.echo(str(error), err=True)
                for plan in report.lines:
                    click.echo(describe(plan))
                if not report.ok or dry_run:
                    db.session.rollback()
                    click.echo(report.summary() + (" (essai\u00a0: rien n'est écrit)" if report.ok else ""),
                               err=not report.ok)
                    if not report.ok:
                        raise click.exceptions.Exit(1)
                    return
                importing.apply_import(None, report, producer)
                db.session.commit()
            except DomainError as error:
                db.session.rollback()
                raise click.ClickException(error.message) from None
        click.echo(report.summary())

    app.cli.add_command(group)
