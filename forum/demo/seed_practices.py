"""The demo's practice reports (retours d'expérience): who wrote each report, when, and its rows.

``build_practices`` runs after the forum's and the catalogue's steps, with its own random streams,
so the content before stays the same for a given seed. The texts of each version are written by
``forum.demo.seed_practice_versions``; votes, comments and trials by ``forum.demo.seed_practice_echoes``.

The rules of ``forum.practices.services`` hold: authors are active members of the authoring
fabrique (co-authors too), every saved change is a revision whose snapshot is
``services.snapshot`` of the report as it then stood, and the revision counter matches the rows.

Times: every moment is ``now`` minus an offset, moved into working hours by
``DemoContext.daytime`` when written, so two runs with the same seed on the same day give the
same reports.

Why rows and not ``forum.practices.services`` (``create_practice``, ``update_practice``,
``publish``): they stamp the present moment on each version and publication, while the demo's
reports were written and revised over twenty-one months.
"""

from __future__ import annotations

import math
import random
from datetime import datetime, timedelta

from sqlalchemy import select

from forum.core.markdown import render_markdown
from forum.demo import places
from forum.demo import practice_texts as texts
from forum.demo.context import DemoContext
from forum.demo.geo import distance_km
from forum.demo.plans import ReportPlan
from forum.demo.seed_practice_versions import apply_state, fold, snapshots, write_versions
from forum.fabriques.models import MembershipRole
from forum.practices.models import SECTIONS, Practice, PracticeRevision, PracticeStatus
from forum.threads.models import Thread

# Reports to write, by kind (a third at least are mixed or "à éviter"), of which DRAFTS stay drafts.
PRACTICE_TARGETS = (("good", 104), ("mixed", 29), ("avoid", 29))
DRAFTS = 10
PRACTICE_DAYS = 640  # the oldest reports were written about twenty-one months ago


# -- Reports and their versions ----------------------------------------------------------

def build_practices(ctx: DemoContext) -> list[Practice]:
    """At least 150 reports, most published, each with one to four versions."""
    rng = ctx.rng("practices")
    writing = ctx.rng("practice-texts")
    opening_years = [rng.randint(2014, 2021) for _ in ctx.fabriques]
    reports_by_fabrique = [0] * len(ctx.fabriques)
    slots = _practice_slots(rng)
    draft_slots = set(rng.sample(range(len(slots)), DRAFTS))
    threads = list(ctx.session.scalars(select(Thread).order_by(Thread.id)))
    thread_words = [(thread, fold(thread.title)) for thread in threads]
    ctx.report_plans = []
    for number, (topic, kind, title_index) in enumerate(slots):
        plan = _plan_report(ctx, topic, kind, title_index, number in draft_slots, reports_by_fabrique, rng)
        write_versions(ctx, plan, opening_years[plan.fabrique_index], writing, thread_words)
        ctx.report_plans.append(plan)
    ctx.report_plans.sort(key=lambda plan: plan.created)

    practices = []
    for plan in ctx.report_plans:
        final = plan.states[-1]
        practice = Practice(
            fabrique_id=ctx.fabriques[plan.fabrique_index].id, created_by_id=ctx.users[plan.authors[0]].id,
            status=PracticeStatus.PUBLISHED if plan.published else PracticeStatus.DRAFT,
            created_at=ctx.daytime(plan.created), updated_at=ctx.daytime(plan.times[-1]),
            published_at=ctx.daytime(plan.published) if plan.published else None,
            confirmed_at=ctx.daytime(plan.confirmed) if plan.confirmed else None,
            useful_count=0, comment_count=0, revision_count=len(plan.states),
        )
        plan.snapshots = snapshots(practice, plan)
        apply_state(practice, final)
        for name in SECTIONS:
            setattr(practice, f"{name}_html", render_markdown(getattr(practice, f"{name}_source")))
        practice.authors = sorted((ctx.users[member] for member in plan.authors),
                                  key=lambda user: user.display_name)
        plan.practice = practice
        practices.append(practice)
    ctx.session.add_all(practices)
    ctx.session.flush()

    revisions = []
    for plan in ctx.report_plans:
        for number, (moment, editor, snapshot) in enumerate(zip(plan.times, plan.editors, plan.snapshots),
                                                            start=1):
            revisions.append(PracticeRevision(practice_id=plan.practice.id, number=number,
                                              author_id=ctx.users[editor].id, snapshot=snapshot,
                                              created_at=ctx.daytime(moment)))
    ctx.session.add_all(revisions)
    ctx.session.flush()
    ctx.counts["retours d'expérience"] = len(practices)
    ctx.counts["brouillons"] = sum(plan.published is None for plan in ctx.report_plans)
    ctx.counts["versions de retours"] = len(revisions)
    return practices


