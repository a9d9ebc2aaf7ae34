"""How the profile shows the standard's fields: forum/fabriques/data/profile.toml, read once."""

from __future__ import annotations

import tomllib
from importlib import resources

from forum.fabriques.standard import VOCABULARIES


def _load() -> dict:
    text = resources.files("forum.fabriques").joinpath("data/profile.toml").read_text("utf-8")
    data = tomllib.loads(text)
    unknown = set(data) - {"typologies_shown", "page_lists"}
    if unknown:
        raise ValueError(f"profile.toml: unknown keys {sorted(unknown)}")
    return data


_DATA = _load()
# The typologies the form offers first, in this order (the others are folded).
TYPOLOGIES_SHOWN: tuple[str, ...] = tuple(_DATA["typologies_shown"])
# (field, heading) of the lists a fabrique's page shows, in order.
PAGE_LISTS: tuple[tuple[str, str], ...] = tuple((field, heading) for field, heading in _DATA["page_lists"])
if not set(TYPOLOGIES_SHOWN) <= set(VOCABULARIES["typologie"]) or any(field not in VOCABULARIES for field, _ in PAGE_LISTS):
    raise ValueError("profile.toml names a typology or a list the standard does not have")
