"""The catalogue: list, resource pages, listing and editing resources, asking to borrow."""

from __future__ import annotations

import dataclasses

from flask import Blueprint, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _, lazy_gettext
from flask_login import current_user, login_required
from markupsafe import Markup

from forum.accounts import submissions
from forum.core.dates import today_in_france
from forum.core.errors import DomainError, Forbidden, NotFound, StaleEdit
from forum.core.locking import read_version
from forum.core.forms import attach_error, render_form, require_button_form
from forum.core.fragments import Viewer, fragment, fragments_of, page_body, per_response, uses_fragments
from forum.core.limits import per_member
from forum.core.page_cache import public_page
from forum.core.pagination import parse_page
from forum.core.visibility import is_moderator
from forum.core.web import confirmation_needed, filters_in_use, markdown_response, repeated_submission, site_url
from forum.extensions import db
from forum.fabriques.geography import REGIONS, departments_by_region
from forum.fabriques.models import Fabrique
from forum.fabriques.permissions import active_fabrique_of, can_manage, manages, membership_of
from forum.resources import queries, services
from forum.resources.export import resource_markdown
from forum.resources.forms import LoanRequestForm, ResourceForm, resource_input
from forum.resources.models import CATEGORIES, Resource, ResourceKind
from forum.resources.photos import delete_files_after_commit
from forum.resources.web import repeated_request

blueprint = Blueprint("resources", __name__, url_prefix="/ressources")
NEW_RESOURCE = "resource"  # the new-resource form's submission scope (forum.accounts.submissions)


def _resource_or_404(resource_id: int):
    return _check_visible(queries.resource_for_page(resource_id))


def _check_visible(resource: Resource | queries.ResourceHead | None):
    """``resource`` (or its head) if the viewer may see it, else NotFound."""
    if resource is None:
        raise NotFound(_("Cette ressource n'existe pas ou a été retirée du catalogue."))
    if resource.hidden_at is not None and not (is_moderator(current_user)
                                               or manages(current_user, resource.fabrique_id)):
        raise NotFound(_("Cette ressource a été masquée par la modération."))
    return resource


def _managed_fabrique() -> Fabrique:
    """The fabrique whose resources the member manages, or 403."""
    membership = membership_of(current_user)
    if membership is None or not membership.is_manager:
        raise Forbidden(_("Seuls les responsables d'une fabrique peuvent proposer des ressources."))
    return membership.fabrique


@blueprint.get("")
@public_page
@uses_fragments
def index():
    filters = queries.CatalogueFilters.from_args(request.args)
    viewer_fabrique = active_fabrique_of(current_user)
    viewer_region = viewer_fabrique.region_code if viewer_fabrique else None
    # The list reads the same for every viewer of this address, but for two things: sorting "au plus
    # près" is offered to members of a fabrique, and sorts from the region of theirs.
    key = (request.full_path, viewer_fabrique is not None, viewer_region if filters.sort == "proche" else None)

    def listing_context():
        page = queries.catalogue_ids(filters, parse_page(request.args.get("page")),
                                     current_app.config["RESOURCES_PER_PAGE"], viewer_region)
        # Its hundred departments are rendered once per filters (and per "has a fabrique": sorting by
        # distance needs one), not for every listing; it reads nothing from the database.
        filters_form = fragment(
            "resources/_filters.html", (dataclasses.astuple(filters), viewer_fabrique is not None), lambda: {
                "filters": filters, "kinds": list(ResourceKind), "categories": CATEGORIES,
                "regions": sorted(REGIONS.items(), key=lambda region: region[1]),
                "departments": departments_by_region(),
                "sorts": {key: label for key, label in queries.SORTS.items() if key != "proche" or viewer_fabrique}},
            versioned=False)
        return {"page": page, "filters": filters, "filters_form": filters_form, "active_filters": filters_in_use(),
                "filtered_fabrique": db.session.get(Fabrique, int(filters.fabrique)) if filters.fabrique else None,
                # The cards are the same for everyone: the resources are loaded only for missing ones.
                "cards": fragments_of("resources/_card.html", page.items, queries.listed,
                                      lambda resource: {"resource": resource})}

    return render_template("resources/index.html",
                           listing=page_body("resources/_listing.html", key, listing_context))


