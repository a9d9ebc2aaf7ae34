"""Checks of the standard's values, shared by the profile form and the import.

Each function takes what a person typed (or a file holds) and returns the value in the
standard's form, or raises ``Invalid`` with a French sentence naming the field. Values are
checked here so that nothing PostgreSQL would refuse (or the standard would reject) is stored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

import phonenumbers

from flask_babel import gettext as _

from forum.core.errors import Invalid
from forum.core.text import clean_line
from forum.fabriques.standard import (
    FREE_LIST_FIELD,
    FREE_VALUE_MAX_LENGTH,
    VARIANTS,
    VOCABULARIES,
    ordered_values,
    unknown_values,
)

SIRET = re.compile(r"\d{14}")
RNA = re.compile(r"W\d{9}")
# La Poste's establishments share one SIREN whose SIRETs follow their own key (sum of digits % 5).
LA_POSTE_SIREN = "356000000"
POSTAL_CODE = re.compile(r"\d{5}")
CODE_INSEE = re.compile(r"([013-9]\d|2[AB1-9])\d{3}")
# The calling codes the standard accepts, and what follows them: 6 to 9 digits.
STANDARD_PHONE = re.compile(r"(\+33|\+590|\+594|\+262|\+596|\+269|\+687|\+689|\+508|\+681)\d{6,9}")
URL_MAX_LENGTH = 300


def luhn_valid(digits: str) -> bool:
    """The Luhn key of a SIREN or SIRET (every second digit from the right doubled)."""
    total = 0
    for position, digit in enumerate(reversed(digits)):
        value = int(digit) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def check_pivot(raw: str) -> str:
    """A SIRET (14 digits and a valid key) or, for an association without one, an RNA number (W + 9 digits)."""
    value = re.sub(r"[\s.]", "", raw or "").upper()
    if not value:
        return ""
    if SIRET.fullmatch(value):
        if value.startswith(LA_POSTE_SIREN):
            valid = sum(int(digit) for digit in value) % 5 == 0
        else:
            valid = luhn_valid(value[:9]) and luhn_valid(value)
        if not valid:
            raise Invalid(_("Le SIRET %(siret)s n'est pas valide (sa clé de contrôle ne correspond pas)\u00a0: "
                            "vérifiez-le sur annuaire-entreprises.data.gouv.fr.", siret=value), field="pivot")
        return value
    if RNA.fullmatch(value):
        return value
    raise Invalid(_("Indiquez un SIRET (14 chiffres) ou, pour une association sans SIRET, "
                    "son numéro RNA (W suivi de 9 chiffres)."), field="pivot")


def check_postal_code(raw: str) -> str:
    value = clean_line(raw or "").replace(" ", "")
    if value and not POSTAL_CODE.fullmatch(value):
        raise Invalid(_("Le code postal s'écrit avec 5 chiffres, par exemple 23200."), field="postal_code")
    return value


def check_code_insee(raw: str) -> str:
    value = clean_line(raw or "").replace(" ", "").upper()
    if value and not CODE_INSEE.fullmatch(value):
        raise Invalid(_("Le code INSEE de la commune s'écrit avec 5 caractères, par exemple 23096 ou 2A004."),
                      field="code_insee")
    return value


def check_phone(raw: str) -> str:
    """A French phone number, as typed ("05 55 66 77 88", "+33 5…"), in the standard's form "+33555667788"."""
    text = clean_line(raw or "")
    if not text:
        return ""
    message = _("Ce numéro de téléphone n'est pas valide\u00a0: écrivez-le comme 05\u00a055\u00a066\u00a077\u00a088.")
    if len(text) > 40:
        raise Invalid(message, field="phone")
    try:
        number = phonenumbers.parse(text, "FR")
    except phonenumbers.NumberParseException:
        raise Invalid(message, field="phone") from None
    if not phonenumbers.is_valid_number(number):
        raise Invalid(message, field="phone")
    value = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if not STANDARD_PHONE.fullmatch(value):
        raise Invalid(_("Le standard n'accepte que les numéros de France métropolitaine et d'outre-mer."), field="phone")
    return value


def phone_for_display(value: str) -> str:
    """"+33555667788" as a French reader writes it: "05 55 66 77 88" (no-break spaces)."""
    if not value:
        return ""
    try:
        number = phonenumbers.parse(value, "FR")
    except phonenumbers.NumberParseException:
        return value
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL).replace(" ", "\u00a0")


def check_url(raw: str, label: str, field: str, *, required_prefix: str = "") -> str:
    """An http(s) address ("exemple.fr" gets https://); ``required_prefix``: the site it must be on."""
    url = clean_line(raw or "")
    if not url:
        return ""
    if "://" not in url:
        url = "https://" + url
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or "." not in parts.netloc or " " in url or len(url) > URL_MAX_LENGTH:
        raise Invalid(_("%(label)s doit être une adresse comme https://exemple.fr.", label=label), field=field)
    if required_prefix and not url.startswith(required_prefix):
        raise Invalid(_("%(label)s doit être une adresse de %(site)s.", label=label, site=required_prefix), field=field)
    return url


def standard_value(field: str, raw: str) -> str:
    """One value of a list as a file writes it, read with the known variations (typographic apostrophes,
    older spellings)."""
    value = clean_line(raw.replace("\u2019", "'"))
    return VARIANTS.get(value, value)


def check_list(field: str, values: Iterable[str]) -> list[str]:
    """The values of a list of the standard: known (closed vocabularies), without repeats, in order."""
    cleaned = [standard_value(field, value) for value in values if value and value.strip()]
    unknown = unknown_values(field, cleaned)
    if unknown:
        raise Invalid(_("Valeur inconnue du standard pour «\u00a0%(field)s\u00a0»\u00a0: «\u00a0%(value)s\u00a0».",
                        field=field, value=unknown[0]), field=field)
    if field == FREE_LIST_FIELD:
        for value in cleaned:
            if len(value) > FREE_VALUE_MAX_LENGTH:
                raise Invalid(_("Un label de «\u00a0%(field)s\u00a0» dépasse %(num)d caractères.",
                                field=field, num=FREE_VALUE_MAX_LENGTH), field=field)
    elif field not in VOCABULARIES:
        raise Invalid(_("«\u00a0%(field)s\u00a0» n'est pas une liste du standard.", field=field), field=field)

    return ordered_values(field, cleaned)
