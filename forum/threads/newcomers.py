"""Who is a new member, for the limits that only they have (posts a day, see forum/config.py).

The one definition: a member whose account is younger than NEW_MEMBER_DAYS days, or who has
fewer than NEW_MEMBER_POSTS published posts. Moderators and administrators never are.
"Or", not "and": with "and", a new account would stop being new by posting its first day's
budget, and a spammer's burst would only be slowed for an hour.
"""

from __future__ import annotations

from datetime import timedelta

from flask import current_app
from sqlalchemy import select

from forum.accounts.models import User
from forum.core.models import utcnow
from forum.extensions import db
from forum.threads.models import Post, Thread


def is_new_member(user: User) -> bool:
    if user.is_moderator:
        return False
    config = current_app.config
    if user.created_at is not None and user.created_at > utcnow() - timedelta(days=config["NEW_MEMBER_DAYS"]):
        return True
    needed = config["NEW_MEMBER_POSTS"]
    published = db.session.execute(
        select(Post.id).join(Thread, Thread.id == Post.thread_id)
        .where(Post.author_id == user.id, Post.hidden_at.is_(None), Post.deleted_at.is_(None),
               Thread.hidden_at.is_(None))
        .limit(needed)).all()
    return len(published) < needed
