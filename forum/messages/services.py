"""Use cases of private conversations. Services flush, never commit.

Who reads what: a conversation and its messages are read by its members only; anyone else gets
NotFound, as if it did not exist (``conversation_for``). A member who ignores another receives no
new conversation from them and no notification of their messages (``ignores``). Messages are
Markdown, rendered and sanitised once, as posts are.

Concurrency: a new message locks its conversation's row first, so two replies sent at the same
moment count and order themselves one after the other (``message_count``, ``last_message_id``).
A member's read position only moves forward (compare-and-set in SQL). Adding a member is a
unique row: the same member added twice at once is added once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from markupsafe import Markup
from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from forum.accounts.models import User
from forum.accounts.names import name_key
from forum.accounts.services import require_confirmed
from forum.core.errors import Forbidden, Invalid, NotFound
from forum.core.locking import lock
from forum.core.markdown import render_markdown
from forum.core.models import utcnow
from forum.core.pagination import Page
from forum.core.text import clean_line, clean_text, require_length
from forum.extensions import db
from forum.messages.models import Conversation, ConversationMember, IgnoredMember, PrivateMessage
from forum.notifications.services import notify

SUBJECT_MAX = 150
BODY_MAX = 32_000
MAX_MEMBERS = 10  # a conversation, not a mailing list
NOT_FOUND = "Cette conversation n'existe pas, ou vous n'en faites pas partie."
SUSPENDED = "Votre compte est suspendu : vous ne pouvez pas écrire pour l'instant."


# -- Reading ----------------------------------------------------------------------------------


def conversation_for(actor: User, conversation_id: int) -> tuple[Conversation, ConversationMember]:
    """The conversation and ``actor``'s membership of it; NotFound unless they are a member."""
    row = db.session.execute(
        select(Conversation, ConversationMember).join(
            ConversationMember, ConversationMember.conversation_id == Conversation.id)
        .where(Conversation.id == conversation_id, ConversationMember.user_id == actor.id)).first()
    if row is None:
        raise NotFound(NOT_FOUND)
    return row[0], row[1]


def conversation_of_message(actor: User, message_id: int) -> int:
    """The id of the conversation of ``message_id``; NotFound unless ``actor`` is one of its members."""
    conversation_id = db.session.execute(
        select(PrivateMessage.conversation_id).join(
            ConversationMember, ConversationMember.conversation_id == PrivateMessage.conversation_id)
        .where(PrivateMessage.id == message_id, ConversationMember.user_id == actor.id)).scalar_one_or_none()
    if conversation_id is None:
        raise NotFound(NOT_FOUND)
    return conversation_id


def messages_of(conversation: Conversation) -> list[PrivateMessage]:
    """Every message of the conversation, oldest first, with its author's name."""
    return list(db.session.execute(
        select(PrivateMessage).where(PrivateMessage.conversation_id == conversation.id)
        .options(joinedload(PrivateMessage.author).load_only(User.id, User.display_name, User.deleted_at))
        .order_by(PrivateMessage.id)).scalars())


def members_of(conversation: Conversation) -> list[User]:
    return list(db.session.execute(
        select(User).join(ConversationMember, ConversationMember.user_id == User.id)
        .where(ConversationMember.conversation_id == conversation.id).order_by(User.display_name)).scalars())


@dataclass(frozen=True)
class ConversationLine:
    """A conversation as the list shows it."""

    id: int
    subject: str
    last_message_at: datetime
    message_count: int
    unread: bool
    others: tuple[str, ...]  # the other members' names


def conversations_of(actor: User, page: int, per_page: int) -> Page[ConversationLine]:
    """``actor``'s conversations, the most recently active first."""
    statement = (select(Conversation, ConversationMember.last_read_message_id)
                 .join(ConversationMember, ConversationMember.conversation_id == Conversation.id)
                 .where(ConversationMember.user_id == actor.id)
                 .order_by(Conversation.last_message_at.desc(), Conversation.id.desc()))
    total = db.session.execute(select(func.count()).select_from(ConversationMember)
                               .where(ConversationMember.user_id == actor.id)).scalar_one()
    rows = db.session.execute(statement.limit(per_page).offset((page - 1) * per_page)).all()
    if page > 1 and not rows:
        raise NotFound("Cette page n'existe pas.")
    ids = [conversation.id for conversation, _ in rows]
    names: dict[int, list[str]] = {conversation_id: [] for conversation_id in ids}
    for conversation_id, name in db.session.execute(
            select(ConversationMember.conversation_id, User.display_name)
            .join(User, User.id == ConversationMember.user_id)
            .where(ConversationMember.conversation_id.in_(ids or [0]), ConversationMember.user_id != actor.id)
            .order_by(User.display_name)):
        names[conversation_id].append(name)
    return Page(items=[ConversationLine(conversation.id, conversation.subject, conversation.last_message_at,
                                        conversation.message_count, conversation.last_message_id > last_read,
                                        tuple(names[conversation.id]))
                       for conversation, last_read in rows],
                page=page, per_page=per_page, total=total)


