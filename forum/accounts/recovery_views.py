"""Forgotten password, address confirmation and address change: the pages the e-mailed links open."""

from __future__ import annotations

import hashlib

from flask import Blueprint, current_app, flash, g, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required, logout_user

from forum.accounts import recovery
from forum.accounts.forms import EmailChangeForm, ForgotPasswordForm, ResetPasswordForm
from forum.accounts.recovery import BadLink
from forum.core.web import next_url
from forum.core.database import write_intent
from forum.core.errors import DomainError, Invalid
from forum.core.forms import attach_error, render_form, require_button_form
from forum.core.text import clean_line
from forum.core.web import site_url
from forum.extensions import db, limiter

blueprint = Blueprint("recovery", __name__)

TOO_MANY_RESETS = _l("Trop de demandes de réinitialisation : patientez un peu avant de réessayer.")
TOO_MANY_EMAILS = _l("Vous avez demandé beaucoup d'e-mails en peu de temps : patientez avant de réessayer.")


def _bad_link(error: BadLink):
    """The 400 page of a link that no longer works, offering to ask for a new one."""
    db.session.rollback()
    g.private_page = True
    return render_template("accounts/bad_link.html", message=error.message, purpose=error.purpose.name), 400


# --- forgotten password ---------------------------------------------------------------------------
def _typed_address() -> str:
    """The per-address key of the reset limit: a digest of what was typed, normalised loosely."""
    typed = clean_line(request.form.get("email", ""))[:254].lower()
    return "reset-address:" + hashlib.sha256(typed.encode()).hexdigest()


@blueprint.route("/mot-de-passe-oublie", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["PASSWORD_RESET_LIMIT"], methods=["POST"], error_message=TOO_MANY_RESETS)
@limiter.limit(lambda: current_app.config["PASSWORD_RESET_ADDRESS_LIMIT"], methods=["POST"], key_func=_typed_address,
               error_message=TOO_MANY_RESETS)
def forgot_password():
    """The same answer whether or not the address has an account (the e-mail does not hold the response)."""
    g.private_page = True
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        try:
            recovery.request_password_reset(form.email.data, site_url())
            db.session.commit()
        except Invalid as error:  # not an address at all: saying so reveals nothing
            return render_form("accounts/forgot_password.html", form, attach_error(form, error))
        return redirect(url_for("recovery.forgot_password_sent"))
    return render_form("accounts/forgot_password.html", form)


@blueprint.get("/mot-de-passe-oublie/envoye")
def forgot_password_sent():
    return render_template("accounts/forgot_password_sent.html")


@blueprint.route("/mot-de-passe/<token>", methods=["GET", "POST"])
def reset_password(token: str):
    g.private_page = True
    form = ResetPasswordForm()
    try:
        account = recovery.account_of_reset_link(token)
        if form.validate_on_submit():
            try:
                user = recovery.reset_password(token, form.password.data)
                db.session.commit()
            except BadLink:
                raise
            except DomainError as error:
                return render_form("accounts/reset_password.html", form, attach_error(form, error), account=account)
            if current_user.is_authenticated and current_user.id == user.id:
                logout_user()  # this browser's session ended with the others
                session.clear()
            flash(_("Votre mot de passe est changé, et toutes les sessions ouvertes sur votre compte sont fermées. "
                    "Connectez-vous avec le nouveau mot de passe."), "success")
            return redirect(url_for("accounts.login"))
    except BadLink as error:
        return _bad_link(error)
    return render_form("accounts/reset_password.html", form, account=account)


# --- address confirmation ---------------------------------------------------------------------------
@blueprint.get("/confirmer/<token>")
def confirm_email(token: str):
    """Opening the e-mailed link confirms the address, logged in or not (repeating it is harmless,
    so a mail scanner that opens it first does no harm)."""
    g.private_page = True
    try:
        with write_intent():  # a GET that writes: take the write lock from the transaction's start
            user, newly = recovery.confirm_email(token)
            email = user.email
            db.session.commit()
    except BadLink as error:
        return _bad_link(error)
    if newly:
        flash(_("Merci : votre adresse %(email)s est confirmée. Vous pouvez maintenant publier, demander des prêts "
                "et signaler des contenus.", email=email), "success")
    else:
        flash(_("L'adresse %(email)s était déjà confirmée.", email=email), "info")
    if current_user.is_authenticated:
        return redirect(url_for("threads.home"))
    return redirect(url_for("accounts.login"))


def _account_email_limit() -> str:
    return current_app.config["ACCOUNT_EMAIL_LIMIT"]


# Shared by "renvoyer le lien" and the address change: each sends an e-mail the member asked for.
account_email_limit = limiter.shared_limit(
    _account_email_limit, scope="account-email", key_func=lambda: f"account-email:{current_user.id}",
    methods=["POST"], deduct_when=lambda response: response.status_code == 302, error_message=TOO_MANY_EMAILS,
)


@blueprint.post("/confirmation/renvoyer")
@login_required
@account_email_limit
def resend_confirmation():
    require_button_form()
    recovery.resend_confirmation(current_user, site_url())
    email = current_user.email
    db.session.commit()
    flash(_("Un nouveau lien de confirmation vient de partir vers %(email)s. Il est valable 24 heures.", email=email),
          "success")
    return redirect(next_url(url_for("threads.home")))


# --- address change ---------------------------------------------------------------------------------
@blueprint.route("/profil/adresse", methods=["GET", "POST"])
@login_required
@account_email_limit
@limiter.limit(lambda: current_app.config["LOGIN_FAILURE_LIMIT"], methods=["POST"],
               deduct_when=lambda response: response.status_code == 400,
               error_message=_l("Trop de tentatives : patientez une minute avant de réessayer."))
def change_email():
    g.private_page = True
    form = EmailChangeForm()
    if form.validate_on_submit():
        try:
            new_email = recovery.request_email_change(current_user, form.password.data, form.email.data, site_url())
            db.session.commit()
        except DomainError as error:
            if error.status_code == 403:
                raise
            return render_form("accounts/change_email.html", form, attach_error(form, error))
        flash(_("Un lien de confirmation vient de partir vers %(email)s. Votre adresse changera quand vous "
                "l'ouvrirez (il est valable 24 heures).", email=new_email), "success")
        return redirect(url_for("accounts.edit_profile"))
    return render_form("accounts/change_email.html", form)


@blueprint.route("/profil/adresse/<token>", methods=["GET", "POST"])
def confirm_email_change(token: str):
    """The link asks for a click (a POST): a mail scanner opening it must not move the account."""
    g.private_page = True
    try:
        if request.method == "POST":
            require_button_form()
            user = recovery.change_email(token)
            email = user.email
            db.session.commit()
            flash(_("C'est fait : votre compte utilise maintenant l'adresse %(email)s.", email=email), "success")
            return redirect(url_for("accounts.edit_profile") if current_user.is_authenticated
                            else url_for("accounts.login"))
        user, new_email = recovery.pending_change_of_link(token)
    except BadLink as error:
        return _bad_link(error)
    return render_template("accounts/confirm_email_change.html", user=user, new_email=new_email,
                           old_email=recovery.mask_address(user.email))
