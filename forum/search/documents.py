"""The registry of indexed models: which rows become which search documents.

The database is the truth; a document is rebuilt from it whenever its row may
have changed, so applying a change twice is harmless. ``documents_for(keys)``
gives the current document of each key, or nothing when the row is gone or not
public (a draft, a deleted post, anything hidden by moderation, a reply in a hidden thread):
the caller then deletes the key from the index.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session, contains_eager, joinedload, selectinload

from flask_babel import lazy_gettext

from forum.events.models import Event
from forum.fabriques.models import Fabrique
from forum.fabriques.standard import standard_labels
from forum.practices.models import Practice, PracticeStatus, SECTIONS
from forum.resources.models import Resource, ResourceKind
from forum.search.analysis import fold
from forum.search.schema import FOUND_BY, LANGUAGE
from forum.threads.models import Post, Thread

KIND_OF_MODEL = {Thread: "fil", Post: "message", Practice: "pratique", Resource: "ressource", Fabrique: "fabrique",
                 Event: "evenement"}
# What a lendable item of the catalogue is found by, though its description rarely says it: the
# search vocabulary (forum/search/vocabulary.toml) widens these words to « emprunter », « louer »,
# « mettre à disposition »… Know-how is shared, not lent.
LENDING_WORDS = {ResourceKind.EQUIPMENT: "prêt", ResourceKind.SPACE: "prêt"}
KIND_LABELS = {"fil": lazy_gettext("Fil"), "message": lazy_gettext("Message"), "pratique": lazy_gettext("Pratique"), "ressource": lazy_gettext("Ressource"),
               "fabrique": lazy_gettext("Fabrique"), "evenement": lazy_gettext("Événement")}
BATCH = 500


def key_of(kind: str, row_id: int) -> str:
    return f"{kind}:{row_id}"


def split_key(key: str) -> tuple[str, int]:
    kind, _, row_id = key.partition(":")
    return kind, int(row_id)


def keys_touched_by(instance: Any) -> list[str]:
    """The document keys whose content may change when ``instance`` changes ([] if not indexed)."""
    if isinstance(instance, Post):
        keys = [key_of("message", instance.id)] if instance.position and instance.position > 1 else []
        if instance.thread_id is not None:
            # The opening post is the thread's body; a reply changes its status ("sans réponse").
            keys.append(key_of("fil", instance.thread_id))
        return keys
    kind = KIND_OF_MODEL.get(type(instance))
    return [key_of(kind, instance.id)] if kind and instance.id is not None else []


# A thread's replies are documents of their own whose visibility and category follow the thread's
# (not the title: a reply is indexed without it, see _post_documents).
_THREAD_FIELDS_IN_REPLIES = ("hidden_at", "category_id")


def reply_keys_touched_by(connection, instances) -> list[str]:
    """The replies' keys of threads hidden, restored, moved or renamed in this flush (one query, often none)."""
    thread_ids = [instance.id for instance in instances if isinstance(instance, Thread) and instance.id is not None
                  and any(inspect(instance).attrs[name].history.has_changes() for name in _THREAD_FIELDS_IN_REPLIES)]
    if not thread_ids:
        return []
    return [key_of("message", post_id) for post_id in connection.execute(
        select(Post.id).where(Post.thread_id.in_(thread_ids), Post.position > 1)).scalars()]


def _plain(markdown_source: str) -> str:
    return markdown_source or ""


def _date(value: datetime | None) -> datetime | None:
    return value.replace(tzinfo=None) if value is not None else None  # whoosh stores naive datetimes (UTC)


# The "statut" facet of threads: solved questions, threads nobody answered yet.
THREAD_STATUS_LABELS = {"resolu": lazy_gettext("Résolu"), "sans-reponse": lazy_gettext("Sans réponse")}


def thread_status(thread: Thread) -> str:
    if thread.solution_post_id is not None:
        return "resolu"
    return "sans-reponse" if thread.reply_count == 0 else ""


