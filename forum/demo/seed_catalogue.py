"""The demo's shared catalogue: resources of three kinds, their photos, loans and notifications.

``CatalogueSteps`` is a part of ``forum.demo.seed.DemoBuilder``: its ``build_*`` steps run after
the forum's, each with its own random stream, so the forum stays the same for a given seed.
Everything is planned in memory, then written in a few ``add_all`` + ``flush`` batches.

Times: every moment is ``now`` plus or minus an offset (as in the rest of the demo), and loan
periods are calendar days around today (Paris). Two runs with the same seed on the same day
therefore give the same catalogue, whatever the time.

Loans follow the rules of ``forum.resources.services``: a fabrique never borrows its own
resource, the requester is an active member of the borrowing fabrique, the owner's managers
accept, decline, lend and take back, and accepted or running loans never hold more than the
stock on any day (checked with ``forum.resources.loans.shortages`` before each booking).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING

from flask import current_app

from forum.core.dates import PARIS, day_fr
from forum.core.markdown import render_markdown
from forum.demo import catalogue, places
from forum.demo.pictures import draw_picture
from forum.demo.writer import finish
from forum.fabriques.models import Fabrique, MembershipRole, MembershipStatus
from forum.notifications.models import Notification
from forum.resources.loans import Booking, shortages, usage_by_day
from forum.resources.models import (
    CATEGORIES,
    CONDITIONS,
    Loan,
    LoanEvent,
    LoanMessage,
    LoanState,
    Photo,
    Resource,
    ResourceKind,
)
from forum.resources.photos import PhotoStore, ProcessedImage, delete_files_on_rollback, process_upload, store_in

if TYPE_CHECKING:
    from forum.demo.seed import DemoBuilder

RESOURCE_TARGET = 320  # at least, over all fabriques
RESOURCES_PER_FABRIQUE = (3, 12)
FABRIQUES_WITHOUT_RESOURCES = 3
PAUSED_RESOURCES = 9
CATALOGUE_DAYS = 420  # the first resources were listed about fourteen months ago
PHOTO_COUNTS = ((0, 10), (1, 40), (2, 32), (3, 18))  # (photos, weight)
# Loans to plan, by state ("overdue" is a lent loan past its end date). Bookings come first.
LOAN_TARGETS: tuple[tuple[str, int], ...] = (
    ("returned", 92), ("overdue", 7), ("lent", 17), ("accepted", 34), ("requested", 26), ("declined", 22),
    ("cancelled", 24),
)
MAX_BORROWING_KM = 900  # farther, nobody borrows (overseas fabriques lend to their own territory)
NOTIFICATION_DAYS = 30  # in-app notifications are kept for the events of the last month
# The word drawn on the "other views" of each category (plain ASCII: see forum.demo.pictures).
CATEGORY_WORDS = {
    "fabrication-numerique": "FABLAB", "audiovisuel": "AUDIOVISUEL", "informatique": "NUMERIQUE",
    "outillage": "OUTILS", "mobilier": "MOBILIER", "jardin": "JARDIN", "cuisine": "CUISINE",
    "evenementiel": "EVENEMENT", "salle-de-reunion": "REUNION", "atelier": "ATELIER",
    "salle-polyvalente": "SALLE", "bureau": "BUREAU", "exterieur": "PLEIN AIR", "guide": "GUIDE",
    "kit-de-formation": "FORMATION", "modele": "MODELE", "competence": "SAVOIR-FAIRE", "contact": "CONTACT",
}
LOAN_STATE_NEWS = {
    LoanState.ACCEPTED: "{owner} a accepté votre demande pour « {resource} » {period}.",
    LoanState.DECLINED: "{owner} a refusé votre demande pour « {resource} » {period}.",
    LoanState.CANCELLED: "{borrower} a annulé sa demande pour « {resource} » {period}.",
    LoanState.LENT: "« {resource} » est noté comme retiré par {borrower}.",
    LoanState.RETURNED: "« {resource} » est noté comme rendu. Merci !",
}


@dataclass
class ResourcePlan:
    """A resource and what the later steps need to know about it."""

    resource: Resource
    fabrique_index: int
    word: str  # drawn on its cover photo
    listed_at: datetime | None = None  # when it was listed, before ``_daytime`` (what loans are planned from)


@dataclass
class LoanPlan:
    plan: ResourcePlan
    state: LoanState
    borrower: int  # fabrique index
    requester: int  # member index
    quantity: int
    start: date
    end: date
    message: str = ""
    return_note: str = ""
    # (moment, from state, to state, member index of the actor, note)
    events: list[tuple[datetime, LoanState | None, LoanState, int, str]] = field(default_factory=list)
    messages: list[tuple[datetime, int, str]] = field(default_factory=list)  # (moment, author, Markdown)
    reminders: dict[str, datetime] = field(default_factory=dict)


class CatalogueSteps:
    """The catalogue's steps of the demo builder (a mixin of ``DemoBuilder``)."""

    resource_plans: list[ResourcePlan]
    loan_plans: list[LoanPlan]

    # -- Resources ---------------------------------------------------------------------------

    def build_resources(self: DemoBuilder) -> list[Resource]:
        """At least RESOURCE_TARGET resources: about 55 % equipment, 25 % rooms, 20 % know-how."""
        rng = self.rng("resources")
        counts = self._resource_counts(rng)
        uses: dict[str, int] = {}
        self.resource_plans = []
        for index, fabrique in enumerate(self.fabriques):
            total = counts[index]
            if not total:
                continue
            rooms = min(4, max(0, round(total * 0.25 + rng.uniform(-0.6, 0.6))))
            know_how = min(3, max(0, round(total * 0.2 + rng.uniform(-0.6, 0.6))))
            equipment = total - rooms - know_how
            plans = (self._equipment(index, fabrique, equipment, uses, rng)
                     + self._rooms(index, fabrique, rooms, rng)
                     + self._know_how(index, fabrique, know_how, uses, rng))
            for plan in plans:
                resource = plan.resource
                resource.fabrique_id = fabrique.id
                resource.description_html = render_markdown(resource.description_source)
                plan.listed_at = self._listed_at(fabrique, rng)
                resource.updated_at = plan.listed_at
                if rng.random() < 0.25:
                    resource.updated_at += (self.now - plan.listed_at) * rng.uniform(0.05, 0.9)
            self.resource_plans.extend(plans)
        lendable = [plan for plan in self.resource_plans if plan.resource.kind.lendable]
        for plan in rng.sample(lendable, PAUSED_RESOURCES):
            plan.resource.paused = True
            plan.resource.updated_at = max(plan.listed_at, self.now - timedelta(days=rng.uniform(1, 60)))
        for plan in self.resource_plans:
            plan.resource.created_at = self._daytime(plan.listed_at)
            plan.resource.updated_at = self._daytime(plan.resource.updated_at)
        resources = [plan.resource for plan in self.resource_plans]
        self.session.add_all(resources)
        self.session.flush()
        self.counts["ressources"] = len(resources)
        return resources

    def _resource_counts(self: DemoBuilder, rng: random.Random) -> list[int]:
        low, high = RESOURCES_PER_FABRIQUE
        without = set(rng.sample(range(len(self.fabriques)), FABRIQUES_WITHOUT_RESOURCES))
        counts = [0 if index in without else rng.randint(low, high) for index in range(len(self.fabriques))]
        growing = [index for index in range(len(counts)) if index not in without]
        while sum(counts) < RESOURCE_TARGET:
            index = rng.choice(growing)
            if counts[index] < high:
                counts[index] += 1
        return counts

    def _listed_at(self: DemoBuilder, fabrique: Fabrique, rng: random.Random) -> datetime:
        """When a resource was listed: mostly in the catalogue's first months, never before its fabrique."""
        start = self.now - timedelta(days=CATALOGUE_DAYS)
        listed = start + timedelta(days=(CATALOGUE_DAYS - 5) * rng.random() ** 1.6, minutes=rng.randint(0, 600))
        listed = max(listed, fabrique.created_at + timedelta(days=rng.uniform(1, 20)))
        return min(listed, self.now - timedelta(hours=rng.uniform(6, 30)))

    def _equipment(self: DemoBuilder, index: int, fabrique: Fabrique, count: int, uses: dict[str, int],
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
                pickup_place=self._pickup_place(fabrique, rng),
                usage_conditions="\n".join(rng.sample(conditions, rng.randint(2, min(3, len(conditions))))),
            )
            plans.append(ResourcePlan(resource, index, item.word))
        return plans

    @staticmethod
    def _pickup_place(fabrique: Fabrique, rng: random.Random) -> str:
        return finish(rng.choice(catalogue.PICKUP_PLACES).format(
            fabrique=fabrique.name, address=fabrique.address, postal_code=fabrique.postal_code, city=fabrique.city))

    def _rooms(self: DemoBuilder, index: int, fabrique: Fabrique, count: int,
               rng: random.Random) -> list[ResourcePlan]:
        """The fabrique's own rooms (from its profile) first, then rooms that fit its modules."""
        modules = set(places.FABRIQUES[index].modules)
        plans: list[ResourcePlan] = []
        names: set[str] = set()
        for space in fabrique.spaces[:count]:
            category, layout, word, blurb = catalogue.PROFILE_ROOMS[space.name]
            plans.append(self._room(index, space.name, category, layout, word, blurb, space.capacity,
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
            plans.append(self._room(index, name, room.category, room.layout, room.word, room.blurb, seats,
                                    equipment, rng))
        return plans

    @staticmethod
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

    def _know_how(self: DemoBuilder, index: int, fabrique: Fabrique, count: int, uses: dict[str, int],
                  rng: random.Random) -> list[ResourcePlan]:
        members = [member for member, role, _ in self._active_members(index)]
        candidates = [item for item in catalogue.KNOW_HOW if uses.get(item.name, 0) < 2]
        plans = []
        for _ in range(count):
            weights = [1 / (1 + 3 * uses.get(item.name, 0)) for item in candidates]
            item = candidates.pop(rng.choices(range(len(candidates)), weights)[0])
            uses[item.name] = uses.get(item.name, 0) + 1
            user = self.users[rng.choice(members)]
            contact = (f"{user.display_name} — {user.email}" if rng.random() < 0.7
                       else f"{fabrique.contact_email} ({fabrique.phone})")
            licences, weights = zip(*catalogue.LICENCE_WEIGHTS)
            resource = Resource(
                kind=ResourceKind.KNOW_HOW, name=item.name, category=item.category,
                description_source=item.body + "\n\n" + rng.choice(catalogue.KNOW_HOW_ENDINGS[item.category]),
                quantity=1, licence=rng.choices(licences, weights)[0], contact=contact,
            )
            plans.append(ResourcePlan(resource, index, CATEGORY_WORDS[item.category]))
        return plans

    # -- Photos ------------------------------------------------------------------------------

    def build_photos(self: DemoBuilder) -> list[Photo]:
        """0 to 3 drawn photos per resource, stored like uploads (files under instance/uploads).

        Drawing and re-encoding a picture is the slow part (about 35 ms), so each distinct
        picture is processed once and its bytes are written again for every resource that
        shows it: every photo row still has its own files.
        """
        rng = self.rng("photos")
        store = store_in(current_app.instance_path)
        processed: dict[tuple[str, str, int], ProcessedImage] = {}
        photos = []
        counts, weights = zip(*PHOTO_COUNTS)
        for plan in self.resource_plans:
            resource = plan.resource
            for position in range(rng.choices(counts, weights)[0]):
                category = resource.category
                key = (category, plan.word, 0) if position == 0 else (category, CATEGORY_WORDS[category], position)
                if key not in processed:
                    processed[key] = process_upload(draw_picture(*key, shade=str(self.seed)))
                photo = self._stored_photo(resource, processed[key], store, position)
                photo.created_at = self._daytime(plan.listed_at + timedelta(minutes=2 + position))
                photos.append(photo)
        self.session.add_all(photos)
        self.session.flush()
        self.counts["photos"] = len(photos)
        return photos

    def _stored_photo(self: DemoBuilder, resource: Resource, image: ProcessedImage, store: PhotoStore,
                      position: int) -> Photo:
        """What ``forum.resources.photos.photo_from_bytes`` does, for an image already processed."""
        names: list[str] = []
        try:
            names.append(store.save(image.full))
            names.append(store.save(image.thumbnail))
        finally:
            delete_files_on_rollback(self.session, store, names)  # kept only if the seed commits
        return Photo(resource_id=resource.id, filename=names[0], thumbnail=names[1], width=image.width,
                     height=image.height, position=position)

    # -- Loans -------------------------------------------------------------------------------

    def build_loans(self: DemoBuilder) -> list[Loan]:
        """Loans in every state between fabriques, with their history and conversations."""
        rng = self.rng("loans")
        self._today = self.now.astimezone(PARIS).date()
        lendable = [plan for plan in self.resource_plans if plan.resource.kind.lendable]
        popularity = [rng.lognormvariate(0, 0.9) for _ in lendable]
        holds: dict[int, list[Booking]] = {id(plan): [] for plan in lendable}
        self.loan_plans = []
        for state, target in LOAN_TARGETS:
            made = attempts = 0
            while made < target and attempts < target * 60:
                attempts += 1
                plan = rng.choices(lendable, popularity)[0]
                loan = self._plan_loan(plan, state, holds[id(plan)], rng)
                if loan is not None:
                    self.loan_plans.append(loan)
                    made += 1
        self.loan_plans.sort(key=lambda loan: loan.events[0][0])

        loans = []
        daytime = self._daytime
        for plan in self.loan_plans:
            resource = plan.plan.resource
            reminders = {kind: daytime(moment) for kind, moment in plan.reminders.items()}
            loans.append(Loan(
                resource_id=resource.id, owner_fabrique_id=resource.fabrique_id,
                borrower_fabrique_id=self.fabriques[plan.borrower].id, requested_by_id=self.users[plan.requester].id,
                state=plan.state, quantity=plan.quantity, start_date=plan.start, end_date=plan.end,
                message=plan.message, return_note=plan.return_note, created_at=daytime(plan.events[0][0]),
                updated_at=daytime(plan.events[-1][0]), start_reminder_sent_at=reminders.get("start"),
                end_reminder_sent_at=reminders.get("end"), overdue_notice_sent_at=reminders.get("overdue"),
            ))
        self.session.add_all(loans)
        self.session.flush()
        rows: list[LoanEvent | LoanMessage] = []
        for plan, loan in zip(self.loan_plans, loans):
            for moment, from_state, to_state, actor, note in plan.events:
                rows.append(LoanEvent(loan_id=loan.id, actor_id=self.users[actor].id, from_state=from_state,
                                      to_state=to_state, note=note, created_at=daytime(moment)))
            for moment, author, body in plan.messages:
                rows.append(LoanMessage(loan_id=loan.id, author_id=self.users[author].id, body_source=body,
                                        body_html=render_markdown(body), created_at=daytime(moment)))
        self.session.add_all(rows)
        self.session.flush()
        self._loans = loans
        self.counts["prêts"] = len(loans)
        self.counts["messages de prêt"] = sum(len(plan.messages) for plan in self.loan_plans)
        return loans

    def _day(self: DemoBuilder, day: date) -> datetime:
        """``now`` moved to ``day``: the moment loans of that day are measured from."""
        return self.now + timedelta(days=(day - self._today).days)

    def _daytime(self: DemoBuilder, moment: datetime) -> datetime:
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

    def _plan_loan(self: DemoBuilder, plan: ResourcePlan, state: str, holds: list[Booking],
                   rng: random.Random) -> LoanPlan | None:
        resource, today = plan.resource, self._today
        if resource.paused and state in ("overdue", "lent", "accepted", "requested"):
            return None
        is_room = resource.kind is ResourceKind.SPACE
        if is_room and state == "overdue":  # a room is not "brought back late"
            return None
        durations = (1, 1, 1, 1, 2, 2, 3) if is_room else (1, 2, 2, 3, 3, 4, 5, 7, 7, 10, 14)
        length = min(rng.choice(durations), resource.max_loan_days or 90)
        past = state in ("returned", "overdue") or (state in ("declined", "cancelled")
                                                    and (resource.paused or rng.random() < 0.5))
        if state == "returned":
            end = today - timedelta(days=int(1 + 300 * rng.random() ** 1.3))
            start = end - timedelta(days=length - 1)
        elif state == "overdue":
            end = today - timedelta(days=rng.randint(1, 12))
            start = end - timedelta(days=length - 1)
        elif state == "lent":
            start = today - timedelta(days=rng.randint(0, length - 1))
            end = start + timedelta(days=length - 1)
        elif past:  # declined or cancelled, for a period now over
            start = today - timedelta(days=rng.randint(2, 250))
            end = start + timedelta(days=length - 1)
        else:  # accepted, requested, or declined / cancelled ahead
            ahead = 0 if state == "accepted" and rng.random() < 0.06 else int(1 + 90 * rng.random() ** 1.5)
            start = today + timedelta(days=ahead)
            end = start + timedelta(days=length - 1)

        # When it was asked: before a past period; recently for a period still ahead.
        if past or state == "lent":
            lead = min(40.0, 0.5 + rng.lognormvariate(math.log(7), 0.7))
            requested_at = self._day(start) - timedelta(days=lead, hours=rng.uniform(0, 8))
        elif state == "requested":
            days = rng.uniform(0.04, 4) if rng.random() < 0.75 else rng.uniform(4, 10)
            requested_at = self.now - timedelta(days=days)
        else:
            requested_at = self.now - timedelta(days=rng.uniform(0.5, 30))
        if requested_at < plan.listed_at + timedelta(hours=2):
            return None

        owner = plan.fabrique_index
        borrower = self._borrower(owner, is_room, requested_at, rng)
        if borrower is None:
            return None
        requester = self._pick_member(borrower, requested_at, rng)

        stock = resource.quantity
        quantity = 1 if stock == 1 else (stock if rng.random() < 0.25 else rng.randint(1, stock))
        if state in ("returned", "overdue", "lent", "accepted", "requested"):
            held_until = max(end, today + timedelta(days=5)) if state == "overdue" else end
            used = max(usage_by_day(holds, start, held_until).values())
            if used >= stock:
                return None
            quantity = min(quantity, stock - used)
            assert not shortages(holds, start, held_until, quantity, stock)
            if state != "requested":
                holds.append(Booking(start, held_until, quantity))

        loan = LoanPlan(plan, LoanState.LENT if state == "overdue" else LoanState(state), borrower, requester,
                        quantity, start, end)
        loan.message = self._request_message(loan, rng)
        self._history(loan, state, requested_at, rng)
        self._conversation(loan, state, rng)
        return loan

    def _borrower(self: DemoBuilder, owner: int, is_room: bool, requested_at: datetime,
                  rng: random.Random) -> int | None:
        """A fabrique near the owner, that existed when the request was made."""
        home = self.fabriques[owner]
        scale = 150.0 if is_room else 300.0
        candidates, weights = [], []
        for index, fabrique in enumerate(self.fabriques):
            if index == owner or fabrique.created_at > requested_at - timedelta(days=1):
                continue
            distance = _km(home.latitude, home.longitude, fabrique.latitude, fabrique.longitude)
            if distance <= MAX_BORROWING_KM:
                candidates.append(index)
                weights.append(math.exp(-distance / scale))
        if not candidates:
            return None
        return rng.choices(candidates, weights)[0]

    def _active_members(self: DemoBuilder, fabrique_index: int) -> list[tuple[int, MembershipRole, datetime]]:
        """(member index, role, date the membership was accepted) of the fabrique's active members."""
        return [(member, role, self._membership_dates[member][1])
                for member, index, role, status in self.memberships
                if index == fabrique_index and status is MembershipStatus.ACTIVE]

    def _pick_member(self: DemoBuilder, fabrique_index: int, moment: datetime, rng: random.Random,
                     managers: bool = False) -> int:
        """An active member (or manager) of the fabrique who had joined by ``moment``.

        The founder joined when the fabrique was created, before anything it lends or borrows.
        """
        eligible = [(decided, member, role) for member, role, decided in self._active_members(fabrique_index)
                    if role is MembershipRole.MANAGER or not managers]
        # A day's margin: ``_daytime`` may move the moment written up to half a day earlier.
        members = [(member, role) for decided, member, role in eligible if decided <= moment - timedelta(days=1)]
        if not members:  # not expected (see above); the first to have joined, rather than nobody
            members = [min(eligible, key=lambda entry: entry[0])[1:]]
        weights = [2.0 if role is MembershipRole.MANAGER else 1.0 for _, role in members]
        return rng.choices([member for member, _ in members], weights)[0]

    def _request_message(self: DemoBuilder, loan: LoanPlan, rng: random.Random) -> str:
        resource = loan.plan.resource
        is_room = resource.kind is ResourceKind.SPACE
        template = rng.choice(catalogue.ROOM_REQUEST_MESSAGES if is_room else catalogue.REQUEST_MESSAGES)
        purpose = rng.choice(catalogue.PURPOSES["espace" if is_room else resource.category])
        quantity = f" ({loan.quantity} exemplaires)" if loan.quantity > 1 else ""
        return finish(template.format(purpose=purpose, resource=resource.name, quantity=quantity,
                                      first_name=self.personas[loan.requester].first_name,
                                      fabrique=self.fabriques[loan.borrower].name))

    def _history(self: DemoBuilder, loan: LoanPlan, state: str, requested_at: datetime, rng: random.Random) -> None:
        """The loan's events, from the request to its state, at increasing moments, none in the future."""
        owner = loan.plan.fabrique_index
        start_at = self._day(loan.start)
        events = loan.events
        events.append((requested_at, None, LoanState.REQUESTED, loan.requester, ""))

        def answer(after: datetime, before: datetime) -> datetime:
            gap = before - after
            return after + min(gap * rng.uniform(0.05, 0.5), timedelta(days=rng.uniform(0.1, 4)))

        def by_owner(moment: datetime) -> int:
            return self._pick_member(owner, moment, rng, managers=True)

        horizon = min(start_at, self.now)
        if state in ("returned", "overdue", "lent"):
            lent_at = start_at - timedelta(hours=rng.uniform(0, 6))
            accepted_at = answer(requested_at, lent_at)
            events.append((accepted_at, LoanState.REQUESTED, LoanState.ACCEPTED, by_owner(accepted_at),
                           rng.choice(catalogue.ACCEPT_NOTES)))
            events.append((lent_at, LoanState.ACCEPTED, LoanState.LENT, by_owner(lent_at), ""))
            reminder = self._day(loan.start - timedelta(days=1)) - timedelta(hours=rng.uniform(0, 2))
            if reminder > accepted_at:
                loan.reminders["start"] = reminder
            if loan.end < self._today:
                reminder = self._day(loan.end - timedelta(days=1)) - timedelta(hours=rng.uniform(0, 2))
                if reminder > lent_at:
                    loan.reminders["end"] = reminder
            if state == "returned":
                returned_at = max(self._day(loan.end) + timedelta(hours=rng.uniform(2, 20)),
                                  lent_at + timedelta(hours=1))
                returned_at = min(returned_at, self.now - timedelta(minutes=10))
                resource = loan.plan.resource
                notes = catalogue.ROOM_RETURN_NOTES if resource.kind is ResourceKind.SPACE else \
                    catalogue.RETURN_NOTES + catalogue.CATEGORY_RETURN_NOTES.get(resource.category, ())
                loan.return_note = rng.choice(notes) if rng.random() < 0.85 else ""
                events.append((returned_at, LoanState.LENT, LoanState.RETURNED, by_owner(returned_at),
                               loan.return_note))
            elif state == "overdue" and loan.end <= self._today - timedelta(days=2):
                noticed = self._day(loan.end + timedelta(days=1)) - timedelta(hours=rng.uniform(0, 2))
                loan.reminders["overdue"] = noticed
        elif state == "accepted":
            accepted_at = answer(requested_at, horizon)
            events.append((accepted_at, LoanState.REQUESTED, LoanState.ACCEPTED, by_owner(accepted_at),
                           rng.choice(catalogue.ACCEPT_NOTES)))
        elif state == "declined":
            declined_at = answer(requested_at, horizon)
            events.append((declined_at, LoanState.REQUESTED, LoanState.DECLINED, by_owner(declined_at),
                           rng.choice(catalogue.DECLINE_NOTES)))
        elif state == "cancelled":
            previous, since = LoanState.REQUESTED, requested_at
            if rng.random() < 0.4:
                since = answer(requested_at, horizon)
                events.append((since, LoanState.REQUESTED, LoanState.ACCEPTED, by_owner(since),
                               rng.choice(catalogue.ACCEPT_NOTES)))
                previous = LoanState.ACCEPTED
            cancelled_at = since + (horizon - since) * rng.uniform(0.1, 0.9)
            events.append((cancelled_at, previous, LoanState.CANCELLED, loan.requester,
                           rng.choice(catalogue.CANCEL_NOTES)))

    def _conversation(self: DemoBuilder, loan: LoanPlan, state: str, rng: random.Random) -> None:
        """A few messages between the requester and a manager of the owner, placed in the history."""
        chance = {"returned": 0.45, "overdue": 1.0, "lent": 0.6, "accepted": 0.55, "requested": 0.35,
                  "declined": 0.3, "cancelled": 0.2}[state]
        if rng.random() >= chance:
            return
        owner = loan.plan.fabrique_index
        times = [moment for moment, *_ in loan.events]
        requested_at, last = times[0], times[-1]
        owner_side: int | None = None
        lines: list[tuple[datetime, int, str]] = []

        def say(moment: datetime, author: int, template: str, other: int, **extra: str) -> None:
            persona = self.personas[author]
            text = template.format(other=self.personas[other].first_name, **extra)
            lines.append((moment, author, finish(text, persona.register)))

        def between(after: datetime, before: datetime, low: float = 0.1, high: float = 0.9) -> datetime:
            return after + (before - after) * rng.uniform(low, high)

        resource = loan.plan.resource
        is_room = resource.kind is ResourceKind.SPACE
        if is_room:
            questions = catalogue.ROOM_QUESTIONS
        else:
            questions = catalogue.QUESTIONS
            if resource.category in ("fabrication-numerique", "outillage"):
                questions += catalogue.CONSUMABLE_QUESTIONS
            if resource.deposit_euros:
                questions += catalogue.DEPOSIT_QUESTIONS
        decision = times[1] if len(times) > 1 else self.now
        if state in ("requested", "accepted", "lent", "returned", "cancelled") and rng.random() < 0.7:
            asked = between(requested_at, decision, 0.05, 0.4)
            owner_side = self._pick_member(owner, asked, rng, managers=True)
            question, answer = rng.choice(questions)
            say(asked, loan.requester, question, owner_side)
            if state != "requested" or rng.random() < 0.6:
                say(between(asked, decision, 0.3, 0.9), owner_side, answer, loan.requester)
        if state in ("accepted", "lent", "overdue") and rng.random() < 0.5:
            accepted_at = times[1]
            until = times[2] if len(times) > 2 else self.now
            author = owner_side or self._pick_member(owner, accepted_at, rng, managers=True)
            logistics = catalogue.ROOM_LOGISTICS if is_room else catalogue.LOGISTICS + (
                catalogue.DEPOSIT_LOGISTICS if resource.deposit_euros else ())
            say(between(accepted_at, until), author, rng.choice(logistics), loan.requester)
        if state == "lent" and rng.random() < 0.5:
            say(between(last, self.now), loan.requester,
                rng.choice(catalogue.ROOM_DURING if is_room else catalogue.DURING), owner_side or loan.requester)
        if state == "overdue":
            reminded = between(self._day(loan.end + timedelta(days=1)), self.now, 0.05, 0.5)
            author = owner_side or self._pick_member(owner, reminded, rng, managers=True)
            say(reminded, author, rng.choice(catalogue.OVERDUE_REMINDERS), loan.requester, end=day_fr(loan.end))
            if rng.random() < 0.7:
                say(between(reminded, self.now), loan.requester, rng.choice(catalogue.OVERDUE_ANSWERS), author)
        if state == "returned" and rng.random() < 0.6:
            say(between(last, min(last + timedelta(days=3), self.now)), loan.requester,
                rng.choice(catalogue.THANKS_AFTER), owner_side or loan.requester)
        if state == "declined":
            say(between(last, min(last + timedelta(days=2), self.now)), loan.requester,
                rng.choice(catalogue.AFTER_DECLINE), loan.requester)
        loan.messages = sorted(lines, key=lambda line: line[0])

    # -- Notifications -----------------------------------------------------------------------

    def build_notifications(self: DemoBuilder) -> list[Notification]:
        """The in-app notifications the last month of loans would have left, most of the older ones read."""
        rng = self.rng("notifications")
        since = self.now - timedelta(days=NOTIFICATION_DAYS)
        notifications = []
        for plan, loan in zip(self.loan_plans, self._loans):
            resource = plan.plan.resource
            owner, borrower = self.fabriques[plan.plan.fabrique_index], self.fabriques[plan.borrower]
            period = (f"le {day_fr(plan.start)}" if plan.start == plan.end
                      else f"du {day_fr(plan.start)} au {day_fr(plan.end)}")
            happenings: list[tuple[datetime, int, str, str, str, bool]] = []
            for moment, _from, to_state, actor, _note in plan.events:
                if to_state is LoanState.REQUESTED:
                    text = f"{borrower.name} demande « {resource.name} » {period}."
                else:
                    text = LOAN_STATE_NEWS[to_state].format(owner=owner.name, borrower=borrower.name,
                                                            resource=resource.name, period=period)
                to_owner = to_state in (LoanState.REQUESTED, LoanState.CANCELLED)
                happenings.append((moment, actor, f"loan.{to_state.value}", text, f"/prets/{loan.id}", to_owner))
            for moment, author, _body in plan.messages:
                text = f"{self.users[author].display_name} a écrit au sujet de « {resource.name} »."
                happenings.append((moment, author, "loan.message", text, f"/prets/{loan.id}#messages", False))
            for moment, actor, kind, text, link, to_owner in happenings:
                if moment < since:
                    continue
                owner_managers = self._managers_at(plan.plan.fabrique_index, moment)
                borrower_side = [plan.requester] + self._managers_at(plan.borrower, moment)
                if kind == "loan.message":
                    recipients = owner_managers + borrower_side
                else:
                    recipients = owner_managers if to_owner else borrower_side
                for member in dict.fromkeys(recipients):  # once each, in order
                    if member == actor:
                        continue
                    age = self.now - moment
                    read = rng.random() < (0.85 if age > timedelta(days=4) else 0.3)
                    read_at = moment + min(age * rng.uniform(0.05, 0.9), timedelta(days=rng.uniform(0.1, 3))) \
                        if read else None
                    notifications.append(Notification(
                        user_id=self.users[member].id, actor_id=self.users[actor].id, kind=kind, text=text[:300],
                        link=link, created_at=self._daytime(moment),
                        read_at=self._daytime(read_at) if read_at else None))
        notifications.sort(key=lambda notification: notification.created_at)
        self.session.add_all(notifications)
        self.session.flush()
        self.counts["notifications"] = len(notifications)
        return notifications

    def _managers_at(self: DemoBuilder, fabrique_index: int, moment: datetime) -> list[int]:
        return [member for member, role, decided in self._active_members(fabrique_index)
                if role is MembershipRole.MANAGER and decided <= moment]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 6371 * 2 * math.asin(min(1.0, math.sqrt(a)))
