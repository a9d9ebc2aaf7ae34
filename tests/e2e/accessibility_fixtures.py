"""Seed for the accessibility tests: one of each main page, with something on it, through the real services.

Bind the fixture in the test module (``a11y_world = accessibility_fixtures.a11y_world``: a plain
import would read as unused); it builds on ``live_server`` (tests/e2e/conftest.py):

- a second fabrique, in Lyon, with a member who borrows;
- the lender's laser cutter (and a paused sewing machine), and a loan of it asked by that member (who
  reads the logged-in pages) and accepted by the lender's manager (the calendar shows busy days);
- a thread by that member with a reply by the lender's manager (a notification for the member),
  a reply flagged by the member and one with a link waiting for approval (the moderation queue);
- a published practice report edited once (two revisions to compare);
- two fabriques placed on the map;
- a moderator.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest

from forum.accounts.models import User
from forum.extensions import db
from forum.fabriques.models import Fabrique
from forum.moderation import flags
from forum.moderation.models import TargetType
from forum.practices import services as practices
from forum.resources import services as resources
from forum.resources.loans import Action
from forum.threads.models import Category
from tests.conftest import commit_work, make_fabrique, make_member, make_reply, make_thread, make_user, writing
from tests.practices.builders import make_practice, practice_input
from tests.resources.builders import day, make_loan, make_resource

BORROWER_MANAGER_EMAIL = "bruno.responsable@exemple.fr"
MEMBER_EMAIL = "ines.emprunteuse@exemple.fr"
MODERATOR_EMAIL = "mona.moderatrice@exemple.fr"
MODERATOR_NAME = "Mona Modératrice"
THREAD_TITLE = "Comment organiser un atelier de réparation de vélos ?"
ITEM = "Découpeuse laser 60 W"
PRACTICE_TITLE = "Un repair café mensuel avec la médiathèque"
SEARCH_WORDS = "atelier vélos"


@dataclass
class A11yWorld:
    member_email: str
    manager_email: str
    moderator_email: str
    password: str
    thread_url: str
    resource_url: str
    loan_url: str
    practice_url: str
    compare_url: str
    search_url: str


@pytest.fixture
def a11y_world(live_server) -> A11yWorld:
    with live_server.app.app_context():
        def user(email: str) -> User:
            return db.session.execute(db.select(User).where(User.email == email)).scalar_one()

        lender = db.session.execute(db.select(Fabrique).where(Fabrique.slug == live_server.fabrique_slug)).scalar_one()
        manager = user(live_server.manager_email)
        borrowing = make_fabrique(make_user(BORROWER_MANAGER_EMAIL, "Bruno Responsable"), "L'Atelier des Pentes", "69",
                                  "urbain", ["fablab"], city="Lyon")
        member = make_member(borrowing, MEMBER_EMAIL, "Inès Emprunteuse")
        categories = list(db.session.execute(db.select(Category).order_by(Category.position)).scalars())
        moderator = make_user(MODERATOR_EMAIL, MODERATOR_NAME, role="moderator")

        # The catalogue: a laser cutter lent for three days, accepted.
        item = make_resource(manager, lender, ITEM, description="Découpeuse **CO2**, plateau de 60 × 40 cm.",
                             deposit_euros=Decimal("300"), pickup_place="Atelier, 2 rue de la Gare, Guéret")
        loan = make_loan(member, item, day(5), day(7), message="Pour l'atelier jeux en bois du centre social.")
        with writing():
            resources.act_on_loan(manager, resources.get_loan(loan.id), Action.ACCEPT, "Avec plaisir.")
            commit_work()
        # ... and a sewing machine lent no more for now (its card is shown paused).
        paused = make_resource(manager, lender, "Machine à coudre", quantity=2)
        with writing():
            resources.set_paused(manager, resources.get_resource(paused.id), True)
            commit_work()

        # The forum: a question, an answer (the member is told), a reply someone flagged.
        thread = make_thread(member, categories[0], THREAD_TITLE,
                             "Nous voulons lancer un **atelier vélo** le samedi. Il nous manque :\n\n"
                             "- un pied d'atelier\n- des bénévoles\n\n> Tout le monde répare, personne ne paie.")
        answer = make_reply(manager, thread, "Nous avons commencé avec une caisse à outils et **deux bénévoles**.")
        with writing():
            flags.flag(member, TargetType.POST, answer, "hors-sujet", "Cela ne répond pas à la question.")
            commit_work()
        # A link from a fabrique's new manager waits for a moderator before it is published.
        make_reply(manager, thread, "Achetez vos outils chez https://outils-pas-chers.exemple.fr !")

        # The practices: a report, edited once.
        practice = make_practice(manager, [categories[0].id], title=PRACTICE_TITLE, kind="bonne-pratique")
        with writing():
            practices.update_practice(manager, practices.get_practice(practice.id),
                                      practice_input([categories[0].id], title=PRACTICE_TITLE,
                                                     period="automne 2025", cost_euros=600))
            commit_work()

        # The map: two fabriques with coordinates.
        for number, (name, department, city, lat, lng, territory) in enumerate((
                ("Atelier du Bourg", "23", "Guéret", 46.17, 1.87, "rural"),
                ("Bricothèque des Tours", "93", "Bobigny", 48.91, 2.44, "qpv"))):
            placed = make_user(f"carte{number}@exemple.fr", f"Responsable Carte {number}")
            make_fabrique(placed, name, department, territory, ["fablab"], city=city, latitude=lat, longitude=lng)

        world = A11yWorld(
            member_email=member.email, manager_email=manager.email, moderator_email=moderator.email,
            password=live_server.password, thread_url=f"/sujets/{thread.id}", resource_url=f"/ressources/{item.id}",
            loan_url=f"/prets/{loan.id}", practice_url=f"/pratiques/{practice.id}",
            compare_url=f"/pratiques/{practice.id}/comparer?de=1&a=2", search_url="/recherche?q=atelier+v%C3%A9los",
        )
        db.session.remove()
    return world
