"""Listing, editing, pausing and deleting resources; finding them in the catalogue."""

import pytest
from sqlalchemy import func, select

from forum.extensions import db
from forum.resources.models import Loan, LoanState, Resource, ResourceKind
from tests.conftest import login, make_fabrique, make_user, submit
from tests.resources.builders import day, make_loan, make_resource, two_fabriques

EQUIPMENT = {"name": "Lot de 10 tablettes", "category": "informatique", "description": "Avec **housses**.",
             "quantity": "10", "condition": "bon", "deposit_euros": "200", "max_loan_days": "14",
             "pickup_place": "Accueil de la fabrique", "usage_conditions": "Rendre chargées."}


def _count(model=Resource) -> int:
    return db.session.execute(select(func.count()).select_from(model)).scalar_one()


def test_manager_lists_equipment(client, app):
    manager = make_user("m@exemple.fr", "Marc Noël")
    fabrique = make_fabrique(manager)
    login(client, "m@exemple.fr")
    assert "Un équipement" in client.get("/ressources/nouvelle").get_data(as_text=True)
    response = submit(client, "/ressources/nouvelle?type=equipement",
                      {**EQUIPMENT, "fabrique_id": "999", "paused": "y", "kind": "espace"})
    assert response.status_code == 302
    resource = db.session.execute(select(Resource)).scalar_one()
    assert response.headers["Location"] == f"/ressources/{resource.id}/photos"
    assert (resource.fabrique_id, resource.kind, resource.paused) == (fabrique.id, ResourceKind.EQUIPMENT, False)
    assert (resource.quantity, resource.deposit_euros, resource.max_loan_days) == (10, 200, 14)
    assert "<strong>housses</strong>" in resource.description_html
    page = client.get(f"/ressources/{resource.id}").get_data(as_text=True)
    for text in ("Lot de 10 tablettes", "Informatique", "200\u00a0€", "14 jours", "Accueil de la fabrique", "Bon état"):
        assert text in page, text


def test_manager_lists_a_room_and_know_how(client, app):
    manager = make_user("m@exemple.fr", "Marc Noël")
    make_fabrique(manager)
    login(client, "m@exemple.fr")
    room = submit(client, "/ressources/nouvelle?type=espace", {
        "name": "Salle du Lavoir", "category": "salle-de-reunion", "capacity_meeting": "25",
        "capacity_workshop": "15", "surface_m2": "60", "accessibility": "De plain-pied"})
    guide = submit(client, "/ressources/nouvelle?type=savoir-faire", {
        "name": "Kit « Premiers pas numériques »", "category": "kit-de-formation", "licence": "cc-by-sa",
        "description": "Dix séances prêtes à animer.", "contact": "Marc Noël"})
    assert room.status_code == guide.status_code == 302
    kinds = dict(db.session.execute(select(Resource.name, Resource.kind)).all())
    # Names are saved with French typography: no-break spaces inside « ».
    assert kinds == {"Salle du Lavoir": ResourceKind.SPACE,
                     "Kit «\u00a0Premiers pas numériques\u00a0»": ResourceKind.KNOW_HOW}


@pytest.mark.parametrize("kind,changes,message", [
    ("equipement", {"name": ""}, "obligatoire"),
    ("equipement", {"name": "x" * 121}, "120"),
    ("equipement", {"quantity": "0"}, "Quantité"),
    ("equipement", {"category": "salle-de-reunion"}, "choix"),
    ("equipement", {"deposit_euros": "-5"}, "Caution"),
    ("equipement", {"description": "x" * 20_001}, "20000"),
    ("espace", {"category": "salle-de-reunion", "capacity_meeting": ""}, "Indiquez au moins une capacité"),
    ("savoir-faire", {"category": "guide", "licence": "cc-by-sa", "description": ""}, "Décrivez le savoir-faire"),
])
def test_bad_resource_input_is_refused(client, app, kind, changes, message):
    make_fabrique(make_user("m@exemple.fr", "Marc Noël"))
    login(client, "m@exemple.fr")
    response = submit(client, f"/ressources/nouvelle?type={kind}", {**EQUIPMENT, **changes})
    assert response.status_code == 400
    assert message in response.get_data(as_text=True).replace("\u202f", "").replace("&#39;", "'")
    assert _count() == 0


