"""Demo-like fabriques with the standard's fields, for the export and import tests."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from forum.extensions import db
from forum.fabriques import standard
from forum.fabriques.models import Fabrique
from forum.fabriques.standard_checks import luhn_valid
from tests.conftest import make_fabrique, make_user, writing


def siret(number: int) -> str:
    """A SIRET with valid keys (SIREN and SIRET), made from ``number``."""
    siren = next(f"{number:08d}{digit}" for digit in "0123456789" if luhn_valid(f"{number:08d}{digit}"))
    return next(f"{siren}0001{digit}" for digit in "0123456789" if luhn_valid(f"{siren}0001{digit}"))


PLACES = [
    dict(name="La Fabrique des Possibles", department="23", pivot=siret(4349331), postal_code="23200",
         code_insee="23008", city="Aubusson", address="12 rue des Tanneurs", complement_adresse="Bâtiment B, 1er étage",
         phone="+33555667788", contact_email="contact@fabrique-possibles.fr", website="https://fabrique-possibles.fr",
         horaires="Mo-Fr 09:00-12:00,14:00-18:00", summary="Un tiers-lieu rural, fablab et médiation numérique.",
         description="Nous accueillons « tout le monde », sans rendez-vous.\n\nAteliers, prêts, café.",
         latitude=45.9571, longitude=2.1683, fiche_acces_libre="https://acceslibre.beta.gouv.fr/app/23/a/erp/fab/",
         prise_rdv="https://rdv.fabrique-possibles.fr/", date_maj=date(2026, 11, 2), lists={
             "services": ["Maîtrise des outils numériques du quotidien", "Aide aux démarches administratives"],
             "typologie": ["TIERS_LIEUX", "FABRIQUE"],
             "formations_labels": ["Fabriques de Territoire", "Étapes numériques (La Poste)"],
             "publics_specifiquement_adresses": ["Seniors", "Jeunes"],
             "prise_en_charge_specifique": ["Langues étrangères (anglais)", "Surdité"],
             "frais_a_charge": ["Gratuit"], "itinerance": ["Fixe", "Itinérant"],
             "modalites_acces": ["Se présenter", "Téléphoner"],
             "modalites_accompagnement": ["Accompagnement individuel", "Dans un atelier collectif"],
             "dispositif_programmes_nationaux": ["Point d'accès numérique CAF", "Conseillers numériques"],
             "autres_formations_labels": ["Formé à l'accessibilité numérique"]}),
    # Older data: a phone kept as typed, normalised by the export.
    dict(name="Tiers-lieu du Cap", department="2B", pivot="W201000123", postal_code="20200",
         code_insee="2B033", city="Bastia", address="3 quai du Port", phone="04 95 31 00 00",
         summary="Coworking et atelier partagé face à la mer.", date_maj=date(2026, 10, 5),
         lists={"services": ["Loisirs et créations numériques"], "modalites_acces": ["Ce lieu n'accueille pas de public"]}),
    dict(name="Case numérique de Basse-Terre", department="971", pivot=siret(5021177), postal_code="97100",
         code_insee="97105", city="Basse-Terre", address="8 rue Schoelcher", phone="+590590123456",
         date_maj=date(2026, 9, 1), lists={"services": ["Compréhension du monde numérique"], "frais_a_charge": ["Payant"]}),
    # A phone nobody can read: the line is written without it.
    dict(name="Atelier du Faubourg", department="75", pivot=siret(7788990), postal_code="75011", city="Paris",
         address="40 rue du Faubourg-Saint-Antoine", phone="n/a", date_maj=date(2026, 8, 30), lists={}),
    # No SIRET nor RNA: it cannot be a valid line of the standard, the export leaves it out.
    dict(name="La Ruche sans SIRET", department="33", pivot="", postal_code="33000", city="Bordeaux",
         address="1 place de la Bourse", date_maj=None, lists={}),
]


def build_places(places=PLACES) -> list[int]:
    """The fabriques of ``places``, each with its own manager; their ids."""
    ids = []
    for number, place in enumerate(places):
        place = dict(place)
        manager = make_user(f"gerant{number}@exemple.fr", f"Gérant Numéro {number}")
        fabrique = make_fabrique(manager, place.pop("name"), department=place.pop("department"),
                                 description=place.pop("description", ""))
        lists = place.pop("lists")
        with writing():
            fabrique = db.session.execute(select(Fabrique).where(Fabrique.id == fabrique.id)
                                          .options(selectinload(Fabrique.standard_values))).scalar_one()
            for key, value in place.items():
                setattr(fabrique, key, value)
            standard.set_values(fabrique, {field: standard.ordered_values(field, values) for field, values in lists.items()})
            db.session.commit()
        ids.append(fabrique.id)
    return ids
