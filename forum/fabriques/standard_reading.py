"""Reading a CSV file of the national standard into checked lines, with a French report per line.

Nothing here touches the database: ``read_standard_file`` takes the file's bytes and returns the
lines it could read (their values checked and in the standard's form) and every error, each
naming its line and column. It tolerates the standard's known variations: UTF-8 with or without
BOM, header names in any case with spaces around, the official example file's typos
(« Itinerance », « modalite_acces »), ``;`` as the old separator of multi-valued cells (when a
cell holds no ``|``), typographic apostrophes and older spellings of values
(``standard_checks.standard_value``), empty or missing optional columns. The ``structure_parente``
column is read and left aside: the directory does not keep it.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date

from flask_babel import gettext as _

from forum.core.errors import DomainError, Invalid
from forum.core.text import clean_line, clean_text
from forum.fabriques import standard, standard_checks
from forum.fabriques.models import Fabrique
from forum.fabriques.services import DESCRIPTION_MAX_LENGTH

# Header names the official example file and older files write for the standard's columns.
HEADER_ALIASES = {"modalite_acces": "modalites_acces"}
# The fabrique's attribute that keeps each single-valued column (its width is the column's limit).
ATTRIBUTES = {
    "id": "standard_id", "pivot": "pivot", "nom": "name", "commune": "city", "code_postal": "postal_code",
    "code_insee": "code_insee", "adresse": "address", "complement_adresse": "complement_adresse",
    "latitude": "latitude", "longitude": "longitude", "telephone": "phone", "courriels": "contact_email",
    "site_web": "website", "horaires": "horaires", "presentation_resume": "summary",
    "presentation_detail": "description_source", "source": "data_source", "date_maj": "date_maj",
    "fiche_acces_libre": "fiche_acces_libre", "prise_rdv": "prise_rdv",
}
IGNORED_COLUMNS = ("structure_parente",)
MAX_ERRORS = 500
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


class FileTooLarge(DomainError):
    status_code = 413


def too_large_message(max_bytes: int) -> str:
    size = f"{max_bytes / 1024 / 1024:g}"
    return _("Ce fichier dépasse la taille maximale d'un import (%(size)s\u00a0Mo)\u00a0: "
             "découpez-le (par région, par exemple) et importez chaque partie.", size=size)


@dataclass(frozen=True)
class LineError:
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        if self.column:
            return _("ligne %(line)d, colonne «\u00a0%(column)s\u00a0»\u00a0: %(message)s", line=self.line,
                     column=self.column, message=self.message)
        return _("ligne %(line)d\u00a0: %(message)s", line=self.line, message=self.message)


@dataclass
class StandardLine:
    """One line of the file, checked: single values (text, float, date) and lists, in the standard's form."""

    line: int
    values: dict[str, object]
    lists: dict[str, list[str]]
    notes: list[str] = field(default_factory=list)


@dataclass
class Reading:
    lines: list[StandardLine] = field(default_factory=list)
    errors: list[LineError] = field(default_factory=list)


class _Stop(Exception):
    """Too many errors, or a file that cannot be read further."""


def _width(attribute: str) -> int:
    if attribute == "description_source":
        return DESCRIPTION_MAX_LENGTH
    return getattr(Fabrique.__table__.c[attribute].type, "length", None) or DESCRIPTION_MAX_LENGTH


def split_values(cell: str) -> list[str]:
    """The values of a multi-valued cell: ``|`` between them, or the older ``;`` when there is no ``|``."""
    separator = standard.SEPARATOR if standard.SEPARATOR in cell else ";"
    return [value.strip() for value in cell.split(separator) if value.strip()]


def header_name(raw: str) -> str:
    name = raw.strip().lower()
    return HEADER_ALIASES.get(name, name)


def read_standard_file(data: bytes, max_bytes: int) -> Reading:
    """The lines of a standard CSV file and the errors found (all of them, up to MAX_ERRORS).

    Raises FileTooLarge (413) beyond ``max_bytes``: callers check the size before reading it."""
    if len(data) > max_bytes:
        raise FileTooLarge(too_large_message(max_bytes))
    reading = Reading()
    # A cell may be as long as the file: its length is checked against its column's, in French
    # (the csv module's own limit is process-wide, and other libraries raise it too).
    csv.field_size_limit(max(csv.field_size_limit(), max_bytes))
    try:
        _read(data, reading)
    except _Stop:
        pass
    return reading


def _add(reading: Reading, line: int, column: str, message: str) -> None:
    reading.errors.append(LineError(line, column, message))
    if len(reading.errors) >= MAX_ERRORS:
        reading.errors.append(LineError(line, "", _("plus de %(num)d erreurs\u00a0: lecture arrêtée.", num=MAX_ERRORS)))
        raise _Stop


def _read(data: bytes, reading: Reading) -> None:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        _add(reading, line, "", _("le fichier n'est pas encodé en UTF-8 (un caractère de cette ligne est illisible)\u00a0: "
                                  "ré-enregistrez-le au format «\u00a0CSV UTF-8\u00a0» depuis votre tableur, puis recommencez."))
        raise _Stop
    if "\x00" in text:
        for number, content in enumerate(text.split("\n"), start=1):
            if "\x00" in content:
                _add(reading, number, "", _("la ligne contient un caractère nul (fichier abîmé ou qui n'est pas un CSV)."))
        raise _Stop
    if not text.strip():
        _add(reading, 1, "", _("le fichier est vide."))
        raise _Stop
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [header_name(name) for name in next(reader)]
        columns = _check_header(header, reading)
        seen_ids: dict[str, int] = {}
        start = reader.line_num + 1
        for cells in reader:
            if any(cell.strip() for cell in cells):
                _read_line(start, header, columns, cells, seen_ids, reading)
            start = reader.line_num + 1
    except csv.Error:
        _add(reading, reader.line_num, "", _("la ligne n'est pas au format CSV (un guillemet mal placé\u00a0?)."))
        raise _Stop from None


