"""Rate limits shared by the blueprints (Flask-Limiter), and the French "when to retry" sentence.

A limit is a setting of forum/config.py (``FORUM_<NAME>`` overrides it). Per-member limits are
keyed on the member; the 429 page says when the budget comes back, from the limit's own reset
time (see ``retry_sentence`` and forum/core/web.py).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime, timedelta, timezone

from flask import current_app, g, request
from flask_babel import gettext as _
from flask_login import current_user

from forum.core.dates import PARIS, format_day
from forum.core.i18n import current_language
from forum.core.security import SAFE_METHODS
from forum.extensions import limiter


def member_key() -> str:
    """Who acts: the member, else (not logged in) the address."""
    return f"member:{current_user.id}" if current_user.is_authenticated else f"ip:{request.remote_addr}"


# Set on ``g`` by forum.core.web.repeated_submission: the request only led back to what the
# form's first submission created.
REPEATED_SUBMISSION = "repeated_submission"


def accepted(response) -> bool:
    """The action was done (the view redirected): refused forms, previews and a form sent again
    (it creates nothing) cost nothing."""
    return response.status_code in (302, 303) and not g.get(REPEATED_SUBMISSION)


def per_member(setting: str, message: str, *, exempt_when: Callable[[], bool] | None = None):
    """A decorator limiting, per member, the accepted POSTs of a view to the setting ``setting``.

    Put it below ``@login_required``. ``message`` says what happened; the 429 page adds when
    to retry."""
    return limiter.limit(lambda: current_app.config[setting], key_func=member_key, methods=["POST"],
                         deduct_when=accepted, error_message=message, exempt_when=exempt_when)


def _clock(moment: datetime) -> str:
    # French typography: "15 h 40", with no-break spaces; in English, "15:40" (24 hours as well).
    if current_language() != "fr":
        return f"{moment.hour}:{moment.minute:02d}"
    return f"{moment.hour}\u00a0h\u00a0{moment.minute:02d}"


def retry_sentence(reset_at: float, now: datetime | None = None) -> str:
    """ "Réessayez dans 42 minutes.", "… dans une heure.", "… vers 15 h 40.", "… demain vers 9 h 05."

    ``reset_at``: when the budget comes back (a Unix timestamp)."""
    now = now or datetime.now(timezone.utc)
    seconds = reset_at - now.timestamp()
    if seconds <= 60:
        return _("Réessayez dans une minute.")
    minutes = math.ceil(seconds / 60)
    if minutes < 60:
        return _("Réessayez dans %(minutes)s minutes.", minutes=minutes)
    if minutes == 60:
        return _("Réessayez dans une heure.")
    # Past an hour, a time of day reads better; rounded up, so that it is never too early.
    moment = datetime.fromtimestamp(math.ceil(reset_at / 60) * 60, PARIS)
    today = now.astimezone(PARIS).date()
    if moment.date() == today:
        return _("Réessayez vers %(time)s.", time=_clock(moment))
    if moment.date() == today + timedelta(days=1):
        return _("Réessayez demain vers %(time)s.", time=_clock(moment))
    return _("Réessayez le %(day)s vers %(time)s.", day=format_day(moment.date()), time=_clock(moment))


def breached_reset_at() -> float | None:
    """When every limit this request broke has its budget back (None outside a 429)."""
    resets = [limit.reset_at for limit in limiter.current_limits if limit.breached]
    if not resets and limiter.current_limit is not None:
        resets = [limiter.current_limit.reset_at]
    return max(resets) if resets else None


# A view whose reads are limited (``per_address_reads``) says so with this attribute.
READS_LIMITED = "reads_limited"


def per_address_reads(setting: str, message: str):
    """A decorator limiting, per address, the GETs (and HEADs) of a view to the setting ``setting``:
    the public API, which programs read in bulk. Every view so marked with the same setting draws on
    one budget. ``message`` says what happened."""
    def mark(view):
        setattr(view, READS_LIMITED, True)
        return limiter.shared_limit(lambda: current_app.config[setting], scope=setting.lower(),
                                    key_func=lambda: f"ip:{request.remote_addr}", methods=["GET", "HEAD"],
                                    error_message=message)(view)
    return mark


# Every other limit of the forum counts writes (``methods=["POST"]``): reading a page needs no
# look-up of the limits, which Flask-Limiter would otherwise do on every request.
@limiter.request_filter
def _reads_are_not_limited() -> bool:
    if request.method not in SAFE_METHODS:
        return False
    view = current_app.view_functions.get(request.endpoint or "")
    return not (request.method != "OPTIONS" and getattr(view, READS_LIMITED, False))
