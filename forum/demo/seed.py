"""Fill an empty database with a living demo forum: ``seed_demo`` runs the demo's steps in order.

Each step is a function ``build_x(ctx)`` that receives the one ``DemoContext``
(``forum.demo.context``), reads what earlier steps left there and adds what later ones need:

- ``forum.demo.seed_people``: fabriques, members and their memberships, and the timeline that
  dates accounts, memberships and fabriques after the posts;
- ``forum.demo.seed_forum``: categories, tags, then every thread planned and written in memory;
  ``forum.demo.seed_threads`` writes their rows (their counters: ``forum.threads.counters``);
- ``forum.demo.seed_catalogue`` and ``forum.demo.seed_loans``: resources, photos, loans and
  their notifications;
- ``forum.demo.seed_practices`` (with ``seed_practice_versions``) and
  ``forum.demo.seed_practice_echoes``: practice reports, their versions, votes, comments, trials;
- ``forum.demo.seed_community``: solutions, "Merci", bookmarks, follows, flags, held replies;
- ``forum.demo.seed_conversations``: a few private conversations between members;
- ``forum.demo.seed_rooms``: the rooms' booking rules and weeks of hourly bookings.
- ``forum.demo.seed_events``: the agenda's events and their members' answers.

Everything is planned in memory first (texts, authors, dates), then written in a few
``add_all`` + ``flush`` batches. Randomness comes from ``random.Random`` instances derived
from the seed, one per kind of content (``DemoContext.rng``), so that adding a new kind later
(a step at the end of ``STEPS``) leaves the existing content unchanged for a given seed.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select

from forum.accounts.models import User
from forum.core.errors import Conflict
from forum.core.models import utcnow
from forum.demo.context import DemoContext
from forum.demo.seed_catalogue import build_photos, build_resources
from forum.demo.seed_community import build_community
from forum.demo.seed_conversations import build_conversations
from forum.demo.seed_events import build_events
from forum.demo.seed_forum import build_categories, build_tags, plan_threads, save_categories_and_tags, write_posts
from forum.demo.seed_loans import build_loan_notifications, build_loans
from forum.demo.seed_people import (
    ADMIN_EMAIL,
    DEMO_PASSWORD,
    apply_timeline,
    build_fabriques,
    build_people,
    save_people,
)
from forum.demo.seed_practice_echoes import build_practice_echoes, build_practice_notifications
from forum.demo.seed_practices import build_practices
from forum.demo.seed_rooms import build_room_bookings, build_room_rules
from forum.demo.seed_threads import build_threads
from forum.extensions import db
from forum.fabriques.models import Fabrique

__all__ = ["ADMIN_EMAIL", "DEMO_PASSWORD", "STEPS", "seed_demo"]

NOT_EMPTY_MESSAGE = ("La base contient déjà des données\u00a0: la démonstration n'est chargée que dans une "
                     "base vide.")


def ensure_empty(ctx: DemoContext) -> None:
    """The demo is only loaded into an empty database (``Conflict`` otherwise)."""
    for model in (Fabrique, User):
        if ctx.session.execute(select(model.id).limit(1)).first() is not None:
            raise Conflict(NOT_EMPTY_MESSAGE)


# In this order: a step draws only from its own random streams, but reads what the steps before
# it wrote. New kinds of content go at the end, so the content above stays the same for a seed.
STEPS: tuple[Callable[[DemoContext], object], ...] = (
    ensure_empty,
    # The forum, planned in memory first: who wrote what, when.
    build_fabriques, build_people, build_categories, build_tags, plan_threads, write_posts, apply_timeline,
    # Its rows.
    save_people, save_categories_and_tags, build_threads,
    # The shared catalogue.
    build_resources, build_photos, build_loans, build_loan_notifications,
    # Practice reports.
    build_practices, build_practice_echoes, build_practice_notifications,
    # Solutions, "Merci", bookmarks, flags, replies awaiting approval.
    build_community,
    # Private conversations between members.
    build_conversations,
    # Rooms booked by the hour: their rules, weeks of bookings.
    build_room_rules, build_room_bookings,
    # The agenda: events, their timings, answers and waiting lists.
    build_events,
)


def seed_demo(seed: int = 2026) -> dict[str, int]:
    """Fill an EMPTY database with demo content; return counts per kind. Caller commits.

    Raises ``Conflict`` if the database already holds fabriques or members.
    """
    ctx = DemoContext(seed=seed, now=utcnow(), session=db.session)
    for step in STEPS:
        step(ctx)
    return dict(ctx.counts)
