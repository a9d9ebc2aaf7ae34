"""Password rules and hashing (scrypt, salted, through Werkzeug)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from flask_babel import gettext as _
from werkzeug.security import check_password_hash, generate_password_hash

from forum.core.errors import Invalid

MIN_LENGTH = 12
MAX_LENGTH = 128  # ASVS 2.1.2: at least 64 allowed, at most 128 (bounds the hashing work)
# Forms that check an existing password (login, confirmations) accept what the rules allowed
# before MAX_LENGTH was lowered, so nobody is locked out.
LEGACY_MAX_LENGTH = 200
# Werkzeug's scrypt at its default cost (~0.1 s per hash: slow on purpose). The app sets it from
# PASSWORD_HASH_METHOD; the test suite uses scrypt at a lower cost, so that its hundreds of
# accounts and logins do not spend minutes hashing.
DEFAULT_HASH_METHOD = "scrypt:32768:8:1"
_hash_method = DEFAULT_HASH_METHOD


def use_hash_method(method: str) -> None:
    """The method of new hashes (existing hashes name their own, so they keep verifying)."""
    global _hash_method
    _hash_method = method


@lru_cache(maxsize=4)
def _dummy_hash(method: str) -> str:
    # Verified when the e-mail is unknown, so that a failed login costs the
    # same time whether or not the account exists.
    return generate_password_hash("dummy password for timing", method=method)


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    text = resources.files("forum.accounts").joinpath("common_passwords.txt").read_text("utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def check_password_policy(password: str, *, email: str = "", display_name: str = "") -> None:
    """Raise Invalid (French message) unless the password is long and not guessable."""
    if len(password) < MIN_LENGTH:
        raise Invalid(_("Le mot de passe doit faire au moins %(minimum)s caractères.", minimum=MIN_LENGTH), field="password")
    if len(password) > MAX_LENGTH:
        raise Invalid(_("Le mot de passe ne peut pas dépasser %(maximum)s caractères (%(length)s saisis).",
                        maximum=MAX_LENGTH, length=len(password)), field="password")
    folded = password.lower().replace(" ", "")
    if folded in common_passwords() or len(set(folded)) <= 3:
        raise Invalid(_("Ce mot de passe est trop courant : choisissez-en un autre, par exemple une phrase."),
                      field="password")
    personal = {email.lower(), email.split("@")[0].lower(), display_name.lower().replace(" ", "")}
    if any(part and len(part) >= 4 and part in folded for part in personal):
        raise Invalid(_("Le mot de passe ne doit pas contenir votre adresse e-mail ni votre nom."), field="password")


def hash_password(password: str) -> str:
    return generate_password_hash(password, method=_hash_method)


def verify_password(password_hash: str | None, password: str) -> bool:
    if password_hash is None:
        check_password_hash(_dummy_hash(_hash_method), password)
        return False
    return check_password_hash(password_hash, password)
