"""« Mes données »: the member's data page, its ZIP export, and account deletion."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, flash, g, redirect, render_template, session, url_for
from flask_login import current_user, login_required, logout_user

from forum.core.dates import today_in_france
from forum.core.errors import DomainError
from forum.core.forms import attach_error, render_form
from forum.extensions import db, limiter
from forum.members import export, services
from forum.members.forms import DeleteAccountForm

blueprint = Blueprint("members", __name__, url_prefix="/profil")


@blueprint.get("/mes-donnees")
@login_required
def my_data():
    g.private_page = True
    return render_template("members/data.html")


@blueprint.get("/mes-donnees/export.zip")
@login_required
def download():
    """Only ever the logged-in member's own data: the URL names nobody."""
    g.private_page = True
    body = export.export_zip(current_user)
    filename = export.export_filename(today_in_france())
    return Response(body, mimetype="application/zip",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def _password_refused(response) -> bool:
    # Only refused passwords count against the limit (like the login form).
    return response.status_code == 400


@blueprint.route("/supprimer-mon-compte", methods=["GET", "POST"])
@login_required
@limiter.limit(lambda: current_app.config["LOGIN_FAILURE_LIMIT"], methods=["POST"], deduct_when=_password_refused,
               error_message="Trop de mots de passe refusés en peu de temps.")
def delete_account():
    g.private_page = True
    form = DeleteAccountForm()
    if form.validate_on_submit():
        try:
            result = services.delete_account(current_user, form.password.data, remove_texts=form.remove_texts.data)
            db.session.commit()
        except DomainError as error:
            return render_form("members/delete.html", form, attach_error(form, error))
        logout_user()
        session.clear()
        flash(_farewell(result), "info")
        return redirect(url_for("threads.home"))
    return render_form("members/delete.html", form)


def _farewell(result: services.Deletion) -> str:
    message = "Votre compte a été supprimé. Merci d'avoir participé au Forum des Fabriques."
    if result.posts_emptied == 1:
        message += " Le texte de votre message a été retiré."
    elif result.posts_emptied:
        message += f" Le texte de vos {result.posts_emptied} messages a été retiré."
    if result.threads_withdrawn:
        title = f"« {services.WITHDRAWN_TITLE} »"
        message += (f" Votre sujet s'intitule désormais {title}, sans mots-clés ; les réponses des autres membres "
                    "y restent." if result.threads_withdrawn == 1 else
                    f" Vos {result.threads_withdrawn} sujets s'intitulent désormais {title}, sans mots-clés ; "
                    "les réponses des autres membres y restent.")
    if result.practices_unpublished == 1:
        message += (" Votre retour d'expérience publié est redevenu un brouillon, confié aux responsables "
                    "de sa fabrique.")
    elif result.practices_unpublished:
        message += (f" Vos {result.practices_unpublished} retours d'expérience publiés sont redevenus des "
                    "brouillons, confiés aux responsables de leur fabrique.")
    return message
