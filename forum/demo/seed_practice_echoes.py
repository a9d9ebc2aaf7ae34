"""What readers did with the demo's published practice reports: votes, comments, trials, outdated flags.

``build_practice_echoes`` and ``build_practice_notifications`` run after ``build_practices``, each
with its own random streams. The rules of ``forum.practices.services`` hold: nobody votes for a
report they wrote, a fabrique never says it "tried" its own report, and votes, comments, trials
and "no longer current" flags only concern published reports; the useful and comment counters
match the rows.

Why rows and not ``forum.practices.services`` (``set_useful``, ``add_comment``, ``record_trial``,
``flag_outdated``) nor ``forum.notifications.services.notify``: they stamp the present moment
and notify or e-mail the authors at once, while these echoes are spread over months.
"""

from __future__ import annotations

import math
import random
from datetime import datetime, timedelta

from forum.core.markdown import render_markdown
from forum.demo import places
from forum.demo import practice_texts as texts
from forum.demo.context import DemoContext
from forum.demo.plans import ReportPlan
from forum.demo.seed_practice_versions import SLOT
from forum.demo.writer import finish, lower_first
from forum.notifications.models import Notification
from forum.practices.models import OutdatedFlag, PracticeComment, PracticeTrial, PracticeVote, TrialOutcome

OUTDATED_REPORTS = 7
NOTIFICATION_DAYS = 30
TRIAL_WEIGHTS = {  # (worked, partly, failed) for reports of each kind
    "good": (60, 30, 10), "mixed": (30, 45, 25), "avoid": (25, 40, 35),
}


# -- Votes, comments, "essayé aussi", outdated flags --------------------------------------

def build_practice_echoes(ctx: DemoContext) -> None:
    """What readers did with the published reports."""
    rng = ctx.rng("practice-echoes")
    writing = ctx.rng("practice-comments")
    readers = [persona.index for persona in ctx.personas if persona is not ctx.admin]
    activity = {index: ctx.personas[index].activity for index in readers}
    published = [plan for plan in ctx.report_plans if plan.published is not None]
    for plan in published:
        age = (ctx.now - plan.published).total_seconds() / 86400
        reach = min(1.0, 0.25 + age / 150)
        _votes(ctx, plan, readers, activity, reach, rng)
        _comments(ctx, plan, readers, activity, reach, rng, writing)
        _trials(ctx, plan, reach, rng, writing)
    stale = [plan for plan in published
             if plan.confirmed == plan.published and (ctx.now - plan.published).days > 365 + 30]
    stale.sort(key=lambda plan: (not plan.topic.outdated, plan.published))
    for number, plan in enumerate(stale[:OUTDATED_REPORTS]):
        _flags(ctx, plan, readers, activity, rng, recent=number == 0)

    votes, comments, trials, flags = [], [], [], []
    for plan in published:
        practice = plan.practice
        for moment, member in plan.votes:
            votes.append(PracticeVote(practice_id=practice.id, user_id=ctx.users[member].id,
                                      created_at=ctx.daytime(moment)))
        for moment, member, body in plan.comments:
            comments.append(PracticeComment(practice_id=practice.id, author_id=ctx.users[member].id,
                                            body_source=body, body_html=render_markdown(body),
                                            created_at=ctx.daytime(moment)))
        for moment, fabrique_index, member, outcome, note in plan.trials:
            trials.append(PracticeTrial(practice_id=practice.id, fabrique_id=ctx.fabriques[fabrique_index].id,
                                        author_id=ctx.users[member].id, outcome=outcome, note_source=note,
                                        note_html=render_markdown(note), created_at=ctx.daytime(moment)))
        for moment, member, note in plan.flags:
            flags.append(OutdatedFlag(practice_id=practice.id, user_id=ctx.users[member].id, note=note,
                                      created_at=ctx.daytime(moment)))
        practice.useful_count = len(plan.votes)
        practice.comment_count = len(plan.comments)
    comments.sort(key=lambda comment: (comment.created_at, comment.practice_id))
    trials.sort(key=lambda trial: (trial.created_at, trial.practice_id))
    ctx.session.add_all(votes + comments + trials + flags)
    ctx.session.flush()
    ctx.counts["votes « utile »"] = len(votes)
    ctx.counts["commentaires de retours"] = len(comments)
    ctx.counts["« essayé aussi »"] = len(trials)
    ctx.counts["signalements « plus d'actualité »"] = len(flags)


