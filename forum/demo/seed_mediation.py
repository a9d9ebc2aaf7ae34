"""The demo fabriques in the national standard of mediation places: SIRET or RNA, INSEE code,
typologies, services, publics, hours in OpenStreetMap's syntax... (``forum.demo.mediation``).

Every value goes through the checks a manager's form goes through (forum.fabriques.standard_checks),
so a demo fabrique can be saved again as it is."""

from __future__ import annotations

import random
from datetime import timedelta

from forum.core.text import slugify
from forum.demo import mediation, places
from forum.demo.context import DemoContext
from forum.fabriques import opening_hours, standard, standard_checks
from forum.fabriques.models import Fabrique
from forum.fabriques.standard_checks import LA_POSTE_SIREN, luhn_valid


def luhn_completed(digits: str) -> str:
    """``digits`` followed by the digit that makes its Luhn key valid."""
    return next(digits + str(key) for key in range(10) if luhn_valid(digits + str(key)))


def fictitious_siret(rng: random.Random) -> str:
    """A SIRET with valid keys (its SIREN's and its own), made up from ``rng``."""
    while True:
        siren = luhn_completed(str(rng.choice((4, 5, 8, 9))) + "".join(str(rng.randrange(10)) for _ in range(7)))
        if siren != LA_POSTE_SIREN:
            return luhn_completed(siren + f"{rng.randrange(1, 100):04d}")


def fictitious_rna(department: str, rng: random.Random) -> str:
    """W + 9 digits, starting with the department's number (as the prefectures' registers do)."""
    prefix = department if department.isdigit() else "20"
    return "W" + prefix + "".join(str(rng.randrange(10)) for _ in range(9 - len(prefix)))


def code_insee(spec: places.FabriqueSpec, rng: random.Random) -> str:
    """The real city's code, else a code of the department for an invented town."""
    if spec.city in mediation.CITY_INSEE:
        return mediation.CITY_INSEE[spec.city]
    if len(spec.department) == 3:  # overseas: 97x and two digits
        return f"{spec.department}{rng.randrange(1, 35):02d}"
    return f"{spec.department}{rng.randrange(1, 400):03d}"


def _some(rng: random.Random, values: tuple[str, ...], most: int) -> list[str]:
    return rng.sample(values, rng.randint(0, most))


def _lists(spec: places.FabriqueSpec, rng: random.Random) -> dict[str, list[str]]:
    typologies = sorted({typology for module in spec.modules for typology in mediation.TYPOLOGIES_BY_MODULE[module]})
    services = sorted({service for module in spec.modules for service in mediation.SERVICES_BY_MODULE[module]})
    services = rng.sample(services, min(len(services), rng.randint(2, 4)))
    for service in mediation.COMMON_SERVICES:
        if len(services) < 2 or (service not in services and len(services) < 5 and rng.random() < 0.4):
            services.append(service)
    travelling = spec.territory == "rural" and rng.random() < mediation.TRAVELLING_SHARE
    return {
        "typologie": [mediation.TYPOLOGY, *rng.sample(typologies, min(len(typologies), rng.randint(1, 2)))],
        "services": services,
        "publics_specifiquement_adresses": _some(rng, mediation.PUBLICS, mediation.PUBLICS_MOST),
        "prise_en_charge_specifique": _some(rng, mediation.SPECIFIC_NEEDS, mediation.SPECIFIC_NEEDS_MOST),
        "frais_a_charge": list(rng.choice(mediation.COSTS)),
        "itinerance": ["Fixe", "Itinérant"] if travelling else ["Fixe"],
        "modalites_acces": list(rng.choice(mediation.ACCESS)),
        "modalites_accompagnement": list(rng.choice(mediation.SUPPORT)),
        "dispositif_programmes_nationaux": _some(rng, mediation.PROGRAMMES, mediation.PROGRAMMES_MOST),
        "formations_labels": [mediation.LABEL, *_some(rng, mediation.OTHER_LABELS, 1)],
        standard.FREE_LIST_FIELD: _some(rng, mediation.FREE_LABELS, 1) if rng.random() < 0.3 else [],
    }


def apply_standard(ctx: DemoContext, fabrique: Fabrique, spec: places.FabriqueSpec, rng: random.Random) -> None:
    """Give ``fabrique`` (new, not yet added) the standard's data, as its managers would type it."""
    lists = {field: standard_checks.check_list(field, values) for field, values in _lists(spec, rng).items()}
    fabrique.standard_values = []
    standard.set_values(fabrique, lists)
    association = "ASSO" in lists["typologie"]
    fabrique.pivot = standard_checks.check_pivot(
        fictitious_rna(spec.department, rng) if association and rng.random() < mediation.RNA_SHARE
        else fictitious_siret(rng))
    fabrique.code_insee = standard_checks.check_code_insee(code_insee(spec, rng))
    fabrique.horaires = opening_hours.format_osm(opening_hours.parse(rng.choice(mediation.HORAIRES)))
    fields = {"department": spec.department.lower(), "city": slugify(spec.city), "slug": fabrique.slug,
              "insee": fabrique.code_insee}
    if rng.random() < mediation.ACCES_LIBRE_SHARE:
        fabrique.fiche_acces_libre = standard_checks.check_url(
            mediation.ACCES_LIBRE_URL.format(**fields), "La fiche Accès libre", "fiche_acces_libre",
            required_prefix="https://acceslibre.beta.gouv.fr/")
    if rng.random() < mediation.BOOKING_SHARE:
        fabrique.prise_rdv = standard_checks.check_url(mediation.BOOKING_URL.format(**fields), "La prise de RDV",
                                                       "prise_rdv")
    low, high = mediation.UPDATED_DAYS_AGO
    fabrique.date_maj = ctx.today - timedelta(days=rng.randint(low, high))
