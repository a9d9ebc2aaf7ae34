"""The demo's shared catalogue, second part: loans between fabriques and their notifications.

Steps ``build_loans`` and ``build_loan_notifications`` run after ``forum.demo.seed_catalogue``,
each with its own random stream. Loan periods are calendar days around today (Paris), every
moment is ``now`` plus or minus an offset, moved into working hours by ``DemoContext.daytime``
when written: two runs with the same seed on the same day give the same loans, whatever the time.

Loans follow the rules of ``forum.resources.services``: a fabrique never borrows its own
resource, the requester is an active member of the borrowing fabrique, the owner's managers
accept, decline, lend and take back, and accepted or running loans never hold more than the
stock on any day (checked with ``forum.resources.loans.shortages`` before each booking).

Why rows and not ``forum.resources.services`` (``request_loan``, ``act_on_loan``,
``post_loan_message``) nor ``forum.notifications.services.notify``: they stamp every loan, event,
message and notification with the present moment and queue e-mails, while the demo writes
fourteen months of back-dated history to fictitious addresses that must receive nothing.
"""

from __future__ import annotations

import math
import random
from datetime import datetime, timedelta

from forum.core.dates import day_fr
from forum.core.markdown import render_markdown
from forum.demo import catalogue
from forum.demo.context import DemoContext
from forum.demo.geo import distance_km
from forum.demo.plans import LoanPlan, ResourcePlan
from forum.demo.writer import finish
from forum.fabriques.models import MembershipRole
from forum.notifications.models import Notification
from forum.resources.loans import Booking, shortages, usage_by_day
from forum.resources.models import Loan, LoanEvent, LoanMessage, LoanState, ResourceKind

# Loans to plan, by state ("overdue" is a lent loan past its end date). Bookings come first.
LOAN_TARGETS: tuple[tuple[str, int], ...] = (
    ("returned", 92), ("overdue", 7), ("lent", 17), ("accepted", 34), ("requested", 26), ("declined", 22),
    ("cancelled", 24),
)
MAX_BORROWING_KM = 900  # farther, nobody borrows (overseas fabriques lend to their own territory)
NOTIFICATION_DAYS = 30  # in-app notifications are kept for the events of the last month
# The notification texts as the demo has always written them. The service's own (the private
# ``forum.resources.services._STATE_NEWS``) now word "lent" and "returned" differently: taking
# them would change the demo's content, which this module keeps as it is.
LOAN_STATE_NEWS = {
    LoanState.ACCEPTED: "{owner} a accepté votre demande pour « {resource} » {period}.",
    LoanState.DECLINED: "{owner} a refusé votre demande pour « {resource} » {period}.",
    LoanState.CANCELLED: "{borrower} a annulé sa demande pour « {resource} » {period}.",
    LoanState.LENT: "« {resource} » est noté comme retiré par {borrower}.",
    LoanState.RETURNED: "« {resource} » est noté comme rendu. Merci !",
}


# -- Loans -------------------------------------------------------------------------------

