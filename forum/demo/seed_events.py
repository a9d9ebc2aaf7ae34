"""The demo's agenda: events of the fabriques, past and coming, with their members' answers.

Step ``build_events`` runs last, with its own random stream (the content of earlier steps stays
the same for a seed). Events are written as rows, as the loans are (``forum.demo.seed_loans``
says why: the services stamp the present moment and queue e-mails). They follow the services'
rules all the same: timings in Paris time stored in UTC, an event in its fabrique's own room or
in a room it booked by the hour from another fabrique (a booking of forum.demo.seed_rooms), at
most ``capacity`` confirmed « je viens » and the others on the waiting list, first come first served.

What a visitor finds: about fifty events from two months ago to three months ahead, a few
cancelled or postponed, webinars online, one full event with a waiting list, and an event
« en attente de la salle » (a room whose hourly booking is still requested).
"""

from __future__ import annotations

import random
import uuid
from datetime import datetime, time, timedelta, timezone

from sqlalchemy import select

from forum.core.dates import PARIS
from forum.core.markdown import render_markdown
from forum.demo.agenda import EVENTS, EventItem
from forum.demo.context import DemoContext
from forum.events.models import (
    Answer, AttendanceMode, Event, EventKind, EventStatus, EventTiming, PlaceKind, Rsvp,
)
from forum.events.services import UID_DOMAIN
from forum.resources.models import Loan, LoanState, Resource, ResourceKind

EVENT_COUNT = 48
DAYS_BACK, DAYS_AHEAD = 60, 90
START_HOURS = (9, 10, 14, 14, 18)
FULL_EVENT = 5  # this one (an upcoming one) is full, with people waiting


def _timing(day, hour: int, hours: int) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time(hour), tzinfo=PARIS).astimezone(timezone.utc)
    return start, start + timedelta(hours=hours)


def _uid(rng: random.Random) -> str:
    return f"{uuid.UUID(int=rng.getrandbits(128)).hex}@{UID_DOMAIN}"


def _rooms(ctx: DemoContext) -> dict[int, list]:
    """Each fabrique's own rooms (resources of kind space), by fabrique index."""
    rooms: dict[int, list] = {}
    for plan in ctx.resource_plans:
        if plan.resource.kind is ResourceKind.SPACE and plan.resource.hidden_at is None:
            rooms.setdefault(plan.fabrique_index, []).append(plan.resource)
    return rooms


def _event(ctx: DemoContext, rng: random.Random, item: EventItem, fabrique_index: int, day, rooms) -> Event:
    fabrique = ctx.fabriques[fabrique_index]
    hour = 18 if item.hours <= 2 and rng.random() < 0.4 else rng.choice(START_HOURS if item.hours < 7 else (9,))
    timings = [_timing(day + timedelta(days=7 * session), hour, item.hours) for session in range(item.sessions)]
    created = min(ctx.now, timings[0][0] - timedelta(days=rng.randint(10, 40)))
    author = ctx.pick_member(fabrique_index, created, rng)
    mode = AttendanceMode.ONLINE if item.online else AttendanceMode.MIXED if item.mixed else AttendanceMode.OFFLINE
    own_rooms = rooms.get(fabrique_index, [])
    place_kind = PlaceKind.NONE if mode is AttendanceMode.ONLINE else \
        PlaceKind.OWN_SPACE if own_rooms and rng.random() < 0.6 else PlaceKind.ADDRESS
    event = Event(
        uid=_uid(rng), sequence=0, fabrique_id=fabrique.id, author_id=ctx.users[author].id,
        title=item.title.format(fabrique=fabrique.name)[:140], summary=item.summary, description_source=item.description,
        description_html=render_markdown(item.description), kind=EventKind(item.kind), attendance_mode=mode,
        place_kind=place_kind, resource_id=rng.choice(own_rooms).id if place_kind is PlaceKind.OWN_SPACE else None,
        address=", ".join(part for part in (fabrique.address, fabrique.postal_code, fabrique.city) if part)
        if place_kind is PlaceKind.ADDRESS else "",
        online_url=f"https://visio.exemple.org/{rng.getrandbits(40):010x}" if mode.is_online else "",
        registration=fabrique.contact_email or "", audience=item.audience, is_free=not item.price,
        price_details=item.price, capacity=item.capacity or None, status=EventStatus.SCHEDULED,
        accessibility="Accès de plain-pied, toilettes adaptées" if rng.random() < 0.5 else "",
        starts_at=timings[0][0], ends_at=timings[-1][1], created_at=ctx.daytime(created),
        updated_at=ctx.daytime(created))
    event.timings = [EventTiming(starts_at=start, ends_at=end) for start, end in timings]
    return event


