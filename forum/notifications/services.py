"""The notification centre: tell members what happened, in the app and by e-mail.

Other domains call ``notify``; the e-mail leaves after the commit (forum.core.mail).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select, update

from forum.accounts.models import User
from forum.core.errors import NotFound
from forum.core.mail import queue_email
from forum.core.models import utcnow
from forum.core.security import is_safe_local_path
from forum.extensions import db
from forum.notifications.models import Notification

SIGNATURE = "\n\n-- \nForum des Fabriques\nVous recevez ce message parce que vous êtes concerné·e par cette activité."


def notify(recipients: Iterable[User], kind: str, text: str, link: str, *, actor: User | None = None,
           site_url: str = "", email_subject: str | None = None, email_text: str | None = None) -> list[Notification]:
    """One notification per recipient (the actor excluded), and an e-mail each when a subject is given."""
    if not is_safe_local_path(link):
        raise ValueError(f"notification link must be a local path: {link!r}")
    sent: list[Notification] = []
    seen: set[int] = set()
    for user in recipients:
        if user.id in seen or (actor is not None and user.id == actor.id):
            continue
        seen.add(user.id)
        notification = Notification(user_id=user.id, actor_id=actor.id if actor else None, kind=kind,
                                    text=text[:300], link=link)
        db.session.add(notification)
        sent.append(notification)
        if email_subject:
            body = (email_text or text) + f"\n\n{site_url}{link}" + SIGNATURE
            queue_email(db.session, user.email, email_subject, body)
    db.session.flush()
    return sent


def unread_count(user: User) -> int:
    return db.session.execute(
        select(func.count()).select_from(Notification)
        .where(Notification.user_id == user.id, Notification.read_at.is_(None))
    ).scalar_one()


def get_own_notification(user: User, notification_id: int) -> Notification:
    notification = db.session.get(Notification, notification_id)
    if notification is None or notification.user_id != user.id:
        raise NotFound("Cette notification n'existe pas.")
    return notification


def mark_read(user: User, notification: Notification) -> None:
    if notification.user_id != user.id:
        raise NotFound("Cette notification n'existe pas.")
    if notification.read_at is None:
        notification.read_at = utcnow()


def mark_all_read(user: User) -> int:
    result = db.session.execute(
        update(Notification).where(Notification.user_id == user.id, Notification.read_at.is_(None))
        .values(read_at=utcnow()).execution_options(synchronize_session=False)
    )
    return result.rowcount
