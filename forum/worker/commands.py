"""``flask worker``: run the worker beside the web server (forum.worker.runner)."""

from __future__ import annotations

import signal

import click
from flask import Flask

from forum.core.wakeup import WorkerAlreadyRunning


def register_worker_commands(app: Flask) -> None:
    @app.cli.command("worker")
    @click.option("--once", is_flag=True,
                  help="Faire ce qui est dû maintenant (index, e-mails, tâches planifiées) puis s'arrêter.")
    @click.option("--no-schedules", is_flag=True,
                  help="Ne pas lancer les tâches planifiées (résumés, rappels, ménage) : un autre worker s'en charge.")
    def worker_command(once: bool, no_schedules: bool):
        """Send the e-mails, keep the search index up to date and run the schedules, until SIGTERM."""
        from forum.worker.runner import Worker

        worker = Worker(app, run_schedules=not no_schedules)
        if once:
            tried = worker.run_once()
            click.echo(f"E-mails traités : {tried}.")
            return
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: worker.stop())
        click.echo(f"Worker {worker.name} : e-mails, index de recherche et tâches planifiées "
                   "(Ctrl+C ou SIGTERM pour arrêter).")
        try:
            worker.run()
        except WorkerAlreadyRunning as error:
            raise click.ClickException(str(error)) from None
        click.echo("Worker arrêté.")
