"""What an organiser types, checked before anything is written: French messages, field by field.

Every value PostgreSQL would refuse (years past 9999, huge numbers, NUL bytes, over-long
strings) is refused here first, with a message that says what to type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit

from flask_babel import gettext as _

from forum.core.dates import PARIS
from forum.core.errors import Invalid
from forum.core.numbers import format_number
from forum.core.text import clean_line, require_length
from forum.core.typography import french_spacing

TITLE_MAX = 140
SUMMARY_MAX = 200
DESCRIPTION_MAX = 20_000
CAPACITY_MAX = 100_000
MAX_TIMINGS = 10
# An event lasts at most this long per timing (a festival week); longer is a typing error.
LONGEST_TIMING = timedelta(days=31)
# Events are planned at most this far ahead, and written down at most this far back.
YEARS_AHEAD = 5
YEARS_BACK = 2

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_PHONE = re.compile(r"\+?[0-9][0-9 .\-]{7,20}")


@dataclass(frozen=True)
class Timing:
    """One occurrence, as typed: Paris wall-clock (naive) datetimes."""

    start: datetime | None
    end: datetime | None


@dataclass(frozen=True)
class CheckedTiming:
    starts_at: datetime  # aware, UTC
    ends_at: datetime


@dataclass
class Checked:
    """The normalised values, once every check passed."""

    title: str = ""
    summary: str = ""
    timings: list[CheckedTiming] = field(default_factory=list)


def title(value: str) -> str:
    return require_length(french_spacing(clean_line(value)), _("Le titre"), minimum=1, maximum=TITLE_MAX, field="title")


def summary(value: str) -> str:
    return require_length(french_spacing(clean_line(value)), _("Le résumé"), minimum=0, maximum=SUMMARY_MAX,
                          field="summary")


def line(value: str, label: str, maximum: int, field_name: str) -> str:
    return require_length(clean_line(value), label, minimum=0, maximum=maximum, field=field_name)


def web_link(value: str, label: str, field_name: str, *, required: bool) -> str:
    """An http(s) address (no javascript:, data:, ftp:…); empty allowed unless ``required``."""
    link = line(value, label, 500, field_name)
    if not link:
        if required:
            raise Invalid(_("%(label)s est obligatoire pour un événement en ligne.", label=label), field=field_name)
        return ""
    parts = urlsplit(link)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or " " in link:
        raise Invalid(_("%(label)s doit être une adresse web commençant par https:// (ou http://).", label=label),
                      field=field_name)
    return link


def registration(value: str) -> str:
    """How to register: a web address, an e-mail address or a phone number (or nothing)."""
    text = line(value, _("L'inscription"), 300, "registration")
    if not text:
        return ""
    if text.lower().startswith(("http://", "https://")):
        return web_link(text, _("Le lien d'inscription"), "registration", required=False)
    if _EMAIL.fullmatch(text) or _PHONE.fullmatch(text):
        return text
    raise Invalid(_("Pour l'inscription, indiquez un lien (https://…), une adresse e-mail ou un numéro de téléphone."),
                  field="registration")


def capacity(value: int | None) -> int | None:
    if value is None:
        return None
    if not 1 <= value <= CAPACITY_MAX:
        raise Invalid(_("La jauge doit être comprise entre 1 et %(maximum)s personnes, ou laissée vide.",
                        maximum=format_number(CAPACITY_MAX)), field="capacity")
    return value


def timings(typed: list[Timing], now: datetime, *, allow_past: bool) -> list[CheckedTiming]:
    """The timings in UTC, sorted; Invalid for a missing end, an end before its start, a year out of range…"""
    filled = [timing for timing in typed if timing.start is not None or timing.end is not None]
    if not filled:
        raise Invalid(_("Indiquez au moins une date de début et de fin."), field="start_1")
    if len(filled) > MAX_TIMINGS:
        raise Invalid(_("Au plus %(count)s dates pour un même événement.", count=MAX_TIMINGS), field="start_1")
    local_now = now.astimezone(PARIS).replace(tzinfo=None)
    earliest = local_now.replace(year=local_now.year - YEARS_BACK)
    latest = local_now.replace(year=local_now.year + YEARS_AHEAD)
    checked = []
    for number, timing in enumerate(filled, start=1):
        if timing.start is None or timing.end is None:
            raise Invalid(_("Chaque date a un début et une fin."), field=f"start_{number}")
        for moment in (timing.start, timing.end):
            if not earliest <= moment <= latest:
                raise Invalid(_("Les dates vont du %(earliest)s au %(latest)s\u00a0: vérifiez l'année.",
                                earliest=earliest.year, latest=latest.year),
                              field=f"start_{number}")
        if timing.end <= timing.start:
            raise Invalid(_("La fin doit être après le début."), field=f"end_{number}")
        if timing.end - timing.start > LONGEST_TIMING:
            raise Invalid(_("Une même date dure au plus 31 jours\u00a0: pour un événement plus long, ajoutez "
                            "plusieurs dates."), field=f"end_{number}")
        starts_at, ends_at = _utc(timing.start), _utc(timing.end)
        if not allow_past and ends_at <= now:
            raise Invalid(_("Cette date est déjà passée."), field=f"start_{number}")
        checked.append(CheckedTiming(starts_at, ends_at))
    return sorted(checked, key=lambda timing: timing.starts_at)


def _utc(local: datetime) -> datetime:
    """A Paris wall-clock time as UTC (an hour skipped in spring is read as the hour after)."""
    return local.replace(tzinfo=PARIS).astimezone(timezone.utc)
