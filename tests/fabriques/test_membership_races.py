"""The last two managers of a fabrique leaving, or removing each other, at the same moment, from two
processes (tests/race.py), on SQLite and PostgreSQL: one of them stays, the other is refused with a
sentence that says why, and the fabrique always keeps a manager."""

from __future__ import annotations

from sqlalchemy import func, select

from forum.accounts.models import User
from forum.core.models import utcnow
from forum.extensions import db
from forum.fabriques.models import Fabrique, Membership, MembershipRole, MembershipStatus
from tests.conftest import csrf_token, make_fabrique, make_member, make_user
from tests.race import Racer, outcome_of, race

ROUNDS = 6
MANAGERS = ("owner@exemple.fr", "owner2@exemple.fr")


def _both_managers(round_data) -> None:
    """Before each round: both are managers again (the previous round removed one)."""
    slug, _ = round_data
    fabrique_id = db.session.execute(select(Fabrique.id).where(Fabrique.slug == slug)).scalar_one()
    for email in MANAGERS:
        user_id = db.session.execute(select(User.id).where(User.email == email)).scalar_one()
        if db.session.execute(select(Membership.id).where(Membership.user_id == user_id)).first() is None:
            db.session.add(Membership(user_id=user_id, fabrique_id=fabrique_id, role=MembershipRole.MANAGER,
                                      status=MembershipStatus.ACTIVE, decided_at=utcnow()))


def _read_page(client, round_data):
    slug, kind = round_data
    if kind == "quitter":
        return f"/fabriques/{slug}/quitter", csrf_token(client, f"/fabriques/{slug}")
    # "retirer": the other manager's line on the members page.
    mine = db.session.execute(select(User.id).where(User.email.in_(MANAGERS))).scalars().all()
    other = db.session.execute(select(Membership.id).where(
        Membership.user_id.in_(mine), Membership.user_id != _me(client))).scalar_one()
    return f"/fabriques/{slug}/membres/{other}/retirer", csrf_token(client, f"/fabriques/{slug}/membres")


def _me(client) -> int:
    return db.session.execute(select(User.id).where(User.email == client.racer_email)).scalar_one()


def _press(client, prepared):
    url, token = prepared
    return outcome_of(client.post(url, data={"csrf_token": token}))


def test_the_last_two_managers_leaving_or_removing_each_other_at_once(app, tmp_path):
    owner = make_user(MANAGERS[0], "Olivia Responsable")
    fabrique = make_fabrique(owner, "La Fabrique des Deux")
    make_member(fabrique, MANAGERS[1], "Octave Coresponsable")
    db.session.execute(db.update(Membership).values(role=MembershipRole.MANAGER))
    db.session.commit()
    rounds = [(fabrique.slug, "quitter" if number % 2 == 0 else "retirer") for number in range(ROUNDS)]
    first, second = race(app, tmp_path, [
        Racer(MANAGERS[0], _press, rounds, _read_page, setup=_both_managers),
        Racer(MANAGERS[1], _press, rounds, _read_page)])

    for number, (_, kind) in enumerate(rounds):
        outcomes = (first[number], second[number])
        # Leaving: the second is the last manager (409). Removing each other: the second is no longer a
        # manager when their request is handled (403), whoever's request reached the database first.
        refused = 409 if kind == "quitter" else 403
        assert sorted(outcome.status for outcome in outcomes) == [302, refused], (number, kind)
        loser = outcomes[0] if outcomes[0].status == refused else outcomes[1]
        assert ("Vous êtes le ou la seule responsable" if kind == "quitter"
                else "Vous n'êtes pas, ou plus, responsable de cette fabrique") in loser.text, (number, kind)
    # After the last round: one manager left, never none.
    assert db.session.execute(select(func.count()).select_from(Membership).where(
        Membership.fabrique_id == fabrique.id, Membership.role == MembershipRole.MANAGER,
        Membership.status == MembershipStatus.ACTIVE)).scalar_one() == 1
