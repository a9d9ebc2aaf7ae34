"""A small public world for the API's tests, through the real services, with one hidden or private
item of each kind beside the visible ones."""

from __future__ import annotations

from sqlalchemy import select

from forum.core.database import write_intent
from forum.events.models import Event
from forum.extensions import db
from forum.moderation.models import TargetType
from forum.moderation.services import set_hidden
from forum.practices.models import Practice
from forum.resources.models import Resource, ResourceKind
from forum.threads import services as thread_services
from forum.threads.models import Post, Thread
from tests.conftest import make_category, make_fabrique, make_member, make_reply, make_thread, make_user
from tests.events.builders import make_event
from tests.practices.builders import make_practice
from tests.resources.builders import make_resource

SECRET = "texte-secret"  # in every piece of content that must never appear


TARGETS = {Post: TargetType.POST, Thread: TargetType.THREAD, Practice: TargetType.PRACTICE,
           Resource: TargetType.RESOURCE, Event: TargetType.EVENT}


def hide(model, item_id: int) -> None:
    """Hidden by moderation, as forum.moderation hides (counters included)."""
    with write_intent():
        set_hidden(TARGETS[model], db.session.get(model, item_id), "Hors sujet")
        db.session.commit()


def world() -> dict:
    manager = make_user("manager@exemple.fr", "Maëlle Durand")
    fabrique = make_fabrique(manager, "La Fabrique des Possibles")
    author = make_member(fabrique, "bob@exemple.fr", "Bob Leroy")
    category = make_category("Médiation numérique", 1)
    theme = make_category("Culture", 2)

    thread = make_thread(author, category, "Financer un poste de médiateur", "Bonjour, la **subvention** finit.",
                         is_question=True)
    reply = make_reply(manager, thread, "Nous avons monté une SCIC.")
    hidden_reply = make_reply(author, thread, f"Une réponse masquée {SECRET}")
    deleted_reply = make_reply(author, thread, f"Une réponse effacée {SECRET}")
    hidden_thread = make_thread(author, category, f"Sujet masqué {SECRET}", f"Texte {SECRET}")
    hide(Post, hidden_reply.id)
    hide(Thread, hidden_thread.id)
    with write_intent():
        thread_services.delete_post(author, db.session.get(Post, deleted_reply.id))
        db.session.commit()

    practice = make_practice(author, [theme.id], title="Un atelier vélo au café associatif")
    draft = make_practice(author, [theme.id], publish=False, title=f"Brouillon {SECRET}")
    hidden_practice = make_practice(author, [theme.id], title=f"Retour masqué {SECRET}")
    hide(Practice, hidden_practice.id)

    laser = make_resource(manager, fabrique, "Découpeuse laser", description="Une **découpeuse** 60 W.")
    room = make_resource(manager, fabrique, "Salle des Tilleuls", kind=ResourceKind.SPACE)
    guide = make_resource(manager, fabrique, "Guide de la médiation", kind=ResourceKind.KNOW_HOW)
    hidden_resource = make_resource(manager, fabrique, f"Ressource masquée {SECRET}", kind=ResourceKind.KNOW_HOW)
    hide(Resource, hidden_resource.id)

    event = make_event(manager, fabrique, title="Rencontre régionale des médiateurs")
    hidden_event = make_event(manager, fabrique, title=f"Événement masqué {SECRET}")
    hide(Event, hidden_event.id)
    return {"manager": manager, "fabrique": fabrique, "author": author, "category": category, "theme": theme,
            "thread": thread, "reply": reply, "hidden_reply": hidden_reply, "deleted_reply": deleted_reply,
            "hidden_thread": hidden_thread, "practice": practice, "draft": draft, "hidden_practice": hidden_practice,
            "laser": laser, "room": room, "guide": guide, "hidden_resource": hidden_resource, "event": event,
            "hidden_event": hidden_event}


def opening_post(thread_id: int) -> Post:
    return db.session.execute(select(Post).where(Post.thread_id == thread_id, Post.position == 1)).scalar_one()
