"""Read side of the catalogue and of loans."""

from __future__ import annotations

import math
import dataclasses
from dataclasses import dataclass
from functools import cache
from datetime import date, datetime, timedelta

from flask_babel import gettext as _, lazy_gettext
from sqlalchemy import bindparam, case, func, select
from sqlalchemy.orm import aliased, joinedload, selectinload

from forum.accounts.models import User
from forum.core.direct_reads import DirectRead
from forum.core.errors import Invalid
from forum.core.pagination import Page, paginate
from forum.core.security import parse_id
from forum.extensions import db
from forum.fabriques.geography import DEPARTMENTS, REGIONS
from forum.fabriques.models import Fabrique
from forum.resources.loans import Booking, usage_by_day
from forum.resources.models import (
    ALL_CATEGORIES, BOOKING_STATES, Loan, LoanEvent, LoanMessage, LoanState, Resource, ResourceKind,
    loan_is_overdue, loan_state_label,
)

SORTS = {"nom": lazy_gettext("Nom"), "recent": lazy_gettext("Plus récentes"),
         "proche": lazy_gettext("Régions les plus proches")}
MAX_FILTER_DAYS = 366

# Rough centre of each region (latitude, longitude), to sort by distance from the member's region.
REGION_CENTRES = {
    "84": (45.5, 4.6), "27": (47.2, 4.8), "53": (48.2, -2.9), "24": (47.5, 1.7), "94": (42.2, 9.1),
    "44": (48.7, 5.6), "32": (50.0, 2.8), "11": (48.7, 2.5), "28": (49.1, 0.1), "75": (45.2, 0.2),
    "76": (43.7, 2.2), "52": (47.5, -0.8), "93": (43.9, 6.1), "01": (16.2, -61.6), "02": (14.6, -61.0),
    "03": (4.0, -53.0), "04": (-21.1, 55.5), "06": (-12.8, 45.2),
}


def regions_by_distance(origin: str) -> list[str]:
    """Region codes, nearest to ``origin`` first (great-circle distance between rough centres)."""
    lat0, lon0 = map(math.radians, REGION_CENTRES[origin])

    def distance(code: str) -> float:
        lat, lon = map(math.radians, REGION_CENTRES[code])
        return math.acos(min(1.0, math.sin(lat0) * math.sin(lat) + math.cos(lat0) * math.cos(lat) * math.cos(lon - lon0)))

    return sorted(REGION_CENTRES, key=distance)


def _parse_date(raw: str, label: str) -> date | None:
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise Invalid(_("%(label)s doit être une date (AAAA-MM-JJ).", label=label)) from None


@dataclass(frozen=True)
class CatalogueFilters:
    kind: str = ""
    category: str = ""
    region: str = ""
    department: str = ""
    fabrique: str = ""
    available_from: date | None = None
    available_to: date | None = None
    sort: str = "recent"

    @classmethod
    def from_args(cls, args) -> CatalogueFilters:
        """Filters from the query string; Invalid (400) for unknown values or a broken period."""
        filters = cls(
            kind=args.get("type", ""), category=args.get("categorie", ""), region=args.get("region", ""),
            department=args.get("departement", ""), fabrique=args.get("fabrique", ""),
            available_from=_parse_date(args.get("du", ""), _("La date de début")),
            available_to=_parse_date(args.get("au", ""), _("La date de fin")), sort=args.get("tri", "recent"),
        )
        if filters.kind and filters.kind not in {kind.value for kind in ResourceKind}:
            raise Invalid(_("Ce type de ressource n'existe pas."))
        if filters.category and filters.category not in ALL_CATEGORIES:
            raise Invalid(_("Cette catégorie n'existe pas."))
        if filters.region and filters.region not in REGIONS:
            raise Invalid(_("Cette région n'existe pas."))
        if filters.department and filters.department not in DEPARTMENTS:
            raise Invalid(_("Ce département n'existe pas."))
        if filters.fabrique and parse_id(filters.fabrique) is None:
            raise Invalid(_("Cette fabrique n'existe pas."))
        if filters.sort not in SORTS:
            raise Invalid(_("Ce tri n'existe pas."))
        if (filters.available_from is None) != (filters.available_to is None):
            raise Invalid(_("Pour chercher par disponibilité, indiquez les deux dates."))
        if filters.available_from and filters.available_to:
            if filters.available_to < filters.available_from:
                raise Invalid(_("La date de fin doit être après la date de début."))
            if (filters.available_to - filters.available_from).days >= MAX_FILTER_DAYS:
                raise Invalid(_("Cherchez une période d'un an au plus."))
        return filters

    def as_args(self, **changes) -> dict[str, str]:
        values = {"type": self.kind, "categorie": self.category, "region": self.region,
                  "departement": self.department, "fabrique": self.fabrique,
                  "du": self.available_from.isoformat() if self.available_from else "",
                  "au": self.available_to.isoformat() if self.available_to else "", "tri": self.sort}
        values.update(changes)
        return {key: value for key, value in values.items() if value and not (key == "tri" and value == "recent")}


