"""Use cases for members: registration, login sessions, profile, roles.

Services flush, never commit; the caller commits once.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable

from disposable_email_domains import blocklist as disposable_domains
from email_validator import EmailNotValidError, validate_email
from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError

from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from forum.accounts.models import LoginSession, Role, SuspendedAddress, User
from forum.accounts.names import name_key, reserved_word_in
from forum.core import audit
from forum.core.dates import format_datetime
from forum.core.models import utcnow
from forum.accounts.passwords import check_password_policy, hash_password, verify_password
from forum.core.errors import Conflict, DomainError, Forbidden, Invalid, NotFound
from forum.core.i18n import supported
from forum.core.locking import lock, lock_ids
from forum.core.text import clean_line, clean_text, require_length
from forum.extensions import db

LOGIN_FAILED = _l("Adresse e-mail ou mot de passe incorrect.")
NAME_LOOKS_TAKEN = _l("Ce nom ressemble trop à celui d'un autre membre. Ajoutez par exemple une initiale "
                      "ou le nom de votre fabrique.")
EMAIL_TAKEN = _l("Un compte existe déjà avec cette adresse e-mail. Connectez-vous ou choisissez-en une autre.")


def normalize_email(raw: str) -> str:
    """A lower-cased, syntactically valid address, or Invalid."""
    value = clean_line(raw).lower()
    require_length(value, _l("L'adresse e-mail"), maximum=254, field="email")
    try:
        return validate_email(value, check_deliverability=False).normalized.lower()
    except EmailNotValidError:
        raise Invalid(_("Cette adresse e-mail n'est pas valide."), field="email") from None


def blocked_email_domains() -> frozenset[str]:
    """BLOCKED_EMAIL_DOMAINS, plus the disposable-address domains unless BLOCK_DISPOSABLE_EMAIL_DOMAINS is off."""
    config = current_app.config
    extra = config.get("BLOCKED_EMAIL_DOMAINS") or ()
    if isinstance(extra, str):  # FORUM_BLOCKED_EMAIL_DOMAINS="a.fr, b.org" as well as a JSON list
        extra = extra.replace(";", ",").split(",")
    domains = frozenset(domain.strip().lower().lstrip("@.") for domain in extra if domain.strip())
    return domains | disposable_domains if config.get("BLOCK_DISPOSABLE_EMAIL_DOMAINS", True) else domains


def check_email_domain_allowed(email: str) -> None:
    """Invalid (French message) if the address's domain, or a domain above it, is blocked.

    ``email`` is a normalised address (``normalize_email``): call this wherever a member gives
    a new address (registration, change of address)."""
    domain = email.rpartition("@")[2].lower()
    labels = domain.split(".")
    blocked = blocked_email_domains()
    for start in range(len(labels) - 1):  # "a.yopmail.com", then "yopmail.com"
        if ".".join(labels[start:]) in blocked:
            raise Invalid(_("Les adresses de ce domaine (%(domain)s) ne sont pas acceptées, comme les adresses jetables "
                            "ou temporaires : utilisez une adresse que vous consultez durablement.", domain=domain),
                          field="email")


def clean_display_name(raw: str, *, staff: bool = False) -> str:
    """A display name fit to show: sanitised, 2 to 80 characters, without the words reserved to
    the team (unless ``staff``: moderators and administrators may use them)."""
    name = require_length(clean_line(raw), _l("Le nom affiché"), minimum=2, maximum=80, field="display_name")
    if name_key(name) is None:
        raise Invalid(_("Le nom affiché doit contenir des lettres ou des chiffres."), field="display_name")
    reserved = None if staff else reserved_word_in(name)
    if reserved is not None:
        raise Invalid(_("Le nom affiché ne peut pas contenir « %(word)s », réservé à l'équipe du "
                        "forum : choisissez-en un autre, votre prénom et votre nom par exemple.", word=reserved),
                      field="display_name")
    return name


def check_name_free(display_name: str, member: User | None = None) -> None:
    """Invalid if ``display_name`` looks like another (not deleted) member's name. One indexed lookup."""
    statement = select(User.id).where(User.name_key == name_key(display_name))
    if member is not None and member.id is not None:
        statement = statement.where(User.id != member.id)
    if db.session.execute(statement.limit(1)).first() is not None:
        raise Invalid(NAME_LOOKS_TAKEN, field="display_name")


