"""The demo's private conversations: a few stories told between demo members, from a data file.

``build_conversations`` is the demo's last step (``forum.demo.seed``), with its own
random stream, so what came before stays the same for a given seed. The texts live in
``forum/demo/conversations.toml`` (see its header), loaded into the dataclasses below: a missing
or unknown field, an unknown story, role or placeholder fails loudly.

The people come from the demo itself: the member who wrote « je t'écris en privé » in a thread and
the one they answered; an accepted loan's manager, requester and a colleague who hands it over;
a member and the forum team (the administrator account, whose conversation stays unread); four
members of one region, one of whom muted the conversation and one left it.

Why rows and not ``forum.messages.services``: the services stamp every message and membership
with the present moment and tell the recipients at once (notifications, and e-mails queued in the
outbox for the worker to send), while the demo tells stories that happened days or months ago, to
fictitious addresses that must receive nothing. So this step writes the rows as the services
would have left them, and keeps to their rules through the services' own pieces: subjects and
bodies go through ``clean_subject`` and ``clean_body`` and are rendered by ``render_markdown``,
notification texts come from ``message_notice``; the counters (``message_count``,
``last_message_id``, read positions) are consistent; nobody muted or gone is told; and
``tests/test_demo_seed.py`` checks all of it.
"""

from __future__ import annotations

import re
import tomllib
import typing
from dataclasses import dataclass, fields, is_dataclass
from datetime import date, datetime, timedelta
from functools import cache
from importlib import resources

from sqlalchemy import select

from forum.core.dates import MONTHS, today_in_france
from forum.core.markdown import render_markdown
from forum.demo.context import DemoContext
from forum.demo.writer import Persona, finish
from forum.fabriques.geography import region_of
from forum.fabriques.models import MembershipRole, MembershipStatus
from forum.messages import services
from forum.messages.models import Conversation, ConversationMember, PrivateMessage
from forum.notifications.models import Notification
from forum.resources.models import Loan, LoanEvent, LoanState, Resource
from forum.threads.models import Post, Thread

DATA_FILE = "conversations.toml"
# The roles of each story (who the seed looks for); the data file gives them their words.
STORIES: dict[str, tuple[str, ...]] = {
    "suite_fil": ("auteur", "destinataire"),
    "retrait_pret": ("responsable", "collegue", "emprunteur"),
    "equipe": ("membre", "equipe"),
    "rencontre": ("orga", "hote", "muet", "partant"),
}
PRIVATE_PROMISE = "t'écris en privé pour en parler"  # said in a thread, thanking the message before
LATEST = timedelta(minutes=10)  # the newest message of the demo, this long before now
LEAVING_AFTER = timedelta(minutes=10)  # who leaves or mutes does so this long after their last message
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


# -- The data file ----------------------------------------------------------------------------

@dataclass(frozen=True)
class MessageText:
    by: str
    after_hours: float
    body: str


@dataclass(frozen=True)
class ConversationText:
    story: str
    subject: str
    start_hours: float
    unread_for: tuple[str, ...]
    muted_by: tuple[str, ...]
    left: tuple[str, ...]
    message: tuple[MessageText, ...]


@dataclass(frozen=True)
class ConversationTexts:
    weekdays: tuple[str, ...]
    conversation: tuple[ConversationText, ...]


def build(cls, table: object, where: str):
    """An instance of the dataclass ``cls`` from a TOML table: every field present, none unknown,
    each of its declared type (ValueError naming ``where`` otherwise)."""
    if not isinstance(table, dict):
        raise ValueError(f"{where}: a table is expected, not {table!r}")
    names = [field.name for field in fields(cls)]
    unknown, missing = sorted(set(table) - set(names)), [name for name in names if name not in table]
    if unknown or missing:
        raise ValueError(f"{where}: " + "; ".join(
            part for part in (f"unknown field(s) {', '.join(unknown)}" if unknown else "",
                              f"missing field(s) {', '.join(missing)}" if missing else "") if part))
    hints = typing.get_type_hints(cls)
    return cls(**{name: _value(hints[name], table[name], f"{where}.{name}") for name in names})