def fully_booked_ids(start: date, end: date) -> set[int]:
    """Resources with no unit free on at least one day of [start, end] (exact, per day)."""
    rows = db.session.execute(
        select(Loan.resource_id, Loan.start_date, Loan.end_date, Loan.quantity, Resource.quantity.label("stock"))
        .join(Resource, Resource.id == Loan.resource_id)
        .where(Loan.state.in_(BOOKING_STATES), Loan.start_date <= end, Loan.end_date >= start)
    ).all()
    bookings: dict[int, list[Booking]] = {}
    stock: dict[int, int] = {}
    for row in rows:
        bookings.setdefault(row.resource_id, []).append(Booking(row.start_date, row.end_date, row.quantity))
        stock[row.resource_id] = row.stock
    return {resource_id for resource_id, held in bookings.items()
            if max(usage_by_day(held, start, end).values()) >= stock[resource_id]}


def catalogue_ids(filters: CatalogueFilters, page: int, per_page: int, viewer_region: str | None) -> Page[int]:
    """The ids of one page of the catalogue (``listed`` loads them)."""
    statement = (
        select(Resource.id).join(Fabrique, Fabrique.id == Resource.fabrique_id).where(Resource.hidden_at.is_(None))
    )
    if filters.kind:
        statement = statement.where(Resource.kind == ResourceKind(filters.kind))
    if filters.category:
        statement = statement.where(Resource.category == filters.category)
    if filters.region:
        statement = statement.where(Fabrique.region_code == filters.region)
    if filters.department:
        statement = statement.where(Fabrique.department_code == filters.department)
    if filters.fabrique:
        statement = statement.where(Resource.fabrique_id == int(filters.fabrique))
    if filters.available_from and filters.available_to:
        statement = statement.where(Resource.paused.is_(False), Resource.kind != ResourceKind.KNOW_HOW)
        booked = fully_booked_ids(filters.available_from, filters.available_to)
        if booked:
            statement = statement.where(Resource.id.not_in(booked))
    if filters.sort == "nom":
        statement = statement.order_by(Resource.name, Resource.id)
    elif filters.sort == "proche" and viewer_region in REGION_CENTRES:
        ranks = {code: rank for rank, code in enumerate(regions_by_distance(viewer_region))}
        statement = statement.order_by(case(ranks, value=Fabrique.region_code, else_=len(ranks)),
                                       Resource.created_at.desc(), Resource.id.desc())
    else:
        statement = statement.order_by(Resource.created_at.desc(), Resource.id.desc())
    return paginate(db.session, statement, page, per_page)


