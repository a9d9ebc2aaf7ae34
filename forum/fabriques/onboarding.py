"""Registration: a new account and, if chosen, a request to join a fabrique, in one step.

It lives above both accounts and fabriques because it uses both.
"""

from __future__ import annotations

from flask import Blueprint, current_app, redirect, request, url_for
from flask_babel import gettext as _
from flask_limiter.util import get_remote_address
from flask_login import current_user

from forum.accounts import recovery, services
from forum.accounts.forms import RegisterForm
from forum.accounts.web import open_login_session
from forum.core.i18n import current_language
from forum.core.web import next_url
from forum.core.errors import DomainError
from forum.core.forms import attach_error, render_form
from forum.core.limits import accepted
from forum.core.web import site_url
from forum.extensions import db, limiter
from forum.fabriques.models import Fabrique
from forum.fabriques.queries import fabrique_picker_options, matching_fabriques
from forum.fabriques.memberships import request_membership

blueprint = Blueprint("onboarding", __name__)


@blueprint.route("/inscription", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["REGISTRATION_LIMIT"], key_func=get_remote_address, methods=["POST"],
               deduct_when=accepted,
               error_message=lambda: _("Plusieurs comptes viennent d'être créés depuis cette connexion internet."))
def register():
    """Create an account, optionally ask to join a fabrique, and log in; all or nothing. The link that
    confirms the address leaves after the commit."""
    if current_user.is_authenticated:
        return redirect(url_for("threads.home"))
    form = RegisterForm()
    options = fabrique_picker_options()
    candidates: list[tuple[int, str]] = []
    if form.is_submitted():
        # Every field's problem at once: the form's own checks, then the account rules on the fields
        # that passed them (a taken address beside a too common password, not one per attempt).
        valid = form.validate_on_submit()
        problems = services.registration_problems(
            form.email.data or "", form.display_name.data or "", form.password.data or "",
            checked={name for name in ("email", "display_name", "password") if not form[name].errors})
        fabrique_id = None
        typed = (form.fabrique.data or "").strip()
        # One of the fabriques offered after an ambiguous entry, picked by id.
        picked = request.form.get("fabrique_choisie", "")
        if typed and not form.fabrique.errors:
            candidates = [option for option in matching_fabriques(typed) if str(option[0]) == picked] \
                or matching_fabriques(typed)
            if len(candidates) == 1:
                fabrique_id = candidates[0][0]
            else:
                form.fabrique.errors = [*form.fabrique.errors, (
                    _("Plusieurs fabriques correspondent à « %(typed)s » : choisissez la vôtre ci-dessous.",
                      typed=typed) if candidates
                    else _("Aucune fabrique ne correspond à « %(typed)s » : vérifiez l'orthographe, ou laissez vide "
                           "pour la choisir plus tard.", typed=typed))]
        if not valid or problems or form.fabrique.errors:
            statuses = [attach_error(form, problem) for problem in problems]
            return render_form("onboarding/register.html", form, statuses[0] if valid and statuses else 400,
                               options=options, candidates=candidates)
        try:
            user = services.register(form.email.data, form.display_name.data, form.password.data,
                                      language=current_language())
            if fabrique_id is not None:
                request_membership(user, db.session.get(Fabrique, fabrique_id), site_url())
            recovery.send_confirmation(user, site_url())
            open_login_session(user)
            db.session.commit()
        except DomainError as error:
            return render_form("onboarding/register.html", form, attach_error(form, error), options=options)
        # The first steps (the welcome page says where the link went), then the page they came from.
        target = next_url("")
        return redirect(url_for("welcome.welcome", next=target or None))
    return render_form("onboarding/register.html", form, options=options)
