"""The directory exported in the national standard of mediation places (CSV and JSON).

Every line comes from ``standard.row_of`` / ``standard.record_of`` (the one serialiser). The
standard requires ``id``, ``pivot``, ``nom``, ``commune``, ``code_postal``, ``adresse`` and
``date_maj``: a fabrique that lacks one of them (or whose pivot or postal code has not the
standard's form) cannot be a valid line, so it is left out, and the export says how many were
(``Export.excluded``: a response header, a line of the command's output, a key of the JSON).
The file always validates against the schema.

Built in memory, not streamed: a few thousand fabriques make a few megabytes, and the count of
excluded fabriques is known before the first byte is sent (it goes in a header).
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from forum.extensions import db
from forum.fabriques import queries, standard
from forum.fabriques.geography import REGIONS
from forum.fabriques.models import Fabrique

# The forms the standard requires of these required columns (its schema's patterns).
REQUIRED_FORMS = {"pivot": re.compile(r"[a-zA-Z0-9]{9,14}"), "code_postal": re.compile(r"\d{5}")}


@dataclass(frozen=True)
class Export:
    """The fabriques written (as records of the standard, typed) and how many were left out."""

    records: list[dict[str, object]]
    excluded: int


def missing_required(row: dict[str, str]) -> list[str]:
    """The required columns of ``row`` (a line of the standard) that are empty or not in their form."""
    return [column for column in standard.REQUIRED_COLUMNS
            if not row[column] or (column in REQUIRED_FORMS and not REQUIRED_FORMS[column].fullmatch(row[column]))]


def collect(filters: queries.DirectoryFilters, source: str) -> Export:
    """The directory's fabriques that ``filters`` keep, by name, as records (two queries)."""
    statement = queries.filtered(select(Fabrique), filters).options(selectinload(Fabrique.standard_values))
    records, excluded = [], 0
    for fabrique in db.session.scalars(statement.order_by(Fabrique.name, Fabrique.id)):
        record = standard.record_of(fabrique, source)
        if missing_required(standard.cells_of(record)):
            excluded += 1
        else:
            records.append(record)
    return Export(records, excluded)


def csv_text(export: Export) -> str:
    """The CSV file: the schema's header, one line per fabrique, UTF-8 without BOM once encoded,
    commas, CRLF line ends (the csv module's, as RFC 4180), ``|`` inside multi-valued cells."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=standard.COLUMNS)
    writer.writeheader()
    for record in export.records:
        writer.writerow(standard.cells_of(record))
    return buffer.getvalue()


def json_text(export: Export, producer: str) -> str:
    """The same records under the standard's names, typed (lists, numbers, ``null``), in an envelope
    naming the schema and its version::

        {"schema": "standard-mediation-num", "version": "1.0.2", "producteur": "…",
         "lieux_exclus": 0, "lieux": [{"id": "…", "pivot": "…", …}, …]}
    """
    return json.dumps({"schema": standard.STANDARD_NAME, "version": standard.STANDARD_VERSION,
                       "producteur": producer, "lieux_exclus": export.excluded, "lieux": export.records},
                      ensure_ascii=False, indent=1)


def territory_slug(region_code: str) -> str:
    """« france », or the région's name without accents, spaces or apostrophes: « nouvelle-aquitaine »."""
    if not region_code:
        return "france"
    ascii_name = unicodedata.normalize("NFKD", REGIONS[region_code]).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def file_name(day: date, producer: str, region_code: str, extension: str = "csv") -> str:
    """The standard's file name: AAAA-MM-JJ_<producteur>_lieux-de-mediation-numerique_<territoire>.csv."""
    return f"{day.isoformat()}_{producer}_lieux-de-mediation-numerique_{territory_slug(region_code)}.{extension}"
