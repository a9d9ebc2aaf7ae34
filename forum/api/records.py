"""The API's items as plain dicts (their shapes: forum/api/schemas.py), with absolute URLs.

Only what a visitor reads on the site's pages: public display names, never an e-mail address of a
member nor a member's id; HTML as stored (sanitised when written), never rendered again.
"""

from __future__ import annotations

import tomllib
from datetime import datetime, timezone
from functools import cache
from importlib import resources as package_files

from forum.api.web import absolute
from forum.events.models import Event
from forum.fabriques.models import Fabrique
from forum.fabriques.standard import record_of
from forum.practices.models import SECTIONS, Practice
from forum.resources.models import ALL_CATEGORIES, Resource, ResourceKind
from forum.threads.models import Post, Thread

DELETED_MEMBER = "Membre supprimé"


@cache
def texts() -> dict:
    """forum/api/data/api.toml: the API's names and sentences."""
    return tomllib.loads(package_files.files("forum.api").joinpath("data/api.toml").read_text(encoding="utf-8"))


def utc(moment: datetime | None) -> str | None:
    return moment.astimezone(timezone.utc).isoformat().replace("+00:00", "Z") if moment else None


def _name(user) -> str:
    return DELETED_MEMBER if user is None or user.deleted_at is not None else user.display_name


def changed_at(*moments: datetime | None) -> datetime | None:
    """The newest of ``moments`` (None when all are)."""
    known = [moment for moment in moments if moment is not None]
    return max(known) if known else None


def fabrique_changed_at(fabrique: Fabrique) -> datetime:
    return changed_at(fabrique.created_at, fabrique.updated_at, fabrique.imported_at)


def fabrique_ref(fabrique: Fabrique) -> dict:
    return {"slug": fabrique.slug, "nom": fabrique.name, "url": absolute("fabriques.show", slug=fabrique.slug)}


def fabrique_record(fabrique: Fabrique) -> dict:
    """The standard's record of the fabrique (forum.fabriques.standard, the one serialiser), then ours."""
    return {**record_of(fabrique, texts()["source"]), "slug": fabrique.slug,
            "url": absolute("fabriques.show", slug=fabrique.slug)}


def _availability(resource: Resource) -> str | None:
    if resource.kind is ResourceKind.SPACE:
        return absolute("rooms.week", resource_id=resource.id)
    if resource.kind is ResourceKind.EQUIPMENT:
        return absolute("resources.show", resource_id=resource.id) + "#disponibilites"
    return None


def resource_record(resource: Resource) -> dict:
    return {
        "id": resource.id, "type": resource.kind.value, "type_libelle": resource.kind.label, "titre": resource.name,
        "categorie": resource.category, "categorie_libelle": ALL_CATEGORIES.get(resource.category, resource.category),
        "en_pause": resource.paused, "fabrique": fabrique_ref(resource.fabrique),
        "description_markdown": resource.description_source, "description_html": resource.description_html,
        "url": absolute("resources.show", resource_id=resource.id), "disponibilites": _availability(resource),
        "markdown": absolute("resources.markdown", resource_id=resource.id), "mis_a_jour": utc(resource.updated_at),
    }


def resource_changed_at(resource: Resource) -> datetime:
    return changed_at(resource.updated_at, fabrique_changed_at(resource.fabrique))


def practice_record(practice: Practice) -> dict:
    return {
        "id": practice.id, "titre": practice.title, "verdict": practice.kind.value,
        "verdict_libelle": practice.kind.label, "territoire": practice.territory_type.value,
        "periode": practice.period or None,
        "themes": [{"slug": theme.slug, "nom": theme.name} for theme in practice.themes],
        "fabrique": fabrique_ref(practice.fabrique), "auteurs": [_name(author) for author in practice.authors],
        "licence": practice.licence,
        "sections": [{"cle": key, "titre": title, "markdown": getattr(practice, f"{key}_source"),
                      "html": getattr(practice, f"{key}_html")}
                     for key, title in SECTIONS.items() if getattr(practice, f"{key}_source")],
        "publie_le": utc(practice.published_at), "mis_a_jour": utc(practice.updated_at),
        "url": absolute("practices.show", practice_id=practice.id),
        "markdown": absolute("practices.markdown", practice_id=practice.id),
    }


def practice_changed_at(practice: Practice) -> datetime:
    return changed_at(practice.updated_at, practice.published_at, fabrique_changed_at(practice.fabrique))


def thread_record(thread: Thread) -> dict:
    return {
        "id": thread.id, "titre": thread.title,
        "categorie": {"slug": thread.category.slug, "nom": thread.category.name},
        "question": thread.is_question, "resolu": thread.is_solved, "nombre_messages": thread.reply_count + 1,
        "auteur": _name(thread.author), "cree_le": utc(thread.created_at),
        "dernier_message_le": utc(thread.last_post_at),
        "url": absolute("threads.show", thread_id=thread.id, slug=thread.slug),
    }


def post_record(post: Post, solution_id: int | None) -> dict:
    return {"id": post.id, "position": post.position, "auteur": _name(post.author), "html": post.body_html,
            "solution": post.id == solution_id, "cree_le": utc(post.created_at), "modifie_le": utc(post.edited_at)}


def thread_detail(thread: Thread, posts: list[Post]) -> dict:
    return {**thread_record(thread), "messages": [post_record(post, thread.solution_post_id) for post in posts]}


def event_record(event: Event) -> dict:
    return {
        "id": event.id, "titre": event.title, "resume": event.summary or None, "type": event.kind.value,
        "type_libelle": event.kind.label, "statut": event.status.value, "statut_libelle": event.status.label,
        "modalite": event.attendance_mode.value, "debut": utc(event.starts_at), "fin": utc(event.ends_at),
        "adresse": event.address or None,
        "lien_en_ligne": event.online_url or None if event.attendance_mode.is_online else None,
        "fabrique": fabrique_ref(event.fabrique), "description_markdown": event.description_source,
        "description_html": event.description_html, "url": absolute("events.show", event_id=event.id),
        "mis_a_jour": utc(event.updated_at),
    }


def event_changed_at(event: Event) -> datetime:
    return changed_at(event.updated_at, fabrique_changed_at(event.fabrique))
