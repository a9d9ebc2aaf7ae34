"""Read side of practice reports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import bindparam, func, literal, literal_column, select, union_all
from sqlalchemy.orm import joinedload, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from forum.accounts.models import User
from forum.core.direct_reads import DirectRead
from forum.core.errors import Invalid
from forum.core.pagination import Page, paginate
from forum.core.security import parse_id
from forum.extensions import db
from forum.fabriques.geography import REGIONS
from forum.fabriques.models import Fabrique, TerritoryType
from forum.practices.models import (
    OutdatedFlag, Practice, PracticeComment, PracticeKind, PracticeStatus, PracticeTrial, PracticeVote,
    TrialOutcome, practice_authors, practice_coauthor_fabriques, practice_resources, practice_themes,
    practice_threads,
)
from forum.resources.models import Resource
from forum.threads.models import Category, Thread

SORTS = {"recent": _l("Plus récents"), "utiles": _l("Les plus utiles"), "discutes": _l("Les plus discutés")}


@dataclass(frozen=True)
class PracticeFilters:
    kind: str = ""
    theme: str = ""
    territory: str = ""
    region: str = ""
    fabrique: str = ""
    sort: str = "recent"

    @classmethod
    def from_args(cls, args) -> PracticeFilters:
        filters = cls(kind=args.get("type", ""), theme=args.get("theme", ""), territory=args.get("territoire", ""),
                      region=args.get("region", ""), fabrique=args.get("fabrique", ""), sort=args.get("tri", "recent"))
        if filters.kind and filters.kind not in {kind.value for kind in PracticeKind}:
            raise Invalid(_("Ce type de retour d'expérience n'existe pas."))
        if filters.territory and filters.territory not in {t.value for t in TerritoryType}:
            raise Invalid(_("Ce type de territoire n'existe pas."))
        if filters.region and filters.region not in REGIONS:
            raise Invalid(_("Cette région n'existe pas."))
        if filters.fabrique and parse_id(filters.fabrique) is None:
            raise Invalid(_("Cette fabrique n'existe pas."))
        if filters.theme and not (len(filters.theme) <= 80):
            raise Invalid(_("Ce thème n'existe pas."))
        if filters.sort not in SORTS:
            raise Invalid(_("Ce tri n'existe pas."))
        return filters

    def as_args(self, **changes) -> dict[str, str]:
        values = {"type": self.kind, "theme": self.theme, "territoire": self.territory, "region": self.region,
                  "fabrique": self.fabrique, "tri": self.sort}
        values.update(changes)
        return {key: value for key, value in values.items() if value and not (key == "tri" and value == "recent")}


def _list_options():
    return (joinedload(Practice.fabrique).load_only(Fabrique.id, Fabrique.name, Fabrique.slug, Fabrique.region_code),
            selectinload(Practice.themes))


def published_ids(filters: PracticeFilters, page: int, per_page: int) -> Page[int]:
    """The ids of a page of published reports (``listed`` loads them)."""
    values = {"kind": PracticeKind(filters.kind) if filters.kind else None,
              "territory": TerritoryType(filters.territory) if filters.territory else None,
              "region": filters.region or None, "fabrique": int(filters.fabrique) if filters.fabrique else None,
              "theme": filters.theme or None}
    params = {name: value for name, value in values.items() if value is not None}
    return paginate(db.session, _published_statement(frozenset(params), filters.sort), page, per_page,
                    params=params)


@cache
def _published_statement(filtered: frozenset[str], sort: str):
    # Built once per set of filters and sort (their values are bound): the list members browse.
    statement = (select(Practice.id).join(Fabrique, Fabrique.id == Practice.fabrique_id)
                 .where(Practice.status == PracticeStatus.PUBLISHED, Practice.hidden_at.is_(None)))
    if "kind" in filtered:
        statement = statement.where(Practice.kind == bindparam("kind"))
    if "territory" in filtered:
        statement = statement.where(Practice.territory_type == bindparam("territory"))
    if "region" in filtered:
        statement = statement.where(Fabrique.region_code == bindparam("region"))
    if "fabrique" in filtered:
        statement = statement.where(Practice.fabrique_id == bindparam("fabrique"))
    if "theme" in filtered:
        statement = statement.where(Practice.id.in_(
            select(practice_themes.c.practice_id).join(Category, Category.id == practice_themes.c.category_id)
            .where(Category.slug == bindparam("theme"))))
    order = {"utiles": (Practice.useful_count.desc(),), "discutes": (Practice.comment_count.desc(),)}.get(sort, ())
    return statement.order_by(*order, Practice.published_at.desc(), Practice.id.desc())


def listed(practice_ids: list[int]) -> dict[int, Practice]:
    """{id: report} with what a card of the list prints."""
    return {practice.id: practice for practice in db.session.execute(
        select(Practice).where(Practice.id.in_(practice_ids)).options(*_list_options())).scalars()}


@dataclass(frozen=True)
class Draft:
    id: int
    title: str
    updated_at: datetime


def drafts_of(user: User) -> list[Draft]:
    """The member's drafts, last changed first (what the list prints of them)."""
    return [Draft(*row) for row in _DRAFTS.all_in(db.session, user_id=user.id)]


