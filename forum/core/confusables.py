"""Unicode TR39 (UTS #39) skeletons: two strings that look alike have the same skeleton.

``skeleton("раypal") == skeleton("paypal")`` (Cyrillic а and р). Per UTS #39 section 4:
NFD, remove default-ignorable code points, replace each character by its prototype from
Unicode's confusables.txt (shipped beside this module, see its header), NFD again.

On PyPI, confusable-homoglyphs has no skeleton, disarm's ``skeleton_key`` is its own key (NFKC,
case folding) in an early beta, and PyICU needs a compiler and the ICU headers: so the few lines
of the standard live here, over Unicode's own data file.
A skeleton is a comparison key, never something to show.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from importlib import resources

# Default_Ignorable_Code_Point beyond the format characters (Cf): the combining grapheme joiner,
# Hangul and Khmer fillers, variation selectors.
_IGNORABLE_EXTRA = frozenset(
    [0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x3164, 0xFFA0, *range(0x180B, 0x1810), *range(0xFE00, 0xFE10),
     *range(0xE0100, 0xE01F0)])


@lru_cache(maxsize=1)
def prototypes() -> dict[str, str]:
    """Each confusable character and its prototype (one or more characters)."""
    text = resources.files("forum.core").joinpath("confusables.txt").read_text("utf-8")
    table = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        source, target = (field.strip() for field in line.split(";"))
        table[chr(int(source, 16))] = "".join(chr(int(code, 16)) for code in target.split())
    return table


def _ignorable(char: str) -> bool:
    return unicodedata.category(char) == "Cf" or ord(char) in _IGNORABLE_EXTRA


def skeleton(text: str) -> str:
    """The UTS #39 skeleton of ``text`` (case-sensitive, as the standard defines it)."""
    table = prototypes()
    decomposed = unicodedata.normalize("NFD", text)
    mapped = "".join(table.get(char, char) for char in decomposed if not _ignorable(char))
    return unicodedata.normalize("NFD", mapped)
