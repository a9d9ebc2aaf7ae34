"""The agenda: upcoming events, the month view, the map, event pages, publishing and answering."""

from __future__ import annotations

import csv
import dataclasses
import io
from datetime import date, datetime, time

from flask import (
    Blueprint, Response, abort, current_app, flash, g, redirect, render_template, request, send_from_directory, url_for,
)
from flask_babel import gettext as _, lazy_gettext
from flask_login import current_user, login_required

from forum.accounts import submissions
from forum.core.dates import PARIS, format_day, today_in_france
from forum.core.errors import DomainError, Forbidden, Invalid, NotFound, StaleEdit
from forum.core.forms import attach_error, render_form
from forum.core.fragments import fragment, uses_fragments
from forum.core.locking import read_version
from forum.core.models import utcnow
from forum.core.page_cache import public_page
from forum.core.pagination import parse_page
from forum.core.visibility import is_moderator
from forum.core.web import filters_in_use, repeated_submission, site_url
from forum.events import images, queries, rsvp, services
from forum.events.display import format_hour, format_timing
from forum.events.forms import AnswerForm, CancelForm, EventForm, event_input
from forum.events.models import Answer, Event, EventKind, PlaceKind
from forum.events.schema_org import event_json_ld
from forum.extensions import db
from forum.fabriques.geography import REGIONS, departments_by_region
from forum.fabriques.models import Fabrique
from forum.fabriques.permissions import active_fabrique_of
from forum.resources.photos import is_photo_name
from forum.resources.slots import slot_label

blueprint = Blueprint("events", __name__, url_prefix="/agenda")
NEW_EVENT = "event"  # the new-event form's submission scope (forum.accounts.submissions)
# The overseas regions the fabriques' map frames apart (forum/resources/map_views.py FRAMES): the
# agenda's map shows the metropole; overseas events stay in the list below it.
OVERSEAS_REGIONS = ("01", "02", "03", "04", "06")
ANSWER_DONE = {Answer.GOING: lazy_gettext("C'est noté\u00a0: vous venez."),
               Answer.INTERESTED: lazy_gettext("C'est noté\u00a0: vous êtes intéressé·e."),
               Answer.NOT_GOING: lazy_gettext("C'est noté\u00a0: vous ne venez pas.")}


def _filters_context(filters: queries.AgendaFilters, endpoint: str, month_value: str = "") -> dict:
    """The filter bar: rendered once per filters and view (its hundred departments read nothing from the
    database), as the catalogue's is."""
    no_date = endpoint == "events.month"
    form = fragment("events/_filters.html", (dataclasses.astuple(filters), endpoint, month_value), lambda: {
        "filters": filters, "kinds": list(EventKind), "action": url_for(endpoint), "no_date": no_date,
        "month_value": month_value, "regions": sorted(REGIONS.items(), key=lambda region: region[1]),
        "departments": departments_by_region()}, versioned=False)
    return {"filters": filters, "filters_form": form, "active_filters": filters_in_use(("page", "tri", "mois"))}


@blueprint.get("")
@public_page
@uses_fragments
def index():
    filters = queries.AgendaFilters.from_args(request.args)
    number = parse_page(request.args.get("page"))
    now = utcnow()
    # The list is the same for everyone at a content version: rendered once per address and minute
    # (events leave it when they end).
    listing = fragment("events/_listing.html", (request.full_path, now.replace(second=0, microsecond=0)),
                       lambda: {"page": queries.upcoming(filters, number, 20, now)})
    return render_template("events/index.html", listing=listing, can_publish=_publishing_fabrique() is not None,
                           **_filters_context(filters, "events.index"))


@blueprint.get("/mois")
@public_page
@uses_fragments
def month():
    filters = queries.AgendaFilters.from_args(request.args)
    view = queries.month_view(queries.parse_month(request.args.get("mois"), today_in_france()), filters)
    return render_template("events/month.html", view=view, today=today_in_france(),
                           **_filters_context(filters, "events.month", view.first.strftime("%Y-%m")))