def build_loans(ctx: DemoContext) -> list[Loan]:
    """Loans in every state between fabriques, with their history and conversations."""
    rng = ctx.rng("loans")
    lendable = [plan for plan in ctx.resource_plans if plan.resource.kind.lendable]
    popularity = [rng.lognormvariate(0, 0.9) for _ in lendable]
    holds: dict[int, list[Booking]] = {id(plan): [] for plan in lendable}
    ctx.loan_plans = []
    for state, target in LOAN_TARGETS:
        made = attempts = 0
        while made < target and attempts < target * 60:
            attempts += 1
            plan = rng.choices(lendable, popularity)[0]
            loan = _plan_loan(ctx, plan, state, holds[id(plan)], rng)
            if loan is not None:
                ctx.loan_plans.append(loan)
                made += 1
    ctx.loan_plans.sort(key=lambda loan: loan.events[0][0])

    loans = []
    daytime = ctx.daytime
    for plan in ctx.loan_plans:
        resource = plan.plan.resource
        reminders = {kind: daytime(moment) for kind, moment in plan.reminders.items()}
        loans.append(Loan(
            resource_id=resource.id, owner_fabrique_id=resource.fabrique_id,
            borrower_fabrique_id=ctx.fabriques[plan.borrower].id, requested_by_id=ctx.users[plan.requester].id,
            state=plan.state, quantity=plan.quantity, start_date=plan.start, end_date=plan.end,
            message=plan.message, return_note=plan.return_note, created_at=daytime(plan.events[0][0]),
            updated_at=daytime(plan.events[-1][0]), start_reminder_sent_at=reminders.get("start"),
            end_reminder_sent_at=reminders.get("end"), overdue_notice_sent_at=reminders.get("overdue"),
        ))
    ctx.session.add_all(loans)
    ctx.session.flush()
    rows: list[LoanEvent | LoanMessage] = []
    for plan, loan in zip(ctx.loan_plans, loans):
        for moment, from_state, to_state, actor, note in plan.events:
            rows.append(LoanEvent(loan_id=loan.id, actor_id=ctx.users[actor].id, from_state=from_state,
                                  to_state=to_state, note=note, created_at=daytime(moment)))
        for moment, author, body in plan.messages:
            rows.append(LoanMessage(loan_id=loan.id, author_id=ctx.users[author].id, body_source=body,
                                    body_html=render_markdown(body), created_at=daytime(moment)))
    ctx.session.add_all(rows)
    ctx.session.flush()
    ctx.loans = loans
    ctx.counts["prêts"] = len(loans)
    ctx.counts["messages de prêt"] = sum(len(plan.messages) for plan in ctx.loan_plans)
    return loans


def _plan_loan(ctx: DemoContext, plan: ResourcePlan, state: str, holds: list[Booking],
               rng: random.Random) -> LoanPlan | None:
    resource, today = plan.resource, ctx.today
    if resource.paused and state in ("overdue", "lent", "accepted", "requested"):
        return None
    is_room = resource.kind is ResourceKind.SPACE
    if is_room and state == "overdue":  # a room is not "brought back late"
        return None
    durations = (1, 1, 1, 1, 2, 2, 3) if is_room else (1, 2, 2, 3, 3, 4, 5, 7, 7, 10, 14)
    length = min(rng.choice(durations), resource.max_loan_days or 90)
    past = state in ("returned", "overdue") or (state in ("declined", "cancelled")
                                                and (resource.paused or rng.random() < 0.5))
    if state == "returned":
        end = today - timedelta(days=int(1 + 300 * rng.random() ** 1.3))
        start = end - timedelta(days=length - 1)
    elif state == "overdue":
        end = today - timedelta(days=rng.randint(1, 12))
        start = end - timedelta(days=length - 1)
    elif state == "lent":
        start = today - timedelta(days=rng.randint(0, length - 1))
        end = start + timedelta(days=length - 1)
    elif past:  # declined or cancelled, for a period now over
        start = today - timedelta(days=rng.randint(2, 250))
        end = start + timedelta(days=length - 1)
    else:  # accepted, requested, or declined / cancelled ahead
        ahead = 0 if state == "accepted" and rng.random() < 0.06 else int(1 + 90 * rng.random() ** 1.5)
        start = today + timedelta(days=ahead)
        end = start + timedelta(days=length - 1)

    # When it was asked: before a past period; recently for a period still ahead.
    if past or state == "lent":
        lead = min(40.0, 0.5 + rng.lognormvariate(math.log(7), 0.7))
        requested_at = ctx.day(start) - timedelta(days=lead, hours=rng.uniform(0, 8))
    elif state == "requested":
        days = rng.uniform(0.04, 4) if rng.random() < 0.75 else rng.uniform(4, 10)
        requested_at = ctx.now - timedelta(days=days)
    else:
        requested_at = ctx.now - timedelta(days=rng.uniform(0.5, 30))
    if requested_at < plan.listed_at + timedelta(hours=2):
        return None

    owner = plan.fabrique_index
    borrower = _borrower(ctx, owner, is_room, requested_at, rng)
    if borrower is None:
        return None
    requester = ctx.pick_member(borrower, requested_at, rng)

    stock = resource.quantity
    quantity = 1 if stock == 1 else (stock if rng.random() < 0.25 else rng.randint(1, stock))
    if state in ("returned", "overdue", "lent", "accepted", "requested"):
        held_until = max(end, today + timedelta(days=5)) if state == "overdue" else end
        used = max(usage_by_day(holds, start, held_until).values())
        if used >= stock:
            return None
        quantity = min(quantity, stock - used)
        assert not shortages(holds, start, held_until, quantity, stock)
        if state != "requested":
            holds.append(Booking(start, held_until, quantity))

    loan = LoanPlan(plan, LoanState.LENT if state == "overdue" else LoanState(state), borrower, requester,
                    quantity, start, end)
    loan.message = _request_message(ctx, loan, rng)
    _history(ctx, loan, state, requested_at, rng)
    _conversation(ctx, loan, state, rng)
    return loan


