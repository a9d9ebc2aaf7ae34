"""The demo's forum as rows: threads then posts, in chronological order, and their counters.

``set_counters`` is the one place the demo writes the thread and category counters.

Why rows and not ``forum.threads.services``: see ``forum.demo.seed_forum`` (back-dated history,
no notifications nor e-mails); writing 2 150 posts in two batches also keeps the seed fast.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from forum.core.markdown import render_markdown
from forum.core.text import slugify
from forum.demo.context import DemoContext
from forum.demo.writer import Persona
from forum.threads.models import Post, Thread


def build_threads(ctx: DemoContext) -> None:
    """Threads then posts, in chronological order, with consistent counters (``set_counters``)."""
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
    set_counters(ctx)
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
    ctx.session.flush()
    ctx.counts["sujets"] = len(ctx.threads)
    ctx.counts["messages"] = len(posts)


def set_counters(ctx: DemoContext) -> None:
    """Every thread and category counter of the demo, counted from the planned posts and the
    replies held for approval (``ctx.held_replies``). The one place the demo writes them: when a
    module owns these counters, this body becomes a call to it.

    Threads: ``post_count`` (held replies included), ``deleted_reply_count``, ``hidden_reply_count``
    (held replies are not answers until a moderator publishes them). Categories: ``thread_count``,
    ``post_count`` and ``last_post_at`` (the newest thread's last post: held replies wait).
    Called when the threads are built, then after each held reply.
    """
    by_category: dict[str, tuple[int, int, datetime]] = {}
    for plan, thread in ctx.threads:
        held = len(ctx.held_replies.get(thread.id, ()))
        _assign(thread, post_count=len(plan.posts) + held,
                deleted_reply_count=sum(post.deleted for post in plan.posts[1:]), hidden_reply_count=held)
        threads, posts, last = by_category.get(plan.category, (0, 0, plan.posts[-1].created_at))
        by_category[plan.category] = (threads + 1, posts + thread.post_count, max(last, plan.posts[-1].created_at))
    for key, (threads, posts, last) in by_category.items():
        _assign(ctx.categories[key], thread_count=threads, post_count=posts, last_post_at=last)


def _assign(row: object, **values: object) -> None:
    """Set only the values that change: a row already written is then marked as changed (and its
    change logged for the search index) only when it is."""
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