def _save_name(user: User, change: Callable[[], object]) -> None:
    """Apply ``change`` (the new account, or the new name) in a savepoint and flush it; a name or
    an address taken meanwhile by a concurrent request is a Conflict, and nothing is written."""
    try:
        with db.session.begin_nested():  # flushes what came before, outside the savepoint
            change()
    except IntegrityError:
        if user.email and find_user_by_email(user.email) not in (None, user):
            raise Conflict(EMAIL_TAKEN, field="email") from None
        raise Conflict(NAME_LOOKS_TAKEN, field="display_name") from None


def find_user_by_email(email: str) -> User | None:
    return db.session.execute(select(User).where(User.email == email.lower())).scalar_one_or_none()


def register(email: str, display_name: str, password: str, *, staff: bool = False,
             language: str | None = None) -> User:
    """Create a member account. Raises Invalid for bad fields, Conflict for a taken e-mail.

    ``staff``: an account made by an administrator or the command line, whose name may use
    the words reserved to the team. ``language``: the interface language they signed up in
    (their e-mails are written in it)."""
    email = normalize_email(email)
    check_email_domain_allowed(email)
    display_name = clean_display_name(display_name, staff=staff)
    check_password_policy(password, email=email, display_name=display_name)
    check_address_free(email)
    check_name_free(display_name)
    user = User(email=email, display_name=display_name, password_hash=hash_password(password), role=Role.MEMBER,
                language=supported(language))
    _save_name(user, lambda: db.session.add(user))
    return user


def registration_problems(email: str, display_name: str, password: str, *, checked: set[str]) -> list[DomainError]:
    """Every reason ``register`` would refuse these fields, each on its own field, so that the form
    shows them all at once. Only the fields named in ``checked`` are looked at (the others already
    have an error of the form's own). Reads only; ``register`` checks again when it writes."""
    problems: list[DomainError] = []

    def collect(check, *args, **kwargs):
        try:
            return check(*args, **kwargs)
        except DomainError as error:
            problems.append(error)
            return None

    normalized = collect(normalize_email, email) if "email" in checked else None
    if normalized:
        refused = len(problems)
        collect(check_email_domain_allowed, normalized)
        if len(problems) == refused:  # a blocked domain's address is not looked up
            collect(check_address_free, normalized)
    name = collect(clean_display_name, display_name) if "display_name" in checked else None
    if name:
        collect(check_name_free, name)
    if "password" in checked:
        collect(check_password_policy, password, email=normalized or "", display_name=name or "")
    return problems


def check_address_free(email: str) -> None:
    """Conflict when a (normalised) address belongs to an account, or to one deleted while suspended."""
    if find_user_by_email(email) is not None:
        raise Conflict(EMAIL_TAKEN, field="email")
    _check_not_suspended(email)




def require_confirmed(actor: User) -> None:
    """Forbidden until ``actor`` confirmed their address: posting, loan requests, comments and flags wait."""
    if not actor.is_email_confirmed:
        raise Forbidden(_("Confirmez d'abord votre adresse e-mail : ouvrez le lien que nous vous avons envoyé à "
                          "%(email)s. Le bandeau en haut de la page permet de le recevoir à nouveau.", email=actor.email))


def mark_confirmed(user: User) -> None:
    """Count the address as confirmed without a link: accounts made with ``create-admin``, the demo's."""
    if user.email_confirmed_at is None:
        user.email_confirmed_at = utcnow()


def _address_digest(email: str) -> str:
    key = f"{current_app.config['SECRET_KEY']}:suspended-address".encode()
    return hmac.new(key, normalize_email(email).encode(), hashlib.sha256).hexdigest()


def keep_suspension(user: User) -> None:
    """Before a suspended member's account is erased: remember its address until the suspension's
    end (as a digest), so that deleting the account and registering again does not lift it."""
    if not user.is_suspended:
        return
    row = db.session.get(SuspendedAddress, _address_digest(user.email))
    if row is None:
        db.session.add(SuspendedAddress(digest=_address_digest(user.email), until=user.suspended_until))
    elif row.until is not None:
        row.until = None if user.suspended_until is None else max(row.until, user.suspended_until)


def _check_not_suspended(email: str) -> None:
    row = db.session.get(SuspendedAddress, _address_digest(email))
    if row is None or (row.until is not None and row.until <= utcnow()):
        return
    end = _("jusqu'au %(moment)s", moment=format_datetime(row.until)) if row.until else _("sans limite de durée")
    raise Conflict(_("Le compte qui utilisait cette adresse a été supprimé pendant une suspension (%(end)s) : "
                     "elle ne peut pas servir à s'inscrire avant la fin de cette suspension.", end=end), field="email")


