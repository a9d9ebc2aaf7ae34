"""Use cases of private conversations. Services flush, never commit.

Who reads what: a conversation and its messages are read by its members only; anyone else gets
NotFound, as if it did not exist (``conversation_for``). A member who ignores another receives no
new conversation from them and no notification of their messages (``ignores``). Messages are
Markdown, rendered and sanitised once, as posts are.

Muting and leaving (``set_muted``, ``leave``): a member who mutes a conversation keeps it in
their list, with its unread marks, but is told nothing of it any more (no notification, hence no
e-mail nor digest line). A member who leaves it no longer sees it at all: it leaves their list,
its page and its messages answer NotFound, and nothing of it reaches them; the others read
« X a quitté la conversation » where it happened, and what they wrote stays. Leaving cannot be
undone by oneself: only a participant can add them again (``add_member``), which brings the same
membership row back, notifications on, with the whole conversation to read (what was written
meanwhile is unread). Who does not want that ignores the members concerned (``ignore``).

Concurrency: a new message locks its conversation's row first, so two replies sent at the same
moment count and order themselves one after the other (``message_count``, ``last_message_id``).
A member's read position only moves forward (compare-and-set in SQL). Adding a member is a
unique row: the same member added twice at once is added once. Muting and leaving lock the
conversation's row too, so a message sent at the same moment is told to them or not, never after
they were told it would not be; and both are a compare-and-set of the member's row (``muted``,
``left_at IS NULL``): two clicks at once change it once, and the second one learns it was done.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from forum.accounts.models import User
from forum.accounts.names import name_key
from forum.accounts.services import require_confirmed
from forum.core.errors import Forbidden, Invalid, NotFound
from forum.core.locking import lock
from forum.core.markdown import plain_excerpt, render_markdown
from forum.core.models import utcnow
from forum.core.pagination import Page
from forum.core.text import clean_line, clean_text, require_length
from forum.extensions import db
from forum.messages.models import Conversation, ConversationMember, IgnoredMember, PrivateMessage
from forum.notifications.services import notify

SUBJECT_MAX = 150
BODY_MAX = 32_000
MAX_MEMBERS = 10  # a conversation, not a mailing list
NOT_FOUND = _l("Cette conversation n'existe pas, ou vous n'en faites pas partie.")
LEFT = _l("Vous avez quitté cette conversation : elle n'est plus dans vos messages. Seul·e un·e de ses "
          "participant·es peut vous y ajouter de nouveau.")
SUSPENDED = _l("Votre compte est suspendu : vous ne pouvez pas écrire pour l'instant.")


# -- Reading ----------------------------------------------------------------------------------


def membership_of(actor: User, conversation_id: int) -> tuple[Conversation, ConversationMember]:
    """The conversation and ``actor``'s membership of it, even one they left; NotFound if they never
    took part (or were removed with their account)."""
    row = db.session.execute(
        select(Conversation, ConversationMember).join(
            ConversationMember, ConversationMember.conversation_id == Conversation.id)
        .where(Conversation.id == conversation_id, ConversationMember.user_id == actor.id)).first()
    if row is None:
        raise NotFound(NOT_FOUND)
    return row[0], row[1]


def conversation_for(actor: User, conversation_id: int) -> tuple[Conversation, ConversationMember]:
    """The conversation and ``actor``'s membership of it; NotFound unless they take part in it now
    (a member who left is told so)."""
    conversation, member = membership_of(actor, conversation_id)
    if member.has_left:
        raise NotFound(LEFT)
    return conversation, member


def conversation_of_message(actor: User, message_id: int) -> int:
    """The id of the conversation of ``message_id``; NotFound unless ``actor`` is one of its members."""
    conversation_id = db.session.execute(
        select(PrivateMessage.conversation_id).join(
            ConversationMember, ConversationMember.conversation_id == PrivateMessage.conversation_id)
        .where(PrivateMessage.id == message_id, ConversationMember.user_id == actor.id,
               ConversationMember.left_at.is_(None))).scalar_one_or_none()
    if conversation_id is None:
        raise NotFound(NOT_FOUND)
    return conversation_id


def messages_of(conversation: Conversation) -> list[PrivateMessage]:
    """Every message of the conversation, oldest first, with its author's name."""
    return list(db.session.execute(
        select(PrivateMessage).where(PrivateMessage.conversation_id == conversation.id)
        .options(joinedload(PrivateMessage.author).load_only(User.id, User.display_name, User.deleted_at))
        .order_by(PrivateMessage.id)).scalars())


