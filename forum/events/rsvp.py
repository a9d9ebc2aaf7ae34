"""Members' answers to an event, and its waiting list: the one module that owns them.

Invariant: at most ``capacity`` « je viens » are confirmed (not waiting); beyond, « je viens »
waits, first come first served (``queued_at``, then id), and moves up when a place frees.
Every change locks the event's row first (``lock``): two people taking the last place at the
same moment queue on that lock, and the second one counts the first one's place. The unique
(event, member) constraint makes a second answer an update, never a second row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask_babel import gettext as _, lazy_gettext

from sqlalchemy import func, select

from forum.accounts.models import User
from forum.core.errors import Conflict, NotFound
from forum.core.locking import lock
from forum.events.models import Answer, Event, EventStatus, Rsvp
from forum.extensions import db
from forum.notifications.services import notify

CANCELLED = lazy_gettext("Cet événement est annulé\u00a0: on ne peut plus y répondre.")
PAST = lazy_gettext("Cet événement est terminé\u00a0: on ne peut plus y répondre.")
HIDDEN = lazy_gettext("Cet événement a été masqué par la modération.")


@dataclass(frozen=True)
class Counts:
    going: int = 0
    waiting: int = 0
    interested: int = 0
    not_going: int = 0


def counts_of(event_id: int) -> Counts:
    """The answers, counted in one query."""
    rows = db.session.execute(
        select(Rsvp.answer, Rsvp.waiting, func.count()).where(Rsvp.event_id == event_id)
        .group_by(Rsvp.answer, Rsvp.waiting)).all()
    found = {(answer, waiting): count for answer, waiting, count in rows}
    return Counts(going=found.get((Answer.GOING, False), 0), waiting=found.get((Answer.GOING, True), 0),
                  interested=found.get((Answer.INTERESTED, False), 0),
                  not_going=found.get((Answer.NOT_GOING, False), 0))


def _confirmed(event_id: int) -> int:
    return db.session.execute(select(func.count()).where(
        Rsvp.event_id == event_id, Rsvp.answer == Answer.GOING, Rsvp.waiting.is_(False))).scalar_one()


def _has_room(event: Event) -> bool:
    if event.status is EventStatus.FULL:
        return False
    return event.capacity is None or _confirmed(event.id) < event.capacity


def answer_event(actor: User, event: Event, answer: Answer, now: datetime, *, site_url: str = "") -> Rsvp:
    """Record (or change) ``actor``'s answer. « Je viens » beyond the capacity joins the waiting list;
    leaving a confirmed place gives it to the first one waiting. 409 for a cancelled or past event."""
    lock(event, gone=NotFound(_("Cet événement n'existe pas ou plus.")))
    if event.hidden_at is not None:
        raise NotFound(str(HIDDEN))
    if event.status is EventStatus.CANCELLED:
        raise Conflict(str(CANCELLED))
    if event.ends_at <= now:
        raise Conflict(str(PAST))
    rsvp = db.session.execute(
        select(Rsvp).where(Rsvp.event_id == event.id, Rsvp.user_id == actor.id)).scalar_one_or_none()
    held_a_place = rsvp is not None and rsvp.answer is Answer.GOING and not rsvp.waiting
    if rsvp is not None and rsvp.answer is answer:
        return rsvp  # the same answer again: nothing changes (a waiting place keeps its rank)
    # Counted before this answer is written (the count would flush it): the event's row is locked, so
    # nobody else takes a place between this count and the commit.
    has_room = answer is Answer.GOING and _has_room(event)
    if rsvp is None:
        rsvp = Rsvp(event_id=event.id, user_id=actor.id, answer=answer, queued_at=now, answered_at=now)
        db.session.add(rsvp)
    rsvp.answer, rsvp.answered_at = answer, now
    if answer is Answer.GOING:
        rsvp.waiting = not has_room
        rsvp.queued_at = now
    else:
        rsvp.waiting = False
    db.session.flush()
    if held_a_place:
        fill_free_places(event, site_url=site_url)
    return rsvp


def fill_free_places(event: Event, *, site_url: str = "") -> list[int]:
    """Move the waiting list up into the free places (event row locked by the caller); who moved up
    is notified. The ids of their answers."""
    if event.status in (EventStatus.CANCELLED, EventStatus.FULL):
        return []
    free = None if event.capacity is None else event.capacity - _confirmed(event.id)
    statement = (select(Rsvp).where(Rsvp.event_id == event.id, Rsvp.answer == Answer.GOING, Rsvp.waiting.is_(True))
                 .order_by(Rsvp.queued_at, Rsvp.id))
    if free is not None:
        if free <= 0:
            return []
        statement = statement.limit(free)
    moved = list(db.session.execute(statement).scalars())
    for rsvp in moved:
        rsvp.waiting = False
    if moved:
        users = db.session.execute(select(User).where(User.id.in_([rsvp.user_id for rsvp in moved]))).scalars()
        title = event.title
        notify(list(users), "event.place_freed",
               lambda: _("Une place s'est libérée\u00a0: vous êtes inscrit·e à « %(title)s ».", title=title),
               f"/agenda/{event.id}", site_url=site_url,
               email_subject=lambda: _("Place confirmée\u00a0: %(title)s", title=title))
    db.session.flush()
    return [rsvp.id for rsvp in moved]


def answer_of(user: User | None, event_id: int) -> Rsvp | None:
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return db.session.execute(
        select(Rsvp).where(Rsvp.event_id == event_id, Rsvp.user_id == user.id)).scalar_one_or_none()


def waiting_rank(rsvp: Rsvp) -> int | None:
    """1 for the first one waiting; None when not waiting."""
    if not (rsvp.answer is Answer.GOING and rsvp.waiting):
        return None
    ahead = db.session.execute(select(func.count()).where(
        Rsvp.event_id == rsvp.event_id, Rsvp.answer == Answer.GOING, Rsvp.waiting.is_(True),
        (Rsvp.queued_at < rsvp.queued_at) | ((Rsvp.queued_at == rsvp.queued_at) & (Rsvp.id < rsvp.id)))).scalar_one()
    return ahead + 1


@dataclass(frozen=True)
class AttendeeLine:
    name: str
    answer: Answer
    waiting_position: int | None


def attendee_lines(event_id: int) -> list[AttendeeLine]:
    """Everyone who answered, for the organisers: confirmed, then the waiting list in order, then the others.
    Names only: members' e-mail addresses are not shared with other members."""
    rows = db.session.execute(
        select(User.display_name, Rsvp.answer, Rsvp.waiting).join(User, User.id == Rsvp.user_id)
        .where(Rsvp.event_id == event_id).order_by(Rsvp.queued_at, Rsvp.id)).all()
    order = {Answer.GOING: 0, Answer.INTERESTED: 2, Answer.NOT_GOING: 3}
    lines, position = [], 0
    for name, answer, waiting in rows:
        if answer is Answer.GOING and waiting:
            position += 1
        lines.append(AttendeeLine(name, answer, position if answer is Answer.GOING and waiting else None))
    return sorted(lines, key=lambda line: (order[line.answer] + (1 if line.waiting_position else 0),
                                           line.waiting_position or 0))
