"""Default settings. No secret lives here.

Every setting can be overridden by an environment variable ``FORUM_<NAME>``
(for instance ``FORUM_SESSION_COOKIE_SECURE=false``), by ``instance/config.py``,
or by the mapping given to ``create_app``. ``FORUM_DATABASE_URL`` is the
short name of ``SQLALCHEMY_DATABASE_URI``; ``FORUM_TRUSTED_HOSTS`` sets
``EXTRA_TRUSTED_HOSTS``. ``SITE_URL`` has no default: the app refuses to start without it.
"""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ENV_PREFIX = "FORUM_"
ENV_ALIASES = {"DATABASE_URL": "SQLALCHEMY_DATABASE_URI", "TRUSTED_HOSTS": "EXTRA_TRUSTED_HOSTS"}


class DefaultConfig:
    SQLALCHEMY_DATABASE_URI: str | None = None  # None: SQLite file under instance/
    SQLALCHEMY_ENGINE_OPTIONS: dict[str, Any] = {"pool_pre_ping": True}
    SEARCH_INDEX_DIR: str | None = None  # None: instance/search-index
    # The network's acronyms and synonyms, applied to queries (forum/search/vocabulary.toml, read
    # again when it changes); off, or another file, to compare or to try a new list.
    SEARCH_VOCABULARY = True
    SEARCH_VOCABULARY_FILE: str | None = None  # None: the one in forum/search
    # Word families (forum/search/word_families.toml): None or True all rules, False none, or some
    # of "genders", "related", "split" (FORUM_SEARCH_WORD_FAMILIES=genders,related).
    SEARCH_WORD_FAMILIES: bool | str | None = None
    SEARCH_WORD_FAMILIES_FILE: str | None = None  # None: the one in forum/search

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
    # Rate limits (Flask-Limiter strings). Only accepted actions count: a refused form, a preview
    # or a failed login (but for the login limit, which counts only those) costs nothing.
    # The defaults follow Discourse's where it has one (named in brackets).
    LOGIN_FAILURE_LIMIT = "6 per minute"  # per IP [max_logins_per_ip_per_minute]
    # « Mot de passe oublié ? »: requests per IP address, and per typed e-mail address.
    PASSWORD_RESET_LIMIT = "5 per minute; 20 per hour"
    PASSWORD_RESET_ADDRESS_LIMIT = "3 per hour"
    # E-mails a member asks for about their account: confirmation link again, new address.
    ACCOUNT_EMAIL_LIMIT = "5 per hour"
    PASSWORD_HASH_METHOD = "scrypt:32768:8:1"  # see forum/accounts/passwords.py
    POSTING_LIMIT = "10 per minute; 60 per hour"  # threads and replies, per member [rate_limit_create_post]
    # New members (forum/threads/newcomers.py): the account is younger than NEW_MEMBER_DAYS days, or
    # has fewer than NEW_MEMBER_POSTS published posts; moderators never are. Discourse's first-day
    # limits for new users [max_topics_in_first_day, max_replies_in_first_day].
    NEW_MEMBER_DAYS = 7
    NEW_MEMBER_POSTS = 10
    NEW_MEMBER_THREAD_LIMIT = "3 per day"
    NEW_MEMBER_REPLY_LIMIT = "10 per day"
    FLAG_LIMIT = "20 per hour"  # flags a member may send [max_flags_per_day: 20]
    # Per IP [max_new_accounts_per_registration_ip: 3]. A fabrique that signs up a whole team from
    # one connection can raise it.
    REGISTRATION_LIMIT = "3 per hour"
    LOAN_REQUEST_LIMIT = "10 per hour; 20 per day"  # per member [max_personal_messages_per_day: 20]
    LOAN_MESSAGE_LIMIT = "10 per minute; 60 per hour"  # per member, like replies
    # Reads of the public API (/api/v1/), per address: programs read it in bulk.
    API_RATE_LIMIT = "120 per minute"
    PRACTICE_COMMENT_LIMIT = "10 per minute; 60 per hour"  # per member, like replies
    CONVERSATION_LIMIT = "10 per hour; 30 per day"  # new private conversations, per member
    NEW_MEMBER_CONVERSATION_LIMIT = "3 per day"  # [max_personal_messages_per_day for new users]
    PRIVATE_MESSAGE_LIMIT = "10 per minute; 60 per hour"  # per member, like replies
    PRACTICE_TRIAL_LIMIT = "20 per hour; 50 per day"  # "essayé aussi", per member [max_likes_per_day: 50]
    # Reverse proxies in front of the app whose X-Forwarded-For is trusted (0: none). Per-IP limits
    # (login, registration) need the visitor's address: behind one nginx, set it to 1.
    TRUSTED_PROXIES = 0

    # Registration and changes of address refuse these e-mail domains and their subdomains:
    # BLOCKED_EMAIL_DOMAINS (a list, or "a.fr, b.org"), plus the disposable-address domains of the
    # disposable-email-domains package unless BLOCK_DISPOSABLE_EMAIL_DOMAINS is false.
    BLOCKED_EMAIL_DOMAINS: list[str] = []
    BLOCK_DISPOSABLE_EMAIL_DOMAINS = True
    MODERATION_PER_PAGE = 20

    # Anonymous GETs of public pages are served from a per-process cache that a
    # version counter in the database keeps exact (forum/core/page_cache.py).
    PAGE_CACHE_ENABLED = True
    PAGE_CACHE_TTL = 60  # seconds: relative dates ("il y a 5 minutes") stay about right
    # Parts of members' pages that read the same for many of them, rendered once per content
    # version (forum/core/fragments.py); off, every fragment is rendered for every request.
    FRAGMENT_CACHE_ENABLED = True

    # The public address ("https://forum.example.org"), required: every absolute link (e-mails,
    # unsubscribe links, Atom feeds) is built from it, never from the request. Requests whose
    # Host is not its host, nor one of EXTRA_TRUSTED_HOSTS (a list, or names separated by
    # commas; ".example.org" accepts its subdomains), are refused with a 400.
    SITE_URL: str | None = None
    EXTRA_TRUSTED_HOSTS: list[str] | str = []
    # E-mail through Flask-Mailman: "smtp" in production (MAIL_SERVER, MAIL_PORT, MAIL_USERNAME,
    # MAIL_PASSWORD, MAIL_USE_TLS), "file" (MAIL_FILE_PATH, default instance/mail) in development,
    # "locmem" (an in-memory outbox) in tests.
    MAIL_BACKEND = "smtp"
    MAIL_SERVER = "localhost"
    MAIL_PORT = 25
    MAIL_DEFAULT_SENDER = "Forum des Fabriques <ne-pas-repondre@forum-des-fabriques.fr>"
    MAIL_TIMEOUT = 10
    # The worker (flask worker) sends the outbox: a failed attempt is retried after
    # MAIL_RETRY_SECONDS, doubling each time up to MAIL_RETRY_CEILING_SECONDS; after
    # MAIL_MAX_ATTEMPTS the e-mail is kept as failed, for an administrator to send again.
    MAIL_MAX_ATTEMPTS = 8
    MAIL_RETRY_SECONDS = 60
    MAIL_RETRY_CEILING_SECONDS = 6 * 3600
    # How long a worker owns the e-mails it claimed: when it dies, they go again (same Message-ID)
    # once this has passed. None: enough for a whole batch whose every SMTP conversation takes
    # MAIL_TIMEOUT (at least 5 minutes). A set value must exceed MAIL_TIMEOUT + 5 seconds.
    MAIL_LEASE_SECONDS: float | None = None
    # Sent e-mails are forgotten after this many days, failed ones nobody sent again after the second.
    MAIL_KEEP_SENT_DAYS = 30
    MAIL_KEEP_FAILED_DAYS = 90
    # The worker looks for work at least this often, even when nothing woke it.
    WORKER_POLL_SECONDS = 5
    # The worker's schedules, in Europe/Paris wall-clock hours: digests (the weekly one on
    # Mondays), loan reminders, and the pruning of old log rows and orphan photo files.
    DAILY_DIGEST_HOUR = 7
    WEEKLY_DIGEST_HOUR = 7
    LOAN_REMINDERS_HOUR = 8
    EVENT_REMINDERS_HOUR = 8  # the day-before reminders of events (forum/events/reminders.py)
    PRUNING_HOUR = 4

    # (The lengths of titles and posts are not settings: forum/threads/models.py holds them, as the
    # forms are built before any configuration is read and a title's maximum is its column's width.)
    THREADS_PER_PAGE = 25
    POSTS_PER_PAGE = 20
    FABRIQUES_PER_PAGE = 24
    RESOURCES_PER_PAGE = 24
    LOANS_PER_PAGE = 30
    PRACTICES_PER_PAGE = 20

    # The national standard of mediation places (forum/fabriques/exporting.py, importing.py): who
    # produces our exports (the ``source`` of our fabriques and the file names
    # AAAA-MM-JJ_<producteur>_lieux-de-mediation-numerique_<territoire>.csv), and the largest file
    # an import accepts, in bytes (checked on the file's size, or the upload's Content-Length,
    # before it is read).
    STANDARD_PRODUCER = "forum-des-fabriques"
    IMPORT_MAX_BYTES = 20 * 1024 * 1024


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


