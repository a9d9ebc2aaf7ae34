"""Builders for the catalogue tests: resources and loans through the real services."""

from __future__ import annotations

from datetime import date, timedelta

from forum.core.dates import today_in_france
from forum.resources import services
from forum.resources.models import ResourceKind
from tests.conftest import commit_work, make_fabrique, make_member, make_user, writing

TODAY = today_in_france()


def day(offset: int) -> date:
    return TODAY + timedelta(days=offset)


def make_resource(manager, fabrique, name: str = "Découpeuse laser 60 W", kind: ResourceKind = ResourceKind.EQUIPMENT,
                  **fields):
    defaults = {
        ResourceKind.EQUIPMENT: {"category": "fabrication-numerique", "quantity": 1, "max_loan_days": 30},
        ResourceKind.SPACE: {"category": "salle-de-reunion", "capacity_meeting": 25},
        ResourceKind.KNOW_HOW: {"category": "guide", "licence": "cc-by-sa", "description": "Le guide complet."},
    }[kind]
    data = services.ResourceInput(name=name, **{**defaults, **fields})
    with writing():
        resource = services.create_resource(manager, fabrique, kind, data)
        commit_work()
    return resource


def two_fabriques():
    """An owner fabrique (manager "owner@…") with a laser cutter, a borrower fabrique with a member."""
    owner = make_user("owner@exemple.fr", "Olivia Prêteuse")
    lender = make_fabrique(owner, "La Fabrique Prêteuse", "23", "rural")
    borrower_manager = make_user("bmanager@exemple.fr", "Bastien Responsable")
    borrower_fabrique = make_fabrique(borrower_manager, "L'Atelier Emprunteur", "93", "qpv")
    member = make_member(borrower_fabrique, "member@exemple.fr", "Mina Emprunteuse")
    resource = make_resource(owner, lender)
    return {"owner": owner, "lender": lender, "borrower_manager": borrower_manager,
            "borrower_fabrique": borrower_fabrique, "member": member, "resource": resource}


def make_loan(actor, resource, start: date, end: date, quantity: int = 1, message: str = ""):
    with writing():
        loan = services.request_loan(actor, resource, start, end, quantity, message, TODAY)
        commit_work()
    return loan