def _thread_documents(session: Session, ids: list[int]) -> Iterator[tuple[str, dict]]:
    threads = session.execute(
        select(Thread).where(Thread.id.in_(ids), Thread.hidden_at.is_(None))
        .options(joinedload(Thread.category), joinedload(Thread.fabrique))).unique().scalars()
    threads = list(threads)
    openings = {post.thread_id: post for post in session.execute(
        select(Post).where(Post.thread_id.in_([t.id for t in threads]), Post.position == 1)).scalars()}
    for thread in threads:
        opening = openings.get(thread.id)
        fabrique = thread.fabrique
        yield key_of("fil", thread.id), {
            "kind": "fil", "title": thread.title,
            "body": _plain(opening.body_source
                           if opening and not opening.is_deleted and not opening.is_hidden else ""),
            "category": thread.category.slug, "region": fabrique.region_code if fabrique else "",
            "territory": fabrique.territory_type.value if fabrique else "",
            "fabrique": str(fabrique.id) if fabrique else "", "fabrique_name": fabrique.name if fabrique else "",
            "solved": thread_status(thread), "date": _date(thread.created_at), "url": f"/sujets/{thread.id}/{thread.slug}",
            "thread": str(thread.id),
            # The title is written in the opening post's language.
            LANGUAGE: opening.language if opening and not opening.is_deleted else None,
        }


def _post_documents(session: Session, ids: list[int]) -> Iterator[tuple[str, dict]]:
    posts = session.execute(
        select(Post).join(Post.thread)
        .where(Post.id.in_(ids), Post.position > 1, Post.deleted_at.is_(None), Post.hidden_at.is_(None),
               Thread.hidden_at.is_(None))
        .options(contains_eager(Post.thread).joinedload(Thread.category), joinedload(Post.fabrique))).unique().scalars()
    for post in posts:
        fabrique = post.fabrique
        yield key_of("message", post.id), {
            # No title: a reply ranks by its own words. Its thread's title is shown, never indexed.
            "kind": "message", "title": "", "thread_title": post.thread.title, "body": _plain(post.body_source),
            "category": post.thread.category.slug, "region": fabrique.region_code if fabrique else "",
            "territory": fabrique.territory_type.value if fabrique else "",
            "fabrique": str(fabrique.id) if fabrique else "", "fabrique_name": fabrique.name if fabrique else "",
            "solved": "", "date": _date(post.created_at), "url": f"/messages/{post.id}",
            "thread": str(post.thread_id), LANGUAGE: post.language,
        }


def _practice_documents(session: Session, ids: list[int]) -> Iterator[tuple[str, dict]]:
    practices = session.execute(
        select(Practice).where(Practice.id.in_(ids), Practice.status == PracticeStatus.PUBLISHED,
                               Practice.hidden_at.is_(None))
        .options(joinedload(Practice.fabrique), selectinload(Practice.themes))).unique().scalars()
    for practice in practices:
        body = "\n\n".join(getattr(practice, f"{name}_source") for name in SECTIONS)
        yield key_of("pratique", practice.id), {
            "kind": "pratique", "title": practice.title, "body": body,
            "category": practice.themes[0].slug if practice.themes else "",
            "region": practice.fabrique.region_code, "territory": practice.territory_type.value,
            "practice_kind": practice.kind.value, "fabrique": str(practice.fabrique_id),
            "fabrique_name": practice.fabrique.name, "date": _date(practice.published_at),
            "url": f"/pratiques/{practice.id}", LANGUAGE: practice.language,
        }


def _resource_documents(session: Session, ids: list[int]) -> Iterator[tuple[str, dict]]:
    resources = session.execute(
        select(Resource).where(Resource.id.in_(ids), Resource.hidden_at.is_(None))
        .options(joinedload(Resource.fabrique))).unique().scalars()
    for resource in resources:
        body = " ".join(filter(None, (resource.description_source, resource.category_label, resource.room_equipment,
                                      resource.usage_conditions)))
        yield key_of("ressource", resource.id), {
            "kind": "ressource", "title": resource.name, "body": body, FOUND_BY: LENDING_WORDS.get(resource.kind),
            "region": resource.fabrique.region_code,
            "territory": resource.fabrique.territory_type.value, "resource_kind": resource.kind.value,
            "fabrique": str(resource.fabrique_id), "fabrique_name": resource.fabrique.name,
            "date": _date(resource.created_at), "url": f"/ressources/{resource.id}", LANGUAGE: resource.language,
        }


