"""Small text helpers shared by the domains, and the hygiene every user text goes through.

``clean_line`` and ``clean_text`` make a text safe to store and show: NFC, no control
characters (C0, DEL, C1), no invisible format characters (bidi controls, zero-width
characters, soft hyphens, tag characters...), no invisible "filler" letters, and no
Zalgo (runs of combining marks are capped). A text made only of such characters becomes
empty, which ``require_length`` refuses with the usual "ne peut pas être vide".
"""

from __future__ import annotations

import re
import sys
import unicodedata
from functools import lru_cache

from flask_babel import gettext as _

from forum.core.errors import Invalid
from forum.core.numbers import format_number

# C0 controls but \t and \n (\r is turned into \n first), DEL, and the C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"\s+")
# Letters that render as nothing (Hangul fillers, the Khmer inherent vowels, Mongolian
# variation selectors, the combining grapheme joiner): the classic "blank name" tricks.
_INVISIBLE_LETTERS = "\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u3164\uffa0"
# Blank but not whitespace for Python: shown as a space, so stored as one.
_BLANKS = re.compile("[\u2800]")
_LINE_SEPARATORS = re.compile("[\u2028\u2029]")
ZERO_WIDTH_JOINER = "\u200d"
# What may stand on both sides of a kept zero-width joiner: pictographs (an approximation of
# Unicode's Extended_Pictographic), and before it an emoji presentation selector or skin tone.
_PICTOGRAPHS = ("\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u21aa\u231a-\u23ff\u24c2\u25aa-\u27bf"
                "\u2934\u2935\u2b05-\u2b55\u3030\u303d\u3297\u3299\U0001f000-\U0001faff")
_LONE_JOINER = re.compile(f"(?<![{_PICTOGRAPHS}\ufe0f]){ZERO_WIDTH_JOINER}|{ZERO_WIDTH_JOINER}(?![{_PICTOGRAPHS}])")
# French needs at most one combining mark per letter (and NFC composes it); emoji keycaps use
# two (U+FE0F U+20E3). Past that it is Zalgo.
MAX_COMBINING_MARKS = 2


def _ranges(categories: set[str], but: str = "") -> str:
    """A regex character class body for every code point in ``categories`` (this Python's Unicode)."""
    parts, start, previous = [], None, None
    for code in range(sys.maxunicode + 1):
        if unicodedata.category(chr(code)) in categories and chr(code) not in but:
            if start is None:
                start = code
            elif code != previous + 1:
                parts.append((start, previous))
                start = code
            previous = code
    parts.append((start, previous))
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in parts)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    # Built once per process from unicodedata (about 50 ms), so new Unicode versions are followed.
    # Format characters (Cf): bidi embeddings, overrides and isolates (U+202A-202E, U+2066-2069),
    # LRM/RLM/ALM, zero-width space and non-joiner (U+200B, U+200C), word joiner (U+2060),
    # invisible operators, BOM (U+FEFF), soft hyphen, interlinear annotations, tag characters.
    # The zero-width joiner is handled apart: it is kept inside emoji sequences (👩‍💻).
    invisible = re.compile(f"[{_ranges({'Cf'}, but=ZERO_WIDTH_JOINER)}{_INVISIBLE_LETTERS}]")
    marks = _ranges({"Mn", "Me"})
    runs = re.compile(f"([{marks}]{{{MAX_COMBINING_MARKS}}})[{marks}]+")
    # Marks with nothing to sit on (at the start, after a space or a line break) show alone or not at all.
    orphans = re.compile(f"(?:^|(?<=\\s))[{marks}]+")
    return invisible, runs, orphans


def _sanitise(value: str) -> str:
    invisible, runs, orphans = _patterns()
    text = _CONTROL.sub("", value)
    text = invisible.sub("", text)
    if ZERO_WIDTH_JOINER in text:
        text = _LONE_JOINER.sub("", text)
    text = unicodedata.normalize("NFC", _BLANKS.sub(" ", text))
    return orphans.sub("", runs.sub(r"\1", text))


def slugify(text: str, max_length: int = 80) -> str:
    """"Médiation numérique à l'école" -> "mediation-numerique-a-l-ecole"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:max_length].rstrip("-") or "sujet"


def clean_line(value: str | None) -> str:
    """One line of user text: sanitised (see the module), spaces collapsed, trimmed."""
    return _SPACES.sub(" ", _sanitise(value or "")).strip()


def clean_text(value: str | None) -> str:
    """A multi-line user text: sanitised (newlines and tabs kept), line ends normalised, trimmed."""
    text = _LINE_SEPARATORS.sub("\n", (value or "").replace("\r\n", "\n").replace("\r", "\n"))
    return _sanitise(text).strip()


def like_escape(text: str) -> str:
    """``text`` with LIKE's wildcards taken literally; use with ``escape="\\"``: "100%" matches "100%" only."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def require_length(value: str, label: str, *, minimum: int = 1, maximum: int, field: str | None = None) -> str:
    """Return ``value`` if its length is within bounds, else raise Invalid with a message in the interface's
    language; ``label`` (« Le titre ») is best given translatable (``lazy_gettext``)."""
    if len(value) < minimum:
        if minimum == 1:
            raise Invalid(_("%(label)s ne peut pas être vide.", label=str(label)), field=field)
        raise Invalid(_("%(label)s doit faire au moins %(minimum)s caractères.", label=str(label),
                        minimum=format_number(minimum)), field=field)
    if len(value) > maximum:
        raise Invalid(_("%(label)s est trop long : %(length)s caractères pour %(maximum)s au plus.", label=str(label),
                        length=format_number(len(value)), maximum=format_number(maximum)), field=field)
    return value
