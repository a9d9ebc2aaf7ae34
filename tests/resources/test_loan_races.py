"""Two people acting on loans at the same moment, from two processes (tests/race.py), on SQLite and
PostgreSQL: exactly one wins, the other gets a 409 that says what happened, and the history never
shows two moves out of one state."""

from __future__ import annotations

from sqlalchemy import func, select

from forum.accounts.models import User
from forum.core.database import write_intent
from forum.extensions import db
from forum.fabriques.models import Membership, MembershipRole
from forum.resources.loans import Action
from forum.resources.models import Loan, LoanEvent, LoanState, Resource
from forum.resources.services import act_on_loan
from tests.conftest import csrf_token, form_fields, make_member
from tests.race import Racer, outcome_of, race
from tests.resources.builders import day, make_loan, two_fabriques

ROUNDS = 6


def _read_loan_page(client, round_data):
    """What the person has on screen: the loan page (its CSRF token and the state it shows)."""
    loan_id, action = round_data
    return loan_id, action, csrf_token(client, f"/prets/{loan_id}")


def _act(client, prepared):
    loan_id, action, token = prepared
    return outcome_of(client.post(f"/prets/{loan_id}/{action}", data={"csrf_token": token,
                                                                       "seen_state": "requested"}))


def _second_manager(world):
    manager = make_member(world["lender"], "owner2@exemple.fr", "Octave Coresponsable")
    db.session.execute(db.update(Membership).where(Membership.user_id == manager.id)
                       .values(role=MembershipRole.MANAGER))
    db.session.commit()
    return manager


def _history(loan_id: int) -> list[tuple]:
    return [tuple(row) for row in db.session.execute(
        select(LoanEvent.from_state, LoanEvent.to_state).where(LoanEvent.loan_id == loan_id)
        .order_by(LoanEvent.id)).all()]


def test_overlapping_acceptances_give_exactly_one_success(app, tmp_path):
    world = two_fabriques()
    _second_manager(world)
    # Each round: two requests for overlapping periods of the single laser cutter.
    rounds = [(make_loan(world["member"], world["resource"], day(10 * r + 1), day(10 * r + 5)).id,
               make_loan(world["borrower_manager"], world["resource"], day(10 * r + 3), day(10 * r + 7)).id)
              for r in range(ROUNDS)]
    first, second = race(app, tmp_path, [
        Racer("owner@exemple.fr", _act, [(pair[0], "accepter") for pair in rounds], _read_loan_page),
        Racer("owner2@exemple.fr", _act, [(pair[1], "accepter") for pair in rounds], _read_loan_page)])

    for number, pair in enumerate(rounds):
        assert sorted((first[number].status, second[number].status)) == [302, 409], number
        loser = first[number] if first[number].status == 409 else second[number]
        assert "Impossible d'accepter\u00a0: la ressource est déjà réservée" in loser.text
        states = db.session.execute(select(Loan.state).where(Loan.id.in_(pair))).scalars().all()
        assert sorted(state.value for state in states) == [LoanState.ACCEPTED.value, LoanState.REQUESTED.value]


def test_two_managers_accepting_the_same_request(app, tmp_path):
    world = two_fabriques()
    _second_manager(world)
    loans = [make_loan(world["member"], world["resource"], day(3 * r + 1), day(3 * r + 2)).id for r in range(ROUNDS)]
    first, second = race(app, tmp_path, [
        Racer("owner@exemple.fr", _act, [(loan_id, "accepter") for loan_id in loans], _read_loan_page),
        Racer("owner2@exemple.fr", _act, [(loan_id, "accepter") for loan_id in loans], _read_loan_page)])

    names = {0: "Olivia Prêteuse", 1: "Octave Coresponsable"}
    for number, loan_id in enumerate(loans):
        outcomes = (first[number], second[number])
        assert sorted(outcome.status for outcome in outcomes) == [302, 409], number
        winner = 0 if outcomes[0].status == 302 else 1
        assert (f"La demande vient d'être acceptée par {names[winner]} (La Fabrique Prêteuse)."
                in outcomes[1 - winner].text)
        assert _history(loan_id) == [(None, LoanState.REQUESTED), (LoanState.REQUESTED, LoanState.ACCEPTED)]
        assert db.session.get(Loan, loan_id).state is LoanState.ACCEPTED