def listed(resource_ids: list[int]) -> dict[int, Resource]:
    """{id: resource} with what a card of the catalogue prints: its fabrique and photos."""
    return {resource.id: resource for resource in db.session.execute(
        select(Resource).where(Resource.id.in_(resource_ids)).options(
            joinedload(Resource.fabrique).load_only(
                Fabrique.id, Fabrique.name, Fabrique.slug, Fabrique.region_code, Fabrique.department_code),
            selectinload(Resource.photos))).scalars()}


@dataclass(frozen=True)
class ResourceHead:
    """What a resource's page reads before its fragments (``resource_head``): who may see it and
    whether a loan may be asked for."""

    id: int
    name: str
    fabrique_id: int
    kind: ResourceKind
    paused: bool
    hidden_at: datetime | None


def resource_head(resource_id: int) -> ResourceHead | None:
    """The resource's head, in one direct read (None if there is none)."""
    row = _RESOURCE_HEAD.first_in(db.session, resource_id=resource_id)
    return ResourceHead(*row) if row is not None else None


def resource_for_page(resource_id: int) -> Resource | None:
    """The resource with its fabrique and photos."""
    return db.session.execute(_RESOURCE_WITH_PHOTOS, {"resource_id": resource_id}).scalar_one_or_none()


# Built once: the page of a resource runs them (the second when its body is rendered).
_RESOURCE_HEAD = DirectRead(select(Resource.id, Resource.name, Resource.fabrique_id, Resource.kind, Resource.paused,
                                   Resource.hidden_at).where(Resource.id == bindparam("resource_id")))
_RESOURCE_WITH_PHOTOS = (select(Resource).where(Resource.id == bindparam("resource_id"))
                         .options(joinedload(Resource.fabrique), selectinload(Resource.photos)))


@dataclass(frozen=True)
class CalendarDay:
    day: date
    used: int
    stock: int

    @property
    def status(self) -> str:
        """"libre", "partiel" or "complet", for the calendar's colours."""
        if self.used == 0:
            return "libre"
        return "complet" if self.used >= self.stock else "partiel"


@dataclass(frozen=True)
class CalendarMonth:
    first: date
    weeks: list[list[CalendarDay | None]]


def calendar(resource: Resource, today: date, months: int = 3) -> list[CalendarMonth]:
    """The coming ``months`` months, each day with the units booked by accepted or running loans."""
    first = today.replace(day=1)
    last_month = first
    for _month in range(months):
        last_month = (last_month + timedelta(days=32)).replace(day=1)
    last = last_month - timedelta(days=1)
    rows = db.session.execute(
        select(Loan.start_date, Loan.end_date, Loan.quantity)
        .where(Loan.resource_id == resource.id, Loan.state.in_(BOOKING_STATES),
               Loan.start_date <= last, Loan.end_date >= first)
    )
    usage = usage_by_day([Booking(*row) for row in rows], first, last)
    result = []
    month = first
    while month <= last:
        next_month = (month + timedelta(days=32)).replace(day=1)
        weeks: list[list[CalendarDay | None]] = [[None] * month.weekday()]
        day = month
        while day < next_month:
            if len(weeks[-1]) == 7:
                weeks.append([])
            weeks[-1].append(CalendarDay(day, usage[day], resource.quantity))
            day += timedelta(days=1)
        weeks[-1] += [None] * (7 - len(weeks[-1]))
        result.append(CalendarMonth(month, weeks))
        month = next_month
    return result


def resources_of_fabrique(fabrique_id: int, limit: int = 12) -> list[Resource]:
    return list(db.session.execute(
        select(Resource).where(Resource.fabrique_id == fabrique_id, Resource.hidden_at.is_(None))
        .order_by(Resource.name).limit(limit)
    ).scalars())


def count_resources_of_fabrique(fabrique_id: int) -> int:
    return db.session.execute(select(func.count()).select_from(Resource)
                              .where(Resource.fabrique_id == fabrique_id, Resource.hidden_at.is_(None))).scalar_one()


# -- Loans --------------------------------------------------------------------------------