def _value(kind, raw: object, where: str):
    if typing.get_origin(kind) is tuple:
        item_kind = typing.get_args(kind)[0]
        if not isinstance(raw, list):
            raise ValueError(f"{where}: a list is expected, not {raw!r}")
        return tuple(_value(item_kind, item, f"{where}[{index}]") for index, item in enumerate(raw, start=1))
    if is_dataclass(kind):
        return build(kind, raw, where)
    if kind is float and isinstance(raw, int | float) and not isinstance(raw, bool):
        return float(raw)
    if kind is str and isinstance(raw, str):
        return raw
    raise ValueError(f"{where}: {getattr(kind, '__name__', kind)} expected, not {raw!r}")


def parse_texts(text: str, where: str = DATA_FILE) -> ConversationTexts:
    """The conversations of a data file's text, checked: known stories, roles of their story, messages
    in order, the week's seven days."""
    texts = build(ConversationTexts, tomllib.loads(text), where)
    if len(texts.weekdays) != 7:
        raise ValueError(f"{where}.weekdays: seven days, Monday first")
    for number, conversation in enumerate(texts.conversation, start=1):
        here = f"{where}.conversation[{number}]"
        roles = STORIES.get(conversation.story)
        if roles is None:
            raise ValueError(f"{here}.story: unknown story {conversation.story!r} (known: {', '.join(STORIES)})")
        if not conversation.message:
            raise ValueError(f"{here}: no message")
        writers = {message.by for message in conversation.message}
        for name in ("unread_for", "muted_by", "left"):
            for role in getattr(conversation, name):
                if role not in roles:
                    raise ValueError(f"{here}.{name}: {role!r} is not a role of {conversation.story}")
                if name != "unread_for" and role not in writers:
                    raise ValueError(f"{here}.{name}: {role!r} writes nothing before going quiet")
        hours = [message.after_hours for message in conversation.message]
        for index, message in enumerate(conversation.message, start=1):
            if message.by not in roles:
                raise ValueError(f"{here}.message[{index}].by: {message.by!r} is not a role of {conversation.story}")
        if hours[0] != 0 or any(later <= earlier for earlier, later in zip(hours, hours[1:])):
            raise ValueError(f"{here}: messages start at 0 hours and follow each other")
    return texts


@cache
def load_texts() -> ConversationTexts:
    return parse_texts(resources.files("forum.demo").joinpath(DATA_FILE).read_text("utf-8"))


def fill(template: str, context: dict[str, str], where: str) -> str:
    """``template`` with its {placeholders} replaced (KeyError naming ``where`` for an unknown one),
    then "à Le Moulin" contracted into "au Moulin" and the like."""
    def value(match: re.Match) -> str:
        try:
            return context[match.group(1)]
        except KeyError:
            raise ValueError(f"{where}: unknown placeholder {{{match.group(1)}}}") from None

    return finish(_PLACEHOLDER.sub(value, template), "tu")


# -- The stories' people ----------------------------------------------------------------------

@dataclass
class Cast:
    """Who plays each role of a story, the story's moment, and its own placeholders."""

    people: dict[str, int]  # role -> index of the member in DemoContext.users / personas
    moment: datetime
    extra: dict[str, str]


def build_conversations(ctx: DemoContext) -> None:
    """The stories of the data file, each with the demo members who fit its roles (stories nobody fits are left out)."""
    rng = ctx.rng("private-conversations")
    texts = load_texts()
    written = messages = 0
    for number, text in enumerate(texts.conversation, start=1):
        cast = CASTINGS[text.story](ctx, rng)
        if cast is None:  # the demo holds nobody for this story (another seed, less content)
            continue
        messages += _write_conversation(ctx, text, cast, f"{DATA_FILE}.conversation[{number}]")
        written += 1
    ctx.session.flush()
    ctx.counts["conversations privées"] = written
    ctx.counts["messages privés"] = messages


