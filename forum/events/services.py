"""Use cases of the agenda: publish, edit and cancel events. Services flush, never commit.

Guards (see forum/core/locking.py): an edit or a cancellation locks the event's row, then
compares the version the form was opened at (a stale save is a 409 showing the stored texts);
answers lock the same row (forum/events/rsvp.py), so a cancellation and an answer queue.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from flask_babel import gettext as _, lazy_gettext

from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from forum.accounts.models import User
from forum.accounts.services import require_confirmed
from forum.core.errors import Conflict, Forbidden, Invalid, NotFound
from forum.core.languages import read_language
from forum.core.locking import NOT_CHECKED, check_version, lock
from forum.core.markdown import render_markdown
from forum.core.text import clean_text, require_length
from forum.events import checks, rooms
from forum.events.models import Answer, AttendanceMode, Event, EventKind, EventStatus, EventTiming, PlaceKind, Rsvp
from forum.events.rooms import HOLDING, ROOM_STATES, RoomState
from forum.events.rsvp import fill_free_places  # one module owns the waiting list
from forum.extensions import db
from forum.fabriques.models import Fabrique
from forum.fabriques.permissions import active_fabrique_of, manages
from forum.notifications.services import notify
from forum.resources.models import Loan, LoanState, Resource, ResourceKind

EVENT_GONE = lazy_gettext("Cet événement n'existe pas ou plus.")
UID_DOMAIN = "forum-des-fabriques"


@dataclass
class EventInput:
    """What an organiser types; ``timings`` in Paris wall-clock time."""

    title: str
    kind: str
    attendance_mode: str
    place_kind: str
    timings: list[checks.Timing] = field(default_factory=list)
    summary: str = ""
    description: str = ""
    resource_id: int | None = None
    loan_id: int | None = None
    room_id: int | None = None  # another fabrique's room to request for the event's timing
    address: str = ""
    online_url: str = ""
    registration: str = ""
    accessibility: str = ""
    audience: str = ""
    is_free: bool = True
    price_details: str = ""
    status: str = EventStatus.SCHEDULED.value
    capacity: int | None = None
    # The code of the language its texts are written in (forum.core.languages; "": not said); None
    # keeps the event's (an edit that does not say).
    language: str | None = None


def get_event(event_id: int) -> Event:
    event = db.session.get(Event, event_id, options=[joinedload(Event.fabrique), selectinload(Event.timings)])
    if event is None:
        raise NotFound(str(EVENT_GONE))
    return event


def may_publish_for(actor: User | None, fabrique: Fabrique) -> bool:
    """A fabrique's managers, and its (accepted) members for it."""
    if actor is None or not getattr(actor, "is_authenticated", False):
        return False
    if manages(actor, fabrique.id):
        return True
    own = active_fabrique_of(actor)
    return own is not None and own.id == fabrique.id


def may_edit(actor: User | None, event: Event) -> bool:
    """The organising fabrique's managers (and admins), and its author while still a member of it."""
    if actor is None or not getattr(actor, "is_authenticated", False):
        return False
    if manages(actor, event.fabrique_id):
        return True
    own = active_fabrique_of(actor)
    return event.author_id == actor.id and own is not None and own.id == event.fabrique_id


def _choice(enum_class, value: str, message: str, field_name: str):
    try:
        return enum_class(value)
    except ValueError:
        raise Invalid(message, field=field_name) from None


def _place(actor: User, event: Event, data: EventInput, timings: list[checks.CheckedTiming], now: datetime,
           site_url: str) -> None:
    """The place: one of the fabrique's rooms, a room it booked (or requests now) elsewhere, an
    address, or none (online). A booked room's invariant is forum/events/rooms.py's."""
    mode = event.attendance_mode
    place_kind = _choice(PlaceKind, data.place_kind, _("Choisissez un type de lieu dans la liste."), "place_kind")
    if mode is AttendanceMode.ONLINE:
        place_kind = PlaceKind.NONE
    elif place_kind is PlaceKind.NONE:
        raise Invalid(_("Un événement sur place a besoin d'un lieu\u00a0: une salle ou une adresse."),
                      field="place_kind")
    event.place_kind = place_kind
    event.resource_id = event.loan_id = None
    event.address = checks.line(data.address, _("L'adresse"), 300, "address")
    if place_kind is PlaceKind.OWN_SPACE:
        resource = db.session.get(Resource, data.resource_id or 0) if (data.resource_id or 0) < 2**31 else None
        if (resource is None or resource.fabrique_id != event.fabrique_id or resource.kind is not ResourceKind.SPACE
                or resource.hidden_at is not None):
            raise Invalid(_("Choisissez une salle de votre fabrique dans la liste."), field="resource_id")
        event.resource_id = resource.id
    elif place_kind is PlaceKind.BOOKED_ROOM:
        if data.room_id is not None and data.loan_id is not None:
            raise Invalid(_("Choisissez soit une réservation de votre fabrique, soit une salle à demander, pas les "
                            "deux."), field="room_id")
        if data.room_id is not None:
            loan, resource = rooms.request_for(actor, data.room_id, event.fabrique_id, timings, now, site_url)
        else:
            loan, resource = rooms.booked_room(data.loan_id, event.fabrique_id, timings)
        event.loan_id, event.resource_id = loan.id, resource.id
    elif place_kind is PlaceKind.ADDRESS and not event.address:
        raise Invalid(_("Indiquez l'adresse du lieu."), field="address")


