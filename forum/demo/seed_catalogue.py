"""The demo's shared catalogue, first part: resources of three kinds and their photos.

Steps ``build_resources`` and ``build_photos`` run after the forum's, each with its own random
stream, so the forum stays the same for a given seed; ``forum.demo.seed_loans`` follows. Each
plans in memory, then writes with one ``add_all`` + ``flush``.

Times: every moment is ``now`` minus an offset, moved into working hours by
``DemoContext.daytime`` when written, so two runs with the same seed on the same day give the
same catalogue, whatever the time.

Why rows and not ``forum.resources.services.create_resource``: the service stamps the present
moment (``updated_at``), requires a manager as the actor and writes one resource at a time,
while the demo lists resources over fourteen months. Photos are stored as
``forum.resources.photos`` stores uploads, with each distinct picture processed once.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from flask import current_app

from forum.core.markdown import render_markdown
from forum.demo import catalogue, places
from forum.demo.context import DemoContext
from forum.demo.pictures import draw_picture
from forum.demo.plans import ResourcePlan
from forum.demo.writer import finish
from forum.fabriques.models import Fabrique
from forum.fabriques.standard_checks import phone_for_display
from forum.resources.models import CATEGORIES, CONDITIONS, Photo, Resource, ResourceKind
from forum.resources.photos import PhotoStore, ProcessedImage, delete_files_on_rollback, process_upload, store_in

RESOURCE_TARGET = 320  # at least, over all fabriques
RESOURCES_PER_FABRIQUE = (3, 12)
FABRIQUES_WITHOUT_RESOURCES = 3
PAUSED_RESOURCES = 9
CATALOGUE_DAYS = 420  # the first resources were listed about fourteen months ago
PHOTO_COUNTS = ((0, 10), (1, 40), (2, 32), (3, 18))  # (photos, weight)
# The word drawn on the "other views" of each category (plain ASCII: see forum.demo.pictures).
CATEGORY_WORDS = {
    "fabrication-numerique": "FABLAB", "audiovisuel": "AUDIOVISUEL", "informatique": "NUMERIQUE",
    "outillage": "OUTILS", "mobilier": "MOBILIER", "jardin": "JARDIN", "cuisine": "CUISINE",
    "evenementiel": "EVENEMENT", "salle-de-reunion": "REUNION", "atelier": "ATELIER",
    "salle-polyvalente": "SALLE", "bureau": "BUREAU", "exterieur": "PLEIN AIR", "guide": "GUIDE",
    "kit-de-formation": "FORMATION", "modele": "MODELE", "competence": "SAVOIR-FAIRE", "contact": "CONTACT",
}


# -- Resources ---------------------------------------------------------------------------

def build_resources(ctx: DemoContext) -> list[Resource]:
    """At least RESOURCE_TARGET resources: about 55 % equipment, 25 % rooms, 20 % know-how."""
    rng = ctx.rng("resources")
    counts = _resource_counts(ctx, rng)
    uses: dict[str, int] = {}
    ctx.resource_plans = []
    for index, fabrique in enumerate(ctx.fabriques):
        total = counts[index]
        if not total:
            continue
        rooms = min(4, max(0, round(total * 0.25 + rng.uniform(-0.6, 0.6))))
        know_how = min(3, max(0, round(total * 0.2 + rng.uniform(-0.6, 0.6))))
        equipment = total - rooms - know_how
        plans = (_equipment(index, fabrique, equipment, uses, rng)
                 + _rooms(index, fabrique, rooms, rng)
                 + _know_how(ctx, index, fabrique, know_how, uses, rng))
        for plan in plans:
            resource = plan.resource
            resource.fabrique_id = fabrique.id
            resource.description_html = render_markdown(resource.description_source)
            plan.listed_at = _listed_at(ctx, fabrique, rng)
            resource.updated_at = plan.listed_at
            if rng.random() < 0.25:
                resource.updated_at += (ctx.now - plan.listed_at) * rng.uniform(0.05, 0.9)
        ctx.resource_plans.extend(plans)
    lendable = [plan for plan in ctx.resource_plans if plan.resource.kind.lendable]
    for plan in rng.sample(lendable, PAUSED_RESOURCES):
        plan.resource.paused = True
        plan.resource.updated_at = max(plan.listed_at, ctx.now - timedelta(days=rng.uniform(1, 60)))
    for plan in ctx.resource_plans:
        plan.resource.created_at = ctx.daytime(plan.listed_at)
        plan.resource.updated_at = ctx.daytime(plan.resource.updated_at)
    resources = [plan.resource for plan in ctx.resource_plans]
    ctx.session.add_all(resources)
    ctx.session.flush()
    ctx.counts["ressources"] = len(resources)
    return resources


def _resource_counts(ctx: DemoContext, rng: random.Random) -> list[int]:
    low, high = RESOURCES_PER_FABRIQUE
    without = set(rng.sample(range(len(ctx.fabriques)), FABRIQUES_WITHOUT_RESOURCES))
    counts = [0 if index in without else rng.randint(low, high) for index in range(len(ctx.fabriques))]
    growing = [index for index in range(len(counts)) if index not in without]
    while sum(counts) < RESOURCE_TARGET:
        index = rng.choice(growing)
        if counts[index] < high:
            counts[index] += 1
    return counts


def _listed_at(ctx: DemoContext, fabrique: Fabrique, rng: random.Random) -> datetime:
    """When a resource was listed: mostly in the catalogue's first months, never before its fabrique."""
    start = ctx.now - timedelta(days=CATALOGUE_DAYS)
    listed = start + timedelta(days=(CATALOGUE_DAYS - 5) * rng.random() ** 1.6, minutes=rng.randint(0, 600))
    listed = max(listed, fabrique.created_at + timedelta(days=rng.uniform(1, 20)))
    return min(listed, ctx.now - timedelta(hours=rng.uniform(6, 30)))


