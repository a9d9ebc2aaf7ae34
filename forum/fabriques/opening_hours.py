"""Opening hours in OpenStreetMap's ``opening_hours`` syntax (the standard's ``horaires``): the common
subset, read, written in its canonical form, and said in the reader's language (French or English).

The subset: rules separated by ``;``, each a list of days or day ranges (``Mo-Fr``, ``Mo,We``,
``Fr-Mo``), or none for every day, then ``off`` or time ranges (``09:00-12:00,14:00-18:30``; an end
may be ``24:00``), and ``24/7``. A later rule replaces what earlier ones said of its days. Anything
else (public holidays, months, weeks, times past midnight...) is ``Unsupported``: the caller keeps
such a string as it is.

A week is a tuple of seven tuples (Monday first) of (start, end) minutes, sorted, not overlapping.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from flask_babel import gettext as _
from flask_babel import lazy_gettext

from forum.core.i18n import current_language

DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
DAY_NAMES = (lazy_gettext("lundi"), lazy_gettext("mardi"), lazy_gettext("mercredi"), lazy_gettext("jeudi"), lazy_gettext("vendredi"), lazy_gettext("samedi"), lazy_gettext("dimanche"))
DAY_MINUTES = 24 * 60
NBSP = "\u00a0"
EN_DASH = "\u2013"

Range = tuple[int, int]
Week = tuple[tuple[Range, ...], ...]
EMPTY_WEEK: Week = ((),) * 7
ALL_WEEK: Week = (((0, DAY_MINUTES),),) * 7

_TIME = re.compile(r"(\d{1,2}):(\d{2})")
_TIME_RANGE = re.compile(r"(\d{1,2}:\d{2})-(\d{1,2}:\d{2})")


class Unsupported(ValueError):
    """The text is not in the subset of the syntax this module reads."""


class BadTimes(ValueError):
    """Times that cannot be opening hours: a sentence saying why, in the reader's language."""


def minutes(text: str, *, end: bool = False) -> int:
    """"09:30" -> 570; "24:00" only as an ``end``. BadTimes otherwise."""
    match = _TIME.fullmatch(text.strip())
    if match is None:
        raise BadTimes(_("«\u00a0%(time)s\u00a0» n'est pas une heure (écrivez par exemple 09:30).", time=text))
    hours, mins = int(match.group(1)), int(match.group(2))
    value = hours * 60 + mins
    if mins > 59 or value > DAY_MINUTES or (value == DAY_MINUTES and not end):
        raise BadTimes(_("«\u00a0%(time)s\u00a0» n'est pas une heure de la journée.", time=text))
    return value


def check_day(ranges: Iterable[Range], day: int) -> tuple[Range, ...]:
    """The ranges of one day, sorted; BadTimes when one ends before it starts or two overlap."""
    ordered = tuple(sorted(ranges))
    for start, end in ordered:
        if end <= start:
            raise BadTimes(_("Le %(day)s, une plage horaire finit avant de commencer (%(start)s–%(end)s).",
                             day=DAY_NAMES[day], start=clock(start), end=clock(end)))
    for (_first_start, first_end), (second_start, _second_end) in zip(ordered, ordered[1:]):
        if second_start < first_end:
            raise BadTimes(_("Le %(day)s, deux plages horaires se chevauchent.", day=DAY_NAMES[day]))
    return ordered


def _days(selector: str) -> list[int]:
    days: list[int] = []
    for item in selector.split(","):
        bounds = item.split("-")
        if not 1 <= len(bounds) <= 2 or any(bound not in DAYS for bound in bounds):
            raise Unsupported(selector)
        first, last = DAYS.index(bounds[0]), DAYS.index(bounds[-1])
        span = (last - first) % 7
        days.extend((first + offset) % 7 for offset in range(span + 1))
    return days


def _times(text: str, days: list[int]) -> tuple[Range, ...]:
    if text in ("off", "closed"):
        return ()
    ranges = []
    for item in text.split(","):
        match = _TIME_RANGE.fullmatch(item.strip())
        if match is None:
            raise Unsupported(text)
        try:
            ranges.append((minutes(match.group(1)), minutes(match.group(2), end=True)))
        except BadTimes:
            raise Unsupported(text) from None
    try:
        return check_day(ranges, days[0] if days else 0)
    except BadTimes:  # times past midnight, overlaps: not in the subset
        raise Unsupported(text) from None


def parse(text: str) -> Week:
    """The week ``text`` describes; Unsupported when it is outside the subset (or empty)."""
    text = (text or "").strip()
    if not text:
        raise Unsupported(text)
    week = list(EMPTY_WEEK)
    for rule in (part.strip() for part in text.split(";")):
        if not rule:
            continue
        if rule == "24/7":
            week = list(ALL_WEEK)
            continue
        head, _space, rest = rule.partition(" ")
        if head[:2] in DAYS:
            days, times = _days(head), rest.strip()
        else:
            days, times = list(range(7)), rule
        ranges = _times(times, days)
        for day in days:
            week[day] = ranges
    return tuple(week)


