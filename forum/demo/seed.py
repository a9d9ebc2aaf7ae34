"""Fill an empty database with a living demo forum: fabriques, members, categories, threads, posts,
the shared catalogue (resources with photos, loans, notifications: ``forum.demo.seed_catalogue``),
practice reports (versions, votes, comments, "essayé aussi": ``forum.demo.seed_practices``) and a few
private conversations between members (``forum.demo.seed_conversations``).

Everything is planned in memory first (texts, authors, dates), then written in a few
``add_all`` + ``flush`` batches. Randomness comes from ``random.Random`` instances derived
from the seed, one per kind of content, so that adding a new kind later (a ``build_*`` step at
the end of ``DemoBuilder.run``) leaves the existing content unchanged for a given seed.
"""

from __future__ import annotations

import math
import random
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select

from forum.accounts.models import Role, User
from forum.accounts.passwords import hash_password
from forum.core.errors import Conflict
from forum.core.markdown import render_markdown
from forum.core.models import utcnow
from forum.core.text import slugify
from forum.demo import corpus, people, places
from forum.demo.seed_catalogue import CatalogueSteps
from forum.demo.seed_community import CommunitySteps
from forum.demo.seed_conversations import ConversationSteps
from forum.demo.seed_practices import PracticeSteps
from forum.demo.writer import OP_REPLY_KINDS, DemoWriter, Persona, ThreadText
from forum.extensions import db
from forum.fabriques.geography import DEPARTMENTS, region_of
from forum.fabriques.models import (
    MODULES,
    Fabrique,
    FabriqueModule,
    Membership,
    MembershipRole,
    MembershipStatus,
    Space,
    TerritoryType,
)
from forum.threads.models import Category, Post, Tag, Thread

DEMO_PASSWORD = "fabriques-demo-2026"
ADMIN_EMAIL = "admin@exemple.fr"
MEMBER_COUNT = 150
MEMBERS_WITHOUT_FABRIQUE = 15
MEMBERS_PENDING = 5
SECOND_MANAGERS = 7
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
NOT_EMPTY_MESSAGE = ("La base contient déjà des données\u00a0: la démonstration n'est chargée que dans une "
                     "base vide.")


def seed_demo(seed: int = 2026) -> dict[str, int]:
    """Fill an EMPTY database with demo content; return counts per kind. Caller commits."""
    return DemoBuilder(seed).run()


@dataclass
class PostPlan:
    author: Persona
    body: str
    created_at: datetime
    edited_at: datetime | None = None
    deleted: bool = False


@dataclass
class ThreadPlan:
    category: str
    kind: str
    title: str
    ask: str
    op: Persona
    text: ThreadText
    start: datetime
    reply_count: int = 0
    is_question: bool = False  # marked as a question by its author (most question-like threads are)
    tags: list[str] = field(default_factory=list)
    posts: list[PostPlan] = field(default_factory=list)


