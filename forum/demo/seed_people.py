"""The demo's fabriques and members: who they are, where, since when.

``build_fabriques`` and ``build_people`` plan them in memory (with their personas, the voices the
forum's texts are written in); ``apply_timeline`` dates accounts, memberships and fabriques once
the posts are dated (nobody writes before registering); ``save_people`` writes their rows.

Why rows and not ``forum.accounts`` / ``forum.fabriques`` services: registering stamps the present
moment and sends a confirmation e-mail, and a membership is requested then decided by a manager
at the moment they act, while the demo's members joined over the last twenty months.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from forum.accounts.models import Role, User
from forum.accounts.passwords import hash_password
from forum.core.markdown import render_markdown
from forum.core.text import slugify
from forum.core.dates import PARIS
from forum.demo import mediation, people, places
from forum.demo.context import DemoContext
from forum.demo.seed_mediation import apply_standard
from forum.demo.writer import Persona
from forum.fabriques.geography import DEPARTMENTS, region_of
from forum.fabriques.standard_checks import check_phone
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

DEMO_PASSWORD = "fabriques-demo-2026"
ADMIN_EMAIL = "admin@exemple.fr"
MEMBER_COUNT = 150
MEMBERS_WITHOUT_FABRIQUE = 15
MEMBERS_PENDING = 5
SECOND_MANAGERS = 7


# -- Fabriques -------------------------------------------------------------------------

def build_fabriques(ctx: DemoContext) -> list[Fabrique]:
    """The fabriques of ``places.FABRIQUES``, in that order, with their texts, address and spaces."""
    rng = ctx.rng("fabriques")
    standard_rng = ctx.rng("mediation")
    for spec in places.FABRIQUES:
        assert spec.department in DEPARTMENTS and all(module in MODULES for module in spec.modules)
        slug = slugify(spec.name)
        website = f"https://{slug}.exemple.fr"
        labels = [str(MODULES[module]) for module in spec.modules]  # French: seeding runs outside requests
        summary, description = ctx.writer.fabrique_texts(spec, labels, website)
        latitude, longitude = _coordinates(spec, rng)
        fabrique = Fabrique(
            slug=slug, name=spec.name, summary=summary, description_source=description,
            description_html=render_markdown(description),
            address=_address(spec, rng), postal_code=spec.postal_code or _postal_code(spec, rng),
            city=spec.city, department_code=spec.department, region_code=region_of(spec.department),
            territory_type=TerritoryType(spec.territory), opening_hours=rng.choice(mediation.HOURS_NOTES),
            website=website, contact_email=f"{slug}@exemple.fr", phone=_phone(spec, rng),
            latitude=latitude, longitude=longitude,
            module_links=[FabriqueModule(module=module) for module in sorted(spec.modules)],
            spaces=_spaces(spec, rng),
        )
        apply_standard(ctx, fabrique, spec, standard_rng)
        ctx.fabrique_index[spec.name] = len(ctx.fabriques)
        ctx.fabriques.append(fabrique)
    ctx.counts["fabriques"] = len(ctx.fabriques)
    ctx.counts["espaces"] = sum(len(fabrique.spaces) for fabrique in ctx.fabriques)
    return ctx.fabriques


def _coordinates(spec: places.FabriqueSpec, rng: random.Random) -> tuple[float, float]:
    if spec.coords is not None:
        latitude, longitude = spec.coords
        return round(latitude + rng.uniform(-0.004, 0.004), 5), round(longitude + rng.uniform(-0.004, 0.004), 5)
    latitude, longitude = places.DEPARTMENT_CENTRES[spec.department]
    return round(latitude + rng.uniform(-0.13, 0.13), 5), round(longitude + rng.uniform(-0.17, 0.17), 5)


def _postal_code(spec: places.FabriqueSpec, rng: random.Random) -> str:
    if spec.department in ("2A", "2B"):
        return f"20{rng.randrange(21, 30) if spec.department == '2B' else rng.randrange(10, 20)}0"
    return f"{spec.department}{rng.randrange(10, 100)}0"


def _address(spec: places.FabriqueSpec, rng: random.Random) -> str:
    streets = places.RURAL_STREETS if spec.territory == "rural" else places.CITY_STREETS
    street = rng.choice(streets)
    if spec.territory == "rural" and rng.random() < 0.25:
        return street[:1].upper() + street[1:]
    number = rng.randint(1, 9) if spec.territory == "rural" else rng.randint(2, 148)
    return f"{number}{' bis' if rng.random() < 0.1 else ''} {street}"


def _phone(spec: places.FabriqueSpec, rng: random.Random) -> str:
    # Numbers from the ranges reserved for fiction in France.
    by_region = {"11": "01 99 00", "53": "02 61 91", "28": "02 61 91", "52": "02 61 91", "24": "02 61 91",
                 "32": "03 53 01", "44": "03 53 01", "27": "03 53 01", "84": "04 65 71", "93": "04 65 71",
                 "94": "04 65 71", "75": "05 36 49", "76": "05 36 49"}
    prefix = {"972": "+596 596 30", "974": "+262 262 30"}.get(spec.department) \
        or by_region.get(region_of(spec.department), "04 65 71")
    rng.random()  # was: a share of mobile numbers, whose range for fiction phone libraries refuse
    return check_phone(f"{prefix} {rng.randint(0, 99):02d} {rng.randint(0, 99):02d}")


def _spaces(spec: places.FabriqueSpec, rng: random.Random) -> list[Space]:
    candidates = [space for module in spec.modules for space in places.SPACES_BY_MODULE.get(module, ())]
    candidates += list(places.GENERIC_SPACES)
    count = rng.choice((0, 1, 1, 2, 2, 2, 3, 3))
    spaces = []
    for name, (low, high), equipment in rng.sample(candidates, min(count, len(candidates))):
        spaces.append(Space(name=name, capacity=rng.randint(low, high), equipment=equipment))
    return spaces


# -- People ----------------------------------------------------------------------------

def build_people(ctx: DemoContext) -> list[User]:
    """150 members (two of them moderators) and the admin account, with their personas."""
    rng = ctx.rng("people")
    password_hash = hash_password(DEMO_PASSWORD)  # once: scrypt is slow on purpose
    names = _names(rng)

    order = list(range(MEMBER_COUNT))
    rng.shuffle(order)
    without = order[:MEMBERS_WITHOUT_FABRIQUE]
    pending = order[MEMBERS_WITHOUT_FABRIQUE:MEMBERS_WITHOUT_FABRIQUE + MEMBERS_PENDING]
    active = order[MEMBERS_WITHOUT_FABRIQUE + MEMBERS_PENDING:]
    fabrique_count = len(ctx.fabriques)
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
            ctx.moderators.append(persona)
        ctx.personas.append(persona)
        ctx.users.append(User(
            email=f"{slugify(first)}.{slugify(last)}@exemple.fr", display_name=persona.display_name,
            password_hash=password_hash, role=role, bio=_bio(ctx, persona, spec, rng),
        ))
        if link:
            ctx.memberships.append((member, link[0], link[1], link[2]))

    ctx.admin = Persona(
        index=MEMBER_COUNT, first_name="l'équipe du forum", last_name="", gender="f",
        job="équipe d'animation du forum", fabrique=None, village="Paris", register="vous", greets=1.0,
        signs_off=0.0, signature=0, verbosity=1.0, activity=0.0, display_name="Équipe du forum",
    )
    ctx.personas.append(ctx.admin)
    ctx.users.append(User(
        email=ADMIN_EMAIL, display_name=ctx.admin.display_name, password_hash=password_hash, role=Role.ADMIN,
        bio="Le compte de l'équipe qui anime le Forum des Fabriques. Une question ? Écrivez-nous.",
    ))
    ctx.counts["membres"] = len(ctx.users)
    return ctx.users


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


def _bio(ctx: DemoContext, persona: Persona, spec: places.FabriqueSpec | None, rng: random.Random) -> str:
    if rng.random() > 0.6:
        return ""
    feminine = persona.gender == "f"
    slots = {
        "job": persona.job, "e": "e" if feminine else "", "curieux": "curieuse" if feminine else "curieux",
        "interest": rng.choice(people.BIO_INTERESTS), "passion": rng.choice(people.BIO_PASSIONS),
        "activity": rng.choice(people.BIO_ACTIVITIES), "topic": rng.choice(people.BIO_TOPICS),
        "previous": rng.choice(people.BIO_PREVIOUS), "since": rng.choice(("2019", "2020", "2021", "2022")),
        "ville": spec.city if spec else persona.village,
    }
    if persona.fabrique is not None:
        slots.update(fabrique=spec.name, a_fabrique="à " + spec.name, de_fabrique="de " + spec.name)
        template = rng.choice(people.BIO_TEMPLATES)
    else:
        template = rng.choice(people.BIO_TEMPLATES_NO_FABRIQUE)
    return ctx.writer.fill(template, slots)


def save_people(ctx: DemoContext) -> list[Membership]:
    """The rows of the fabriques and members, then of their memberships (which need their ids)."""
    ctx.session.add_all(ctx.fabriques)
    ctx.session.add_all(ctx.users)
    ctx.session.flush()
    created = []
    for member, fabrique_index, role, status in ctx.memberships:
        user, fabrique = ctx.users[member], ctx.fabriques[fabrique_index]
        requested, decided = ctx.membership_dates[member]
        created.append(Membership(user_id=user.id, fabrique_id=fabrique.id, role=role, status=status,
                                  requested_at=requested, decided_at=decided))
    ctx.session.add_all(created)
    ctx.counts["adhésions"] = len(created)
    return created


# -- Timeline: accounts, memberships and fabriques follow the posts ----------------------

def apply_timeline(ctx: DemoContext) -> None:
    """Date accounts, fabriques and memberships from the posts: everyone registered some days before
    their first post, each fabrique's founder before it opened, members joined after both."""
    rng = ctx.rng("timeline")
    first_post: dict[int, datetime] = {}
    for plan in ctx.thread_plans:
        for post in plan.posts:
            index = post.author.index
            if index not in first_post or post.created_at < first_post[index]:
                first_post[index] = post.created_at
    oldest = ctx.now - timedelta(days=600)
    for persona, user in zip(ctx.personas, ctx.users):
        if persona.index in first_post:
            created = first_post[persona.index] - timedelta(days=rng.uniform(3, 40))
        else:
            created = ctx.now - timedelta(days=rng.uniform(5, 520))
        user.created_at = max(created, oldest)

    members_of: dict[int, list[tuple[int, MembershipRole, MembershipStatus]]] = {}
    for member, fabrique_index, role, status in ctx.memberships:
        members_of.setdefault(fabrique_index, []).append((member, role, status))
    for fabrique_index, fabrique in enumerate(ctx.fabriques):
        links = members_of.get(fabrique_index, [])
        earliest = min((ctx.users[member].created_at for member, _, _ in links), default=ctx.now)
        fabrique.created_at = max(earliest - timedelta(days=rng.uniform(2, 30)), ctx.now - timedelta(days=700))
        # Its data cannot have changed before it existed.
        fabrique.date_maj = max(fabrique.date_maj, fabrique.created_at.astimezone(PARIS).date())
        founder = next(member for member, role, _ in links if role is MembershipRole.MANAGER)
        founder_user = ctx.users[founder]
        founder_user.created_at = min(founder_user.created_at,
                                      fabrique.created_at - timedelta(hours=rng.uniform(1, 48)))
        ctx.membership_dates[founder] = (fabrique.created_at, fabrique.created_at)
        for member, _role, status in links:
            if member == founder:
                continue
            requested = max(ctx.users[member].created_at, fabrique.created_at) + \
                timedelta(hours=rng.uniform(1, 20))
            decided = requested + timedelta(hours=rng.uniform(1, 46)) \
                if status is MembershipStatus.ACTIVE else None
            ctx.membership_dates[member] = (requested, decided)
        fabrique.last_activity_at = fabrique.created_at
    for user in ctx.users:  # demo accounts are real ones: confirmed when they registered
        user.email_confirmed_at = user.created_at

    index_of = ctx.fabrique_index
    for plan in ctx.thread_plans:
        for post in plan.posts:
            if post.author.fabrique is not None:
                fabrique = ctx.fabriques[index_of[post.author.fabrique.name]]
                fabrique.last_activity_at = max(fabrique.last_activity_at, post.created_at)
