"""Builders for the agenda's tests: events and answers through the real services."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from forum.core.dates import PARIS
from forum.core.models import utcnow
from forum.events import rsvp, services
from forum.events.checks import Timing
from forum.events.models import Answer, Event
from forum.extensions import db
from forum.resources.models import ResourceKind
from tests.conftest import commit_work, make_fabrique, make_member, make_user, writing
from tests.resources.builders import make_resource
from tests.resources.room_builders import set_rules


def paris(days: int, hour: int = 14, minute: int = 0) -> datetime:
    """A Paris wall-clock moment ``days`` from today (naive, as a form gives it)."""
    local = datetime.now(PARIS).replace(hour=hour, minute=minute, second=0, microsecond=0, tzinfo=None)
    return local + timedelta(days=days)


def event_input(**fields) -> services.EventInput:
    values = {"title": "Rencontre régionale des médiateurs", "kind": "rencontre", "attendance_mode": "sur-place",
              "place_kind": "adresse", "address": "12 rue des Tilleuls, 23000 Guéret",
              "summary": "Une après-midi pour échanger entre fabriques.",
              "timings": [Timing(paris(10, 14), paris(10, 17))], **fields}
    return services.EventInput(**values)


def organiser_world():
    """A fabrique (manager « orga@… », member « membre@… ») and another one with a member « autre@… »."""
    manager = make_user("orga@exemple.fr", "Odile Organisatrice")
    fabrique = make_fabrique(manager, "La Fabrique des Possibles", "23", "rural")
    member = make_member(fabrique, "membre@exemple.fr", "Marc Membre")
    other_manager = make_user("voisine@exemple.fr", "Valérie Voisine")
    other = make_fabrique(other_manager, "L'Atelier Voisin", "93", "qpv")
    outsider = make_member(other, "autre@exemple.fr", "Aline Autre")
    return {"manager": manager, "fabrique": fabrique, "member": member, "other_manager": other_manager,
            "other": other, "outsider": outsider}


def make_event(actor, fabrique, **fields) -> Event:
    with writing():
        event = services.publish_event(actor, fabrique, event_input(**fields), utcnow())
        commit_work()
    return event


def answer(user, event_id: int, choice: Answer):
    with writing():
        given = rsvp.answer_event(user, db.session.get(Event, event_id), choice, utcnow())
        commit_work()
    return given


def at(day, hour: int, minute: int = 0) -> datetime:
    """A Paris wall-clock moment on ``day`` (naive, as a form gives it)."""
    return datetime.combine(day, time(hour, minute))


def form_moment(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M")


def other_room(world, **rules):
    """A meeting room of the other fabrique (« Grande salle du Voisin »), with booking rules: open
    Monday to Friday 9 h – 12 h and 14 h – 18 h, each request waiting for approval unless told."""
    room = make_resource(world["other_manager"], world["other"], "Grande salle du Voisin", kind=ResourceKind.SPACE)
    set_rules(world["other_manager"], room, **rules)
    return room