def _after(ctx: DemoContext, plan: ReportPlan, rng: random.Random, skew: float = 1.6) -> datetime:
    """A moment after publication, more often soon after."""
    span = ctx.now - plan.published - timedelta(hours=1)
    return plan.published + timedelta(minutes=30) + span * rng.random() ** skew


def _votes(ctx: DemoContext, plan: ReportPlan, readers: list[int], activity: dict[int, float], reach: float,
           rng: random.Random) -> None:
    quality = {"good": 1.0, "mixed": 0.9, "avoid": 1.1}[plan.kind]
    wanted = min(28, int(rng.lognormvariate(math.log(4.5), 0.85) * reach * quality))
    voters: set[int] = set()
    for _ in range(wanted * 4):
        if len(voters) >= wanted:
            break
        member = rng.choices(readers, [activity[index] for index in readers])[0]
        if member in plan.authors or member in voters:
            continue
        moment = _after(ctx, plan, rng)
        if ctx.users[member].created_at >= moment:
            continue
        voters.add(member)
        plan.votes.append((moment, member))
    plan.votes.sort()


def _comments(ctx: DemoContext, plan: ReportPlan, readers: list[int], activity: dict[int, float],
              reach: float, rng: random.Random, writing: random.Random) -> None:
    wanted = rng.choices((0, 1, 2, 3, 4, 5, 6), (22, 26, 21, 14, 9, 5, 3))[0]
    wanted = round(wanted * min(1.0, 0.4 + reach))
    topic = plan.topic
    questions = list(topic.questions)
    writing.shuffle(questions)
    lessons = [line[2:] for line in plan.states[-1]["sections"]["lessons"].splitlines() if line.startswith("- ")]
    moment = plan.published
    span = ctx.now - plan.published
    used: set[str] = set()
    for _ in range(wanted):
        moment = moment + span * rng.uniform(0.02, 0.3) ** 1.3
        if moment >= ctx.now - timedelta(minutes=20):
            break
        member = _commenter(ctx, plan, readers, activity, moment, rng)
        if member is None:
            continue
        persona = ctx.personas[member]
        opening = writing.choice(texts.COMMENT_OPENINGS)
        roll = writing.random()
        answer = None
        if questions and roll < 0.4:
            question, answer = questions.pop()
            body = f"{opening} {question}" if opening else question
        elif lessons and roll < 0.6:
            lesson = lessons.pop(writing.randrange(len(lessons)))
            reaction = writing.choice(texts.COMMENT_QUOTE_REACTIONS)
            body = f"> {lesson}\n\n{_fill_for(reaction, persona, writing)}"
        else:
            bodies = [line for line in texts.COMMENT_BODIES
                      if (persona.fabrique is not None or "{" not in line) and line not in used]
            line = writing.choice(bodies)
            used.add(line)
            body = _fill_for(line, persona, writing)
            body = f"{opening}\n\n{body}" if opening and writing.random() < 0.5 else \
                (f"{opening} {body}" if opening else body)
        plan.comments.append((moment, member, body))
        if answer is not None and writing.random() < 0.75:
            moment = moment + min(span * 0.1, timedelta(hours=rng.uniform(2, 60)))
            if moment >= ctx.now - timedelta(minutes=10):
                break
            author = rng.choice(plan.authors)
            prefix = writing.choice(("", "Bonne question ! ", "Merci ! ", f"Bonjour {persona.first_name}, "))
            plan.comments.append((moment, author, prefix + (lower_first(answer) if prefix.endswith(", ")
                                                            else answer)))
        elif writing.random() < 0.12:
            moment = moment + min(span * 0.1, timedelta(hours=rng.uniform(2, 60)))
            if moment >= ctx.now - timedelta(minutes=10):
                break
            author = rng.choice(plan.authors)
            plan.comments.append((moment, author, _fill_for(writing.choice(texts.AUTHOR_REPLIES),
                                                                 ctx.personas[author], writing)))


def _commenter(ctx: DemoContext, plan: ReportPlan, readers: list[int], activity: dict[int, float],
               moment: datetime, rng: random.Random) -> int | None:
    for _ in range(20):
        member = rng.choices(readers, [activity[index] for index in readers])[0]
        persona = ctx.personas[member]
        if member in plan.authors or ctx.users[member].created_at >= moment:
            continue
        if persona.fabrique is not None and ctx.fabrique_index[persona.fabrique.name] == plan.fabrique_index:
            continue
        return member
    return None


def _fill_for(template: str, persona, writing: random.Random) -> str:
    spec = persona.fabrique
    slots = {"fabrique": spec.name if spec else "", "ville": spec.city if spec else persona.village}
    return finish(SLOT.sub(lambda match: slots[match.group(1)], template))


