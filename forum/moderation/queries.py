"""Read side of moderation: the review queue and the audit log, in a bounded number of queries."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import joinedload

from forum.accounts import queries as accounts_queries
from forum.accounts.models import User
from forum.core.dates import PARIS
from forum.core.errors import Invalid, NotFound
from forum.core.markdown import plain_excerpt
from forum.core.models import HiddenKind
from forum.core.pagination import Page, paginate
from forum.core.security import parse_id
from forum.extensions import db
from forum.fabriques.models import Fabrique
from forum.messages.models import Conversation, PrivateMessage
from forum.moderation.models import Flag, FlagReason, ModerationAction, ModerationLog, TargetType
from forum.practices.models import Practice
from forum.events.models import Event
from forum.resources.models import Resource
from forum.threads.models import Category, Post, Thread

EXCERPT_LENGTH = 600


@dataclass
class QueueItem:
    """One flagged object with its open flags, oldest first."""

    target_type: TargetType
    target_id: int
    first_flagged_at: datetime
    flags: list[Flag] = field(default_factory=list)
    target: Any = None  # None: deleted since it was flagged
    title: str = ""
    link: str = ""
    author: User | None = None
    context: str = ""  # "dans « titre du sujet »", "La Fabrique des Possibles"...
    excerpt: str = ""
    # Flagged as a duplicate ("doublon"): the thread a moderator may merge into another (the flagged
    # thread, or the thread a flagged opening post starts), and the original when a flag names it.
    merge_from: int | None = None
    original: OriginalThread | None = None

    @property
    def reason_labels(self) -> list[str]:
        return sorted({_(flag.reason.label) for flag in self.flags})

    @property
    def is_duplicate(self) -> bool:
        return any(flag.reason is FlagReason.DUPLICATE for flag in self.flags)


@dataclass(frozen=True)
class OriginalThread:
    """The thread a duplicate flag names as the original (visible, not merged itself)."""

    id: int
    title: str
    slug: str

    @property
    def path(self) -> str:
        return f"/sujets/{self.id}/{self.slug}"


def _excerpt(html: str) -> str:
    """What the reader of the content reads (its rendered HTML as text), never its Markdown."""
    return plain_excerpt(html, EXCERPT_LENGTH)


def review_queue(page: int, per_page: int) -> Page[QueueItem]:
    """Flagged objects with open flags, the longest waiting first."""
    first_at = func.min(Flag.created_at).label("first_at")
    groups = paginate(db.session, (
        select(Flag.target_type, Flag.target_id, first_at).where(Flag.resolved_at.is_(None))
        .group_by(Flag.target_type, Flag.target_id).order_by(first_at, Flag.target_type, Flag.target_id)
    ), page, per_page, scalars=False)
    items = [QueueItem(row.target_type, row.target_id, row.first_at) for row in groups.items]
    if items:
        _attach_flags(items)
        _attach_targets(items)
        _attach_merges(items)
    return Page(items=items, page=groups.page, per_page=groups.per_page, total=groups.total)


def _attach_flags(items: list[QueueItem]) -> None:
    by_key = {(item.target_type, item.target_id): item for item in items}
    flags = db.session.execute(
        select(Flag).where(Flag.resolved_at.is_(None), or_(*(
            and_(Flag.target_type == target_type, Flag.target_id == target_id) for target_type, target_id in by_key)))
        .options(joinedload(Flag.reporter).load_only(User.id, User.display_name))
        .order_by(Flag.created_at, Flag.id)).scalars()
    for flag in flags:
        by_key[(flag.target_type, flag.target_id)].flags.append(flag)


def _ids(items: list[QueueItem], target_type: TargetType) -> list[int]:
    return [item.target_id for item in items if item.target_type is target_type]


def _attach_targets(items: list[QueueItem]) -> None:
    """Each flagged object with what a moderator needs to judge it: one query per kind present."""
    loaded: dict[tuple[TargetType, int], dict] = {}
    if ids := _ids(items, TargetType.POST):
        for post in db.session.execute(
                select(Post).where(Post.id.in_(ids)).options(
                    joinedload(Post.author).load_only(User.id, User.display_name),
                    joinedload(Post.thread).load_only(Thread.id, Thread.title, Thread.slug))).scalars():
            loaded[(TargetType.POST, post.id)] = {
                "target": post, "title": post.thread.title, "link": f"/messages/{post.id}", "author": post.author,
                "context": _("Message n°\u00a0%(position)d du sujet «\u00a0%(title)s\u00a0»", position=post.position,
                             title=post.thread.title),
                "excerpt": _("(message supprimé par son auteur·rice)") if post.is_deleted else _excerpt(post.body_html)}
    if ids := _ids(items, TargetType.THREAD):
        threads = db.session.execute(
            select(Thread).where(Thread.id.in_(ids)).options(
                joinedload(Thread.author).load_only(User.id, User.display_name),
                joinedload(Thread.category).load_only(Category.id, Category.name, Category.slug))).scalars().all()
        openings = dict(db.session.execute(
            select(Post.thread_id, Post.body_html).where(Post.thread_id.in_(ids), Post.position == 1)).all())
        for thread in threads:
            loaded[(TargetType.THREAD, thread.id)] = {
                "target": thread, "title": thread.title, "link": f"/sujets/{thread.id}/{thread.slug}",
                "author": thread.author,
                "context": _("Sujet de la catégorie «\u00a0%(category)s\u00a0»", category=thread.category.name),
                "excerpt": _excerpt(openings.get(thread.id, ""))}
    if ids := _ids(items, TargetType.RESOURCE):
        for resource in db.session.execute(
                select(Resource).where(Resource.id.in_(ids)).options(
                    joinedload(Resource.fabrique).load_only(Fabrique.id, Fabrique.name, Fabrique.slug))).scalars():
            loaded[(TargetType.RESOURCE, resource.id)] = {
                "target": resource, "title": resource.name, "link": f"/ressources/{resource.id}",
                "context": _("Ressource de «\u00a0%(fabrique)s\u00a0»", fabrique=resource.fabrique.name),
                "excerpt": _excerpt(resource.description_html)}
    if ids := _ids(items, TargetType.PRACTICE):
        for practice in db.session.execute(
                select(Practice).where(Practice.id.in_(ids)).options(
                    joinedload(Practice.fabrique).load_only(Fabrique.id, Fabrique.name, Fabrique.slug))).scalars():
            loaded[(TargetType.PRACTICE, practice.id)] = {
                "target": practice, "title": practice.title, "link": f"/pratiques/{practice.id}",
                "context": _("Retour d'expérience de «\u00a0%(fabrique)s\u00a0»", fabrique=practice.fabrique.name),
                "excerpt": _excerpt(practice.context_html + " " + practice.outcome_html)}
    if ids := _ids(items, TargetType.EVENT):
        for event in db.session.execute(
                select(Event).where(Event.id.in_(ids)).options(
                    joinedload(Event.fabrique).load_only(Fabrique.id, Fabrique.name, Fabrique.slug))).scalars():
            loaded[(TargetType.EVENT, event.id)] = {
                "target": event, "title": event.title, "link": f"/agenda/{event.id}",
                "context": _("Événement de «\u00a0%(fabrique)s\u00a0»", fabrique=event.fabrique.name),
                "excerpt": _excerpt(event.description_html) or event.summary}
    if ids := _ids(items, TargetType.PRIVATE_MESSAGE):
        for message, subject in db.session.execute(
                select(PrivateMessage, Conversation.subject).join(Conversation, Conversation.id == PrivateMessage.conversation_id)
                .where(PrivateMessage.id.in_(ids))
                .options(joinedload(PrivateMessage.author).load_only(User.id, User.display_name))):
            loaded[(TargetType.PRIVATE_MESSAGE, message.id)] = {
                "target": message, "title": subject, "link": f"/moderation/prive/{message.id}", "author": message.author,
                "context": _("Message privé de la conversation «\u00a0%(subject)s\u00a0»", subject=subject),
                "excerpt": _excerpt(message.body_html)}
    for item in items:
        for name, value in loaded.get((item.target_type, item.target_id), {}).items():
            setattr(item, name, value)


# A thread named in a flag's note: its address (…/sujets/123/…), or its number alone ("123", "n° 123", "#123").
_THREAD_IN_NOTE = re.compile(r"/sujets/([0-9]{1,18})\b")
_THREAD_NUMBER_NOTE = re.compile(r"\s*(?:n°\s*|#)?([0-9]{1,18})\s*\.?\s*")


def named_thread_id(note: str) -> int | None:
    """The thread a duplicate flag's note names as the original, if it names one."""
    match = _THREAD_IN_NOTE.search(note or "") or _THREAD_NUMBER_NOTE.fullmatch(note or "")
    return parse_id(match.group(1)) if match else None


