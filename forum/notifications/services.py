"""The notification centre: tell members what happened, in the app and by e-mail.

Other domains call ``notify``; the e-mail leaves after the commit (forum.core.mail).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from forum.accounts.models import User
from forum.core.direct_reads import DirectRead
from forum.core.errors import Invalid, NotFound
from forum.core.i18n import Text, in_language
from forum.core.mail import QueuedEmail, queue_emails
from forum.core.models import utcnow
from forum.core.pagination import Page, counted_page_statement, page_of_counted_rows, page_parameters
from forum.core.security import is_safe_local_path
from forum.core.typography import french_spacing
from forum.extensions import db
from forum.notifications.models import EmailFrequency, EmailPreference, Notification

# Where a member chooses their e-mails (the notifications page opens that panel at this anchor).
EMAIL_SETTINGS_PATH = "/notifications#e-mails"
SIGNATURE = _l("Vous recevez ce message parce que vous êtes concerné·e par cette activité.")


def typeset(text: str, language: str) -> str:
    """French typography (no-break spaces) for French text; other languages are left as written."""
    return french_spacing(text) if language == "fr" else text


def signature() -> str:
    """The end of a notification's e-mail, in the current locale (force_locale: the recipient's)."""
    return f"\n\n-- \nForum des Fabriques\n{SIGNATURE}"


def notify(recipients: Iterable[User], kind: str, text: Text, link: str, *, actor: User | None = None,
           site_url: str = "", email_subject: Text | None = None, email_text: Text | None = None) -> int:
    """One notification per recipient (the actor and deleted accounts excluded), and an e-mail each when a
    subject is given; the number of members notified. Each line and e-mail is written in its recipient's
    language (``Text``: evaluated once per language). Rows are inserted in bulk: a post followed by
    hundreds of members costs the request two INSERT statements, not a unit of work per member."""
    if not is_safe_local_path(link):
        raise ValueError(f"notification link must be a local path: {link!r}")
    recipients = list({user.id: user for user in recipients
                       if not user.is_deleted and (actor is None or user.id != actor.id)}.values())
    if not recipients:
        return 0
    # Who wants this e-mail now (the others get it in their digest, or never): one query.
    immediate = _wants_immediate_email([user.id for user in recipients]) if email_subject else set()
    now = utcnow()
    rows, emails = [], []
    for language, readers in _by_language(recipients).items():
        with force_locale(language):
            line = str(text() if callable(text) else text)
            rows += [{"user_id": user.id, "actor_id": actor.id if actor else None, "kind": kind,
                      "text": typeset(line, language)[:300], "link": link, "created_at": now} for user in readers]
            mailed = [user for user in readers if user.id in immediate and user.is_email_confirmed]
            if mailed:
                subject = in_language(language, email_subject)
                body = (in_language(language, email_text) if email_text else line) + f"\n\n{site_url}{link}" + signature()
                emails += [member_email(user, subject, body, site_url) for user in mailed]
    db.session.execute(insert(Notification), rows)
    queue_emails(db.session, emails)
    return len(recipients)


def _by_language(users: Iterable[User]) -> dict[str, list[User]]:
    groups: dict[str, list[User]] = {}
    for user in users:
        groups.setdefault(user.email_language, []).append(user)
    return groups


# --- content hidden since a line was written ---------------------------------------------------
# A notification names what it is about ("Bob a répondu dans « titre »"). When the moderation hides
# that content after the line was written, the line reads HIDDEN_TEXT instead, for everyone (on the
# notifications page, in the digests built afterwards): a title hidden for its words must not live
# on in members' lists and inboxes. Which link leads to which content, and since when that content
# is hidden, is known above this package: forum.moderation, which hides content, answers through
# ``answer_hidden_since``. Decided when a line is shown, from the content as it is now.
HIDDEN_TEXT = _l("Contenu masqué par la modération.")
HiddenSince = Callable[[Collection[str]], dict[str, datetime]]
_hidden_since_finders: list[HiddenSince] = []


def answer_hidden_since(finder: HiddenSince) -> None:
    """Register ``finder``: for notification links, since when the content each leads to is hidden (links
    to visible content left out); one query for them all."""
    if finder not in _hidden_since_finders:
        _hidden_since_finders.append(finder)


def masked(lines: Sequence[tuple[str, datetime]]) -> list[bool]:
    """For each (link, created_at) of notification lines: whether the content it names was hidden after
    the line was written (then it reads HIDDEN_TEXT)."""
    links = {link for link, _created in lines}
    hidden: dict[str, datetime] = {}
    for finder in _hidden_since_finders if links else ():
        hidden.update(finder(links))
    return [link in hidden and hidden[link] > created_at for link, created_at in lines]


@dataclass(frozen=True)
class NotificationLine:
    """A notification as the list prints it (plain values: thirty of them a page)."""

    id: int
    text: str
    created_at: datetime
    read_at: datetime | None
    actor_name: str | None
    # What it names was hidden by the moderation after it was written: it reads HIDDEN_TEXT.
    is_masked: bool = False

    @property
    def is_read(self) -> bool:
        return self.read_at is not None

    @property
    def shown_text(self) -> str:
        return str(HIDDEN_TEXT) if self.is_masked else self.text


# One page of a member's notifications, newest first, with their total and the member's e-mail
# choice on each row (built once: the bell leads here all day; the page shows the choice).
_LINES = DirectRead(counted_page_statement(
    select(Notification.id, Notification.text, Notification.created_at, Notification.read_at, User.display_name,
           Notification.link, select(EmailPreference.frequency)
           .where(EmailPreference.user_id == bindparam("user_id")).scalar_subquery())
    .outerjoin(User, User.id == Notification.actor_id).where(Notification.user_id == bindparam("user_id"))
    .order_by(Notification.created_at.desc(), Notification.id.desc())))


def notification_lines(user: User, page: int, per_page: int) -> tuple[Page[NotificationLine], EmailFrequency]:
    """One page of the member's notifications, newest first, and their e-mail choice: one query, and
    one for the visibility of what the lines name (``masked``); a page past the end is NotFound."""
    rows = _LINES.all_in(db.session, user_id=user.id, **page_parameters(page, per_page))
    lines = page_of_counted_rows(rows, page, per_page)
    if not lines.items:
        return lines, frequency_of(user)
    hidden = masked([(row[5], row[2]) for row in lines.items])
    frequency = EmailFrequency(rows[0][6]) if rows[0][6] is not None else EmailFrequency.IMMEDIATE
    return dataclasses.replace(lines, items=[NotificationLine(*row[:5], is_masked=is_masked)
                                             for row, is_masked in zip(lines.items, hidden)]), frequency


def unread_count(user: User) -> int:
    return db.session.execute(_UNREAD_COUNT, {"user_id": user.id}).scalar_one()


def unread_count_column(user_id=User.id):
    """The unread count of the member ``user_id`` (a column of the statement), as a column of it
    (the header shows it)."""
    return _unread_of(user_id).scalar_subquery()


def _unread_of(user_id):
    return select(func.count()).select_from(Notification).where(Notification.user_id == user_id,
                                                                Notification.read_at.is_(None))


# Built once: the header of every member's page shows it.
_UNREAD_COUNT = _unread_of(bindparam("user_id"))


def get_own_notification(user: User, notification_id: int) -> Notification:
    notification = db.session.get(Notification, notification_id)
    if notification is None or notification.user_id != user.id:
        raise NotFound(_("Cette notification n'existe pas."))
    return notification


def mark_read(user: User, notification: Notification) -> None:
    if notification.user_id != user.id:
        raise NotFound(_("Cette notification n'existe pas."))
    if notification.read_at is None:
        notification.read_at = utcnow()


def mark_all_read(user: User) -> int:
    result = db.session.execute(
        update(Notification).where(Notification.user_id == user.id, Notification.read_at.is_(None))
        .values(read_at=utcnow()).execution_options(synchronize_session=False)
    )
    return result.rowcount


# --- e-mail preferences ------------------------------------------------------------------------
UNSUBSCRIBE_SALT = "forum-des-fabriques/unsubscribe"
BAD_TOKEN = _l("Ce lien de désinscription n'est pas valide : il a peut-être été copié incomplètement.")


def frequency_of(user: User) -> EmailFrequency:
    """The member's e-mail choice (immediate e-mails when they never chose)."""
    row = _FREQUENCY.first_in(db.session, user_id=user.id)
    return row[0] if row is not None else EmailFrequency.IMMEDIATE


