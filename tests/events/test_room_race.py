"""An organiser publishing an event in a requested room while the owner declines the booking, from
two processes, on SQLite and PostgreSQL: either the event is refused (the booking is declined) or it
is written and its organisers are told of the refusal; never an event on a declined booking that
nobody was told about. The guard: forum.events.rooms.booked_room locks the booking's row."""

from __future__ import annotations

from sqlalchemy import select

from forum.events.models import Event
from forum.extensions import db
from forum.notifications.models import Notification
from forum.resources.models import Loan, LoanState
from tests.conftest import csrf_token, form_fields
from tests.events.builders import at, form_moment, organiser_world, other_room
from tests.race import Racer, outcome_of, race
from tests.resources.room_builders import book, next_weekday

ROUNDS = 6


def _read_event_form(client, round_data):
    loan_id, day = round_data
    return loan_id, day, form_fields(client, "/agenda/nouveau")


def _publish(client, prepared):
    loan_id, day, fields = prepared
    return outcome_of(client.post("/agenda/nouveau", data={
        **fields, "title": f"Rencontre {loan_id}", "kind": "rencontre", "attendance_mode": "sur-place",
        "is_free": "y", "place_kind": "salle-reservee", "loan_id": str(loan_id),
        "start_1": form_moment(at(day, 14)), "end_1": form_moment(at(day, 17))}))


def _read_loan_page(client, round_data):
    loan_id, _day = round_data
    return loan_id, csrf_token(client, f"/prets/{loan_id}")


def _decline(client, prepared):
    loan_id, token = prepared
    return outcome_of(client.post(f"/prets/{loan_id}/refuser", data={"csrf_token": token}))


def test_publishing_in_a_room_while_its_booking_is_declined(app, tmp_path):
    world = organiser_world()
    room = other_room(world)
    rounds = []
    for week in range(1, ROUNDS + 1):
        day = next_weekday(1, week)
        rounds.append((book(world["member"], room, day, "14:00", "17:00").id, day))
    published, declined = race(app, tmp_path, [
        Racer("membre@exemple.fr", _publish, rounds, _read_event_form),
        Racer("voisine@exemple.fr", _decline, rounds, _read_loan_page)])
    db.session.expire_all()
    for number, (loan_id, _day) in enumerate(rounds):
        assert declined[number].status == 302, number
        assert db.session.get(Loan, loan_id).state is LoanState.DECLINED
        event = db.session.execute(select(Event).where(Event.loan_id == loan_id)).scalar_one_or_none()
        if event is None:
            assert published[number].status == 400, (number, published[number].status)
            assert "pas de réservation en cours pour cette salle" in published[number].text
        else:
            told = db.session.execute(select(Notification.user_id).where(
                Notification.kind == "event.room_refused", Notification.link == f"/agenda/{event.id}")
                .order_by(Notification.user_id)).scalars().all()
            assert told == sorted([world["manager"].id, world["member"].id]), number