def test_only_managers_list_resources(client, app):
    world = two_fabriques()
    login(client, "member@exemple.fr")  # a plain member
    assert client.get("/ressources/nouvelle?type=equipement").status_code == 403
    response = submit(client, "/ressources/nouvelle?type=equipement", EQUIPMENT, form_url="/ressources")
    assert response.status_code == 403 and _count() == 1 and world


def test_others_cannot_edit_pause_or_delete(client, app):
    world = two_fabriques()
    resource = world["resource"]
    login(client, "bmanager@exemple.fr")  # manager of another fabrique
    assert client.get(f"/ressources/{resource.id}/modifier").status_code == 403
    url = f"/ressources/{resource.id}"
    assert submit(client, f"{url}/modifier", {**EQUIPMENT, "name": "Volé"}, form_url=url).status_code == 403
    assert submit(client, f"{url}/pause", form_url=url).status_code == 403
    assert submit(client, f"{url}/supprimer", form_url=url).status_code == 403
    db.session.rollback()
    resource = db.session.get(Resource, resource.id)
    assert (resource.name, resource.paused) == ("Découpeuse laser 60 W", False)


def test_pause_and_resume(client, app):
    world = two_fabriques()
    url = f"/ressources/{world['resource'].id}"
    login(client, "owner@exemple.fr")
    assert submit(client, f"{url}/pause", form_url=url).status_code == 302
    assert "Indisponible pour le moment" in client.get(url).get_data(as_text=True)
    assert submit(client, f"{url}/reprise", form_url=url).status_code == 302
    db.session.rollback()
    assert db.session.get(Resource, world["resource"].id).paused is False


def test_delete_refused_while_loans_are_open(client, app):
    world = two_fabriques()
    loan = make_loan(world["member"], world["resource"], day(2), day(3))
    url = f"/ressources/{world['resource'].id}"
    login(client, "owner@exemple.fr")
    # Refused at once, before any confirmation page: there is nothing to confirm.
    response = submit(client, f"{url}/supprimer", form_url=url)
    assert response.status_code == 409 and "en cours" in response.get_data(as_text=True)
    submit(client, f"/prets/{loan.id}/refuser", form_url=f"/prets/{loan.id}")
    # Without confirmation, the page asks first and nothing is deleted.
    assert submit(client, f"{url}/supprimer", form_url=url).status_code == 200 and _count() == 1
    assert submit(client, f"{url}/supprimer", {"confirmed": "1"}, form_url=url).status_code == 302
    assert _count() == 0 and _count(Loan) == 0
    assert client.get(url).status_code == 404


def test_catalogue_filters(client, app):
    world = two_fabriques()
    make_resource(world["owner"], world["lender"], "Salle des fêtes", kind=ResourceKind.SPACE)
    make_resource(world["borrower_manager"], world["borrower_fabrique"], "Perceuse-visseuse", category="outillage")

    def names(**query):
        html = client.get("/ressources", query_string=query).get_data(as_text=True)
        return sorted(name for name in ("Découpeuse laser 60 W", "Salle des fêtes", "Perceuse-visseuse") if name in html)

    assert names() == ["Découpeuse laser 60 W", "Perceuse-visseuse", "Salle des fêtes"]
    assert names(type="espace") == ["Salle des fêtes"]
    assert names(categorie="outillage") == ["Perceuse-visseuse"]
    assert names(region="11") == ["Perceuse-visseuse"]  # Seine-Saint-Denis is in Île-de-France
    assert names(departement="23") == ["Découpeuse laser 60 W", "Salle des fêtes"]
    assert names(fabrique=str(world["lender"].id)) == ["Découpeuse laser 60 W", "Salle des fêtes"]