def mark_read(member: ConversationMember, up_to_message_id: int) -> bool:
    """Move ``member``'s read position forward to ``up_to_message_id``; False when it was there already
    (nothing written). Compare-and-set: a position never goes back."""
    if up_to_message_id <= member.last_read_message_id:
        return False
    moved = db.session.execute(
        update(ConversationMember).where(ConversationMember.id == member.id,
                                         ConversationMember.last_read_message_id < up_to_message_id)
        .values(last_read_message_id=up_to_message_id)).rowcount
    return bool(moved)


# -- Writing ----------------------------------------------------------------------------------


def recipients_named(actor: User, raw: str | None) -> list[User]:
    """The members named in ``raw`` ("Alice Martin, Bruno Petit"), as their names are displayed;
    Invalid for a name nobody bears. The actor's own name is left out."""
    names = [name for name in (clean_line(part) for part in re.split(r"[,;\n]", raw or "")) if name]
    if not names:
        raise Invalid("Indiquez à qui vous écrivez.", field="recipients")
    if len(names) > MAX_MEMBERS - 1:
        raise Invalid(f"Une conversation réunit au plus {MAX_MEMBERS} personnes.", field="recipients")
    found: dict[int, User] = {}
    for name in names:
        key = name_key(name[:200])
        user = db.session.execute(select(User).where(User.name_key == key)).scalar_one_or_none() if key else None
        if user is None or user.is_deleted:
            raise Invalid(f"« {name[:80]} » : aucun membre ne porte ce nom. Vérifiez l'orthographe, ou écrivez "
                          f"depuis sa page de membre.", field="recipients")
        if user.id != actor.id:
            found[user.id] = user
    if not found:
        raise Invalid("Vous ne pouvez pas vous écrire à vous-même.", field="recipients")
    return list(found.values())


def clean_subject(raw: str | None) -> str:
    return require_length(clean_line(raw), "L'objet", maximum=SUBJECT_MAX, field="subject")


def clean_body(raw: str | None) -> str:
    return require_length(clean_text(raw), "Le message", maximum=BODY_MAX, field="body")


def _check_writer(actor: User) -> None:
    require_confirmed(actor)
    if actor.is_suspended:
        raise Forbidden(SUSPENDED)


def start_conversation(actor: User, recipients: list[User], subject: str | None, body: str | None,
                       site_url: str = "") -> Conversation:
    """A new conversation of ``actor`` and ``recipients`` with its first message; they are told."""
    _check_writer(actor)
    subject, body = clean_subject(subject), clean_body(body)
    recipients = [user for user in {user.id: user for user in recipients}.values() if user.id != actor.id]
    if not recipients:
        raise Invalid("Indiquez à qui vous écrivez.", field="recipients")
    if len(recipients) > MAX_MEMBERS - 1:
        raise Invalid(f"Une conversation réunit au plus {MAX_MEMBERS} personnes.", field="recipients")
    _check_reachable(actor, recipients)
    conversation = Conversation(subject=subject, started_by_id=actor.id)
    db.session.add(conversation)
    db.session.flush()
    db.session.add_all([ConversationMember(conversation_id=conversation.id, user_id=user.id)
                        for user in [actor, *recipients]])
    message = _add_message(actor, conversation, body)
    _tell(actor, conversation, message, recipients, site_url, new=True)
    return conversation


def reply(actor: User, conversation_id: int, body: str | None, site_url: str = "") -> PrivateMessage:
    """A new message of ``actor`` in their conversation; the other members are told."""
    conversation, _ = conversation_for(actor, conversation_id)
    _check_writer(actor)
    body = clean_body(body)
    lock(conversation, gone=NotFound(NOT_FOUND))
    message = _add_message(actor, conversation, body)
    others = [user for user in members_of(conversation) if user.id != actor.id]
    _tell(actor, conversation, message, others, site_url, new=False)
    return message