class DemoBuilder(CatalogueSteps, PracticeSteps, CommunitySteps, ConversationSteps):
    """Builds the demo step by step; each ``build_*`` returns the objects it created.

    The catalogue's steps (resources, photos, loans, notifications) are in ``CatalogueSteps``, the
    practice reports' (reports and their versions, votes, comments, trials, notifications) in
    ``PracticeSteps``.
    """

    def __init__(self, seed: int = 2026):
        self.seed = seed
        self.now = utcnow()
        self.session = db.session
        self.writer = DemoWriter(self.rng("texts"), places.FABRIQUES)
        self.fabriques: list[Fabrique] = []
        self.users: list[User] = []
        self.personas: list[Persona] = []
        self.admin: Persona | None = None
        self.moderators: list[Persona] = []
        self.memberships: list[tuple[int, int, MembershipRole, MembershipStatus]] = []
        self.categories: dict[str, Category] = {}
        self.tags: dict[str, Tag] = {}
        self.plans: list[ThreadPlan] = []
        self.counts: dict[str, int] = {}
        self._membership_dates: dict[int, tuple[datetime, datetime | None]] = {}
        self._fabrique_index = {spec.name: index for index, spec in enumerate(places.FABRIQUES)}

    def rng(self, kind: str) -> random.Random:
        """An independent, reproducible random stream for one kind of content."""
        return random.Random(f"forum-demo:{self.seed}:{kind}")

    def run(self) -> dict[str, int]:
        self.ensure_empty()
        self.build_fabriques()
        self.build_people()
        self.build_categories()
        self.build_tags()
        self.plan_threads()
        self.write_posts()
        self.apply_timeline()
        self.session.add_all(self.fabriques)
        self.session.add_all(self.users)
        self.session.flush()
        self.build_memberships()
        self.session.add_all(list(self.categories.values()))
        self.session.add_all(list(self.tags.values()))
        self.session.flush()
        self.build_threads()
        # The shared catalogue (forum.demo.seed_catalogue).
        self.build_resources()
        self.build_photos()
        self.build_loans()
        self.build_notifications()
        # Practice reports (forum.demo.seed_practices).
        self.build_practices()
        self.build_practice_echoes()
        self.build_practice_notifications()
        # Solutions, "Merci" and bookmarks (forum.demo.seed_community).
        self.build_community()
        # Private conversations between members (forum.demo.seed_conversations).
        self.build_conversations()
        # Later kinds go here, after everything above, each with its own ``self.rng(kind)``:
        # the content above then stays the same for a given seed.
        return dict(self.counts)

    # -- Guard -----------------------------------------------------------------------------

    def ensure_empty(self) -> None:
        for model in (Fabrique, User):
            if self.session.execute(select(model.id).limit(1)).first() is not None:
                raise Conflict(NOT_EMPTY_MESSAGE)

    # -- Fabriques -------------------------------------------------------------------------

    def build_fabriques(self) -> list[Fabrique]:
        rng = self.rng("fabriques")
        for spec in places.FABRIQUES:
            assert spec.department in DEPARTMENTS and all(module in MODULES for module in spec.modules)
            slug = slugify(spec.name)
            website = f"https://{slug}.exemple.fr"
            labels = [MODULES[module] for module in spec.modules]
            summary, description = self.writer.fabrique_texts(spec, labels, website)
            latitude, longitude = self._coordinates(spec, rng)
            fabrique = Fabrique(
                slug=slug, name=spec.name, summary=summary, description_source=description,
                description_html=render_markdown(description),
                address=self._address(spec, rng), postal_code=spec.postal_code or self._postal_code(spec, rng),
                city=spec.city, department_code=spec.department, region_code=region_of(spec.department),
                territory_type=TerritoryType(spec.territory), opening_hours=rng.choice(places.OPENING_HOURS),
                website=website, contact_email=f"{slug}@exemple.fr", phone=self._phone(spec, rng),
                latitude=latitude, longitude=longitude,
                module_links=[FabriqueModule(module=module) for module in sorted(spec.modules)],
                spaces=self._spaces(spec, rng),
            )
            self.fabriques.append(fabrique)
        self.counts["fabriques"] = len(self.fabriques)
        self.counts["espaces"] = sum(len(fabrique.spaces) for fabrique in self.fabriques)
        return self.fabriques

    @staticmethod
    def _coordinates(spec: places.FabriqueSpec, rng: random.Random) -> tuple[float, float]:
        if spec.coords is not None:
            latitude, longitude = spec.coords
            return round(latitude + rng.uniform(-0.004, 0.004), 5), round(longitude + rng.uniform(-0.004, 0.004), 5)
        latitude, longitude = places.DEPARTMENT_CENTRES[spec.department]
        return round(latitude + rng.uniform(-0.13, 0.13), 5), round(longitude + rng.uniform(-0.17, 0.17), 5)

    @staticmethod
    def _postal_code(spec: places.FabriqueSpec, rng: random.Random) -> str:
        if spec.department in ("2A", "2B"):
            return f"20{rng.randrange(21, 30) if spec.department == '2B' else rng.randrange(10, 20)}0"
        return f"{spec.department}{rng.randrange(10, 100)}0"

    @staticmethod
    def _address(spec: places.FabriqueSpec, rng: random.Random) -> str:
        streets = places.RURAL_STREETS if spec.territory == "rural" else places.CITY_STREETS
        street = rng.choice(streets)
        if spec.territory == "rural" and rng.random() < 0.25:
            return street[:1].upper() + street[1:]
        number = rng.randint(1, 9) if spec.territory == "rural" else rng.randint(2, 148)
        return f"{number}{' bis' if rng.random() < 0.1 else ''} {street}"

    @staticmethod
    def _phone(spec: places.FabriqueSpec, rng: random.Random) -> str:
        # Numbers from the ranges reserved for fiction in France.
        by_region = {"11": "01 99 00", "53": "02 61 91", "28": "02 61 91", "52": "02 61 91", "24": "02 61 91",
                     "32": "03 53 01", "44": "03 53 01", "27": "03 53 01", "84": "04 65 71", "93": "04 65 71",
                     "94": "04 65 71", "75": "05 36 49", "76": "05 36 49"}
        prefix = by_region.get(region_of(spec.department), "06 39 98")
        if rng.random() < 0.2:
            prefix = "06 39 98"
        return f"{prefix} {rng.randint(0, 99):02d} {rng.randint(0, 99):02d}"

    @staticmethod
    def _spaces(spec: places.FabriqueSpec, rng: random.Random) -> list[Space]:
        candidates = [space for module in spec.modules for space in places.SPACES_BY_MODULE.get(module, ())]
        candidates += list(places.GENERIC_SPACES)
        count = rng.choice((0, 1, 1, 2, 2, 2, 3, 3))
        spaces = []
        for name, (low, high), equipment in rng.sample(candidates, min(count, len(candidates))):
            spaces.append(Space(name=name, capacity=rng.randint(low, high), equipment=equipment))
        return spaces

    # -- People ----------------------------------------------------------------------------

    def build_people(self) -> list[User]:
        """150 members (two of them moderators) and the admin account, with their personas."""
        rng = self.rng("people")
        password_hash = hash_password(DEMO_PASSWORD)  # once: scrypt is slow on purpose
        names = self._names(rng)

        order = list(range(MEMBER_COUNT))
        rng.shuffle(order)
        without = order[:MEMBERS_WITHOUT_FABRIQUE]
        pending = order[MEMBERS_WITHOUT_FABRIQUE:MEMBERS_WITHOUT_FABRIQUE + MEMBERS_PENDING]
        active = order[MEMBERS_WITHOUT_FABRIQUE + MEMBERS_PENDING:]
        fabrique_count = len(self.fabriques)
        assignment: dict[int, tuple[int, MembershipRole, MembershipStatus]] = {}
        pool = active[:]
        for index in range(fabrique_count):  # one manager each
            assignment[pool.pop()] = (index, MembershipRole.MANAGER, MembershipStatus.ACTIVE)
        for index in rng.sample(range(fabrique_count), SECOND_MANAGERS):
            assignment[pool.pop()] = (index, MembershipRole.MANAGER, MembershipStatus.ACTIVE)
        for index in range(fabrique_count):  # at least one plain member each
            if pool:
                assignment[pool.pop()] = (index, MembershipRole.MEMBER, MembershipStatus.ACTIVE)
        while pool:
            assignment[pool.pop()] = (rng.randrange(fabrique_count), MembershipRole.MEMBER, MembershipStatus.ACTIVE)
        for member in pending:
            assignment[member] = (rng.randrange(fabrique_count), MembershipRole.MEMBER, MembershipStatus.PENDING)
        plain_members = [m for m in active if assignment[m][1] is MembershipRole.MEMBER]
        moderator_indices = [rng.choice(plain_members), rng.choice(without)]

        for member in range(MEMBER_COUNT):
            first, last, gender = names[member]
            link = assignment.get(member)
            spec = places.FABRIQUES[link[0]] if link else None
            is_active = link is not None and link[2] is MembershipStatus.ACTIVE
            if link and link[1] is MembershipRole.MANAGER:
                jobs = people.MANAGER_JOBS
            elif is_active:
                jobs = people.MEMBER_JOBS
            else:
                jobs = people.FREE_JOBS
            job_pair = rng.choice(jobs)
            network = member in moderator_indices and not is_active
            if network:
                job_pair = people.MODERATOR_JOB
            persona = Persona(
                index=member, first_name=first, last_name=last, gender=gender,
                job=job_pair[1] if gender == "f" else job_pair[0],
                fabrique=spec if is_active else None, village=rng.choice(places.NEARBY_VILLAGES),
                register="tu" if rng.random() < 0.45 else "vous", greets=rng.uniform(0.15, 0.95),
                signs_off=rng.uniform(0.0, 0.6), signature=rng.choice((0, 0, 1, 1, 2, 3)),
                verbosity=rng.uniform(0.3, 1.4), activity=min(rng.paretovariate(1.4), 9.0),
                profile="network" if network else "none",
            )
            if link and link[2] is MembershipStatus.PENDING:
                persona.activity *= 0.3
            elif spec is None:
                persona.activity *= 0.7
            role = Role.MODERATOR if member in moderator_indices else Role.MEMBER
            if role is Role.MODERATOR:
                persona.activity = max(persona.activity, 3.0)
                self.moderators.append(persona)
            self.personas.append(persona)
            self.users.append(User(
                email=f"{slugify(first)}.{slugify(last)}@exemple.fr", display_name=persona.display_name,
                password_hash=password_hash, role=role, bio=self._bio(persona, spec, rng),
            ))
            if link:
                self.memberships.append((member, link[0], link[1], link[2]))

        self.admin = Persona(
            index=MEMBER_COUNT, first_name="l'équipe du forum", last_name="", gender="f",
            job="équipe d'animation du forum", fabrique=None, village="Paris", register="vous", greets=1.0,
            signs_off=0.0, signature=0, verbosity=1.0, activity=0.0, display_name="Équipe du forum",
        )
        self.personas.append(self.admin)
        self.users.append(User(
            email=ADMIN_EMAIL, display_name=self.admin.display_name, password_hash=password_hash, role=Role.ADMIN,
            bio="Le compte de l'équipe qui anime le Forum des Fabriques. Une question ? Écrivez-nous.",
        ))
        self.counts["membres"] = len(self.users)
        return self.users

    @staticmethod
    def _names(rng: random.Random) -> list[tuple[str, str, str]]:
        names: list[tuple[str, str, str]] = []
        emails: set[str] = set()
        while len(names) < MEMBER_COUNT:
            gender = "f" if rng.random() < 0.55 else "m"
            first = rng.choice(people.FEMALE_FIRST_NAMES if gender == "f" else people.MALE_FIRST_NAMES)
            last = rng.choice(people.LAST_NAMES)
            if rng.random() < 0.08:
                other = rng.choice(people.LAST_NAMES)
                if other != last and " " not in last + other:
                    last = f"{last}-{other}"
            email = f"{slugify(first)}.{slugify(last)}"
            if email in emails or any(first == n[0] for n in names[-3:]):
                continue
            emails.add(email)
            names.append((first, last, gender))
        return names

    def _bio(self, persona: Persona, spec: places.FabriqueSpec | None, rng: random.Random) -> str:
        if rng.random() > 0.6:
            return ""
        feminine = persona.gender == "f"
        ctx = {
            "job": persona.job, "e": "e" if feminine else "", "curieux": "curieuse" if feminine else "curieux",
            "interest": rng.choice(people.BIO_INTERESTS), "passion": rng.choice(people.BIO_PASSIONS),
            "activity": rng.choice(people.BIO_ACTIVITIES), "topic": rng.choice(people.BIO_TOPICS),
            "previous": rng.choice(people.BIO_PREVIOUS), "since": rng.choice(("2019", "2020", "2021", "2022")),
            "ville": spec.city if spec else persona.village,
        }
        if persona.fabrique is not None:
            ctx.update(fabrique=spec.name, a_fabrique="à " + spec.name, de_fabrique="de " + spec.name)
            template = rng.choice(people.BIO_TEMPLATES)
        else:
            template = rng.choice(people.BIO_TEMPLATES_NO_FABRIQUE)
        return self.writer.fill(template, ctx)

    def build_memberships(self) -> list[Membership]:
        """Memberships need the ids of users and fabriques: call after the first flush."""
        created = []
        for member, fabrique_index, role, status in self.memberships:
            user, fabrique = self.users[member], self.fabriques[fabrique_index]
            requested, decided = self._membership_dates[member]
            created.append(Membership(user_id=user.id, fabrique_id=fabrique.id, role=role, status=status,
                                      requested_at=requested, decided_at=decided))
        self.session.add_all(created)
        self.counts["adhésions"] = len(created)
        return created

    # -- Categories and tags ---------------------------------------------------------------

    def build_categories(self) -> dict[str, Category]:
        for position, (key, name, description) in enumerate(corpus.CATEGORIES, start=1):
            self.categories[key] = Category(slug=slugify(name), name=name, description=description,
                                            position=position, thread_count=0, post_count=0)
        self.counts["catégories"] = len(self.categories)
        return self.categories

    def build_tags(self) -> dict[str, Tag]:
        for name in corpus.TAGS:
            self.tags[name] = Tag(name=name)
        self.counts["mots-clés"] = len(self.tags)
        return self.tags

    # -- Threads: planning -----------------------------------------------------------------

    def plan_threads(self) -> list[ThreadPlan]:
        """Choose every thread's category, kind, author, title, start date and number of replies."""
        rng = self.rng("threads")
        used_titles: set[str] = set()
        members = [p for p in self.personas if p is not self.admin]
        for key, _name, _description in corpus.CATEGORIES:
            topic = corpus.TOPICS[key]
            target = CATEGORY_TARGETS[key]
            planned: list[ThreadPlan] = []
            if key == "forum":
                for age, (title, body) in ((HISTORY_DAYS + 10, (corpus.ADMIN_WELCOME_TITLE, corpus.ADMIN_WELCOME_BODY)),
                                           (HISTORY_DAYS + 9, (corpus.ADMIN_CHARTER_TITLE, corpus.ADMIN_CHARTER_BODY))):
                    plan = self._plan(key, "admin", title, body, self.admin, rng, used_titles)
                    plan.start = self.now - timedelta(days=age)
                    planned.append(plan)
            for title, ask in topic["questions"]:
                planned.append(self._plan(key, "question", title, ask, self._pick_op(rng, members, True), rng,
                                          used_titles))
            for title, intro in topic["discussions"]:
                planned.append(self._plan(key, "report", title, intro, self._pick_op(rng, members, False), rng,
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
                    op = self._pick_op(rng, members, not located and kind == "question", require_fabrique=located)
                    plan = self._plan(key, kind, title, ask, op, rng, used_titles, unique=True)
                    if plan is not None:
                        planned.append(plan)
                        break
            if key == "forum":
                presenters = [p for p in members if p not in (plan.op for plan in planned)]
                rng.shuffle(presenters)
                while len(planned) < target and presenters:
                    op = presenters.pop()
                    text = ThreadText(category=key, kind="presentation", op=op)
                    title, body = self.writer.presentation(text)
                    if title.lower() in used_titles:
                        continue
                    used_titles.add(title.lower())
                    text.title = title
                    planned.append(ThreadPlan(key, "presentation", title, body, op, text, self._start(rng)))
            if len(planned) != target:
                raise RuntimeError(f"demo material for {key}: {len(planned)} threads planned, {target} wanted")
            self.plans.extend(planned)

        for plan in self.plans:
            plan.is_question = plan.kind in ("question", "loan") and rng.random() < QUESTION_FLAG_RATE
            plan.reply_count = self._reply_count(plan, rng)
            plan.tags = self._tags_for(plan, rng)
        self._shape_reply_counts(rng)
        return self.plans

    def _pick_op(self, rng: random.Random, members: list[Persona], allow_without: bool,
                 require_fabrique: bool = False) -> Persona:
        candidates = [p for p in members if p.fabrique is not None or (allow_without and not require_fabrique)]
        weights = [p.activity * (0.5 if p.fabrique is None else 1.0) for p in candidates]
        return rng.choices(candidates, weights)[0]

    def _plan(self, category: str, kind: str, title: str, ask: str, op: Persona, rng: random.Random,
              used_titles: set[str], unique: bool = False) -> ThreadPlan | None:
        text = ThreadText(category=category, kind=kind, op=op)
        filled = self.writer.fill(title, self.writer.person_ctx(op), text.pinned, op.register)
        if filled.lower() in used_titles:
            if unique:
                return None
            raise RuntimeError(f"duplicate demo title: {filled}")
        used_titles.add(filled.lower())
        text.title = filled
        return ThreadPlan(category, kind, filled, ask, op, text, self._start(rng))

    def _start(self, rng: random.Random) -> datetime:
        # Skewed towards recent months: a forum that grows.
        days = 0.125 + HISTORY_DAYS * rng.random() ** 1.3
        return self.now - timedelta(days=days, minutes=rng.randint(0, 59))

    @staticmethod
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

    def _shape_reply_counts(self, rng: random.Random) -> None:
        questions = [plan for plan in self.plans if plan.kind == "question" and plan.is_question]
        recent = [plan for plan in questions if (self.now - plan.start).days < 150]
        old = [plan for plan in questions if plan not in recent]
        unanswered = rng.sample(recent, min(UNANSWERED_RECENT, len(recent))) + \
            rng.sample(old, min(UNANSWERED_OLD, len(old)))
        for plan in unanswered:
            plan.reply_count = 0
        open_plans = [plan for plan in self.plans if plan.kind in ("question", "report") and plan.reply_count]
        for plan in rng.sample(open_plans, LONG_THREADS):
            plan.reply_count = rng.randint(24, 40)
        total = len(self.plans) + sum(plan.reply_count for plan in self.plans)
        while total < POST_TARGET:
            plan = rng.choice(open_plans)
            if plan.reply_count < 45:
                plan.reply_count += 1
                total += 1

    def _tags_for(self, plan: ThreadPlan, rng: random.Random) -> list[str]:
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

    def write_posts(self) -> None:
        """Write every post's text and date, thread by thread, in a fixed order."""
        rng = self.rng("conversations")
        members = [p for p in self.personas if p is not self.admin]
        for plan in self.plans:
            op, text = plan.op, plan.text
            if plan.kind in ("admin", "presentation"):
                opening = plan.ask
            else:
                opening = self.writer.opening_post(text, plan.ask)
            text.bodies.append((op, opening))
            kinds = self.writer.plan_replies(plan.kind, plan.reply_count)
            authors = self._reply_authors(plan, kinds, members, rng)
            offsets = self._offsets(plan, kinds, rng)
            plan.posts.append(PostPlan(op, opening, plan.start))
            previous = op
            for kind, author, offset in zip(kinds, authors, offsets):
                body = self.writer.reply(text, kind, author, previous)
                text.bodies.append((author, body))
                plan.posts.append(PostPlan(author, body, plan.start + offset))
                previous = author
        self._edits_and_deletions(self.rng("edits"))

    def _reply_authors(self, plan: ThreadPlan, kinds: list[str], members: list[Persona],
                       rng: random.Random) -> list[Persona]:
        others = [p for p in members if p is not plan.op]
        weights = [p.activity * (4.0 if plan.category == "forum" and p in self.moderators else 1.0) for p in others]
        participants: list[Persona] = []
        wanted = min(len(kinds), rng.randint(2, 7))
        while len(participants) < wanted:
            person = rng.choices(others, weights)[0]
            if person not in participants:
                participants.append(person)
        if plan.category == "forum" and plan.kind not in ("presentation", "admin"):
            participants.append(self.admin)
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
                if author is self.admin and kind not in ("admin_reply", "advice", "short"):
                    author = rng.choice([p for p in participants if p is not self.admin] or others)
            authors.append(author)
            previous = author
        return authors

    def _offsets(self, plan: ThreadPlan, kinds: list[str], rng: random.Random) -> list[timedelta]:
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
        available = (self.now - plan.start).total_seconds() / 3600 - 0.05
        if hours and hours[-1] > available:
            scale = available * 0.97 / hours[-1]
            hours = [value * scale for value in hours]
        return [timedelta(hours=value) for value in hours]

    def _edits_and_deletions(self, rng: random.Random) -> None:
        for plan in self.plans:
            for position, post in enumerate(plan.posts, start=1):
                roll = rng.random()
                if position > 1 and roll < 0.012 and position not in plan.text.quoted:
                    post.deleted = True
                    post.body = ""
                elif roll < 0.05:
                    minutes = rng.uniform(3, 60 * 30)
                    latest = max(post.created_at, self.now - timedelta(seconds=30))
                    post.edited_at = min(post.created_at + timedelta(minutes=minutes), latest)
                    if rng.random() < 0.5:
                        post.body = post.body + "\n\n" + self.writer.edit_note()

    # -- Timeline: accounts, memberships and fabriques follow the posts ----------------------

    def apply_timeline(self) -> None:
        rng = self.rng("timeline")
        first_post: dict[int, datetime] = {}
        for plan in self.plans:
            for post in plan.posts:
                index = post.author.index
                if index not in first_post or post.created_at < first_post[index]:
                    first_post[index] = post.created_at
        oldest = self.now - timedelta(days=600)
        for persona, user in zip(self.personas, self.users):
            if persona.index in first_post:
                created = first_post[persona.index] - timedelta(days=rng.uniform(3, 40))
            else:
                created = self.now - timedelta(days=rng.uniform(5, 520))
            user.created_at = max(created, oldest)

        members_of: dict[int, list[tuple[int, MembershipRole, MembershipStatus]]] = {}
        for member, fabrique_index, role, status in self.memberships:
            members_of.setdefault(fabrique_index, []).append((member, role, status))
        for fabrique_index, fabrique in enumerate(self.fabriques):
            links = members_of.get(fabrique_index, [])
            earliest = min((self.users[member].created_at for member, _, _ in links), default=self.now)
            fabrique.created_at = max(earliest - timedelta(days=rng.uniform(2, 30)), self.now - timedelta(days=700))
            founder = next(member for member, role, _ in links if role is MembershipRole.MANAGER)
            founder_user = self.users[founder]
            founder_user.created_at = min(founder_user.created_at,
                                          fabrique.created_at - timedelta(hours=rng.uniform(1, 48)))
            self._membership_dates[founder] = (fabrique.created_at, fabrique.created_at)
            for member, _role, status in links:
                if member == founder:
                    continue
                requested = max(self.users[member].created_at, fabrique.created_at) + \
                    timedelta(hours=rng.uniform(1, 20))
                decided = requested + timedelta(hours=rng.uniform(1, 46)) \
                    if status is MembershipStatus.ACTIVE else None
                self._membership_dates[member] = (requested, decided)
            fabrique.last_activity_at = fabrique.created_at
        for user in self.users:  # demo accounts are real ones: confirmed when they registered
            user.email_confirmed_at = user.created_at

        index_of = self._fabrique_index
        for plan in self.plans:
            for post in plan.posts:
                if post.author.fabrique is not None:
                    fabrique = self.fabriques[index_of[post.author.fabrique.name]]
                    fabrique.last_activity_at = max(fabrique.last_activity_at, post.created_at)

    # -- Threads: database rows ------------------------------------------------------------

    def build_threads(self) -> tuple[list[Thread], list[Post]]:
        """Threads then posts, in chronological order, with consistent counters."""
        user_of = {persona.index: user for persona, user in zip(self.personas, self.users)}

        def fabrique_id(persona: Persona) -> int | None:
            if persona.fabrique is None:
                return None
            return self.fabriques[self._fabrique_index[persona.fabrique.name]].id

        threads: list[tuple[ThreadPlan, Thread]] = []
        for plan in sorted(self.plans, key=lambda p: p.start):
            category = self.categories[plan.category]
            last = plan.posts[-1]
            thread = Thread(
                category_id=category.id, author_id=user_of[plan.op.index].id, fabrique_id=fabrique_id(plan.op),
                title=plan.title, slug=slugify(plan.title, 150), is_question=plan.is_question,
                created_at=plan.start, last_post_at=last.created_at,
                last_poster_id=user_of[last.author.index].id, post_count=len(plan.posts),
                deleted_reply_count=sum(post.deleted for post in plan.posts[1:]),
                tags=[self.tags[name] for name in plan.tags],
            )
            category.thread_count += 1
            category.post_count += len(plan.posts)
            if category.last_post_at is None or last.created_at > category.last_post_at:
                category.last_post_at = last.created_at
            threads.append((plan, thread))
        self.session.add_all([thread for _, thread in threads])
        self.session.flush()

        rows: list[tuple[datetime, int, int, Post]] = []
        for plan, thread in threads:
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
            if post.deleted_at is not None and post.deleted_at > self.now:
                post.deleted_at = self.now
        self.session.add_all(posts)
        self.session.flush()
        self.counts["sujets"] = len(threads)
        self.counts["messages"] = len(posts)
        return [thread for _, thread in threads], posts