def _check_header(header: list[str], reading: Reading) -> dict[str, int]:
    """{column: position} of the header; wrong headers are reported on line 1 (and stop the reading)."""
    unknown = [name for name in header if name not in standard.COLUMNS]
    doubled = sorted({name for name in header if header.count(name) > 1})
    missing = [name for name in standard.REQUIRED_COLUMNS if name not in header]
    if missing:
        _add(reading, 1, "", _("colonnes obligatoires absentes de l'en-tête\u00a0: %(columns)s. La première ligne doit "
                               "nommer les colonnes du standard (id, pivot, nom, commune…).", columns=", ".join(missing)))
    if unknown:
        names = ", ".join(f"«\u00a0{name[:40]}\u00a0»" for name in unknown[:10])
        if len(unknown) > 10:
            names = _("%(names)s (et %(num)d autres)", names=names, num=len(unknown) - 10)
        _add(reading, 1, "", _("colonnes inconnues du standard\u00a0: %(names)s.", names=names))
    if doubled:
        _add(reading, 1, "", _("colonnes en double\u00a0: %(columns)s.", columns=", ".join(doubled)))
    if reading.errors:
        raise _Stop
    return {name: position for position, name in enumerate(header)}


def _read_line(number: int, header: list[str], columns: dict[str, int], cells: list[str],
               seen_ids: dict[str, int], reading: Reading) -> None:
    if len(cells) != len(header):
        _add(reading, number, "", _("la ligne a %(cells)d champs alors que l'en-tête a %(columns)d colonnes "
                                    "(une virgule ou un guillemet de trop\u00a0?).", cells=len(cells), columns=len(header)))
        return
    cell = {name: cells[position] for name, position in columns.items()}
    line = StandardLine(number, {}, {})
    errors_before = len(reading.errors)
    for column in standard.COLUMNS:
        if column in IGNORED_COLUMNS:
            continue
        raw = cell.get(column, "")
        try:
            if column in standard.LIST_FIELDS:
                line.lists[column] = standard_checks.check_list(column, split_values(raw))
            else:
                line.values[column] = _single(column, raw, line)
        except Invalid as error:
            _add(reading, number, column, error.message)
    if len(reading.errors) == errors_before:
        _check_pair(line, reading)
    identifier = line.values.get("id")
    if identifier:
        if identifier in seen_ids:
            _add(reading, number, "id", _("l'identifiant «\u00a0%(id)s\u00a0» figure déjà ligne %(line)d\u00a0: chaque "
                                          "lieu doit avoir le sien.", id=identifier, line=seen_ids[identifier]))
        else:
            seen_ids[identifier] = number
    if len(reading.errors) == errors_before:
        reading.lines.append(line)


def _single(column: str, raw: str, line: StandardLine) -> object:
    """One single-valued cell, checked and in the standard's form ("" or None when empty)."""
    text = "" if not raw or raw.isspace() else clean_text(raw) if column == "presentation_detail" else clean_line(raw)
    if column in standard.REQUIRED_COLUMNS and not text:
        raise Invalid(_("cette colonne est obligatoire et la cellule est vide."))
    if column in ("courriels", "site_web"):
        values = split_values(text)
        if len(values) > 1:
            line.notes.append(_("%(column)s\u00a0: seule la première valeur est gardée (%(value)s).", column=column,
                                value=values[0]))
        text = values[0] if values else ""
    limit = _width(ATTRIBUTES[column])
    if len(text) > limit:
        raise Invalid(_("%(length)d\u00a0caractères, au plus %(limit)d sont acceptés.", length=len(text), limit=limit))
    if column == "pivot":
        return standard_checks.check_pivot(text)
    if column == "code_postal":
        return standard_checks.check_postal_code(text)
    if column == "code_insee":
        return standard_checks.check_code_insee(text)
    if column == "telephone":
        return standard_checks.check_phone(text)
    if column in ("site_web", "fiche_acces_libre", "prise_rdv"):
        return standard_checks.check_url(text, _("L'adresse"), column)
    if column == "courriels" and text and not EMAIL.fullmatch(text):
        raise Invalid(_("«\u00a0%(text)s\u00a0» n'est pas une adresse e-mail.", text=text[:80]))
    if column in ("latitude", "longitude"):
        return _coordinate(column, text)
    if column == "date_maj":
        try:
            return date.fromisoformat(text) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else _bad_date(text)
        except ValueError:
            return _bad_date(text)
    return text


def _bad_date(text: str):
    raise Invalid(_("«\u00a0%(text)s\u00a0» n'est pas une date au format AAAA-MM-JJ.", text=text[:20]))


def _coordinate(column: str, text: str) -> float | None:
    if not text:
        return None
    bound = 90 if column == "latitude" else 180
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise Invalid(_("«\u00a0%(text)s\u00a0» n'est pas un nombre.", text=text[:20])) from None
    if not -bound <= value <= bound:
        raise Invalid(_("%(text)s n'est pas une %(column)s (entre -%(bound)d et %(bound)d).", text=text[:20],
                        column=column, bound=bound))
    return value


def _check_pair(line: StandardLine, reading: Reading) -> None:
    if (line.values.get("latitude") is None) != (line.values.get("longitude") is None):
        _add(reading, line.line, "latitude", _("indiquez la latitude et la longitude, ou aucune des deux."))

