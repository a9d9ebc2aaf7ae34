"""``flask --app wsgi ...`` commands: init-db, seed-demo, create-admin."""

from __future__ import annotations

import time

import click
from flask import Flask
from flask_migrate import upgrade
from sqlalchemy import func, select

from forum.core.database import write_intent
from forum.core.errors import DomainError
from forum.extensions import db


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
        """Load the demo content (fabriques, members, threads) into an empty database."""
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
