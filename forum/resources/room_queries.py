"""Read side of rooms booked by the hour: a room's week, and "Trouver une salle"."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone

from flask_babel import gettext as _
from sqlalchemy import or_, select
from sqlalchemy.orm import joinedload

from forum.core.dates import PARIS
from forum.core.errors import Invalid
from forum.extensions import db
from forum.fabriques.geography import DEPARTMENTS, REGIONS
from forum.fabriques.models import Fabrique
from forum.resources.models import BOOKING_STATES, Loan, Resource, ResourceKind, RoomRules
from forum.resources.room_bookings import room_bookings_between
from forum.resources.rooms import rules_of
from forum.resources.slots import Rules, Slot, SlotError, day_label, hhmm, hour_text, parse_time

SEARCH_LIMIT = 60
FIRST_WEEK, LAST_WEEK = date(2000, 1, 3), date(9998, 12, 20)


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def parse_week(raw: str, today: date) -> date:
    """The Monday of the week of ``raw`` (AAAA-MM-JJ), this week's without it; Invalid otherwise."""
    if not raw:
        return monday_of(today)
    try:
        value = date.fromisoformat(raw)
    except ValueError:
        raise Invalid(_("La semaine doit être donnée par une date (AAAA-MM-JJ).")) from None
    if not FIRST_WEEK <= value <= LAST_WEEK:
        raise Invalid(_("Cette semaine est hors des dates possibles."))
    return monday_of(value)


def _utc(day: date) -> datetime:
    """Midnight in Paris at the start of ``day``, in UTC."""
    return datetime.combine(day, time(0), tzinfo=PARIS).astimezone(timezone.utc)


@dataclass
class Piece:
    """A part of a day in the week view: free, taken, or pending (wall-clock, Paris)."""

    start: time
    end: time
    status: str  # "libre", "occupe", "attente", "passe"
    who: str = ""  # the borrowing fabrique: shown only to the two fabriques involved
    loan_id: int | None = None

    @property
    def label(self) -> str:
        return f"{hour_text(self.start)} – {hour_text(self.end)}"

    @property
    def bounds(self) -> tuple[str, str]:
        """ "14:00", "17:00": what the booking form is prefilled with from this free part."""
        return hhmm(self.start), hhmm(self.end)


@dataclass
class Day:
    day: date
    open_hours: list[tuple[time, time]]
    pieces: list[Piece] = field(default_factory=list)

    @property
    def label(self) -> str:
        return day_label(self.day)


def _local_time(instant: datetime, day: date, end: bool) -> time:
    """The wall-clock time of ``instant`` clipped to ``day`` (a booking ends on its day)."""
    local = instant.astimezone(PARIS)
    if local.date() < day:
        return time(0)
    if local.date() > day:
        return time(23, 59)
    return local.time().replace(second=0, microsecond=0)


def _free_parts(opening: list[tuple[time, time]], taken: list[tuple[time, time]]) -> list[tuple[time, time]]:
    free = []
    for start, end in opening:
        cursor = start
        for taken_start, taken_end in sorted(taken):
            if taken_end <= cursor or taken_start >= end:
                continue
            if taken_start > cursor:
                free.append((cursor, taken_start))
            cursor = max(cursor, taken_end)
        if cursor < end:
            free.append((cursor, end))
    return free


def room_week(resource: Resource, monday: date, viewer_fabrique_id: int | None, today: date) -> list[Day]:
    """The seven days of the room's week from ``monday``: open hours, free parts, bookings.

    Confirmed bookings are "occupé" for everyone; who booked (and pending requests) only for
    the members of the two fabriques involved. Three queries."""
    rules = rules_of(db.session.get(RoomRules, resource.id))
    bookings = room_bookings_between(resource.id, _utc(monday), _utc(monday + timedelta(days=7)))
    insider = viewer_fabrique_id == resource.fabrique_id
    involved = {booking.borrower_fabrique_id for booking in bookings
                if insider or booking.borrower_fabrique_id == viewer_fabrique_id}
    names = dict(db.session.execute(select(Fabrique.id, Fabrique.name).where(Fabrique.id.in_(involved)))
                 .all()) if involved else {}
    days = []
    for offset in range(7):
        day = monday + timedelta(days=offset)
        entry = Day(day, rules.intervals(day))
        taken = []
        for booking in bookings:
            if booking.starts_at.astimezone(PARIS).date() != day:
                continue
            sees = insider or booking.borrower_fabrique_id == viewer_fabrique_id
            if not booking.confirmed and not sees:
                continue
            start, end = _local_time(booking.starts_at, day, False), _local_time(booking.ends_at, day, True)
            if booking.confirmed:
                taken.append((start, end))
            entry.pieces.append(Piece(start, end, "occupe" if booking.confirmed else "attente",
                                      names.get(booking.borrower_fabrique_id, "") if sees else "",
                                      booking.loan_id if sees else None))
        free = "libre" if day >= today else "passe"  # a past day's hours are no longer free to book
        entry.pieces += [Piece(start, end, free) for start, end in _free_parts(entry.open_hours, taken)]
        entry.pieces.sort(key=lambda piece: (piece.start, piece.status != "libre"))
        days.append(entry)
    return days