# What the viewer's side must do next, per state: shown first on /prets.
NEEDS_OWNER = (LoanState.REQUESTED, LoanState.ACCEPTED, LoanState.LENT)
NEEDS_BORROWER: tuple[LoanState, ...] = ()


@dataclass(frozen=True)
class LoanRow:
    """A loan as a line of the loans list prints it (plain values: thirty of them a page)."""

    id: int
    quantity: int
    state: LoanState
    start_date: date
    end_date: date
    owner_fabrique_id: int
    resource_name: str
    owner_name: str
    borrower_name: str
    starts_at: datetime | None  # a room booked by the hour (rooms.py): its slot
    ends_at: datetime | None

    def is_overdue(self, today: date) -> bool:
        return loan_is_overdue(self.state, self.end_date, today)

    @property
    def state_label(self) -> str:
        return loan_state_label(self.state, self.starts_at is not None)

    @property
    def slot_label(self) -> str:
        from forum.resources.slots import slot_label  # as Loan.slot_label

        return slot_label(self.starts_at, self.ends_at) if self.starts_at is not None else ""


def _of_fabrique():
    fabrique_id = bindparam("fabrique_id")
    return (Loan.owner_fabrique_id == fabrique_id) | (Loan.borrower_fabrique_id == fabrique_id)


# Built once (with or without a state filter): a fabrique's managers open /prets all day.
@cache
def _loans_statement(filtered: bool):
    owner, borrower = aliased(Fabrique), aliased(Fabrique)
    statement = (
        select(Loan.id, Loan.quantity, Loan.state, Loan.start_date, Loan.end_date, Loan.owner_fabrique_id,
               Resource.name, owner.name, borrower.name, Loan.starts_at, Loan.ends_at)
        .join(Resource, Resource.id == Loan.resource_id).join(owner, owner.id == Loan.owner_fabrique_id)
        .join(borrower, borrower.id == Loan.borrower_fabrique_id).where(_of_fabrique()))
    if filtered:
        statement = statement.where(Loan.state == bindparam("state"))
    needs_me = case(((Loan.owner_fabrique_id == bindparam("fabrique_id")) & Loan.state.in_(NEEDS_OWNER), 0),
                    else_=1)
    return statement.order_by(needs_me, Loan.start_date, Loan.id.desc())


def loans_of_fabrique(fabrique_id: int, state: LoanState | None, page: int, per_page: int,
                      counts: dict[LoanState, int]) -> Page[LoanRow]:
    """Sent and received loans; those waiting for this fabrique's managers first, then the newest.
    ``counts``: ``loan_counts_by_state``, which gives the total."""
    params = {"fabrique_id": fabrique_id, **({"state": state} if state is not None else {})}
    total = counts.get(state, 0) if state is not None else sum(counts.values())
    rows = paginate(db.session, _loans_statement(state is not None), page, per_page, scalars=False, total=total,
                    params=params)
    return dataclasses.replace(rows, items=[LoanRow(*row) for row in rows.items])


@cache
def _counts_statement():
    return select(Loan.state, func.count()).where(_of_fabrique()).group_by(Loan.state)


def loan_counts_by_state(fabrique_id: int) -> dict[LoanState, int]:
    return {state: count for state, count in db.session.execute(_counts_statement(), {"fabrique_id": fabrique_id})}


def loan_history(loan: Loan) -> list[LoanEvent]:
    return list(db.session.execute(
        select(LoanEvent).where(LoanEvent.loan_id == loan.id)
        .options(joinedload(LoanEvent.actor).load_only(User.id, User.display_name))
        .order_by(LoanEvent.created_at, LoanEvent.id)
    ).scalars())


def loan_messages(loan: Loan) -> list[LoanMessage]:
    return list(db.session.execute(
        select(LoanMessage).where(LoanMessage.loan_id == loan.id)
        .options(joinedload(LoanMessage.author).load_only(User.id, User.display_name))
        .order_by(LoanMessage.created_at, LoanMessage.id)
    ).scalars())
