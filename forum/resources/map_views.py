"""The map of the directory: every fabrique with coordinates, with its number of shared resources."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, render_template, url_for
from sqlalchemy import false, func, select

from forum.core.page_cache import public_page
from forum.extensions import db
from forum.fabriques.geography import department_label
from forum.fabriques.models import Fabrique, TerritoryType
from forum.resources.models import Resource

# No url_prefix: the fabriques blueprint owns /fabriques/<slug>, and Werkzeug ranks
# this static rule above that variable one ("carte" is also a reserved slug).
blueprint = Blueprint("map", __name__)


@dataclass(frozen=True)
class MapFabrique:
    slug: str
    name: str
    territory_type: TerritoryType
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


def map_fabriques() -> list[MapFabrique]:
    """Every fabrique, by name, with its count of shared (not paused) resources: one query."""
    shared = (
        select(Resource.fabrique_id, func.count().label("resource_count"))
        .where(Resource.paused == false(), Resource.hidden_at.is_(None))
        .group_by(Resource.fabrique_id)
        .subquery()
    )
    rows = db.session.execute(
        select(Fabrique.slug, Fabrique.name, Fabrique.territory_type, Fabrique.city, Fabrique.department_code,
               Fabrique.latitude, Fabrique.longitude, func.coalesce(shared.c.resource_count, 0))
        .outerjoin(shared, shared.c.fabrique_id == Fabrique.id)
        .order_by(Fabrique.name, Fabrique.id)
    ).all()
    return [
        MapFabrique(slug=slug, name=name, territory_type=territory, city=city,
                    department_label=department_label(department),
                    latitude=latitude, longitude=longitude, resource_count=count)
        for slug, name, territory, city, department, latitude, longitude, count in rows
    ]


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
    }


@blueprint.get("/fabriques/carte")
@public_page
def index():
    fabriques = map_fabriques()
    located = [fabrique for fabrique in fabriques if fabrique.located]
    unlocated = [fabrique for fabrique in fabriques if not fabrique.located]
    return render_template(
        "map/index.html", markers=[_marker(fabrique) for fabrique in located], located=located,
        unlocated=unlocated, territories=list(TerritoryType),
    )
