"""Small text helpers shared by the domains."""

from __future__ import annotations

import re
import unicodedata

from forum.core.errors import Invalid

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"\s+")


def slugify(text: str, max_length: int = 80) -> str:
    """"Médiation numérique à l'école" -> "mediation-numerique-a-l-ecole"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:max_length].rstrip("-") or "sujet"


def clean_line(value: str | None) -> str:
    """One line of user text: control characters removed, spaces collapsed, trimmed."""
    return _SPACES.sub(" ", _CONTROL.sub("", value or "")).strip()


def clean_text(value: str | None) -> str:
    """A multi-line user text: control characters removed (newlines and tabs kept), line ends normalised."""
    return _CONTROL.sub("", (value or "").replace("\r\n", "\n").replace("\r", "\n")).strip()


def require_length(value: str, label: str, *, minimum: int = 1, maximum: int, field: str | None = None) -> str:
    """Return ``value`` if its length is within bounds, else raise Invalid with a French message."""
    if len(value) < minimum:
        if minimum == 1:
            raise Invalid(f"{label} ne peut pas être vide.", field=field)
        raise Invalid(f"{label} doit faire au moins {minimum} caractères.", field=field)
    if len(value) > maximum:
        raise Invalid(
            f"{label} est trop long : {len(value):,} caractères pour {maximum:,} au plus.".replace(",", "\u202f"),
            field=field,
        )
    return value
