"""Numbers and money the French way: « 150,50 » is a hundred and fifty euros fifty, « 1 000 » a thousand.

People type a decimal comma, group thousands with a space (ordinary, no-break or narrow
no-break) and sometimes add the « € ». ``parse_french_number`` reads all of that, and reads a
decimal point too; what it cannot read gets a French message, never a guess: « 1.000 » or
« 1,000 » (a thousands separator in another convention) are refused rather than taken for one.
``number_fr`` and ``euros`` write numbers back as French readers expect.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import format_currency, format_decimal
from flask_babel import gettext as _

from forum.core.i18n import current_language

NARROW_NO_BREAK_SPACE = "\u202f"
# Digits, optionally in groups of three after the first, then an optional decimal part.
_FRENCH_NUMBER = re.compile(r"(?P<sign>-?)(?P<int>\d{1,3}(?:[ ]\d{3})+|\d+)(?:[,.](?P<frac>\d+))?")
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
# Three digits after a single separator: a thousands separator in another convention, or a
# decimal with three places? Ambiguous for money and counts: refused with an explanation.
_AMBIGUOUS = re.compile(r"-?\d{1,3}[.,]\d{3}")


class NotANumber(ValueError):
    """The text is not a number a French reader would write; the message says what to type."""


def parse_french_number(text: str, *, decimals: int = 0) -> Decimal:
    """The number in ``text`` (« 150,50 », « 1 000 », « 12,5 € », « 3.5 »), with at most ``decimals``
    digits after the comma; NotANumber with a French message otherwise."""
    cleaned = _SPACES.sub(" ", text.strip()).removesuffix("€").strip()
    if decimals == 0 and _AMBIGUOUS.fullmatch(cleaned):
        raise NotANumber(_("Écrivez le nombre sans point ni virgule, avec une espace pour les milliers : « 1 000 »."))
    match = _FRENCH_NUMBER.fullmatch(cleaned)
    if match is None:
        raise NotANumber(_("Écrivez un nombre, par exemple « 150 » ou « 150,50 ».") if decimals
                         else _("Écrivez un nombre entier, par exemple « 12 » ou « 1 000 »."))
    fraction = match.group("frac") or ""
    if len(fraction) > decimals:
        raise NotANumber(_("Au plus %(decimals)s chiffres après la virgule, par exemple « 150,50 ».", decimals=decimals)
                         if decimals else _("Écrivez un nombre entier, sans virgule."))
    digits = match.group("int").replace(" ", "")
    return Decimal(f"{match.group('sign')}{digits}.{fraction or '0'}")


def number_fr(value: int | Decimal | float | None, *, decimals: int = 0) -> str:
    """« 1 000 », « 150,50 », « 12 500,5 »: narrow no-break spaces between thousands, a decimal comma;
    decimals shown only when the value has some (up to ``decimals``)."""
    if value is None:
        return ""
    amount = Decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    sign = "-" if amount < 0 else ""
    whole, _, fraction = f"{abs(amount):f}".partition(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    text = sign + NARROW_NO_BREAK_SPACE.join(groups or ["0"])
    if fraction and int(fraction):
        text += "," + fraction.ljust(decimals, "0")[:decimals]
    return text


def euros(value: int | Decimal | None) -> str:
    """« 150 € », « 150,50 € », « 1 000 € »: cents shown only when there are some."""
    return f"{number_fr(value, decimals=2)}\u00a0€" if value is not None else ""


def format_number(value: int | Decimal | float | None, *, decimals: int = 0) -> str:
    """A number in the interface's language: « 1 000 » / "1,000", « 150,5 » / "150.5"."""
    if value is None:
        return ""
    if current_language() == "fr":
        return number_fr(value, decimals=decimals)
    amount = Decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return format_decimal(amount, format=f"#,##0.{'#' * decimals}" if decimals else "#,##0", locale="en")


def format_euros(value: int | Decimal | None) -> str:
    """« 150,50 € » / "€150.50": cents shown only when there are some."""
    if value is None:
        return ""
    if current_language() == "fr":
        return euros(value)
    amount = Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return format_currency(amount, "EUR", format="¤#,##0.00" if amount % 1 else "¤#,##0", locale="en",
                           currency_digits=False)
