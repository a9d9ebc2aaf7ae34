"""Two managers accepting overlapping requests at the same moment, from two processes: one wins."""

from __future__ import annotations

import multiprocessing

from sqlalchemy import select

from forum.extensions import db
from forum.fabriques.models import Membership, MembershipRole
from forum.resources.models import Loan, LoanState
from tests.conftest import HttpsClient, base_config, csrf_token, login, make_member
from tests.resources.builders import day, make_loan, two_fabriques

ROUNDS = 6


def _accept(config: dict, email: str, loan_ids: list[int], barrier, results) -> None:
    """One worker: its own app and connections; at each round, accept its loan when the other does."""
    from forum import create_app

    app = create_app(config)
    app.test_client_class = HttpsClient
    with app.app_context():
        client = app.test_client()
        login(client, email)
        token = csrf_token(client, "/prets")
        statuses = []
        for loan_id in loan_ids:
            barrier.wait(timeout=120)
            statuses.append(client.post(f"/prets/{loan_id}/accepter", data={"csrf_token": token}).status_code)
        results.put((email, statuses))


def test_overlapping_acceptances_give_exactly_one_success(app, tmp_path):
    world = two_fabriques()
    second_manager = make_member(world["lender"], "owner2@exemple.fr", "Octave Coresponsable")
    db.session.execute(db.update(Membership).where(Membership.user_id == second_manager.id)
                       .values(role=MembershipRole.MANAGER))
    db.session.commit()
    # Each round: two requests for overlapping periods of the single laser cutter.
    rounds = [(make_loan(world["member"], world["resource"], day(10 * r + 1), day(10 * r + 5)).id,
               make_loan(world["borrower_manager"], world["resource"], day(10 * r + 3), day(10 * r + 7)).id)
              for r in range(ROUNDS)]
    config = {**base_config(tmp_path), "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"]}
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(2), context.Queue()
    workers = [context.Process(target=_accept, args=(config, email, [pair[index] for pair in rounds], barrier, results))
               for index, email in enumerate(("owner@exemple.fr", "owner2@exemple.fr"))]
    for worker in workers:
        worker.start()
    outcomes = dict(results.get(timeout=300) for _ in workers)
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0

    first, second = outcomes["owner@exemple.fr"], outcomes["owner2@exemple.fr"]
    for round_number in range(ROUNDS):
        assert sorted((first[round_number], second[round_number])) == [302, 409], (round_number, first, second)
    db.session.rollback()
    for pair in rounds:
        states = sorted(db.session.execute(select(Loan.state).where(Loan.id.in_(pair))).scalars(), key=str)
        assert sorted(state.value for state in states) == [LoanState.ACCEPTED.value, LoanState.REQUESTED.value]
