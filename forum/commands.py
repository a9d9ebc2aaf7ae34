"""``flask --app wsgi ...`` commands: init-db, seed-demo, create-admin."""

from __future__ import annotations

import time
from datetime import date

import click
from flask import Flask
from flask.cli import AppGroup
from flask_migrate import upgrade
from sqlalchemy import func, select

from forum.core.database import write_intent
from forum.core.errors import DomainError
from forum.extensions import db


def _site_url(app: Flask) -> str:
    """The public address for the links of e-mails sent by commands (SITE_URL: create_app requires it)."""
    return app.config["SITE_URL"].rstrip("/")


def _send_outbox_now() -> None:
    """Send the e-mails a command queued without waiting for the worker: these commands may still
    run from cron on an installation without one (with one, whoever claims an e-mail first sends it)."""
    from forum.worker.runner import work_off_now

    work_off_now()


def register_commands(app: Flask) -> None:
    @app.cli.command("init-db")
    def init_db():
        """Create or upgrade the database schema (applies the migrations)."""
        upgrade()
        click.echo("Base de données à jour.")

    @app.cli.command("seed-demo")
    @click.option("--if-empty", is_flag=True, help="Ne rien faire si la base contient déjà des membres.")
    @click.option("--seed", default=2026, show_default=True, help="Graine du générateur (données reproductibles).")
    def seed_demo_command(if_empty: bool, seed: int):
        """Load the demo content (fabriques, members, threads, catalogue, loans, practices) into an empty database."""
        from forum.accounts.models import User
        from forum.demo.seed import seed_demo

        if if_empty and db.session.execute(select(func.count()).select_from(User)).scalar_one():
            click.echo("La base contient déjà des données : démonstration non chargée.")
            return
        started = time.perf_counter()
        with write_intent():
            try:
                counts = seed_demo(seed=seed)
                db.session.commit()
            except DomainError as error:
                db.session.rollback()
                raise click.ClickException(error.message) from None
        summary = ", ".join(f"{count} {kind}" for kind, count in counts.items())
        click.echo(f"Démonstration chargée en {time.perf_counter() - started:.1f} s : {summary}.")
        click.echo("Tous les comptes de démonstration ont le mot de passe « fabriques-demo-2026 » "
                   "(administrateur : admin@exemple.fr).")

    loans_group = AppGroup("loans", help="Prêts entre fabriques.")

    @loans_group.command("remind")
    @click.option("--date", "on_date", default=None, help="Faire comme si nous étions ce jour-là (AAAA-MM-JJ).")
    def remind_command(on_date: str | None):
        """E-mail tomorrow's loan starts and ends, and overdue notices (the worker runs it daily; or cron)."""
        from forum.core.dates import today_in_france
        from forum.resources.reminders import send_reminders

        try:
            today = date.fromisoformat(on_date) if on_date else today_in_france()
        except ValueError:
            raise click.BadParameter("la date doit s'écrire AAAA-MM-JJ", param_hint="--date") from None
        site_url = _site_url(app)
        with write_intent():
            counts = send_reminders(today, site_url=site_url)
            db.session.commit()
        _send_outbox_now()
        click.echo(f"Rappels envoyés : {counts.starting} début(s), {counts.ending} fin(s), "
                   f"{counts.overdue} retard(s).")

    app.cli.add_command(loans_group)

    digest_group = AppGroup("digest", help="Résumés envoyés par e-mail.")

    @digest_group.command("send")
    @click.option("--period", type=click.Choice(["daily", "weekly"]), required=True,
                  help="daily : résumé quotidien ; weekly : résumé hebdomadaire (le worker les envoie déjà).")
    def digest_send_command(period: str):
        """E-mail their digest to the members who chose this rhythm."""
        from forum.digests.services import send_digests

        site_url = _site_url(app)
        with write_intent():
            sent = send_digests(period, site_url=site_url)
            db.session.commit()
        _send_outbox_now()
        click.echo(f"Résumés envoyés : {sent}.")

    app.cli.add_command(digest_group)

    from forum.fabriques.exchange_commands import register_exchange_commands
    from forum.search.commands import register_search_commands

    register_exchange_commands(app)
    from forum.worker.commands import register_worker_commands

    register_search_commands(app)
    register_worker_commands(app)

    @app.cli.command("create-admin")
    @click.option("--email", prompt="Adresse e-mail")
    @click.option("--name", "display_name", prompt="Nom affiché")
    @click.password_option("--password", prompt="Mot de passe", confirmation_prompt="Confirmez")
    def create_admin_command(email: str, display_name: str, password: str):
        """Create the first admin (or make an existing member admin)."""
        from forum.accounts.services import create_admin

        with write_intent():
            try:
                user = create_admin(email, display_name, password)
                db.session.commit()
            except DomainError as error:
                db.session.rollback()
                raise click.ClickException(error.message) from None
        click.echo(f"{user.display_name} <{user.email}> est administrateur·rice.")
