"""Registration: a new account and, if chosen, a request to join a fabrique, in one step.

It lives above both accounts and fabriques because it uses both.
"""

from __future__ import annotations

from flask import Blueprint, current_app, redirect, url_for
from flask_limiter.util import get_remote_address
from flask_login import current_user

from forum.accounts import recovery, services
from forum.accounts.forms import RegisterForm
from forum.accounts.views import next_url, open_login_session
from forum.core.errors import DomainError
from forum.core.forms import attach_error, choices, render_form
from forum.core.limits import accepted
from forum.core.web import site_url
from forum.extensions import db, limiter
from forum.fabriques.models import Fabrique
from forum.fabriques.queries import fabrique_choices
from forum.fabriques.memberships import request_membership

blueprint = Blueprint("onboarding", __name__)


@blueprint.route("/inscription", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["REGISTRATION_LIMIT"], key_func=get_remote_address, methods=["POST"],
               deduct_when=accepted, error_message="Plusieurs comptes viennent d'être créés depuis cette connexion internet.")
def register():
    """Create an account, optionally ask to join a fabrique, and log in; all or nothing. The link that
    confirms the address leaves after the commit."""
    if current_user.is_authenticated:
        return redirect(url_for("threads.home"))
    form = RegisterForm()
    form.fabrique.choices = choices([("", "Aucune pour l'instant"), *fabrique_choices()])
    if form.validate_on_submit():
        try:
            user = services.register(form.email.data, form.display_name.data, form.password.data)
            if form.fabrique.data:
                request_membership(user, db.session.get(Fabrique, int(form.fabrique.data)), site_url())
            recovery.send_confirmation(user, site_url())
            open_login_session(user)
            db.session.commit()
        except DomainError as error:
            return render_form("onboarding/register.html", form, attach_error(form, error))
        # The first steps (the welcome page says where the link went), then the page they came from.
        target = next_url("")
        return redirect(url_for("welcome.welcome", next=target or None))
    return render_form("onboarding/register.html", form)
