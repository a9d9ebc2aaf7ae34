"""Accounts that can be recovered and are real: password reset, address confirmation, address change.

Every link carries a token signed with the secret key (itsdangerous), one salt per purpose, and
refused after its age:
- reset (1 hour) names the account and a fingerprint of its password hash and address: setting
  the new password changes the hash, so the link works once, and every older reset link dies
  with it, without a column to remember used tokens;
- confirmation (24 hours) names the account and a fingerprint of the address it confirms;
- address change (24 hours) names the account, the new address and the same fingerprint as a
  reset: used once (the address changes), and void if the password changes meanwhile.

These e-mails go through ``email_account``, not ``notifications.email_member``: the member asked
for them (or must get them to keep their account), so they leave whatever the member chose for
e-mails, and they carry no unsubscribe link or List-Unsubscribe header (RFC 8058 is for mail one
may stop; an "unsubscribe" button beside a password link would only mislead). Some go to an
address that is not, or no longer, the account's.

Services flush, never commit; the e-mails leave after the commit.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import timedelta
from enum import Enum

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from forum.accounts.models import User
from forum.accounts.passwords import check_password_policy, hash_password, verify_password
from forum.accounts.services import (
    check_address_free,
    check_email_domain_allowed,
    end_other_login_sessions,
    find_user_by_email,
    normalize_email,
)
from forum.core.errors import Conflict, Forbidden, Invalid
from forum.core.i18n import Text, in_language
from forum.core.mail import queue_email
from forum.core.models import utcnow
from forum.extensions import db

RESET_MAX_AGE = timedelta(hours=1)
CONFIRMATION_MAX_AGE = timedelta(hours=24)
MAX_TOKEN_LENGTH = 500

SIGNATURE = _l("Ce message concerne votre compte : il vous est envoyé quels que soient vos choix d'e-mails.")


class Purpose(str, Enum):
    """What a link is for: its salt, and which page offers a new link when it fails."""

    RESET = "forum-des-fabriques/password-reset"
    CONFIRM = "forum-des-fabriques/confirm-email"
    CHANGE = "forum-des-fabriques/change-email"


MAX_AGES = {Purpose.RESET: RESET_MAX_AGE, Purpose.CONFIRM: CONFIRMATION_MAX_AGE, Purpose.CHANGE: CONFIRMATION_MAX_AGE}
BROKEN = {
    Purpose.RESET: _l("Ce lien de réinitialisation n'est pas valide : il a peut-être été copié incomplètement."),
    Purpose.CONFIRM: _l("Ce lien de confirmation n'est pas valide : il a peut-être été copié incomplètement."),
    Purpose.CHANGE: _l("Ce lien de changement d'adresse n'est pas valide : il a peut-être été copié incomplètement."),
}
EXPIRED = {
    Purpose.RESET: _l("Ce lien de réinitialisation a expiré : il n'est valable qu'une heure."),
    Purpose.CONFIRM: _l("Ce lien de confirmation a expiré : il n'est valable que 24 heures."),
    Purpose.CHANGE: _l("Ce lien de changement d'adresse a expiré : il n'est valable que 24 heures."),
}
SPENT = {
    Purpose.RESET: _l("Ce lien de réinitialisation a déjà servi, ou le mot de passe a changé depuis : "
                      "il ne fonctionne qu'une fois."),
    Purpose.CONFIRM: _l("Ce lien confirmait une adresse qui n'est plus celle du compte."),
    Purpose.CHANGE: _l("Ce lien de changement d'adresse a déjà servi, ou le mot de passe ou l'adresse du compte ont "
                       "changé depuis."),
}
ALREADY_CONFIRMED = _l("Votre adresse e-mail est déjà confirmée.")
SUSPENDED_NO_CHANGE = _l("Votre compte est suspendu : son adresse e-mail ne peut pas changer avant la fin de la "
                         "suspension.")
WRONG_PASSWORD = _l("Le mot de passe est incorrect.")
SAME_ADDRESS = _l("C'est déjà l'adresse de votre compte.")
TAKEN_MEANWHILE = _l("Un autre compte utilise maintenant cette adresse : choisissez-en une autre depuis votre profil.")


class BadLink(Invalid):
    """A link that is altered, expired or already used (400); ``purpose`` says which new link to offer."""

    def __init__(self, message: str, purpose: Purpose):
        super().__init__(message)
        self.purpose = purpose


def email_account(to: str, subject: Text, text: Text, *, user_id: int | None = None, language: str = "fr") -> None:
    """Queue an e-mail about the account itself (see the module's docstring: no unsubscribe link),
    written in ``language``, its member's (``Text``: a str, or a callable or lazy string written in it)."""
    with force_locale(language):
        queue_email(db.session, to, in_language(language, subject),
                    in_language(language, text) + f"\n\n-- \nForum des Fabriques\n{SIGNATURE}",
                    user_id=user_id, language=language)


# --- tokens ---------------------------------------------------------------------------------------
def _serializer(purpose: Purpose) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=purpose.value)