def members_of(conversation: Conversation, *, listening: bool = False) -> list[User]:
    """Those who take part in the conversation now (not those who left); ``listening``: only those who
    did not mute it."""
    statement = (select(User).join(ConversationMember, ConversationMember.user_id == User.id)
                 .where(ConversationMember.conversation_id == conversation.id, ConversationMember.left_at.is_(None))
                 .order_by(User.display_name))
    if listening:
        statement = statement.where(ConversationMember.muted.is_(False))
    return list(db.session.execute(statement).scalars())


@dataclass(frozen=True)
class Departure:
    """« X a quitté la conversation », shown after the last message written before they left."""

    name: str
    left_at: datetime
    after_message_id: int  # 0: before the first message


def people_of(conversation: Conversation,
              messages: list[PrivateMessage]) -> tuple[list[User], dict[int, list[Departure]]]:
    """Who takes part now, and who left, by the id of the message their departure follows (one query)."""
    members: list[User] = []
    departures: dict[int, list[Departure]] = {}
    for user, left_at in db.session.execute(
            select(User, ConversationMember.left_at).join(ConversationMember, ConversationMember.user_id == User.id)
            .where(ConversationMember.conversation_id == conversation.id)
            .order_by(ConversationMember.left_at, User.display_name)):
        if left_at is None:
            members.append(user)
            continue
        before = [message.id for message in messages if message.created_at <= left_at]
        departure = Departure(user.display_name, left_at, before[-1] if before else 0)
        departures.setdefault(departure.after_message_id, []).append(departure)
    members.sort(key=lambda user: user.display_name)
    return members, departures


@dataclass(frozen=True)
class ConversationLine:
    """A conversation as the list shows it."""

    id: int
    subject: str
    last_message_at: datetime
    message_count: int
    unread: bool
    muted: bool
    others: tuple[str, ...]  # the other members' names (not those who left)


