"""« Mes données »: the member's data page, its ZIP export, and account deletion."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, flash, g, redirect, render_template, session, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
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
               error_message=_l("Trop de mots de passe refusés en peu de temps."))
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
    sentences = [_("Votre compte a été supprimé. Merci d'avoir participé au Forum des Fabriques.")]
    if result.posts_emptied:
        sentences.append(ngettext("Le texte de votre message a été retiré.",
                                  "Le texte de vos %(num)d messages a été retiré.", result.posts_emptied))
    if result.threads_withdrawn:
        # The title stays as stored (French): it is what the threads are now called.
        sentences.append(ngettext(
            "Votre sujet s'intitule désormais « %(title)s », sans mots-clés ; les réponses des autres membres "
            "y restent.",
            "Vos %(num)d sujets s'intitulent désormais « %(title)s », sans mots-clés ; les réponses des autres "
            "membres y restent.", result.threads_withdrawn, title=services.WITHDRAWN_TITLE))
    if result.practices_unpublished:
        sentences.append(ngettext(
            "Votre retour d'expérience publié est redevenu un brouillon, confié aux responsables de sa fabrique.",
            "Vos %(num)d retours d'expérience publiés sont redevenus des brouillons, confiés aux responsables de "
            "leur fabrique.", result.practices_unpublished))
    return " ".join(sentences)
