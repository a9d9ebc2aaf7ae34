"""Password rules and hashing (scrypt, salted, through Werkzeug)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from werkzeug.security import check_password_hash, generate_password_hash

from forum.core.errors import Invalid

MIN_LENGTH = 12
MAX_LENGTH = 200


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    # Verified when the e-mail is unknown, so that a failed login costs the
    # same time whether or not the account exists.
    return generate_password_hash("dummy password for timing")


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    text = resources.files("forum.accounts").joinpath("common_passwords.txt").read_text("utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def check_password_policy(password: str, *, email: str = "", display_name: str = "") -> None:
    """Raise Invalid (French message) unless the password is long and not guessable."""
    if len(password) < MIN_LENGTH:
        raise Invalid(f"Le mot de passe doit faire au moins {MIN_LENGTH} caractères.", field="password")
    if len(password) > MAX_LENGTH:
        raise Invalid(f"Le mot de passe ne peut pas dépasser {MAX_LENGTH} caractères.", field="password")
    folded = password.lower().replace(" ", "")
    if folded in common_passwords() or len(set(folded)) <= 3:
        raise Invalid("Ce mot de passe est trop courant : choisissez-en un autre, par exemple une phrase.",
                      field="password")
    personal = {email.lower(), email.split("@")[0].lower(), display_name.lower().replace(" ", "")}
    if any(part and len(part) >= 4 and part in folded for part in personal):
        raise Invalid("Le mot de passe ne doit pas contenir votre adresse e-mail ni votre nom.", field="password")


def hash_password(password: str) -> str:
    return generate_password_hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    if password_hash is None:
        check_password_hash(_dummy_hash(), password)
        return False
    return check_password_hash(password_hash, password)