# -- Casting ----------------------------------------------------------------------------------

def _members_by_fabrique(ctx: DemoContext) -> dict[int, list[tuple[int, MembershipRole]]]:
    """Active members of each fabrique (by index in ``ctx.fabriques``), in a fixed order."""
    members: dict[int, list[tuple[int, MembershipRole]]] = {}
    for member, fabrique_index, role, status in sorted(ctx.memberships, key=lambda row: row[:2]):
        if status is MembershipStatus.ACTIVE:
            members.setdefault(fabrique_index, []).append((member, role))
    return members


def _cast_suite_fil(ctx: DemoContext, rng) -> Cast | None:
    """The newest « je t'écris en privé pour en parler » of a thread's author to the member who
    answered them (the message before), written three days ago or more; else the newest message
    of a thread's author answering someone."""
    admin = ctx.users.index(ctx.admin_user())
    index_of_user = _member_indices(ctx)
    rows = ctx.session.execute(
        select(Post.thread_id, Post.position, Post.author_id, Post.created_at, Post.body_source, Thread.title)
        .join(Thread, Thread.id == Post.thread_id)
        .where(Post.position > 1, Post.author_id == Thread.author_id, Post.deleted_at.is_(None),
               Post.hidden_at.is_(None), Thread.hidden_at.is_(None),
               Thread.merged_into_id.is_(None), Post.created_at < ctx.now - timedelta(days=3))
        .order_by(Post.created_at.desc(), Post.id.desc())).all()
    before = {(thread_id, position): (post_id, author_id, deleted)
              for post_id, thread_id, position, author_id, deleted in ctx.session.execute(
                  select(Post.id, Post.thread_id, Post.position, Post.author_id, Post.deleted_at.is_not(None)))}
    fallback = None
    for thread_id, position, author_id, created_at, body, title in rows:
        answered_id, previous, deleted = before.get((thread_id, position - 1), (None, None, True))
        if deleted or previous in (None, author_id) or len(title) > 100:
            continue
        people = {"auteur": index_of_user[author_id], "destinataire": index_of_user[previous]}
        if admin in people.values():
            continue
        cast = Cast(people, created_at, {"titre_fil": title, "lien_message": f"/messages/{answered_id}"})
        if PRIVATE_PROMISE in body:
            return cast
        fallback = fallback or cast
    return fallback


def _cast_retrait_pret(ctx: DemoContext, rng) -> Cast | None:
    """The accepted loan picked up soonest (after today), accepted two days ago or more if possible:
    the manager who accepted it, the member who asked, a member of the owner's fabrique."""
    members = _members_by_fabrique(ctx)
    fabrique_index = {fabrique.id: index for index, fabrique in enumerate(ctx.fabriques)}
    index_of_user = _member_indices(ctx)
    rows = ctx.session.execute(
        select(Loan, Resource.name, LoanEvent.actor_id, LoanEvent.created_at)
        .join(Resource, Resource.id == Loan.resource_id)
        .join(LoanEvent, (LoanEvent.loan_id == Loan.id) & (LoanEvent.to_state == LoanState.ACCEPTED))
        .where(Loan.state == LoanState.ACCEPTED, Loan.start_date > today_in_france())
        .order_by(Loan.start_date, Loan.id)).all()
    casts = []
    for loan, name, accepted_by, accepted_at in rows:
        if accepted_by is None or loan.requested_by_id is None:
            continue
        manager, requester = index_of_user[accepted_by], index_of_user[loan.requested_by_id]
        colleagues = [member for member, _role in members.get(fabrique_index[loan.owner_fabrique_id], [])
                      if member not in (manager, requester)]
        if not colleagues:
            continue
        casts.append((accepted_at > ctx.now - timedelta(days=2), Cast(
            {"responsable": manager, "collegue": rng.choice(colleagues), "emprunteur": requester}, accepted_at,
            {"ressource": name, "jour_retrait": _weekday_date(loan.start_date),
             "jour_retour": _weekday_date(loan.end_date)})))
        if not casts[-1][0]:
            break
    return min(casts, key=lambda pair: pair[0])[1] if casts else None