def _equipment(index: int, fabrique: Fabrique, count: int, uses: dict[str, int],
               rng: random.Random) -> list[ResourcePlan]:
    spec = places.FABRIQUES[index]
    weights_by_category = {category: catalogue.BASE_CATEGORY_WEIGHT
                           for category in CATEGORIES[ResourceKind.EQUIPMENT]}
    for module in spec.modules:
        for category, weight in catalogue.CATEGORY_WEIGHTS.get(module, {}).items():
            weights_by_category[category] += weight
    per_category = {category: sum(item.category == category for item in catalogue.EQUIPMENT)
                    for category in weights_by_category}
    candidates = list(catalogue.EQUIPMENT)
    plans = []
    for _ in range(count):
        weights = [weights_by_category[item.category] / per_category[item.category]
                   / (1 + 0.6 * uses.get(item.word, 0)) for item in candidates]
        item = candidates.pop(rng.choices(range(len(candidates)), weights)[0])
        uses[item.word] = uses.get(item.word, 0) + 1
        quantity = rng.randint(*item.quantity)
        low, high = item.days
        description = item.blurb + "\n\n**Fourni avec :**\n\n" + "\n".join(f"- {line}" for line in item.includes)
        if quantity > 1:
            description += (f"\n\nNous en avons {quantity} : indiquez dans votre demande combien il vous en "
                            "faut.")
        if rng.random() < 0.6:
            description += "\n\n" + rng.choice(catalogue.TIPS[item.category])
        conditions = catalogue.USAGE_CONDITIONS[item.category]
        resource = Resource(
            kind=ResourceKind.EQUIPMENT, name=rng.choice(item.names), category=item.category,
            description_source=description, quantity=quantity,
            condition=rng.choices(list(CONDITIONS), weights=(2, 5, 6, 2))[0],
            deposit_euros=rng.choice(item.deposits),
            max_loan_days=rng.choice([days for days in (3, 5, 7, 10, 14, 21, 30) if low <= days <= high]),
            pickup_place=_pickup_place(fabrique, rng),
            usage_conditions="\n".join(rng.sample(conditions, rng.randint(2, min(3, len(conditions))))),
        )
        plans.append(ResourcePlan(resource, index, item.word))
    return plans


def _pickup_place(fabrique: Fabrique, rng: random.Random) -> str:
    return finish(rng.choice(catalogue.PICKUP_PLACES).format(
        fabrique=fabrique.name, address=fabrique.address, postal_code=fabrique.postal_code, city=fabrique.city))


def _rooms(index: int, fabrique: Fabrique, count: int,
           rng: random.Random) -> list[ResourcePlan]:
    """The fabrique's own rooms (from its profile) first, then rooms that fit its modules."""
    modules = set(places.FABRIQUES[index].modules)
    plans: list[ResourcePlan] = []
    names: set[str] = set()
    for space in fabrique.spaces[:count]:
        category, layout, word, blurb = catalogue.PROFILE_ROOMS[space.name]
        plans.append(_room(index, space.name, category, layout, word, blurb, space.capacity,
                                space.equipment, rng))
        names.add(space.name)
    candidates = [room for room in catalogue.ROOMS if not room.modules or modules & set(room.modules)]
    rng.shuffle(candidates)
    for room in candidates:
        if len(plans) >= count:
            break
        seats = rng.randint(*room.capacity)
        name = rng.choice(room.names).format(proper=rng.choice(catalogue.ROOM_PROPER_NAMES), places=seats)
        if any(name.split(" (")[0] == other.split(" (")[0] for other in names):
            continue
        names.add(name)
        equipment = ", ".join(rng.sample(room.equipment, min(len(room.equipment), rng.randint(3, 5))))
        plans.append(_room(index, name, room.category, room.layout, room.word, room.blurb, seats,
                                equipment, rng))
    return plans