def _digest(*parts: str) -> str:
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, "\0".join(parts).encode(), hashlib.sha256).hexdigest()[:32]


def _credentials_print(user: User) -> str:
    """Changes whenever the password or the address changes (each new hash has a new salt)."""
    return _digest("credentials", str(user.id), user.password_hash, user.email)


def _address_print(user: User) -> str:
    return _digest("address", str(user.id), user.email)


def make_token(purpose: Purpose, user: User, **extra: str) -> str:
    print_ = _address_print(user) if purpose is Purpose.CONFIRM else _credentials_print(user)
    return _serializer(purpose).dumps({"u": user.id, "f": print_, **extra})


def _read(purpose: Purpose, token: str) -> dict:
    if not token or len(token) > MAX_TOKEN_LENGTH:
        raise BadLink(BROKEN[purpose], purpose)
    try:
        data = _serializer(purpose).loads(token, max_age=MAX_AGES[purpose].total_seconds())
    except SignatureExpired:
        raise BadLink(EXPIRED[purpose], purpose) from None
    except BadSignature:
        raise BadLink(BROKEN[purpose], purpose) from None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int) or not isinstance(data.get("f"), str):
        raise BadLink(BROKEN[purpose], purpose)
    return data


def _user_of(purpose: Purpose, token: str, *, lock: bool) -> tuple[User, dict]:
    """The account a valid, unused link names; ``lock``: its row, locked until the commit."""
    data = _read(purpose, token)
    statement = select(User).where(User.id == data["u"])
    if lock:
        # Two uses of one link at once: the second waits here, then sees the first one's change.
        statement = statement.with_for_update().execution_options(populate_existing=True)
    user = db.session.execute(statement).scalar_one_or_none()
    if user is None or user.is_deleted:
        raise BadLink(BROKEN[purpose], purpose)
    expected = _address_print(user) if purpose is Purpose.CONFIRM else _credentials_print(user)
    if not hmac.compare_digest(data["f"], expected):
        raise BadLink(SPENT[purpose], purpose)
    return user, data


# --- forgotten password -----------------------------------------------------------------------------
def request_password_reset(raw_email: str, site_url: str) -> None:
    """E-mail a reset link to the account with this address, when there is one.

    The caller answers the same whatever happened, and the e-mail leaves from the worker (the
    response never waits for the mail server), so neither the page nor its timing tells
    whether the address has an account. A deleted
    account never gets one (its address is erased anyway). A suspended member does: they may
    still log in and read, so a new password helps them around nothing.
    """
    user = find_user_by_email(normalize_email(raw_email))
    if user is None or user.is_deleted:
        return
    url = f"{site_url}/mot-de-passe/{make_token(Purpose.RESET, user)}"
    email_account(user.email, _l("Réinitialiser votre mot de passe"), lambda: _(
        "Bonjour %(name)s,\n\n"
        "Quelqu'un, sans doute vous, a demandé à réinitialiser le mot de passe de votre compte sur le Forum des "
        "Fabriques. Pour choisir un nouveau mot de passe, ouvrez ce lien dans l'heure :\n\n"
        "%(url)s\n\n"
        "Le lien ne sert qu'une fois ; toutes les sessions ouvertes sur votre compte seront alors déconnectées.\n\n"
        "Si vous n'avez rien demandé, ignorez ce message : votre mot de passe ne change pas.",
        name=user.display_name, url=url), user_id=user.id, language=user.email_language)


def account_of_reset_link(token: str) -> User:
    """The account a reset link may still reset; BadLink otherwise."""
    return _user_of(Purpose.RESET, token, lock=False)[0]


def reset_password(token: str, new_password: str) -> User:
    """Set the password of the account the link names, once; end every login session of the account.

    Opening the link proved the mailbox: an unconfirmed address becomes confirmed.
    """
    user, _data = _user_of(Purpose.RESET, token, lock=True)
    check_password_policy(new_password, email=user.email, display_name=user.display_name)
    user.password_hash = hash_password(new_password)
    if user.email_confirmed_at is None:
        user.email_confirmed_at = utcnow()
    end_other_login_sessions(user, keep_key=None)
    db.session.flush()
    return user


