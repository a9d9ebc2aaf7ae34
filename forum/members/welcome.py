"""The welcome page a new member lands on after signing up: the first steps, each with its state."""

from __future__ import annotations

from flask import Blueprint, g, render_template, url_for
from flask_login import current_user, login_required

from forum.core.web import next_url
from forum.fabriques.permissions import membership_of
from forum.threads import queries as thread_queries
from forum.threads import watching
from forum.threads.models import WatchLevel

blueprint = Blueprint("welcome", __name__)


@blueprint.get("/bienvenue")
@login_required
def welcome():
    """Confirm the address, join a fabrique, introduce oneself, follow categories, ask a first question;
    then on to the page the member came for (``next``), else the forum."""
    g.private_page = True
    levels = watching.category_levels(current_user)
    return render_template(
        "members/welcome.html", membership=membership_of(current_user),
        categories=[(category, levels.get(category.id, WatchLevel.NORMAL) is WatchLevel.WATCHING)
                    for category in thread_queries.categories()],
        continue_url=next_url(url_for("threads.home")))
