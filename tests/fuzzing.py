"""What the fuzz tests share: a small world of real rows, and the GET rules of the URL map with real values."""

from __future__ import annotations

import re

import pytest

from forum.core.database import write_intent
from forum.extensions import db
from tests.conftest import make_category, make_fabrique, make_member, make_reply, make_thread, make_user
from tests.practices.builders import make_practice
from tests.resources.builders import day, make_loan, make_resource


@pytest.fixture
def world(app):
    """A small forum: an admin who manages a fabrique, a member of another, a thread, a resource,
    a loan, a practice, an e-mail that failed; ids and slugs of real rows for the converters."""
    admin = make_user("admin@exemple.fr", "Adèle Admin", role="admin")
    lender = make_fabrique(admin, "La Fabrique Prêteuse", "23", "rural")
    manager = make_user("manager@exemple.fr", "Bastien Responsable")
    borrower = make_fabrique(manager, "L'Atelier Emprunteur", "93", "qpv")
    member = make_member(borrower, "membre@exemple.fr", "Mina Membre")
    category = make_category()
    thread = make_thread(member, category, tags=["vélo", "financement"], is_question=True)
    post = make_reply(admin, thread)
    resource = make_resource(admin, lender)
    loan = make_loan(member, resource, day(3), day(5))
    practice = make_practice(member, [category.id])
    from forum.fabriques import services as fabriques
    from forum.notifications.models import Notification
    from forum.notifications.services import unsubscribe_token

    from forum.messages import services as messages

    with write_intent():
        space = fabriques.add_space(admin, lender, "Grande salle", 25, "Vidéoprojecteur")
        conversation = messages.start_conversation(admin, [member], "Notre convention de prêt", "Bonjour Mina !")
        db.session.commit()
    with write_intent():  # a reported private message: the moderators' page of it
        from forum.moderation import flags
        from forum.moderation.models import TargetType

        message = db.session.execute(db.select(messages.PrivateMessage)).scalars().first()
        flags.flag(db.session.merge(member), TargetType.PRIVATE_MESSAGE, message, "spam")
        db.session.commit()
    from forum.core.models import utcnow
    from forum.events import services as events
    from tests.events.builders import event_input

    with write_intent():  # an event of the borrower's fabrique, published by its member
        event = events.publish_event(member, borrower, event_input(), utcnow())
        db.session.commit()
    from forum.events.calendar_tokens import issue_token

    with write_intent():  # the member's private calendar address
        calendar_token = issue_token(db.session.merge(member), utcnow())
        db.session.commit()
    email_id = _failed_email(member)
    from flask import current_app

    from forum.fabriques.import_files import store_upload

    with write_intent():  # a file of the mediation standard kept for import (its preview page)
        digest = store_upload(db.session.merge(admin), "id,pivot,nom,commune,code_postal,adresse,date_maj\n"
                              "lieu-1,W201000123,Lieu,Bastia,20200,1 quai,2026-10-01\n".encode(), "lieux.csv",
                              current_app.instance_path)
        db.session.commit()
    notification = db.session.execute(db.select(Notification).order_by(Notification.id)).scalars().first()
    return {
        "thread_id": thread.id, "post_id": post.id, "user_id": member.id, "practice_id": practice.id,
        "resource_id": resource.id, "loan_id": loan.id, "space_id": space.id, "membership_id": 1,
        "notification_id": notification.id if notification else 1, "target_id": post.id, "photo_id": 1,
        "fabriques.slug": lender.slug, "threads.slug": category.slug, "feeds.slug": category.slug,
        "threads.show.slug": thread.slug, "tag": "vélo", "token": unsubscribe_token(member),
        "name": "0" * 32 + ".webp", "action": "accepter", "email_id": email_id, "conversation_id": conversation.id,
        "message_id": message.id, "event_id": event.id, "calendars.code": "75",
        "calendars.slug": lender.slug, "calendars.token": calendar_token, "digest": digest, "api.slug": lender.slug,
        "language": "en",
    }


def _failed_email(member) -> int:
    """An e-mail to ``member`` that failed its last attempt (listed on the deliveries page)."""
    from datetime import timedelta

    from forum.core import outbox
    from forum.core.mail import queue_email

    with write_intent():
        email = queue_email(db.session, member.email, "Un e-mail qui n'est pas parti", "Texte.", user_id=member.id)
        db.session.flush()
        [claimed] = outbox.claim(db.session, "fuzz", limit=1, lease=timedelta(minutes=5))
        outbox.mark_attempt_failed(db.session, claimed.id, "fuzz", "OSError: connexion refusée",
                                   outbox.RetryPolicy(max_attempts=1))
        email_id = email.id
        db.session.commit()
    return email_id


def real_value(world, rule, name: str) -> str:
    converter = rule._converters[name]
    if type(converter).__name__ == "AnyConverter":
        return converter.regex.split("|")[0].strip("(?:)")  # its first option
    for key in (f"{rule.endpoint}.{name}", f"{rule.endpoint.split('.')[0]}.{name}", name):
        if key in world:
            return str(world[key])
    raise AssertionError(f"no real value for <{name}> of {rule.rule}: add it to the world fixture")


def path_of(rule, values: dict[str, str]) -> str:
    return re.sub(r"<(?:[a-z]+(?:\([^)]*\))?:)?([a-z_]+)>", lambda match: values[match.group(1)], rule.rule)


def get_rules(app):
    return [rule for rule in app.url_map.iter_rules() if "GET" in rule.methods and rule.endpoint != "static"]


def real_pages(app, world) -> list[tuple[str, str]]:
    """(endpoint, path) of every GET rule (but the photo files), its converters naming real rows."""
    return [(rule.endpoint, path_of(rule, {name: real_value(world, rule, name) for name in rule.arguments}))
            for rule in get_rules(app) if rule.endpoint != "resource_photos.media"]