def _cast_equipe(ctx: DemoContext, rng) -> Cast | None:
    members = [index for index, persona in enumerate(ctx.personas)
               if persona.fabrique is not None and persona not in ctx.moderators]
    if not members:
        return None
    return Cast({"membre": rng.choice(members), "equipe": ctx.users.index(ctx.admin_user())}, ctx.now, {})


def _cast_rencontre(ctx: DemoContext, rng) -> Cast | None:
    """Four members of four fabriques of one region; the host's fabrique has a room for 20 or more."""
    members = _members_by_fabrique(ctx)
    regions: dict[str, list[int]] = {}
    for index, fabrique in enumerate(ctx.fabriques):
        if members.get(index):
            regions.setdefault(region_of(fabrique.department_code), []).append(index)
    for region in rng.sample(sorted(regions), len(regions)):
        fabriques = regions[region]
        hosts = [index for index in fabriques
                 if any(space.capacity >= 20 for space in ctx.fabriques[index].spaces)]
        if len(fabriques) < 4 or not hosts:
            continue
        host = rng.choice(hosts)
        others = rng.sample([index for index in fabriques if index != host], 3)
        room = max(ctx.fabriques[host].spaces, key=lambda space: (space.capacity, space.name))

        def someone(fabrique: int, managers_first: bool = True) -> int:
            people = [member for member, role in members[fabrique]
                      if role is MembershipRole.MANAGER or not managers_first] or \
                [member for member, _role in members[fabrique]]
            return rng.choice(people)

        people = {"orga": someone(others[0]), "hote": someone(host), "muet": someone(others[1], False),
                  "partant": someone(others[2], False)}
        return Cast(people, ctx.now, {"jour_rencontre": _meeting_date(),
                                       "salle_hote": room.name[:1].lower() + room.name[1:],
                                       "capacite_salle": str(room.capacity)})
    return None


CASTINGS = {"suite_fil": _cast_suite_fil, "retrait_pret": _cast_retrait_pret, "equipe": _cast_equipe,
            "rencontre": _cast_rencontre}  # one per story of STORIES


def _member_indices(ctx: DemoContext) -> dict[int, int]:
    """User id -> member index (in ``ctx.users``)."""
    return {user.id: index for index, user in enumerate(ctx.users)}


def _weekday_date(day: date) -> str:
    """« jeudi 10 décembre »."""
    return f"{load_texts().weekdays[day.weekday()]} {'1er' if day.day == 1 else day.day} " \
           f"{MONTHS[day.month - 1]}"


def _meeting_date() -> str:
    """A Thursday four to five weeks from today."""
    day = today_in_france() + timedelta(days=28)
    return _weekday_date(day + timedelta(days=(3 - day.weekday()) % 7))


# -- Writing ----------------------------------------------------------------------------------

def _conversation_context(ctx: DemoContext, cast: Cast) -> dict[str, str]:
    context = dict(cast.extra)
    for role, index in cast.people.items():
        persona: Persona = ctx.personas[index]
        fabrique = persona.fabrique
        context.update({
            f"prenom_{role}": persona.first_name if persona is not ctx.admin else "l'équipe du forum",
            f"nom_{role}": persona.display_name, f"e_{role}": "e" if persona.gender == "f" else "",
            f"fabrique_{role}": fabrique.name if fabrique else "notre association",
            f"a_fabrique_{role}": "à " + fabrique.name if fabrique else "dans notre association",
            f"ville_{role}": fabrique.city if fabrique else persona.village,
        })
    return context