def _attach_merges(items: list[QueueItem]) -> None:
    """For duplicate flags on a thread (or on the opening post of one): the thread to merge, and the
    original the flags name, when it is visible (one query, only when such flags wait)."""
    named: dict[int, list[QueueItem]] = {}
    for item in items:
        if not item.is_duplicate or item.target is None:
            continue
        if item.target_type is TargetType.THREAD:
            item.merge_from = item.target.id
        elif item.target_type is TargetType.POST and item.target.position == 1:
            item.merge_from = item.target.thread_id
        else:
            continue
        for flag in item.flags:
            original = named_thread_id(flag.note) if flag.reason is FlagReason.DUPLICATE else None
            if original is not None and original != item.merge_from:
                named.setdefault(original, []).append(item)
                break
    if not named:
        return
    for row in db.session.execute(
            select(Thread.id, Thread.title, Thread.slug)
            .where(Thread.id.in_(named), Thread.hidden_at.is_(None), Thread.merged_into_id.is_(None))):
        for item in named[row.id]:
            item.original = OriginalThread(row.id, row.title, row.slug)


# --- held posts of new members -------------------------------------------------------------------
@dataclass
class HeldItem:
    """A new member's post or thread waiting for approval."""

    target_type: TargetType
    target: Any
    held_at: datetime
    title: str
    link: str
    author: User | None
    context: str
    excerpt: str


