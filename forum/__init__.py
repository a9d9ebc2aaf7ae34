"""Forum des Fabriques: the application factory, the only place that wires things together."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Mapping

from flask import Flask
from flask_babel import lazy_gettext as _l

from forum import config as config_module

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app. Settings: defaults < instance/config.py < FORUM_* environment < ``config``."""
    instance_path = (config or {}).get("INSTANCE_PATH") or os.environ.get("FORUM_INSTANCE_PATH") \
        or str(PROJECT_ROOT / "instance")
    app = Flask(
        __name__,
        instance_path=instance_path,
        instance_relative_config=True,
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
    )
    app.config.from_object(config_module.DefaultConfig)
    app.config.from_pyfile("config.py", silent=True)
    app.config.update(config_module.settings_from_environment())
    app.config.update(config or {})
    _complete_config(app)

    from forum.core.database import configure_sqlite
    from forum.core.sessions import HourlyRefreshSessionInterface
    from forum.extensions import db

    app.session_interface = HourlyRefreshSessionInterface()
    _init_extensions(app)
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            configure_sqlite(db.engine)

    from forum.core.fragments import init_fragments
    from forum.core.page_cache import init_page_cache
    from forum.core.web import register_web_core

    register_web_core(app)
    init_page_cache(app, lambda: db.engine)
    init_fragments(app)
    if app.config.get("TRUSTED_PROXIES"):
        # The visitor's address (per-IP limits, logs) from X-Forwarded-For, set by that many proxies.
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=int(app.config["TRUSTED_PROXIES"]))
    _register_blueprints(app)
    _register_page_helpers(app)
    _register_commands(app)
    return app


def _complete_config(app: Flask) -> None:
    app.config["SITE_URL"] = config_module.normalised_site_url(app.config.get("SITE_URL"))
    app.config["SITE_HOSTS"] = config_module.trusted_hosts(app.config["SITE_URL"],
                                                           app.config.get("EXTRA_TRUSTED_HOSTS"))
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = config_module.load_or_create_secret_key(app.instance_path)
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///" + str(Path(app.instance_path) / "forum.sqlite3")
    if app.config.get("MAIL_BACKEND") == "file" and not app.config.get("MAIL_FILE_PATH"):
        app.config["MAIL_FILE_PATH"] = str(Path(app.instance_path) / "mail")
    _check_mail_lease(app.config)
    if not app.config.get("SEARCH_INDEX_DIR"):
        app.config["SEARCH_INDEX_DIR"] = str(Path(app.instance_path) / "search-index")
    app.config["REMEMBER_COOKIE_SECURE"] = app.config["SESSION_COOKIE_SECURE"]
    from forum.accounts.passwords import use_hash_method

    use_hash_method(app.config["PASSWORD_HASH_METHOD"])
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        options = dict(app.config.get("SQLALCHEMY_ENGINE_OPTIONS") or {})
        options.setdefault("connect_args", {"timeout": 30})
        app.config["SQLALCHEMY_ENGINE_OPTIONS"] = options


def _check_mail_lease(config) -> None:
    from forum.core.mail import RECORD_MARGIN_SECONDS

    lease, timeout = config.get("MAIL_LEASE_SECONDS"), config["MAIL_TIMEOUT"]
    if lease and float(lease) <= float(timeout) + RECORD_MARGIN_SECONDS:
        raise config_module.ConfigurationError(
            f"FORUM_MAIL_LEASE_SECONDS={lease} est trop court\u00a0: un worker doit pouvoir attendre le serveur "
            f"d'e-mails (FORUM_MAIL_TIMEOUT={timeout}) puis noter le résultat, soit plus de "
            f"{float(timeout) + RECORD_MARGIN_SECONDS:g}\u00a0secondes.")


