"""Importing a file of the national standard: a plan per line, then applied in one transaction.

``plan_import`` reads nothing but the database (the preview, ``--dry-run``); ``apply_import``
writes the plan (it flushes, the caller commits once). With any error line nothing is written:
the report lists every error. Decisions, per line:

- Matching an existing fabrique: by ``standard_id`` (the file's ``id``: files we exported or
  imported before), then by ``pivot`` (when one fabrique only has it), then by name + postal code.
  Two lines matching the same fabrique: the second is « ignorée ».
- « créée »: a fabrique without members (its managers claim it through the usual request to join:
  with no manager, the moderators answer, forum.fabriques.memberships), its department from the
  INSEE code or the postal code, its territory type ``DEFAULT_TERRITORY`` (the standard has none;
  the preview says so, its managers correct it). A name another fabrique already has: the line is
  « ignorée » (a suffixed name would make a near-duplicate nobody asked for: the administrator
  decides, by renaming one of them).
- « mise à jour » / « inchangée »: field by field, in the standard's form (``standard.row_of``).
  A fabrique imported before keeps every field whose value differs from its ``import_snapshot``
  (edited on the forum since: « conservé »). A fabrique never imported (created on the forum) only
  gets its empty fields filled: what its managers wrote stays.
- ``import_snapshot``: the row ``standard.row_of`` gives after applying, except for the fields kept,
  which keep their previous snapshot value (None for a fabrique never imported): they stay "edited
  on the forum" for the next import too.
"""

from __future__ import annotations

import enum
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, time

from flask_babel import gettext as _
from flask_babel import lazy_gettext

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from forum.accounts.models import User
from forum.core.dates import PARIS
from forum.core.errors import Forbidden
from forum.core.markdown import render_markdown
from forum.core.models import utcnow
from forum.core.text import slugify
from forum.extensions import db
from forum.fabriques import standard
from forum.fabriques.geography import DEPARTMENTS, region_of
from forum.fabriques.models import Fabrique, TerritoryType
from forum.fabriques.services import RESERVED_SLUGS, flush_unique
from forum.fabriques.standard_reading import ATTRIBUTES, LineError, Reading, StandardLine

DEFAULT_TERRITORY = TerritoryType.URBAIN
# The columns compared field by field (the id identifies, date_maj follows the changes, the
# directory does not keep structure_parente).
COMPARED = tuple(column for column in standard.COLUMNS if column not in ("id", "date_maj", "structure_parente"))
EDITED_HERE = lazy_gettext("conservé\u00a0: modifié sur le forum depuis le dernier import")
FORUM_OWNED = lazy_gettext("conservé\u00a0: renseigné sur le forum (fiche jamais importée)")
NAME_TAKEN_KEPT = lazy_gettext("conservé\u00a0: une autre fabrique porte déjà ce nom")
RACED = lazy_gettext("Un autre import vient d'enregistrer une partie de ces lieux (ou une fiche du même nom)\u00a0: rien n'a été "
                   "importé. Affichez de nouveau l'aperçu, puis recommencez.")
ADMINS_ONLY = lazy_gettext("L'import de lieux est réservé aux administrateur·rices.")
# What each action is called in the preview (passed through gettext when shown).
_ACTION_LABELS = {"created": lazy_gettext("créée"), "updated": lazy_gettext("mise à jour"), "unchanged": lazy_gettext("inchangée"),
                  "ignored": lazy_gettext("ignorée")}


