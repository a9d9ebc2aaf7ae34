"""The directory: list, profile pages, editing, members and spaces."""

from __future__ import annotations

import dataclasses

from flask import Blueprint, abort, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from forum.accounts import submissions
from forum.core.errors import DomainError, NotFound, StaleEdit
from forum.core.locking import read_version
from forum.core.forms import EmptyForm, attach_error, render_form, require_button_form
from forum.core.fragments import fragment, fragments_of, uses_fragments
from forum.core.page_cache import public_page
from forum.core.pagination import parse_page
from forum.core.visibility import is_moderator
from forum.core.web import confirmation_needed, filters_in_use, repeated_submission, site_url
from forum.extensions import db
from forum.fabriques import memberships, queries, services
from forum.fabriques.forms import FabriqueForm, MembershipRoleForm, SpaceForm
from forum.fabriques.geography import REGIONS, departments_by_region
from forum.fabriques.models import MODULES, Fabrique, MembershipRole, MembershipStatus, TerritoryType
from forum.fabriques.permissions import can_manage, membership_of
from forum.fabriques.presentation import practical_of
from forum.fabriques.standard import FREE_LIST_FIELD, VOCABULARIES
from forum.fabriques.standard_checks import phone_for_display

blueprint = Blueprint("fabriques", __name__, url_prefix="/fabriques")
NEW_FABRIQUE = "fabrique"  # the new fabrique form's submission scope (forum.accounts.submissions)

# Other domains add sections to a fabrique's page (its threads, resources...):
# app.extensions[SECTIONS_KEY] is a list of callables fabrique -> (template, context) or None.
SECTIONS_KEY = "fabrique_page_sections"


def template_helpers() -> dict:
    """The nav and profile show the member's fabrique: loaded only when a template asks."""
    return {"my_membership": lambda: membership_of(current_user)}


def _fabrique_or_404(slug: str, *, with_details: bool = True, with_standard: bool = False) -> Fabrique:
    fabrique = queries.fabrique_for_page(slug, with_details=with_details, with_standard=with_standard)
    if fabrique is None:
        raise NotFound(_("Cette fabrique n'existe pas."))
    return fabrique


def _require_manager(fabrique: Fabrique) -> None:
    if not can_manage(current_user, fabrique):
        abort(403)
    g.private_page = True


def _require_members_manager(fabrique: Fabrique) -> None:
    """The members page and its actions: the fabrique's managers (or the moderators when it has none)."""
    if not memberships.may_manage_members(current_user, fabrique):
        abort(403)
    g.private_page = True


def _profile_from(form: FabriqueForm) -> services.FabriqueProfile:
    return services.FabriqueProfile(
        name=form.name.data or "", summary=form.summary.data or "", description=form.description.data or "",
        territory_type=form.territory_type.data or "", department_code=form.department_code.data or "",
        address=form.address.data or "", postal_code=form.postal_code.data or "", city=form.city.data or "",
        modules=list(form.modules.data or []), opening_hours=form.opening_hours.data or "",
        website=form.website.data or "", contact_email=form.contact_email.data or "", phone=form.phone.data or "",
        latitude=form.latitude.data, longitude=form.longitude.data,
        pivot=form.pivot.data or "", code_insee=form.code_insee.data or "",
        complement_adresse=form.complement_adresse.data or "", fiche_acces_libre=form.fiche_acces_libre.data or "",
        prise_rdv=form.prise_rdv.data or "", other_labels=form.autres_formations_labels.data or "",
        lists={name: list(form[name].data or []) for name in VOCABULARIES},
        hours_grid=form.hours_grid(), horaires=form.horaires.data or "",
    )


@blueprint.get("")
@public_page
@uses_fragments
def index():
    filters = queries.DirectoryFilters.from_args(request.args)
    page = queries.directory_ids(filters, parse_page(request.args.get("page")),
                                 current_app.config["FABRIQUES_PER_PAGE"])
    # The filters read nothing from the database: rendered once per filters.
    filters_form = fragment("fabriques/_filters.html", dataclasses.astuple(filters), lambda: {
        "filters": filters, "regions": sorted(REGIONS.items(), key=lambda r: r[1]),
        "departments": departments_by_region(), "territories": list(TerritoryType), "modules": MODULES,
        "sorts": queries.SORTS, "standard_filters": queries.STANDARD_FILTERS}, versioned=False)
    # The cards are the same for everyone: the fabriques are loaded only for missing ones.
    cards = fragments_of("fabriques/_card.html", page.items, queries.listed,
                         lambda row: {"fabrique": row[0], "member_count": row[1]})
    return render_template("fabriques/index.html", page=page, filters_form=filters_form, cards=cards,
                           active_filters=filters_in_use(), map_url=url_for("map.index", **filters.as_args()),
                           export_args=filters.as_args(tri=""))