@blueprint.get("/carte")
@public_page
@uses_fragments
def map_page():
    filters = queries.AgendaFilters.from_args(request.args)
    markers = [{"name": fabrique.name, "url": url_for("fabriques.show", slug=fabrique.slug),
                "lat": fabrique.latitude, "lng": fabrique.longitude, "territory": fabrique.territory_type.value,
                "territory_label": fabrique.territory_type.label, "place": fabrique.city,
                "zone": fabrique.region_code if fabrique.region_code in OVERSEAS_REGIONS else "metropole",
                "events": [{"title": event.title, "url": url_for("events.show", event_id=event.id),
                            "when": event.starts_at.astimezone(PARIS).strftime("%d/%m/%Y %H:%M")}
                           for event in events[:5]], "resources": 0}
               for fabrique, events in queries.map_events(utcnow(), filters)]
    return render_template("events/map.html", markers=markers, **_filters_context(filters, "events.map_page"))


def _visible_event(event_id: int) -> Event:
    event = queries.event_for_page(event_id)
    if event is None:
        raise NotFound(str(services.EVENT_GONE))
    if event.hidden_at is not None and not (is_moderator(current_user) or services.may_edit(current_user, event)):
        raise NotFound(str(rsvp.HIDDEN))
    return event


@blueprint.get("/images/<name>")
def image(name: str):
    """An event's image file: WebP, never sniffed, cached for good (names never change)."""
    if not is_photo_name(name):
        abort(404)
    response = send_from_directory(_store().root, name, mimetype="image/webp", max_age=365 * 86_400)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.cache_control.immutable = True
    return response


@blueprint.get("/<id:event_id>")
@public_page
@uses_fragments
def show(event_id: int):
    head = queries.event_head(event_id)
    if head is None:
        raise NotFound(str(services.EVENT_GONE))
    may_edit = services.may_edit(current_user, head)
    if head.hidden_at is not None and not (is_moderator(current_user) or may_edit):
        raise NotFound(str(rsvp.HIDDEN))
    own = rsvp.answer_of(current_user, head.id)
    loaded: dict[str, Event] = {}

    def event() -> Event:  # the whole event, read only when a fragment is missing
        if "event" not in loaded:
            loaded["event"] = queries.event_for_page(head.id)
        return loaded["event"]

    def facts() -> dict:
        full = event()
        loan_state = full.loan.state if full.loan is not None else None
        return {"event": full, "room": services.room_state(full, loan_state)}

    def json_ld() -> dict:
        full = event()
        image = site_url() + url_for("events.image", name=full.image_filename) if full.image_filename else ""
        return {"json_ld": event_json_ld(full, site_url() + url_for("events.show", event_id=full.id), image_url=image)}

    # The event's facts, description and JSON-LD are the same for everyone at a content version; the
    # answers (counts, the viewer's own) are read at each request.
    return render_template(
        "events/show.html", event=head, counts=rsvp.counts_of(head.id), own=own,
        rank=rsvp.waiting_rank(own) if own is not None else None, answers=list(Answer), now=utcnow(),
        may_edit=may_edit, facts=fragment("events/_facts.html", (head.id,), facts),
        description=fragment("events/_description.html", (head.id,), lambda: {"event": event()}),
        json_ld=fragment("events/_json_ld.html", (head.id, site_url()), json_ld))


def _publishing_fabrique() -> Fabrique | None:
    fabrique = active_fabrique_of(current_user)
    return fabrique if fabrique is not None and services.may_publish_for(current_user, fabrique) else None


def _uploaded_image(form: EventForm) -> bytes | None:
    upload = form.image.data
    if not upload or not getattr(upload, "filename", ""):
        return None
    return upload.read(images.MAX_FILE_BYTES + 1)  # one byte more: too heavy is refused, not cut


