"""Creating an event can request a room of another fabrique: the booking is asked for the event's
one timing in the same request and transaction (all or nothing), the event waits for the room, and
the owner's answer shows on its page."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import func, select

from forum.events.models import Event
from forum.extensions import db
from forum.notifications.models import Notification
from forum.resources.loans import Action
from forum.resources.models import Loan, LoanState
from tests.conftest import login, make_fabrique, make_member, make_user, submit
from tests.events.builders import at, form_moment, organiser_world, other_room
from tests.events.test_rooms import _act, _text
from tests.resources.room_builders import book, next_weekday

TUESDAY, SATURDAY = 1, 5


def _request(day, start_hour, end_hour, room, **fields) -> dict:
    return {"title": "Rencontre des fabriques voisines", "kind": "rencontre", "attendance_mode": "sur-place",
            "is_free": "y", "place_kind": "salle-reservee", "room_id": str(room.id),
            "start_1": form_moment(at(day, start_hour)), "end_1": form_moment(at(day, end_hour)), **fields}


def _counts() -> tuple[int, int]:
    return (db.session.execute(select(func.count()).select_from(Event)).scalar_one(),
            db.session.execute(select(func.count()).select_from(Loan)).scalar_one())


def test_creating_the_event_requests_the_room_then_the_owner_accepts(client):
    world = organiser_world()
    room = other_room(world)
    day = next_weekday(TUESDAY)
    login(client, "membre@exemple.fr")
    response = submit(client, "/agenda/nouveau", _request(day, 14, 17, room))
    assert response.status_code == 302
    event = db.session.execute(select(Event)).scalar_one()
    loan = db.session.get(Loan, event.loan_id)
    assert (loan.state, loan.resource_id, loan.borrower_fabrique_id) == (
        LoanState.REQUESTED, room.id, world["fabrique"].id)
    assert (loan.starts_at, loan.ends_at) == (event.starts_at, event.ends_at)
    assert event.resource_id == room.id and event.place_kind.value == "salle-reservee"
    # The owner's managers are asked, as for any booking request.
    assert db.session.execute(select(Notification).where(
        Notification.user_id == world["other_manager"].id)).first() is not None
    page = client.get(f"/agenda/{event.id}").get_data(as_text=True)
    assert "En attente de la salle" in page
    _act(world["other_manager"], loan.id, Action.ACCEPT)
    page = client.get(f"/agenda/{event.id}").get_data(as_text=True)
    assert "Salle confirmée" in page and "En attente de la salle" not in page


def test_a_room_confirmed_at_once_shows_confirmed_and_its_cancellation_is_told(client):
    world = organiser_world()
    room = other_room(world, needs_approval=False)
    day = next_weekday(TUESDAY)
    login(client, "membre@exemple.fr")
    assert submit(client, "/agenda/nouveau", _request(day, 9, 11, room)).status_code == 302
    event = db.session.execute(select(Event)).scalar_one()
    assert db.session.get(Loan, event.loan_id).state is LoanState.ACCEPTED
    assert "Salle confirmée" in client.get(f"/agenda/{event.id}").get_data(as_text=True)
    # No refusal can come; if their own fabrique withdraws the booking, its other organisers are
    # told (the one who withdrew it is not told of their own act).
    assert db.session.execute(select(Notification).where(Notification.kind == "event.room_refused")).first() is None
    _act(world["member"], event.loan_id, Action.CANCEL)
    told = db.session.execute(select(Notification.user_id).where(
        Notification.kind == "event.room_refused")).scalars().all()
    assert told == [world["manager"].id]
    assert "Salle refusée" in client.get(f"/agenda/{event.id}").get_data(as_text=True)


def test_a_slot_the_rules_refuse_writes_nothing_and_says_why(client):
    world = organiser_world()
    room = other_room(world)
    login(client, "membre@exemple.fr")
    response = submit(client, "/agenda/nouveau", _request(next_weekday(SATURDAY), 14, 17, room))
    assert response.status_code == 400
    assert "field-error" in response.get_data(as_text=True)
    assert "La salle est fermée le samedi." in _text(response)
    assert _counts() == (0, 0)
    # Across the lunch closing (12 h – 14 h) too.
    response = submit(client, "/agenda/nouveau", _request(next_weekday(TUESDAY), 11, 15, room))
    assert response.status_code == 400 and _counts() == (0, 0)


def test_a_taken_slot_is_a_409_and_nothing_is_written(client):
    world = organiser_world()
    room = other_room(world, needs_approval=False)
    day = next_weekday(TUESDAY)
    third = make_fabrique(make_user("tiers@exemple.fr", "Théo Tiers"), "Le Tiers-Lieu", "75", "urbain")
    book(make_member(third, "etranger@exemple.fr", "Étienne Étranger"), room, day, "15:00", "16:00")
    login(client, "membre@exemple.fr")
    response = submit(client, "/agenda/nouveau", _request(day, 14, 17, room))
    assert response.status_code == 409
    assert "est déjà réservé" in _text(response)
    assert _counts() == (0, 1)


def test_one_request_is_one_slot(client):
    world = organiser_world()
    room = other_room(world)
    day = next_weekday(TUESDAY)
    login(client, "membre@exemple.fr")
    response = submit(client, "/agenda/nouveau", _request(day, 14, 17, room, **{
        "start_2": form_moment(at(day + timedelta(days=1), 14)),
        "end_2": form_moment(at(day + timedelta(days=1), 17))}))
    assert response.status_code == 400
    assert "Une demande de salle porte sur un seul créneau" in _text(response)
    response = submit(client, "/agenda/nouveau", _request(day, 14, 17, room, end_1=form_moment(
        at(day + timedelta(days=1), 10))))
    assert response.status_code == 400 and "dans une même journée" in _text(response)
    assert _counts() == (0, 0)


def test_an_own_room_or_an_unknown_one_cannot_be_requested(client):
    world = organiser_world()
    own = other_room({**world, "other_manager": world["manager"], "other": world["fabrique"]})
    login(client, "membre@exemple.fr")
    for room_id in (str(own.id), "999999", "99999999999"):
        response = submit(client, "/agenda/nouveau", _request(next_weekday(TUESDAY), 14, 17, own, room_id=room_id))
        assert response.status_code == 400
        assert "Choisissez une salle d'une autre fabrique dans la liste" in _text(response), (
            room_id, re.findall(r'class="error"[^<]*', _text(response)))
    assert _counts() == (0, 0)


def test_the_rooms_pages_link_to_a_prefilled_event_form(client):
    world = organiser_world()
    room = other_room(world)
    login(client, "membre@exemple.fr")
    week = client.get(f"/ressources/{room.id}/creneaux")
    assert week.status_code == 200, week.status_code
    assert f"/agenda/nouveau?salle={room.id}" in week.get_data(as_text=True)
    form = client.get(f"/agenda/nouveau?salle={room.id}").get_data(as_text=True)
    assert f'<option selected value="{room.id}">' in form
    assert '<option selected value="salle-reservee">' in form
    # From « Trouver une salle », with the day and hours searched for.
    day = next_weekday(TUESDAY)
    found = client.get(f"/salles?date={day.isoformat()}&debut=14:00&fin=17:00").get_data(as_text=True)
    link = f"/agenda/nouveau?salle={room.id}&amp;jour={day.isoformat()}&amp;de=14:00&amp;a=17:00"
    assert link in found
    form = client.get(link.replace("&amp;", "&")).get_data(as_text=True)
    assert f'value="{day.isoformat()}T14:00"' in form and f'value="{day.isoformat()}T17:00"' in form
    assert client.get(f"/agenda/nouveau?salle={room.id}&jour=10000-01-01&de=25:00&a=x").status_code == 200