@dataclass(frozen=True)
class RoomSearch:
    """The filters of "Trouver une salle" (query string); Invalid (400) for values that make no sense."""

    capacity: int | None = None
    region: str = ""
    department: str = ""
    day: date | None = None
    start: time | None = None
    end: time | None = None
    accessibility: str = ""
    equipment: str = ""
    step_free: bool = False

    @classmethod
    def from_args(cls, args) -> RoomSearch:
        capacity_text = args.get("capacite", "").strip()
        if capacity_text and (not re.fullmatch(r"[0-9]{1,6}", capacity_text) or not 1 <= int(capacity_text) <= 5_000):
            raise Invalid(_("La capacité doit être un nombre de personnes entre 1 et 5\u202f000."))
        region, department = args.get("region", ""), args.get("departement", "")
        if region and region not in REGIONS:
            raise Invalid(_("Cette région n'existe pas."))
        if department and department not in DEPARTMENTS:
            raise Invalid(_("Ce département n'existe pas."))
        day_text, start_text, end_text = args.get("date", ""), args.get("debut", ""), args.get("fin", "")
        day = start = end = None
        try:
            if day_text:
                day = date.fromisoformat(day_text)
            if start_text:
                start = parse_time(start_text, _("L'heure de début"), "debut")
            if end_text:
                end = parse_time(end_text, _("L'heure de fin"), "fin")
        except ValueError as error:
            raise Invalid(error.message if isinstance(error, SlotError) else
                          _("La date doit être au format AAAA-MM-JJ.")) from None
        if (start or end) and not day:
            raise Invalid(_("Indiquez aussi la date du créneau."))
        texts = {name: " ".join(args.get(key, "").split())[:100] for name, key in
                 (("accessibility", "accessibilite"), ("equipment", "equipement"))}
        search = cls(int(capacity_text) if capacity_text else None, region, department, day, start, end,
                     step_free=args.get("plain_pied") == "1", **texts)
        if search.day is not None:
            search.slot()  # refuses a day out of range, an end before the start, a time the clocks skip
        return search

    def slot(self) -> Slot | None:
        """The slot searched for (the whole day when no time is given), or None without a date."""
        if self.day is None:
            return None
        try:
            return Slot.of(self.day, self.start or time(0), self.end or time(23, 59))
        except SlotError as error:
            raise Invalid(error.message) from None


STEP_FREE_WORDS = ("plain-pied", "plain pied", "pmr", "fauteuil", "ascenseur")


def folded(text: str) -> str:
    """Case and accents aside: « Vidéoprojecteur » → "videoprojecteur" (SQLite's lower() is ASCII only)."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").casefold()


def _fits_texts(room: Resource, search: RoomSearch) -> bool:
    accessibility, equipment = folded(room.accessibility or ""), folded(room.room_equipment or "")
    return ((not search.accessibility or folded(search.accessibility) in accessibility)
            and (not search.equipment or folded(search.equipment) in equipment)
            and (not search.step_free or any(word in accessibility for word in STEP_FREE_WORDS)))


def find_rooms(search: RoomSearch) -> list[tuple[Resource, Rules]]:
    """Rooms that fit the search, by name, ``SEARCH_LIMIT`` at most; with a date, only those open then
    and, with times, free (three queries: the rooms with their fabriques, their rules, the confirmed
    bookings then). The texts are matched here, accents aside: the network's rooms are hundreds."""
    statement = (select(Resource).join(Fabrique, Fabrique.id == Resource.fabrique_id)
                 .where(Resource.kind == ResourceKind.SPACE, Resource.hidden_at.is_(None), Resource.paused.is_(False))
                 .options(joinedload(Resource.fabrique)).order_by(Resource.name, Resource.id))
    if search.capacity:
        statement = statement.where(or_(Resource.capacity_meeting >= search.capacity,
                                        Resource.capacity_workshop >= search.capacity,
                                        Resource.capacity_standing >= search.capacity))
    if search.region:
        statement = statement.where(Fabrique.region_code == search.region)
    if search.department:
        statement = statement.where(Fabrique.department_code == search.department)
    rooms = [room for room in db.session.execute(statement).scalars().unique() if _fits_texts(room, search)]
    if not rooms:
        return []
    ids = [room.id for room in rooms]
    rules = {row.resource_id: rules_of(row) for row in
             db.session.execute(select(RoomRules).where(RoomRules.resource_id.in_(ids))).scalars()}
    slot = search.slot()
    if slot is None or not (search.start or search.end):
        if slot is not None:  # a day without times: the rooms open that day
            return [(room, rules.get(room.id) or rules_of(None)) for room in rooms
                    if (rules.get(room.id) or rules_of(None)).intervals(slot.day)][:SEARCH_LIMIT]
        return [(room, rules.get(room.id) or rules_of(None)) for room in rooms][:SEARCH_LIMIT]
    busy = set(db.session.execute(select(Loan.resource_id).where(
        Loan.resource_id.in_(ids), Loan.starts_at.is_not(None), Loan.state.in_(BOOKING_STATES),
        Loan.starts_at < slot.ends_at, Loan.blocked_until > slot.starts_at)).scalars())
    found = []
    for room in rooms:
        room_rules = rules.get(room.id) or rules_of(None)
        if room_rules.is_open(slot) and room.id not in busy:
            found.append((room, room_rules))
    return found[:SEARCH_LIMIT]