# --- address confirmation ------------------------------------------------------------------------------
def send_confirmation(user: User, site_url: str) -> None:
    """E-mail ``user`` the link that confirms their address (after the commit)."""
    url = f"{site_url}/confirmer/{make_token(Purpose.CONFIRM, user)}"
    email_account(user.email, _l("Confirmez votre adresse e-mail"), lambda: _(
        "Bonjour %(name)s,\n\n"
        "Bienvenue sur le Forum des Fabriques ! Pour confirmer que cette adresse est bien la vôtre, et pouvoir "
        "publier, demander un prêt ou signaler un contenu, ouvrez ce lien dans les 24 heures :\n\n"
        "%(url)s\n\n"
        "Si vous n'avez pas créé de compte sur le forum, ignorez ce message.",
        name=user.display_name, url=url), user_id=user.id, language=user.email_language)


def resend_confirmation(actor: User, site_url: str) -> None:
    if actor.is_email_confirmed:
        raise Conflict(ALREADY_CONFIRMED)
    send_confirmation(actor, site_url)


def confirm_email(token: str) -> tuple[User, bool]:
    """Confirm the address the link was sent to; the account, and whether it was not confirmed yet."""
    user, _data = _user_of(Purpose.CONFIRM, token, lock=True)
    if user.email_confirmed_at is not None:
        return user, False
    user.email_confirmed_at = utcnow()
    db.session.flush()
    return user, True


# --- address change ----------------------------------------------------------------------------------
def request_email_change(actor: User, password: str, raw_new_email: str, site_url: str) -> str:
    """Check the password and the new address, and e-mail the new address a link that makes the change.

    The account keeps its address until the link is opened. Refused while suspended: moving the
    account off its address, then deleting it, would free the address the suspension remembers.
    """
    if actor.is_suspended:
        raise Forbidden(SUSPENDED_NO_CHANGE)
    if not verify_password(actor.password_hash, password or ""):
        raise Invalid(WRONG_PASSWORD, field="password")
    new_email = normalize_email(raw_new_email)
    if new_email == actor.email:
        raise Invalid(SAME_ADDRESS, field="email")
    check_email_domain_allowed(new_email)
    check_address_free(new_email)
    url = f"{site_url}/profil/adresse/{make_token(Purpose.CHANGE, actor, to=new_email)}"
    email_account(new_email, _l("Confirmez votre nouvelle adresse e-mail"), lambda: _(
        "Bonjour %(name)s,\n\n"
        "Vous avez demandé que votre compte du Forum des Fabriques utilise désormais cette adresse. Pour "
        "confirmer, ouvrez ce lien dans les 24 heures :\n\n"
        "%(url)s\n\n"
        "D'ici là, votre compte garde son adresse actuelle. Si vous n'avez rien demandé, ignorez ce message.",
        name=actor.display_name, url=url), user_id=actor.id, language=actor.email_language)
    return new_email


def pending_change_of_link(token: str) -> tuple[User, str]:
    """The account and the new address of a valid, unused change link; BadLink otherwise."""
    user, data = _user_of(Purpose.CHANGE, token, lock=False)
    return user, _new_address(data)


def _new_address(data: dict) -> str:
    if not isinstance(data.get("to"), str):
        raise BadLink(BROKEN[Purpose.CHANGE], Purpose.CHANGE)
    return normalize_email(data["to"])


def change_email(token: str) -> User:
    """Give the account the new address the link names (confirmed, since the link reached it), once;
    the old address gets a notice. Conflict when another account took the address meanwhile."""
    user, data = _user_of(Purpose.CHANGE, token, lock=True)
    new_email = _new_address(data)
    if user.is_suspended:
        raise Forbidden(SUSPENDED_NO_CHANGE)
    check_address_free(new_email)
    old_email = user.email
    try:
        with db.session.begin_nested():
            user.email = new_email
            user.email_confirmed_at = utcnow()
            db.session.flush()
    except IntegrityError:
        # Another account took it between the check and now: the unique constraint decides.
        raise Conflict(TAKEN_MEANWHILE) from None
    email_account(old_email, _l("L'adresse e-mail de votre compte a changé"), lambda: _(
        "Bonjour %(name)s,\n\n"
        "L'adresse e-mail de votre compte sur le Forum des Fabriques vient d'être remplacée par "
        "%(address)s. Les e-mails du forum, et les liens pour réinitialiser le mot de passe, "
        "iront désormais à cette adresse.\n\n"
        "Si ce n'est pas vous, votre mot de passe est sans doute connu de quelqu'un d'autre : prévenez sans "
        "attendre l'équipe d'administration du forum.",
        name=user.display_name, address=mask_address(new_email)), user_id=user.id, language=user.email_language)
    return user



def mask_address(email: str) -> str:
    """"n…@exemple.fr": enough for the owner to recognise, little for someone reading the old mailbox."""
    local, _at, domain = email.partition("@")
    return f"{local[:1]}…@{domain}"
