"""Read side of the directory."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from flask_babel import gettext as _
from flask_babel import lazy_gettext
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from forum.accounts.models import User
from forum.core.errors import Invalid
from forum.core.pagination import Page, paginate
from forum.extensions import db
from forum.fabriques.geography import DEPARTMENTS, REGIONS, department_label
from forum.fabriques.standard import VOCABULARIES, vocabulary_choices
from forum.fabriques.models import (
    MODULES,
    Fabrique,
    FabriqueModule,
    FabriqueStandardValue,
    Membership,
    MembershipRole,
    MembershipStatus,
    Space,
    TerritoryType,
)

SORTS = {"nom": lazy_gettext("Nom"), "activite": lazy_gettext("Activité récente")}


@dataclass(frozen=True)
class StandardFilter:
    """A filter of the directory on lists of the standard: its query-string name, its label, and
    the (heading, field) groups of its choices (a value may be looked for in several lists)."""

    param: str
    label: str
    groups: tuple[tuple[str, str], ...]

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(field for _heading, field in self.groups)

    def choices(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """[(heading, [(value, label)])] for the select."""
        return [(heading, vocabulary_choices(field)) for heading, field in self.groups]

    def knows(self, value: str) -> bool:
        return any(value in VOCABULARIES[field] for field in self.fields)


# The directory's filters on the standard (the attribute of DirectoryFilters is the param's).
STANDARD_FILTERS: tuple[StandardFilter, ...] = (
    StandardFilter("service", lazy_gettext("Service"), (("", "services"),)),
    StandardFilter("public", lazy_gettext("Public"), ((lazy_gettext("Publics"), "publics_specifiquement_adresses"),
                                            (lazy_gettext("Prise en charge spécifique"), "prise_en_charge_specifique"))),
    StandardFilter("frais", lazy_gettext("Frais"), (("", "frais_a_charge"),)),
    StandardFilter("accompagnement", lazy_gettext("Accompagnement"), (("", "modalites_accompagnement"),)),
    StandardFilter("label", lazy_gettext("Label ou dispositif"), ((lazy_gettext("Formations et labels"), "formations_labels"),
                                                        (lazy_gettext("Dispositifs et programmes nationaux"),
                                                         "dispositif_programmes_nationaux"))),
    StandardFilter("itinerance", lazy_gettext("Lieu fixe ou itinérant"), (("", "itinerance"),)),
)


@dataclass(frozen=True)
class DirectoryFilters:
    region: str = ""
    department: str = ""
    territory: str = ""
    module: str = ""
    sort: str = "nom"
    # The standard's lists (STANDARD_FILTERS): one value each.
    service: str = ""
    public: str = ""
    frais: str = ""
    accompagnement: str = ""
    label: str = ""
    itinerance: str = ""

    @classmethod
    def from_args(cls, args) -> "DirectoryFilters":
        """Filters from a query string; Invalid (400) for values that are not in the lists."""
        filters = cls(
            region=args.get("region", ""), department=args.get("departement", ""),
            territory=args.get("territoire", ""), module=args.get("module", ""), sort=args.get("tri", "nom"),
            **{spec.param: args.get(spec.param, "") for spec in STANDARD_FILTERS},
        )
        for spec in STANDARD_FILTERS:
            value = getattr(filters, spec.param)
            if value and not spec.knows(value):
                raise Invalid(_("Cette valeur du filtre «\u00a0%(filter)s\u00a0» n'existe pas.", filter=spec.label))
        if filters.region and filters.region not in REGIONS:
            raise Invalid(_("Cette région n'existe pas."))
        if filters.department and filters.department not in DEPARTMENTS:
            raise Invalid(_("Ce département n'existe pas."))
        if filters.territory and filters.territory not in {t.value for t in TerritoryType}:
            raise Invalid(_("Ce type de territoire n'existe pas."))
        if filters.module and filters.module not in MODULES:
            raise Invalid(_("Ce module n'existe pas."))
        if filters.sort not in SORTS:
            raise Invalid(_("Ce tri n'existe pas."))
        return filters

    def as_args(self, **changes) -> dict[str, str]:
        values = {"region": self.region, "departement": self.department, "territoire": self.territory,
                  "module": self.module, "tri": self.sort,
                  **{spec.param: getattr(self, spec.param) for spec in STANDARD_FILTERS}}
        values.update(changes)
        return {key: value for key, value in values.items() if value and not (key == "tri" and value == "nom")}

    @property
    def standard_in_use(self) -> bool:
        """Whether a filter on the standard's lists (folded under « Plus de filtres ») is set."""
        return any(getattr(self, spec.param) for spec in STANDARD_FILTERS)


# The filters' names in a query string (the sort aside): what a link or a program may send.
FILTER_PARAMETERS = frozenset({"region", "departement", "territoire", "module",
                               *(spec.param for spec in STANDARD_FILTERS)})


def member_count_column():
    return (
        select(func.count(Membership.id))
        .where(Membership.fabrique_id == Fabrique.id, Membership.status == MembershipStatus.ACTIVE)
        .correlate(Fabrique).scalar_subquery().label("member_count")
    )


