"""Display names: their look-alike key, the reserved words. Pure functions, no database.

Two names that look alike have the same ``name_key``: it ignores case, accents, and what
separates words (spaces, hyphens, dots...), and maps confusable characters to one prototype (Unicode TR39 skeleton, after
NFKC so that full-width letters count as letters). ``User.name_key`` stores its digest,
unique, so that no member can take a name that passes for another's.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from importlib import resources

from forum.core.confusables import skeleton

_SEPARATORS = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """The look-alike form of ``text``: "Аlice Mаrtin" (Cyrillic а) and "ALICE MARTIN" -> "allce rnartln"."""
    folded = skeleton(skeleton(unicodedata.normalize("NFKC", text)).casefold())
    without_accents = "".join(char for char in folded if not unicodedata.combining(char))
    # The skeleton maps a capital I to l; once case is folded, i and l must meet too
    # ("AIice" with a capital i looks like "Alice" in most fonts).
    return without_accents.replace("i", "l")


def words(text: str) -> list[str]:
    return [word for word in _SEPARATORS.split(fold(text)) if word]


def name_key(display_name: str) -> str | None:
    """The digest stored in ``User.name_key`` (fixed length, whatever the name), None for no name.

    Word boundaries count ("Joëlle Roux" is not "Joël Leroux"), not what marks them ("Alice-Martin"
    is "Alice Martin")."""
    key = " ".join(words(display_name))
    return hashlib.sha256(key.encode()).hexdigest() if key else None


@lru_cache(maxsize=1)
def reserved_names() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each reserved entry as written in the data file, with its look-alike words."""
    text = resources.files("forum.accounts").joinpath("reserved_names.txt").read_text("utf-8")
    entries = (line.strip() for line in text.splitlines())
    return tuple((entry, tuple(words(entry))) for entry in entries if entry and not entry.startswith("#"))


def reserved_word_in(display_name: str) -> str | None:
    """The reserved entry that ``display_name`` contains as whole words (or spells out), else None."""
    name_words = words(display_name)
    compact = "".join(name_words)
    for entry, entry_words in reserved_names():
        size = len(entry_words)
        if compact == "".join(entry_words) or any(
                tuple(name_words[start:start + size]) == entry_words for start in range(len(name_words) - size + 1)):
            return entry
    return None
