"""Extra seed for the practice reports' browser tests.

Import the fixture into the test module (``from tests.e2e.practices_fixtures import practice_world``);
it builds on ``live_server`` (tests/e2e/conftest.py): an accepted member of its fabrique who
writes the report, a second fabrique with a member who reads, votes and comments, and one
published "bonne pratique" of that second fabrique, so the list shows both kinds of card.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from forum.extensions import db
from forum.fabriques.models import Fabrique
from forum.threads.models import Category
from tests.conftest import make_fabrique, make_member, make_user
from tests.practices.builders import make_practice

AUTHOR_EMAIL = "yasmine.autrice@exemple.fr"
AUTHOR_NAME = "Yasmine Autrice"
OTHER_FABRIQUE = "Le Tiers-Lieu des Coteaux"
OTHER_MANAGER_EMAIL = "odile.responsable@exemple.fr"
OTHER_MANAGER_NAME = "Odile Responsable"
READER_EMAIL = "noe.lecteur@exemple.fr"
READER_NAME = "Noé Lecteur"
GOOD_TITLE = "Un repair café mensuel avec la médiathèque"


@dataclass
class PracticeWorld:
    author_email: str
    author_name: str
    other_fabrique_name: str
    reader_email: str
    reader_name: str
    good_title: str


@pytest.fixture
def practice_world(live_server) -> PracticeWorld:
    with live_server.app.app_context():
        fabrique = db.session.execute(
            db.select(Fabrique).where(Fabrique.slug == live_server.fabrique_slug)).scalar_one()
        make_member(fabrique, AUTHOR_EMAIL, AUTHOR_NAME)
        other_manager = make_user(OTHER_MANAGER_EMAIL, OTHER_MANAGER_NAME)
        other = make_fabrique(other_manager, OTHER_FABRIQUE, "87", "urbain", city="Limoges")
        make_member(other, READER_EMAIL, READER_NAME)
        theme_ids = list(db.session.execute(db.select(Category.id).order_by(Category.position)).scalars())
        make_practice(other_manager, theme_ids[:1], title=GOOD_TITLE, kind="bonne-pratique",
                      territory_type="urbain")
        db.session.remove()
    return PracticeWorld(author_email=AUTHOR_EMAIL, author_name=AUTHOR_NAME, other_fabrique_name=OTHER_FABRIQUE,
                         reader_email=READER_EMAIL, reader_name=READER_NAME, good_title=GOOD_TITLE)