# Read in the order of the indexes ix_posts_hidden_kind_hidden_at and ix_threads_hidden_kind_hidden_at.
_WAITING_POST = Post.hidden_kind == HiddenKind.AWAITING_APPROVAL
_WAITING_THREAD = Thread.hidden_kind == HiddenKind.AWAITING_APPROVAL


def _held_posts_count():
    return select(func.count()).select_from(Post).where(_WAITING_POST).scalar_subquery()


def _held_threads_count():
    return select(func.count()).select_from(Thread).where(_WAITING_THREAD).scalar_subquery()


def held_content(limit: int) -> tuple[list[HeldItem], int]:
    """The oldest ``limit`` posts and threads waiting for approval, and how many wait in all."""
    total = db.session.execute(select(_held_posts_count() + _held_threads_count())).scalar_one()
    if not total:
        return [], 0
    items = [HeldItem(TargetType.POST, post, post.hidden_at, post.thread.title, f"/messages/{post.id}", post.author,
                      _("Réponse dans «\u00a0%(title)s\u00a0»", title=post.thread.title), _excerpt(post.body_html))
             for post in db.session.execute(
                 select(Post).where(_WAITING_POST).order_by(Post.hidden_at, Post.id).limit(limit).options(
                     joinedload(Post.author).load_only(User.id, User.display_name),
                     joinedload(Post.thread).load_only(Thread.id, Thread.title, Thread.slug))).scalars()]
    threads = db.session.execute(
        select(Thread).where(_WAITING_THREAD).order_by(Thread.hidden_at, Thread.id).limit(limit).options(
            joinedload(Thread.author).load_only(User.id, User.display_name),
            joinedload(Thread.category).load_only(Category.id, Category.name))).scalars().all()
    if threads:
        openings = dict(db.session.execute(select(Post.thread_id, Post.body_html).where(
            Post.thread_id.in_([thread.id for thread in threads]), Post.position == 1)).all())
        items += [HeldItem(TargetType.THREAD, thread, thread.hidden_at, thread.title,
                           f"/sujets/{thread.id}/{thread.slug}", thread.author,
                           _("Nouveau sujet dans «\u00a0%(category)s\u00a0»", category=thread.category.name),
                           _excerpt(openings.get(thread.id, "")))
                  for thread in threads]
    items.sort(key=lambda item: item.held_at)
    return items[:limit], total


def waiting_count() -> int:
    """Open flags and held content, for the nav of moderators (one statement)."""
    open_flags = select(func.count()).select_from(Flag).where(Flag.resolved_at.is_(None)).scalar_subquery()
    return db.session.execute(select(open_flags + _held_posts_count() + _held_threads_count())).scalar_one()


