"""Rooms booked by the hour: a room's week (and its booking form), its rules, "Trouver une salle"."""

from __future__ import annotations

from datetime import date, timedelta

from flask import Blueprint, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _, lazy_gettext
from flask_login import current_user, login_required

from forum.accounts import submissions
from forum.core.dates import today_in_france
from forum.core.errors import DomainError, Forbidden, Invalid, NotFound
from forum.core.forms import attach_error, render_form
from forum.core.limits import per_member
from forum.core.visibility import is_moderator
from forum.core.web import site_url
from forum.extensions import db
from forum.fabriques.geography import REGIONS, departments_by_region
from forum.fabriques.models import Fabrique
from forum.fabriques.permissions import active_fabrique_of, can_manage, manages
from forum.resources import room_queries, rooms
from forum.resources.models import Resource, ResourceKind, RoomRules
from forum.resources.room_forms import RoomBookingForm, RoomRulesForm, rules_input
from forum.resources.slots import closed_dates_text, duration_text, opening_text
from forum.resources.web import repeated_request

blueprint = Blueprint("rooms", __name__)


def _room_or_404(resource_id: int) -> Resource:
    resource = db.session.get(Resource, resource_id)
    if resource is None or resource.kind is not ResourceKind.SPACE:
        raise NotFound(_("Cette salle n'existe pas ou a été retirée du catalogue."))
    if resource.hidden_at is not None and not (is_moderator(current_user)
                                               or manages(current_user, resource.fabrique_id)):
        raise NotFound(_("Cette salle a été masquée par la modération."))
    return resource


def _scope(resource: Resource) -> str:
    return f"room:{resource.id}"


def _render_week(resource: Resource, form: RoomBookingForm | None = None, status: int = 200):
    today = today_in_france()
    monday = room_queries.parse_week(request.args.get("semaine", ""), today)
    viewer_fabrique = active_fabrique_of(current_user)
    fabrique = db.session.get(Fabrique, resource.fabrique_id)
    can_book = (viewer_fabrique is not None and viewer_fabrique.id != resource.fabrique_id
                and not resource.paused and resource.hidden_at is None)
    if form is None and can_book and current_user.is_email_confirmed:
        form = RoomBookingForm()
        form.submission.data = submissions.issue(current_user, _scope(resource))
        _prefill(form, request.args)
    return render_template(
        "resources/room_week.html", resource=resource, fabrique=fabrique, form=form, can_book=can_book,
        days=room_queries.room_week(resource, monday, viewer_fabrique.id if viewer_fabrique else None, today),
        rules=rooms.rules_for(resource.id), monday=monday, today=today, duration_text=duration_text,
        previous_week=(monday - timedelta(days=7)).isoformat(), next_week=(monday + timedelta(days=7)).isoformat(),
        is_manager=manages(current_user, resource.fabrique_id), viewer_fabrique=viewer_fabrique,
    ), status


def _prefill(form: RoomBookingForm, args) -> None:
    """The form from a free part of the week that was clicked (?jour=…&de=…&a=…); anything odd is ignored."""
    try:
        form.day.data = date.fromisoformat(args.get("jour", ""))
    except ValueError:
        return
    form.start.data, form.end.data = args.get("de", "")[:5], args.get("a", "")[:5]


@blueprint.get("/ressources/<id:resource_id>/creneaux")
def week(resource_id: int):
    return _render_week(_room_or_404(resource_id))


@blueprint.post("/ressources/<id:resource_id>/creneaux")
@login_required
@per_member("LOAN_REQUEST_LIMIT", lazy_gettext("Vous avez envoyé beaucoup de demandes de réservation en peu de temps."))
def book(resource_id: int):
    resource = _room_or_404(resource_id)
    form = RoomBookingForm()
    if not form.validate_on_submit():
        return _render_week(resource, form, 400)
    try:
        claim = submissions.claim(current_user, _scope(resource), form.submission.data)
        if claim.is_repeat:
            return repeated_request(claim.earlier)
        day = form.day.data
        start = rooms.parse_wall_time(form.start.data, _("L'heure de début"), "start")
        end = rooms.parse_wall_time(form.end.data, _("L'heure de fin"), "end")
        loan = rooms.request_room_booking(current_user, resource, day, start, end, form.message.data or "",
                                          site_url=site_url())
        claim.record(loan.id)
        db.session.commit()
    except DomainError as error:
        if error.status_code == 403:
            raise
        status = attach_error(form, error)
        return _render_week(_room_or_404(resource_id), form, status)
    flash(_("La salle est réservée\u00a0: le créneau est confirmé.") if loan.state.value == "accepted"
          else _("Votre demande est envoyée. La fabrique va vous répondre."), "success")
    return redirect(url_for("loans.show", loan_id=loan.id))


@blueprint.route("/ressources/<id:resource_id>/regles", methods=["GET", "POST"])
@login_required
def rules(resource_id: int):
    g.private_page = True
    resource = _room_or_404(resource_id)
    if not can_manage(current_user, db.session.get(Fabrique, resource.fabrique_id)):
        raise Forbidden(_("Seuls les responsables de la fabrique peuvent régler les réservations de cette salle."))
    form = RoomRulesForm()
    if not form.is_submitted():
        current = rooms.rules_for(resource.id)
        for weekday, day_field in enumerate(form.day_fields()):
            day_field.data = opening_text(current.opening_hours.get(str(weekday), []))
        form.closed_dates.data = closed_dates_text(list(current.closed_dates))
        for name in ("min_notice_hours", "max_notice_days", "min_minutes", "max_minutes", "buffer_minutes",
                     "needs_approval"):
            getattr(form, name).data = getattr(current, name)
        form.capacity_meeting.data = resource.capacity_meeting
    context = {"resource": resource, "has_rules": db.session.get(RoomRules, resource.id) is not None}
    if form.validate_on_submit():
        try:
            rooms.update_rules(current_user, resource, rules_input(form))
            db.session.commit()
        except DomainError as error:
            return render_form("resources/room_rules.html", form, attach_error(form, error), **context)
        flash(_("Les règles de réservation sont à jour."), "success")
        return redirect(url_for("rooms.week", resource_id=resource.id))
    return render_form("resources/room_rules.html", form, **context)


@blueprint.get("/salles")
def find():
    try:
        search = room_queries.RoomSearch.from_args(request.args)
        error = None
    except Invalid as refused:
        search, error = room_queries.RoomSearch(), refused.message
    searched = any(request.args.get(key) for key in ("capacite", "region", "departement", "date", "debut", "fin",
                                                      "accessibilite", "equipement", "plain_pied"))
    found = room_queries.find_rooms(search) if error is None else []  # every room before a search
    return render_template(
        "resources/find_room.html", search=search, found=found, searched=searched, error=error,
        regions=sorted(REGIONS.items(), key=lambda region: region[1]), departments=departments_by_region(),
        args=request.args, limit=room_queries.SEARCH_LIMIT,
    ), 400 if error else 200