def _store():
    return images.event_store(current_app.instance_path)


def _booking_label(loan) -> str:
    when = (slot_label(loan.starts_at, loan.ends_at) if loan.starts_at and loan.ends_at
            else _("du %(start)s au %(end)s", start=format_day(loan.start_date), end=format_day(loan.end_date)))
    return f"{when}, " + (_("en attente") if loan.state.value == "requested" else _("acceptée"))


def _form(fabrique_id: int, **kwargs) -> EventForm:
    rooms = [(loan, resource, owner, _booking_label(loan))
             for loan, resource, owner in services.booked_rooms(fabrique_id)]
    return EventForm(spaces=services.own_spaces(fabrique_id), rooms=rooms,
                     requestable=services.requestable_rooms(fabrique_id), **kwargs)


@blueprint.route("/nouveau", methods=["GET", "POST"])
@login_required
def create():
    g.private_page = True
    fabrique = _publishing_fabrique()
    if fabrique is None:
        raise Forbidden(_("Rejoignez une fabrique (ou attendez que votre adhésion soit acceptée) pour publier un "
                          "événement."))
    form = _form(fabrique.id)
    if not form.is_submitted():
        form.submission.data = submissions.issue(current_user, NEW_EVENT)
        room = request.args.get("salle", "")
        if room and any(choice.value == room for choice in form.room_id.choices):
            # From a room's page: « Organiser un événement dans cette salle ».
            form.place_kind.data, form.room_id.data = PlaceKind.BOOKED_ROOM.value, room
            _prefill_timing(form, request.args)
    if form.validate_on_submit():
        try:
            claim = submissions.claim(current_user, NEW_EVENT, form.submission.data)
            if claim.is_repeat:
                earlier = db.session.get(Event, claim.earlier or 0)
                return repeated_submission(_("Cet événement était déjà publié."), url_for(
                    "events.show", event_id=earlier.id) if earlier else url_for("events.index"))
            event = services.publish_event(current_user, fabrique, event_input(form), utcnow(),
                                           site_url=site_url())
            if (data := _uploaded_image(form)) is not None:
                images.set_image(event, data, _store())
            claim.record(event.id)
            db.session.commit()
        except DomainError as error:
            return render_form("events/edit.html", form, attach_error(form, error), event=None, fabrique=fabrique)
        flash(_("L'événement est publié dans l'agenda."), "success")
        return redirect(url_for("events.show", event_id=event.id))
    return render_form("events/edit.html", form, event=None, fabrique=fabrique)


def _prefill_timing(form: EventForm, args) -> None:
    """The day and hours chosen on « Trouver une salle » (``jour``, ``de``, ``a``), as the first timing;
    anything unreadable is left out (the person types it)."""
    try:
        day = date.fromisoformat(args.get("jour", ""))
        start, end = time.fromisoformat(args.get("de", "")[:5]), time.fromisoformat(args.get("a", "")[:5])
    except ValueError:
        return
    form.start_1.data, form.end_1.data = datetime.combine(day, start), datetime.combine(day, end)


def _editable(event_id: int) -> Event:
    event = _visible_event(event_id)
    if not services.may_edit(current_user, event):
        raise Forbidden(_("Seuls les organisateurs de cet événement peuvent le modifier."))
    return event