def _room_event(ctx: DemoContext, rng: random.Random) -> Event | None:
    """An event in a room booked by the hour from another fabrique (forum.demo.seed_rooms ran
    before), whose booking still waits for the owner's answer: the event was published with the
    request, by its requester, for the booking's slot."""
    loan = ctx.session.execute(
        select(Loan).join(Resource, Resource.id == Loan.resource_id)
        .where(Resource.kind == ResourceKind.SPACE, Loan.state == LoanState.REQUESTED, Loan.starts_at.is_not(None),
               Loan.starts_at > ctx.now + timedelta(days=2))
        .order_by(Loan.starts_at, Loan.id).limit(1)).scalar_one_or_none()
    if loan is None:
        return None
    borrower = next(index for index, fabrique in enumerate(ctx.fabriques) if fabrique.id == loan.borrower_fabrique_id)
    owner = next(fabrique for fabrique in ctx.fabriques if fabrique.id == loan.owner_fabrique_id)
    event = _event(ctx, rng, EVENTS[0], borrower, loan.start_date, {})
    event.place_kind, event.address = PlaceKind.BOOKED_ROOM, ""
    event.loan_id, event.resource_id = loan.id, loan.resource_id
    event.author_id, event.created_at, event.updated_at = loan.requested_by_id, loan.created_at, loan.created_at
    event.starts_at, event.ends_at = loan.starts_at, loan.ends_at
    event.timings = [EventTiming(starts_at=loan.starts_at, ends_at=loan.ends_at)]
    event.title = f"Rencontre des fabriques voisines à {owner.city}"[:140]
    return event


def _answers(ctx: DemoContext, rng: random.Random, event: Event, number: int) -> list[Rsvp]:
    """Members of the organiser's region (and a few others) answer; « je viens » beyond the capacity waits."""
    people = list(range(len(ctx.users)))
    rng.shuffle(people)
    wanted = (event.capacity or 8) + 3 if number == FULL_EVENT else rng.randint(0, 12)
    answers, confirmed = [], 0
    moment = event.created_at
    for person in people[:wanted]:
        user = ctx.users[person]
        if ctx.personas[person] is ctx.admin or user.id == event.author_id or user.is_deleted:
            continue
        moment = min(moment + timedelta(hours=rng.randint(2, 60)), ctx.now)
        answer = Answer.GOING if number == FULL_EVENT else rng.choices(list(Answer), (6, 3, 1))[0]
        waiting = answer is Answer.GOING and event.capacity is not None and confirmed >= event.capacity
        confirmed += answer is Answer.GOING and not waiting
        answers.append(Rsvp(event_id=event.id, user_id=ctx.users[person].id, answer=answer, waiting=waiting,
                            queued_at=moment, answered_at=moment))
    return answers


def build_events(ctx: DemoContext) -> list[Event]:
    rng = ctx.rng("events")
    rooms = _rooms(ctx)
    # Each kind of event is one fabrique's series (its monthly café, its repair workshop), as an
    # agenda holds them: the same title recurs at one fabrique, not at several.
    organisers = [rng.randrange(len(ctx.fabriques)) for _ in EVENTS]
    events = []
    for number in range(EVENT_COUNT):
        item = EVENTS[number % len(EVENTS)]
        day = ctx.today + timedelta(days=rng.randint(-DAYS_BACK, DAYS_AHEAD))
        if number == FULL_EVENT:
            day = ctx.today + timedelta(days=12)
            item = item._replace(capacity=item.capacity or 8)
        event = _event(ctx, rng, item, organisers[number % len(EVENTS)], day, rooms)
        if number % 9 == 4:
            event.status, event.cancelled_at, event.sequence = EventStatus.CANCELLED, ctx.daytime(ctx.now), 1
        elif number % 17 == 8:
            event.status, event.sequence = EventStatus.POSTPONED, 1
        events.append(event)
    room_event = _room_event(ctx, rng)
    if room_event is not None:
        events.append(room_event)
    ctx.session.add_all(events)
    ctx.session.flush()
    answers = [answer for number, event in enumerate(events) for answer in _answers(ctx, rng, event, number)]
    ctx.session.add_all(answers)
    ctx.session.flush()
    ctx.counts["événements"] = len(events)
    ctx.counts["réponses aux événements"] = len(answers)
    return events
