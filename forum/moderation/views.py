"""Moderation pages."""

from __future__ import annotations

from flask import Blueprint

from forum.moderation import models  # noqa: F401 - the tables belong to the app's metadata

blueprint = Blueprint("moderation", __name__)