def authenticate(email: str, password: str) -> User:
    """The member with these credentials; Invalid with one message whatever was wrong."""
    user = find_user_by_email(clean_line(email)) if email else None
    if not verify_password(user.password_hash if user else None, password or ""):
        raise Invalid(LOGIN_FAILED)
    return user


def start_login_session(user: User, user_agent: str = "") -> str:
    """Open a server-side login session for ``user``; return the key to keep in the cookie."""
    key = secrets.token_urlsafe(32)
    db.session.add(LoginSession(key_hash=LoginSession.hash_of(key), user_id=user.id,
                                user_agent=clean_line(user_agent)[:200]))
    user.current_session_key = key
    return key


def end_login_session(key: str | None) -> None:
    if key:
        db.session.execute(delete(LoginSession).where(LoginSession.key_hash == LoginSession.hash_of(key)))


def end_other_login_sessions(user: User, keep_key: str | None) -> None:
    statement = delete(LoginSession).where(LoginSession.user_id == user.id)
    if keep_key:
        statement = statement.where(LoginSession.key_hash != LoginSession.hash_of(keep_key))
    db.session.execute(statement)


def update_profile(actor: User, display_name: str, bio: str) -> None:
    """Change the name (checked like at registration, unless unchanged) and the presentation."""
    unchanged = clean_line(display_name) == actor.display_name
    name = clean_display_name(display_name, staff=actor.is_moderator or unchanged)
    if not unchanged:
        check_name_free(name, actor)
        _save_name(actor, lambda: setattr(actor, "display_name", name))
    actor.bio = require_length(clean_text(bio), _l("La présentation"), minimum=0, maximum=1000, field="bio")


def set_language(actor: User, language: str) -> bool:
    """Make ``language`` the member's interface language; whether that changed anything."""
    chosen = supported(language)
    if chosen is None:
        raise Invalid(_("Choisissez le français ou l'anglais."), field="language")
    if actor.language == chosen:
        return False
    actor.language = chosen
    return True


def change_password(actor: User, current_password: str, new_password: str) -> None:
    """Set a new password after checking the current one; every other session of the member ends."""
    if not verify_password(actor.password_hash, current_password or ""):
        raise Invalid(_("Le mot de passe actuel est incorrect."), field="current_password")
    check_password_policy(new_password, email=actor.email, display_name=actor.display_name)
    if verify_password(actor.password_hash, new_password):
        raise Invalid(_("Le nouveau mot de passe doit être différent de l'actuel."), field="new_password")
    actor.password_hash = hash_password(new_password)
    end_other_login_sessions(actor, keep_key=actor.current_session_key)


def get_user(user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None:
        raise NotFound(_("Ce membre n'existe pas."))
    return user


def lock_admins(*others: User) -> int:
    """Lock the administrators' rows and ``others``' (in id order), then count the administrators:
    two of them stepping down, or leaving, at the same moment cannot leave the site without one."""
    admin_ids = db.session.execute(select(User.id).where(User.role == Role.ADMIN)).scalars().all()
    lock_ids(User, [*admin_ids, *(other.id for other in others)])
    for other in {other.id: other for other in others}.values():
        lock(other)
    return db.session.execute(select(func.count()).select_from(User).where(User.role == Role.ADMIN)).scalar_one()


def set_role(actor: User, target: User, role: Role) -> None:
    """Admins appoint or remove moderators and admins; the last admin cannot step down (the
    administrators' rows are locked before they are counted: see ``lock_admins``)."""
    if not actor.is_admin:
        raise Forbidden(_("Seuls les administrateurs peuvent changer le rôle d'un membre."))
    admins = lock_admins(target, actor)
    if not actor.is_admin:  # stepped down meanwhile
        raise Forbidden(_("Seuls les administrateurs peuvent changer le rôle d'un membre."))
    if target.role is Role.ADMIN and role is not Role.ADMIN:
        if admins <= 1:
            raise Conflict(_("Il faut garder au moins un administrateur."))
    if target.role is not role:
        audit.record(actor, "role", "membre", target.id, detail=f"{target.role.label} → {role.label}")
    target.role = role


def create_admin(email: str, display_name: str, password: str) -> User:
    """Make an admin account, or promote the existing account with this e-mail; its address counts as confirmed."""
    existing = find_user_by_email(normalize_email(email))
    if existing is not None:
        existing.role = Role.ADMIN
        mark_confirmed(existing)  # whoever runs the command vouches for the address
        return existing
    user = register(email, display_name, password, staff=True)
    user.role = Role.ADMIN
    mark_confirmed(user)
    return user
