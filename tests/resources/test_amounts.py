"""A deposit typed « 150,50 » is 150,50 € everywhere: stored exactly, shown the French way, sent in e-mails."""

from decimal import Decimal

from sqlalchemy import select

from forum.extensions import db
from forum.resources.models import Resource
from tests.conftest import login, make_fabrique, make_user, submit

EQUIPMENT = {"name": "Lot de 10 tablettes", "category": "informatique", "description": "Avec housses.",
             "quantity": "1 000", "condition": "bon", "deposit_euros": "1 150,50", "max_loan_days": "14"}


def test_a_deposit_with_cents_and_thousands_is_kept_and_shown_in_french(client, app):
    make_fabrique(make_user("m@exemple.fr", "Marc Noël"))
    login(client, "m@exemple.fr")
    response = submit(client, "/ressources/nouvelle?type=equipement", EQUIPMENT)
    assert response.status_code == 302
    resource = db.session.execute(select(Resource)).scalar_one()
    assert (resource.deposit_euros, resource.quantity) == (Decimal("1150.50"), 1000)
    page = client.get(f"/ressources/{resource.id}").get_data(as_text=True)
    assert "1\u202f150,50\u00a0€" in page
    form = client.get(f"/ressources/{resource.id}/modifier").get_data(as_text=True)
    assert 'value="1\u202f150,50"' in form and 'inputmode="decimal"' in form


def test_an_amount_typed_another_way_is_refused_in_french_and_nothing_is_stored(client, app):
    make_fabrique(make_user("m@exemple.fr", "Marc Noël"))
    login(client, "m@exemple.fr")
    response = submit(client, "/ressources/nouvelle?type=equipement", {**EQUIPMENT, "deposit_euros": "150,505"})
    assert response.status_code == 400
    assert "Au plus 2 chiffres après la virgule" in response.get_data(as_text=True)
    assert db.session.execute(select(Resource)).scalar_one_or_none() is None