def _fabrique_documents(session: Session, ids: list[int]) -> Iterator[tuple[str, dict]]:
    fabriques = session.execute(
        select(Fabrique).where(Fabrique.id.in_(ids))
        .options(selectinload(Fabrique.module_links), selectinload(Fabrique.standard_values))).scalars()
    for fabrique in fabriques:
        body = " ".join(filter(None, (fabrique.summary, fabrique.description_source, fabrique.city,
                                      fabrique.department_label, fabrique.region_label, *fabrique.module_labels,
                                      *standard_labels(fabrique))))
        yield key_of("fabrique", fabrique.id), {
            "kind": "fabrique", "title": fabrique.name, "body": body, "region": fabrique.region_code,
            "territory": fabrique.territory_type.value, "fabrique": str(fabrique.id),
            "fabrique_name": fabrique.name, "date": _date(fabrique.created_at), "url": f"/fabriques/{fabrique.slug}",
        }


def event_series(fabrique_id: int, title: str) -> str:
    """The group of an event in the results: a fabrique's events of the same title (its « Café
    numérique du jeudi » of every month) are one result, as a thread's messages are (grouping.py)."""
    return f"evenements-{fabrique_id}-{fold(' '.join(title.split()))}"


def _event_documents(session: Session, ids: list[int]) -> Iterator[tuple[str, dict]]:
    events = session.execute(
        select(Event).where(Event.id.in_(ids), Event.hidden_at.is_(None))
        .options(joinedload(Event.fabrique))).unique().scalars()
    for event in events:
        fabrique = event.fabrique
        body = " ".join(filter(None, (event.summary, event.description_source, event.kind.label, event.audience,
                                      event.address, fabrique.city, event.status.label)))
        yield key_of("evenement", event.id), {
            "kind": "evenement", "title": event.title, "body": body, "region": fabrique.region_code,
            "territory": fabrique.territory_type.value, "event_kind": event.kind.value,
            "thread": event_series(event.fabrique_id, event.title),
            "fabrique": str(fabrique.id), "fabrique_name": fabrique.name, "date": _date(event.starts_at),
            "url": f"/agenda/{event.id}", LANGUAGE: event.language,
        }


BUILDERS = {"fil": _thread_documents, "message": _post_documents, "pratique": _practice_documents,
            "ressource": _resource_documents, "fabrique": _fabrique_documents, "evenement": _event_documents}
ID_COLUMNS = {"fil": Thread.id, "message": Post.id, "pratique": Practice.id, "ressource": Resource.id,
              "fabrique": Fabrique.id, "evenement": Event.id}


def documents_for(session: Session, keys: Iterable[str]) -> dict[str, dict]:
    """The current document of each key that is public now; absent keys must leave the index."""
    by_kind: dict[str, list[int]] = {}
    for key in keys:
        kind, row_id = split_key(key)
        if kind in BUILDERS:
            by_kind.setdefault(kind, []).append(row_id)
    documents: dict[str, dict] = {}
    for kind, ids in by_kind.items():
        for start in range(0, len(ids), BATCH):
            documents.update(BUILDERS[kind](session, ids[start:start + BATCH]))
    return documents


def all_keys(session: Session) -> Iterator[str]:
    """Every key that should be in the index (for rebuild and check)."""
    yield from (key_of("fil", row_id) for row_id in session.execute(
        select(Thread.id).where(Thread.hidden_at.is_(None))).scalars())
    yield from (key_of("message", row_id) for row_id in session.execute(
        select(Post.id).join(Thread, Thread.id == Post.thread_id)
        .where(Post.position > 1, Post.deleted_at.is_(None), Post.hidden_at.is_(None),
               Thread.hidden_at.is_(None))).scalars())
    yield from (key_of("pratique", row_id) for row_id in session.execute(
        select(Practice.id).where(Practice.status == PracticeStatus.PUBLISHED, Practice.hidden_at.is_(None))).scalars())
    yield from (key_of("ressource", row_id) for row_id in session.execute(
        select(Resource.id).where(Resource.hidden_at.is_(None))).scalars())
    yield from (key_of("fabrique", row_id) for row_id in session.execute(select(Fabrique.id)).scalars())
    yield from (key_of("evenement", row_id) for row_id in session.execute(
        select(Event.id).where(Event.hidden_at.is_(None))).scalars())
