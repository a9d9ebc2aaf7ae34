"""Creating forms create once, however often they are sent: a submission token per form.

A creating form (reply, new thread, loan request, comment…) carries a hidden token, signed for
the member and the form it was shown for (``issue``; nothing is written when a page is shown).
When it is sent, the view ``claim``s the token before creating, in the same transaction: one row
per used token (``FormSubmission``, primary key), which then remembers what was created
(``Claim.record``). A second submission of the same form (a double click, the browser's retry,
the back button) finds the row and leads to what the first one created instead of creating it
again. Two submissions at the same moment on PostgreSQL: the second one's insert waits for the
first's commit on the unique key, then fails and finds the row (if the first rolled back, the
second simply goes ahead). A token signed for another member or form, or none, is a 400.

Used tokens are kept ``MAX_AGE``; older tokens are refused (the form is shown again with the
text kept and a fresh token), so the rows can go: each claim prunes its member's old ones.

This replaces the former content-based duplicate checks ("the same text within five minutes"),
which let two concurrent submissions through on PostgreSQL and refused a member's deliberate
repetition.
"""

from __future__ import annotations

import functools
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from flask_babel import lazy_gettext as _l
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from forum.accounts.models import FormSubmission, User
from forum.core.errors import Invalid
from forum.core.models import utcnow
from forum.extensions import db

MAX_AGE = timedelta(days=7)
SALT = "forum-des-fabriques/form-submission"
MISSING = _l("Le formulaire envoyé est incomplet. Vérifiez votre texte, puis envoyez-le de nouveau.")
FOREIGN = _l("Ce formulaire a été ouvert pour un autre usage ou par un autre compte. Vérifiez votre texte, "
             "puis envoyez-le de nouveau.")
EXPIRED = _l("Ce formulaire était ouvert depuis plus de 7 jours. Vérifiez votre texte, puis envoyez-le de nouveau.")


class BadSubmission(Invalid):
    """A 400 for a missing, foreign or expired token; ``fresh_token`` lets the form be sent again."""

    def __init__(self, message: str, fresh_token: str):
        super().__init__(message)
        self.fresh_token = fresh_token


def _serializer() -> URLSafeTimedSerializer:
    # Built once per key: a form that replies is on every thread page a member reads.
    return _serializer_for(current_app.config["SECRET_KEY"])


@functools.lru_cache(maxsize=4)
def _serializer_for(secret_key: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret_key, salt=SALT)


def issue(user: User, scope: str) -> str:
    """A fresh token for ``user``'s form ``scope`` ("reply:12"), to put in the form's hidden field."""
    return _serializer().dumps([user.id, scope, secrets.token_urlsafe(16)])


@dataclass
class Claim:
    """A claimed token. ``is_repeat``: the form was sent before, and ``earlier`` is the id of what
    that first submission created; else this submission is the first: create, then ``record``.

    A token that is not this member's for this form is refused by ``record``, once the use case
    has run: its own refusals (a 403, a date in the past…) say more and come first, and what it
    created goes with the rolled-back transaction."""

    nonce: str | None
    is_repeat: bool = False
    earlier: int | None = None
    refusal: BadSubmission | None = None

    def record(self, created_id: int) -> None:
        """Remember what this submission created (in its transaction); BadSubmission for a bad token."""
        if self.refusal is not None:
            raise self.refusal
        db.session.get(FormSubmission, self.nonce).created_id = created_id
        db.session.flush()


def _nonce(user: User, scope: str, token: str | None) -> str:
    if not token:
        raise BadSubmission(MISSING, issue(user, scope))
    try:
        user_id, signed_scope, nonce = _serializer().loads(token, max_age=int(MAX_AGE.total_seconds()))
    except SignatureExpired:
        raise BadSubmission(EXPIRED, issue(user, scope)) from None
    except (BadSignature, TypeError, ValueError):
        raise BadSubmission(FOREIGN, issue(user, scope)) from None
    if user_id != user.id or signed_scope != scope or not isinstance(nonce, str) or len(nonce) > 32:
        raise BadSubmission(FOREIGN, issue(user, scope))
    return nonce


def claim(user: User, scope: str, token: str | None) -> Claim:
    """Use ``token`` for ``user``'s form ``scope`` (see ``Claim``)."""
    try:
        nonce = _nonce(user, scope, token)
    except BadSubmission as refusal:
        return Claim(None, refusal=refusal)
    db.session.execute(delete(FormSubmission).where(FormSubmission.user_id == user.id,
                                                    FormSubmission.created_at < utcnow() - MAX_AGE))
    earlier = db.session.execute(select(FormSubmission).where(FormSubmission.nonce == nonce)).scalar_one_or_none()
    if earlier is None:
        try:
            with db.session.begin_nested():
                db.session.add(FormSubmission(nonce=nonce, user_id=user.id, scope=scope))
                db.session.flush()
            return Claim(nonce)
        except IntegrityError:  # the same form, sent at the same moment, committed first
            earlier = db.session.execute(select(FormSubmission).where(FormSubmission.nonce == nonce)
                                         .execution_options(populate_existing=True)).scalar_one()
    if earlier.user_id != user.id or earlier.scope != scope:  # cannot happen with a valid signature
        return Claim(None, refusal=BadSubmission(FOREIGN, issue(user, scope)))
    return Claim(nonce, is_repeat=True, earlier=earlier.created_id)


def prune_expired(now: datetime | None = None) -> int:
    """Delete every member's spent tokens past ``MAX_AGE`` (each claim prunes its member's; this,
    from the worker's daily pruning, those of members who stopped posting)."""
    cutoff = (now or utcnow()) - MAX_AGE
    return db.session.execute(delete(FormSubmission).where(FormSubmission.created_at < cutoff)).rowcount
