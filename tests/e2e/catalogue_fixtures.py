"""Extra seed for the catalogue's browser tests: a second fabrique, far from the first, with a member.

Import the fixture into the test module (``from tests.e2e.catalogue_fixtures import borrower``);
it builds on ``live_server`` (tests/e2e/conftest.py), whose fabrique lends.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from forum.extensions import db
from forum.resources.models import ResourceKind
from tests.conftest import make_fabrique, make_member, make_user
from tests.resources.builders import make_resource

BORROWER_FABRIQUE = "L'Atelier des Pentes"
BORROWER_DEPARTMENT = "69"  # Rhône: Auvergne-Rhône-Alpes, while the lender is in the Creuse (Nouvelle-Aquitaine)
BORROWER_REGION = "Auvergne-Rhône-Alpes"
LENDER_REGION = "Nouvelle-Aquitaine"  # live_server's fabrique is in department 23 (make_fabrique's default)
BORROWER_MANAGER_EMAIL = "bruno.responsable@exemple.fr"
BORROWER_MANAGER_NAME = "Bruno Responsable"
MEMBER_EMAIL = "ines.emprunteuse@exemple.fr"
MEMBER_NAME = "Inès Emprunteuse"
# Listed by the borrowing fabrique, so that filtering the catalogue by type hides something.
ROOM_NAME = "Salle des Canuts"


@dataclass
class Borrower:
    fabrique_name: str
    fabrique_slug: str
    region: str
    member_email: str
    member_name: str
    room_name: str


@pytest.fixture
def borrower(live_server) -> Borrower:
    """A fabrique in another region, its manager, an accepted member, and a room it lists."""
    with live_server.app.app_context():
        manager = make_user(BORROWER_MANAGER_EMAIL, BORROWER_MANAGER_NAME)
        fabrique = make_fabrique(manager, BORROWER_FABRIQUE, BORROWER_DEPARTMENT, "urbain", ["fablab"],
                                 city="Lyon")
        make_member(fabrique, MEMBER_EMAIL, MEMBER_NAME)
        make_resource(manager, fabrique, ROOM_NAME, ResourceKind.SPACE, capacity_meeting=30,
                      description="Une grande salle **lumineuse** au pied des pentes.")
        slug = fabrique.slug
        db.session.remove()
    return Borrower(fabrique_name=BORROWER_FABRIQUE, fabrique_slug=slug, region=BORROWER_REGION,
                    member_email=MEMBER_EMAIL, member_name=MEMBER_NAME, room_name=ROOM_NAME)