# Built once: the reports list shows a member their drafts (a direct read: every member's visit).
_DRAFTS = DirectRead(
    select(Practice.id, Practice.title, Practice.updated_at)
    .where(Practice.status == PracticeStatus.DRAFT,
           Practice.id.in_(select(practice_authors.c.practice_id)
                           .where(practice_authors.c.user_id == bindparam("user_id"))))
    .order_by(Practice.updated_at.desc()))


def latest(limit: int = 5) -> list[Practice]:
    return list(db.session.execute(
        select(Practice).where(Practice.status == PracticeStatus.PUBLISHED, Practice.hidden_at.is_(None))
        .options(*_list_options())
        .order_by(Practice.published_at.desc(), Practice.id.desc()).limit(limit)).scalars())


def of_fabrique(fabrique_id: int, limit: int = 8) -> list[Practice]:
    return list(db.session.execute(
        select(Practice).where(Practice.status == PracticeStatus.PUBLISHED, Practice.fabrique_id == fabrique_id,
                               Practice.hidden_at.is_(None))
        .order_by(Practice.published_at.desc()).limit(limit)).scalars())


def comments(practice: Practice) -> list[PracticeComment]:
    return list(db.session.execute(
        select(PracticeComment).where(PracticeComment.practice_id == practice.id)
        .options(joinedload(PracticeComment.author).load_only(User.id, User.display_name))
        .order_by(PracticeComment.created_at, PracticeComment.id)).scalars())


def load_labels(practice: Practice) -> None:
    """Load the themes and co-author fabriques of ``practice`` (read without them for its page)."""
    set_committed_value(practice, "themes", db.session.scalars(
        select(Category).join(practice_themes, practice_themes.c.category_id == Category.id)
        .where(practice_themes.c.practice_id == practice.id).order_by(Category.position, Category.name)).all())
    set_committed_value(practice, "coauthor_fabriques", db.session.scalars(
        select(Fabrique).join(practice_coauthor_fabriques, practice_coauthor_fabriques.c.fabrique_id == Fabrique.id)
        .where(practice_coauthor_fabriques.c.practice_id == practice.id).order_by(Fabrique.name)).all())


@dataclass(frozen=True)
class Link:
    """A thread or a resource a report points to, as its page lists it."""

    id: int
    title: str
    slug: str = ""  # a thread's


def links_of(practice_id: int) -> tuple[list[Link], list[Link]]:
    """The threads (oldest first) and resources (by name) a report points to (one query)."""
    # Threads first by id, then resources by name (PostgreSQL wants one type per column).
    threads = (select(literal("thread").label("kind"), Thread.id, Thread.title, Thread.slug,
                      literal_column("0").label("rank"), literal("").label("name"))
               .join(practice_threads, practice_threads.c.thread_id == Thread.id)
               .where(practice_threads.c.practice_id == practice_id))
    resources = (select(literal("resource"), Resource.id, Resource.name, literal(""), literal_column("1"),
                        Resource.name)
                 .join(practice_resources, practice_resources.c.resource_id == Resource.id)
                 .where(practice_resources.c.practice_id == practice_id))
    rows = db.session.execute(union_all(threads, resources).order_by("rank", "name", "id")).all()
    return ([Link(row.id, row.title, row.slug) for row in rows if row.kind == "thread"],
            [Link(row.id, row.title) for row in rows if row.kind == "resource"])


def trials(practice: Practice) -> list[PracticeTrial]:
    return list(db.session.execute(
        select(PracticeTrial).where(PracticeTrial.practice_id == practice.id)
        .options(joinedload(PracticeTrial.fabrique).load_only(Fabrique.id, Fabrique.name, Fabrique.slug))
        .order_by(PracticeTrial.created_at.desc())).scalars())


def trial_summary(trial_list: list[PracticeTrial]) -> dict[TrialOutcome, int]:
    summary = {outcome: 0 for outcome in TrialOutcome}
    for trial in trial_list:
        summary[trial.outcome] += 1
    return summary


def has_voted(user: User | None, practice: Practice) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return db.session.get(PracticeVote, (practice.id, user.id)) is not None


def outdated_flag_count(practice: Practice) -> int:
    return db.session.execute(select(func.count()).select_from(OutdatedFlag)
                              .where(OutdatedFlag.practice_id == practice.id)).scalar_one()