def _borrower(ctx: DemoContext, owner: int, is_room: bool, requested_at: datetime,
              rng: random.Random) -> int | None:
    """A fabrique near the owner, that existed when the request was made."""
    home = ctx.fabriques[owner]
    scale = 150.0 if is_room else 300.0
    candidates, weights = [], []
    for index, fabrique in enumerate(ctx.fabriques):
        if index == owner or fabrique.created_at > requested_at - timedelta(days=1):
            continue
        distance = distance_km(home.latitude, home.longitude, fabrique.latitude, fabrique.longitude)
        if distance <= MAX_BORROWING_KM:
            candidates.append(index)
            weights.append(math.exp(-distance / scale))
    if not candidates:
        return None
    return rng.choices(candidates, weights)[0]


def _request_message(ctx: DemoContext, loan: LoanPlan, rng: random.Random) -> str:
    resource = loan.plan.resource
    is_room = resource.kind is ResourceKind.SPACE
    template = rng.choice(catalogue.ROOM_REQUEST_MESSAGES if is_room else catalogue.REQUEST_MESSAGES)
    purpose = rng.choice(catalogue.PURPOSES["espace" if is_room else resource.category])
    quantity = f" ({loan.quantity} exemplaires)" if loan.quantity > 1 else ""
    return finish(template.format(purpose=purpose, resource=resource.name, quantity=quantity,
                                  first_name=ctx.personas[loan.requester].first_name,
                                  fabrique=ctx.fabriques[loan.borrower].name))


def _history(ctx: DemoContext, loan: LoanPlan, state: str, requested_at: datetime, rng: random.Random) -> None:
    """The loan's events, from the request to its state, at increasing moments, none in the future."""
    owner = loan.plan.fabrique_index
    start_at = ctx.day(loan.start)
    events = loan.events
    events.append((requested_at, None, LoanState.REQUESTED, loan.requester, ""))

    def answer(after: datetime, before: datetime) -> datetime:
        gap = before - after
        return after + min(gap * rng.uniform(0.05, 0.5), timedelta(days=rng.uniform(0.1, 4)))

    def by_owner(moment: datetime) -> int:
        return ctx.pick_member(owner, moment, rng, managers=True)

    horizon = min(start_at, ctx.now)
    if state in ("returned", "overdue", "lent"):
        lent_at = start_at - timedelta(hours=rng.uniform(0, 6))
        accepted_at = answer(requested_at, lent_at)
        events.append((accepted_at, LoanState.REQUESTED, LoanState.ACCEPTED, by_owner(accepted_at),
                       rng.choice(catalogue.ACCEPT_NOTES)))
        events.append((lent_at, LoanState.ACCEPTED, LoanState.LENT, by_owner(lent_at), ""))
        reminder = ctx.day(loan.start - timedelta(days=1)) - timedelta(hours=rng.uniform(0, 2))
        if reminder > accepted_at:
            loan.reminders["start"] = reminder
        if loan.end < ctx.today:
            reminder = ctx.day(loan.end - timedelta(days=1)) - timedelta(hours=rng.uniform(0, 2))
            if reminder > lent_at:
                loan.reminders["end"] = reminder
        if state == "returned":
            returned_at = max(ctx.day(loan.end) + timedelta(hours=rng.uniform(2, 20)),
                              lent_at + timedelta(hours=1))
            returned_at = min(returned_at, ctx.now - timedelta(minutes=10))
            resource = loan.plan.resource
            notes = catalogue.ROOM_RETURN_NOTES if resource.kind is ResourceKind.SPACE else \
                catalogue.RETURN_NOTES + catalogue.CATEGORY_RETURN_NOTES.get(resource.category, ())
            loan.return_note = rng.choice(notes) if rng.random() < 0.85 else ""
            events.append((returned_at, LoanState.LENT, LoanState.RETURNED, by_owner(returned_at),
                           loan.return_note))
        elif state == "overdue" and loan.end <= ctx.today - timedelta(days=2):
            noticed = ctx.day(loan.end + timedelta(days=1)) - timedelta(hours=rng.uniform(0, 2))
            loan.reminders["overdue"] = noticed
    elif state == "accepted":
        accepted_at = answer(requested_at, horizon)
        events.append((accepted_at, LoanState.REQUESTED, LoanState.ACCEPTED, by_owner(accepted_at),
                       rng.choice(catalogue.ACCEPT_NOTES)))
    elif state == "declined":
        declined_at = answer(requested_at, horizon)
        events.append((declined_at, LoanState.REQUESTED, LoanState.DECLINED, by_owner(declined_at),
                       rng.choice(catalogue.DECLINE_NOTES)))
    elif state == "cancelled":
        previous, since = LoanState.REQUESTED, requested_at
        if rng.random() < 0.4:
            since = answer(requested_at, horizon)
            events.append((since, LoanState.REQUESTED, LoanState.ACCEPTED, by_owner(since),
                           rng.choice(catalogue.ACCEPT_NOTES)))
            previous = LoanState.ACCEPTED
        cancelled_at = since + (horizon - since) * rng.uniform(0.1, 0.9)
        events.append((cancelled_at, previous, LoanState.CANCELLED, loan.requester,
                       rng.choice(catalogue.CANCEL_NOTES)))


