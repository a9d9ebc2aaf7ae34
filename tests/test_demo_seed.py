"""The demo generator: volume, consistency of the denormalised data, determinism.

How long seeding takes is a figure, not a test: ``bench/seed.py`` measures it."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from datetime import timedelta
from itertools import pairwise

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from forum import create_app
from forum.accounts.models import Role, User
from forum.resources.rooms import CONFIRMED_AT_ONCE
from forum.accounts.names import name_key
from forum.accounts.passwords import verify_password
from forum.accounts.services import clean_display_name
from forum.core.dates import PARIS, today_in_france
from forum.core.errors import Conflict
from forum.core.markdown import render_markdown
from forum.core.visibility import AWAITING_APPROVAL
from forum.core.models import HiddenKind, utcnow
from forum.demo import people
from forum.demo.places import DEPARTMENT_CENTRES
from forum.demo.seed import ADMIN_EMAIL, DEMO_PASSWORD, seed_demo
from forum.extensions import db
from forum.moderation.queries import held_content
from forum.messages import services as message_services
from forum.messages.models import Conversation, ConversationMember, PrivateMessage
from forum.fabriques.geography import DEPARTMENTS
from forum.fabriques.models import (
    MODULES,
    Fabrique,
    Membership,
    MembershipRole,
    MembershipStatus,
    TerritoryType,
)
from forum.notifications.models import Notification
from forum.practices import services as practice_services
from forum.practices.models import (
    SECTIONS,
    OutdatedFlag,
    Practice,
    PracticeComment,
    PracticeKind,
    PracticeRevision,
    PracticeStatus,
    PracticeTrial,
    PracticeVote,
    TrialOutcome,
    practice_authors,
    practice_coauthor_fabriques,
    practice_resources,
    practice_themes,
    practice_threads,
)
from forum.resources.loans import TRANSITIONS, Booking, Side, usage_by_day
from forum.resources.models import (
    CATEGORIES,
    CONDITIONS,
    LICENCES,
    Loan,
    LoanEvent,
    LoanMessage,
    LoanState,
    Photo,
    Resource,
    ResourceKind,
)
from forum.resources.photos import store_in
from forum.threads import counters
from forum.threads.models import Category, Post, Tag, Thread, ThreadRead, thread_tags
from forum.threads.services import parse_tags
from tests.conftest import TEST_DATABASE_URL, base_config

# The demo is seeded into a SQLite file of its own, as `make run` does: the PostgreSQL run of the
# suite would seed and check the same file again.
pytestmark = pytest.mark.skipif(bool(TEST_DATABASE_URL), reason="the demo seeds its own SQLite database")

def _seeded_app(directory, seed: int = 2026):
    """A fresh SQLite database in ``directory``, seeded; returns (app, counts)."""
    config = base_config(directory)
    config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{directory / 'demo.sqlite3'}"
    app = create_app(config)
    with app.app_context():
        db.create_all()
        counts = seed_demo(seed=seed)
        db.session.commit()
        db.session.remove()
    return app, counts


def _structure(app) -> tuple:
    """Everything a seed decides, in id order: names, texts, states, periods and photo contents.

    Moments are left out (they follow the clock), and so are photo file names (random by design).
    """
    with app.app_context():
        session = db.session
        names = list(session.scalars(select(Fabrique.name).order_by(Fabrique.id)))
        titles = list(session.scalars(select(Thread.title).order_by(Thread.id)))
        bodies = "\n\x00".join(session.scalars(select(Post.body_source).order_by(Post.id)))
        resources = [
            (r.fabrique_id, r.kind, r.name, r.category, r.description_source, r.paused, r.quantity, r.condition,
             r.deposit_euros, r.max_loan_days, r.pickup_place, r.usage_conditions, r.capacity_meeting,
             r.capacity_workshop, r.capacity_standing, r.surface_m2, r.room_equipment, r.accessibility,
             r.price_conditions, r.licence, r.contact)
            for r in session.scalars(select(Resource).order_by(Resource.id))
        ]
        store = store_in(app.instance_path)
        photos = [
            (photo.resource_id, photo.position, photo.width, photo.height,
             hashlib.sha256(store.path(photo.filename).read_bytes()).hexdigest(),
             hashlib.sha256(store.path(photo.thumbnail).read_bytes()).hexdigest())
            for photo in session.scalars(select(Photo).order_by(Photo.id))
        ]
        loans = [
            (loan.resource_id, loan.owner_fabrique_id, loan.borrower_fabrique_id, loan.requested_by_id, loan.state,
             loan.quantity, loan.start_date, loan.end_date, loan.message, loan.return_note)
            for loan in session.scalars(select(Loan).order_by(Loan.id))
        ]
        events = list(session.execute(select(LoanEvent.loan_id, LoanEvent.actor_id, LoanEvent.from_state,
                                             LoanEvent.to_state, LoanEvent.note).order_by(LoanEvent.id)))
        messages = list(session.execute(select(LoanMessage.loan_id, LoanMessage.author_id, LoanMessage.body_source)
                                        .order_by(LoanMessage.id)))
        notifications = list(session.execute(select(Notification.user_id, Notification.kind, Notification.text,
                                                    Notification.link, Notification.read_at.is_(None))
                                             .order_by(Notification.id)))
        practices = [
            (p.fabrique_id, p.created_by_id, p.title, p.kind, p.territory_type, p.status, p.period,
             *(getattr(p, f"{name}_source") for name in SECTIONS), p.cost_euros, p.staff_hours, p.volunteer_hours,
             p.partners, p.funding, p.licence, p.published_at is None, p.useful_count, p.comment_count,
             p.revision_count)
            for p in session.scalars(select(Practice).order_by(Practice.id))
        ]
        links = [sorted(session.execute(select(*table.c))) for table in (
            practice_themes, practice_authors, practice_coauthor_fabriques, practice_threads, practice_resources)]
        revisions = list(session.execute(select(PracticeRevision.practice_id, PracticeRevision.number,
                                                PracticeRevision.author_id, PracticeRevision.snapshot)
                                         .order_by(PracticeRevision.id)))
        echoes = (
            sorted(session.execute(select(PracticeVote.practice_id, PracticeVote.user_id))),
            list(session.execute(select(PracticeComment.practice_id, PracticeComment.author_id,
                                        PracticeComment.body_source).order_by(PracticeComment.id))),
            list(session.execute(select(PracticeTrial.practice_id, PracticeTrial.fabrique_id, PracticeTrial.author_id,
                                        PracticeTrial.outcome, PracticeTrial.note_source).order_by(PracticeTrial.id))),
            sorted(session.execute(select(OutdatedFlag.practice_id, OutdatedFlag.user_id, OutdatedFlag.note))),
        )
        conversations = (
            list(session.execute(select(Conversation.subject, Conversation.started_by_id, Conversation.message_count)
                                 .order_by(Conversation.id))),
            list(session.execute(select(ConversationMember.conversation_id, ConversationMember.user_id,
                                        ConversationMember.last_read_message_id, ConversationMember.muted,
                                        ConversationMember.left_at.is_(None)).order_by(ConversationMember.id))),
            list(session.execute(select(PrivateMessage.conversation_id, PrivateMessage.author_id,
                                        PrivateMessage.body_source).order_by(PrivateMessage.id))),
        )
        from forum.events.models import Event, Rsvp

        agenda = (
            list(session.execute(select(Event.uid, Event.fabrique_id, Event.author_id, Event.title, Event.kind,
                                        Event.status, Event.place_kind, Event.resource_id, Event.loan_id,
                                        Event.capacity).order_by(Event.id))),
            list(session.execute(select(Rsvp.event_id, Rsvp.user_id, Rsvp.answer, Rsvp.waiting).order_by(Rsvp.id))),
        )
        db.session.remove()
    return (names, titles, bodies, resources, photos, loans, events, messages, notifications, practices, links,
            revisions, echoes, conversations, agenda)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    app, counts = _seeded_app(tmp_path_factory.mktemp("demo"))
    yield app, counts
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def session(seeded):
    app = seeded[0]
    with app.app_context():
        yield db.session
        db.session.remove()


def test_minimum_volume(seeded, session):
    _app, counts = seeded
    assert session.scalar(select(func.count()).select_from(Fabrique)) == counts["fabriques"] >= 40
    assert session.scalar(select(func.count(func.distinct(Fabrique.region_code)))) >= 10
    territories = set(session.scalars(select(Fabrique.territory_type).distinct()))
    assert territories == {TerritoryType.RURAL, TerritoryType.QPV, TerritoryType.URBAIN}
    assert session.scalar(select(func.count()).select_from(User)) == counts["membres"] >= 150
    assert session.scalar(select(func.count()).select_from(Thread)) == counts["sujets"] >= 300
    assert session.scalar(select(func.count()).select_from(Post)) == counts["messages"] >= 2000
    assert session.scalar(select(func.count()).select_from(Category)) == 10
    assert 25 <= session.scalar(select(func.count()).select_from(Tag)) <= 40

    questions = session.scalar(select(func.count()).where(Thread.is_question.is_(True)))
    answered = session.scalar(select(func.count()).where(
        Thread.is_question.is_(True), Thread.post_count - Thread.deleted_reply_count > 1))
    assert 0.4 * counts["sujets"] <= questions <= 0.6 * counts["sujets"]
    assert answered >= questions * 0.8
    assert questions - answered >= 5, "some questions should still wait for an answer"


def test_accounts_and_memberships(session):
    users = list(session.scalars(select(User)))
    assert len({user.email for user in users}) == len(users)
    assert all(user.email.endswith("@exemple.fr") for user in users)
    assert [user.email for user in users if user.role is Role.ADMIN] == [ADMIN_EMAIL]
    assert sum(user.role is Role.MODERATOR for user in users) == 2
    assert len({user.password_hash for user in users}) == 1, "one shared hash, computed once"
    assert all(user.email_confirmed_at == user.created_at for user in users), "demo accounts are confirmed"
    assert verify_password(users[0].password_hash, DEMO_PASSWORD)
    assert sum(bool(user.bio) for user in users) >= 40
    assert any("-" in user.display_name.split(" ", 1)[1] for user in users), "some hyphenated names"
    assert any(re.search(r"[éèëêïîçôœ]", user.display_name) for user in users), "accented names"

    memberships = list(session.scalars(select(Membership)))
    by_status = Counter(membership.status for membership in memberships)
    assert by_status[MembershipStatus.PENDING] == 5
    assert len(users) - len(memberships) == 16  # 15 members without fabrique, and the admin account
    managers = Counter(m.fabrique_id for m in memberships
                       if m.role is MembershipRole.MANAGER and m.status is MembershipStatus.ACTIVE)
    members = Counter(m.fabrique_id for m in memberships
                      if m.role is MembershipRole.MEMBER and m.status is MembershipStatus.ACTIVE)
    for fabrique_id in session.scalars(select(Fabrique.id)):
        assert 1 <= managers[fabrique_id] <= 2
        assert members[fabrique_id] >= 1
    for membership in memberships:
        if membership.status is MembershipStatus.ACTIVE:
            assert membership.decided_at is not None and membership.decided_at >= membership.requested_at
        else:
            assert membership.decided_at is None


def test_demo_names_pass_the_registration_rules(session):
    """The seed writes its members directly, but each could have registered: no reserved word (but
    the team's own account), no two look-alike names, whatever the seed (all name pairs)."""
    for user in session.scalars(select(User)):
        assert clean_display_name(user.display_name, staff=user.is_admin) == user.display_name
        assert user.name_key == name_key(user.display_name)
    keys = Counter(name_key(f"{first} {last}") for first in {*people.FEMALE_FIRST_NAMES, *people.MALE_FIRST_NAMES}
                   for last in people.LAST_NAMES)
    assert keys.most_common(1)[0][1] == 1


def test_fabrique_profiles(session):
    for fabrique in session.scalars(select(Fabrique)):
        assert fabrique.department_code in DEPARTMENTS
        assert fabrique.region_code == DEPARTMENTS[fabrique.department_code][1]
        assert 2 <= len(fabrique.summary) <= 240
        assert fabrique.description_html == render_markdown(fabrique.description_source)
        sections = [part for part in fabrique.description_source.split("\n\n") if not part.startswith("- ")]
        assert 2 <= len(sections) <= 4, fabrique.description_source
        assert fabrique.address and fabrique.city and fabrique.horaires and fabrique.phone
        assert re.fullmatch(r"\d{5}", fabrique.postal_code)
        assert fabrique.website == f"https://{fabrique.slug}.exemple.fr"
        assert fabrique.contact_email.endswith("@exemple.fr")
        centre = DEPARTMENT_CENTRES[fabrique.department_code]
        assert abs(fabrique.latitude - centre[0]) < 1.2 and abs(fabrique.longitude - centre[1]) < 1.6
    modules = session.execute(
        select(Fabrique.id, func.count()).select_from(Fabrique).join(Fabrique.module_links).group_by(Fabrique.id)
    ).all()
    assert len(modules) == session.scalar(select(func.count()).select_from(Fabrique))
    assert all(2 <= count <= 5 for _, count in modules)
    known = set(MODULES)
    for fabrique in session.scalars(select(Fabrique).options(selectinload(Fabrique.module_links),
                                                             selectinload(Fabrique.spaces))):
        assert set(fabrique.modules) <= known
        assert len(fabrique.spaces) <= 3
        assert all(space.capacity > 0 and space.name for space in fabrique.spaces)


def test_fabriques_speak_the_mediation_standard(session):
    """Every demo fabrique has the standard's data, each value as the profile form's checks leave it
    (a manager can save the page again as it is)."""
    from forum.fabriques import opening_hours, standard, standard_checks
    from forum.fabriques.models import FabriqueStandardValue

    fabriques = session.scalars(select(Fabrique).options(selectinload(Fabrique.standard_values))).all()
    pivots = [fabrique.pivot for fabrique in fabriques]
    assert len(set(pivots)) == len(pivots)
    assert any(pivot.startswith("W") for pivot in pivots) and any(pivot.isdigit() for pivot in pivots)
    for fabrique in fabriques:
        assert standard_checks.check_pivot(fabrique.pivot) == fabrique.pivot
        assert standard_checks.check_phone(fabrique.phone) == fabrique.phone
        assert standard_checks.check_postal_code(fabrique.postal_code) == fabrique.postal_code
        assert standard_checks.check_code_insee(fabrique.code_insee) == fabrique.code_insee
        department = fabrique.department_code
        assert fabrique.code_insee.startswith(department if department != "2B" else "2B"), fabrique.code_insee
        assert opening_hours.format_osm(opening_hours.parse(fabrique.horaires)) == fabrique.horaires
        assert fabrique.date_maj is not None
        assert fabrique.created_at.astimezone(PARIS).date() <= fabrique.date_maj <= today_in_france()
        typologies = fabrique.values_of("typologie")
        assert "FABRIQUE" in typologies and 2 <= len(typologies) <= 3
        assert "Fabriques de Territoire" in fabrique.values_of("formations_labels")
        assert 2 <= len(fabrique.values_of("services")) <= 5
        assert fabrique.values_of("frais_a_charge") and fabrique.values_of("itinerance")
        for field in standard.VOCABULARIES:
            values = fabrique.values_of(field)
            assert standard_checks.check_list(field, values) == values
        if fabrique.fiche_acces_libre:
            assert fabrique.fiche_acces_libre.startswith("https://acceslibre.beta.gouv.fr/app/")
        if fabrique.prise_rdv:
            assert fabrique.prise_rdv.startswith("https://www.rdv-solidarites.fr/")
    assert sum(bool(fabrique.fiche_acces_libre) for fabrique in fabriques) >= 5
    assert sum(bool(fabrique.prise_rdv) for fabrique in fabriques) >= 5
    assert len({fabrique.horaires for fabrique in fabriques}) >= 8
    for field in ("publics_specifiquement_adresses", "prise_en_charge_specifique", "dispositif_programmes_nationaux"):
        assert session.scalar(select(func.count()).select_from(FabriqueStandardValue)
                              .where(FabriqueStandardValue.field == field)) >= 10


def test_counters_and_positions_are_consistent(session):
    now = utcnow()
    threads = {thread.id: thread for thread in session.scalars(select(Thread))}
    posts_by_thread: dict[int, list[Post]] = defaultdict(list)
    for post in session.scalars(select(Post).order_by(Post.thread_id, Post.position)):
        posts_by_thread[post.thread_id].append(post)
    active_fabrique = {
        user_id: fabrique_id for user_id, fabrique_id in session.execute(
            select(Membership.user_id, Membership.fabrique_id).where(Membership.status == MembershipStatus.ACTIVE))
    }

    for thread_id, thread in threads.items():
        posts = posts_by_thread[thread_id]
        assert thread.post_count == len(posts) >= 1
        assert thread.deleted_reply_count == sum(post.deleted_at is not None for post in posts[1:])
        assert thread.hidden_reply_count == sum(post.hidden_at is not None and post.deleted_at is None
                                                for post in posts[1:])
        assert [post.position for post in posts] == list(range(1, len(posts) + 1))
        assert posts[0].author_id == thread.author_id and posts[0].created_at == thread.created_at
        dates = [post.created_at for post in posts]
        assert dates == sorted(dates) and dates[-1] <= now
        # A post held for approval is not the thread's last activity until it is published.
        published = [post for post in posts if post.hidden_kind is not HiddenKind.AWAITING_APPROVAL]
        assert thread.last_post_at == published[-1].created_at
        assert thread.last_poster_id == published[-1].author_id
        assert thread.fabrique_id == active_fabrique.get(thread.author_id)
        assert 8 <= len(thread.title) <= 150
        for post in posts:
            assert post.fabrique_id == active_fabrique.get(post.author_id)
            if post.deleted_at is not None:
                assert post.body_source == "" and post.body_html == ""
                assert post.created_at <= post.deleted_at <= now
            else:
                assert post.body_source.strip()
                assert post.body_html == render_markdown(post.body_source)
            if post.edited_at is not None:
                assert post.created_at <= post.edited_at <= now

    for category in session.scalars(select(Category)):
        mine = [thread for thread in threads.values() if thread.category_id == category.id]
        assert category.thread_count == len(mine) > 0
        assert category.post_count == sum(thread.post_count for thread in mine)
        assert category.last_post_at == max(thread.last_post_at for thread in mine)

    latest_by_fabrique: dict[int, object] = {}
    for posts in posts_by_thread.values():
        for post in posts:
            if post.fabrique_id is not None and post.hidden_kind is not HiddenKind.AWAITING_APPROVAL:
                latest = latest_by_fabrique.get(post.fabrique_id)
                latest_by_fabrique[post.fabrique_id] = max(latest, post.created_at) if latest else post.created_at
    for fabrique in session.scalars(select(Fabrique)):
        expected = latest_by_fabrique.get(fabrique.id, fabrique.created_at)
        assert fabrique.last_activity_at == expected
        assert fabrique.created_at <= fabrique.last_activity_at

    edited = sum(1 for posts in posts_by_thread.values() for post in posts if post.edited_at)
    deleted = sum(1 for posts in posts_by_thread.values() for post in posts if post.deleted_at)
    assert edited >= 10 and deleted >= 5


def test_timeline_is_plausible(session):
    now = utcnow()
    first_post = {
        author_id: first for author_id, first in
        session.execute(select(Post.author_id, func.min(Post.created_at)).group_by(Post.author_id))
    }
    for user in session.scalars(select(User)):
        assert user.created_at <= now
        if user.id in first_post:
            assert user.created_at <= first_post[user.id]
    for membership in session.scalars(select(Membership).where(Membership.status == MembershipStatus.ACTIVE)):
        if membership.user_id in first_post:
            assert membership.decided_at <= first_post[membership.user_id]
    oldest, newest = session.execute(select(func.min(Thread.created_at), func.max(Thread.created_at))).one()
    assert now - oldest > timedelta(days=365) and now - oldest < timedelta(days=600)
    assert now - newest < timedelta(days=30)


def test_text_material(session):
    titles = list(session.scalars(select(Thread.title)))
    assert len(set(titles)) == len(titles), "no two threads share a title"
    text = "\n".join(session.scalars(select(Post.body_source))).lower() + "\n".join(titles).lower()
    for word in ("médiation", "numérique", "tiers-lieux", "collectivité", "élus", "rural", "ruraux", "qpv",
                 "modèle économique", "gouvernance partagée", "imprimante 3d", "découpeuse laser", "fablab",
                 "été", "activités", "pass numérique", "conseiller numérique", "budget participatif", "scic",
                 "convention d'objectifs", "detr", "fdva", "café associatif", "jardin partagé", "tablettes"):
        assert word in text, word
    assert not re.search(r"\{\w+\}|⟦|⟧", text), "unresolved template markers"
    assert re.search(r"^- ", text, re.MULTILINE) and "**" in text and re.search(r"^> ", text, re.MULTILINE)
    assert re.search(r"https://[a-z0-9-]+\.exemple\.fr", text)
    bodies = [body for body in session.scalars(select(Post.body_source)) if body]
    assert len(set(bodies)) > 0.85 * len(bodies), "the corpus should not repeat itself"

    tag_names = list(session.scalars(select(Tag.name)))
    assert parse_tags(", ".join(tag_names[:5])) == tag_names[:5]
    per_thread = Counter(thread_id for thread_id, _ in session.execute(select(thread_tags.c.thread_id,
                                                                               thread_tags.c.tag_id)))
    assert max(per_thread.values()) <= 3 and len(per_thread) >= 100


def test_refuses_a_non_empty_database(seeded, session):
    with pytest.raises(Conflict) as error:
        seed_demo()
    assert "base vide" in error.value.message
    session.rollback()
    assert session.scalar(select(func.count()).select_from(Fabrique)) == seeded[1]["fabriques"]


def test_same_seed_same_demo(seeded, tmp_path):
    other_app, _counts = _seeded_app(tmp_path)
    try:
        assert _structure(other_app) == _structure(seeded[0])
    finally:
        with other_app.app_context():
            db.engine.dispose()


# -- The shared catalogue ----------------------------------------------------------------------


def test_catalogue_volume_and_kinds(seeded, session):
    _app, counts = seeded
    resources = list(session.scalars(select(Resource)))
    assert len(resources) == counts["ressources"] >= 300
    kinds = Counter(resource.kind for resource in resources)
    assert set(kinds) == set(ResourceKind)
    assert 0.45 <= kinds[ResourceKind.EQUIPMENT] / len(resources) <= 0.65
    assert 0.17 <= kinds[ResourceKind.SPACE] / len(resources) <= 0.33
    assert 0.12 <= kinds[ResourceKind.KNOW_HOW] / len(resources) <= 0.28

    per_fabrique = Counter(resource.fabrique_id for resource in resources)
    fabrique_ids = list(session.scalars(select(Fabrique.id)))
    assert 1 <= sum(per_fabrique[fabrique_id] == 0 for fabrique_id in fabrique_ids) <= 5, "a few list nothing"
    assert sum(3 <= per_fabrique[fabrique_id] <= 12 for fabrique_id in fabrique_ids) >= 0.85 * len(fabrique_ids)
    assert max(per_fabrique.values()) <= 12
    assert 3 <= sum(resource.paused for resource in resources) <= 20
    assert all(not resource.paused for resource in resources if resource.kind is ResourceKind.KNOW_HOW)
    assert len({resource.category for resource in resources}) >= 16, "nearly every category is used"


def test_catalogue_fields_fit_each_kind(session):
    now = utcnow()
    resources = list(session.scalars(select(Resource)))
    for resource in resources:
        assert resource.category in CATEGORIES[resource.kind]
        assert 3 <= len(resource.name) <= 120
        assert resource.description_source.strip()
        assert resource.description_html == render_markdown(resource.description_source)
        assert resource.created_at <= resource.updated_at <= now
        if resource.kind is ResourceKind.EQUIPMENT:
            assert 1 <= resource.quantity <= 15
            assert resource.condition in CONDITIONS
            assert resource.deposit_euros is None or resource.deposit_euros > 0
            assert 3 <= resource.max_loan_days <= 30
            assert resource.pickup_place and resource.usage_conditions and len(resource.pickup_place) <= 200
            assert not resource.licence and resource.capacity_meeting is None
        elif resource.kind is ResourceKind.SPACE:
            assert resource.quantity == 1
            assert any((resource.capacity_meeting, resource.capacity_workshop, resource.capacity_standing))
            assert resource.room_equipment and resource.accessibility and resource.price_conditions
            assert 1 <= resource.max_loan_days <= 7
            assert not resource.pickup_place and not resource.licence
        else:
            assert resource.licence in LICENCES and resource.contact and len(resource.contact) <= 200
            assert resource.quantity == 1 and resource.max_loan_days is None and not resource.condition

    equipment = [resource for resource in resources if resource.kind is ResourceKind.EQUIPMENT]
    assert sum(resource.quantity > 1 for resource in equipment) >= 20
    assert any(resource.deposit_euros is None for resource in equipment)
    assert any(resource.deposit_euros for resource in equipment)
    licences = Counter(resource.licence for resource in resources if resource.kind is ResourceKind.KNOW_HOW)
    assert licences.most_common(1)[0][0] == "cc-by-sa" and len(licences) >= 3
    text = "\n".join(f"{resource.name}\n{resource.description_source}\n{resource.price_conditions}\n"
                     f"{resource.pickup_place}" for resource in resources)
    assert not re.search(r"\{\w+\}|⟦|⟧", text), "unresolved template markers"
    assert not re.search(r"(?<!\w)(?:[dD]e|[àÀ]) Les? [A-ZÉ]", text), "« de Le Moulin » instead of « du Moulin »"
    text = text.lower()
    for words in ("imprimante 3d", "découpeuse laser", "tablettes", "podcast", "barnum", "broyeur de végétaux",
                  "places)", "cuisine partagée", "guide : ", "kit de formation", "modèle de convention",
                  "gratuit pour les fabriques du réseau", "participation aux frais", "**fourni avec :**"):
        assert words in text, words


def test_catalogue_photos_are_stored_files(seeded, session):
    app, counts = seeded
    store = store_in(app.instance_path)
    photos = list(session.scalars(select(Photo).order_by(Photo.resource_id, Photo.position)))
    assert len(photos) == counts["photos"]
    by_resource: dict[int, list[Photo]] = defaultdict(list)
    for photo in photos:
        by_resource[photo.resource_id].append(photo)
    resource_count = session.scalar(select(func.count()).select_from(Resource))
    assert 0.75 * resource_count <= len(by_resource) < resource_count, "most resources have a photo, not all"
    assert {len(mine) for mine in by_resource.values()} == {1, 2, 3}
    for mine in by_resource.values():
        assert [photo.position for photo in mine] == list(range(len(mine)))
    for photo in photos:
        assert store.exists(photo.filename) and store.exists(photo.thumbnail)
        assert (photo.width, photo.height) == (640, 480)
    named = {photo.filename for photo in photos} | {photo.thumbnail for photo in photos}
    assert set(store.names()) == named, "every file belongs to a photo, every photo has its files"
    assert store.path(photos[0].filename).read_bytes()[8:12] == b"WEBP"


def _today_and_memberships(session):
    roles = {(user_id, fabrique_id): role for user_id, fabrique_id, role in session.execute(
        select(Membership.user_id, Membership.fabrique_id, Membership.role)
        .where(Membership.status == MembershipStatus.ACTIVE))}
    return today_in_france(), roles


def test_loans_in_every_state(seeded, session):
    _app, counts = seeded
    today = today_in_france()
    loans = list(session.scalars(select(Loan)))
    assert len(loans) == counts["prêts"] >= 150
    states = Counter(loan.state for loan in loans)
    assert set(states) == set(LoanState) and min(states.values()) >= 5, states
    overdue = [loan for loan in loans if loan.is_overdue(today)]
    assert 1 <= len(overdue) < states[LoanState.LENT], "some lent loans are overdue, not all"
    for loan in loans:
        if loan.state in (LoanState.REQUESTED, LoanState.ACCEPTED):
            assert loan.start_date >= today, "requests and bookings are ahead"
        elif loan.state is LoanState.LENT:
            assert loan.start_date <= today
        elif loan.state is LoanState.RETURNED:
            assert loan.end_date < today
    assert any(loan.start_date < today for loan in loans if loan.state is LoanState.DECLINED)
    assert any(loan.start_date > today for loan in loans if loan.state is LoanState.CANCELLED)


def test_loans_follow_the_rules(session):
    _today, roles = _today_and_memberships(session)
    resources = {resource.id: resource for resource in session.scalars(select(Resource))}
    bookings: dict[int, list[Booking]] = defaultdict(list)
    for loan in session.scalars(select(Loan)):
        resource = resources[loan.resource_id]
        assert resource.kind.lendable
        assert loan.owner_fabrique_id == resource.fabrique_id != loan.borrower_fabrique_id
        assert (loan.requested_by_id, loan.borrower_fabrique_id) in roles, "requested by an active member"
        assert 1 <= loan.quantity <= resource.quantity
        assert loan.start_date <= loan.end_date and loan.days <= resource.max_loan_days
        if loan.state in (LoanState.ACCEPTED, LoanState.LENT) and loan.starts_at is None:
            bookings[resource.id].append(Booking(loan.start_date, loan.end_date, loan.quantity))
        if resource.paused:
            assert loan.state not in (LoanState.REQUESTED, LoanState.ACCEPTED, LoanState.LENT)
    assert bookings
    for resource_id, held in bookings.items():
        first, last = min(booking.start for booking in held), max(booking.end for booking in held)
        usage = usage_by_day(held, first, last)
        assert max(usage.values()) <= resources[resource_id].quantity, resources[resource_id].name
    shared = [held for resource_id, held in bookings.items() if resources[resource_id].quantity > 1 and len(held) > 1]
    assert shared, "some equipment is lent to several fabriques at once"


def test_loan_histories_match_their_states(session):
    now = utcnow()
    _today, roles = _today_and_memberships(session)
    loans = {loan.id: loan for loan in session.scalars(select(Loan))}
    events: dict[int, list[LoanEvent]] = defaultdict(list)
    for event in session.scalars(select(LoanEvent).order_by(LoanEvent.loan_id, LoanEvent.created_at, LoanEvent.id)):
        events[event.loan_id].append(event)
    sides = {(found.to_state, state): found.side for (state, _action), found in TRANSITIONS.items()}
    for loan_id, loan in loans.items():
        history = events[loan_id]
        first = history[0]
        assert (first.from_state, first.to_state, first.actor_id) == (None, LoanState.REQUESTED, loan.requested_by_id)
        assert first.created_at == loan.created_at
        for previous, event in zip(history, history[1:], strict=False):
            assert event.from_state is previous.to_state
            side = sides[(event.to_state, event.from_state)]
            if event.actor_id is None:  # a room whose rules confirm bookings at once
                assert (event.to_state, event.note, loan.starts_at is not None) == (
                    LoanState.ACCEPTED, CONFIRMED_AT_ONCE, True)
            elif side is Side.OWNER:
                assert roles.get((event.actor_id, loan.owner_fabrique_id)) is MembershipRole.MANAGER
            else:
                assert (event.actor_id, loan.borrower_fabrique_id) in roles
            assert previous.created_at < event.created_at
        assert history[-1].to_state is loan.state
        assert history[-1].created_at == loan.updated_at <= now
        if loan.state is LoanState.RETURNED:
            assert history[-1].note == loan.return_note
        else:
            assert loan.return_note == ""
    returned = [loan for loan in loans.values() if loan.state is LoanState.RETURNED]
    assert sum(bool(loan.return_note) for loan in returned) >= len(returned) / 2
    assert sum(bool(loan.message) for loan in loans.values()) >= len(loans) / 2

    messages = list(session.scalars(select(LoanMessage)))
    assert len({message.loan_id for message in messages}) >= 50
    for message in messages:
        loan = loans[message.loan_id]
        assert message.author_id == loan.requested_by_id or \
            roles.get((message.author_id, loan.owner_fabrique_id)) is MembershipRole.MANAGER
        assert loan.created_at < message.created_at <= now
        assert message.body_source.strip() and message.body_html == render_markdown(message.body_source)
        assert not re.search(r"\{\w+\}|⟦|⟧", message.body_source)


def test_notifications_tell_managers_about_loans(session):
    now = utcnow()
    _today, roles = _today_and_memberships(session)
    loans = {loan.id: loan for loan in session.scalars(select(Loan))}
    notifications = list(session.scalars(select(Notification).where(Notification.kind.startswith("loan."))))
    assert len(notifications) >= 30
    unread = [notification for notification in notifications if notification.read_at is None]
    assert 10 <= len(unread) < len(notifications), "some read, some not"
    managers_with_news = {notification.user_id for notification in unread
                          if any(role is MembershipRole.MANAGER and user_id == notification.user_id
                                 for (user_id, _fabrique), role in roles.items())}
    assert len(managers_with_news) >= 10
    for notification in notifications:
        match = re.fullmatch(r"/prets/(\d+)(#messages)?", notification.link)
        assert match and notification.kind.startswith("loan.")
        loan = loans[int(match.group(1))]
        assert notification.user_id != notification.actor_id
        involved = notification.user_id == loan.requested_by_id or any(
            roles.get((notification.user_id, fabrique_id)) is MembershipRole.MANAGER
            for fabrique_id in (loan.owner_fabrique_id, loan.borrower_fabrique_id))
        assert involved, notification.text
        assert loan.created_at <= notification.created_at <= now
        assert notification.read_at is None or notification.created_at <= notification.read_at <= now


# -- Practice reports --------------------------------------------------------------------------


def _practices(session) -> list[Practice]:
    return list(session.scalars(select(Practice).order_by(Practice.id).options(
        selectinload(Practice.themes), selectinload(Practice.coauthor_fabriques), selectinload(Practice.authors),
        selectinload(Practice.threads), selectinload(Practice.resources))))


def test_practice_reports_volume_and_kinds(seeded, session):
    _app, counts = seeded
    now = utcnow()
    practices = _practices(session)
    assert len(practices) == counts["retours d'expérience"] >= 150
    kinds = Counter(practice.kind for practice in practices)
    assert kinds[PracticeKind.MIXED] >= 15 and kinds[PracticeKind.AVOID] >= 15
    assert kinds[PracticeKind.MIXED] + kinds[PracticeKind.AVOID] >= len(practices) / 3
    assert kinds[PracticeKind.GOOD] >= 0.55 * len(practices)
    drafts = [practice for practice in practices if practice.status is PracticeStatus.DRAFT]
    assert len(drafts) == counts["brouillons"] and 5 <= len(drafts) <= 15
    assert len({practice.title for practice in practices}) == len(practices), "no two reports share a title"

    fabriques = {fabrique.id: fabrique for fabrique in session.scalars(select(Fabrique))}
    per_fabrique = Counter(practice.fabrique_id for practice in practices)
    assert len(per_fabrique) >= 0.9 * len(fabriques), "reports across the fabriques"
    same_territory = sum(practice.territory_type is fabriques[practice.fabrique_id].territory_type
                         for practice in practices)
    assert same_territory >= 0.8 * len(practices)
    assert {practice.territory_type for practice in practices} == set(TerritoryType)
    assert all(1 <= len(practice.themes) <= 3 for practice in practices)
    assert all(theme.slug != "vie-du-forum" for practice in practices for theme in practice.themes)
    assert Counter(practice.licence for practice in practices).most_common(1)[0][0] == "cc-by-sa"
    assert sum(practice.cost_euros is not None for practice in practices) >= 0.7 * len(practices)
    assert sum(bool(practice.threads) for practice in practices) >= 20, "some cite forum threads"
    assert sum(bool(practice.resources) for practice in practices) >= 5, "some cite catalogue resources"
    assert sum(len(practice.authors) > 1 for practice in practices) >= 15
    assert sum(bool(practice.coauthor_fabriques) for practice in practices) >= 10

    published = [practice for practice in practices if practice.is_published]
    stale = [practice for practice in published
             if now - practice.last_confirmed_at > practice_services.STALE_AFTER]
    assert len(stale) >= 5, "some reports ask « Encore d'actualité ? »"
    assert any(now - practice.published_at > practice_services.STALE_AFTER and practice not in stale
               for practice in published), "some old reports were confirmed since"
    flagged = set(session.scalars(select(OutdatedFlag.practice_id)))
    assert 3 <= len(flagged) and flagged <= {practice.id for practice in stale}


def test_practice_authors_and_dates(session):
    now = utcnow()
    memberships = {(m.user_id, m.fabrique_id): m for m in session.scalars(
        select(Membership).where(Membership.status == MembershipStatus.ACTIVE))}
    for practice in _practices(session):
        author_ids = {author.id for author in practice.authors}
        assert practice.created_by_id in author_ids and 1 <= len(author_ids) <= 2
        for author_id in author_ids:
            membership = memberships.get((author_id, practice.fabrique_id))
            assert membership is not None, "authors are active members of the fabrique"
            assert membership.decided_at <= practice.created_at
        assert practice.fabrique_id not in {fabrique.id for fabrique in practice.coauthor_fabriques}
        assert now - practice.created_at < timedelta(days=730)
        assert practice.created_at <= practice.updated_at <= now
        if practice.is_published:
            assert practice.created_at < practice.published_at <= practice.confirmed_at <= now
        else:
            assert practice.published_at is None and practice.confirmed_at is None
        for thread in practice.threads:
            assert thread.created_at < practice.created_at
        assert 8 <= len(practice.title) <= 150 and len(practice.partners) <= 500 and len(practice.funding) <= 500


def test_practice_texts(session):
    practices = _practices(session)
    for practice in practices:
        for name in SECTIONS:
            source = getattr(practice, f"{name}_source")
            assert getattr(practice, f"{name}_html") == render_markdown(source)
        for name in ("context", "objective", "actions", "outcome", "lessons"):
            assert getattr(practice, f"{name}_source").strip(), name
        assert re.search(r"^(- |1\. )", practice.actions_source, re.MULTILINE), "steps as a Markdown list"
        assert re.search(r"\d", practice.outcome_source), "an outcome with figures"
        assert practice.lessons_source.startswith("- ")
        if practice.kind is not PracticeKind.GOOD:
            assert practice.problems_source.count("\n\n") >= 2, "problems explained at length"
    text = "\n".join(f"{p.title}\n" + "\n".join(getattr(p, f"{name}_source") for name in SECTIONS)
                     for p in practices)
    assert not re.search(r"\{\w+\}|\{\d+-\d+|\[\[|⟦|⟧", text), "unresolved template markers"
    assert not re.search(r"(?<!\w)(?:[dD]e|[àÀ]) Les? [A-ZÉ]", text), "« de Le Moulin » instead of « du Moulin »"
    lowered = text.lower()
    for words in ("repair café", "café associatif", "permanence", "pass numérique", "conseiller numérique",
                  "france services", "atelier vélo", "fablab", "collège", "jardin partagé", "amap",
                  "résidence d'artistes", "budget participatif", "scic", "intercommunalité", "élus", "detr", "fdva",
                  "ami", "modèle économique", "location", "coworking", "quartier prioritaire", "bénévoles",
                  "imprimante 3d", "découpeuse laser", "été", "qualiopi"):
        assert words in lowered, words
    contexts = [practice.context_source for practice in practices]
    assert len(set(contexts)) == len(contexts), "no two reports tell the same story"
    openings = Counter(practice.outcome_source.split(".")[0] for practice in practices)
    assert openings.most_common(1)[0][1] <= 8, "outcomes vary"


def test_practice_revisions(session):
    practices = _practices(session)
    revisions: dict[int, list[PracticeRevision]] = defaultdict(list)
    for revision in session.scalars(select(PracticeRevision).order_by(PracticeRevision.practice_id,
                                                                      PracticeRevision.number)):
        revisions[revision.practice_id].append(revision)
    managers = {(m.user_id, m.fabrique_id) for m in session.scalars(select(Membership).where(
        Membership.status == MembershipStatus.ACTIVE, Membership.role == MembershipRole.MANAGER))}
    sizes = Counter()
    for practice in practices:
        mine = revisions[practice.id]
        sizes[len(mine)] += 1
        assert [revision.number for revision in mine] == list(range(1, practice.revision_count + 1))
        assert 1 <= len(mine) <= 4
        assert mine[0].created_at == practice.created_at and mine[-1].created_at == practice.updated_at
        assert all(a.created_at < b.created_at for a, b in pairwise(mine))
        assert mine[0].author_id == practice.created_by_id
        author_ids = {author.id for author in practice.authors}
        for revision in mine:
            assert revision.author_id in author_ids or (revision.author_id, practice.fabrique_id) in managers
        snapshots = [json.loads(revision.snapshot) for revision in mine]
        assert all(a != b for a, b in pairwise(snapshots)), "each version changes something"
        expected = json.dumps(practice_services.snapshot(practice), ensure_ascii=False, sort_keys=True)
        assert mine[-1].snapshot == expected, "the last version is the report as it stands"
    assert all(sizes[size] >= 10 for size in (1, 2, 3, 4)), sizes
    changed = Counter()
    for mine in revisions.values():
        for a, b in pairwise(mine):
            before, after = json.loads(a.snapshot), json.loads(b.snapshot)
            changed.update(key for key in after if before[key] != after[key])
    assert {"outcome", "lessons", "actions", "title"} <= set(changed), changed


def test_practice_votes_comments_and_trials(seeded, session):
    _app, counts = seeded
    now = utcnow()
    practices = {practice.id: practice for practice in _practices(session)}
    active = {(m.user_id, m.fabrique_id): m for m in session.scalars(
        select(Membership).where(Membership.status == MembershipStatus.ACTIVE))}
    users = {user.id: user for user in session.scalars(select(User))}

    votes = list(session.scalars(select(PracticeVote)))
    assert len(votes) == counts["votes « utile »"] >= 300
    comments = list(session.scalars(select(PracticeComment).order_by(PracticeComment.created_at)))
    assert len(comments) == counts["commentaires de retours"] >= 150
    trials = list(session.scalars(select(PracticeTrial)))
    assert len(trials) == counts["« essayé aussi »"] >= 50
    flags = list(session.scalars(select(OutdatedFlag)))
    assert len(flags) == counts["signalements « plus d'actualité »"]

    votes_per = Counter(vote.practice_id for vote in votes)
    comments_per = Counter(comment.practice_id for comment in comments)
    for practice in practices.values():
        assert practice.useful_count == votes_per[practice.id]
        assert practice.comment_count == comments_per[practice.id]
    for vote in votes:
        practice = practices[vote.practice_id]
        assert practice.is_published and vote.user_id not in {author.id for author in practice.authors}
        assert practice.published_at < vote.created_at <= now and users[vote.user_id].created_at < vote.created_at
    for comment in comments:
        practice = practices[comment.practice_id]
        assert practice.is_published and practice.published_at < comment.created_at <= now
        assert comment.body_source.strip() and comment.body_html == render_markdown(comment.body_source)
        assert not re.search(r"\{\w+\}|⟦|⟧", comment.body_source)
    authors_answer = sum(comment.author_id in {a.id for a in practices[comment.practice_id].authors}
                         for comment in comments)
    assert 20 <= authors_answer < len(comments) / 2, "authors answer some questions"
    assert any(comment.body_source.startswith("> ") for comment in comments), "some quote the report"
    assert max(comments_per.values()) >= 4 and max(votes_per.values()) >= 10
    assert sum(1 for practice in practices.values() if practice.is_published and not votes_per[practice.id]) >= 3

    assert Counter(trial.outcome for trial in trials).keys() == set(TrialOutcome)
    assert len({(trial.practice_id, trial.fabrique_id) for trial in trials}) == len(trials)
    for trial in trials:
        practice = practices[trial.practice_id]
        assert practice.is_published and trial.fabrique_id != practice.fabrique_id
        assert trial.fabrique_id not in {fabrique.id for fabrique in practice.coauthor_fabriques}
        assert (trial.author_id, trial.fabrique_id) in active, "a member of the fabrique that tried it"
        assert practice.published_at < trial.created_at <= now
        assert trial.note_html == render_markdown(trial.note_source)
    assert sum(bool(trial.note_source) for trial in trials) >= 0.6 * len(trials)

    for flag in flags:
        practice = practices[flag.practice_id]
        assert practice.is_published and flag.user_id not in {author.id for author in practice.authors}
        assert practice.last_confirmed_at < flag.created_at <= now


def test_practice_notifications_tell_authors(session):
    now = utcnow()
    practices = {practice.id: practice for practice in _practices(session)}
    notifications = list(session.scalars(select(Notification).where(Notification.kind.startswith("practice."))))
    kinds = Counter(notification.kind for notification in notifications)
    assert kinds["practice.comment"] >= 5 and kinds["practice.trial"] >= 5 and kinds["practice.outdated"] >= 1, kinds
    for notification in notifications:
        match = re.fullmatch(r"/pratiques/(\d+)(#commentaires|#essais)?", notification.link)
        assert match and notification.kind in ("practice.comment", "practice.trial", "practice.outdated")
        practice = practices[int(match.group(1))]
        assert notification.user_id in {author.id for author in practice.authors}
        assert notification.user_id != notification.actor_id
        assert practice.published_at < notification.created_at <= now
        assert notification.read_at is None or notification.created_at <= notification.read_at <= now
        assert practice.title in notification.text


def test_questions_solutions_thanks_and_bookmarks(seeded, session):
    from forum.threads.models import Bookmark, PostLike

    questions = list(session.execute(select(Thread).where(Thread.is_question.is_(True))).scalars())
    solved = [thread for thread in questions if thread.solution_post_id is not None]
    unanswered = [thread for thread in questions if thread.reply_count == 0]
    assert len(solved) >= 10 and len(unanswered) >= 3
    assert len(questions) - len(solved) - len(unanswered) >= 5  # answered but not (yet) solved
    for thread in solved:
        post = session.get(Post, thread.solution_post_id)
        assert post.thread_id == thread.id and post.position > 1 and post.deleted_at is None

    likes = list(session.execute(select(PostLike)).scalars())
    assert len(likes) >= 200
    per_post = Counter(like.post_id for like in likes)
    authors = dict(session.execute(select(Post.id, Post.author_id).where(Post.id.in_(per_post))).all())
    assert all(authors[like.post_id] != like.user_id for like in likes)
    counts = dict(session.execute(select(Post.id, Post.like_count).where(Post.like_count > 0)).all())
    assert counts == dict(per_post)

    bookmarks = list(session.execute(select(Bookmark)).scalars())
    assert len(bookmarks) >= 30
    assert all((bookmark.thread_id is None) != (bookmark.post_id is None) for bookmark in bookmarks)


def test_watched_threads_and_read_positions(session):
    from forum.threads.models import ThreadRead, Watch, WatchLevel

    watches = list(session.execute(select(Watch)).scalars())
    assert sum(watch.thread_id is not None for watch in watches) >= 500
    assert {watch.level for watch in watches if watch.category_id} >= {WatchLevel.WATCHING}
    posts_of = dict(session.execute(select(Thread.id, Thread.post_count)).all())
    reads = list(session.execute(select(ThreadRead).limit(300)).scalars())
    assert len(reads) == 300
    for read in reads:
        assert 1 <= read.last_position <= posts_of[read.thread_id]


def test_a_few_open_flags_for_the_moderators(session):
    from forum.moderation.models import Flag, TargetType

    flags = list(session.execute(select(Flag)).scalars())
    assert 9 <= len(flags) <= 15 and all(flag.resolved_at is None for flag in flags)
    assert len({(flag.reporter_id, flag.target_type, flag.target_id) for flag in flags}) == len(flags)
    by_type = Counter(flag.target_type for flag in flags)
    assert by_type[TargetType.POST] >= 6
    assert by_type[TargetType.THREAD] == by_type[TargetType.RESOURCE] == by_type[TargetType.PRACTICE] == 1
    for flag in flags:
        # Nobody flags what they wrote, nor what their own fabrique lends.
        if flag.target_type in (TargetType.POST, TargetType.THREAD):
            model = Post if flag.target_type is TargetType.POST else Thread
            assert session.get(model, flag.target_id).author_id != flag.reporter_id
        elif flag.target_type is TargetType.RESOURCE:
            resource = session.get(Resource, flag.target_id)
            assert flag.reporter_id not in set(session.scalars(
                select(Membership.user_id).where(Membership.fabrique_id == resource.fabrique_id)))
        else:
            practice = session.execute(select(Practice).where(Practice.id == flag.target_id)
                                       .options(selectinload(Practice.authors))).scalar_one()
            assert practice.is_published and flag.reporter_id not in {author.id for author in practice.authors}


def test_two_newcomers_posts_with_links_wait_for_approval(session):
    from forum.threads.services import APPROVED_POSTS_TO_BE_TRUSTED, needs_approval

    held = list(session.execute(select(Post).where(Post.hidden_kind == HiddenKind.AWAITING_APPROVAL)).scalars())
    assert len(held) == 2 and all(post.hidden_at is not None and "https://" in post.body_html for post in held)
    assert all(post.hidden_reason == AWAITING_APPROVAL for post in held)  # the sentence their authors read
    assert held_content(10)[1] == 2, "the moderators' queue lists them"
    for post in held:
        published = session.scalar(select(func.count()).select_from(Post).where(
            Post.author_id == post.author_id, Post.hidden_at.is_(None)))
        assert published < APPROVED_POSTS_TO_BE_TRUSTED
        # What the forum itself would do with the same post from the same member.
        assert needs_approval(session.get(User, post.author_id), post.body_html)


def test_the_counters_equal_a_recount(session):
    """The demo's rows and the counters the forum keeps of them agree (forum.threads.counters)."""
    def stored():
        return (sorted(session.execute(select(Thread.id, Thread.post_count, Thread.deleted_reply_count,
                                              Thread.hidden_reply_count)).all()),
                sorted(session.execute(select(Category.id, Category.thread_count, Category.post_count)).all()))

    before = stored()
    counters.recount_all(session)
    assert stored() == before
    session.rollback()


def test_the_forum_s_recent_activity_is_in_the_notification_centre(session):
    rows = list(session.execute(select(Notification).where(Notification.kind.in_(("reply", "solution", "like")))).scalars())
    kinds = Counter(row.kind for row in rows)
    assert kinds["reply"] >= 20 and kinds["solution"] >= 1 and kinds["like"] >= 20
    assert any(row.read_at is None for row in rows) and any(row.read_at is not None for row in rows)
    reads = {(read.user_id, read.thread_id): read.last_position for read in session.execute(select(ThreadRead)).scalars()}
    posts = {post.id: post for post in session.execute(select(Post).where(
        Post.id.in_([int(row.link.rsplit("/", 1)[1]) for row in rows]))).scalars()}
    for row in rows:
        post = posts[int(row.link.rsplit("/", 1)[1])]
        assert row.user_id != row.actor_id and post.hidden_at is None
        if row.kind == "reply":  # unread exactly when the member has not read that far
            assert (row.read_at is None) == (reads.get((row.user_id, post.thread_id), 0) < post.position)


# -- Private conversations ---------------------------------------------------------------------


def test_private_conversations(seeded, session):
    """A few stories between members (forum/demo/conversations.toml), kept as the messages' services
    keep them: counters, read positions, who is told (not who muted or left), texts cleaned and rendered."""
    _app, counts = seeded
    now = utcnow()
    conversations = list(session.scalars(select(Conversation).order_by(Conversation.id)))
    assert len(conversations) == counts["conversations privées"] >= 3
    messages = list(session.scalars(select(PrivateMessage).order_by(PrivateMessage.id)))
    assert len(messages) == counts["messages privés"]
    members = list(session.scalars(select(ConversationMember).order_by(ConversationMember.id)))
    users = {user.id: user for user in session.scalars(select(User))}
    by_conversation = defaultdict(list)
    for message in messages:
        by_conversation[message.conversation_id].append(message)
    members_of = defaultdict(dict)
    for member in members:
        members_of[member.conversation_id][member.user_id] = member

    for conversation in conversations:
        mine, people = by_conversation[conversation.id], members_of[conversation.id]
        assert conversation.message_count == len(mine) >= 2
        assert conversation.last_message_id == mine[-1].id and conversation.last_message_at == mine[-1].created_at
        assert conversation.created_at == mine[0].created_at and conversation.started_by_id == mine[0].author_id
        assert message_services.clean_subject(conversation.subject) == conversation.subject
        assert all(a.created_at < b.created_at for a, b in pairwise(mine)) and mine[-1].created_at < now
        assert len(people) >= 2
        for message in mine:
            assert message.author_id in people and message.hidden_at is None
            assert message_services.clean_body(message.body_source) == message.body_source
            assert message.body_html == str(render_markdown(message.body_source))
            assert not re.search(r"\{\w+\}|⟦|⟧", message.body_source + conversation.subject)
        for user_id, member in people.items():
            own = [message.id for message in mine if message.author_id == user_id]
            assert (own[-1] if own else 0) <= member.last_read_message_id <= conversation.last_message_id
            if member.left_at is not None:
                assert own and all(message.created_at < member.left_at for message in mine if message.author_id == user_id)
                assert member.left_at < now

    # The stories: a three-way one, one unread by the forum team (the administrator's account), one
    # unread by a member who muted it, one that somebody left.
    admin = session.scalar(select(User.id).where(User.email == ADMIN_EMAIL))
    assert any(len(members_of[conversation.id]) >= 3 for conversation in conversations)
    unread_by = {(member.conversation_id, member.user_id) for member in members
                 if member.left_at is None and member.last_read_message_id < session.get(
                     Conversation, member.conversation_id).last_message_id}
    assert any(user_id == admin for _conversation_id, user_id in unread_by)
    assert any(members_of[conversation_id][user_id].muted for conversation_id, user_id in unread_by)
    assert sum(member.left_at is not None for member in members) >= 1
    # The follow-up of a thread links to the forum message it follows, written by the other member.
    linked = [(message, int(match.group(1))) for message in messages
              if (match := re.search(r"\]\(/messages/(\d+)\)", message.body_source))]
    assert linked
    for message, post_id in linked:
        post = session.get(Post, post_id)
        assert post is not None and post.author_id in members_of[message.conversation_id]
        assert post.author_id != message.author_id and post.created_at < message.created_at
    # The loan pick-up: the requester of an accepted loan of the resource named in the subject, and
    # two members of the lending fabrique.
    loans = list(session.scalars(select(Loan).where(Loan.state == LoanState.ACCEPTED)))
    resources = {resource.id: resource.name for resource in session.scalars(select(Resource))}
    active = {(m.user_id, m.fabrique_id) for m in session.scalars(
        select(Membership).where(Membership.status == MembershipStatus.ACTIVE))}
    pickups = [(conversation, loan) for conversation in conversations for loan in loans
               if resources[loan.resource_id] in conversation.subject
               and loan.requested_by_id in members_of[conversation.id]]
    assert pickups
    for conversation, loan in pickups:
        lenders = [user_id for user_id in members_of[conversation.id] if (user_id, loan.owner_fabrique_id) in active]
        assert len(lenders) == 2 and len(members_of[conversation.id]) == 3

    # Told as the services tell: every other member still listening at the time, unread exactly
    # when their read position is before the message.
    notices = list(session.scalars(select(Notification).where(Notification.kind == "private_message")))
    assert notices and any(notice.user_id == admin and notice.read_at is None for notice in notices)
    by_id = {message.id: message for message in messages}
    told = set()
    for notice in notices:
        match = re.fullmatch(r"/messagerie/(\d+)#message-(\d+)", notice.link)
        assert match, notice.link
        conversation_id, message = int(match.group(1)), by_id[int(match.group(2))]
        member = members_of[conversation_id][notice.user_id]
        assert message.conversation_id == conversation_id and notice.actor_id == message.author_id != notice.user_id
        assert notice.created_at == message.created_at
        assert (notice.read_at is None) == (member.last_read_message_id < message.id)
        assert notice.read_at is None or message.created_at <= notice.read_at <= now
        first = message.id == by_conversation[conversation_id][0].id
        subject = session.get(Conversation, conversation_id).subject
        assert notice.text == message_services.message_notice(users[message.author_id].display_name, subject,
                                                              new=first)
        told.add((message.id, notice.user_id))
    for conversation in conversations:
        for message in by_conversation[conversation.id]:
            for user_id, member in members_of[conversation.id].items():
                if user_id == message.author_id:
                    continue
                own = [m.created_at for m in by_conversation[conversation.id] if m.author_id == user_id]
                quiet = (member.muted or member.left_at is not None) and own and message.created_at > own[-1]
                assert ((message.id, user_id) in told) == (not quiet), (conversation.subject, message.id, user_id)


def test_rooms_have_rules_and_hourly_bookings_that_never_overlap(seeded, session):
    from forum.resources.models import BOOKING_STATES, RoomRules
    from forum.resources.rooms import rules_of
    from forum.resources.slots import Slot
    from forum.core.dates import PARIS

    _app, counts = seeded
    rooms = {resource.id: resource for resource in session.scalars(
        select(Resource).where(Resource.kind == ResourceKind.SPACE))}
    rules = {row.resource_id: row for row in session.scalars(select(RoomRules))}
    assert set(rules) == set(rooms) and counts["règles de salles"] == len(rooms)
    assert {row.needs_approval for row in rules.values()} == {True, False}
    booked = list(session.scalars(select(Loan).where(Loan.starts_at.is_not(None)).order_by(Loan.starts_at)))
    assert len(booked) == counts["réservations de salles"] >= 100
    now = utcnow()
    assert any(loan.ends_at < now for loan in booked) and any(loan.starts_at > now for loan in booked)
    by_room = defaultdict(list)
    for loan in booked:
        assert loan.resource_id in rooms
        start, end = loan.starts_at.astimezone(PARIS), loan.ends_at.astimezone(PARIS)
        slot = Slot.of(start.date(), start.time(), end.time())
        room_rules = rules_of(rules[loan.resource_id])
        assert room_rules.is_open(slot) and room_rules.min_minutes <= slot.wall_minutes <= room_rules.max_minutes
        assert loan.start_date == loan.end_date == start.date()
        assert loan.blocked_until == loan.ends_at + timedelta(minutes=room_rules.buffer_minutes)
        if loan.state in BOOKING_STATES or loan.state is LoanState.RETURNED:
            by_room[loan.resource_id].append(loan)
    for held in by_room.values():
        for first, second in zip(held, held[1:]):
            assert second.starts_at >= first.blocked_until
def test_the_agenda(seeded, session):
    """40+ events, past and coming, some cancelled, one full with a waiting list that respects its capacity,
    one in a room booked from another fabrique; each answer unique per member and event."""
    from forum.events.models import Answer, Event, EventStatus, PlaceKind, Rsvp
    from forum.resources.models import Loan

    _app, counts = seeded
    events = session.execute(select(Event).options(selectinload(Event.timings))).scalars().all()
    assert len(events) == counts["événements"] >= 40
    now = utcnow()
    assert any(event.ends_at < now for event in events) and sum(event.starts_at > now for event in events) >= 20
    assert sum(event.status is EventStatus.CANCELLED for event in events) >= 3
    assert all(event.timings and event.starts_at == event.timings[0].starts_at for event in events)
    assert all(timing.ends_at > timing.starts_at for event in events for timing in event.timings)
    assert len({event.uid for event in events}) == len(events)
    for event in events:
        answers = session.execute(select(Rsvp).where(Rsvp.event_id == event.id)).scalars().all()
        confirmed = [a for a in answers if a.answer is Answer.GOING and not a.waiting]
        assert event.capacity is None or len(confirmed) <= event.capacity, event.title
        assert all(not a.waiting or (event.capacity and len(confirmed) == event.capacity) for a in answers)
        assert len({a.user_id for a in answers}) == len(answers)
    full = [event for event in events if event.starts_at > now and session.scalar(
        select(func.count()).where(Rsvp.event_id == event.id, Rsvp.waiting.is_(True)))]
    assert full, "one upcoming event is full, with people waiting"
    booked = [event for event in events if event.place_kind is PlaceKind.BOOKED_ROOM]
    assert booked and all(session.get(Loan, event.loan_id).borrower_fabrique_id == event.fabrique_id
                          for event in booked)
    # Held in an hourly room booking, within its slot, still waiting for the owner's answer.
    for event in booked:
        loan = session.get(Loan, event.loan_id)
        assert loan.starts_at is not None and loan.state is LoanState.REQUESTED, event.title
        assert all(loan.starts_at <= timing.starts_at and timing.ends_at <= loan.ends_at for timing in event.timings)
