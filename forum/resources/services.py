"""Use cases of the catalogue: resources and loans. Services flush, never commit.

Guards against concurrent requests (see forum/core/locking.py; lock order: loan, then resource):
- a loan's move locks the loan row before reading its state, so two moves out of one state
  cannot both succeed; the loser learns from the loan's last event what happened and who did
  it. ``loan_events`` is unique on (loan, from_state) as a backstop: the machine is acyclic,
  so each state is left at most once;
- accepting also locks the resource, so two acceptances of overlapping periods cannot both
  take the last unit of stock;
- a new request locks the resource, which orders it after a concurrent pause, hiding or
  deletion, and after an identical pending request (one per fabrique, resource and dates);
- edits of a resource carry the version they started from (a stale save is a 409).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from flask_babel import gettext as _, lazy_gettext, ngettext
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from forum.accounts.models import User
from forum.accounts.services import require_confirmed
from forum.core.dates import format_day, today_in_france
from forum.core.errors import Conflict, Forbidden, Invalid, NotFound
from forum.core.languages import read_language
from forum.core.locking import NOT_CHECKED, check_version, lock
from forum.core.markdown import plain_excerpt, render_markdown
from forum.core.models import utcnow
from forum.core.numbers import format_euros, format_number
from forum.core.text import clean_line, clean_text, require_length
from forum.core.typography import french_spacing
from forum.extensions import db
from forum.fabriques.models import Fabrique, Membership, MembershipRole, MembershipStatus
from forum.fabriques.permissions import active_fabrique_of, can_manage
from forum.notifications.services import notify
from forum.resources.loans import Action, Booking, Side, TransitionRefused, day_ranges, shortages, transition
from forum.resources.room_bookings import check_room_free, is_slot_taken, slot_taken_error
from forum.resources.slots import slot_label
from forum.resources.models import (
    BOOKING_STATES, CATEGORIES, CONDITIONS, LICENCES, Loan, LoanEvent, LoanMessage, LoanState, Photo, Resource,
    ResourceKind, shown_note,
)

DESCRIPTION_MAX = 20_000
MESSAGE_MAX = 5_000
# Without a maximum set by the owner, a request may not span more than this.
DEFAULT_MAX_LOAN_DAYS = 90
# Requests may not start later than this: nobody plans a loan two years ahead.
MAX_DAYS_AHEAD = 366


@dataclass
class ResourceInput:
    """What a manager types to list or edit a resource; checked by the services."""

    name: str
    category: str
    description: str = ""
    quantity: int | None = 1
    condition: str = ""
    deposit_euros: Decimal | None = None
    max_loan_days: int | None = None
    pickup_place: str = ""
    usage_conditions: str = ""
    capacity_meeting: int | None = None
    capacity_workshop: int | None = None
    capacity_standing: int | None = None
    surface_m2: int | None = None
    room_equipment: str = ""
    accessibility: str = ""
    price_conditions: str = ""
    licence: str = ""
    contact: str = ""
    # The code of the language its description is written in (forum.core.languages; "": not said);
    # None keeps the resource's (an edit that does not say).
    language: str | None = None


# -- Resources ----------------------------------------------------------------------------


def get_resource(resource_id: int) -> Resource:
    resource = db.session.get(Resource, resource_id, options=[joinedload(Resource.fabrique)])
    if resource is None:
        raise NotFound(_("Cette ressource n'existe pas ou a été retirée du catalogue."))
    return resource


def _owner_fabrique(resource: Resource) -> Fabrique:
    return db.session.get(Fabrique, resource.fabrique_id)


def _require_manager(actor: User, fabrique: Fabrique) -> None:
    if not can_manage(actor, fabrique):
        raise Forbidden(_("Seuls les responsables de la fabrique peuvent gérer ses ressources."))


def _optional_number(value: int | None, label: str, field: str, maximum: int, minimum: int = 0) -> int | None:
    if value is None:
        return None
    if not minimum <= value <= maximum:
        raise Invalid(_("%(label)s doit être comprise entre %(minimum)s et %(maximum)s.", label=label, minimum=minimum,
                        maximum=format_number(maximum)), field=field)
    return value


def _apply(resource: Resource, data: ResourceInput) -> None:
    kind = resource.kind
    resource.name = require_length(french_spacing(clean_line(data.name)), _("Le nom"), minimum=3, maximum=120,
                                   field="name")
    if data.category not in CATEGORIES[kind]:
        raise Invalid(_("Choisissez une catégorie dans la liste."), field="category")
    resource.category = data.category
    description = require_length(clean_text(data.description), _("La description"), minimum=0,
                                 maximum=DESCRIPTION_MAX, field="description")
    resource.description_source = description
    resource.description_html = render_markdown(description)
    if data.language is not None:
        resource.language = read_language(data.language)
    resource.updated_at = utcnow()
    if kind is ResourceKind.EQUIPMENT:
        if data.quantity is None or not 1 <= data.quantity <= 1000:
            raise Invalid(_("La quantité doit être comprise entre 1 et 1000."), field="quantity")
        if data.condition and data.condition not in CONDITIONS:
            raise Invalid(_("Choisissez un état dans la liste."), field="condition")
        resource.quantity = data.quantity
        resource.condition = data.condition
        resource.deposit_euros = _optional_number(data.deposit_euros, _("La caution"), "deposit_euros", 100_000)
        resource.max_loan_days = _optional_number(data.max_loan_days, _("La durée maximale"), "max_loan_days", 365, 1)
        resource.pickup_place = require_length(clean_line(data.pickup_place), _("Le lieu de retrait"), minimum=0,
                                               maximum=200, field="pickup_place")
        resource.usage_conditions = require_length(clean_text(data.usage_conditions), _("Les conditions d'utilisation"),
                                                   minimum=0, maximum=5_000, field="usage_conditions")
    elif kind is ResourceKind.SPACE:
        resource.quantity = 1  # a room is booked whole
        resource.capacity_meeting = _optional_number(data.capacity_meeting, _("La capacité"), "capacity_meeting", 5_000)
        resource.capacity_workshop = _optional_number(data.capacity_workshop, _("La capacité"), "capacity_workshop",
                                                      5_000)
        resource.capacity_standing = _optional_number(data.capacity_standing, _("La capacité"), "capacity_standing",
                                                      5_000)
        if not any((resource.capacity_meeting, resource.capacity_workshop, resource.capacity_standing)):
            raise Invalid(_("Indiquez au moins une capacité (réunion, atelier ou debout)."), field="capacity_meeting")
        resource.surface_m2 = _optional_number(data.surface_m2, _("La surface"), "surface_m2", 100_000)
        resource.max_loan_days = _optional_number(data.max_loan_days, _("La durée maximale"), "max_loan_days", 365, 1)
        resource.room_equipment = require_length(clean_line(data.room_equipment), _("L'équipement"), minimum=0,
                                                 maximum=500, field="room_equipment")
        resource.accessibility = require_length(clean_line(data.accessibility), _("L'accessibilité"), minimum=0,
                                                maximum=300, field="accessibility")
        resource.price_conditions = require_length(clean_line(data.price_conditions), _("Le tarif"), minimum=0,
                                                   maximum=500, field="price_conditions")
    else:
        if data.licence not in LICENCES:
            raise Invalid(_("Choisissez une licence dans la liste."), field="licence")
        resource.licence = data.licence
        resource.contact = require_length(clean_line(data.contact), _("Le contact"), minimum=0, maximum=200,
                                          field="contact")
        if not description:
            raise Invalid(_("Décrivez le savoir-faire\u00a0: c'est son contenu."), field="description")


RESOURCE_GONE = lazy_gettext("Cette ressource vient d'être retirée du catalogue.")


def create_resource(actor: User, fabrique: Fabrique, kind: ResourceKind, data: ResourceInput) -> Resource:
    """List a new resource of ``fabrique`` (its managers only)."""
    _require_manager(actor, fabrique)
    resource = Resource(fabrique_id=fabrique.id, kind=kind)
    _apply(resource, data)
    db.session.add(resource)
    db.session.flush()
    return resource


def update_resource(actor: User, resource: Resource, data: ResourceInput, *, seen_version=NOT_CHECKED) -> None:
    """Save a manager's edit. ``seen_version``: the version the form was opened at (a fabrique has
    several managers): a save over a newer one is a StaleEdit showing the current description; the
    row is locked first, so two saves at the same moment are caught too."""
    lock(resource, gone=NotFound(str(RESOURCE_GONE)))
    _require_manager(actor, _owner_fabrique(resource))
    editor = db.session.get(User, resource.updated_by_id or 0)
    check_version(seen_version, resource.version, changed=_("Cette ressource a été modifiée"),
                  who=editor.display_name if editor is not None and not editor.is_deleted else None,
                  when=resource.updated_at, current=_texts_of(resource))
    previous_quantity = resource.quantity
    _apply(resource, data)
    if resource.quantity < previous_quantity:
        _check_bookings_fit(resource)
    resource.version += 1
    resource.updated_by_id = actor.id
    db.session.flush()


def _check_bookings_fit(resource: Resource) -> None:
    """Conflict naming the days when the accepted or running loans from today on hold more units
    than the (lowered) stock. The resource's row is locked, as acceptances lock it: no loan is
    accepted meanwhile."""
    today = today_in_france()
    bookings = bookings_of(resource.id, today, date.max)
    if not bookings:
        return
    last = max(booking.end for booking in bookings)
    short = shortages(bookings, today, last, 0, resource.quantity)
    if short:
        periods = ", ".join(_format_period(first, end) for first, end in day_ranges(short))
        raise Conflict(_("Impossible de réduire la quantité à %(quantity)s\u00a0: des prêts acceptés en réservent "
                         "davantage %(periods)s. Réduisez-la une fois ces prêts rendus, ou voyez-les avec les "
                         "fabriques emprunteuses.", quantity=resource.quantity, periods=periods), field="quantity")


def _texts_of(resource: Resource) -> list[tuple[str, str]]:
    """What a manager types, as it is stored: shown beside a stale edit."""
    description = _("Description") if resource.kind.lendable else _("Contenu")
    return [(_("Nom"), resource.name), (description, resource.description_source),
            (_("Lieu de retrait"), resource.pickup_place), (_("Conditions d'utilisation"), resource.usage_conditions),
            (_("Équipement de la salle"), resource.room_equipment), (_("Accessibilité"), resource.accessibility),
            (_("Tarif ou conditions"), resource.price_conditions), (_("Contact"), resource.contact)]


def set_paused(actor: User, resource: Resource, paused: bool) -> None:
    """Pause ("indisponible pour le moment": no new request) or resume a resource."""
    _require_manager(actor, _owner_fabrique(resource))
    resource.paused = paused
    resource.updated_at = utcnow()


OPEN_LOANS_BLOCK_DELETION = lazy_gettext("Des demandes ou des prêts sont en cours pour cette ressource\u00a0: "
                                         "traitez-les avant de la supprimer, ou mettez-la en pause.")


def has_open_loans(resource: Resource) -> bool:
    """Whether a request waits or a loan is accepted or running for ``resource`` (deleting it is refused)."""
    return db.session.execute(
        select(Loan.id).where(Loan.resource_id == resource.id,
                              Loan.state.in_((LoanState.REQUESTED, *BOOKING_STATES))).limit(1)
    ).first() is not None


def delete_resource(actor: User, resource: Resource) -> list[str]:
    """Remove a resource without pending or running loans; return its photo file names to delete.

    The resource's row is locked first: a loan request being made meanwhile either commits
    before (and is seen here: 409) or waits and finds the resource gone."""
    lock(resource, gone=NotFound(str(RESOURCE_GONE)))
    _require_manager(actor, _owner_fabrique(resource))
    if has_open_loans(resource):
        raise Conflict(str(OPEN_LOANS_BLOCK_DELETION))
    files = [name for photo in db.session.execute(select(Photo).where(Photo.resource_id == resource.id)).scalars()
             for name in (photo.filename, photo.thumbnail)]
    db.session.delete(resource)
    db.session.flush()
    return files


# -- Loans --------------------------------------------------------------------------------


def get_loan(loan_id: int) -> Loan:
    loan = db.session.get(Loan, loan_id, options=[
        joinedload(Loan.resource), joinedload(Loan.owner_fabrique), joinedload(Loan.borrower_fabrique),
        joinedload(Loan.requested_by)])
    if loan is None:
        raise NotFound(_("Ce prêt n'existe pas."))
    return loan


def sides_of(actor: User | None, loan: Loan) -> set[Side]:
    """Which side(s) of the loan ``actor`` may act for: the owner's managers, the borrower's members."""
    if actor is None or not actor.is_authenticated:
        return set()
    sides = set()
    if can_manage(actor, db.session.get(Fabrique, loan.owner_fabrique_id)):
        sides.add(Side.OWNER)
    fabrique = active_fabrique_of(actor)
    if fabrique is not None and fabrique.id == loan.borrower_fabrique_id:
        sides.add(Side.BORROWER)
    return sides


def can_read_loan(actor: User | None, loan: Loan) -> bool:
    """Members of either fabrique read a loan (their /prets lists it), admins too; only the sides act."""
    if actor is None or not actor.is_authenticated:
        return False
    fabrique = active_fabrique_of(actor)
    return actor.is_admin or (fabrique is not None
                              and fabrique.id in (loan.owner_fabrique_id, loan.borrower_fabrique_id))


def bookings_of(resource_id: int, start: date, end: date, *, exclude_loan: int | None = None) -> list[Booking]:
    """Accepted or running loans of the resource that overlap [start, end]."""
    statement = select(Loan.start_date, Loan.end_date, Loan.quantity).where(
        Loan.resource_id == resource_id, Loan.state.in_(BOOKING_STATES),
        Loan.start_date <= end, Loan.end_date >= start)
    if exclude_loan is not None:
        statement = statement.where(Loan.id != exclude_loan)
    return [Booking(row.start_date, row.end_date, row.quantity) for row in db.session.execute(statement)]


def _format_period(start: date, end: date) -> str:
    if start == end:
        return _("le %(day)s", day=format_day(start))
    return _("du %(start)s au %(end)s", start=format_day(start), end=format_day(end))


def loan_period(loan: Loan) -> str:
    """"du 3 mai 2026 au 5 mai 2026", or for a room booked by the hour "le mardi 12 mai, 14 h – 17 h"."""
    if loan.starts_at is not None:
        return _("le %(day)s", day=slot_label(loan.starts_at, loan.ends_at))
    return _format_period(loan.start_date, loan.end_date)


def check_period(resource: Resource, start: date | None, end: date | None, quantity: int | None,
                 today: date) -> None:
    """Invalid (French message) unless the period and quantity make a request this resource can take."""
    if start is None or end is None:
        raise Invalid(_("Indiquez les dates de début et de fin."), field="start_date")
    if end < start:
        raise Invalid(_("La date de fin doit être après la date de début."), field="end_date")
    if start < today:
        raise Invalid(_("La date de début est déjà passée."), field="start_date")
    if start > today + timedelta(days=MAX_DAYS_AHEAD):
        raise Invalid(_("On ne peut pas réserver plus d'un an à l'avance."), field="start_date")
    maximum = resource.max_loan_days or DEFAULT_MAX_LOAN_DAYS
    if (end - start).days + 1 > maximum:
        raise Invalid(ngettext("La durée dépasse le maximum de %(num)d jour pour cette ressource.",
                               "La durée dépasse le maximum de %(num)d jours pour cette ressource.", maximum),
                      field="end_date")
    if quantity is None or not 1 <= quantity <= resource.quantity:
        raise Invalid(_("La quantité doit être comprise entre 1 et %(maximum)s.", maximum=resource.quantity),
                      field="quantity")


def requesting_fabrique(actor: User, resource: Resource) -> Fabrique:
    """The fabrique ``actor`` asks for ``resource`` on behalf of, once the resource is locked and
    may be asked for (else Forbidden, Invalid or Conflict with a French message)."""
    require_confirmed(actor)
    lock(resource, gone=NotFound(str(RESOURCE_GONE)))
    fabrique = active_fabrique_of(actor)
    if fabrique is None:
        raise Forbidden(_("Rejoignez une fabrique (ou attendez que votre adhésion soit acceptée) pour emprunter."))
    if fabrique.id == resource.fabrique_id:
        raise Forbidden(_("Votre fabrique ne peut pas emprunter ses propres ressources."))
    if not resource.kind.lendable:
        raise Invalid(_("Un savoir-faire se partage librement\u00a0: contactez directement la fabrique."))
    if resource.paused:
        raise Conflict(_("Cette ressource est indisponible pour le moment."))
    if resource.hidden_at is not None:
        raise Conflict(_("Cette ressource est masquée par la modération\u00a0: on ne peut pas la demander."))
    return fabrique


def open_loan(actor: User, fabrique: Fabrique, resource: Resource, message: str, site_url: str, **period) -> Loan:
    """Write a requested loan (``period``: its dates, and a room's instants), its first history
    line, and tell the owner's managers."""
    loan = Loan(resource_id=resource.id, owner_fabrique_id=resource.fabrique_id, borrower_fabrique_id=fabrique.id,
                requested_by_id=actor.id, message=message, **period)
    db.session.add(loan)
    db.session.flush()
    db.session.add(LoanEvent(loan_id=loan.id, actor_id=actor.id, from_state=None, to_state=LoanState.REQUESTED))

    def request_text() -> str:
        text = _("%(actor)s (%(fabrique)s) demande « %(resource)s » %(period)s", actor=actor.display_name,
                 fabrique=fabrique.name, resource=resource.name, period=loan_period(loan))
        if loan.quantity > 1:
            text += " " + _("(quantité\u00a0: %(quantity)s)", quantity=loan.quantity)
        return text + ".\n\n" + (message or "")

    notify(owner_recipients(loan), "loan.requested",
           lambda: _("%(fabrique)s demande « %(resource)s » %(period)s.", fabrique=fabrique.name,
                     resource=resource.name, period=loan_period(loan)),
           f"/prets/{loan.id}", actor=actor, site_url=site_url,
           email_subject=(lambda: _("Demande de réservation\u00a0: %(resource)s", resource=resource.name))
           if loan.starts_at is not None else
           (lambda: _("Demande de prêt\u00a0: %(resource)s", resource=resource.name)),
           email_text=request_text)
    return loan


def request_loan(actor: User, resource: Resource, start: date | None, end: date | None, quantity: int | None,
                 message: str, today: date, site_url: str = "") -> Loan:
    """A member of another fabrique, address confirmed, asks to borrow ``resource``; its managers are notified.

    The resource's row is locked first, so the checks below see a pause, a hiding or a deletion
    committed meanwhile, and two identical requests (same fabrique, resource and dates) sent at
    the same moment queue: the second finds the first and is a 409. A room is booked by the
    hour instead (forum/resources/rooms.py)."""
    fabrique = requesting_fabrique(actor, resource)
    if resource.kind is ResourceKind.SPACE:
        raise Invalid(_("Un espace se réserve par créneau horaire\u00a0: choisissez-le sur la page de ses créneaux."))
    check_period(resource, start, end, quantity, today)
    message = require_length(clean_text(message), _("Le message"), minimum=0, maximum=MESSAGE_MAX, field="message")
    pending = db.session.execute(select(Loan.id).where(
        Loan.resource_id == resource.id, Loan.borrower_fabrique_id == fabrique.id, Loan.start_date == start,
        Loan.end_date == end, Loan.state == LoanState.REQUESTED).limit(1)).first()
    if pending is not None:
        raise Conflict(_("Votre fabrique a déjà demandé « %(resource)s » %(period)s\u00a0: cette demande attend la "
                         "réponse de la fabrique prêteuse (voir vos prêts).", resource=resource.name,
                         period=_format_period(start, end)))
    return open_loan(actor, fabrique, resource, message, site_url, quantity=quantity, start_date=start, end_date=end)


def _managers_of(fabrique_id: int) -> list[User]:
    return list(db.session.execute(
        select(User).join(Membership, Membership.user_id == User.id)
        .where(Membership.fabrique_id == fabrique_id, Membership.status == MembershipStatus.ACTIVE,
               Membership.role == MembershipRole.MANAGER)
    ).scalars())


def owner_recipients(loan: Loan) -> list[User]:
    return _managers_of(loan.owner_fabrique_id)


def borrower_recipients(loan: Loan) -> list[User]:
    """The requester (while still a member of the borrowing fabrique) and that fabrique's managers."""
    recipients = _managers_of(loan.borrower_fabrique_id)
    if loan.requested_by_id is not None:
        still_member = db.session.execute(
            select(User).join(Membership, Membership.user_id == User.id)
            .where(User.id == loan.requested_by_id, Membership.fabrique_id == loan.borrower_fabrique_id,
                   Membership.status == MembershipStatus.ACTIVE)
        ).scalar_one_or_none()
        if still_member is not None:
            recipients.insert(0, still_member)
    return recipients


_STATE_NEWS = {
    LoanState.ACCEPTED: lazy_gettext("{owner} a accepté votre demande pour « {resource} » {period}."),
    LoanState.DECLINED: lazy_gettext("{owner} a refusé votre demande pour « {resource} » {period}."),
    LoanState.CANCELLED: lazy_gettext("{borrower} a annulé sa demande pour « {resource} » {period}."),
    # "Le prêt de" / "Le retour de": the participle agrees with them, whatever the item's gender.
    LoanState.LENT: lazy_gettext("Le prêt de « {resource} » est noté comme retiré par {borrower}."),
    LoanState.RETURNED: lazy_gettext("Le retour de « {resource} » est enregistré. Merci\u00a0!"),
}
# The e-mail subject of each move: the state's label alone reads badly ("Prêt prêté").
_STATE_SUBJECTS = {
    LoanState.ACCEPTED: lazy_gettext("Prêt accepté\u00a0: {resource}"),
    LoanState.DECLINED: lazy_gettext("Prêt refusé\u00a0: {resource}"),
    LoanState.CANCELLED: lazy_gettext("Demande annulée\u00a0: {resource}"),
    LoanState.LENT: lazy_gettext("Matériel retiré\u00a0: {resource}"),
    LoanState.RETURNED: lazy_gettext("Retour enregistré\u00a0: {resource}"),
}


# What the loser of a race reads: the move that was just made, and by whom.
_JUST_MOVED = {
    LoanState.ACCEPTED: lazy_gettext("La demande vient d'être acceptée par {who}."),
    LoanState.DECLINED: lazy_gettext("La demande vient d'être refusée par {who}."),
    LoanState.CANCELLED: lazy_gettext("La demande vient d'être annulée par {who}."),
    LoanState.LENT: lazy_gettext("Le matériel vient d'être noté comme retiré par {who}."),
    LoanState.RETURNED: lazy_gettext("Le matériel vient d'être noté comme rendu par {who}."),
}
# ... and what became of their own click.
_NOT_RECORDED = {
    Action.ACCEPT: lazy_gettext("Votre acceptation n'a pas été enregistrée."),
    Action.DECLINE: lazy_gettext("Votre refus n'a pas été enregistré."),
    Action.CANCEL: lazy_gettext("Votre annulation n'a pas été enregistrée."),
    Action.LEND: lazy_gettext("Votre « prêté » n'a pas été enregistré."),
    Action.RETURN: lazy_gettext("Votre « rendu » n'a pas été enregistré."),
}
LOAN_GONE = lazy_gettext("Ce prêt n'existe plus.")


def just_moved(loan: Loan) -> str | None:
    """« La demande vient d'être annulée par Camille Martin (L'Atelier) » from the loan's last
    move; None while it has not moved since it was requested."""
    event = db.session.execute(
        select(LoanEvent).where(LoanEvent.loan_id == loan.id, LoanEvent.from_state.is_not(None))
        .options(joinedload(LoanEvent.actor)).order_by(LoanEvent.id.desc()).limit(1)).scalar_one_or_none()
    if event is None:
        return None
    side_fabrique = loan.borrower_fabrique_id if event.to_state is LoanState.CANCELLED else loan.owner_fabrique_id
    fabrique = db.session.get(Fabrique, side_fabrique).name
    who = f"{event.actor.display_name} ({fabrique})" if event.actor is not None and not event.actor.is_deleted \
        else fabrique
    return str(_JUST_MOVED[event.to_state]).format(who=who)


class EarlyLending(Conflict):
    """Marking a loan lent before its first day: the person confirms it first (the 409 shows how)."""


# Domains above the catalogue told of each move of a loan, in its transaction (the agenda tells an
# event's organiser that its room was refused). Registered once by the app factory.
LoanListener = Callable[[Loan, LoanState, User, str], None]
_loan_listeners: list[LoanListener] = []


def on_loan_moved(listener: LoanListener) -> None:
    """Call ``listener(loan, new_state, actor, site_url)`` after each move made by ``act_on_loan``."""
    if listener not in _loan_listeners:
        _loan_listeners.append(listener)


def act_on_loan(actor: User, loan: Loan, action: Action, note: str = "", *, seen_state: LoanState | None = None,
                site_url: str = "", early_confirmed: bool = False) -> None:
    """Move the loan along the state machine; 409 for a senseless move, 403 for the wrong side.

    ``seen_state``: the state the person's page showed, when known. The loan's row is locked
    before its state is read: of two moves made at once, the second waits, then reads the
    first's result. A person whose page showed another state than the loan's decided on
    stale information: nothing happens, and the 409 says what happened and who did it
    (« La demande vient d'être acceptée par … »), so they decide again. Exactly one of two
    concurrent moves wins, whatever they are."""
    lock(loan, gone=NotFound(str(LOAN_GONE)))
    if seen_state is not None and seen_state is not loan.state:
        moved = just_moved(loan) or _("Le prêt vient de changer d'état.")
        raise Conflict(f"{moved} {_NOT_RECORDED[action]}")
    try:
        move = transition(loan.state, action)
    except TransitionRefused as refusal:
        raise Conflict(refusal.message) from None
    if move.side not in sides_of(actor, loan):
        raise Forbidden(_("Seuls les responsables de la fabrique prêteuse peuvent faire cela.")
                        if move.side is Side.OWNER else
                        _("Seuls les membres de la fabrique emprunteuse peuvent annuler la demande."))
    note = require_length(clean_text(note), _("La note"), minimum=0, maximum=MESSAGE_MAX, field="note")
    if action is Action.LEND and today_in_france() < loan.start_date and not early_confirmed:
        raise EarlyLending(_("Le prêt commence le %(day)s\u00a0: le matériel est-il vraiment retiré dès "
                             "aujourd'hui\u00a0?", day=format_day(loan.start_date)))
    if action is Action.ACCEPT:
        _check_stock_for(loan)
    record_move(actor, loan, move, note, site_url)


def record_move(actor: User | None, loan: Loan, move, note: str, site_url: str) -> None:
    """Write the move (the loan is locked and the move allowed): the history's line, the new state,
    and the news to the other side (to both when ``actor`` is None: the room's rules confirmed it)."""
    previous = loan.state
    try:
        # The history's backstop (unique loan and from_state): a second move out of this state,
        # had it slipped past the lock, fails here instead of writing a second line. A room's
        # confirmation meets PostgreSQL's exclusion constraint here too.
        with db.session.begin_nested():
            db.session.add(LoanEvent(loan_id=loan.id, actor_id=actor.id if actor else None, from_state=previous,
                                     to_state=move.to_state, note=note))
            loan.state = move.to_state
            loan.updated_at = utcnow()
            db.session.flush()
    except IntegrityError as error:
        if is_slot_taken(error):
            raise slot_taken_error(loan) from None
        raise Conflict(just_moved(loan) or _("Le prêt vient de changer d'état\u00a0: rechargez la page.")) from None
    if move.to_state is LoanState.RETURNED:
        loan.return_note = note
    resource = db.session.get(Resource, loan.resource_id)
    owner = db.session.get(Fabrique, loan.owner_fabrique_id).name
    borrower = db.session.get(Fabrique, loan.borrower_fabrique_id).name

    # Written in each recipient's language (notify evaluates them once per language).
    def text() -> str:
        return str(_STATE_NEWS[move.to_state]).format(owner=owner, resource=resource.name, borrower=borrower,
                                                      period=loan_period(loan))

    def email_text() -> str:
        return (text() + ("\n\n" + _("Note\u00a0: %(note)s", note=shown_note(note)) if note else "")
                + (_acceptance_details(loan, resource) if move.to_state is LoanState.ACCEPTED else ""))

    recipients = owner_recipients(loan) if move.side is Side.BORROWER else borrower_recipients(loan)
    if actor is None:  # confirmed by the room's rules: its managers learn of the booking too
        notify(owner_recipients(loan), "loan.accepted",
               lambda: _("« %(resource)s » est réservée %(period)s pour %(borrower)s, selon les règles de la salle.",
                         resource=resource.name, period=loan_period(loan), borrower=borrower),
               f"/prets/{loan.id}", site_url=site_url,
               email_subject=lambda: _("Salle réservée\u00a0: %(resource)s", resource=resource.name),
               email_text=lambda: _("« %(resource)s » est réservée %(period)s pour %(borrower)s, confirmée aussitôt "
                                    "selon les règles de la salle.", resource=resource.name, period=loan_period(loan),
                                    borrower=borrower) + f"\n\n{loan.message}")
    notify(recipients, f"loan.{move.to_state.value}", text, f"/prets/{loan.id}", actor=actor, site_url=site_url,
           email_subject=lambda: str(_STATE_SUBJECTS[move.to_state]).format(resource=resource.name),
           email_text=email_text)
    for listener in _loan_listeners:
        listener(loan, move.to_state, actor, site_url)
    db.session.flush()


def _acceptance_details(loan: Loan, resource: Resource) -> str:
    """What the borrower needs once a loan is accepted: when, where, the deposit and conditions, whom to ask."""
    when = _("Créneau\u00a0: %(period)s") if loan.starts_at else _("Dates\u00a0: %(period)s")
    lines = ["", "", _("En pratique\u00a0:"), "- " + when % {"period": loan_period(loan)}]
    if loan.quantity > 1:
        lines.append("- " + _("Quantité\u00a0: %(quantity)s", quantity=loan.quantity))
    owner = db.session.get(Fabrique, loan.owner_fabrique_id)
    place = resource.pickup_place or ", ".join(part for part in (owner.address, owner.city) if part)
    place = place or _("à convenir dans la conversation du prêt")
    lines.append("- " + (_("Lieu\u00a0: %(place)s", place=place) if resource.kind is ResourceKind.SPACE
                         else _("Retrait\u00a0: %(place)s", place=place)))
    if resource.kind is ResourceKind.EQUIPMENT:
        deposit = format_euros(resource.deposit_euros) if resource.deposit_euros else _("aucune")
        lines.append("- " + _("Caution\u00a0: %(deposit)s", deposit=deposit))
    if resource.usage_conditions:
        lines.append("- " + _("Conditions\u00a0: %(conditions)s", conditions=resource.usage_conditions))
    if resource.price_conditions:
        lines.append("- " + _("Tarif\u00a0: %(price)s", price=resource.price_conditions))
    managers = ", ".join(user.display_name for user in owner_recipients(loan))
    lines.append("- " + _("Contact\u00a0: %(managers)s (%(fabrique)s), par la conversation du prêt\u00a0:",
                          managers=managers or owner.name, fabrique=owner.name))
    return "\n".join(lines)


def _check_stock_for(loan: Loan) -> None:
    """Conflict naming the days when accepting ``loan`` would lend more than the stock (for a room
    booked by the hour: the slot already confirmed for someone else)."""
    # Serialise acceptances of the same resource: the row lock is held until commit.
    stock = db.session.execute(
        select(Resource.quantity).where(Resource.id == loan.resource_id).with_for_update()
    ).scalar_one()
    if loan.starts_at is not None:
        check_room_free(loan)
        return
    short = shortages(bookings_of(loan.resource_id, loan.start_date, loan.end_date, exclude_loan=loan.id),
                      loan.start_date, loan.end_date, loan.quantity, stock)
    if short:
        periods = ", ".join(_format_period(first, last) for first, last in day_ranges(short))
        raise Conflict(_("Impossible d'accepter\u00a0: la ressource est déjà réservée %(periods)s (stock\u00a0: "
                         "%(stock)s, demandé\u00a0: %(quantity)s).", periods=periods, stock=stock,
                         quantity=loan.quantity))


def post_loan_message(actor: User, loan: Loan, body: str, *, site_url: str = "") -> LoanMessage:
    """A message in the loan's conversation, from either side (address confirmed); the other side is notified.

    The loan's row is locked: a loan deleted meanwhile (with its resource) is a 404, not a
    foreign-key error."""
    require_confirmed(actor)
    lock(loan, gone=NotFound(str(LOAN_GONE)))
    sides = sides_of(actor, loan)
    if not sides:
        raise Forbidden(_("Seules les deux fabriques concernées peuvent écrire ici."))
    body = require_length(clean_text(body), "Le message", maximum=MESSAGE_MAX, field="body")
    message = LoanMessage(loan_id=loan.id, author_id=actor.id, body_source=body, body_html=render_markdown(body))
    db.session.add(message)
    resource = db.session.get(Resource, loan.resource_id)
    recipients = owner_recipients(loan) + borrower_recipients(loan)
    excerpt = plain_excerpt(message.body_html)
    notify(recipients, "loan.message",
           lambda: _("%(name)s a écrit au sujet de « %(resource)s ».", name=actor.display_name, resource=resource.name),
           f"/prets/{loan.id}#messages", actor=actor, site_url=site_url,
           email_subject=lambda: _("Nouveau message\u00a0: %(resource)s", resource=resource.name),
           email_text=lambda: _("%(name)s écrit\u00a0:", name=actor.display_name) + f"\n\n{excerpt}")
    db.session.flush()
    return message