class ConfigurationError(RuntimeError):
    """A setting is missing or wrong: the app does not start."""


def normalised_site_url(raw: object) -> str:
    """SITE_URL as "scheme://host[:port]" (no trailing slash); ConfigurationError when absent or not such an address."""
    if not raw or not isinstance(raw, str):
        raise ConfigurationError(
            "FORUM_SITE_URL n'est pas défini\u00a0: indiquez l'adresse publique du forum, par exemple "
            "FORUM_SITE_URL=https://forum.example.org (les liens des e-mails et des flux Atom en sont faits\u00a0; "
            "`make run` utilise http://127.0.0.1:5000).")
    parts = urlsplit(raw.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path.strip("/") \
            or parts.query or parts.fragment or parts.username or parts.password:
        raise ConfigurationError(
            f"FORUM_SITE_URL={raw!r} n'est pas une adresse de site\u00a0: attendu «\u00a0https://nom.example.org\u00a0» "
            "(http ou https, un nom d'hôte, un port éventuellement, sans chemin).")
    return f"{parts.scheme}://{parts.netloc}"


def trusted_hosts(site_url: str, extra: object) -> list[str]:
    """The Host names requests may carry: SITE_URL's, then the extra ones (a list, or names separated by commas)."""
    names = extra.split(",") if isinstance(extra, str) else list(extra or [])
    hosts = [urlsplit(site_url).hostname or ""]
    for name in names:
        name = str(name).strip().lower()
        if name and name not in hosts:
            hosts.append(name)
    return hosts


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
