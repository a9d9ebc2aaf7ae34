"""Two people confirming overlapping room bookings at the same moment, from two processes
(tests/race.py), on SQLite and PostgreSQL: exactly one wins, the other gets a 409 naming the slot
taken, and the room never holds two overlapping confirmed bookings."""

from __future__ import annotations


import pytest
from sqlalchemy import select

from forum.extensions import db
from forum.fabriques.models import Membership, MembershipRole
from forum.resources.models import BOOKING_STATES, Loan, LoanState
from tests.conftest import TEST_DATABASE_URL, form_fields, login, make_fabrique, make_member, make_user, submit
from tests.race import Racer, outcome_of, race
from tests.resources.room_builders import ALL_DAY, book, next_weekday, room_world

ROUNDS = 6
DAY = next_weekday(2)


def _second_manager(world):
    manager = make_member(world["lender"], "owner2@exemple.fr", "Octave Coresponsable")
    db.session.execute(db.update(Membership).where(Membership.user_id == manager.id)
                       .values(role=MembershipRole.MANAGER))
    db.session.commit()


def _read_loan_page(client, loan_id):
    return loan_id, form_fields(client, f"/prets/{loan_id}/accepter", f"/prets/{loan_id}")


def _accept(client, prepared):
    loan_id, fields = prepared
    return outcome_of(client.post(f"/prets/{loan_id}/accepter", data={**fields, "seen_state": "requested"}))


def _read_week(client, round_data):
    room_id, _day, _start, _end = round_data
    url = f"/ressources/{room_id}/creneaux"
    return round_data, form_fields(client, url)


def _book(client, prepared):
    (room_id, day, start, end), fields = prepared
    return outcome_of(client.post(f"/ressources/{room_id}/creneaux", data={
        **fields, "day": day, "start": start, "end": end, "message": ""}))


def _confirmed(room_id: int) -> list[tuple]:
    return [tuple(row) for row in db.session.execute(
        select(Loan.starts_at, Loan.blocked_until).where(Loan.resource_id == room_id, Loan.state.in_(BOOKING_STATES))
        .order_by(Loan.starts_at)).all()]


def _never_overlap(room_id: int) -> None:
    confirmed = _confirmed(room_id)
    for (_, first_blocked), (second_start, _) in zip(confirmed, confirmed[1:]):
        assert second_start >= first_blocked, confirmed


def test_two_managers_accepting_overlapping_requests(app, tmp_path):
    world = room_world(opening=[ALL_DAY] * 7, buffer_minutes=30)
    _second_manager(world)
    # Each round: 3 h from hour 3r+1, and from hour 3r+2 (overlapping); the buffer is 30 min.
    rounds = [(book(world["member"], world["room"], DAY, f"{3 * r + 1}:00", f"{3 * r + 2}:30").id,
               book(world["borrower_manager"], world["room"], DAY, f"{3 * r + 2}:45", f"{3 * r + 3}:30").id)
              for r in range(ROUNDS)]
    first, second = race(app, tmp_path, [
        Racer("owner@exemple.fr", _accept, [pair[0] for pair in rounds], _read_loan_page),
        Racer("owner2@exemple.fr", _accept, [pair[1] for pair in rounds], _read_loan_page)])

    for number, pair in enumerate(rounds):
        assert sorted((first[number].status, second[number].status)) == [302, 409], number
        loser = first[number] if first[number].status == 409 else second[number]
        assert "est déjà réservé." in loser.text and loser.text.count("Le créneau du ") >= 1
        states = db.session.execute(select(Loan.state).where(Loan.id.in_(pair))).scalars().all()
        assert sorted(state.value for state in states) == [LoanState.ACCEPTED.value, LoanState.REQUESTED.value]
    _never_overlap(world["room"].id)


def test_two_fabriques_booking_the_same_slot_confirmed_at_once(app, tmp_path):
    world = room_world(opening=[ALL_DAY] * 7, needs_approval=False)
    third = make_fabrique(make_user("tiers@exemple.fr", "Théo Tiers"), "La Ruche", "69")
    make_member(third, "tiers2@exemple.fr", "Tess Tierce")
    room_id = world["room"].id
    rounds = [(room_id, DAY.isoformat(), f"{2 * r + 8}:00", f"{2 * r + 9}:30") for r in range(ROUNDS)]
    first, second = race(app, tmp_path, [
        Racer("member@exemple.fr", _book, rounds, _read_week),
        Racer("tiers2@exemple.fr", _book, rounds, _read_week)])

    for number in range(ROUNDS):
        assert sorted((first[number].status, second[number].status)) == [302, 409], number
        loser = first[number] if first[number].status == 409 else second[number]
        assert "est déjà réservé." in loser.text
    assert len(_confirmed(room_id)) == ROUNDS
    _never_overlap(room_id)


@pytest.mark.skipif(not (TEST_DATABASE_URL or "").startswith("postgresql"), reason="PostgreSQL's exclusion constraint")
def test_the_exclusion_constraint_is_the_backstop_and_still_a_409(client, monkeypatch):
    """Without the service's check, PostgreSQL refuses the overlapping confirmation: the same 409."""
    world = room_world()
    first = book(world["member"], world["room"], DAY, "14:00", "17:00")
    second = book(world["borrower_manager"], world["room"], DAY, "16:00", "18:00")
    monkeypatch.setattr("forum.resources.services.check_room_free", lambda loan: None)
    login(client, "owner@exemple.fr")
    for loan in (first, second):
        response = submit(client, f"/prets/{loan.id}/accepter", {"seen_state": "requested"},
                          form_url=f"/prets/{loan.id}")
    assert response.status_code == 409
    assert "Le créneau du" in response.get_data(as_text=True) and "14\u00a0h – 17\u00a0h, est déjà réservé." in \
        response.get_data(as_text=True)
    assert db.session.get(Loan, second.id).state is LoanState.REQUESTED