def _practice_slots(rng: random.Random) -> list[tuple[texts.Topic, str, int]]:
    """(topic, kind, title index) of every report: each title once."""
    slots = []
    for kind, target in PRACTICE_TARGETS:
        pool = [(topic, kind, index) for topic in texts.TOPICS for index in range(len(topic.titles[kind]))]
        rng.shuffle(pool)
        # Spread over the topics first: every topic's first title before anyone's second.
        seen: dict[str, int] = {}
        ranks = []
        for topic, _kind, _index in pool:
            ranks.append(seen.get(topic.key, 0))
            seen[topic.key] = ranks[-1] + 1
        order = sorted(range(len(pool)), key=lambda position: (ranks[position], position))
        slots.extend(pool[position] for position in order[:target])
    rng.shuffle(slots)
    return slots


def _plan_report(ctx: DemoContext, topic: texts.Topic, kind: str, title_index: int, draft: bool,
                 reports_by_fabrique: list[int], rng: random.Random) -> ReportPlan:
    """The fabrique, authors and dates of a report (``reports_by_fabrique`` counts the reports planned so far)."""
    for _attempt in range(50):
        fabrique_index = _practice_fabrique(topic, reports_by_fabrique, rng)
        members = ctx.active_members(fabrique_index)
        weights = [ctx.personas[member].activity * (1.6 if role is MembershipRole.MANAGER else 1.0)
                   for member, role, _ in members]
        creator, _role, joined = members[rng.choices(range(len(members)), weights)[0]]
        earliest = max(joined, ctx.fabriques[fabrique_index].created_at) + timedelta(days=rng.uniform(3, 20))
        latest = ctx.now - timedelta(days=3 if draft else 6)
        if earliest < latest - timedelta(days=10):
            break
    if draft:
        created = ctx.now - timedelta(days=rng.uniform(2, 110))
    else:
        created = ctx.now - timedelta(days=8 + (PRACTICE_DAYS - 8) * rng.random() ** 1.15,
                                       minutes=rng.randint(0, 600))
    if created < earliest:
        created = earliest + (latest - earliest) * rng.random()
    created = min(created, latest)
    published = None
    if not draft:
        published = created + timedelta(days=min(rng.lognormvariate(math.log(6), 0.9), 50),
                                         hours=rng.uniform(1, 8))
        published = min(published, ctx.now - timedelta(days=rng.uniform(0.5, 2)))
    reports_by_fabrique[fabrique_index] += 1

    authors = [creator]
    others = [member for member, _role, decided in members if member != creator and decided < created]
    if others and rng.random() < 0.28:
        authors.append(rng.choice(others))
    territory = places.FABRIQUES[fabrique_index].territory
    if not topic.territories and territory != "rural" and rng.random() < 0.12:
        territory = "qpv" if territory == "urbain" else "urbain"
    plan = ReportPlan(topic, kind, title_index, fabrique_index, territory, authors, created, published)
    if rng.random() < 0.14:
        plan.coauthor_fabriques = _partner_fabriques(ctx, fabrique_index, rng.choice((1, 1, 2)), created, rng)
    if published is not None:
        plan.confirmed = published
        age = (ctx.now - published).days
        if age > 365 + 30 and rng.random() < 0.5:  # an author confirmed it still holds
            plan.confirmed = published + (ctx.now - published) * rng.uniform(0.55, 0.95)
    return plan


def _practice_fabrique(topic: texts.Topic, reports_by_fabrique: list[int],
                       rng: random.Random) -> int:
    """A fabrique for a report on ``topic``: one whose modules fit, and not yet among the most prolific."""
    candidates, weights = [], []
    for index, spec in enumerate(places.FABRIQUES):
        if topic.territories and spec.territory not in topic.territories:
            continue
        fits = not topic.modules or bool(set(topic.modules) & set(spec.modules))
        candidates.append(index)
        weights.append((3.0 if fits else 0.35) / (1 + reports_by_fabrique[index]) ** 2)
    return rng.choices(candidates, weights)[0]


def _partner_fabriques(ctx: DemoContext, home: int, count: int, moment: datetime,
                       rng: random.Random) -> list[int]:
    """Co-author fabriques: among the five nearest ones that existed at ``moment``."""
    origin = ctx.fabriques[home]
    others = [index for index, fabrique in enumerate(ctx.fabriques)
              if index != home and fabrique.created_at < moment]
    others.sort(key=lambda index: distance_km(origin.latitude, origin.longitude, ctx.fabriques[index].latitude,
                                      ctx.fabriques[index].longitude))
    return sorted(rng.sample(others[:5], min(count, len(others[:5]))))