def test_availability_filter_is_exact_per_day(client, app):
    world = two_fabriques()
    loan = make_loan(world["member"], world["resource"], day(10), day(12))
    login(client, "owner@exemple.fr")
    submit(client, f"/prets/{loan.id}/accepter", form_url=f"/prets/{loan.id}")

    def available(start, end) -> bool:
        html = client.get("/ressources", query_string={"du": day(start).isoformat(),
                                                       "au": day(end).isoformat()}).get_data(as_text=True)
        return "Découpeuse laser 60 W" in html

    assert available(1, 9) and available(13, 20)
    assert not available(12, 14) and not available(5, 30)


@pytest.mark.parametrize("query", [{"type": "fusée"}, {"categorie": "x"}, {"region": "99"}, {"tri": "prix"},
                                   {"du": "2027-01-01"}, {"du": "hier", "au": "demain"},
                                   {"du": "2027-02-01", "au": "2027-01-01"}, {"du": "2027-01-01", "au": "2029-01-01"},
                                   {"fabrique": "abc"}, {"page": "0"}])
def test_catalogue_bad_filters_are_400(client, query):
    assert client.get("/ressources", query_string=query).status_code == 400


def test_nearest_region_first_for_a_member(client, app):
    world = two_fabriques()  # lender in Creuse (Nouvelle-Aquitaine), borrower in Seine-Saint-Denis
    far = make_user("far@exemple.fr", "Fanny Loin")
    far_fabrique = make_fabrique(far, "La Fabrique du Sud", "13", "urbain")
    make_resource(far, far_fabrique, "Scie sauteuse marseillaise", category="outillage")
    near = make_user("near@exemple.fr", "Nathan Près")
    near_fabrique = make_fabrique(near, "La Fabrique Francilienne", "75", "urbain")
    make_resource(near, near_fabrique, "Caméra parisienne", category="audiovisuel")
    login(client, "member@exemple.fr")  # Île-de-France
    html = client.get("/ressources?tri=proche").get_data(as_text=True)
    assert html.index("Caméra parisienne") < html.index("Découpeuse laser 60 W") < html.index("Scie sauteuse")
    assert world


def test_fabrique_page_lists_its_resources(client, app):
    world = two_fabriques()
    html = client.get(f"/fabriques/{world['lender'].slug}").get_data(as_text=True)
    assert "Ressources partagées" in html and "Découpeuse laser 60 W" in html


def test_accepted_state_is_visible_in_the_loan_list(client, app):
    world = two_fabriques()
    loan = make_loan(world["member"], world["resource"], day(2), day(3))
    login(client, "owner@exemple.fr")
    submit(client, f"/prets/{loan.id}/accepter", form_url=f"/prets/{loan.id}")
    assert db.session.get(Loan, loan.id).state is LoanState.ACCEPTED
    assert "accepté" in client.get("/prets").get_data(as_text=True)


def test_the_quantity_cannot_drop_below_what_accepted_loans_hold(client, app):
    world = two_fabriques()
    resource = world["resource"]
    url = f"/ressources/{resource.id}"
    login(client, "owner@exemple.fr")
    edit = {**EQUIPMENT, "name": resource.name, "category": "fabrication-numerique", "max_loan_days": "30"}
    assert submit(client, f"{url}/modifier", {**edit, "quantity": "4"}).status_code == 302
    first = make_loan(world["member"], resource, day(5), day(7), quantity=2)
    second = make_loan(world["borrower_manager"], resource, day(6), day(8), quantity=1)
    for loan in (first, second):
        assert submit(client, f"/prets/{loan.id}/accepter", form_url=f"/prets/{loan.id}").status_code == 302

    response = submit(client, f"{url}/modifier", {**edit, "quantity": "2"})
    page = response.get_data(as_text=True).replace("\u00a0", " ")
    assert response.status_code == 409 and "Impossible de réduire la quantité à 2 : des prêts acceptés" in page
    db.session.rollback()
    assert db.session.get(Resource, resource.id).quantity == 4
    # Down to what the busiest day holds (3 units on the 6th and 7th), it is fine.
    assert submit(client, f"{url}/modifier", {**edit, "quantity": "3"}).status_code == 302