def try_parse(text: str) -> Week | None:
    try:
        return parse(text)
    except Unsupported:
        return None


def clock(value: int) -> str:
    return f"{value // 60:02d}:{value % 60:02d}"


def _groups(week: Week) -> list[tuple[list[int], tuple[Range, ...]]]:
    """Open days grouped by identical hours, in the order of their first day."""
    groups: dict[tuple[Range, ...], list[int]] = {}
    for day, ranges in enumerate(week):
        if ranges:
            groups.setdefault(ranges, []).append(day)
    return [(days, ranges) for ranges, days in sorted(groups.items(), key=lambda item: item[1][0])]


def _runs(days: list[int]) -> list[tuple[int, int]]:
    """Consecutive days as (first, last) runs."""
    runs: list[tuple[int, int]] = []
    for day in days:
        if runs and runs[-1][1] == day - 1:
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs


def format_osm(week: Week) -> str:
    """The canonical text: "Mo-Fr 09:00-12:00,14:00-18:00; Sa 10:00-12:00" ("" when always closed)."""
    if week == ALL_WEEK:
        return "24/7"
    rules = []
    for days, ranges in _groups(week):
        selector = ",".join(DAYS[first] if first == last else
                            f"{DAYS[first]}{',' if last == first + 1 else '-'}{DAYS[last]}"
                            for first, last in _runs(days))
        rules.append(f"{selector} " + ",".join(f"{clock(start)}-{clock(end)}" for start, end in ranges))
    return "; ".join(rules)


def french_time(value: int) -> str:
    """570 -> "9 h 30", 540 -> "9 h" (no-break spaces)."""
    hours, mins = divmod(value, 60)
    return f"{hours}{NBSP}h" + (f"{NBSP}{mins:02d}" if mins else "")


def time_said(value: int) -> str:
    """A time in the reader's language: "9 h 30" in French, "09:30" in English (24-hour clock)."""
    return clock(value) if current_language() == "en" else french_time(value)


def _days_said(days: list[int]) -> str:
    parts = []
    for first, last in _runs(days):
        if first == last:
            parts.append(str(DAY_NAMES[first]))
        elif last == first + 1:
            parts += [str(DAY_NAMES[first]), str(DAY_NAMES[last])]
        else:
            parts.append(f"{DAY_NAMES[first]}{EN_DASH}{DAY_NAMES[last]}")
    if len(parts) == 1:
        return parts[0]
    return _("%(days)s et %(last)s", days=", ".join(parts[:-1]), last=parts[-1])


def hours_lines(week: Week) -> list[str]:
    """One line per group of days, in the reader's language: "lundi–vendredi 9 h–12 h, 14 h–18 h"
    ("Monday–Friday 09:00–12:00, 14:00–18:00")."""
    if week == ALL_WEEK:
        return [_("tous les jours, 24\u00a0h sur 24")]
    lines = []
    for days, ranges in _groups(week):
        who = _("tous les jours") if len(days) == 7 else _days_said(days)
        lines.append(f"{who} " + ", ".join(f"{time_said(start)}{EN_DASH}{time_said(end)}"
                                            for start, end in ranges))
    return lines


def hours_text(week: Week) -> str:
    """"lundi–vendredi 9 h–12 h, 14 h–18 h ; samedi 10 h–12 h" (English: "…; Saturday 10:00–12:00")."""
    separator = f"{NBSP}; " if current_language() == "fr" else "; "
    return separator.join(hours_lines(week))


def normalized(text: str) -> str:
    """``text`` in canonical form when it is in the subset, else as it is."""
    week = try_parse(text)
    return format_osm(week) if week is not None else (text or "").strip()


# -- The form's grid: per weekday, up to SLOTS ranges -------------------------------------
SLOTS = 2


def grid_of(week: Week) -> dict[str, list[tuple[str, str]]] | None:
    """{"Mo": [("09:00", "12:00"), ...]} for the form; None when a day has more ranges than it shows."""
    if any(len(ranges) > SLOTS for ranges in week):
        return None
    return {DAYS[day]: [(clock(start), clock(end)) for start, end in ranges] for day, ranges in enumerate(week)}


def week_of_grid(grid: Mapping[str, Iterable[tuple[str, str]]]) -> Week:
    """The week a person entered in the grid (empty pairs skipped); BadTimes with a sentence
    for a lone start or end, an impossible time, a range ending before it starts, overlapping ranges."""
    week = []
    for day, code in enumerate(DAYS):
        ranges = []
        for start, end in grid.get(code, ()):
            start, end = (start or "").strip(), (end or "").strip()
            if not start and not end:
                continue
            if not start or not end:
                raise BadTimes(_("Le %(day)s, indiquez l'heure d'ouverture et l'heure de fermeture.",
                                 day=DAY_NAMES[day]))
            ranges.append((minutes(start), minutes(end, end=True)))
        week.append(check_day(ranges, day))
    return tuple(week)
