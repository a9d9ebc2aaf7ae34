"""Two people taking the last place of an event at the same moment, from two processes, on SQLite and
PostgreSQL: one gets it, the other waits in line; never two confirmed places for one."""

from __future__ import annotations

from sqlalchemy import select

from forum.events.models import Answer, Rsvp
from forum.extensions import db
from tests.conftest import csrf_token, make_member
from tests.events.builders import make_event, organiser_world
from tests.race import Racer, outcome_of, race

ROUNDS = 6


def _read_event_page(client, event_id):
    return event_id, csrf_token(client, f"/agenda/{event_id}")


def _going(client, prepared):
    event_id, token = prepared
    return outcome_of(client.post(f"/agenda/{event_id}/reponse", data={"csrf_token": token, "answer": "going"}))


def test_two_people_taking_the_last_place(app, tmp_path):
    world = organiser_world()
    make_member(world["other"], "deux@exemple.fr", "Denis Deux")
    events = [make_event(world["manager"], world["fabrique"], title=f"Atelier {number}", capacity=1).id
              for number in range(ROUNDS)]
    first, second = race(app, tmp_path, [
        Racer("autre@exemple.fr", _going, events, _read_event_page),
        Racer("deux@exemple.fr", _going, events, _read_event_page)])
    for number, event_id in enumerate(events):
        assert (first[number].status, second[number].status) == (302, 302), number
        waiting = db.session.execute(select(Rsvp.waiting).where(
            Rsvp.event_id == event_id, Rsvp.answer == Answer.GOING).order_by(Rsvp.waiting)).scalars().all()
        assert waiting == [False, True], (number, waiting)
