"""Web helpers shared by the catalogue's views (no routes here)."""

from __future__ import annotations

from flask_babel import gettext as _
from flask import url_for

from forum.core.web import repeated_submission
from forum.extensions import db
from forum.resources.models import Loan


def repeated_request(earlier_id: int | None):
    """The answer to a loan or room booking request sent twice: the first request's page."""
    earlier = db.session.get(Loan, earlier_id or 0)
    return repeated_submission(_("Cette demande était déjà envoyée."), url_for(
        "loans.show", loan_id=earlier.id) if earlier else url_for("loans.index"))