def _apply(actor: User, event: Event, data: EventInput, now: datetime, *, allow_past: bool,
           site_url: str = "") -> list[checks.CheckedTiming]:
    event.title = checks.title(data.title)
    event.summary = checks.summary(data.summary)
    description = require_length(clean_text(data.description), _("La description"), minimum=0,
                                 maximum=checks.DESCRIPTION_MAX, field="description")
    event.description_source = description
    event.description_html = render_markdown(description)
    if data.language is not None:
        event.language = read_language(data.language)
    event.kind = _choice(EventKind, data.kind, _("Choisissez un type d'événement dans la liste."), "kind")
    event.attendance_mode = _choice(AttendanceMode, data.attendance_mode, _("Choisissez sur place, en ligne ou mixte."),
                                    "attendance_mode")
    event.status = _choice(EventStatus, data.status, _("Choisissez un statut dans la liste."), "status")
    if event.status is EventStatus.CANCELLED:
        raise Invalid(_("Pour annuler l'événement, utilisez le bouton « Annuler l'événement »\u00a0: les "
                        "participants en sont prévenus."), field="status")
    timings = checks.timings(data.timings, now, allow_past=allow_past)
    event.online_url = checks.web_link(data.online_url, _("Le lien de connexion"), "online_url",
                                       required=event.attendance_mode.is_online)
    event.registration = checks.registration(data.registration)
    event.accessibility = checks.line(data.accessibility, _("L'accessibilité"), 300, "accessibility")
    event.audience = checks.line(data.audience, _("Le public"), 200, "audience")
    event.is_free = bool(data.is_free)
    event.price_details = checks.line(data.price_details, _("Le détail du tarif"), 300, "price_details")
    if not event.is_free and not event.price_details:
        raise Invalid(_("Indiquez le tarif d'un événement payant."), field="price_details")
    event.capacity = checks.capacity(data.capacity)
    # Last: every other field is checked before a room is requested (its request notifies the owner).
    _place(actor, event, data, timings, now, site_url)
    event.starts_at, event.ends_at = timings[0].starts_at, max(timing.ends_at for timing in timings)
    event.updated_at = now
    return timings


def publish_event(actor: User, fabrique: Fabrique, data: EventInput, now: datetime, *, site_url: str = "") -> Event:
    """A new event of ``fabrique``, by one of its managers or members (address confirmed); with
    ``data.room_id``, the room is requested for its timing in the same transaction."""
    require_confirmed(actor)
    if not may_publish_for(actor, fabrique):
        raise Forbidden(_("Seuls les membres d'une fabrique publient ses événements."))
    event = Event(fabrique_id=fabrique.id, author_id=actor.id, uid=f"{uuid.uuid4().hex}@{UID_DOMAIN}", sequence=0,
                  created_at=now)
    timings = _apply(actor, event, data, now, allow_past=False, site_url=site_url)
    event.timings = [EventTiming(starts_at=timing.starts_at, ends_at=timing.ends_at) for timing in timings]
    db.session.add(event)
    db.session.flush()
    return event


# What makes an edit significant for calendars (a new SEQUENCE): when, where and whether it happens.
_SIGNIFICANT = ("title", "status", "place_kind", "resource_id", "loan_id", "address", "online_url", "attendance_mode")


