"""The demo's rooms booked by the hour: each room's rules, and weeks of bookings around today.

Steps ``build_room_rules`` and ``build_room_bookings`` run last, each with its own random stream,
after the loans (``forum.demo.seed_loans``): a room's hourly bookings avoid the days its whole-day
loans (requested, accepted or lent) hold. Bookings follow the room's rules (opening hours, lengths,
buffer) and never overlap; past ones were accepted then returned (or declined, cancelled), future
ones are requested, accepted or declined. Rooms confirmed at once have their acceptances made by
the rules (no actor, ``forum.resources.rooms.CONFIRMED_AT_ONCE``), as the service does.
Rows, not services, for the reason ``forum.demo.seed_loans`` gives: back-dated history, no e-mails.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from forum.demo import room_data
from forum.demo.context import DemoContext
from forum.demo.plans import ResourcePlan
from forum.resources.models import Loan, LoanEvent, LoanState, ResourceKind, RoomRules
from forum.resources.rooms import CONFIRMED_AT_ONCE, rules_of
from forum.resources.slots import Slot, parse_opening

HALF_HOUR = 30


def _rooms(ctx: DemoContext) -> list[ResourcePlan]:
    return [plan for plan in ctx.resource_plans if plan.resource.kind is ResourceKind.SPACE]


def build_room_rules(ctx: DemoContext) -> list[RoomRules]:
    """Every demo room gets rules: an opening profile, lengths, a buffer, approval or not."""
    rng = ctx.rng("room_rules")
    rows = []
    for plan in _rooms(ctx):
        profile = rng.choice(room_data.OPENING_PROFILES)
        rows.append(RoomRules(
            resource_id=plan.resource.id,
            opening_hours={str(day): parse_opening(text, day) for day, text in enumerate(profile.days)},
            closed_dates=[], min_notice_hours=rng.choice((1, 2, 24)), max_notice_days=90,
            min_minutes=rng.choice(room_data.MIN_MINUTES), max_minutes=rng.choice(room_data.MAX_MINUTES),
            buffer_minutes=rng.choice(room_data.BUFFERS), needs_approval=rng.random() < room_data.APPROVAL_SHARE,
            updated_at=ctx.daytime(plan.listed_at or ctx.now)))
    ctx.session.add_all(rows)
    ctx.session.flush()
    ctx.counts["règles de salles"] = len(rows)
    return rows


def _held_days(ctx: DemoContext) -> set[tuple[int, object]]:
    """(room, day) pairs a whole-day loan holds or asks for."""
    held = set()
    for loan in ctx.loans:
        if loan.state in (LoanState.REQUESTED, LoanState.ACCEPTED, LoanState.LENT):
            day = loan.start_date
            while day <= loan.end_date:
                held.add((loan.resource_id, day))
                day += timedelta(days=1)
    return held


def build_room_bookings(ctx: DemoContext) -> list[Loan]:
    """A few bookings a week per room, from ``WEEKS_BACK`` weeks ago to ``WEEKS_AHEAD`` ahead."""
    rng = ctx.rng("room_bookings")
    rules_rows = {row.resource_id: row for row in ctx.session.query(RoomRules)}
    held = _held_days(ctx)
    monday = ctx.today - timedelta(days=ctx.today.weekday())
    bookings: list[tuple[Loan, list[LoanEvent]]] = []
    for plan in _rooms(ctx):
        rules = rules_of(rules_rows.get(plan.resource.id))
        others = [index for index in range(len(ctx.fabriques)) if index != plan.fabrique_index]
        taken: list[tuple[datetime, datetime]] = []
        for week in range(-room_data.WEEKS_BACK, room_data.WEEKS_AHEAD):
            for _ in range(rng.choice(room_data.PER_WEEK)):
                day = monday + timedelta(days=7 * week + rng.randrange(7))
                slot = _draw_slot(rng, rules, day)
                if slot is None or (plan.resource.id, day) in held:
                    continue
                if (plan.resource.paused or plan.resource.hidden_at) and slot.ends_at > ctx.now:
                    continue  # nobody may ask for a paused or hidden room now
                blocked = slot.ends_at + timedelta(minutes=rules.buffer_minutes)
                if any(slot.starts_at < other_end and start < blocked for start, other_end in taken):
                    continue
                if plan.listed_at and slot.starts_at - timedelta(days=22) < plan.listed_at:
                    continue  # asked for after the room was listed
                taken.append((slot.starts_at, blocked))
                bookings.append(_booking(ctx, rng, plan, rules, slot, blocked, rng.choice(others)))
    ctx.session.add_all([loan for loan, _events in bookings])
    ctx.session.flush()
    for loan, events in bookings:
        for event in events:
            event.loan_id = loan.id
    ctx.session.add_all([event for _loan, events in bookings for event in events])
    ctx.session.flush()
    ctx.counts["réservations de salles"] = len(bookings)
    ctx.counts["prêts"] = ctx.counts.get("prêts", 0) + len(bookings)
    return [loan for loan, _events in bookings]


def _draw_slot(rng, rules, day) -> Slot | None:
    """A slot within one of the day's opening intervals, of a length the rules allow."""
    intervals = rules.intervals(day)
    if not intervals:
        return None
    start, end = rng.choice(intervals)
    span = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
    lengths = [minutes for minutes in range(rules.min_minutes, min(rules.max_minutes, span) + 1, HALF_HOUR)
               if minutes >= 60]
    if not lengths:
        return None
    length = rng.choice(lengths)
    offset = rng.randrange(0, span - length + 1, HALF_HOUR)
    first = start.hour * 60 + start.minute + offset
    return Slot.of(day, time(*divmod(first, 60)), time(*divmod(first + length, 60)))


