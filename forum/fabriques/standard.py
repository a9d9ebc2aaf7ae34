"""The national standard of mediation places (``standard-mediation-num`` v1.0.2), and a fabrique in it.

The standard is a Frictionless Table Schema (LaMednum/standard-mediation-num, schema.json): 32
columns in a fixed order, multi-valued fields joined with ``|``, closed vocabularies kept in
forum/fabriques/data/standard_mediation.toml. This module owns the columns, the vocabularies and
the one way a fabrique is written in the standard: the CSV export, the JSON export, the API and
the import's comparison all go through ``row_of`` / ``record_of``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from datetime import date
from importlib import resources

from flask_babel import gettext, lazy_gettext

from forum.core.dates import PARIS
from forum.fabriques.models import Fabrique, FabriqueStandardValue

STANDARD_NAME = "standard-mediation-num"
STANDARD_VERSION = "1.0.2"
SEPARATOR = "|"

# The schema's columns, in its order (an export writes all of them, empty or not).
COLUMNS: tuple[str, ...] = (
    "id", "pivot", "nom", "commune", "code_postal", "code_insee", "adresse", "complement_adresse",
    "latitude", "longitude", "typologie", "telephone", "courriels", "site_web", "horaires",
    "presentation_resume", "presentation_detail", "source", "itinerance", "structure_parente", "date_maj",
    "services", "publics_specifiquement_adresses", "prise_en_charge_specifique", "frais_a_charge",
    "dispositif_programmes_nationaux", "formations_labels", "autres_formations_labels", "modalites_acces",
    "modalites_accompagnement", "fiche_acces_libre", "prise_rdv",
)
REQUIRED_COLUMNS = ("id", "pivot", "nom", "commune", "code_postal", "adresse", "date_maj")


def _load_vocabularies() -> tuple[dict[str, dict[str, str]], dict[str, str], dict[str, str]]:
    text = resources.files("forum.fabriques").joinpath("data/standard_mediation.toml").read_text("utf-8")
    data = tomllib.loads(text)
    variants = data.pop("variants")
    written = data.pop("written")
    return data, variants, written


# field -> {value written in files: label shown to members}, in the order of the checkboxes.
# WRITTEN: the few values v1.0.2's patterns spell differently, as files must write them.
VOCABULARIES, VARIANTS, WRITTEN = _load_vocabularies()
# The lists a fabrique keeps (FabriqueStandardValue rows): the closed vocabularies, and the
# free list of other trainings and labels.
FREE_LIST_FIELD = "autres_formations_labels"
LIST_FIELDS: tuple[str, ...] = (*VOCABULARIES, FREE_LIST_FIELD)
FREE_VALUE_MAX_LENGTH = 200


def vocabulary_choices(field: str) -> list[tuple[str, str]]:
    """(value, label) pairs of a closed vocabulary, in the standard's order; labels in the reader's
    language when shown (lazy: forms are built once), values never translated."""
    return [(value, lazy_gettext(label)) for value, label in VOCABULARIES[field].items()]


def label_of(field: str, value: str) -> str:
    """The label a reader sees for a value of the standard, in their language (a value outside the
    vocabulary is shown as it is: it is the fabrique's own text)."""
    label = VOCABULARIES.get(field, {}).get(value)
    return gettext(label) if label is not None else value



def standard_labels(fabrique: Fabrique) -> list[str]:
    """The labels of the fabrique's lists (its services, publics, labels, types...), for the search index."""
    return [VOCABULARIES.get(row.field, {}).get(row.value, row.value) for row in fabrique.standard_values]


def ordered_values(field: str, values: Iterable[str]) -> list[str]:
    """``values`` without repeats; for a closed vocabulary in its order (an order carries no meaning)."""
    unique = list(dict.fromkeys(values))
    if field in VOCABULARIES:
        order = {value: position for position, value in enumerate(VOCABULARIES[field])}
        unique.sort(key=lambda value: order.get(value, len(order)))
    return unique


def unknown_values(field: str, values: Iterable[str]) -> list[str]:
    """The values of ``values`` that the closed vocabulary ``field`` does not hold."""
    known = VOCABULARIES.get(field)
    return [] if known is None else [value for value in values if value not in known]


def set_values(fabrique: Fabrique, lists: dict[str, list[str]]) -> None:
    """Replace the lists named in ``lists`` (values already checked and ordered); others are kept.

    Rows that stay are updated in place. Needs ``fabrique.standard_values`` loaded (or a new fabrique)."""
    current = {(row.field, row.value): row for row in (fabrique.standard_values if fabrique.id else [])}
    rows = [row for row in current.values() if row.field not in lists]
    for field, values in lists.items():
        for position, value in enumerate(values):
            row = current.get((field, value)) or FabriqueStandardValue(field=field, value=value)
            row.position = position
            rows.append(row)
    fabrique.standard_values = rows


def standard_id_of(fabrique: Fabrique) -> str:
    """The standard's ``id``: the one a fabrique was imported with, else ours (stable, unique)."""
    return fabrique.standard_id or f"forum-des-fabriques-{fabrique.id}"


def date_maj_of(fabrique: Fabrique) -> date:
    """When the fabrique's data last changed: kept on edits and imports, else its last edit or creation."""
    if fabrique.date_maj is not None:
        return fabrique.date_maj
    return (fabrique.updated_at or fabrique.created_at).astimezone(PARIS).date()


def standard_phone(phone: str) -> str:
    """A stored phone in the standard's form: older data kept as typed ("05 55 66 77 88") is
    normalised, and one that cannot be is left out (""), so that no written file is invalid."""
    from forum.fabriques.standard_checks import STANDARD_PHONE, check_phone  # it imports this module
    from forum.core.errors import Invalid

    if not phone or STANDARD_PHONE.fullmatch(phone):
        return phone
    try:
        return check_phone(phone)
    except Invalid:
        return ""


def record_of(fabrique: Fabrique, source: str) -> dict[str, object]:
    """The fabrique under the standard's field names, typed: lists, numbers, ISO date, ``None`` for empty.

    ``source``: who collected the data, written when the fabrique did not come with its own.
    Needs ``fabrique.standard_values`` loaded."""
    record: dict[str, object] = {
        "id": standard_id_of(fabrique),
        "pivot": fabrique.pivot,
        "nom": fabrique.name,
        "commune": fabrique.city,
        "code_postal": fabrique.postal_code,
        "code_insee": fabrique.code_insee,
        "adresse": fabrique.address,
        "complement_adresse": fabrique.complement_adresse,
        "latitude": fabrique.latitude,
        "longitude": fabrique.longitude,
        "telephone": standard_phone(fabrique.phone),
        "courriels": [fabrique.contact_email] if fabrique.contact_email else [],
        "site_web": [fabrique.website] if fabrique.website else [],
        "horaires": fabrique.horaires,
        "presentation_resume": fabrique.summary,
        "presentation_detail": fabrique.description_source,
        "source": fabrique.data_source or source,
        "structure_parente": "",
        "date_maj": date_maj_of(fabrique).isoformat(),
        "fiche_acces_libre": fabrique.fiche_acces_libre,
        "prise_rdv": fabrique.prise_rdv,
    }
    for field in LIST_FIELDS:
        record[field] = [WRITTEN.get(value, value) for value in fabrique.values_of(field)]
    return {column: (record[column] if record[column] not in ("", None) else None) for column in COLUMNS}


def row_of(fabrique: Fabrique, source: str) -> dict[str, str]:
    """The fabrique as one CSV line of the standard: every column, as text, lists joined by ``|``."""
    return cells_of(record_of(fabrique, source))


def cells_of(record: dict[str, object]) -> dict[str, str]:
    """A record of ``record_of`` as the CSV cells ``row_of`` writes (for who needs both)."""
    row: dict[str, str] = {}
    for column, value in record.items():
        if value is None:
            row[column] = ""
        elif isinstance(value, list):
            row[column] = SEPARATOR.join(value)
        else:
            row[column] = str(value)
    return row