def _conversation(ctx: DemoContext, loan: LoanPlan, state: str, rng: random.Random) -> None:
    """A few messages between the requester and a manager of the owner, placed in the history."""
    chance = {"returned": 0.45, "overdue": 1.0, "lent": 0.6, "accepted": 0.55, "requested": 0.35,
              "declined": 0.3, "cancelled": 0.2}[state]
    if rng.random() >= chance:
        return
    owner = loan.plan.fabrique_index
    times = [moment for moment, *_ in loan.events]
    requested_at, last = times[0], times[-1]
    owner_side: int | None = None
    lines: list[tuple[datetime, int, str]] = []

    def say(moment: datetime, author: int, template: str, other: int, **extra: str) -> None:
        persona = ctx.personas[author]
        text = template.format(other=ctx.personas[other].first_name, **extra)
        lines.append((moment, author, finish(text, persona.register)))

    def between(after: datetime, before: datetime, low: float = 0.1, high: float = 0.9) -> datetime:
        return after + (before - after) * rng.uniform(low, high)

    resource = loan.plan.resource
    is_room = resource.kind is ResourceKind.SPACE
    if is_room:
        questions = catalogue.ROOM_QUESTIONS
    else:
        questions = catalogue.QUESTIONS
        if resource.category in ("fabrication-numerique", "outillage"):
            questions += catalogue.CONSUMABLE_QUESTIONS
        if resource.deposit_euros:
            questions += catalogue.DEPOSIT_QUESTIONS
    decision = times[1] if len(times) > 1 else ctx.now
    if state in ("requested", "accepted", "lent", "returned", "cancelled") and rng.random() < 0.7:
        asked = between(requested_at, decision, 0.05, 0.4)
        owner_side = ctx.pick_member(owner, asked, rng, managers=True)
        question, answer = rng.choice(questions)
        say(asked, loan.requester, question, owner_side)
        if state != "requested" or rng.random() < 0.6:
            say(between(asked, decision, 0.3, 0.9), owner_side, answer, loan.requester)
    if state in ("accepted", "lent", "overdue") and rng.random() < 0.5:
        accepted_at = times[1]
        until = times[2] if len(times) > 2 else ctx.now
        author = owner_side or ctx.pick_member(owner, accepted_at, rng, managers=True)
        logistics = catalogue.ROOM_LOGISTICS if is_room else catalogue.LOGISTICS + (
            catalogue.DEPOSIT_LOGISTICS if resource.deposit_euros else ())
        say(between(accepted_at, until), author, rng.choice(logistics), loan.requester)
    if state == "lent" and rng.random() < 0.5:
        say(between(last, ctx.now), loan.requester,
            rng.choice(catalogue.ROOM_DURING if is_room else catalogue.DURING), owner_side or loan.requester)
    if state == "overdue":
        reminded = between(ctx.day(loan.end + timedelta(days=1)), ctx.now, 0.05, 0.5)
        author = owner_side or ctx.pick_member(owner, reminded, rng, managers=True)
        say(reminded, author, rng.choice(catalogue.OVERDUE_REMINDERS), loan.requester, end=day_fr(loan.end))
        if rng.random() < 0.7:
            say(between(reminded, ctx.now), loan.requester, rng.choice(catalogue.OVERDUE_ANSWERS), author)
    if state == "returned" and rng.random() < 0.6:
        say(between(last, min(last + timedelta(days=3), ctx.now)), loan.requester,
            rng.choice(catalogue.THANKS_AFTER), owner_side or loan.requester)
    if state == "declined":
        say(between(last, min(last + timedelta(days=2), ctx.now)), loan.requester,
            rng.choice(catalogue.AFTER_DECLINE), loan.requester)
    loan.messages = sorted(lines, key=lambda line: line[0])