def _booking(ctx: DemoContext, rng, plan: ResourcePlan, rules, slot: Slot, blocked, borrower: int):
    """The booking's row and its history, moments before ``now`` and in order."""
    past = slot.ends_at < ctx.now
    asked = min(slot.starts_at - timedelta(days=rng.randint(2, 20), hours=rng.randint(0, 9)),
                ctx.now - timedelta(hours=rng.randint(6, 72)))
    requester = ctx.pick_member(borrower, asked, rng)
    owner = plan.fabrique_index
    if past:
        state = rng.choices((LoanState.RETURNED, LoanState.DECLINED, LoanState.CANCELLED), (8, 1, 1))[0]
    else:
        state = rng.choices((LoanState.ACCEPTED, LoanState.REQUESTED, LoanState.DECLINED), (5, 3, 1))[0]
    automatic = not rules.needs_approval
    if automatic and state in (LoanState.REQUESTED, LoanState.DECLINED):  # the rules accept at once
        state = LoanState.RETURNED if past else LoanState.ACCEPTED
    moves: list[tuple[LoanState, int | None, str]] = []
    if state in (LoanState.ACCEPTED, LoanState.RETURNED, LoanState.CANCELLED):
        moves.append((LoanState.ACCEPTED, None if automatic else ctx.pick_member(owner, asked, rng, managers=True),
                      CONFIRMED_AT_ONCE if automatic else ""))
    if state is LoanState.DECLINED:
        moves.append((LoanState.DECLINED, ctx.pick_member(owner, asked, rng, managers=True), ""))
    if state is LoanState.CANCELLED:
        moves.append((LoanState.CANCELLED, requester, ""))
    return_note = ""
    if state is LoanState.RETURNED:
        manager = ctx.pick_member(owner, asked, rng, managers=True)
        return_note = rng.choice(room_data.RETURN_NOTES)
        moves += [(LoanState.LENT, manager, ""), (LoanState.RETURNED, manager, return_note)]
    # Each move a little after the previous one, the lending at the slot's start, the return after it.
    moments = [asked]
    for to_state, _actor, _note in moves:
        if to_state is LoanState.LENT:
            moments.append(slot.starts_at)
        elif to_state is LoanState.RETURNED:
            moments.append(slot.ends_at + timedelta(minutes=rng.randint(5, 90)))
        elif automatic and to_state is LoanState.ACCEPTED:
            moments.append(asked + timedelta(seconds=1))
        else:
            moments.append(moments[-1] + timedelta(hours=rng.randint(2, 30)))
    moments = [min(moment, ctx.now - timedelta(minutes=len(moments) - index)) for index, moment in enumerate(moments)]
    written = [ctx.daytime(moment) for moment in moments]
    loan = Loan(resource_id=plan.resource.id, owner_fabrique_id=plan.resource.fabrique_id,
                borrower_fabrique_id=ctx.fabriques[borrower].id, requested_by_id=ctx.users[requester].id,
                state=state, quantity=1, start_date=slot.day, end_date=slot.day, starts_at=slot.starts_at,
                ends_at=slot.ends_at, blocked_until=blocked, message=rng.choice(room_data.MESSAGES),
                return_note=return_note, created_at=written[0], updated_at=written[-1])
    events = [LoanEvent(actor_id=ctx.users[requester].id, from_state=None, to_state=LoanState.REQUESTED,
                        created_at=written[0])]
    previous = LoanState.REQUESTED
    for (to_state, actor, note), moment in zip(moves, written[1:], strict=True):
        events.append(LoanEvent(actor_id=ctx.users[actor].id if actor is not None else None, from_state=previous,
                                to_state=to_state, note=note, created_at=moment))
        previous = to_state
    return loan, events