class Action(str, enum.Enum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    IGNORED = "ignored"

    @property
    def label(self) -> str:
        return str(_ACTION_LABELS[self.value])


@dataclass
class LinePlan:
    """What one line of the file does: ``fabrique`` is the existing one, or the new one (created)."""

    line: int
    standard_id: str
    name: str
    action: Action
    fabrique: Fabrique | None = None
    incoming: Fabrique | None = None
    changed: list[str] = field(default_factory=list)
    kept: list[tuple[str, str]] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    errors: list[LineError]
    lines: list[LinePlan]
    default_territory: TerritoryType = DEFAULT_TERRITORY

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def counts(self) -> Counter:
        return Counter(plan.action for plan in self.lines)

    @property
    def writes(self) -> int:
        return sum(1 for plan in self.lines if plan.action in (Action.CREATED, Action.UPDATED))

    def summary(self) -> str:
        if self.errors:
            return _("%(num)d erreur(s)\u00a0: rien n'est importé.", num=len(self.errors))
        counts = self.counts
        return _("%(created)d créée(s), %(updated)d mise(s) à jour, %(unchanged)d inchangée(s), "
                 "%(ignored)d ignorée(s).", created=counts[Action.CREATED], updated=counts[Action.UPDATED],
                 unchanged=counts[Action.UNCHANGED], ignored=counts[Action.IGNORED])


def require_importer(actor: User | None) -> None:
    """Administrators import (None: the command line, whose operator administers the server)."""
    if actor is not None and not actor.is_admin:
        raise Forbidden(str(ADMINS_ONLY))


def department_of(postal_code: str, code_insee: str) -> str | None:
    """The department of a place: from its INSEE code, else its postal code (97x: three digits;
    Corsica's postal codes 200xx–201xx are Corse-du-Sud, the others Haute-Corse); None outside the list."""
    code = code_insee or postal_code
    if code.startswith("97"):
        department = code[:3]
    elif code.startswith("20"):
        department = "2A" if code[:3] in ("200", "201") else "2B"
    else:
        department = code[:2]
    return department if department in DEPARTMENTS else None


@dataclass
class _Directory:
    """The directory as the import matches against it, loaded in two queries."""

    fabriques: list[Fabrique]
    by_standard_id: dict[str, Fabrique] = field(default_factory=dict)
    by_pivot: dict[str, list[Fabrique]] = field(default_factory=dict)
    by_name_postal: dict[tuple[str, str], Fabrique] = field(default_factory=dict)
    names: dict[str, int] = field(default_factory=dict)  # lower-case name -> fabrique id (or -line)
    slugs: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, lock: bool) -> "_Directory":
        statement = select(Fabrique).options(selectinload(Fabrique.standard_values)).order_by(Fabrique.id)
        if lock:  # applying: nobody edits a fabrique between our reading it and our writing it
            statement = statement.with_for_update(of=Fabrique)
        directory = cls(list(db.session.scalars(statement)))
        for fabrique in directory.fabriques:
            if fabrique.standard_id:
                directory.by_standard_id[fabrique.standard_id] = fabrique
            if fabrique.pivot:
                directory.by_pivot.setdefault(fabrique.pivot, []).append(fabrique)
            directory.by_name_postal[(fabrique.name.lower(), fabrique.postal_code)] = fabrique
            directory.names[fabrique.name.lower()] = fabrique.id
            directory.slugs.add(fabrique.slug)
        return directory

    def match(self, values: dict[str, object]) -> Fabrique | None:
        found = self.by_standard_id.get(str(values["id"]))
        if found is None and len(self.by_pivot.get(str(values["pivot"]), [])) == 1:
            found = self.by_pivot[str(values["pivot"])][0]
        return found or self.by_name_postal.get((str(values["nom"]).lower(), str(values["code_postal"])))

    def unique_slug(self, name: str) -> str:
        base = slugify(name, max_length=80)
        slug, suffix = base, 2
        while slug in self.slugs or slug in RESERVED_SLUGS:
            slug, suffix = f"{base}-{suffix}", suffix + 1
        self.slugs.add(slug)
        return slug


def plan_import(actor: User | None, reading: Reading, producer: str, *, lock: bool = False) -> ImportReport:
    """What importing ``reading`` would do, line by line; writes nothing. ``producer``: the ``source``
    our own fabriques are written with. ``lock``: lock the fabriques read (before applying)."""
    require_importer(actor)
    report = ImportReport(list(reading.errors), [])
    if reading.errors:
        return report
    directory = _Directory.load(lock)
    claimed: dict[int, int] = {}  # fabrique id -> the line that matched it
    for line in reading.lines:
        report.lines.append(_plan_line(line, directory, claimed, producer))
    return report


def _incoming(line: StandardLine) -> Fabrique:
    """The line as a fabrique that is not (yet) in the session: its row is the line in the standard's form."""
    fabrique = Fabrique(module_links=[], standard_values=[],
                        **{ATTRIBUTES[column]: value for column, value in line.values.items()})
    standard.set_values(fabrique, line.lists)
    return fabrique


