"""Room booking slots: Paris wall-clock times to UTC instants, and a room's rules. Pure, no database.

Times are typed and shown in Europe/Paris; instants are stored in UTC. Each end of a slot is
converted on its own, so a booking keeps the wall-clock times (and the wall-clock length) the
person chose, and overlaps are compared on UTC instants, so two bookings never overlap, even on
the nights the clocks change:
- last Sunday of March, 02:00 → 03:00: a time from 02:00 to 02:59 does not exist; it is refused;
- last Sunday of October, 03:00 → 02:00: a time from 02:00 to 02:59 happens twice; it is read as
  its first occurrence (summer time, UTC+2). The same choice for both ends keeps them in order, and
  a booking never starts later than the person may have meant.
The lengths of the rules are wall-clock minutes (what the person chose and sees).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone

from babel.dates import format_date as babel_format_date, get_day_names
from flask_babel import gettext as _

from forum.core.dates import MONTHS, PARIS
from forum.core.i18n import current_language

TIME_PATTERN = re.compile(r"^\s*(\d{1,2})\s*[:hH]\s*(\d{2})?\s*$")
INTERVAL_SEPARATOR = re.compile(r"\s*[-–àa]\s*")
LAST_YEAR = 9998  # a slot's day, plus the buffer and a notice, still fits in PostgreSQL's years


def weekday_name(weekday: int) -> str:
    """ "mardi", "Tuesday" (0 is Monday), in the language being written."""
    return get_day_names("wide", locale=current_language())[weekday]


class SlotError(ValueError):
    """A message (in the language being written) saying why a slot, a time or a rule is refused;
    ``field``: the form's field."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


def parse_time(value: str, label: str, field: str) -> time:
    """ "14:00", "14h", "14 h 30", "9:05" → a time; SlotError otherwise ("24:00" is the day's end)."""
    match = TIME_PATTERN.match(value or "")
    if match is None:
        raise SlotError(_("%(label)s doit être une heure comme « 14:00 » ou « 14 h 30 ».", label=label), field)
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour == 24 and minute == 0:
        return time.max.replace(microsecond=0, second=0)  # 23:59, the last minute of the day
    if hour > 23 or minute > 59:
        raise SlotError(_("%(label)s doit être une heure qui existe (de 00:00 à 23:59).", label=label), field)
    return time(hour, minute)


def hhmm(value: time) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


def hour_text(value: time) -> str:
    """ "14 h", "14 h 30" in French (no-break spaces); "14:00", "9:30" in English (24-hour clock)."""
    if current_language() != "fr":
        return f"{value.hour}:{value.minute:02d}"
    return f"{value.hour}\u00a0h" + (f"\u00a0{value.minute:02d}" if value.minute else "")


def paris_instant(day: date, wall: time, field: str) -> datetime:
    """The UTC instant of ``wall`` on ``day`` in Paris; SlotError for a time the clocks skip.

    An ambiguous time (the October change) is its first occurrence: fold=0, summer time."""
    local = datetime.combine(day, wall, tzinfo=PARIS)
    instant = local.astimezone(timezone.utc)
    if instant.astimezone(PARIS).replace(tzinfo=None) != local.replace(tzinfo=None):
        raise SlotError(_("%(hour)s n'existe pas le %(day)s : les horloges passent de 2 h à 3 h "
                          "cette nuit-là (heure d'été). Choisissez une autre heure.", hour=hour_text(wall),
                          day=day_label(day)), field)
    return instant


def day_label(day: date) -> str:
    """ "mardi 12 mai", "Tuesday 12 May" (the year, when it is not the current one, is the caller's
    business)."""
    if current_language() != "fr":
        return babel_format_date(day, "EEEE d MMMM", locale="en")
    return f"{weekday_name(day.weekday())} {'1er' if day.day == 1 else day.day} {MONTHS[day.month - 1]}"


