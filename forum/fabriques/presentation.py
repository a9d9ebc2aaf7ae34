"""What a fabrique's page shows of the national standard's fields, ready for its template."""

from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import gettext as _

from forum.core.dates import format_day
from forum.fabriques import opening_hours
from forum.fabriques.models import Fabrique
from forum.fabriques.profile_data import PAGE_LISTS
from forum.fabriques.standard import FREE_LIST_FIELD, label_of
from forum.fabriques.standard_checks import phone_for_display


@dataclass(frozen=True)
class Practical:
    """The « Informations pratiques » of a page; every part empty when the fabrique did not say."""

    hours: list[str] = field(default_factory=list)  # one line per group of days, in the reader's language
    hours_raw: str = ""  # hours the page cannot put in words (kept as imported)
    phone: str = ""  # "05 55 66 77 88"
    phone_link: str = ""  # "tel:+33555667788"
    typologies: list[str] = field(default_factory=list)
    services: list[str] = field(default_factory=list)
    lists: list[tuple[str, list[str]]] = field(default_factory=list)  # (heading, labels), non-empty only
    acces_libre: str = ""
    booking: str = ""
    pivot_label: str = ""  # "SIRET" or "RNA"
    pivot: str = ""
    updated_on: str = ""  # "21 novembre 2026"

    @property
    def has_services(self) -> bool:
        return bool(self.services or self.lists)


def _labels(fabrique: Fabrique, name: str) -> list[str]:
    return [label_of(name, value) for value in fabrique.values_of(name)]


def _grouped(pivot: str) -> str:
    """A SIRET as it is printed, "472 409 325 00470" (no-break spaces); an RNA number as it is."""
    if len(pivot) != 14 or not pivot.isdigit():
        return pivot
    return "\u00a0".join((pivot[:3], pivot[3:6], pivot[6:9], pivot[9:]))


def practical_of(fabrique: Fabrique) -> Practical:
    """Needs ``fabrique.standard_values`` loaded."""
    week = opening_hours.try_parse(fabrique.horaires) if fabrique.horaires else None
    lists = []
    for name, heading in PAGE_LISTS:
        labels = _labels(fabrique, name)
        if name == "formations_labels":
            labels += fabrique.values_of(FREE_LIST_FIELD)
        if labels:
            lists.append((_(heading), labels))
    return Practical(
        hours=opening_hours.hours_lines(week) if week is not None else [],
        hours_raw=fabrique.horaires if week is None else "",
        phone=phone_for_display(fabrique.phone), phone_link=f"tel:{fabrique.phone}" if fabrique.phone else "",
        typologies=_labels(fabrique, "typologie"), services=_labels(fabrique, "services"), lists=lists,
        acces_libre=fabrique.fiche_acces_libre, booking=fabrique.prise_rdv,
        pivot_label=("RNA" if fabrique.pivot.startswith("W") else "SIRET") if fabrique.pivot else "",
        pivot=_grouped(fabrique.pivot), updated_on=format_day(fabrique.date_maj)
 if fabrique.date_maj else "",
    )