# --- the audit log --------------------------------------------------------------------------------
@dataclass(frozen=True)
class JournalFilters:
    action: str = ""
    moderator: str = ""
    start: date | None = None
    end: date | None = None

    @classmethod
    def from_args(cls, args) -> JournalFilters:
        action, moderator = args.get("action", ""), args.get("moderateur", "")
        if action and action not in {item.value for item in ModerationAction}:
            raise Invalid(_("Cette action n'existe pas."))
        if moderator and parse_id(moderator) is None:
            raise Invalid(_("Ce·tte modérateur·rice n'existe pas."))
        start, end = _day(args.get("du", ""), _("La date de début")), _day(args.get("au", ""), _("La date de fin"))
        if start and end and end < start:
            raise Invalid(_("La date de fin doit être après la date de début."))
        return cls(action=action, moderator=moderator, start=start, end=end)

    def as_args(self) -> dict[str, str]:
        values = {"action": self.action, "moderateur": self.moderator,
                  "du": self.start.isoformat() if self.start else "", "au": self.end.isoformat() if self.end else ""}
        return {key: value for key, value in values.items() if value}


# The journal's date filters accept these days: far beyond any log row, and far enough from the
# calendar's ends (years 1 and 9999) that a day's bounds in Paris time never overflow.
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2999, 12, 31)


def _day(raw: str, label: str) -> date | None:
    if not raw:
        return None
    try:
        day = date.fromisoformat(raw)
    except ValueError:
        raise Invalid(_("%(label)s doit être une date (AAAA-MM-JJ).", label=label)) from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise Invalid(_("%(label)s doit être comprise entre %(first)d et %(last)d.", label=label,
                        first=FIRST_DAY.year, last=LAST_DAY.year))
    return day


def _start_of(day: date) -> datetime:
    """Midnight of ``day`` in Paris, as an aware UTC moment."""
    return datetime.combine(day, time(), tzinfo=PARIS).astimezone(timezone.utc)


def journal(filters: JournalFilters, page: int, per_page: int) -> Page[ModerationLog]:
    """The audit log, newest first."""
    statement = select(ModerationLog).options(joinedload(ModerationLog.moderator).load_only(User.id, User.display_name))
    if filters.action:
        statement = statement.where(ModerationLog.action == ModerationAction(filters.action))
    if filters.moderator:
        statement = statement.where(ModerationLog.moderator_id == int(filters.moderator))
    if filters.start:
        statement = statement.where(ModerationLog.created_at >= _start_of(filters.start))
    if filters.end:
        statement = statement.where(ModerationLog.created_at < _start_of(filters.end + timedelta(days=1)))
    statement = statement.order_by(ModerationLog.created_at.desc(), ModerationLog.id.desc())
    return paginate(db.session, statement, page, per_page)


def moderators() -> list[User]:
    """Members who may moderate, for the journal's filter."""
    return accounts_queries.moderators()


def target_link(target_type: TargetType, target_id: int) -> str:
    return {TargetType.POST: "/messages/{}", TargetType.THREAD: "/sujets/{}", TargetType.RESOURCE: "/ressources/{}",
            TargetType.PRACTICE: "/pratiques/{}", TargetType.MEMBER: "/membres/{}",
            TargetType.PRIVATE_MESSAGE: "/messagerie/message/{}",
            TargetType.EVENT: "/agenda/{}"}[target_type].format(target_id)


def reported_private_message(message_id: int) -> tuple[PrivateMessage, str, list[Flag]]:
    """A private message a member reported, its conversation's subject and its flags (open and
    closed); NotFound for any other: moderators read only what was reported to them."""
    row = db.session.execute(
        select(PrivateMessage, Conversation.subject).join(Conversation, Conversation.id == PrivateMessage.conversation_id)
        .where(PrivateMessage.id == message_id)
        .options(joinedload(PrivateMessage.author).load_only(User.id, User.display_name))).first()
    reports = list(db.session.execute(
        select(Flag).where(Flag.target_type == TargetType.PRIVATE_MESSAGE, Flag.target_id == message_id)
        .options(joinedload(Flag.reporter).load_only(User.id, User.display_name))
        .order_by(Flag.created_at)).scalars()) if row is not None else []
    if row is None or not reports:
        raise NotFound(_("Ce message privé n'existe pas, ou personne ne l'a signalé."))
    return row[0], row[1], reports