# -- Notifications -----------------------------------------------------------------------

def build_loan_notifications(ctx: DemoContext) -> list[Notification]:
    """The in-app notifications the last month of loans would have left, most of the older ones read."""
    rng = ctx.rng("notifications")
    since = ctx.now - timedelta(days=NOTIFICATION_DAYS)
    notifications = []
    for plan, loan in zip(ctx.loan_plans, ctx.loans):
        resource = plan.plan.resource
        owner, borrower = ctx.fabriques[plan.plan.fabrique_index], ctx.fabriques[plan.borrower]
        period = (f"le {day_fr(plan.start)}" if plan.start == plan.end
                  else f"du {day_fr(plan.start)} au {day_fr(plan.end)}")
        happenings: list[tuple[datetime, int, str, str, str, bool]] = []
        for moment, _from, to_state, actor, _note in plan.events:
            if to_state is LoanState.REQUESTED:
                text = f"{borrower.name} demande « {resource.name} » {period}."
            else:
                text = LOAN_STATE_NEWS[to_state].format(owner=owner.name, borrower=borrower.name,
                                                        resource=resource.name, period=period)
            to_owner = to_state in (LoanState.REQUESTED, LoanState.CANCELLED)
            happenings.append((moment, actor, f"loan.{to_state.value}", text, f"/prets/{loan.id}", to_owner))
        for moment, author, _body in plan.messages:
            text = f"{ctx.users[author].display_name} a écrit au sujet de « {resource.name} »."
            happenings.append((moment, author, "loan.message", text, f"/prets/{loan.id}#messages", False))
        for moment, actor, kind, text, link, to_owner in happenings:
            if moment < since:
                continue
            owner_managers = _managers_at(ctx, plan.plan.fabrique_index, moment)
            borrower_side = [plan.requester] + _managers_at(ctx, plan.borrower, moment)
            if kind == "loan.message":
                recipients = owner_managers + borrower_side
            else:
                recipients = owner_managers if to_owner else borrower_side
            for member in dict.fromkeys(recipients):  # once each, in order
                if member == actor:
                    continue
                notifications.append(ctx.notification(rng, member=member, actor=actor, kind=kind, text=text,
                                                      link=link, moment=moment, read_when_old=0.85))
    notifications.sort(key=lambda notification: notification.created_at)
    ctx.session.add_all(notifications)
    ctx.session.flush()
    ctx.counts["notifications"] = len(notifications)
    return notifications


def _managers_at(ctx: DemoContext, fabrique_index: int, moment: datetime) -> list[int]:
    return [member for member, role, decided in ctx.active_members(fabrique_index)
            if role is MembershipRole.MANAGER and decided <= moment]