@blueprint.get("/<id:resource_id>")
@public_page
@uses_fragments
def show(resource_id: int):
    head = _check_visible(queries.resource_head(resource_id))  # the resource: when the body is rendered
    viewer_fabrique = active_fabrique_of(current_user)
    viewer = Viewer.of(current_user)
    # A room is booked by the hour from its week (forum/resources/room_views.py).
    can_request = (head.kind is ResourceKind.EQUIPMENT and not head.paused and head.hidden_at is None
                   and viewer_fabrique is not None
                   and viewer_fabrique.id != head.fabrique_id
                   and current_user.is_email_confirmed)  # else the page says to confirm the address first
    is_manager = manages(current_user, head.fabrique_id)
    today = today_in_france()
    # The page reads the same for the viewers of the same rights and fabrique (it lends on its behalf).
    key = (head.id, request.full_path, viewer, today, is_manager, can_request,
           viewer_fabrique.id if viewer_fabrique else None)
    submission = per_response("loan-submission", lambda: submissions.issue(current_user, _loan_scope(head)))

    def context():
        resource = queries.resource_for_page(head.id)
        request_form = None
        if can_request:  # the CSRF token and the submission are the member's: placeholders here
            request_form = LoanRequestForm(meta={"csrf": False})
            request_form.submission.data = submission
        return _show_context(resource, request_form, viewer, viewer_fabrique, is_manager, today)

    return render_template("resources/show.html", title=head.name,
                           body=page_body("resources/_page.html", key, context))


@blueprint.get("/<id:resource_id>/markdown")
def markdown(resource_id: int):
    """The resource as Markdown, for whoever may see its page (a hidden one: 404 to others)."""
    resource = _resource_or_404(resource_id)
    text = resource_markdown(resource, site_url() + url_for("resources.show", resource_id=resource.id),
                             site_url() + url_for("fabriques.show", slug=resource.fabrique.slug))
    return markdown_response(text, f"ressource-{resource.id}.md")


def _loan_scope(resource) -> str:
    return f"loan:{resource.id}"


def _show_context(resource, request_form, viewer, viewer_fabrique, is_manager: bool, today) -> dict:
    # The calendar is the same for everyone: its loans are read only when its fragment is missing.
    calendar_html = fragment("resources/_calendar.html", (resource.id, today), lambda: {
        "resource": resource, "calendar": queries.calendar(resource, today), "today": today,
    }) if resource.kind is ResourceKind.EQUIPMENT else None
    return {"resource": resource, "request_form": request_form, "calendar_html": calendar_html,
            "is_manager": is_manager, "viewer_fabrique": viewer_fabrique, "current_user": viewer,
            "login_next": request.full_path, "resend_next": request.full_path}


def _render_show(resource, request_form, status: int):
    """The page again with a loan request the member must correct (not shared: it holds their input)."""
    body = Markup(render_template("resources/_page.html", **_show_context(
        resource, request_form, current_user, active_fabrique_of(current_user),
        can_manage(current_user, resource.fabrique), today_in_france())))
    return render_template("resources/show.html", title=resource.name, body=body), status


@blueprint.route("/nouvelle", methods=["GET", "POST"])
@login_required
def create():
    g.private_page = True
    fabrique = _managed_fabrique()
    kind_value = request.args.get("type", "")
    if kind_value not in {kind.value for kind in ResourceKind}:
        return render_template("resources/choose_kind.html", kinds=list(ResourceKind), fabrique=fabrique)
    kind = ResourceKind(kind_value)
    form = ResourceForm(kind)
    if not form.is_submitted():
        form.submission.data = submissions.issue(current_user, NEW_RESOURCE)
    if form.validate_on_submit():
        try:
            claim = submissions.claim(current_user, NEW_RESOURCE, form.submission.data)
            if claim.is_repeat:
                earlier = db.session.get(Resource, claim.earlier or 0)
                return repeated_submission(_("Cette ressource était déjà dans le catalogue."), url_for(
                    "resources.show", resource_id=earlier.id) if earlier else url_for("resources.index"))
            resource = services.create_resource(current_user, fabrique, kind, resource_input(form))
            claim.record(resource.id)
            db.session.commit()
        except DomainError as error:
            return render_form("resources/edit.html", form, attach_error(form, error), resource=None, kind=kind,
                               fabrique=fabrique)
        flash(_("La ressource est dans le catalogue. Ajoutez-lui des photos !"), "success")
        return redirect(url_for("resource_photos.manage", resource_id=resource.id))
    return render_form("resources/edit.html", form, resource=None, kind=kind, fabrique=fabrique)


