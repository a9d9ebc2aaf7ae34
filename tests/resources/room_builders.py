"""Builders for the room booking tests: rooms with rules, bookings through the real services."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from forum.resources import rooms
from forum.resources.models import ResourceKind
from tests.conftest import commit_work, writing
from tests.resources.builders import TODAY, make_resource, two_fabriques

ALL_DAY = "0:00-24:00"


def next_weekday(weekday: int, weeks_ahead: int = 1) -> date:
    """A Monday (0)… Sunday (6) at least a week from today: within the default 90-day notice."""
    start = TODAY + timedelta(days=7 * weeks_ahead)
    return start + timedelta(days=(weekday - start.weekday()) % 7)


def set_rules(manager, room, **fields) -> None:
    data = rooms.RulesInput(**{"opening": ["9:00-12:00, 14:00-18:00"] * 5 + ["", ""], "capacity_meeting": 25,
                               **fields})
    with writing():
        rooms.update_rules(manager, room, data)
        commit_work()


def room_world(**rules):
    """two_fabriques() with a meeting room of the lender ("Salle du Lavoir") and its rules."""
    world = two_fabriques()
    world["room"] = make_resource(world["owner"], world["lender"], "Salle du Lavoir", ResourceKind.SPACE,
                                  capacity_meeting=25, room_equipment="Vidéoprojecteur, paperboard",
                                  accessibility="Accès de plain-pied")
    set_rules(world["owner"], world["room"], **rules)
    return world


def book(actor, room, day: date, start: str, end: str, message: str = "", now: datetime | None = None):
    with writing():
        loan = rooms.request_room_booking(actor, room, day, rooms.parse_wall_time(start, "", ""),
                                          rooms.parse_wall_time(end, "", ""), message, now=now)
        commit_work()
    return loan


def utc(year, month, day, hour, minute=0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=timezone.utc)

