"""Fixtures of the moderation tests: a small forum with members, a moderator and an admin."""

from __future__ import annotations

import html

import pytest
from sqlalchemy import func, select

from forum.extensions import db
from tests.conftest import form_fields, make_category, make_reply, make_thread, make_user


@pytest.fixture
def forum(app):
    alice = make_user("alice@exemple.fr", "Alice Martin")
    bob = make_user("bob@exemple.fr", "Bob Leroy")
    chloe = make_user("chloe@exemple.fr", "Chloé Petit")
    david = make_user("david@exemple.fr", "David Moreau")
    mod = make_user("mod@exemple.fr", "Modeste Modératrice", role="moderator")
    admin = make_user("admin@exemple.fr", "Adèle Admin", role="admin")
    category = make_category("Médiation numérique", 1)
    other_category = make_category("Culture", 2)
    thread = make_thread(alice, category, "Comment financer un poste de médiateur ?",
                         "Bonjour, la subvention se termine en juin.")
    reply = make_reply(bob, thread, "Achetez des montres de luxe sur mon site pas cher.")
    return {"alice": alice, "bob": bob, "chloe": chloe, "david": david, "mod": mod, "admin": admin,
            "category": category, "other_category": other_category, "thread": thread, "reply": reply}


def thread_url(thread) -> str:
    return f"/sujets/{thread.id}/{thread.slug}"


def press(client, url: str, page: str, **data):
    """Submit a form of ``page`` to ``url`` (CSRF and submission tokens read from ``page``, see
    ``tests.conftest.form_fields``)."""
    return client.post(url, data={**form_fields(client, url, page), **data})


def count(model, *where) -> int:
    return db.session.execute(select(func.count()).select_from(model).where(*where)).scalar_one()


def text_of(response) -> str:
    """The page's text, HTML entities decoded ("n'existe" rather than "n&#39;existe")."""
    return html.unescape(response.get_data(as_text=True))