def _trials(ctx: DemoContext, plan: ReportPlan, reach: float, rng: random.Random,
            writing: random.Random) -> None:
    wanted = rng.choices((0, 1, 2, 3, 4), (40, 30, 17, 9, 4))[0]
    wanted = round(wanted * reach)
    if not wanted:
        return
    excluded = {plan.fabrique_index, *plan.coauthor_fabriques}
    candidates, weights = [], []
    for index, spec in enumerate(places.FABRIQUES):
        if index in excluded:
            continue
        fits = not plan.topic.modules or bool(set(plan.topic.modules) & set(spec.modules))
        candidates.append(index)
        weights.append(3.0 if fits else 0.5)
    chosen: list[int] = []
    while len(chosen) < wanted and len(chosen) < len(candidates):
        index = rng.choices(candidates, weights)[0]
        if index not in chosen:
            chosen.append(index)
    outcomes = (TrialOutcome.WORKED, TrialOutcome.PARTLY, TrialOutcome.FAILED)
    for index in chosen:
        moment = _after(ctx, plan, rng, skew=0.8)
        members = [member for member, _role, decided in ctx.active_members(index) if decided < moment]
        if not members:
            continue
        outcome = rng.choices(outcomes, TRIAL_WEIGHTS[plan.kind])[0]
        note = writing.choice(texts.TRIAL_NOTES[outcome.value])
        plan.trials.append((moment, index, rng.choice(members), outcome, note))
    plan.trials.sort(key=lambda trial: trial[0])


def _flags(ctx: DemoContext, plan: ReportPlan, readers: list[int], activity: dict[int, float],
           rng: random.Random, recent: bool = False) -> None:
    """One or two members think the report no longer holds (``recent``: one of them this month)."""
    notes = list(plan.topic.outdated) + list(texts.OUTDATED_NOTES)
    flaggers: set[int] = set()
    for _ in range(rng.choice((1, 1, 2))):
        member = rng.choices(readers, [activity[index] for index in readers])[0]
        if member in plan.authors or member in flaggers:
            continue
        moment = plan.confirmed + timedelta(days=330) + (ctx.now - plan.confirmed - timedelta(days=331)) * \
            rng.random()
        if recent and not plan.flags:
            moment = ctx.now - timedelta(days=rng.uniform(1, 20))
        if ctx.users[member].created_at >= moment:
            continue
        flaggers.add(member)
        note = notes[0] if plan.topic.outdated and not plan.flags else rng.choice(notes)
        plan.flags.append((moment, member, note))
    plan.flags.sort()


# -- Notifications -------------------------------------------------------------------------

def build_practice_notifications(ctx: DemoContext) -> list[Notification]:
    """The authors' notifications of the last month: comments, "essayé aussi", outdated flags."""
    rng = ctx.rng("practice-notifications")
    since = ctx.now - timedelta(days=NOTIFICATION_DAYS)
    notifications = []
    for plan in ctx.report_plans:
        if plan.published is None:
            continue
        practice, title = plan.practice, plan.practice.title
        events: list[tuple[datetime, int, str, str, str]] = []
        for moment, member, _body in plan.comments:
            events.append((moment, member, "practice.comment",
                           f"{ctx.users[member].display_name} a commenté « {title} ».",
                           f"/pratiques/{practice.id}#commentaires"))
        for moment, fabrique_index, member, outcome, _note in plan.trials:
            events.append((moment, member, "practice.trial",
                           f"{ctx.fabriques[fabrique_index].name} a essayé « {title} » : "
                           f"{outcome.label.lower()}.", f"/pratiques/{practice.id}#essais"))
        for moment, member, note in plan.flags:
            events.append((moment, member, "practice.outdated",
                           f"{ctx.users[member].display_name} pense que « {title} » n'est plus d'actualité"
                           + (f" : {note}" if note else "."), f"/pratiques/{practice.id}"))
        for moment, actor, kind, text, link in events:
            if moment < since:
                continue
            for member in plan.authors:
                if member == actor:
                    continue
                notifications.append(ctx.notification(rng, member=member, actor=actor, kind=kind, text=text,
                                                      link=link, moment=moment, read_when_old=0.8))
    notifications.sort(key=lambda notification: notification.created_at)
    ctx.session.add_all(notifications)
    ctx.session.flush()
    ctx.counts["notifications"] = ctx.counts.get("notifications", 0) + len(notifications)
    return notifications
