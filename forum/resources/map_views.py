"""The map of the directory: every fabrique with coordinates, with its number of shared resources.

The map takes the directory's filters (same query string, same query): the list and the map
link to each other with them. Overseas fabriques get small maps of their own (insets) beside
the metropolitan one; when the filters keep only one overseas territory, the main map shows it.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, render_template, request, url_for
from sqlalchemy import false, func, select

from forum.core.page_cache import public_page
from forum.core.web import filters_in_use
from forum.extensions import db
from forum.fabriques import queries
from forum.fabriques.geography import REGIONS, department_label, departments_by_region, region_of
from forum.fabriques.models import MODULES, Fabrique, TerritoryType
from forum.resources.models import Resource

# No url_prefix: the fabriques blueprint owns /fabriques/<slug>, and Werkzeug ranks
# this static rule above that variable one ("carte" is also a reserved slug).
blueprint = Blueprint("map", __name__)

METROPOLE = "metropole"
# (south, west, north, east) of each part of France the map frames: the metropole (Corsica
# included) and the overseas regions, by region code (forum.fabriques.geography.REGIONS).
FRAMES: dict[str, tuple[float, float, float, float]] = {
    METROPOLE: (41.3, -5.2, 51.1, 9.6),
    "01": (15.83, -61.81, 16.52, -61.0),  # Guadeloupe
    "02": (14.38, -61.23, 14.88, -60.81),  # Martinique
    "03": (2.1, -54.6, 5.8, -51.6),  # Guyane
    "04": (-21.39, 55.21, -20.87, 55.84),  # La Réunion
    "06": (-13.0, 45.01, -12.63, 45.3),  # Mayotte
}
OVERSEAS = tuple(code for code in FRAMES if code != METROPOLE)


@dataclass(frozen=True)
class MapFabrique:
    slug: str
    name: str
    territory_type: TerritoryType
    region_code: str
    city: str
    department_label: str
    latitude: float | None
    longitude: float | None
    resource_count: int

    @property
    def place(self) -> str:
        return ", ".join(part for part in (self.city, self.department_label) if part)

    @property
    def located(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def zone(self) -> str:
        """The part of France whose map shows it: an overseas region's code, or the metropole."""
        return self.region_code if self.region_code in OVERSEAS else METROPOLE


@dataclass(frozen=True)
class Inset:
    """A small map of one overseas region, beside the main map."""

    code: str
    name: str
    count: int

    @property
    def frame(self) -> str:
        return ",".join(str(value) for value in FRAMES[self.code])


def map_fabriques(filters: queries.DirectoryFilters | None = None) -> list[MapFabrique]:
    """Every fabrique the directory's ``filters`` keep, by name, with its count of shared (not
    paused) resources: one query."""
    shared = (
        select(Resource.fabrique_id, func.count().label("resource_count"))
        .where(Resource.paused == false(), Resource.hidden_at.is_(None))
        .group_by(Resource.fabrique_id)
        .subquery()
    )
    statement = (
        select(Fabrique.slug, Fabrique.name, Fabrique.territory_type, Fabrique.region_code, Fabrique.city,
               Fabrique.department_code, Fabrique.latitude, Fabrique.longitude,
               func.coalesce(shared.c.resource_count, 0))
        .outerjoin(shared, shared.c.fabrique_id == Fabrique.id)
        .order_by(Fabrique.name, Fabrique.id)
    )
    rows = db.session.execute(queries.filtered(statement, filters or queries.DirectoryFilters())).all()
    return [
        MapFabrique(slug=slug, name=name, territory_type=territory, region_code=region, city=city,
                    department_label=department_label(department),
                    latitude=latitude, longitude=longitude, resource_count=count)
        for slug, name, territory, region, city, department, latitude, longitude, count in rows
    ]


def home_zone(filters: queries.DirectoryFilters, located: list[MapFabrique]) -> str:
    """What the main map frames first: the overseas region the filters choose, else the
    metropole, unless only overseas fabriques are left (then the region with the most)."""
    chosen = filters.region or (region_of(filters.department) if filters.department else "")
    if chosen in OVERSEAS:
        return chosen
    zones = [fabrique.zone for fabrique in located]
    if not zones or METROPOLE in zones:
        return METROPOLE
    return max(OVERSEAS, key=zones.count)  # ties: the first in FRAMES's order


def insets(home: str, located: list[MapFabrique]) -> list[Inset]:
    """The overseas regions with fabriques on the map, other than the one the main map frames."""
    zones = [fabrique.zone for fabrique in located]
    return [Inset(code, REGIONS[code], zones.count(code)) for code in OVERSEAS
            if code != home and code in zones]


def _marker(fabrique: MapFabrique) -> dict:
    return {
        "name": fabrique.name,
        "url": url_for("fabriques.show", slug=fabrique.slug),
        "lat": fabrique.latitude,
        "lng": fabrique.longitude,
        "territory": fabrique.territory_type.value,
        "territory_label": fabrique.territory_type.label,
        "place": fabrique.place,
        "resources": fabrique.resource_count,
        "zone": fabrique.zone,
    }


@blueprint.get("/fabriques/carte")
@public_page
def index():
    filters = queries.DirectoryFilters.from_args(request.args)
    fabriques = map_fabriques(filters)
    located = [fabrique for fabrique in fabriques if fabrique.located]
    unlocated = [fabrique for fabrique in fabriques if not fabrique.located]
    home = home_zone(filters, located)
    return render_template(
        "map/index.html", markers=[_marker(fabrique) for fabrique in located], located=located,
        unlocated=unlocated, territories=list(TerritoryType), home=home,
        home_name=REGIONS[home] if home in OVERSEAS else "", home_frame=",".join(map(str, FRAMES[home])),
        insets=insets(home, located), filters=filters, active_filters=filters_in_use(),
        list_url=url_for("fabriques.index", **filters.as_args()),
        # The directory's filter bar (templates/fabriques/_filters.html), without its order.
        for_map=True, regions=sorted(REGIONS.items(), key=lambda r: r[1]), departments=departments_by_region(),
        modules=MODULES, sorts=queries.SORTS, standard_filters=queries.STANDARD_FILTERS,
    )
