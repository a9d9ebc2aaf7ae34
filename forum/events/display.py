"""How an event's times read (Paris time), in the language being written:
« samedi 12 décembre 2026, 14:00 – 17:00 », "Saturday 12 December 2026, 14:00 – 17:00"."""

from __future__ import annotations

from datetime import datetime

from flask_babel import gettext as _

from forum.core.dates import PARIS, format_day
from forum.resources.slots import weekday_name


def _hour(moment: datetime) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


def _day(moment: datetime) -> str:
    return f"{weekday_name(moment.weekday())} {format_day(moment.date())}"


def format_timing(starts_at: datetime, ends_at: datetime) -> str:
    """One timing in Paris time; a second date when it ends on another day."""
    start, end = starts_at.astimezone(PARIS), ends_at.astimezone(PARIS)
    if start.date() == end.date():
        return f"{_day(start)}, {_hour(start)}\u00a0–\u00a0{_hour(end)}"
    return _("du %(start_day)s, %(start)s, au %(end_day)s, %(end)s", start_day=_day(start), start=_hour(start),
             end_day=_day(end), end=_hour(end))


def format_hour(moment: datetime) -> str:
    """ "14:00" in Paris time (the 24-hour clock in both languages)."""
    return _hour(moment.astimezone(PARIS))


# The name forum.feeds imports: the same, locale-aware, function.
timing_fr = format_timing
