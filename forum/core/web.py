"""What every request shares: error pages, security headers, write intent, template helpers."""

from __future__ import annotations

import json

from flask import Flask, Response, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import force_locale, get_locale, get_translations
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from jinja2 import pass_context
from sqlalchemy.exc import DataError
from werkzeug.exceptions import HTTPException, SecurityError

from forum.core.database import set_write_intent
from forum.core.dates import format_ago, format_date, format_datetime, format_day, format_month
from forum.core.errors import DomainError
from forum.core.hostile import install_request_guards
from forum.core.languages import lang_attribute
from forum.core.i18n import current_language
from forum.core.limits import REPEATED_SUBMISSION, breached_reset_at, retry_sentence
from forum.core.logs import install_log_escaping, log_refused_request, refuse_reason
from forum.core.markdown import plain_excerpt
from forum.core.numbers import format_euros, format_number
from forum.core.security import SAFE_METHODS, IdConverter, add_security_headers, is_safe_local_path
from forum.core.typography import french_spacing
from forum.core.visibility import can_see, is_awaiting_approval
from forum.extensions import db

HTTP_MESSAGES = {
    400: _l("La demande est incorrecte."),
    401: _l("Connectez-vous pour continuer."),
    403: _l("Vous n'avez pas accès à cette page."),
    404: _l("Cette page n'existe pas ou plus."),
    405: _l("Cette action n'est pas possible à cette adresse."),
    409: _l("Cette action n'est plus possible dans l'état actuel."),
    413: _l("L'envoi est trop volumineux."),
    429: _l("Trop de tentatives en peu de temps : patientez une minute avant de réessayer."),
    500: _l("Une erreur inattendue s'est produite. L'équipe a été prévenue ; réessayez dans un instant."),
}
HTTP_TITLES = {
    400: _l("Demande incorrecte"), 401: _l("Connexion nécessaire"), 403: _l("Accès refusé"),
    404: _l("Page introuvable"), 405: _l("Action impossible"), 409: _l("Conflit"), 413: _l("Envoi trop volumineux"),
    429: _l("Un peu de patience"), 500: _l("Erreur du serveur"),
}
REFUSED_BY_DATABASE = _l("Une des valeurs envoyées ne peut pas être enregistrée (trop longue ou hors limites). "
                         "Corrigez-la et recommencez.")


# Where errors are answered in JSON (``{"error": "…"}``) rather than as the French HTML page: the
# path prefixes of machine-readable areas (the public API), registered with ``answer_errors_in_json``.
JSON_ERROR_PREFIXES = "json_error_prefixes"


def answer_errors_in_json(app: Flask, prefix: str) -> None:
    """Every error of a request whose path starts with ``prefix`` (a 404 of an unknown address, a 405,
    a 429, a 500 included) is answered ``{"error": "<French message>"}`` with its status."""
    app.extensions.setdefault(JSON_ERROR_PREFIXES, []).append(prefix)


def _wants_json_error() -> bool:
    return any(request.path.startswith(prefix) for prefix in current_app.extensions.get(JSON_ERROR_PREFIXES, ()))


def error_page(status: int, message: str | None = None, home_url: str | None = None, headers=None):
    """The French error page; ``home_url``: where its button leads (default: this site's home page).
    Under a prefix of ``answer_errors_in_json``, the same message as JSON; ``headers``: kept on it."""
    db.session.rollback()
    text = message or HTTP_MESSAGES.get(status, HTTP_MESSAGES[400])
    if _wants_json_error():
        body = json.dumps({"error": typeset(str(text))}, ensure_ascii=False)
        return Response(body, status=status, headers=headers, content_type="application/json; charset=utf-8")
    return render_template(
        "errors/error.html", status=status, title=HTTP_TITLES.get(status) or _("Erreur"),
        message=message or HTTP_MESSAGES.get(status, HTTP_MESSAGES[400]), home_url=home_url,
    ), status


def typeset(text):
    """Templates' ``french_spacing``: French no-break spaces on a French page; an English page keeps
    its text as written (English sets no space before « : ? »)."""
    return french_spacing(text) if current_language() == "fr" else text


