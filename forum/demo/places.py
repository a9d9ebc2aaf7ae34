"""Demo material about places: the fictitious fabriques, their buildings, streets and rooms.

Every fabrique name is invented. Small towns are invented too (generic-sounding
names); large cities are real, with invented neighbourhoods and addresses.
Department codes are real (see ``forum.fabriques.geography.DEPARTMENTS``).
The material lives in ``forum/demo/data/places.toml``; this module declares its types and loads it
(``forum.demo.loading``: an unknown, missing or mistyped key fails at import).
"""

from __future__ import annotations

from typing import NamedTuple

from forum.demo.loading import load_into


class FabriqueSpec(NamedTuple):
    name: str
    department: str
    territory: str  # "rural" | "qpv" | "urbain"
    city: str
    postal_code: str | None  # None (left out of the data file): generated from the department code
    coords: tuple[float, float] | None  # None (left out): department centre + jitter
    modules: tuple[str, ...]
    building: str  # "une ancienne grange restaurée": what the place is, in a sentence
    neighbourhood: str = ""  # for QPV: the priority neighbourhood (invented)


FABRIQUES: tuple[FabriqueSpec, ...]
DEPARTMENT_CENTRES: dict[str, tuple[float, float]]  # approximate (latitude, longitude)
NEARBY_VILLAGES: tuple[str, ...]  # invented villages used as "neighbouring" places in texts
RURAL_STREETS: tuple[str, ...]
CITY_STREETS: tuple[str, ...]
SPACES_BY_MODULE: dict[str, tuple[tuple[str, tuple[int, int], str], ...]]  # (name, capacity range, equipment)
GENERIC_SPACES: tuple[tuple[str, tuple[int, int], str], ...]
MODULE_LINES: dict[str, tuple[str, ...]]  # phrases describing each module in a fabrique's description

load_into(__name__, "places.toml")
