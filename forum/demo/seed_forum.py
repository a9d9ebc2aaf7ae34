"""The demo's forum in memory: categories, tags, then every thread planned and written.

``plan_threads`` chooses each thread's category, kind, author, title, start and number of
replies; ``write_posts`` writes every post's text and moment, thread by thread, in a fixed order.
``forum.demo.seed_threads`` turns the plans into rows.

Why plans and not ``forum.threads.services`` (``start_thread``, ``reply``): they stamp the present
moment, follow and notify watchers and queue e-mails, while the demo's 2 150 posts were written
over the last 535 days; the thread and category counters are recounted by ``forum.threads.counters``.
"""

from __future__ import annotations

import math
import random
import re
from datetime import datetime, timedelta

from forum.core.text import slugify
from forum.demo import corpus
from forum.demo.context import DemoContext
from forum.demo.plans import PostPlan, ThreadPlan
from forum.demo.writer import OP_REPLY_KINDS, Persona, ThreadText
from forum.threads.models import Category, Tag

HISTORY_DAYS = 535
POST_TARGET = 2150
UNANSWERED_RECENT, UNANSWERED_OLD = 12, 5
LONG_THREADS = 8
FAMILY_MAX_USES = 5
QUESTION_FLAG_RATE = 0.82  # share of question-like threads whose author ticked "this is a question"
# Threads per category (300 in all); "forum" is completed with members' introductions.
CATEGORY_TARGETS: dict[str, int] = {
    "gouvernance": 28, "mediation": 40, "financement": 36, "territoires": 30, "alimentation": 24,
    "culture": 22, "formation": 24, "collectivites": 26, "fablab": 32, "forum": 38,
}
SUMMER = re.compile(r"(?<!\w)(?:l'|cet |en |d')été(?!\w)", re.IGNORECASE)


# -- Categories and tags ---------------------------------------------------------------

def build_categories(ctx: DemoContext) -> dict[str, Category]:
    """The categories of ``corpus.CATEGORIES``, in that order (their counters: ``forum.threads.counters``)."""
    for position, (key, name, description) in enumerate(corpus.CATEGORIES, start=1):
        ctx.categories[key] = Category(slug=slugify(name), name=name, description=description, position=position)
    ctx.counts["catégories"] = len(ctx.categories)
    return ctx.categories


def build_tags(ctx: DemoContext) -> dict[str, Tag]:
    """The tags of ``corpus.TAGS``."""
    for name in corpus.TAGS:
        ctx.tags[name] = Tag(name=name)
    ctx.counts["mots-clés"] = len(ctx.tags)
    return ctx.tags


def save_categories_and_tags(ctx: DemoContext) -> None:
    """Their rows: the threads need their ids."""
    ctx.session.add_all(list(ctx.categories.values()))
    ctx.session.add_all(list(ctx.tags.values()))
    ctx.session.flush()


# -- Threads: planning -----------------------------------------------------------------

def plan_threads(ctx: DemoContext) -> list[ThreadPlan]:
    """Choose every thread's category, kind, author, title, start date and number of replies."""
    rng = ctx.rng("threads")
    used_titles: set[str] = set()
    members = [p for p in ctx.personas if p is not ctx.admin]
    for key, _name, _description in corpus.CATEGORIES:
        topic = corpus.TOPICS[key]
        target = CATEGORY_TARGETS[key]
        planned: list[ThreadPlan] = []
        if key == "forum":
            for age, (title, body) in ((HISTORY_DAYS + 10, (corpus.ADMIN_WELCOME_TITLE, corpus.ADMIN_WELCOME_BODY)),
                                       (HISTORY_DAYS + 9, (corpus.ADMIN_CHARTER_TITLE, corpus.ADMIN_CHARTER_BODY))):
                plan = _plan(ctx, key, "admin", title, body, ctx.admin, rng, used_titles)
                plan.start = ctx.now - timedelta(days=age)
                planned.append(plan)
        for title, ask in topic["questions"]:
            planned.append(_plan(ctx, key, "question", title, ask, _pick_op(rng, members, True), rng,
                                      used_titles))
        for title, intro in topic["discussions"]:
            planned.append(_plan(ctx, key, "report", title, intro, _pick_op(rng, members, False), rng,
                                      used_titles))
        families = list(topic["families"])
        uses = {index: 0 for index in range(len(families))}
        attempts = 0
        while len(planned) < target and families and attempts < 200:
            attempts += 1
            index = min(uses, key=lambda i: (uses[i], rng.random()))
            if uses[index] >= FAMILY_MAX_USES:
                break
            title, ask, kind = families[index]
            located = "{ville}" in title or "fabrique}" in title
            uses[index] += 1
            for _ in range(12):  # another author or other pinned values when the title is taken
                op = _pick_op(rng, members, not located and kind == "question", require_fabrique=located)
                plan = _plan(ctx, key, kind, title, ask, op, rng, used_titles, unique=True)
                if plan is not None:
                    planned.append(plan)
                    break
        if key == "forum":
            presenters = [p for p in members if p not in (plan.op for plan in planned)]
            rng.shuffle(presenters)
            while len(planned) < target and presenters:
                op = presenters.pop()
                text = ThreadText(category=key, kind="presentation", op=op)
                title, body = ctx.writer.presentation(text)
                if title.lower() in used_titles:
                    continue
                used_titles.add(title.lower())
                text.title = title
                planned.append(ThreadPlan(key, "presentation", title, body, op, text, _start(ctx, rng)))
        if len(planned) != target:
            raise RuntimeError(f"demo material for {key}: {len(planned)} threads planned, {target} wanted")
        ctx.thread_plans.extend(planned)

    for plan in ctx.thread_plans:
        plan.is_question = plan.kind in ("question", "loan") and rng.random() < QUESTION_FLAG_RATE
        plan.reply_count = _reply_count(plan, rng)
        plan.tags = _tags_for(plan, rng)
    _shape_reply_counts(ctx, rng)
    return ctx.thread_plans


