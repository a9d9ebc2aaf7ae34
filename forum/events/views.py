"""The agenda: upcoming events, the month view, event pages, publishing and answering."""

from __future__ import annotations

from flask import Blueprint

from forum.events import models  # noqa: F401 - the tables belong to the metadata

blueprint = Blueprint("events", __name__, url_prefix="/agenda")