@blueprint.get("/<slug>")
@public_page
@uses_fragments
def show(slug: str):
    fabrique = _fabrique_or_404(slug, with_details=False, with_standard=True)

    def body_context():
        # Below the head, the page is the same for everyone: read only when its fragment is missing.
        queries.load_details(fabrique)
        sections = [section for build in current_app.extensions.get(SECTIONS_KEY, [])
                    if (section := build(fabrique)) is not None]
        return {"fabrique": fabrique, "practical": practical_of(fabrique), "members": queries.members_of(fabrique),
                "sections": sections}

    viewer_membership = membership_of(current_user)
    is_manager = can_manage(current_user, fabrique)
    # A moderator answers the requests of a fabrique left without a manager (forum.fabriques.memberships).
    manages_members = is_manager or (is_moderator(current_user) and memberships.may_manage_members(current_user, fabrique))
    return render_template(
        "fabriques/show.html", fabrique=fabrique, body=fragment("fabriques/_body.html", (fabrique.id,), body_context),
        viewer_membership=viewer_membership, is_manager=is_manager, manages_members=manages_members,
        pending_count=len(queries.members_of(fabrique, MembershipStatus.PENDING)) if manages_members else 0,
    )


@blueprint.route("/nouvelle", methods=["GET", "POST"])
@login_required
def create():
    g.private_page = True
    form = FabriqueForm()
    if not form.is_submitted():
        form.submission.data = submissions.issue(current_user, NEW_FABRIQUE)
    if form.validate_on_submit():
        try:
            claim = submissions.claim(current_user, NEW_FABRIQUE, form.submission.data)
            if claim.is_repeat:
                earlier = db.session.get(Fabrique, claim.earlier or 0)
                return repeated_submission(_("Votre fabrique était déjà créée."), url_for(
                    "fabriques.show", slug=earlier.slug) if earlier else url_for("fabriques.index"))
            fabrique = services.create_fabrique(current_user, _profile_from(form))
            claim.record(fabrique.id)
            db.session.commit()
        except DomainError as error:
            return render_form("fabriques/edit.html", form, attach_error(form, error), fabrique=None)
        flash(_("Votre fabrique est dans l'annuaire. Vous en êtes responsable."), "success")
        return redirect(url_for("fabriques.show", slug=fabrique.slug))
    return render_form("fabriques/edit.html", form, fabrique=None)


@blueprint.route("/<slug>/modifier", methods=["GET", "POST"])
@login_required
def edit(slug: str):
    fabrique = _fabrique_or_404(slug, with_standard=True)
    _require_manager(fabrique)
    form = FabriqueForm(obj=fabrique)
    if not form.is_submitted():
        form.description.data = fabrique.description_source
        form.territory_type.data = fabrique.territory_type.value
        form.modules.data = fabrique.modules
        form.version.data = str(fabrique.version)
        for name in VOCABULARIES:
            form[name].data = fabrique.values_of(name)
        form.autres_formations_labels.data = "\n".join(fabrique.values_of(FREE_LIST_FIELD))
        form.show_hours(fabrique.horaires)
        form.phone.data = phone_for_display(fabrique.phone)
    if form.validate_on_submit():
        try:
            services.update_fabrique(current_user, fabrique, _profile_from(form),
                                     seen_version=read_version(form.version.data))
            db.session.commit()
        except DomainError as error:
            return render_form("fabriques/edit.html", form, attach_error(form, error), fabrique=fabrique,
                               stale=error if isinstance(error, StaleEdit) else None)
        flash(_("La fiche de la fabrique est à jour."), "success")

        return redirect(url_for("fabriques.show", slug=fabrique.slug))
    return render_form("fabriques/edit.html", form, fabrique=fabrique)


@blueprint.post("/<slug>/rejoindre")
@login_required
def join(slug: str):
    require_button_form()
    fabrique = _fabrique_or_404(slug)
    memberships.request_membership(current_user, fabrique, site_url())
    db.session.commit()
    flash(_("Votre demande a été envoyée aux responsables de %(name)s.", name=fabrique.name), "success")
    return redirect(url_for("fabriques.show", slug=fabrique.slug))


@blueprint.post("/<slug>/quitter")
@login_required
def leave(slug: str):
    require_button_form()
    fabrique = _fabrique_or_404(slug)
    membership = membership_of(current_user)
    if membership is None or membership.fabrique_id != fabrique.id:
        raise NotFound(_("Vous ne faites pas partie de cette fabrique."))
    memberships.remove_membership(current_user, membership)
    db.session.commit()
    flash(_("Vous avez quitté %(name)s.", name=fabrique.name) if membership.is_active
          else _("Votre demande d'adhésion est annulée."), "info")
    return redirect(url_for("fabriques.show", slug=fabrique.slug))


