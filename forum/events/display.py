"""How an event's times read in French (Paris time): « samedi 12 décembre 2026, 14:00 – 17:00 »."""

from __future__ import annotations

from datetime import datetime

from forum.core.dates import PARIS, day_fr

WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def _hour(moment: datetime) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


def timing_fr(starts_at: datetime, ends_at: datetime) -> str:
    """One timing in Paris time; a second date when it ends on another day."""
    start, end = starts_at.astimezone(PARIS), ends_at.astimezone(PARIS)
    first = f"{WEEKDAYS[start.weekday()]} {day_fr(start.date())}"
    if start.date() == end.date():
        return f"{first}, {_hour(start)}\u00a0–\u00a0{_hour(end)}"
    return f"du {first}, {_hour(start)}, au {WEEKDAYS[end.weekday()]} {day_fr(end.date())}, {_hour(end)}"


def hour_fr(moment: datetime) -> str:
    return _hour(moment.astimezone(PARIS))