def _pick_op(rng: random.Random, members: list[Persona], allow_without: bool,
             require_fabrique: bool = False) -> Persona:
    candidates = [p for p in members if p.fabrique is not None or (allow_without and not require_fabrique)]
    weights = [p.activity * (0.5 if p.fabrique is None else 1.0) for p in candidates]
    return rng.choices(candidates, weights)[0]


def _plan(ctx: DemoContext, category: str, kind: str, title: str, ask: str, op: Persona, rng: random.Random,
          used_titles: set[str], unique: bool = False) -> ThreadPlan | None:
    text = ThreadText(category=category, kind=kind, op=op)
    filled = ctx.writer.fill(title, ctx.writer.person_ctx(op), text.pinned, op.register)
    if filled.lower() in used_titles:
        if unique:
            return None
        raise RuntimeError(f"duplicate demo title: {filled}")
    used_titles.add(filled.lower())
    text.title = filled
    return ThreadPlan(category, kind, filled, ask, op, text, _start(ctx, rng))


def _start(ctx: DemoContext, rng: random.Random) -> datetime:
    # Skewed towards recent months: a forum that grows.
    days = 0.125 + HISTORY_DAYS * rng.random() ** 1.3
    return ctx.now - timedelta(days=days, minutes=rng.randint(0, 59))


def _reply_count(plan: ThreadPlan, rng: random.Random) -> int:
    if plan.kind == "admin":
        return 11 if plan.title == corpus.ADMIN_WELCOME_TITLE else 4
    if plan.kind == "question":
        return min(2 + int(rng.expovariate(1 / 4.5)), 22)
    if plan.kind == "report":
        return min(1 + int(rng.expovariate(1 / 4.5)), 20)
    if plan.kind == "event":
        return rng.randint(0, 6)
    if plan.kind == "loan":
        return rng.randint(1, 5)
    return rng.randint(2, 7)  # presentation


def _shape_reply_counts(ctx: DemoContext, rng: random.Random) -> None:
    questions = [plan for plan in ctx.thread_plans if plan.kind == "question" and plan.is_question]
    recent = [plan for plan in questions if (ctx.now - plan.start).days < 150]
    old = [plan for plan in questions if plan not in recent]
    unanswered = rng.sample(recent, min(UNANSWERED_RECENT, len(recent))) + \
        rng.sample(old, min(UNANSWERED_OLD, len(old)))
    for plan in unanswered:
        plan.reply_count = 0
    open_plans = [plan for plan in ctx.thread_plans if plan.kind in ("question", "report") and plan.reply_count]
    for plan in rng.sample(open_plans, LONG_THREADS):
        plan.reply_count = rng.randint(24, 40)
    total = len(ctx.thread_plans) + sum(plan.reply_count for plan in ctx.thread_plans)
    while total < POST_TARGET:
        plan = rng.choice(open_plans)
        if plan.reply_count < 45:
            plan.reply_count += 1
            total += 1