@blueprint.route("/<id:resource_id>/modifier", methods=["GET", "POST"])
@login_required
def edit(resource_id: int):
    g.private_page = True
    resource = _resource_or_404(resource_id)
    if not can_manage(current_user, resource.fabrique):
        raise Forbidden(_("Seuls les responsables de cette fabrique peuvent modifier cette ressource."))
    form = ResourceForm(resource.kind, obj=resource)
    if not form.is_submitted():
        form.description.data = resource.description_source
        form.language.data = resource.language or ""
        form.version.data = str(resource.version)
    if form.validate_on_submit():
        try:
            services.update_resource(current_user, resource, resource_input(form),
                                     seen_version=read_version(form.version.data))
            db.session.commit()
        except DomainError as error:
            return render_form("resources/edit.html", form, attach_error(form, error), resource=resource,
                               kind=resource.kind, fabrique=resource.fabrique,
                               stale=error if isinstance(error, StaleEdit) else None)
        flash(_("La ressource est à jour."), "success")
        return redirect(url_for("resources.show", resource_id=resource.id))
    return render_form("resources/edit.html", form, resource=resource, kind=resource.kind, fabrique=resource.fabrique)


@blueprint.post("/<id:resource_id>/<any(pause, reprise):change>")
@login_required
def pause(resource_id: int, change: str):
    require_button_form()
    resource = services.get_resource(resource_id)
    services.set_paused(current_user, resource, paused=change == "pause")
    db.session.commit()
    flash(_("La ressource est indiquée comme indisponible pour le moment.") if resource.paused
          else _("La ressource est de nouveau disponible."), "success")
    return redirect(url_for("resources.show", resource_id=resource.id))


@blueprint.post("/<id:resource_id>/supprimer")
@login_required
def delete(resource_id: int):
    require_button_form()
    resource = services.get_resource(resource_id)
    slug = resource.fabrique.slug
    # Refused straight away while loans are open (the service says why), not after a confirmation.
    if can_manage(current_user, resource.fabrique) and not services.has_open_loans(resource):
        ask = confirmation_needed(_("Retirer « %(resource)s » du catalogue\u00a0?", resource=resource.name),
                                  _("La ressource, ses photos et l'historique de ses prêts terminés seront "
                                    "supprimés\u00a0; cela ne peut pas être annulé. Pour une absence passagère, "
                                    "indiquez-la plutôt indisponible pour le moment."), _("Supprimer du catalogue"),
                                  url_for("resources.show", resource_id=resource.id))
        if ask:
            return ask
    delete_files_after_commit(db.session, services.delete_resource(current_user, resource))
    db.session.commit()
    flash(_("La ressource a été retirée du catalogue."), "success")
    return redirect(url_for("fabriques.show", slug=slug))


@blueprint.post("/<id:resource_id>/demander")
@login_required
@per_member("LOAN_REQUEST_LIMIT", lazy_gettext("Vous avez envoyé beaucoup de demandes de prêt en peu de temps."))
def request_loan(resource_id: int):
    resource = _resource_or_404(resource_id)
    form = LoanRequestForm()
    if not form.validate_on_submit():
        return _render_show(resource, form, 400)
    try:
        claim = submissions.claim(current_user, _loan_scope(resource), form.submission.data)
        if claim.is_repeat:
            return repeated_request(claim.earlier)
        loan = services.request_loan(current_user, resource, form.start_date.data, form.end_date.data,
                                     form.quantity.data or 1, form.message.data or "", today_in_france(),
                                     site_url=site_url())
        claim.record(loan.id)
        db.session.commit()
    except DomainError as error:
        if error.status_code == 403:
            raise
        status = attach_error(form, error)
        return _render_show(_resource_or_404(resource_id), form, status)
    flash(_("Votre demande est envoyée. La fabrique prêteuse va vous répondre."), "success")
    return redirect(url_for("loans.show", loan_id=loan.id))


def fabrique_resources_section(fabrique: Fabrique):
    """The "ressources partagées" section of a fabrique's page (see fabriques.views.SECTIONS_KEY)."""
    return "resources/_fabrique_section.html", {
        "resources": queries.resources_of_fabrique(fabrique.id),
        "total": queries.count_resources_of_fabrique(fabrique.id), "fabrique": fabrique,
    }