def _init_extensions(app: Flask) -> None:
    from sqlalchemy import bindparam, select
    from sqlalchemy.orm import joinedload

    from forum.accounts.models import LoginSession, User
    from forum.accounts.session_members import SessionMembers
    from forum.core.fragments import remember_member_version
    from forum.core.i18n import init_i18n, select_locale
    from forum.core.page_cache import version_column
    from forum.notifications.services import unread_count_column
    from forum.notifications.views import remember_unread_count
    from forum.core.mail import install_mail_hooks
    from forum.core.wakeup import install_wakeup_hooks
    from forum.search.sync import install_change_log
    from forum.extensions import babel, csrf, db, limiter, login_manager, mail, migrate
    from forum.fabriques.models import Fabrique, Membership

    db.init_app(app)
    migrate.init_app(app, db, directory=str(PROJECT_ROOT / "migrations"), render_as_batch=True)
    csrf.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    init_i18n(app)
    limiter.init_app(app)
    mail.init_app(app)
    install_mail_hooks()
    install_change_log()
    install_wakeup_hooks()

    login_manager.init_app(app)
    login_manager.login_view = "accounts.login"
    # Lazy, written in the visitor's language when Flask-Login flashes it (localize_callback).
    login_manager.login_message = _l("Connectez-vous pour accéder à cette page.")
    login_manager.localize_callback = str
    login_manager.login_message_category = "info"
    login_manager.session_protection = None  # the server-side login session does this job

    # Every request of a member checks their login session, with what the header shows (their unread
    # notifications) and the content version pages read their fragments at: one statement. The member
    # and their fabrique (what pages read of it: a fabrique's page reads the rest) are loaded again
    # only when the content version moved.
    session_members = SessionMembers(
        select(User).where(User.id == bindparam("user_id")).options(
            joinedload(User.membership).joinedload(Membership.fabrique).load_only(
                Fabrique.slug, Fabrique.name, Fabrique.region_code, Fabrique.department_code,
                Fabrique.territory_type)),
        version_column(), unread_count_column(LoginSession.user_id))
    app.extensions["session_members"] = session_members

    @login_manager.user_loader
    def load_user(session_key: str) -> User | None:
        member = session_members.find(session_key)
        if member is None:
            return None
        (unread,) = member.columns
        remember_unread_count(unread or 0)
        remember_member_version(member.content_version)
        return member.user


def _register_blueprints(app: Flask) -> None:
    from forum.accounts.recovery_views import blueprint as recovery
    from forum.api.doc_views import blueprint as api_docs
    from forum.api.views import blueprint as api
    from forum.core.web import answer_errors_in_json
    from forum.accounts.views import blueprint as accounts
    from forum.core.views import blueprint as core
    from forum.fabriques.exchange_views import blueprint as exchange
    from forum.fabriques.onboarding import blueprint as onboarding
    from forum.fabriques.views import SECTIONS_KEY
    from forum.fabriques.views import blueprint as fabriques
    from forum.events.calendar_views import blueprint as calendars
    from forum.events.views import blueprint as events
    from forum.feeds.views import blueprint as feeds
    from forum.members.views import blueprint as members
    from forum.members.welcome import blueprint as welcome
    from forum.messages.views import blueprint as messages
    from forum.moderation.views import blueprint as moderation
    from forum.notifications.views import blueprint as notifications
    from forum.practices.views import blueprint as practices
    from forum.practices.views import fabrique_practices_section, home_practices_section
    from forum.resources.map_views import blueprint as fabriques_map
    from forum.resources.loan_views import blueprint as loans
    from forum.resources.photo_views import blueprint as resource_photos
    from forum.resources.room_views import blueprint as rooms
    from forum.resources.views import blueprint as resources
    from forum.resources.views import fabrique_resources_section
    from forum.search.views import blueprint as search
    from forum.worker.views import blueprint as deliveries
    from forum.threads.community_views import blueprint as community
    from forum.threads.views import HOME_SECTIONS_KEY
    from forum.threads.views import blueprint as threads
    from forum.threads.views import fabrique_threads_section

    for blueprint in (core, accounts, recovery, onboarding, fabriques, exchange, fabriques_map, threads, community,
                      notifications, resources, resource_photos, rooms, loans, practices, messages, members, welcome,
                      moderation, events, calendars, feeds, search, deliveries, api, api_docs):
        app.register_blueprint(blueprint)
    answer_errors_in_json(app, api.url_prefix + "/")
    from forum.events.rooms import tell_organisers_of_refusal
    from forum.events.views import fabrique_events_section
    from forum.resources.services import on_loan_moved

    on_loan_moved(tell_organisers_of_refusal)
    app.extensions[SECTIONS_KEY] = [fabrique_events_section, fabrique_resources_section, fabrique_practices_section,
                                    fabrique_threads_section]
    app.extensions[HOME_SECTIONS_KEY] = [home_practices_section]


def _register_page_helpers(app: Flask) -> None:
    """The template helpers every page may call (each queries only when a template calls it), and
    the one site-wide check before any write. It comes after the CSRF check, registered earlier by
    the extension, so a forged request still gets its 400."""
    from forum.fabriques.views import template_helpers as membership_helpers
    from forum.messages.views import template_helpers as ignoring_helpers
    from forum.moderation.web import refuse_writes_of_suspended_members
    from forum.moderation.web import template_helpers as moderation_helpers
    from forum.notifications.views import template_helpers as unread_helpers

    app.before_request(refuse_writes_of_suspended_members)
    for helpers in (membership_helpers, unread_helpers, ignoring_helpers, moderation_helpers):
        app.context_processor(helpers)


def _register_commands(app: Flask) -> None:
    from forum.commands import register_commands

    register_commands(app)