def update_event(actor: User, event: Event, data: EventInput, now: datetime, *, seen_version=NOT_CHECKED,
                 site_url: str = "") -> None:
    """Save an organiser's edit (row locked, version compared); a raised capacity moves the waiting list up."""
    lock(event, gone=NotFound(str(EVENT_GONE)))
    if not may_edit(actor, event):
        raise Forbidden(_("Seuls les organisateurs de cet événement peuvent le modifier."))
    if event.is_cancelled:
        raise Conflict(_("Cet événement est annulé\u00a0: il ne peut plus être modifié."))
    editor = db.session.get(User, event.updated_by_id or event.author_id or 0)
    check_version(seen_version, event.version, changed=_("Cet événement a été modifié"),
                  who=editor.display_name if editor is not None and not editor.is_deleted else None,
                  when=event.updated_at,
                  current=[(_("Titre"), event.title), (_("Description"), event.description_source)])
    before = {name: getattr(event, name) for name in _SIGNIFICANT}
    stored = list(db.session.execute(select(EventTiming).where(EventTiming.event_id == event.id)
                                     .order_by(EventTiming.starts_at, EventTiming.id)).scalars())
    old_timings = [(timing.starts_at, timing.ends_at) for timing in stored]
    timings = _apply(actor, event, data, now, allow_past=True, site_url=site_url)
    new_timings = [(timing.starts_at, timing.ends_at) for timing in timings]
    if new_timings != old_timings:
        for timing in stored:
            db.session.delete(timing)
        db.session.add_all(EventTiming(event_id=event.id, starts_at=start, ends_at=end) for start, end in new_timings)
    if new_timings != old_timings or any(getattr(event, name) != value for name, value in before.items()):
        event.sequence += 1
    event.version += 1
    event.updated_by_id = actor.id
    db.session.flush()
    fill_free_places(event, site_url="")


def attendees_to_tell(event: Event) -> list[User]:
    """Everyone who answered « je viens » (waiting list included) or « intéressé·e »."""
    return list(db.session.execute(
        select(User).join(Rsvp, Rsvp.user_id == User.id)
        .where(Rsvp.event_id == event.id, Rsvp.answer.in_((Answer.GOING, Answer.INTERESTED)))
        .order_by(Rsvp.id)).scalars())


def cancel_event(actor: User, event: Event, now: datetime, *, reason: str = "", site_url: str = "") -> None:
    """Cancel (status « annulé », kept on the agenda, struck); the people who answered are told."""
    lock(event, gone=NotFound(str(EVENT_GONE)))
    if not may_edit(actor, event):
        raise Forbidden(_("Seuls les organisateurs de cet événement peuvent l'annuler."))
    if event.is_cancelled:
        raise Conflict(_("Cet événement est déjà annulé."))
    reason = require_length(clean_text(reason), _("Le motif"), minimum=0, maximum=1_000, field="reason")
    event.status = EventStatus.CANCELLED
    event.cancelled_at = event.updated_at = now
    event.sequence += 1
    event.version += 1
    event.updated_by_id = actor.id
    title = event.title

    def text() -> str:
        return _("L'événement « %(title)s » est annulé.", title=title)

    notify(attendees_to_tell(event), "event.cancelled", text, f"/agenda/{event.id}", actor=actor, site_url=site_url,
           email_subject=lambda: _("Événement annulé\u00a0: %(title)s", title=title),
           email_text=lambda: text() + (f"\n\n{reason}" if reason else ""))
    db.session.flush()


def room_state(event: Event, loan_state: LoanState | None) -> RoomState | None:
    """For an event in a room booked from another fabrique: whether the room is confirmed (derived
    from the loan's state when the page is shown, never copied)."""
    if event.place_kind is not PlaceKind.BOOKED_ROOM:
        return None
    return ROOM_STATES.get(loan_state, RoomState.REFUSED)


def own_spaces(fabrique_id: int) -> list[Resource]:
    """The rooms of the fabrique's catalogue, for the place field."""
    return list(db.session.execute(
        select(Resource).where(Resource.fabrique_id == fabrique_id, Resource.kind == ResourceKind.SPACE,
                               Resource.hidden_at.is_(None)).order_by(Resource.name)).scalars())


def booked_rooms(fabrique_id: int) -> list[tuple[Loan, Resource, Fabrique]]:
    """The rooms the fabrique asked for or booked from other fabriques (pending, accepted or running)."""
    return [tuple(row) for row in db.session.execute(
        select(Loan, Resource, Fabrique).join(Resource, Resource.id == Loan.resource_id)
        .join(Fabrique, Fabrique.id == Loan.owner_fabrique_id)
        .where(Loan.borrower_fabrique_id == fabrique_id, Resource.kind == ResourceKind.SPACE,
               Loan.state.in_(HOLDING))
        .order_by(Loan.start_date, Loan.starts_at, Loan.id))]


def requestable_rooms(fabrique_id: int) -> list[tuple[Resource, Fabrique]]:
    """Other fabriques' rooms that may be requested now (not paused, not hidden), for the place field."""
    return [tuple(row) for row in db.session.execute(
        select(Resource, Fabrique).join(Fabrique, Fabrique.id == Resource.fabrique_id)
        .where(Resource.fabrique_id != fabrique_id, Resource.kind == ResourceKind.SPACE,
               Resource.hidden_at.is_(None), Resource.paused.is_(False))
        .order_by(Fabrique.name, Resource.name))]
