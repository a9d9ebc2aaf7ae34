"""What the demo's steps share: one ``DemoContext``, handed to every ``build_*`` step in turn.

A step reads what earlier steps left in the context (members by index, fabriques, categories,
plans...) and adds what later steps need. The context also carries the seed's random streams,
the moment the demo is built from (``now``) and the few time and membership questions that
several steps ask (``daytime``, ``day``, ``active_members``, ``pick_member``).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from sqlalchemy.orm import Session

from forum.accounts.models import User
from forum.core.dates import PARIS
from forum.demo import places
from forum.demo.plans import LoanPlan, ReportPlan, ResourcePlan, ThreadPlan
from forum.demo.writer import DemoWriter, Persona
from forum.fabriques.models import Fabrique, MembershipRole, MembershipStatus
from forum.notifications.models import Notification
from forum.resources.models import Loan
from forum.threads.models import Category, Tag, Thread

# (member index, fabrique index, role, status): a membership before its row exists.
PlannedMembership = tuple[int, int, MembershipRole, MembershipStatus]


@dataclass
class DemoContext:
    """The demo being built: its seed, its ``now``, and the objects created so far.

    Members are referred to by index (``users[i]`` is the account of ``personas[i]``; the last one
    is the admin), fabriques by their index in ``places.FABRIQUES`` (which ``fabriques`` follows).
    """

    seed: int
    now: datetime
    session: Session
    writer: DemoWriter = field(init=False)  # the forum's texts, from its own random stream
    today: date = field(init=False)  # ``now``'s calendar day in Paris: loans are planned in days
    counts: dict[str, int] = field(default_factory=dict)  # what the seed returns, in the order written
    # People and places.
    fabriques: list[Fabrique] = field(default_factory=list)
    fabrique_index: dict[str, int] = field(default_factory=dict)  # FabriqueSpec.name -> index
    users: list[User] = field(default_factory=list)
    personas: list[Persona] = field(default_factory=list)
    admin: Persona | None = None
    moderators: list[Persona] = field(default_factory=list)
    memberships: list[PlannedMembership] = field(default_factory=list)
    membership_dates: dict[int, tuple[datetime, datetime | None]] = field(default_factory=dict)  # requested, decided
    # The forum.
    categories: dict[str, Category] = field(default_factory=dict)  # by key (corpus.CATEGORIES)
    tags: dict[str, Tag] = field(default_factory=dict)
    thread_plans: list[ThreadPlan] = field(default_factory=list)
    threads: list[tuple[ThreadPlan, Thread]] = field(default_factory=list)  # in chronological order
    # The catalogue and the practice reports.
    resource_plans: list[ResourcePlan] = field(default_factory=list)
    loan_plans: list[LoanPlan] = field(default_factory=list)
    loans: list[Loan] = field(default_factory=list)  # the rows of ``loan_plans``, in the same order
    report_plans: list[ReportPlan] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.writer = DemoWriter(self.rng("texts"), places.FABRIQUES)
        self.today = self.now.astimezone(PARIS).date()

    def rng(self, kind: str) -> random.Random:
        """An independent, reproducible random stream for one kind of content."""
        return random.Random(f"forum-demo:{self.seed}:{kind}")

    def admin_user(self) -> User:
        return self.users[self.personas.index(self.admin)]

    # -- Memberships ---------------------------------------------------------------------------

    def active_members(self, fabrique_index: int) -> list[tuple[int, MembershipRole, datetime]]:
        """(member index, role, date the membership was accepted) of the fabrique's active members."""
        return [(member, role, self.membership_dates[member][1])
                for member, index, role, status in self.memberships
                if index == fabrique_index and status is MembershipStatus.ACTIVE]

    def pick_member(self, fabrique_index: int, moment: datetime, rng: random.Random,
                    managers: bool = False) -> int:
        """An active member (or manager) of the fabrique who had joined by ``moment``.

        The founder joined when the fabrique was created, before anything it lends or borrows.
        """
        eligible = [(decided, member, role) for member, role, decided in self.active_members(fabrique_index)
                    if role is MembershipRole.MANAGER or not managers]
        # A day's margin: ``daytime`` may move the moment written up to half a day earlier.
        members = [(member, role) for decided, member, role in eligible if decided <= moment - timedelta(days=1)]
        if not members:  # not expected (see above); the first to have joined, rather than nobody
            members = [min(eligible, key=lambda entry: entry[0])[1:]]
        weights = [2.0 if role is MembershipRole.MANAGER else 1.0 for _, role in members]
        return rng.choices([member for member, _ in members], weights)[0]

    # -- Time ----------------------------------------------------------------------------------

    def day(self, day: date) -> datetime:
        """``now`` moved to ``day``: the moment loans of that day are measured from."""
        return self.now + timedelta(days=(day - self.today).days)

    def notification(self, rng: random.Random, *, member: int, actor: int, kind: str, text: str, link: str,
                     moment: datetime, read_when_old: float) -> Notification:
        """What ``member`` was told of ``actor``'s action at ``moment``, read or not as people read
        them: a share ``read_when_old`` of those older than four days, fewer of the recent ones."""
        age = self.now - moment
        read = rng.random() < (read_when_old if age > timedelta(days=4) else 0.3)
        read_at = moment + min(age * rng.uniform(0.05, 0.9), timedelta(days=rng.uniform(0.1, 3))) if read else None
        return Notification(user_id=self.users[member].id, actor_id=self.users[actor].id, kind=kind, text=text[:300],
                             link=link, created_at=self.daytime(moment),
                             read_at=self.daytime(read_at) if read_at else None)

    def daytime(self, moment: datetime) -> datetime:
        """``moment`` moved into the working hours of its day in Paris, order kept.

        Planned moments are ``now`` plus or minus an offset, so they fall at any hour (a loan
        "lent at 3 a.m."). Each day's 24 hours are squeezed into 8 h – 20 h; today's hours so
        far into 8 h – now (or kept, before 8 a.m.). The map is increasing, keeps today's
        moments before ``now``, and is applied only to the values written, never to the
        moments the plan is decided from: the seed's choices do not depend on the hour.
        """
        midnight = moment.astimezone(PARIS).replace(hour=0, minute=0, second=0, microsecond=0)
        midnight = midnight.astimezone(timezone.utc)
        elapsed = moment - midnight  # real time (aware datetimes in UTC): DST days are 23 or 25 hours
        so_far = self.now - midnight
        if so_far < timedelta(days=1):  # today
            if so_far <= timedelta(hours=8):
                return moment
            return midnight + timedelta(hours=8) + elapsed * ((so_far - timedelta(hours=8)) / so_far)
        return midnight + timedelta(hours=8) + elapsed / 2
