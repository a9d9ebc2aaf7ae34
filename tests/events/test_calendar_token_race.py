"""Two tabs of one member pressing « Générer une nouvelle adresse » at the same moment, from two
processes, on SQLite and PostgreSQL: one gets a new address, the other a 409; the address shown is
the one that works. Without the member's row lock, both replace the token (one address shown
dead) or, for a first address, both insert it (a primary-key violation, a 500)."""

from __future__ import annotations

import re

from sqlalchemy import delete, select

from forum.accounts.models import User
from forum.core.models import utcnow
from forum.events.calendar_tokens import CalendarToken, hash_token, issue_token
from forum.extensions import db
from tests.conftest import form_fields
from tests.events.builders import organiser_world
from tests.race import Racer, outcome_of, race

ROUNDS = 6
EMAIL = "membre@exemple.fr"


def _setup(round_number: int) -> None:
    """Even rounds: no address yet (both would insert); odd rounds: one to replace."""
    user = db.session.execute(select(User).where(User.email == EMAIL)).scalar_one()
    db.session.execute(delete(CalendarToken).where(CalendarToken.user_id == user.id))
    if round_number % 2:
        issue_token(user, utcnow())


def _read_page(client, round_number):
    return form_fields(client, "/profil/mon-agenda")


def _regenerate(client, fields):
    return outcome_of(client.post("/profil/mon-agenda", data=fields))


def test_two_tabs_asking_for_a_new_address_at_once(app, tmp_path):
    organiser_world()
    rounds = list(range(ROUNDS))
    first, second = race(app, tmp_path, [Racer(EMAIL, _regenerate, rounds, _read_page, _setup),
                                         Racer(EMAIL, _regenerate, rounds, _read_page)])
    for number in rounds:
        outcomes = (first[number], second[number])
        assert sorted(outcome.status for outcome in outcomes) == [200, 409], (number, outcomes)
        [winner] = [outcome for outcome in outcomes if outcome.status == 200]
        shown = re.search(r"/agenda/membre/([A-Za-z0-9_-]{43})\.ics", winner.text).group(1)
        if number == ROUNDS - 1:  # the last round's address is the one stored
            db.session.rollback()
            assert db.session.execute(select(CalendarToken.token_hash)).scalars().all() == [hash_token(shown)]
