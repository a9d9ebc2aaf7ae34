"""The demo's forum as rows: threads then posts, in chronological order.

Their counters come from ``forum.threads.counters``, which owns them: it recounts them from the
rows once written. Only the categories' last activity (not a count) is set here, from the plan.

Why rows and not ``forum.threads.services``: see ``forum.demo.seed_forum`` (back-dated history,
no notifications nor e-mails); writing 2 150 posts in two batches also keeps the seed fast.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from forum.core.markdown import render_markdown
from forum.core.text import slugify
from forum.demo.context import DemoContext
from forum.demo.writer import Persona
from forum.threads import counters
from forum.threads.models import Post, Thread


def build_threads(ctx: DemoContext) -> None:
    """Threads then posts, in chronological order, then their counters recounted from the rows."""
    user_of = {persona.index: user for persona, user in zip(ctx.personas, ctx.users)}

    def fabrique_id(persona: Persona) -> int | None:
        if persona.fabrique is None:
            return None
        return ctx.fabriques[ctx.fabrique_index[persona.fabrique.name]].id

    for plan in sorted(ctx.thread_plans, key=lambda p: p.start):
        last = plan.posts[-1]
        thread = Thread(
            category_id=ctx.categories[plan.category].id, author_id=user_of[plan.op.index].id,
            fabrique_id=fabrique_id(plan.op), title=plan.title, slug=slugify(plan.title, 150),
            is_question=plan.is_question, created_at=plan.start, last_post_at=last.created_at,
            last_poster_id=user_of[last.author.index].id, tags=[ctx.tags[name] for name in plan.tags],
        )
        ctx.threads.append((plan, thread))
    set_category_activity(ctx)
    ctx.session.add_all([thread for _, thread in ctx.threads])
    ctx.session.flush()

    rows: list[tuple[datetime, int, int, Post]] = []
    for plan, thread in ctx.threads:
        for position, post in enumerate(plan.posts, start=1):
            rows.append((post.created_at, thread.id, position, Post(
                thread_id=thread.id, position=position, author_id=user_of[post.author.index].id,
                fabrique_id=fabrique_id(post.author), body_source=post.body,
                body_html=render_markdown(post.body) if post.body else "", created_at=post.created_at,
                edited_at=post.edited_at, deleted_at=(post.created_at + timedelta(hours=2)
                                                      if post.deleted else None),
            )))
    rows.sort(key=lambda row: row[:3])
    posts = [row[3] for row in rows]
    for post in posts:
        if post.deleted_at is not None and post.deleted_at > ctx.now:
            post.deleted_at = ctx.now
    ctx.session.add_all(posts)
    counters.recount_all(ctx.session)
    ctx.counts["sujets"] = len(ctx.threads)
    ctx.counts["messages"] = len(posts)


def set_category_activity(ctx: DemoContext) -> None:
    """Each category's last activity: its newest thread's last post (replies held for approval,
    written later, wait for a moderator and do not count as activity)."""
    newest: dict[str, datetime] = {}
    for plan, _thread in ctx.threads:
        newest[plan.category] = max(newest.get(plan.category, plan.posts[-1].created_at), plan.posts[-1].created_at)
    for key, last in newest.items():
        ctx.categories[key].last_post_at = last