def test_the_borrower_cancels_while_the_owner_accepts(app, tmp_path):
    world = two_fabriques()
    loans = [make_loan(world["member"], world["resource"], day(3 * r + 1), day(3 * r + 2)).id for r in range(ROUNDS)]
    owner, borrower = race(app, tmp_path, [
        Racer("owner@exemple.fr", _act, [(loan_id, "accepter") for loan_id in loans], _read_loan_page),
        Racer("member@exemple.fr", _act, [(loan_id, "annuler") for loan_id in loans], _read_loan_page)])

    for number, loan_id in enumerate(loans):
        assert sorted((owner[number].status, borrower[number].status)) == [302, 409], number
        state = db.session.get(Loan, loan_id).state
        if owner[number].status == 302:
            assert state is LoanState.ACCEPTED
            assert ("La demande vient d'être acceptée par Olivia Prêteuse (La Fabrique Prêteuse)."
                    in borrower[number].text)
        else:
            assert state is LoanState.CANCELLED
            assert "La demande vient d'être annulée par Mina Emprunteuse (L'Atelier Emprunteur)." in owner[number].text
        assert _history(loan_id) == [(None, LoanState.REQUESTED), (LoanState.REQUESTED, state)]
    assert db.session.execute(select(func.count()).select_from(LoanEvent)).scalar_one() == 2 * ROUNDS


def _reset_stock(round_data):
    """Before each round: two units again, and the previous round's second request out of the way."""
    resource_id, _loan_id, previous_loan_id = round_data
    db.session.execute(db.update(Resource).where(Resource.id == resource_id).values(quantity=2))
    if previous_loan_id is not None:
        db.session.execute(db.update(Loan).where(Loan.id == previous_loan_id).values(state=LoanState.CANCELLED))


def _read_edit_form(client, round_data):
    resource_id = round_data[0]
    return resource_id, form_fields(client, f"/ressources/{resource_id}/modifier")


def _lower_to_one(client, prepared):
    resource_id, fields = prepared
    return outcome_of(client.post(f"/ressources/{resource_id}/modifier", data={
        **fields, "name": "Découpeuse laser 60 W", "category": "fabrication-numerique", "quantity": "1",
        "max_loan_days": "30"}))


def _read_second_request(client, round_data):
    return _read_loan_page(client, (round_data[1], "accepter"))


def test_lowering_the_stock_while_another_manager_accepts(app, tmp_path):
    # Two units; each round, one is lent already and a second request waits for the same days. One
    # manager lowers the stock to one while the other accepts: both would overbook those days.
    world = two_fabriques()
    _second_manager(world)
    resource = world["resource"]
    db.session.execute(db.update(Resource).where(Resource.id == resource.id).values(quantity=2))
    db.session.commit()
    rounds, previous = [], None
    for number in range(ROUNDS):
        start, end = day(4 * number + 1), day(4 * number + 2)
        held = make_loan(world["member"], resource, start, end)
        with write_intent():
            act_on_loan(db.session.get(User, world["owner"].id), db.session.get(Loan, held.id), Action.ACCEPT)
            db.session.commit()
        waiting = make_loan(world["borrower_manager"], resource, start, end).id
        rounds.append((resource.id, waiting, previous))
        previous = waiting
    lowering, accepting = race(app, tmp_path, [
        Racer("owner@exemple.fr", _lower_to_one, rounds, _read_edit_form, setup=_reset_stock),
        Racer("owner2@exemple.fr", _act, rounds, _read_second_request, setup=_reset_stock)])

    for number, (_resource_id, waiting, _previous) in enumerate(rounds):
        assert sorted((lowering[number].status, accepting[number].status)) == [302, 409], number
        if accepting[number].status == 302:
            assert "Impossible de réduire la quantité à 1" in lowering[number].text
        else:
            assert "Impossible d'accepter\u00a0: la ressource est déjà réservée" in accepting[number].text
    db.session.rollback()
    last_accepted = db.session.get(Loan, rounds[-1][1]).state is LoanState.ACCEPTED
    assert db.session.get(Resource, resource.id).quantity == (2 if last_accepted else 1)