@blueprint.route("/<id:event_id>/modifier", methods=["GET", "POST"])
@login_required
def edit(event_id: int):
    g.private_page = True
    event = _editable(event_id)
    form = _form(event.fabrique_id, obj=event)
    if not form.is_submitted():
        form.description.data = event.description_source
        form.language.data = event.language or ""
        form.version.data = str(event.version)
        form.resource_id.data = str(event.resource_id or "")
        form.loan_id.data = str(event.loan_id or "")
        for number, timing in enumerate(event.timings[:3], start=1):
            getattr(form, f"start_{number}").data = timing.starts_at.astimezone(PARIS).replace(tzinfo=None)
            getattr(form, f"end_{number}").data = timing.ends_at.astimezone(PARIS).replace(tzinfo=None)
    if form.validate_on_submit():
        try:
            services.update_event(current_user, event, event_input(form), utcnow(),
                                  seen_version=read_version(form.version.data), site_url=site_url())
            if (data := _uploaded_image(form)) is not None:
                images.set_image(event, data, _store())
            db.session.commit()
        except DomainError as error:
            return render_form("events/edit.html", form, attach_error(form, error), event=event,
                               fabrique=event.fabrique, stale=error if isinstance(error, StaleEdit) else None)
        flash(_("L'événement est à jour."), "success")
        return redirect(url_for("events.show", event_id=event.id))
    return render_form("events/edit.html", form, event=event, fabrique=event.fabrique)


@blueprint.route("/<id:event_id>/annuler", methods=["GET", "POST"])
@login_required
def cancel(event_id: int):
    g.private_page = True
    event = _editable(event_id)
    form = CancelForm()
    if form.validate_on_submit():
        try:
            services.cancel_event(current_user, event, utcnow(), reason=form.reason.data or "", site_url=site_url())
            db.session.commit()
        except DomainError as error:
            return render_form("events/cancel.html", form, attach_error(form, error), event=event)
        flash(_("L'événement est annulé\u00a0; les participants sont prévenus."), "success")
        return redirect(url_for("events.show", event_id=event.id))
    return render_form("events/cancel.html", form, event=event)


@blueprint.post("/<id:event_id>/reponse")
@login_required
def answer(event_id: int):
    form = AnswerForm()
    if not form.validate_on_submit() or form.chosen() is None:
        raise Invalid(_("Choisissez « je viens », « intéressé·e » ou « je ne viens pas »."))
    event = _visible_event(event_id)
    given = rsvp.answer_event(current_user, event, form.chosen(), utcnow(), site_url=site_url())
    waiting = given.waiting
    db.session.commit()
    flash(_("Il n'y a plus de place\u00a0: vous êtes sur la liste d'attente. Vous serez prévenu·e si une place se "
            "libère.") if waiting else str(ANSWER_DONE[form.chosen()]), "success")
    return redirect(url_for("events.show", event_id=event_id))


@blueprint.get("/<id:event_id>/participants")
@login_required
def attendees(event_id: int):
    g.private_page = True
    event = _editable(event_id)
    return render_template("events/attendees.html", event=event, lines=rsvp.attendee_lines(event.id),
                           counts=rsvp.counts_of(event.id))


@blueprint.get("/<id:event_id>/participants.csv")
@login_required
def attendees_csv(event_id: int):
    g.private_page = True
    event = _editable(event_id)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow([_("Nom"), _("Réponse"), _("Rang sur la liste d'attente")])
    for line in rsvp.attendee_lines(event.id):
        # A name starting with = + - @ would be read as a formula by a spreadsheet: quoted as text.
        name = "'" + line.name if line.name[:1] in "=+-@\t\r" else line.name
        writer.writerow([name, line.answer.label, line.waiting_position or ""])
    return Response("\ufeff" + out.getvalue(), mimetype="text/csv", headers={
        "Content-Disposition": f"attachment; filename=participants-{event.id}.csv"})


def fabrique_events_section(fabrique: Fabrique):
    """The « agenda » section of a fabrique's page (see fabriques.views.SECTIONS_KEY)."""
    now = utcnow()
    events = queries.upcoming_of_fabrique(fabrique.id, now)
    if not events:
        return None
    return "events/_fabrique_section.html", {
        "events": events, "total": queries.count_upcoming_of_fabrique(fabrique.id, now), "fabrique": fabrique}



@blueprint.app_template_filter("timing")
def _timing(timing) -> str:
    return format_timing(timing.starts_at, timing.ends_at)


@blueprint.app_template_filter("hour")
def _hour(moment) -> str:
    return format_hour(moment)