def register_web_core(app: Flask) -> None:
    app.url_map.converters["id"] = IdConverter
    install_log_escaping()
    install_request_guards(app)
    app.after_request(log_refused_request)

    @app.before_request
    def _declare_write_intent():
        set_write_intent(request.method not in SAFE_METHODS)

    @app.teardown_request
    def _forget_write_intent(error=None):
        # The thread may serve a GET next, or run other code (tests, CLI): back to reads.
        set_write_intent(False)

    @app.after_request
    def _headers(response):
        add_security_headers(response)
        if request.method not in SAFE_METHODS or g.get("private_page"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.errorhandler(DomainError)
    def _domain_error(error: DomainError):
        refuse_reason(type(error).__name__)
        return error_page(error.status_code, error.message)

    @app.errorhandler(CSRFError)
    def _csrf_error(error: CSRFError):
        refuse_reason(f"CSRF: {error.description}")
        return error_page(400, _("Le formulaire a expiré ou n'a pas été envoyé depuis ce site. "
                                 "Rechargez la page et recommencez."))

    @app.errorhandler(DataError)
    def _refused_by_database(error: DataError):
        # A value that validation should have refused (too long for its column, out of its type's
        # range): the person gets a 400, and the gap is logged as an error to be fixed.
        app.logger.error("The database refused a value of %s %s: %s", request.method, request.path,
                         str(error.orig).splitlines()[0] if error.orig else type(error).__name__)
        refuse_reason("value refused by the database")
        return error_page(400, REFUSED_BY_DATABASE)

    @app.errorhandler(HTTPException)
    def _http_error(error: HTTPException):
        status = error.code or 500
        if isinstance(error, SecurityError):
            refuse_reason("untrusted Host header")
            return error_page(400, _("Cette adresse n'est pas celle du forum. Il répond à %(site_url)s.",
                                     site_url=site_url()), home_url=site_url() + "/")
        if status == 429:
            refuse_reason("rate limit")
            # The French message given to the limit that was hit (Flask-Limiter), else the generic
            # one; then when to retry, from the limit's own reset time.
            custom = getattr(getattr(error, "limit", None), "error_message", None)
            message = error.description if custom else HTTP_MESSAGES[429]
            reset_at = breached_reset_at()
            return error_page(429, f"{message} {retry_sentence(reset_at)}" if reset_at else message)
        # A 405 keeps its Allow header (the methods the address takes).
        methods = getattr(error, "valid_methods", None) if status == 405 else None
        allowed = [("Allow", ", ".join(methods))] if methods else None
        return error_page(status, HTTP_MESSAGES.get(status) or error.description, headers=allowed)

    @app.errorhandler(Exception)
    def _unexpected(error: Exception):
        app.logger.exception("Unhandled error on %s %s", request.method, request.path)
        return error_page(500)

    app.jinja_env.filters["date"] = format_date
    app.jinja_env.filters["french_spacing"] = typeset
    app.jinja_env.filters["number"] = format_number
    app.jinja_env.filters["euros"] = format_euros
    app.jinja_env.filters["plain_excerpt"] = plain_excerpt
    app.jinja_env.filters["lang_attr"] = lang_attribute
    app.jinja_env.filters["datetime"] = format_datetime
    app.jinja_env.filters["ago"] = format_ago
    app.jinja_env.filters["day"] = format_day
    app.jinja_env.filters["month"] = format_month
    # A label held in a variable (an enum's, a data file's), in the reader's language. Plain text, so
    # that it is escaped: _() in a template marks its result safe, right for literal messages only.
    app.jinja_env.filters["translated"] = lambda label: str(get_translations().gettext(str(label))) if label else ""
    app.jinja_env.filters["iso"] = lambda value: value.isoformat() if value else ""
    app.jinja_env.globals["page_url"] = page_url
    app.jinja_env.globals["can_see"] = can_see
    app.jinja_env.globals["is_awaiting_approval"] = is_awaiting_approval
    _install_template_gettext(app)
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True


def _install_template_gettext(app: Flask) -> None:
    """Templates' _() and ngettext(), through Flask-Babel's catalogues (French is the source).

    The template's ``current_language`` (forum.core.i18n's context processor: it follows
    ``force_locale``) picks the catalogue. French, the source, needs no lookup; another
    language's catalogue is fetched once for the app. Flask-Babel's own lookup costs ~8 µs a
    string, and a member's page shows a few hundred. A template without the variable (a macro
    imported without context) takes Flask-Babel's way.
    """
    catalogues: dict[str, object] = {}

    def catalogue(context):
        language = context.get("current_language")
        if language is None:
            return get_translations()
        if language == "fr":
            return None
        if language not in catalogues:
            with force_locale(language):
                catalogues[language] = get_translations()
        return catalogues[language]

    @pass_context
    def template_gettext(context, message: str) -> str:
        translations = catalogue(context)
        return message if translations is None else translations.gettext(message)

    @pass_context
    def template_ngettext(context, singular: str, plural: str, num: int) -> str:
        translations = catalogue(context)
        if translations is None:  # the French source: 0 and 1 are singular
            return singular if num <= 1 else plural
        if context.get("current_language") is None:
            return ngettext_source_french(singular, plural, num)
        return translations.ngettext(singular, plural, num)

    app.jinja_env.install_gettext_callables(template_gettext, template_ngettext, newstyle=True)


def ngettext_source_french(singular: str, plural: str, num: int) -> str:
    """The (unformatted) message for ``num``; untranslated French says "0 réponse", as French does.

    gettext falls back to the English rule (only 1 is singular) when a message has
    no catalogue entry; our source language is French, where 0 and 1 are singular.
    """
    if str(get_locale()) == "fr":
        num = 1 if num <= 1 else 2
    return get_translations().ngettext(singular, plural, num)


# Set on ``g`` when a creating form was sent again: the response leads to what it created before.
def confirmation_needed(question: str, consequence: str, confirm_label: str, back_url: str):
    """For a destructive action posted by its button: the page that asks to confirm it (200, nothing
    done), or None once the person confirmed (the page's form posts the same URL with confirmed=1).
    ``back_url`` is where « Annuler » leads; the caller checks access before asking."""
    if request.form.get("confirmed") == "1":
        return None
    return render_template("confirm.html", question=question, consequence=consequence,
                           confirm_label=confirm_label, back_url=back_url)


def repeated_submission(message: str, url: str):
    """Answer a creating form sent again (a double click, a retry; see forum.accounts.submissions):
    what its first submission created, with ``message`` (« Ce message était déjà publié. »)."""
    setattr(g, REPEATED_SUBMISSION, True)
    flash(message, "info")
    return redirect(url)


def next_url(default: str) -> str:
    """The local ``next`` target of this request (query string, else form), else ``default``:
    never another site."""
    target = request.args.get("next") or request.form.get("next")
    return target if is_safe_local_path(target) else default


def wants_preview() -> bool:
    """Whether a Markdown form was sent with its « Aperçu » button rather than to save."""
    return request.form.get("action") == "preview"


def site_url() -> str:
    """The site's public address (SITE_URL, required), for every absolute link: e-mails, feeds.

    Never the request's own host: a forged ``Host`` header must not reach an e-mail.
    """
    return current_app.config["SITE_URL"].rstrip("/")


def filters_in_use(ignored: tuple[str, ...] = ("page", "tri")) -> int:
    """How many of a list's filters this request's query string sets (« Filtrer (2) »); a date
    range counts once."""
    names = {name for name, value in request.args.items(multi=True) if name not in ignored and value.strip()}
    return len(names) - (1 if {"du", "au"} <= names else 0)


def page_url(number: int) -> str:
    """The current page's URL at page ``number``, keeping its other query arguments."""
    args = {**(request.view_args or {}), **request.args.to_dict(), "page": number if number > 1 else None}
    return url_for(request.endpoint, **args)


def markdown_response(text: str, filename: str) -> Response:
    """A page's Markdown export (as Les Bases offers them), shown by the browser, saved under ``filename``."""
    response = Response(text, content_type="text/markdown; charset=utf-8")
    response.headers["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
