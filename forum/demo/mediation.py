"""Demo material for the national standard of mediation places (``forum/demo/data/mediation.toml``),
drawn by ``forum.demo.seed_mediation``."""

from __future__ import annotations

from forum.demo.loading import load_into

TYPOLOGY: str
LABEL: str
TYPOLOGIES_BY_MODULE: dict[str, tuple[str, ...]]
COMMON_SERVICES: tuple[str, ...]
SERVICES_BY_MODULE: dict[str, tuple[str, ...]]
PUBLICS: tuple[str, ...]
PUBLICS_MOST: int
SPECIFIC_NEEDS: tuple[str, ...]
SPECIFIC_NEEDS_MOST: int
COSTS: tuple[tuple[str, ...], ...]
ACCESS: tuple[tuple[str, ...], ...]
SUPPORT: tuple[tuple[str, ...], ...]
PROGRAMMES: tuple[str, ...]
PROGRAMMES_MOST: int
OTHER_LABELS: tuple[str, ...]
FREE_LABELS: tuple[str, ...]
TRAVELLING_SHARE: float
HORAIRES: tuple[str, ...]
HOURS_NOTES: tuple[str, ...]
RNA_SHARE: float
ACCES_LIBRE_SHARE: float
BOOKING_SHARE: float
ACCES_LIBRE_URL: str
BOOKING_URL: str
UPDATED_DAYS_AGO: tuple[int, int]
CITY_INSEE: dict[str, str]

load_into(__name__, "mediation.toml")