@dataclass(frozen=True)
class Slot:
    """A booking on one Paris day, from ``start`` to ``end`` (wall-clock), and its UTC instants."""

    day: date
    start: time
    end: time
    starts_at: datetime
    ends_at: datetime

    @classmethod
    def of(cls, day: date | None, start: time | None, end: time | None) -> Slot:
        if day is None:
            raise SlotError(_("Indiquez une date valide."), "day")
        if not date(2000, 1, 1) <= day <= date(LAST_YEAR, 12, 31):
            raise SlotError(_("Cette date est hors des dates possibles."), "day")
        if start is None or end is None:
            raise SlotError(_("Indiquez l'heure de début et l'heure de fin."), "start")
        if end <= start:
            raise SlotError(_("L'heure de fin doit être après l'heure de début."), "end")
        return cls(day, start, end, paris_instant(day, start, "start"), paris_instant(day, end, "end"))

    @property
    def wall_minutes(self) -> int:
        return (self.end.hour * 60 + self.end.minute) - (self.start.hour * 60 + self.start.minute)

    @property
    def label(self) -> str:
        """ "mardi 12 mai, 14 h – 17 h", "Tuesday 12 May, 14:00 – 17:00"."""
        return f"{day_label(self.day)}, {hour_text(self.start)} – {hour_text(self.end)}"


def slot_label(starts_at: datetime, ends_at: datetime) -> str:
    """The label of a stored booking, in Paris time (in the language being written)."""
    start, end = starts_at.astimezone(PARIS), ends_at.astimezone(PARIS)
    return f"{day_label(start.date())}, {hour_text(start.time())} – {hour_text(end.time())}"


def _minutes(value: time) -> int:
    return value.hour * 60 + value.minute


@dataclass(frozen=True)
class Rules:
    """A room's booking rules, as RoomRules stores them (see models.RoomRules)."""

    opening_hours: dict[str, list[list[str]]] = field(default_factory=dict)
    closed_dates: tuple[str, ...] = ()
    min_notice_hours: int = 1
    max_notice_days: int = 90
    min_minutes: int = 30
    max_minutes: int = 480
    buffer_minutes: int = 0
    needs_approval: bool = True

    def intervals(self, day: date) -> list[tuple[time, time]]:
        """The day's opening intervals (none on a closed date)."""
        if day.isoformat() in self.closed_dates:
            return []
        return [(parse_time(start, "", ""), parse_time(end, "", ""))
                for start, end in self.opening_hours.get(str(day.weekday()), [])]

    def refusal(self, slot: Slot, now: datetime) -> SlotError | None:
        """Why ``slot`` cannot be booked under these rules at ``now``, or None."""
        if slot.day.isoformat() in self.closed_dates:
            return SlotError(_("La salle est fermée le %(day)s.", day=day_label(slot.day)), "day")
        opening = self.intervals(slot.day)
        if not opening:
            return SlotError(_("La salle est fermée le %(weekday)s.", weekday=weekday_name(slot.day.weekday())), "day")
        if not any(start <= slot.start and slot.end <= end for start, end in opening):
            hours = ", ".join(f"{hour_text(start)} – {hour_text(end)}" for start, end in opening)
            return SlotError(_("Ce créneau sort des heures d'ouverture du %(weekday)s (%(hours)s).",
                               weekday=weekday_name(slot.day.weekday()), hours=hours), "start")
        if slot.wall_minutes < self.min_minutes:
            return SlotError(_("Une réservation dure au moins %(duration)s.",
                               duration=duration_text(self.min_minutes)), "end")
        if slot.wall_minutes > self.max_minutes:
            return SlotError(_("Une réservation dure au plus %(duration)s.",
                               duration=duration_text(self.max_minutes)), "end")
        if slot.starts_at < now:
            return SlotError(_("Ce créneau est déjà passé."), "day")
        if slot.starts_at < now + timedelta(hours=self.min_notice_hours):
            return SlotError(_("Réservez au moins %(duration)s à l'avance.",
                               duration=duration_text(self.min_notice_hours * 60)), "start")
        if slot.starts_at > now + timedelta(days=self.max_notice_days):
            return SlotError(_("On ne peut pas réserver plus de %(days)d jours à l'avance.",
                               days=self.max_notice_days), "day")
        return None

    def is_open(self, slot: Slot) -> bool:
        return any(start <= slot.start and slot.end <= end for start, end in self.intervals(slot.day))