def _write_conversation(ctx: DemoContext, text: ConversationText, cast: Cast, where: str) -> int:
    if len(set(cast.people.values())) != len(cast.people):
        raise RuntimeError(f"{where}: one member cast in two roles: {cast.people}")
    context = _conversation_context(ctx, cast)
    subject = services.clean_subject(fill(text.subject, context, f"{where}.subject"))
    bodies = [services.clean_body(fill(message.body, context, f"{where}.message[{number}]"))
              for number, message in enumerate(text.message, start=1)]
    moments = _conversation_moments(ctx, cast.moment + timedelta(hours=text.start_hours),
                            [message.after_hours for message in text.message])
    users = {role: ctx.users[index] for role, index in cast.people.items()}

    first = text.message[0]
    conversation = Conversation(subject=subject, started_by_id=users[first.by].id, created_at=moments[0],
                                last_message_at=moments[-1], message_count=len(bodies))
    ctx.session.add(conversation)
    ctx.session.flush()
    rows = []
    for message, body, moment in zip(text.message, bodies, moments):
        rows.append(PrivateMessage(conversation_id=conversation.id, author_id=users[message.by].id,
                                   body_source=body, body_html=str(render_markdown(body)), created_at=moment))
        ctx.session.add(rows[-1])
        ctx.session.flush()  # one at a time: ids follow the order of the messages
    conversation.last_message_id = rows[-1].id

    # Who muted or left did so just after their own last message; who has not read the others'
    # last messages stopped at their own; everyone else read all.
    own_last = {role: max((row for message, row in zip(text.message, rows) if message.by == role),
                          key=lambda row: row.id, default=None) for role in cast.people}
    quiet_from = {role: _quiet_from(own_last[role], rows) for role in (*text.muted_by, *text.left)}
    read_up_to = {}
    for role, user in users.items():
        if role in text.unread_for or role in text.left:
            read_up_to[role] = own_last[role].id if own_last[role] is not None else 0
        else:
            read_up_to[role] = rows[-1].id
        ctx.session.add(ConversationMember(
            conversation_id=conversation.id, user_id=user.id, joined_at=moments[0],
            last_read_message_id=read_up_to[role], muted=role in text.muted_by,
            left_at=quiet_from[role] if role in text.left else None))

    notifications = []
    for index, (message, row) in enumerate(zip(text.message, rows)):
        for role, user in users.items():
            if role == message.by or (role in quiet_from and row.created_at > quiet_from[role]):
                continue
            seen = read_up_to[role] >= row.id
            notifications.append(Notification(
                user_id=user.id, actor_id=users[message.by].id, kind="private_message",
                text=services.message_notice(users[message.by].display_name, subject, new=index == 0)[:300],
                link=f"/messagerie/{conversation.id}#message-{row.id}", created_at=row.created_at,
                read_at=min(row.created_at + timedelta(hours=1), ctx.now - LATEST / 2) if seen else None))
    ctx.session.add_all(notifications)
    ctx.counts["notifications"] = ctx.counts.get("notifications", 0) + len(notifications)
    return len(rows)


def _quiet_from(last_own: PrivateMessage, rows: list[PrivateMessage]) -> datetime:
    """When a member who mutes or leaves after their message ``last_own`` does: a little later, before
    the next message."""
    later = [row.created_at for row in rows if row.created_at > last_own.created_at]
    pause = LEAVING_AFTER if not later else min(LEAVING_AFTER, (later[0] - last_own.created_at) / 2)
    return last_own.created_at + pause


def _conversation_moments(ctx: DemoContext, start: datetime, hours: list[float]) -> list[datetime]:
    """The messages' moments from ``start``: squeezed, if they would run past now, to end ``LATEST``
    before it (and moved back if even the start is too late)."""
    latest = ctx.now - LATEST
    span = timedelta(hours=hours[-1])
    if start + span > latest:
        available = latest - start
        if available < span / 4:  # too little room left: the story happened earlier
            start, available = latest - span, span
        hours = [value * (available / span) for value in hours] if span else hours
    return [start + timedelta(hours=value) for value in hours]