def add_member(actor: User, conversation_id: int, user: User, site_url: str = "") -> bool:
    """Bring ``user`` into ``actor``'s conversation (they read it from its start); False if already in."""
    conversation, _ = conversation_for(actor, conversation_id)
    _check_writer(actor)
    lock(conversation, gone=NotFound(NOT_FOUND))
    members = members_of(conversation)
    if any(member.id == user.id for member in members):
        return False
    if len(members) >= MAX_MEMBERS:
        raise Invalid(f"Une conversation réunit au plus {MAX_MEMBERS} personnes.", field="recipients")
    _check_reachable(actor, [user])
    try:
        with db.session.begin_nested():
            db.session.add(ConversationMember(conversation_id=conversation.id, user_id=user.id))
            db.session.flush()
    except IntegrityError:  # added by another member at the same moment
        return False
    notify([user], "private_message", f"{actor.display_name} vous a ajouté·e à la conversation « {conversation.subject} ».",
           f"/messagerie/{conversation.id}", actor=actor, site_url=site_url,
           email_subject=f"{actor.display_name} vous a ajouté·e à une conversation : {conversation.subject}",
           email_text=f"{actor.display_name} vous a ajouté·e à la conversation privée « {conversation.subject} » "
                      f"sur le Forum des Fabriques.\n\nPour la lire :")
    return True


def _check_reachable(actor: User, users: list[User]) -> None:
    """Invalid for a deleted account, or for a member who ignores ``actor``."""
    if any(user.is_deleted for user in users):
        raise Invalid("Ce compte a été supprimé.", field="recipients")
    deaf = ignoring(actor, users)
    for user in users:
        if user.id in deaf:
            raise Invalid(f"{user.display_name} ne reçoit pas vos messages.", field="recipients")


def _add_message(actor: User, conversation: Conversation, body: str) -> PrivateMessage:
    message = PrivateMessage(conversation_id=conversation.id, author_id=actor.id, body_source=body,
                             body_html=str(render_markdown(body)))
    db.session.add(message)
    db.session.flush()
    now = utcnow()
    db.session.execute(update(Conversation).where(Conversation.id == conversation.id).values(
        message_count=Conversation.message_count + 1, last_message_id=message.id, last_message_at=now))
    db.session.execute(update(ConversationMember).where(
        ConversationMember.conversation_id == conversation.id, ConversationMember.user_id == actor.id)
        .values(last_read_message_id=message.id))
    db.session.expire(conversation, ["message_count", "last_message_id", "last_message_at"])
    return message


def _tell(actor: User, conversation: Conversation, message: PrivateMessage, recipients: list[User],
          site_url: str, *, new: bool) -> None:
    deaf = ignoring(actor, recipients)
    listening = [user for user in recipients if user.id not in deaf]
    excerpt = plain_excerpt(message.body_html)
    if new:
        text = f"{actor.display_name} vous a écrit : « {conversation.subject} »."
        subject = f"Message privé de {actor.display_name} : {conversation.subject}"
    else:
        text = f"{actor.display_name} a répondu dans « {conversation.subject} »."
        subject = f"Nouveau message de {actor.display_name} : {conversation.subject}"
    notify(listening, "private_message", text, f"/messagerie/{conversation.id}#message-{message.id}", actor=actor,
           site_url=site_url, email_subject=subject,
           email_text=f"{actor.display_name} vous écrit :\n\n{excerpt}\n\nPour lire la conversation et répondre :")


def plain_excerpt(html: str, limit: int = 600) -> str:
    """The text of stored HTML, as a person reads it (no Markdown, no tags), cut at a word."""
    text = " ".join(Markup(html).striptags().split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


# -- Ignoring ---------------------------------------------------------------------------------


def ignores(user: User, other: User) -> bool:
    """Whether ``user`` ignores ``other``."""
    return db.session.get(IgnoredMember, (user.id, other.id)) is not None


def ignoring(actor: User, users: list[User]) -> set[int]:
    """The ids of those among ``users`` who ignore ``actor`` (one query, however many)."""
    return set(db.session.execute(select(IgnoredMember.user_id).where(
        IgnoredMember.ignored_id == actor.id, IgnoredMember.user_id.in_([user.id for user in users] or [0]))).scalars())


def ignore(actor: User, other: User) -> bool:
    """``actor`` ignores ``other`` from now on; False if they did already."""
    if other.id == actor.id:
        raise Invalid("Vous ne pouvez pas vous ignorer vous-même.")
    if other.is_moderator:
        raise Invalid("L'équipe de modération ne peut pas être ignorée : elle doit pouvoir vous joindre.")
    try:
        with db.session.begin_nested():
            db.session.add(IgnoredMember(user_id=actor.id, ignored_id=other.id))
            db.session.flush()
    except IntegrityError:
        return False
    return True


def stop_ignoring(actor: User, other: User) -> bool:
    return bool(db.session.execute(delete(IgnoredMember).where(
        IgnoredMember.user_id == actor.id, IgnoredMember.ignored_id == other.id)).rowcount)


def ignored_by(actor: User) -> list[User]:
    return list(db.session.execute(
        select(User).join(IgnoredMember, IgnoredMember.ignored_id == User.id)
        .where(IgnoredMember.user_id == actor.id).order_by(User.display_name)).scalars())