def filtered(statement, filters: DirectoryFilters):
    """``statement`` (a select of or joined to ``Fabrique``) restricted to the fabriques ``filters``
    keep: the directory's list and its map show the same fabriques (sort aside)."""
    if filters.region:
        statement = statement.where(Fabrique.region_code == filters.region)
    if filters.department:
        statement = statement.where(Fabrique.department_code == filters.department)
    if filters.territory:
        statement = statement.where(Fabrique.territory_type == TerritoryType(filters.territory))
    if filters.module:
        statement = statement.where(
            Fabrique.id.in_(select(FabriqueModule.fabrique_id).where(FabriqueModule.module == filters.module))
        )
    for spec in STANDARD_FILTERS:
        value = getattr(filters, spec.param)
        if value:
            # The index on (field, value) finds the rows; correlated to the fabrique of the outer select.
            statement = statement.where(select(FabriqueStandardValue.fabrique_id).where(
                FabriqueStandardValue.fabrique_id == Fabrique.id, FabriqueStandardValue.field.in_(spec.fields),
                FabriqueStandardValue.value == value).exists())
    return statement


def directory_ids(filters: DirectoryFilters, page: int, per_page: int) -> Page[int]:
    """The ids of one page of the directory (``listed`` loads them)."""
    statement = filtered(select(Fabrique.id), filters)
    if filters.sort == "activite":
        statement = statement.order_by(Fabrique.last_activity_at.desc(), Fabrique.id)
    else:
        statement = statement.order_by(Fabrique.name, Fabrique.id)
    return paginate(db.session, statement, page, per_page)


def listed(fabrique_ids: list[int]) -> dict[int, tuple[Fabrique, int]]:
    """{id: (fabrique, its member count)} with what a card of the directory prints (its modules)."""
    return {fabrique.id: (fabrique, member_count) for fabrique, member_count in db.session.execute(
        select(Fabrique, member_count_column()).where(Fabrique.id.in_(fabrique_ids))
        .options(selectinload(Fabrique.module_links)))}


def fabrique_for_page(slug: str, *, with_details: bool = True, with_standard: bool = False) -> Fabrique | None:
    """The fabrique of ``slug``, and (``with_details``) its modules and spaces, (``with_standard``) the
    standard's lists."""
    details = [selectinload(Fabrique.module_links), selectinload(Fabrique.spaces)] if with_details else []
    if with_standard:  # joined: no query of its own (the page's count of queries stays as it was)
        details.append(joinedload(Fabrique.standard_values))
    return db.session.execute(select(Fabrique).where(Fabrique.slug == slug).options(*details)
                              ).unique().scalar_one_or_none()


def load_details(fabrique: Fabrique) -> None:
    """Load the modules and spaces of ``fabrique`` (read without them by ``fabrique_for_page``)."""
    set_committed_value(fabrique, "module_links", db.session.scalars(
        select(FabriqueModule).where(FabriqueModule.fabrique_id == fabrique.id).order_by(FabriqueModule.module)).all())
    set_committed_value(fabrique, "spaces", db.session.scalars(
        select(Space).where(Space.fabrique_id == fabrique.id).order_by(Space.name)).all())


def members_of(fabrique: Fabrique, status: MembershipStatus = MembershipStatus.ACTIVE) -> list[Membership]:
    """Memberships with their users: managers first, then by name."""
    return list(db.session.execute(
        select(Membership).join(User, User.id == Membership.user_id)
        .where(Membership.fabrique_id == fabrique.id, Membership.status == status)
        .options(joinedload(Membership.user))
        .order_by((Membership.role == MembershipRole.MANAGER).desc(), User.display_name)
    ).scalars())


def recently_active(limit: int = 6) -> list[Fabrique]:
    return list(db.session.execute(
        select(Fabrique).order_by(Fabrique.last_activity_at.desc()).limit(limit)
    ).scalars())


def fabrique_picker_options() -> list[tuple[int, str]]:
    """(id, « Name — Town, Département (code) ») of every fabrique, by name: what a person can type to
    pick theirs (the sign-up form's list of suggestions)."""
    rows = db.session.execute(select(Fabrique.id, Fabrique.name, Fabrique.city, Fabrique.department_code)
                              .order_by(Fabrique.name))
    return [(row.id, " — ".join(part for part in (
        row.name, ", ".join(part for part in (row.city, department_label(row.department_code)) if part)) if part))
        for row in rows]


def _folded(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").casefold()


def matching_fabriques(typed: str) -> list[tuple[int, str]]:
    """The picker's options that ``typed`` designates: the one whose label or id it is exactly, else
    those whose label holds every word typed (accents and case aside: « tilleuls rennes »)."""
    typed = typed.strip()
    options = fabrique_picker_options()
    exact = [option for option in options if typed in (option[1], str(option[0]))]
    if exact:
        return exact
    words = _folded(typed).replace("—", " ").replace(",", " ").split()
    return [option for option in options if words and all(word in _folded(option[1]) for word in words)]


def fabrique_choices() -> list[tuple[int, str]]:
    return [tuple(row) for row in db.session.execute(select(Fabrique.id, Fabrique.name).order_by(Fabrique.name))]
