"""An event in a room booked from another fabrique: « en attente de la salle » until the loan is accepted;
a refusal is told to the organisers and shown on the event's page."""

from __future__ import annotations

from sqlalchemy import select

from forum.events.models import Event
from forum.extensions import db
from forum.notifications.models import Notification
from forum.resources.loans import Action
from forum.resources.models import Loan, ResourceKind
from forum.resources.services import act_on_loan
from tests.conftest import commit_work, login, writing
from tests.events.builders import make_event, organiser_world
from tests.resources.builders import day, make_loan, make_resource


def _room_event(world):
    room = make_resource(world["other_manager"], world["other"], "Grande salle du Voisin", kind=ResourceKind.SPACE)
    loan = make_loan(world["member"], room, day(10), day(10))
    event = make_event(world["member"], world["fabrique"], place_kind="salle-reservee", loan_id=loan.id,
                       address="")
    return room, loan, event


def _act(user, loan_id, action):
    with writing():
        act_on_loan(user, db.session.get(Loan, loan_id), action)
        commit_work()


def test_the_event_waits_for_the_room_then_shows_it_confirmed(client):
    world = organiser_world()
    room, loan, event = _room_event(world)
    assert db.session.get(Event, event.id).resource_id == room.id
    assert "En attente de la salle" in client.get(f"/agenda/{event.id}").get_data(as_text=True)
    _act(world["other_manager"], loan.id, Action.ACCEPT)
    page = client.get(f"/agenda/{event.id}").get_data(as_text=True)
    assert "Salle confirmée" in page and "En attente de la salle" not in page
    assert "chez" in page and "L&#39;Atelier Voisin" in page


def test_a_refused_room_is_told_to_the_organisers(client):
    world = organiser_world()
    _, loan, event = _room_event(world)
    _act(world["other_manager"], loan.id, Action.DECLINE)
    told = db.session.execute(select(Notification.user_id).where(
        Notification.kind == "event.room_refused").order_by(Notification.user_id)).scalars().all()
    assert told == sorted([world["manager"].id, world["member"].id])
    assert "Salle refusée" in client.get(f"/agenda/{event.id}").get_data(as_text=True)


def test_a_room_without_a_booking_of_the_organiser_is_refused(client):
    world = organiser_world()
    room = make_resource(world["other_manager"], world["other"], "Grande salle du Voisin", kind=ResourceKind.SPACE)
    # A loan of the room, but to the fabrique that owns... no: requested by a third fabrique.
    from tests.conftest import make_fabrique, make_member, make_user
    third = make_fabrique(make_user("tiers@exemple.fr", "Théo Tiers"), "Le Tiers-Lieu", "75", "urbain")
    stranger = make_member(third, "etranger@exemple.fr", "Étienne Étranger")
    others_loan = make_loan(stranger, room, day(10), day(10))
    login(client, "membre@exemple.fr")
    from tests.conftest import submit
    from tests.events.builders import paris
    response = submit(client, "/agenda/nouveau", {
        "title": "Dans la salle d'un autre", "kind": "rencontre", "attendance_mode": "sur-place",
        "place_kind": "salle-reservee", "loan_id": str(others_loan.id),
        "start_1": paris(10, 14).strftime("%Y-%m-%dT%H:%M"), "end_1": paris(10, 17).strftime("%Y-%m-%dT%H:%M")})
    assert response.status_code == 400
    assert "Votre fabrique n'a pas de réservation en cours pour cette salle" in response.get_data(as_text=True) \
        .replace("&#39;", "'")
    assert db.session.execute(select(Event)).first() is None