# Built once: the notifications page shows it (the column alone, not the preference object).
_FREQUENCY = DirectRead(select(EmailPreference.frequency).where(EmailPreference.user_id == bindparam("user_id")))


def set_frequency(user: User, frequency: EmailFrequency) -> None:
    """The member's e-mail choice (the last one wins: two tabs choosing at once cannot both insert)."""
    preference = db.session.get(EmailPreference, user.id)
    if preference is None:
        try:
            with db.session.begin_nested():
                db.session.add(EmailPreference(user_id=user.id, frequency=frequency))
                db.session.flush()
            return
        except IntegrityError:  # chosen at the same moment in another tab
            preference = db.session.get(EmailPreference, user.id, populate_existing=True)
    preference.frequency = frequency
    db.session.flush()


def read_frequency(raw: str | None) -> EmailFrequency:
    try:
        return EmailFrequency(raw)
    except ValueError:
        raise Invalid(_("Choisissez quand recevoir les e-mails : immédiatement, en résumé quotidien ou "
                        "hebdomadaire, ou jamais."), field="frequency") from None


def _wants_immediate_email(user_ids: list[int]) -> set[int]:
    chosen = dict(db.session.execute(select(EmailPreference.user_id, EmailPreference.frequency)
                                     .where(EmailPreference.user_id.in_(user_ids))).all()) if user_ids else {}
    return {user_id for user_id in user_ids if chosen.get(user_id, EmailFrequency.IMMEDIATE) == EmailFrequency.IMMEDIATE}


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=UNSUBSCRIBE_SALT)


