"""Registration, login and logout, profile, password, member pages, roles."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, g, redirect, render_template, request, session, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required, logout_user

from forum.accounts import services
from forum.accounts.forms import ROLE_NAMES, LoginForm, PasswordChangeForm, ProfileForm, RoleForm
from forum.accounts.models import Role
from forum.accounts.queries import members_for_admin
from forum.accounts.web import open_login_session
from forum.core.errors import DomainError, Invalid
from forum.core.i18n import current_language, remember_language, supported
from forum.core.forms import attach_error, render_form
from forum.core.pagination import parse_page
from forum.core.web import error_page, next_url
from forum.extensions import db, limiter

blueprint = Blueprint("accounts", __name__)


def _login_failed(response) -> bool:
    # Only refused logins count against the per-IP limit.
    return request.method == "POST" and response.status_code in (400, 401)


def _login_limit() -> str:
    return current_app.config["LOGIN_FAILURE_LIMIT"]


@blueprint.route("/connexion", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"], deduct_when=_login_failed,
               error_message=_l("Trop de tentatives de connexion manquées."))
def login():
    if current_user.is_authenticated:
        return redirect(next_url(url_for("threads.home")))
    form = LoginForm()
    if form.validate_on_submit():
        try:
            user = services.authenticate(form.email.data, form.password.data)
            open_login_session(user)
            db.session.commit()
        except Invalid as error:
            attach_error(form, error)
            return render_form("accounts/login.html", form, 401)
        # In the member's own language, which the next page follows (this request began as a visitor's).
        with force_locale(user.language or current_language()):
            flash(_("Bonjour %(name)s !", name=user.display_name), "success")
        return redirect(next_url(url_for("threads.home")))
    return render_form("accounts/login.html", form)


@blueprint.post("/deconnexion")
def logout():
    if current_user.is_authenticated:
        services.end_login_session(current_user.current_session_key)
        db.session.commit()
    logout_user()
    session.clear()
    flash(_("Vous êtes déconnecté·e. À bientôt !"), "info")
    return redirect(url_for("threads.home"))


@blueprint.route("/profil", methods=["GET", "POST"])
@login_required
def edit_profile():
    g.private_page = True
    form = ProfileForm(obj=current_user)
    if request.method == "GET":
        form.language.data = current_language()
    if form.validate_on_submit():
        try:
            services.update_profile(current_user, form.display_name.data, form.bio.data or "")
            if form.language.data:
                services.set_language(current_user, form.language.data)
            db.session.commit()
        except DomainError as error:
            return render_form("accounts/profile.html", form, attach_error(form, error))
        response = redirect(url_for("accounts.edit_profile"))
        if current_user.language:
            remember_language(response, current_user.language)
        with force_locale(current_user.email_language):
            flash(_("Votre profil est à jour."), "success")
        return response
    return render_form("accounts/profile.html", form)


@blueprint.get("/langue/<language>")
def switch_language(language: str):
    """The footer's switcher for visitors: remembers the language in a cookie (no account is
    touched, so a link may lead here) and goes back to the page."""
    chosen = supported(language)
    if chosen is None:
        return error_page(404, _("Cette langue n'est pas proposée\u00a0: le forum s'affiche en français ou en anglais."))
    response = redirect(next_url(url_for("threads.home")))
    remember_language(response, chosen)
    return response


@blueprint.post("/langue")
@login_required
def choose_language():
    """The footer's switcher for members: their preference (their e-mails follow it) and the cookie."""
    services.set_language(current_user, request.form.get("language", ""))  # Invalid: a 400 page
    db.session.commit()
    response = redirect(next_url(url_for("threads.home")))
    remember_language(response, current_user.language)
    return response


@blueprint.route("/profil/mot-de-passe", methods=["GET", "POST"])
@login_required
def change_password():
    g.private_page = True
    form = PasswordChangeForm()
    if form.validate_on_submit():
        try:
            services.change_password(current_user, form.current_password.data, form.new_password.data)
            db.session.commit()
        except DomainError as error:
            return render_form("accounts/password.html", form, attach_error(form, error))
        flash(_("Mot de passe changé. Vos autres sessions ont été déconnectées."), "success")
        return redirect(url_for("accounts.edit_profile"))
    return render_form("accounts/password.html", form)


@blueprint.get("/admin/membres")
@login_required
def admin_members():
    if not current_user.is_admin:
        abort(403)
    g.private_page = True
    role = request.args.get("role", "")
    if role and role not in {r.value for r in Role}:
        raise Invalid(_("Rôle inconnu."))
    members = members_for_admin(parse_page(request.args.get("page")), Role(role) if role else None,
                                request.args.get("q", ""))
    return render_template("accounts/admin_members.html", members=members, role=role, form=RoleForm(),
                            q=request.args.get("q", ""))


@blueprint.post("/admin/membres/<id:user_id>/role")
@login_required
def set_role(user_id: int):
    form = RoleForm()
    if not form.validate_on_submit():
        raise Invalid(_("Rôle inconnu."))
    target = services.get_user(user_id)
    services.set_role(current_user, target, Role(form.role.data))
    db.session.commit()
    flash(_("%(name)s est maintenant %(role)s.", name=target.display_name, role=ROLE_NAMES[target.role.value]), "success")
    return redirect(next_url(url_for("accounts.admin_members")))
