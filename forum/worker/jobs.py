"""The scheduled jobs (forum.worker.schedules runs them): each works in the caller's transaction
and returns a one-line summary for the log and ``flask worker --status``."""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app

from forum.accounts import submissions
from forum.core import outbox
from forum.extensions import db


def _site_url() -> str:
    return current_app.config["SITE_URL"].rstrip("/")


def daily_digests(now: datetime) -> str:
    from forum.digests.services import send_digests

    return f"{send_digests('daily', site_url=_site_url(), now=now)} résumé(s) quotidien(s)"


def weekly_digests(now: datetime) -> str:
    from forum.digests.services import send_digests

    return f"{send_digests('weekly', site_url=_site_url(), now=now)} résumé(s) hebdomadaire(s)"


def loan_reminders(now: datetime) -> str:
    from forum.core.dates import PARIS
    from forum.resources.reminders import send_reminders

    counts = send_reminders(now.astimezone(PARIS).date(), site_url=_site_url())
    return f"rappels : {counts.starting} début(s), {counts.ending} fin(s), {counts.overdue} retard(s)"


def pruning(now: datetime) -> str:
    """Old rows of the logs that only serve a while, and photo files no photo names any more."""
    from forum.resources.photos import default_store, prune_orphan_files
    from forum.search import sync

    config = current_app.config
    changes = sync.prune(timedelta(days=7), now=now)
    emails = outbox.prune(db.session, sent_before=now - timedelta(days=config["MAIL_KEEP_SENT_DAYS"]),
                          failed_before=now - timedelta(days=config["MAIL_KEEP_FAILED_DAYS"]))
    tokens = submissions.prune_expired(now)
    photos = prune_orphan_files(default_store())
    return (f"{changes} modification(s) de l'index, {emails} e-mail(s), {tokens} jeton(s) de formulaire, "
            f"{len(photos)} fichier(s) photo orphelin(s) supprimés")


def event_reminders(now: datetime) -> str:
    from forum.core.dates import PARIS
    from forum.events.reminders import send_event_reminders

    return f"{send_event_reminders(now.astimezone(PARIS).date(), site_url=_site_url())} rappel(s) d'événement"