def _tags_for(plan: ThreadPlan, rng: random.Random) -> list[str]:
    if plan.kind in ("admin", "presentation"):
        return []
    names = list(rng.sample(corpus.CATEGORY_TAGS[plan.category], rng.choice((0, 1, 1, 2, 2, 3))))
    fabrique = plan.op.fabrique
    if fabrique is not None and len(names) < 3 and rng.random() < 0.3:
        extra = {"rural": "rural", "qpv": "qpv"}.get(fabrique.territory)
        if extra:
            names.append(extra)
    if plan.kind == "report" and len(names) < 3 and rng.random() < 0.4:
        names.append("retour d'expérience")
    if plan.kind == "event" and len(names) < 3:
        names.append("événement")
    if SUMMER.search(plan.title + " " + plan.ask) and len(names) < 3:
        names.append("été")
    return sorted(set(names))


# -- Threads: texts and dates ----------------------------------------------------------

def write_posts(ctx: DemoContext) -> None:
    """Write every post's text and date, thread by thread, in a fixed order."""
    rng = ctx.rng("conversations")
    members = [p for p in ctx.personas if p is not ctx.admin]
    for plan in ctx.thread_plans:
        op, text = plan.op, plan.text
        if plan.kind in ("admin", "presentation"):
            opening = plan.ask
        else:
            opening = ctx.writer.opening_post(text, plan.ask)
        text.bodies.append((op, opening))
        kinds = ctx.writer.plan_replies(plan.kind, plan.reply_count)
        authors = _reply_authors(ctx, plan, kinds, members, rng)
        offsets = _offsets(ctx, plan, kinds, rng)
        plan.posts.append(PostPlan(op, opening, plan.start))
        previous = op
        for kind, author, offset in zip(kinds, authors, offsets):
            body = ctx.writer.reply(text, kind, author, previous)
            text.bodies.append((author, body))
            plan.posts.append(PostPlan(author, body, plan.start + offset))
            previous = author
    _edits_and_deletions(ctx, ctx.rng("edits"))


def _reply_authors(ctx: DemoContext, plan: ThreadPlan, kinds: list[str], members: list[Persona],
                   rng: random.Random) -> list[Persona]:
    others = [p for p in members if p is not plan.op]
    weights = [p.activity * (4.0 if plan.category == "forum" and p in ctx.moderators else 1.0) for p in others]
    participants: list[Persona] = []
    wanted = min(len(kinds), rng.randint(2, 7))
    while len(participants) < wanted:
        person = rng.choices(others, weights)[0]
        if person not in participants:
            participants.append(person)
    if plan.category == "forum" and plan.kind not in ("presentation", "admin"):
        participants.append(ctx.admin)
    authors: list[Persona] = []
    previous = plan.op
    for kind in kinds:
        if kind in OP_REPLY_KINDS:
            author = plan.op
        else:
            pool = [p for p in participants if p is not previous] or participants
            if kind == "loan_offer":
                pool = [p for p in pool if p.fabrique is not None] or pool
            if rng.random() < 0.2 and kind not in ("admin_reply",):
                author = rng.choices(others, weights)[0]
                if author is previous or (kind == "loan_offer" and author.fabrique is None):
                    author = rng.choice(pool)
            else:
                author = rng.choice(pool)
            if author is ctx.admin and kind not in ("admin_reply", "advice", "short"):
                author = rng.choice([p for p in participants if p is not ctx.admin] or others)
        authors.append(author)
        previous = author
    return authors


def _offsets(ctx: DemoContext, plan: ThreadPlan, kinds: list[str], rng: random.Random) -> list[timedelta]:
    hours, elapsed = [], 0.0
    for index, kind in enumerate(kinds):
        if kind == "followup":
            gap = rng.uniform(15, 90) * 24
        elif kind in OP_REPLY_KINDS:
            gap = rng.lognormvariate(math.log(4), 1.0)
        elif index == 0:
            gap = rng.lognormvariate(math.log(6), 1.0)
        else:
            gap = rng.lognormvariate(math.log(14), 1.1)
        elapsed += min(max(gap, 0.1), 24 * 30)
        hours.append(elapsed)
    available = (ctx.now - plan.start).total_seconds() / 3600 - 0.05
    if hours and hours[-1] > available:
        scale = available * 0.97 / hours[-1]
        hours = [value * scale for value in hours]
    return [timedelta(hours=value) for value in hours]


def _edits_and_deletions(ctx: DemoContext, rng: random.Random) -> None:
    for plan in ctx.thread_plans:
        for position, post in enumerate(plan.posts, start=1):
            roll = rng.random()
            if position > 1 and roll < 0.012 and position not in plan.text.quoted:
                post.deleted = True
                post.body = ""
            elif roll < 0.05:
                minutes = rng.uniform(3, 60 * 30)
                latest = max(post.created_at, ctx.now - timedelta(seconds=30))
                post.edited_at = min(post.created_at + timedelta(minutes=minutes), latest)
                if rng.random() < 0.5:
                    post.body = post.body + "\n\n" + ctx.writer.edit_note()
