"""An event in a room booked from another fabrique: « en attente de la salle » until the booking is
accepted; a refusal is told to the organisers and shown on the event's page; the event must be the
organiser fabrique's booking's, requested or accepted, and fall within its slot."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from forum.events.checks import Timing
from forum.events.models import Event, EventTiming
from forum.extensions import db
from forum.notifications.models import Notification
from forum.resources.loans import Action
from forum.resources.models import Loan
from forum.resources.services import act_on_loan
from tests.conftest import commit_work, login, make_fabrique, make_member, make_user, submit, writing
from tests.events.builders import at, form_moment, make_event, organiser_world, other_room
from tests.resources.room_builders import book, next_weekday

TUESDAY = 1


def _room_event(world):
    """The member's fabrique books the other's room on a Tuesday, 14 h – 17 h, and holds an event in it."""
    room = other_room(world)
    day = next_weekday(TUESDAY)
    loan = book(world["member"], room, day, "14:00", "17:00")
    event = make_event(world["member"], world["fabrique"], place_kind="salle-reservee", loan_id=loan.id,
                       address="", timings=[Timing(at(day, 14), at(day, 17))])
    return room, loan, event


def _act(user, loan_id, action):
    with writing():
        act_on_loan(user, db.session.get(Loan, loan_id), action)
        commit_work()


def _form(day, start_hour, end_hour, **fields) -> dict:
    return {"title": "Dans la salle réservée", "kind": "rencontre", "attendance_mode": "sur-place", "is_free": "y",
            "place_kind": "salle-reservee", "start_1": form_moment(at(day, start_hour)),
            "end_1": form_moment(at(day, end_hour)), **fields}


def _text(response) -> str:
    return response.get_data(as_text=True).replace("&#39;", "'")


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
    room = other_room(world)
    # A booking of the room, but by a third fabrique.
    third = make_fabrique(make_user("tiers@exemple.fr", "Théo Tiers"), "Le Tiers-Lieu", "75", "urbain")
    stranger = make_member(third, "etranger@exemple.fr", "Étienne Étranger")
    day = next_weekday(TUESDAY)
    others_loan = book(stranger, room, day, "14:00", "17:00")
    login(client, "membre@exemple.fr")
    response = submit(client, "/agenda/nouveau", _form(day, 14, 17, loan_id=str(others_loan.id)))
    assert response.status_code == 400
    assert "Votre fabrique n'a pas de réservation en cours pour cette salle" in _text(response)
    assert db.session.execute(select(Event)).first() is None


def test_an_event_outside_its_booking_is_refused_on_create_and_on_edit(client):
    world = organiser_world()
    room = other_room(world)
    day = next_weekday(TUESDAY)
    loan = book(world["member"], room, day, "14:00", "17:00")
    login(client, "membre@exemple.fr")
    for start, end in ((13, 16), (15, 18)):
        response = submit(client, "/agenda/nouveau", _form(day, start, end, loan_id=str(loan.id)))
        assert response.status_code == 400
        assert "Les dates de l'événement sortent du créneau réservé" in _text(response)
        assert "14\u00a0h – 17\u00a0h" in response.get_data(as_text=True)
    # A second timing the next day is outside the booking's one slot too.
    response = submit(client, "/agenda/nouveau", _form(day, 14, 17, loan_id=str(loan.id), **{
        "start_2": form_moment(at(day + timedelta(days=1), 14)),
        "end_2": form_moment(at(day + timedelta(days=1), 15))}))
    assert response.status_code == 400 and "sortent du créneau réservé" in _text(response)
    assert db.session.execute(select(func.count()).select_from(Event)).scalar_one() == 0

    event = make_event(world["member"], world["fabrique"], place_kind="salle-reservee", loan_id=loan.id,
                       address="", timings=[Timing(at(day, 14, 30), at(day, 16, 30))])
    response = submit(client, f"/agenda/{event.id}/modifier", _form(day, 16, 19, loan_id=str(loan.id)))
    assert response.status_code == 400 and "sortent du créneau réservé" in _text(response)
    db.session.expire_all()
    stored = db.session.execute(select(EventTiming).where(EventTiming.event_id == event.id)).scalars().one()
    assert stored.starts_at == loan.starts_at.replace(minute=30) and db.session.get(Event, event.id).version == 1


def test_a_declined_or_cancelled_booking_holds_no_event(client):
    world = organiser_world()
    room = other_room(world)
    declined = book(world["member"], room, next_weekday(TUESDAY), "14:00", "17:00")
    _act(world["other_manager"], declined.id, Action.DECLINE)
    cancelled = book(world["member"], room, next_weekday(TUESDAY, 2), "14:00", "17:00")
    _act(world["member"], cancelled.id, Action.CANCEL)
    login(client, "membre@exemple.fr")
    for loan, day in ((declined, next_weekday(TUESDAY)), (cancelled, next_weekday(TUESDAY, 2))):
        response = submit(client, "/agenda/nouveau", _form(day, 14, 17, loan_id=str(loan.id)))
        assert response.status_code == 400
        assert "Votre fabrique n'a pas de réservation en cours pour cette salle" in _text(response)
    assert db.session.execute(select(Event)).first() is None
