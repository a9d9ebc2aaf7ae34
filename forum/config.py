"""Default settings. No secret lives here.

Every setting can be overridden by an environment variable ``FORUM_<NAME>``
(for instance ``FORUM_SESSION_COOKIE_SECURE=false``), by ``instance/config.py``,
or by the mapping given to ``create_app``. ``FORUM_DATABASE_URL`` is the
short name of ``SQLALCHEMY_DATABASE_URI``.
"""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path
from typing import Any

ENV_PREFIX = "FORUM_"
ENV_ALIASES = {"DATABASE_URL": "SQLALCHEMY_DATABASE_URI"}


class DefaultConfig:
    SQLALCHEMY_DATABASE_URI: str | None = None  # None: SQLite file under instance/
    SQLALCHEMY_ENGINE_OPTIONS: dict[str, Any] = {"pool_pre_ping": True}
    SEARCH_INDEX_DIR: str | None = None  # None: instance/search-index

    # Cookies are Secure by default (production); the development server and
    # plain-http setups must opt out explicitly.
    SESSION_COOKIE_SECURE = True
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_NAME = "forum_session"
    REMEMBER_COOKIE_SECURE = True
    REMEMBER_COOKIE_HTTPONLY = True
    PERMANENT_SESSION_LIFETIME = 60 * 60 * 24 * 30

    WTF_CSRF_ENABLED = True
    WTF_CSRF_TIME_LIMIT = None  # tied to the session, which logout destroys
    MAX_CONTENT_LENGTH = 1 * 1024 * 1024

    BABEL_DEFAULT_LOCALE = "fr"
    BABEL_DEFAULT_TIMEZONE = "Europe/Paris"

    RATELIMIT_ENABLED = True
    RATELIMIT_STORAGE_URI = "memory://"
    RATELIMIT_HEADERS_ENABLED = True
    LOGIN_FAILURE_LIMIT = "6 per minute"
    # « Mot de passe oublié ? »: requests per IP address, and per typed e-mail address.
    PASSWORD_RESET_LIMIT = "5 per minute; 20 per hour"
    PASSWORD_RESET_ADDRESS_LIMIT = "3 per hour"
    # E-mails a member asks for about their account: confirmation link again, new address.
    ACCOUNT_EMAIL_LIMIT = "5 per hour"
    PASSWORD_HASH_METHOD = "scrypt:32768:8:1"  # see forum/accounts/passwords.py
    POSTING_LIMIT = "10 per minute; 60 per hour"
    FLAG_LIMIT = "20 per hour"  # flags a member may send
    MODERATION_PER_PAGE = 20

    # Anonymous GETs of public pages are served from a per-process cache that a
    # version counter in the database keeps exact (forum/core/page_cache.py).
    PAGE_CACHE_ENABLED = True
    PAGE_CACHE_TTL = 60  # seconds: relative dates ("il y a 5 minutes") stay about right

    # Public address used in e-mails ("https://forum.example.org"); None: the request's host.
    SITE_URL: str | None = None
    # E-mail through Flask-Mailman: "smtp" in production (MAIL_SERVER, MAIL_PORT, MAIL_USERNAME,
    # MAIL_PASSWORD, MAIL_USE_TLS), "file" (MAIL_FILE_PATH, default instance/mail) in development,
    # "locmem" (an in-memory outbox) in tests.
    MAIL_BACKEND = "smtp"
    MAIL_SERVER = "localhost"
    MAIL_PORT = 25
    MAIL_DEFAULT_SENDER = "Forum des Fabriques <ne-pas-repondre@forum-des-fabriques.fr>"
    MAIL_TIMEOUT = 10

    POST_MAX_LENGTH = 32_000
    THREADS_PER_PAGE = 25
    POSTS_PER_PAGE = 20
    FABRIQUES_PER_PAGE = 24
    RESOURCES_PER_PAGE = 24
    LOANS_PER_PAGE = 30
    PRACTICES_PER_PAGE = 20


def parse_env_value(raw: str) -> Any:
    """Read an environment value as JSON when it is JSON (true, 12, [..]), else as text."""
    lowered = raw.strip().lower()
    if lowered in {"true", "yes", "on"}:
        return True
    if lowered in {"false", "no", "off"}:
        return False
    try:
        return json.loads(raw)
    except ValueError:
        return raw


def settings_from_environment(environ: dict[str, str] | None = None) -> dict[str, Any]:
    environ = os.environ if environ is None else environ
    settings = {}
    for key, raw in environ.items():
        if not key.startswith(ENV_PREFIX) or key.startswith("FORUM_TEST_"):
            continue
        name = key[len(ENV_PREFIX):]
        settings[ENV_ALIASES.get(name, name)] = parse_env_value(raw)
    return settings


def load_or_create_secret_key(instance_path: str) -> str:
    """Return the installation's secret key, generating it into instance/ on first use."""
    path = Path(instance_path) / "secret_key"
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    # O_EXCL: when two workers start at once, one writes and the other reads.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    return key