@blueprint.get("/<slug>/membres")
@login_required
def members(slug: str):
    fabrique = _fabrique_or_404(slug)
    _require_members_manager(fabrique)
    return render_template(
        "fabriques/members.html", fabrique=fabrique, members=queries.members_of(fabrique),
        pending=queries.members_of(fabrique, MembershipStatus.PENDING), action_form=EmptyForm(),
        role_form=MembershipRoleForm(), without_manager=not memberships.active_managers(fabrique.id),
    )


@blueprint.post("/<slug>/membres/<id:membership_id>/<any(accepter, refuser, retirer):action>")
@login_required
def decide_member(slug: str, membership_id: int, action: str):
    require_button_form()
    fabrique = _fabrique_or_404(slug)
    membership = memberships.get_membership(fabrique, membership_id)
    name = membership.user.display_name
    if action == "retirer":
        memberships.remove_membership(current_user, membership)
        message = _("%(name)s ne fait plus partie de la fabrique.", name=name)
    else:
        memberships.decide_membership(current_user, membership, accept=action == "accepter", site_url=site_url())
        message = _("%(name)s fait maintenant partie de la fabrique.", name=name) if action == "accepter" \
            else _("La demande de %(name)s est refusée.", name=name)
    db.session.commit()
    flash(message, "success")
    return redirect(url_for("fabriques.members", slug=fabrique.slug))


@blueprint.post("/<slug>/membres/<id:membership_id>/role")
@login_required
def member_role(slug: str, membership_id: int):
    form = MembershipRoleForm()
    if not form.validate_on_submit():
        abort(400)
    fabrique = _fabrique_or_404(slug)
    membership = memberships.get_membership(fabrique, membership_id)
    memberships.set_membership_role(current_user, membership, MembershipRole(form.role.data))
    db.session.commit()
    flash(_("Le rôle a été changé."), "success")
    return redirect(url_for("fabriques.members", slug=fabrique.slug))


@blueprint.route("/<slug>/espaces", methods=["GET", "POST"])
@login_required
def spaces(slug: str):
    fabrique = _fabrique_or_404(slug)
    _require_manager(fabrique)
    form = SpaceForm()
    scope = f"space:{fabrique.id}"
    if not form.is_submitted():
        form.submission.data = submissions.issue(current_user, scope)
    if form.validate_on_submit():
        try:
            claim = submissions.claim(current_user, scope, form.submission.data)
            if claim.is_repeat:
                return repeated_submission(_("Cet espace était déjà ajouté."),
                                           url_for("fabriques.spaces", slug=fabrique.slug))
            space = services.add_space(current_user, fabrique, form.name.data, form.capacity.data,
                                       form.equipment.data or "")
            claim.record(space.id)
            db.session.commit()
        except DomainError as error:
            return render_form("fabriques/spaces.html", form, attach_error(form, error), fabrique=fabrique,
                               action_form=EmptyForm())
        flash(_("L'espace a été ajouté."), "success")
        return redirect(url_for("fabriques.spaces", slug=fabrique.slug))
    return render_form("fabriques/spaces.html", form, fabrique=fabrique, action_form=EmptyForm())


@blueprint.route("/<slug>/espaces/<id:space_id>", methods=["GET", "POST"])
@login_required
def edit_space(slug: str, space_id: int):
    fabrique = _fabrique_or_404(slug)
    _require_manager(fabrique)
    space = services.get_space(fabrique, space_id)
    form = SpaceForm(obj=space)
    if form.validate_on_submit():
        try:
            services.update_space(current_user, space, form.name.data, form.capacity.data, form.equipment.data or "")
            db.session.commit()
        except DomainError as error:
            return render_form("fabriques/space_edit.html", form, attach_error(form, error), fabrique=fabrique,
                               space=space)
        flash(_("L'espace a été modifié."), "success")
        return redirect(url_for("fabriques.spaces", slug=fabrique.slug))
    return render_form("fabriques/space_edit.html", form, fabrique=fabrique, space=space)


@blueprint.post("/<slug>/espaces/<id:space_id>/supprimer")
@login_required
def delete_space(slug: str, space_id: int):
    require_button_form()
    fabrique = _fabrique_or_404(slug)
    _require_manager(fabrique)
    space = services.get_space(fabrique, space_id)
    ask = confirmation_needed(_("Supprimer l'espace «\u00a0%(name)s\u00a0»\u00a0?", name=space.name),
                              _("Il ne sera plus présenté sur la page de la fabrique\u00a0; cela ne peut pas être "
                                "annulé."), _("Supprimer l'espace"),
                              url_for("fabriques.spaces", slug=fabrique.slug))
    if ask:
        return ask
    services.delete_space(current_user, space)
    db.session.commit()
    flash(_("L'espace a été supprimé."), "success")
    return redirect(url_for("fabriques.spaces", slug=fabrique.slug))