def conversations_of(actor: User, page: int, per_page: int) -> Page[ConversationLine]:
    """``actor``'s conversations, the most recently active first (not those they left)."""
    statement = (select(Conversation, ConversationMember.last_read_message_id, ConversationMember.muted)
                 .join(ConversationMember, ConversationMember.conversation_id == Conversation.id)
                 .where(ConversationMember.user_id == actor.id, ConversationMember.left_at.is_(None))
                 .order_by(Conversation.last_message_at.desc(), Conversation.id.desc()))
    total = db.session.execute(select(func.count()).select_from(ConversationMember).where(
        ConversationMember.user_id == actor.id, ConversationMember.left_at.is_(None))).scalar_one()
    rows = db.session.execute(statement.limit(per_page).offset((page - 1) * per_page)).all()
    if page > 1 and not rows:
        raise NotFound(_("Cette page n'existe pas."))
    ids = [conversation.id for conversation, _member, _names in rows]
    names: dict[int, list[str]] = {conversation_id: [] for conversation_id in ids}
    for conversation_id, name in db.session.execute(
            select(ConversationMember.conversation_id, User.display_name)
            .join(User, User.id == ConversationMember.user_id)
            .where(ConversationMember.conversation_id.in_(ids or [0]), ConversationMember.user_id != actor.id,
                   ConversationMember.left_at.is_(None))
            .order_by(User.display_name)):
        names[conversation_id].append(name)
    return Page(items=[ConversationLine(conversation.id, conversation.subject, conversation.last_message_at,
                                        conversation.message_count, conversation.last_message_id > last_read,
                                        muted, tuple(names[conversation.id]))
                       for conversation, last_read, muted in rows],
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
        raise Invalid(_("Indiquez à qui vous écrivez."), field="recipients")
    if len(names) > MAX_MEMBERS - 1:
        raise Invalid(_("Une conversation réunit au plus %(count)s personnes.", count=MAX_MEMBERS), field="recipients")
    found: dict[int, User] = {}
    for name in names:
        key = name_key(name[:200])
        user = db.session.execute(select(User).where(User.name_key == key)).scalar_one_or_none() if key else None
        if user is None or user.is_deleted:
            raise Invalid(_("« %(name)s » : aucun membre ne porte ce nom. Vérifiez l'orthographe, ou écrivez "
                            "depuis sa page de membre.", name=name[:80]), field="recipients")
        if user.id != actor.id:
            found[user.id] = user
    if not found:
        raise Invalid(_("Vous ne pouvez pas vous écrire à vous-même."), field="recipients")
    return list(found.values())


def clean_subject(raw: str | None) -> str:
    return require_length(clean_line(raw), _l("L'objet"), maximum=SUBJECT_MAX, field="subject")


def clean_body(raw: str | None) -> str:
    return require_length(clean_text(raw), _l("Le message"), maximum=BODY_MAX, field="body")


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
        raise Invalid(_("Indiquez à qui vous écrivez."), field="recipients")
    if len(recipients) > MAX_MEMBERS - 1:
        raise Invalid(_("Une conversation réunit au plus %(count)s personnes.", count=MAX_MEMBERS), field="recipients")
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
    conversation, _member = conversation_for(actor, conversation_id)
    _check_writer(actor)
    body = clean_body(body)
    lock(conversation, gone=NotFound(NOT_FOUND))
    message = _add_message(actor, conversation, body)
    listening = [user for user in members_of(conversation, listening=True) if user.id != actor.id]
    _tell(actor, conversation, message, listening, site_url, new=False)
    return message


def add_member(actor: User, conversation_id: int, user: User, site_url: str = "") -> bool:
    """Bring ``user`` into ``actor``'s conversation (they read it from its start); False if already in.

    A member who had left comes back: their row again, notifications on (being brought back is
    news they are told), the conversation in their list, what was written since they left unread."""
    conversation, _member = conversation_for(actor, conversation_id)
    _check_writer(actor)
    lock(conversation, gone=NotFound(NOT_FOUND))
    members = members_of(conversation)
    if any(member.id == user.id for member in members):
        return False
    if len(members) >= MAX_MEMBERS:
        raise Invalid(_("Une conversation réunit au plus %(count)s personnes.", count=MAX_MEMBERS), field="recipients")
    _check_reachable(actor, [user])
    # The conversation's row is locked: nobody else brings them back, nor do they leave, meanwhile.
    returned = db.session.execute(update(ConversationMember).where(
        ConversationMember.conversation_id == conversation.id, ConversationMember.user_id == user.id,
        ConversationMember.left_at.is_not(None)).values(left_at=None, muted=False)).rowcount
    if not returned:
        try:
            with db.session.begin_nested():
                db.session.add(ConversationMember(conversation_id=conversation.id, user_id=user.id))
                db.session.flush()
        except IntegrityError:  # added by another member at the same moment
            return False
    name, subject = actor.display_name, conversation.subject
    # Written in the added member's language (notify evaluates these for each reader).
    notify([user], "private_message",
           (lambda: _("%(name)s vous a ajouté·e de nouveau à la conversation « %(subject)s ».", name=name, subject=subject))
           if returned else
           (lambda: _("%(name)s vous a ajouté·e à la conversation « %(subject)s ».", name=name, subject=subject)),
           f"/messagerie/{conversation.id}", actor=actor, site_url=site_url,
           email_subject=lambda: _("%(name)s vous a ajouté·e à une conversation : %(subject)s", name=name,
                                   subject=subject),
           email_text=lambda: _("%(name)s vous a ajouté·e à la conversation privée « %(subject)s » sur le Forum des "
                                "Fabriques.", name=name, subject=subject) + "\n\n" + _("Pour la lire :"))
    return True


def _check_reachable(actor: User, users: list[User]) -> None:
    """Invalid for a deleted account, or for a member who ignores ``actor``."""
    if any(user.is_deleted for user in users):
        raise Invalid(_("Ce compte a été supprimé."), field="recipients")
    deaf = ignoring(actor, users)
    for user in users:
        if user.id in deaf:
            raise Invalid(_("%(name)s ne reçoit pas vos messages.", name=user.display_name), field="recipients")


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
    name, title = actor.display_name, conversation.subject

    def subject() -> str:
        if new:
            return _("Message privé de %(name)s : %(subject)s", name=name, subject=title)
        return _("Nouveau message de %(name)s : %(subject)s", name=name, subject=title)

    # Each text written in its reader's language (notify evaluates them once per language).
    notify(listening, "private_message", lambda: message_notice(name, title, new=new),
           f"/messagerie/{conversation.id}#message-{message.id}", actor=actor, site_url=site_url, email_subject=subject,
           email_text=lambda: _("%(name)s vous écrit :", name=name) + f"\n\n{excerpt}\n\n"
                              + _("Pour lire la conversation et répondre :"))


def message_notice(author_name: str, subject: str, *, new: bool) -> str:
    """The notification's text for a message: the first of a conversation (``new``) or a reply, in the
    current locale."""
    if new:
        return _("%(name)s vous a écrit : « %(subject)s ».", name=author_name, subject=subject)
    return _("%(name)s a répondu dans « %(subject)s ».", name=author_name, subject=subject)


# -- Muting and leaving -----------------------------------------------------------------------


def read_muted(raw: str | None) -> bool:
    """The state a mute button asks for: "1" (muted) or "0" (notifications on)."""
    if raw not in ("0", "1"):
        raise Invalid(_("Choisissez d'être notifié·e de cette conversation, ou non."))
    return raw == "1"


def set_muted(actor: User, conversation_id: int, muted: bool) -> bool:
    """Mute (or unmute) ``actor``'s conversation; False when it was so already (nothing written)."""
    conversation, member = conversation_for(actor, conversation_id)
    if member.muted == muted:
        return False
    lock(conversation, gone=NotFound(NOT_FOUND))  # a reply sent meanwhile notifies them before, or not at all
    changed = db.session.execute(update(ConversationMember).where(
        ConversationMember.id == member.id, ConversationMember.left_at.is_(None),
        ConversationMember.muted.is_(not muted)).values(muted=muted)).rowcount
    return bool(changed)


def leave(actor: User, conversation_id: int) -> bool:
    """``actor`` leaves the conversation; False when they had left already (nothing written).

    NotFound for someone who never took part in it. What they wrote stays; the others read that
    they left (``people_of``)."""
    conversation, member = membership_of(actor, conversation_id)
    if member.has_left:
        return False
    lock(conversation, gone=NotFound(NOT_FOUND))  # a reply sent meanwhile reaches them before, or not at all
    left = db.session.execute(update(ConversationMember).where(
        ConversationMember.id == member.id, ConversationMember.left_at.is_(None)).values(left_at=utcnow())).rowcount
    return bool(left)


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
        raise Invalid(_("Vous ne pouvez pas vous ignorer vous-même."))
    if other.is_moderator:
        raise Invalid(_("L'équipe de modération ne peut pas être ignorée : elle doit pouvoir vous joindre."))
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
