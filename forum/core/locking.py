"""Row locks for read-modify-writes: lock the row, then read what you will change.

Production runs PostgreSQL (READ COMMITTED) with several workers: a service that reads a
state, decides, then writes, can decide on a state another request is changing at the same
moment. ``lock`` takes the row's lock (``SELECT … FOR UPDATE``) and reloads its columns, so
what the service reads next is the latest committed state and nobody else changes the row
until our commit; a second request doing the same waits, then reads what the first wrote.
On SQLite the statement carries no FOR UPDATE (the dialect drops it): a writing request
already holds the database's write lock from its first statement (``core/database.py``), so
the reload only reads what is there.

Where people edit text (posts, practice reports, resources, fabrique profiles), the edit form
carries the version it was opened at and the save locks the row, then ``check_version``: a save
over a newer version is refused with both texts shown (the person merges by hand).

Lock order, so that two requests never wait for each other in a circle (PostgreSQL would
abort one with a deadlock): a loan before its resource; threads (several: by id, through
``lock_ids``) before their posts, then categories (by id), then fabriques (a reply touches its
fabrique's activity); a fabrique before its memberships; a member's own row (deleting one's
account, administrators by id) before anything else they change.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import inspect, select
from sqlalchemy.exc import InvalidRequestError

from forum.core.dates import format_datetime
from forum.core.errors import DomainError, NotFound, StaleEdit
from forum.extensions import db


# FOR NO KEY UPDATE on PostgreSQL: it excludes other writers of the row as FOR UPDATE does, but
# not the inserts of rows that refer to it (their foreign-key check takes FOR KEY SHARE): a member
# replying while their account is being deleted, a comment while its report is edited, do not
# wait on a lock that serialises nothing they share (we never change a primary key).
FOR_UPDATE = {"key_share": True}


def lock(instance, gone: DomainError | None = None):
    """Lock ``instance``'s row until the commit and reload its columns (changes not yet flushed
    are dropped: call it before changing anything). ``gone`` (default: NotFound) is raised when
    the row was deleted meanwhile. Loaded relationships are kept as they are."""
    mapper = inspect(instance).mapper
    try:
        db.session.refresh(instance, attribute_names=[column.key for column in mapper.column_attrs],
                           with_for_update=FOR_UPDATE)
    except InvalidRequestError:  # "Could not refresh instance": the row no longer exists
        raise gone or NotFound() from None
    return instance


def lock_ids(model, ids: Iterable[int]) -> list[int]:
    """Lock the rows of ``model`` with these ids, in id order (so two requests locking the same
    rows queue instead of deadlocking); the ids that still exist."""
    wanted = sorted(set(ids))
    if not wanted:
        return []
    return list(db.session.execute(
        select(model.id).where(model.id.in_(wanted)).order_by(model.id).with_for_update(**FOR_UPDATE)).scalars())


UNKNOWN_VERSION = _l("Le formulaire envoyé ne dit pas quelle version vous modifiiez. Votre texte est conservé dans "
                     "le formulaire et la version actuelle est affichée juste avant : vérifiez, puis enregistrez "
                     "de nouveau.")


# For callers that edit without a form (scripts, the demo): no version to compare.
NOT_CHECKED = object()


def read_version(raw: str | None) -> int | None:
    """The version an edit form carries (None when missing or malformed)."""
    raw = (raw or "").strip()
    # ASCII digits only: str.isdigit() also accepts "²", which int() refuses.
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= 9 else None


def check_version(seen, version: int, *, changed: str, who: str | None, when: datetime | None,
                  current: list[tuple[str, str]]) -> None:
    """StaleEdit unless the form was opened at ``version`` (call it with the row locked).

    ``changed``: « Ce message a été modifié »; ``who``, ``when``: the last save's author and time;
    ``current``: the stored texts, as (label, text) pairs, to show beside the person's own.
    ``seen`` None: the form carried no version (a 409 all the same: we cannot tell what was seen)."""
    if seen is NOT_CHECKED or seen == version:
        return
    message = UNKNOWN_VERSION if seen is None else _(
        "%(changed)s par %(who)s le %(when)s, depuis que vous avez ouvert ce formulaire. Votre texte est conservé "
        "dans le formulaire et la version actuelle est affichée juste avant : reprenez-y ce qui vous manque, "
        "puis enregistrez de nouveau.",
        changed=str(changed), who=who or _("un autre membre"), when=format_datetime(when) if when else _("à l'instant"))
    raise StaleEdit(message, version=version, current=[(label, text) for label, text in current if text])