def _room(index: int, name: str, category: str, layout: str, word: str, blurb: str, places: int,
          equipment: str, rng: random.Random) -> ResourcePlan:
    meeting = workshop = standing = None
    if layout == "meeting":
        meeting = places
        workshop = round(places * 0.6) if rng.random() < 0.5 else None
        surface = places * rng.uniform(1.8, 2.6)
    elif layout == "workshop":
        workshop = places
        meeting = round(places * 1.3) if rng.random() < 0.4 else None
        surface = places * rng.uniform(3.5, 5)
    elif layout == "hall":
        meeting = places
        workshop = round(places * 0.4) if rng.random() < 0.6 else None
        standing = round(places * 1.8 / 10) * 10
        surface = places * rng.uniform(1.2, 1.6)
    elif layout == "office":
        meeting = places
        surface = rng.uniform(10, 25)
    else:  # outdoor
        standing = places
        workshop = round(places * 0.3) if rng.random() < 0.5 else None
        surface = places * rng.uniform(2, 4)
    surface_m2 = int(round(surface / 5) * 5) or 5
    description = blurb.format(places=places, surface=surface_m2)
    if rng.random() < 0.6:
        description += "\n\n" + rng.choice(catalogue.ROOM_NOTES)
    if rng.random() < 0.5:
        purposes = rng.sample(catalogue.ROOM_USES, 3)
        description += "\n\n**Idéal pour :**\n\n" + "\n".join(f"- {purpose}" for purpose in purposes)
    resource = Resource(
        kind=ResourceKind.SPACE, name=name, category=category, description_source=description, quantity=1,
        capacity_meeting=meeting, capacity_workshop=workshop, capacity_standing=standing,
        surface_m2=None if layout == "outdoor" and rng.random() < 0.4 else surface_m2,
        room_equipment=equipment, accessibility=rng.choice(catalogue.ACCESSIBILITY),
        price_conditions=rng.choice(catalogue.PRICES), max_loan_days=rng.choice(catalogue.ROOM_MAX_DAYS),
    )
    return ResourcePlan(resource, index, word)


def _know_how(ctx: DemoContext, index: int, fabrique: Fabrique, count: int, uses: dict[str, int],
              rng: random.Random) -> list[ResourcePlan]:
    members = [member for member, role, _ in ctx.active_members(index)]
    candidates = [item for item in catalogue.KNOW_HOW if uses.get(item.name, 0) < 2]
    plans = []
    for _ in range(count):
        weights = [1 / (1 + 3 * uses.get(item.name, 0)) for item in candidates]
        item = candidates.pop(rng.choices(range(len(candidates)), weights)[0])
        uses[item.name] = uses.get(item.name, 0) + 1
        user = ctx.users[rng.choice(members)]
        contact = (f"{user.display_name} — {user.email}" if rng.random() < 0.7
                   else f"{fabrique.contact_email} ({phone_for_display(fabrique.phone)})")
        licences, weights = zip(*catalogue.LICENCE_WEIGHTS)
        resource = Resource(
            kind=ResourceKind.KNOW_HOW, name=item.name, category=item.category,
            description_source=item.body + "\n\n" + rng.choice(catalogue.KNOW_HOW_ENDINGS[item.category]),
            quantity=1, licence=rng.choices(licences, weights)[0], contact=contact,
        )
        plans.append(ResourcePlan(resource, index, CATEGORY_WORDS[item.category]))
    return plans


# -- Photos ------------------------------------------------------------------------------

def build_photos(ctx: DemoContext) -> list[Photo]:
    """0 to 3 drawn photos per resource, stored like uploads (files under instance/uploads).

    Drawing and re-encoding a picture is the slow part (about 35 ms), so each distinct
    picture is processed once and its bytes are written again for every resource that
    shows it: every photo row still has its own files.
    """
    rng = ctx.rng("photos")
    store = store_in(current_app.instance_path)
    processed: dict[tuple[str, str, int], ProcessedImage] = {}
    photos = []
    counts, weights = zip(*PHOTO_COUNTS)
    for plan in ctx.resource_plans:
        resource = plan.resource
        for position in range(rng.choices(counts, weights)[0]):
            category = resource.category
            key = (category, plan.word, 0) if position == 0 else (category, CATEGORY_WORDS[category], position)
            if key not in processed:
                processed[key] = process_upload(draw_picture(*key, shade=str(ctx.seed)))
            photo = _stored_photo(ctx, resource, processed[key], store, position)
            photo.created_at = ctx.daytime(plan.listed_at + timedelta(minutes=2 + position))
            photos.append(photo)
    ctx.session.add_all(photos)
    ctx.session.flush()
    ctx.counts["photos"] = len(photos)
    return photos


def _stored_photo(ctx: DemoContext, resource: Resource, image: ProcessedImage, store: PhotoStore,
                  position: int) -> Photo:
    """What ``forum.resources.photos.photo_from_bytes`` does, for an image already processed."""
    names: list[str] = []
    try:
        names.append(store.save(image.full))
        names.append(store.save(image.thumbnail))
    finally:
        delete_files_on_rollback(ctx.session, store, names)  # kept only if the seed commits
    return Photo(resource_id=resource.id, filename=names[0], thumbnail=names[1], width=image.width,
                 height=image.height, position=position)