def unsubscribe_token(user: User) -> str:
    """A signed token naming ``user`` for the one-click unsubscribe link (no login needed)."""
    return _serializer().dumps({"u": user.id})


def unsubscribe_url(user: User, site_url: str = "") -> str:
    return f"{site_url}/notifications/desabonnement/{unsubscribe_token(user)}"


def member_email(user: User, subject: Text, text: Text, site_url: str = "") -> QueuedEmail:
    """The plain-text e-mail to ``user``, in their language (``Text``), ending with a link to their e-mail
    settings and the one-click unsubscribe link, also given in the List-Unsubscribe headers."""
    url = unsubscribe_url(user, site_url)
    language = user.email_language
    with force_locale(language):
        footer = (_("Choisir quels e-mails vous recevez, et quand : %(url)s", url=site_url + EMAIL_SETTINGS_PATH)
                  + "\n" + _("Pour ne plus recevoir d'e-mails du forum, sans vous connecter : %(url)s", url=url))
        return QueuedEmail(to=user.email, subject=in_language(language, subject), user_id=user.id, unsubscribe_url=url,
                           text=in_language(language, text) + "\n" + footer, language=language)


def email_member(user: User, subject: Text, text: Text, site_url: str = "") -> None:
    """Queue ``member_email`` to ``user`` (in their language). Every e-mail to a member goes through here or ``notify``; the
    caller decides whether the member's preference wants it. Nothing goes to an address its member has
    not confirmed: it may be someone else's (only the confirmation link itself goes there, from
    forum.accounts)."""
    if user.is_email_confirmed:
        language = user.email_language
        queue_emails(db.session, [member_email(user, in_language(language, subject), in_language(language, text),
                                               site_url)])


def wants_email(user_ids: list[int]) -> set[int]:
    """Those of ``user_ids`` who accept some e-mail (every choice but "jamais"): for reminders, which cannot wait."""
    never = set(db.session.execute(select(EmailPreference.user_id).where(
        EmailPreference.user_id.in_(user_ids), EmailPreference.frequency == EmailFrequency.NEVER)).scalars()) \
        if user_ids else set()
    return set(user_ids) - never


def user_of_token(token: str) -> User:
    """The member a token was made for; Invalid when it was altered or does not name a member."""
    try:
        data = _serializer().loads(token)
        user = db.session.get(User, int(data["u"]))
    except (BadSignature, KeyError, TypeError, ValueError):
        raise Invalid(BAD_TOKEN) from None
    if user is None or getattr(user, "is_deleted", False):
        raise Invalid(BAD_TOKEN)
    return user


def unsubscribe(token: str) -> User:
    """Stop every e-mail to the member the token names (idempotent)."""
    user = user_of_token(token)
    set_frequency(user, EmailFrequency.NEVER)
    return user
