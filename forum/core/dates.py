"""Dates for templates and messages, in the interface's language (forum.core.i18n).

French dates are computed directly (Babel's formatter costs ~16 µs a call, and a thread page
shows forty dates); English ones go through Babel. The ``format_*`` functions follow the
language of the moment; the ``*_fr`` ones always write French.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

from babel.dates import format_date as babel_format_date

from forum.core.i18n import current_language

PARIS = ZoneInfo("Europe/Paris")
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre")


def _local(value: datetime) -> datetime:
    return value.astimezone(PARIS)


def day_fr(value: date) -> str:
    """A calendar day: "1er mai 2026", "21 novembre 2026"."""
    return f"{'1er' if value.day == 1 else value.day} {MONTHS[value.month - 1]} {value.year}"


def month_fr(value: date) -> str:
    """ "novembre 2026"."""
    return f"{MONTHS[value.month - 1]} {value.year}"


def date_fr(value: datetime | None) -> str:
    """The day of a moment, in Paris time: "21 novembre 2026"."""
    return day_fr(_local(value)) if value is not None else ""


def datetime_fr(value: datetime | None) -> str:
    """ "21 novembre 2026 à 14:05" (Paris time)."""
    if value is None:
        return ""
    local = _local(value)
    return f"{date_fr(value)} à {local.hour:02d}:{local.minute:02d}"


def _plural(count: int, unit: str) -> str:
    return f"{count} {unit}{'s' if count > 1 else ''}"


def ago(value: datetime | None, now: datetime | None = None) -> str:
    """ "à l'instant", "il y a 5 minutes", "il y a 3 jours"; the date itself beyond a month."""
    if value is None:
        return ""
    seconds = ((now or datetime.now(timezone.utc)) - value).total_seconds()
    if seconds < 60:
        return "à l'instant"
    if seconds < 3600:
        return "il y a " + _plural(int(seconds // 60), "minute")
    if seconds < 86_400:
        return "il y a " + _plural(int(seconds // 3600), "heure")
    if seconds < 31 * 86_400:
        return "il y a " + _plural(int(seconds // 86_400), "jour")
    return "le " + date_fr(value)


def today_in_france() -> date:
    """Today's date in Paris: loans start and end on French calendar days."""
    return datetime.now(PARIS).date()


def _english_day(value: date) -> str:
    return babel_format_date(value, "d MMMM y", locale="en")


def format_day(value: date | None) -> str:
    """A calendar day: « 1er mai 2026 », "1 May 2026"."""
    if value is None:
        return ""
    return day_fr(value) if current_language() == "fr" else _english_day(value)


def format_month(value: date | None) -> str:
    """« novembre 2026 », "November 2026"."""
    if value is None:
        return ""
    return month_fr(value) if current_language() == "fr" else babel_format_date(value, "MMMM y", locale="en")


def format_date(value: datetime | None) -> str:
    """The day of a moment, in Paris time: « 21 novembre 2026 », "21 November 2026"."""
    if value is None:
        return ""
    return date_fr(value) if current_language() == "fr" else _english_day(_local(value))


def format_datetime(value: datetime | None) -> str:
    """« 21 novembre 2026 à 14:05 », "21 November 2026 at 14:05" (Paris time)."""
    if value is None:
        return ""
    if current_language() == "fr":
        return datetime_fr(value)
    local = _local(value)
    return f"{_english_day(local)} at {local.hour:02d}:{local.minute:02d}"


def format_ago(value: datetime | None, now: datetime | None = None) -> str:
    """« il y a 5 minutes », "5 minutes ago"; the date itself beyond a month."""
    if value is None:
        return ""
    if current_language() == "fr":
        return ago(value, now)
    seconds = ((now or datetime.now(timezone.utc)) - value).total_seconds()
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return _english_ago(int(seconds // 60), "minute")
    if seconds < 86_400:
        return _english_ago(int(seconds // 3600), "hour")
    if seconds < 31 * 86_400:
        return _english_ago(int(seconds // 86_400), "day")
    return "on " + _english_day(_local(value))


def _english_ago(count: int, unit: str) -> str:
    return f"{count} {unit}{'s' if count > 1 else ''} ago"
