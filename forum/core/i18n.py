"""The interface's language: French (the source language) or English.

Chosen for each request, first match wins: the member's preference (their profile), the cookie
the footer's switcher sets, the browser's ``Accept-Language``, French. Outside a request (the
worker, commands) the language is French unless a caller forces another with
``flask_babel.force_locale`` (an e-mail is written in its recipient's language).

User content is never translated: it keeps the language its author wrote it in.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask, current_app, has_request_context, request
from flask_babel import force_locale, get_locale
from flask_babel import gettext as _gettext
from flask_babel import lazy_gettext as _lazy_gettext
from flask_babel.speaklater import LazyString

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"
LANGUAGE_COOKIE = "langue"
LANGUAGE_COOKIE_SECONDS = 365 * 86_400
# What the switcher shows, each name in its own language (never translated).
LANGUAGE_NAMES = {"fr": "Français", "en": "English"}
# Answers for programs, always French whatever the request says: the public API (forum/api), whose
# answers shared caches keep without regard to languages, and whose documentation says so.
MACHINE_PATHS = ("/api/v1/",)


# For the modules that must not depend on Flask's packages (models: tests/test_architecture.py)
# and still name their labels for the catalogue (the extraction knows these names); both work
# outside an app too (French).
def gettext(message: str, **variables) -> str:
    """``message`` in the reader's language (flask_babel.gettext)."""
    return _gettext(message, **variables)


def lazy_gettext(message: str, **variables):
    """``message`` in the language of whoever reads it later (flask_babel.lazy_gettext)."""
    return _lazy_gettext(message, **variables)


def supported(language: object) -> str | None:
    """``language`` when the interface speaks it ("fr", "en"), else None."""
    return language if isinstance(language, str) and language in LANGUAGES else None


def visitor_language() -> str:
    """The language of a request without a member: the switcher's cookie, else the browser's
    preference, else French. Also what the anonymous page cache keys its pages by."""
    chosen = supported(request.cookies.get(LANGUAGE_COOKIE))
    if chosen:
        return chosen
    return request.accept_languages.best_match(LANGUAGES, default=DEFAULT_LANGUAGE)


def select_locale() -> str:
    """Flask-Babel's locale selector (see the module's docstring for the order)."""
    if not has_request_context():
        return DEFAULT_LANGUAGE
    if request.path.startswith(MACHINE_PATHS):
        return DEFAULT_LANGUAGE
    if current_app.config["SESSION_COOKIE_NAME"] in request.cookies:
        # Only a request with a session can be a member's: the others never load one.
        from flask_login import current_user

        preference = supported(getattr(current_user, "language", None))
        if preference:
            return preference
    return visitor_language()


def current_language() -> str:
    """The language of what is being written now: "fr" or "en"."""
    return str(get_locale() or DEFAULT_LANGUAGE)


# A text written for a person who may read another language than the one who acts (an e-mail, a
# notification): a str (the same for everyone), or a zero-argument callable returning it
# (``lambda: _("…", name=…)``) or a lazy string (``lazy_gettext``), written in each reader's language.
Text = str | LazyString | Callable[[], str]


def in_language(language: str, text: Text) -> str:
    """``text`` written in ``language`` ("fr", "en"): a callable is called, a lazy string translated,
    both under ``force_locale`` (dates and numbers they format follow it too)."""
    with force_locale(language):
        return str(text() if callable(text) else text)


def remember_language(response, language: str) -> None:
    """Set the switcher's cookie on ``response`` (a preference, readable by no script)."""
    response.set_cookie(LANGUAGE_COOKIE, language, max_age=LANGUAGE_COOKIE_SECONDS,
                        secure=current_app.config["SESSION_COOKIE_SECURE"], httponly=True, samesite="Lax")


def init_i18n(app: Flask) -> None:
    """Give templates the page's language, and tell caches that pages vary with it."""

    @app.context_processor
    def language_context():
        return {"current_language": current_language(), "language_names": LANGUAGE_NAMES}

    @app.after_request
    def vary_on_language(response):
        if response.mimetype in ("text/html", "application/atom+xml"):
            response.vary.update(("Cookie", "Accept-Language"))
        return response