def duration_text(minutes: int) -> str:
    """90 → "1 h 30" in French, "1 h 30 min" in English; 480 → "8 h"; 45 → "45 min"."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest}\u00a0min"
    if current_language() != "fr":
        return f"{hours}\u00a0h" + (f" {rest}\u00a0min" if rest else "")
    return f"{hours}\u00a0h" + (f"\u00a0{rest:02d}" if rest else "")


def parse_opening(text: str, weekday: int) -> list[list[str]]:
    """ "9:00-12:00, 14:00-18:00" → [["09:00", "12:00"], ["14:00", "18:00"]]; "" → closed.

    SlotError when an interval is malformed, ends before it starts, or overlaps another."""
    name = weekday_name(weekday)
    intervals: list[tuple[time, time]] = []
    for part in filter(None, (piece.strip() for piece in (text or "").replace(";", ",").split(","))):
        bounds = INTERVAL_SEPARATOR.split(part, maxsplit=1)
        if len(bounds) != 2:
            raise SlotError(_("Le %(weekday)s : écrivez les horaires comme « 9:00-12:00, 14:00-18:00 ».",
                              weekday=name), f"day{weekday}")
        label = _("Le %(weekday)s, « %(hours)s »", weekday=name, hours=part)
        start = parse_time(bounds[0], label, f"day{weekday}")
        end = parse_time(bounds[1], label, f"day{weekday}")
        if end <= start:
            raise SlotError(_("Le %(weekday)s : l'horaire « %(hours)s » finit avant de commencer.",
                              weekday=name, hours=part), f"day{weekday}")
        intervals.append((start, end))
    intervals.sort()
    for (_unused, first_end), (second_start, _unused_end) in zip(intervals, intervals[1:]):
        if second_start < first_end:
            raise SlotError(_("Le %(weekday)s : deux horaires se chevauchent.", weekday=name), f"day{weekday}")
    return [[hhmm(start), hhmm(end)] for start, end in intervals]


def opening_text(intervals: list[list[str]]) -> str:
    return ", ".join(f"{start}-{end}" for start, end in intervals)


def parse_closed_dates(text: str) -> list[str]:
    """Lines of "25/12/2026" (or "2026-12-25") → sorted ISO days; SlotError for a bad line."""
    found = set()
    for line in filter(None, (line.strip() for line in (text or "").splitlines())):
        match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})|(\d{4})-(\d{2})-(\d{2})", line)
        if match is None:
            raise SlotError(_("« %(line)s » n'est pas une date comme « 25/12/2026 ».", line=line[:40]), "closed_dates")
        day, month, year = (match.group(1), match.group(2), match.group(3)) if match.group(1) else \
            (match.group(6), match.group(5), match.group(4))
        try:
            value = date(int(year), int(month), int(day))
        except ValueError:
            raise SlotError(_("La date « %(line)s » n'existe pas.", line=line), "closed_dates") from None
        if not 2000 <= value.year <= LAST_YEAR:
            raise SlotError(_("La date « %(line)s » est hors des dates possibles.", line=line), "closed_dates")
        found.add(value.isoformat())
    if len(found) > 366:
        raise SlotError(_("Indiquez au plus 366 jours de fermeture."), "closed_dates")
    return sorted(found)


def closed_dates_text(dates: list[str]) -> str:
    return "\n".join(date.fromisoformat(value).strftime("%d/%m/%Y") for value in dates)