def _plan_line(line: StandardLine, directory: _Directory, claimed: dict[int, int], producer: str) -> LinePlan:
    values = line.values
    plan = LinePlan(line.line, str(values["id"]), str(values["nom"]), Action.IGNORED, reasons=list(line.notes))
    department = department_of(str(values["code_postal"]), str(values["code_insee"]))
    if department is None:
        plan.reasons.append(_("code postal ou INSEE hors des départements du forum."))
        return plan
    existing = directory.match(values)
    if existing is not None and existing.id in claimed:
        plan.reasons.append(_("même fabrique que la ligne %(line)s (%(name)s).", line=claimed[existing.id],
                              name=existing.name))
        return plan
    incoming = _incoming(line)
    plan.incoming = incoming
    if existing is None:
        return _plan_creation(plan, incoming, department, directory)
    claimed[existing.id] = line.line
    plan.fabrique = existing
    current, wanted = standard.row_of(existing, producer), standard.row_of(incoming, producer)
    snapshot = existing.import_snapshot
    for column in COMPARED:
        if current[column] == wanted[column]:
            continue
        if snapshot is None and current[column]:
            plan.kept.append((column, str(FORUM_OWNED)))
        elif snapshot is not None and column in snapshot and snapshot[column] != current[column]:
            plan.kept.append((column, str(EDITED_HERE)))
        elif column == "nom" and directory.names.get(incoming.name.lower(), existing.id) != existing.id:
            plan.kept.append((column, str(NAME_TAKEN_KEPT)))
        else:
            plan.changed.append(column)
    if "nom" in plan.changed:
        directory.names[incoming.name.lower()] = existing.id
    plan.action = Action.UPDATED if plan.changed else Action.UNCHANGED
    return plan


def _plan_creation(plan: LinePlan, incoming: Fabrique, department: str, directory: _Directory) -> LinePlan:
    if incoming.name.lower() in directory.names:
        plan.reasons.append(_("une autre fabrique porte déjà le nom «\u00a0%(name)s\u00a0» (à un autre code "
                              "postal, ou avec un autre identifiant)\u00a0: renommez l'une des deux.",
                              name=incoming.name))
        plan.incoming = None
        return plan
    directory.names[incoming.name.lower()] = -plan.line
    incoming.department_code, incoming.region_code = department, region_of(department)
    incoming.territory_type = DEFAULT_TERRITORY
    incoming.slug = directory.unique_slug(incoming.name)
    plan.fabrique, plan.action = incoming, Action.CREATED
    return plan


def apply_import(actor: User | None, report: ImportReport, producer: str) -> None:
    """Write a plan made with ``lock=True`` (all of it: the caller checked ``report.ok``); flushes in
    a savepoint, a fabrique created meanwhile by another import is a Conflict (409) and nothing is written."""
    require_importer(actor)
    assert report.ok, "an import with errors writes nothing"
    now = utcnow()
    for plan in report.lines:
        if plan.action is Action.CREATED:
            fabrique = plan.fabrique
            fabrique.description_html = render_markdown(fabrique.description_source)
            fabrique.import_snapshot = standard.row_of(fabrique, producer)
            fabrique.imported_at = now
            # Its last activity is its data's last update, not this import: a file of a thousand
            # places does not fill the home page's « récemment actives ».
            fabrique.last_activity_at = min(now, datetime.combine(fabrique.date_maj, time(12), tzinfo=PARIS))
            db.session.add(fabrique)
        elif plan.action is Action.UPDATED:
            _update(plan, producer, now)
    flush_unique(str(RACED))


def _update(plan: LinePlan, producer: str, now) -> None:
    fabrique, incoming = plan.fabrique, plan.incoming
    previous = fabrique.import_snapshot
    lists = {}
    for column in plan.changed:
        if column in standard.LIST_FIELDS:
            lists[column] = incoming.values_of(column)
        else:
            setattr(fabrique, ATTRIBUTES[column], getattr(incoming, ATTRIBUTES[column]))
    if lists:
        standard.set_values(fabrique, lists)
    if "presentation_detail" in plan.changed:
        fabrique.description_html = render_markdown(fabrique.description_source)
    if {"code_postal", "code_insee"} & set(plan.changed):
        department = department_of(fabrique.postal_code, fabrique.code_insee)
        if department is not None:
            fabrique.department_code, fabrique.region_code = department, region_of(department)
    fabrique.standard_id = fabrique.standard_id or incoming.standard_id
    fabrique.date_maj = max(incoming.date_maj, standard.date_maj_of(fabrique))
    snapshot = standard.row_of(fabrique, producer)
    for column, _reason in plan.kept:
        snapshot[column] = previous.get(column) if previous is not None else None
    fabrique.import_snapshot = snapshot
    fabrique.imported_at = now
