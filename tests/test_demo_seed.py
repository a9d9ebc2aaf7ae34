"""The demo generator: volume, consistency of the denormalised data, determinism, speed."""

from __future__ import annotations

import re
import time
from collections import Counter, defaultdict
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from forum import create_app
from forum.accounts.models import Role, User
from forum.accounts.passwords import verify_password
from forum.core.errors import Conflict
from forum.core.markdown import render_markdown
from forum.core.models import utcnow
from forum.demo.places import DEPARTMENT_CENTRES
from forum.demo.seed import ADMIN_EMAIL, DEMO_PASSWORD, seed_demo
from forum.extensions import db
from forum.fabriques.geography import DEPARTMENTS
from forum.fabriques.models import (
    MODULES,
    Fabrique,
    Membership,
    MembershipRole,
    MembershipStatus,
    TerritoryType,
)
from forum.threads.models import Category, Post, Tag, Thread, thread_tags
from forum.threads.services import parse_tags
from tests.conftest import base_config

TIME_BUDGET_SECONDS = 30


def _seeded_app(directory, seed: int = 2026):
    """A fresh SQLite database in ``directory``, seeded; returns (app, counts, seconds)."""
    config = base_config(directory)
    config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{directory / 'demo.sqlite3'}"
    app = create_app(config)
    with app.app_context():
        db.create_all()
        started = time.perf_counter()
        counts = seed_demo(seed=seed)
        db.session.commit()
        elapsed = time.perf_counter() - started
        db.session.remove()
    return app, counts, elapsed


def _structure(app) -> tuple[list[str], list[str], str]:
    """(fabrique names, thread titles, all post texts) in id order."""
    with app.app_context():
        names = list(db.session.scalars(select(Fabrique.name).order_by(Fabrique.id)))
        titles = list(db.session.scalars(select(Thread.title).order_by(Thread.id)))
        bodies = "\n\x00".join(db.session.scalars(select(Post.body_source).order_by(Post.id)))
        db.session.remove()
    return names, titles, bodies


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    app, counts, elapsed = _seeded_app(tmp_path_factory.mktemp("demo"))
    print(f"\nseed_demo + commit: {elapsed:.2f} s, {counts}")
    yield app, counts, elapsed
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def session(seeded):
    app = seeded[0]
    with app.app_context():
        yield db.session
        db.session.remove()


def test_it_is_fast_enough(seeded):
    _app, _counts, elapsed = seeded
    assert elapsed < TIME_BUDGET_SECONDS, f"seed_demo took {elapsed:.1f} s"


def test_minimum_volume(seeded, session):
    _app, counts, _elapsed = seeded
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


def test_fabrique_profiles(session):
    for fabrique in session.scalars(select(Fabrique)):
        assert fabrique.department_code in DEPARTMENTS
        assert fabrique.region_code == DEPARTMENTS[fabrique.department_code][1]
        assert 2 <= len(fabrique.summary) <= 240
        assert fabrique.description_html == render_markdown(fabrique.description_source)
        sections = [part for part in fabrique.description_source.split("\n\n") if not part.startswith("- ")]
        assert 2 <= len(sections) <= 4, fabrique.description_source
        assert fabrique.address and fabrique.city and fabrique.opening_hours and fabrique.phone
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
        assert [post.position for post in posts] == list(range(1, len(posts) + 1))
        assert posts[0].author_id == thread.author_id and posts[0].created_at == thread.created_at
        dates = [post.created_at for post in posts]
        assert dates == sorted(dates) and dates[-1] <= now
        assert thread.last_post_at == dates[-1]
        assert thread.last_poster_id == posts[-1].author_id
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
            if post.fabrique_id is not None:
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
    other_app, _counts, _elapsed = _seeded_app(tmp_path)
    try:
        assert _structure(other_app) == _structure(seeded[0])
    finally:
        with other_app.app_context():
            db.engine.dispose()
