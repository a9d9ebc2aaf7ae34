"""Calendars to subscribe to (iCalendar): one event, a fabrique's agenda, a region's, a member's own.

Public feeds are cached like the Atom feeds (anonymous page cache, ETag, a short public
lifetime). The member's feed is found by its secret token alone (calendar apps send no cookie):
never cached, by anyone (``Cache-Control: private, no-store``), and never a @public_page.
"""

from __future__ import annotations

from flask import Blueprint, Response, g, render_template, request, url_for
from flask_babel import force_locale, gettext as _, lazy_gettext
from flask_login import current_user, login_required

from forum.core.errors import Conflict, NotFound
from forum.core.forms import require_button_form
from forum.core.models import utcnow
from forum.core.page_cache import public_page
from forum.core.visibility import is_moderator
from forum.core.web import site_url
from forum.events import calendar_queries, calendars, queries, services
from forum.events.calendar_tokens import issue_token, marker_of, member_of_token, token_of
from forum.events.models import Answer
from forum.extensions import db
from forum.fabriques.geography import REGIONS
from forum.fabriques.permissions import active_fabrique_of
from forum.fabriques.queries import fabrique_for_page

blueprint = Blueprint("calendars", __name__)

# Calendar apps and shared caches may keep a public feed this long (cookie-free requests only).
MAX_AGE_SECONDS = 300
# The public feeds are one document for everyone (shared caches keep them, calendar apps send no
# language of their reader): written in French, the forum's language.
PUBLIC_FEED_LANGUAGE = "fr"
PUBLIC_FEEDS = {"calendars.event_ics", "calendars.fabrique_feed", "calendars.region_feed"}
UNKNOWN_REGION = lazy_gettext("Cette région n'existe pas\u00a0: son code est celui de l'INSEE, par exemple 75 pour la "
                    "Nouvelle-Aquitaine.")
UNKNOWN_TOKEN = lazy_gettext("Cette adresse d'agenda n'existe pas ou plus\u00a0: une nouvelle adresse a peut-être été "
                             "générée. Retrouvez la vôtre dans « Mon agenda », sur le forum.")


def _absolute(endpoint: str, **values) -> str:
    return site_url() + url_for(endpoint, **values)


def _ics(calendar, filename: str) -> Response:
    response = Response(calendars.to_bytes(calendar), content_type=calendars.CONTENT_TYPE)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@blueprint.after_request
def _conditional(response: Response) -> Response:
    """Public feeds: ETag and 304 for pollers (answers from the page cache too), a short public
    lifetime when no cookie is involved. Never the member's feed."""
    if (request.endpoint not in PUBLIC_FEEDS or response.status_code != 200
            or request.method not in ("GET", "HEAD")):
        return response
    if not request.cookies:
        response.headers["Cache-Control"] = f"public, max-age={MAX_AGE_SECONDS}"
    response.add_etag()
    return response.make_conditional(request)


def _add_events(calendar, events, window) -> None:
    for event in events:
        for component in calendars.event_components(event, _absolute("events.show", event_id=event.id), window):
            calendar.add_component(component)


@blueprint.get("/agenda/<id:event_id>/agenda.ics")
@public_page
def event_ics(event_id: int):
    """One event (all its timings), as the link « Ajouter à mon agenda » downloads it."""
    event = queries.event_for_page(event_id)
    if event is None:
        raise NotFound(str(services.EVENT_GONE))
    if event.hidden_at is not None and not (is_moderator(current_user) or services.may_edit(current_user, event)):
        raise NotFound(str(services.EVENT_GONE))
    with force_locale(PUBLIC_FEED_LANGUAGE):
        calendar = calendars.new_calendar(calendars.texts().event_feed.format(title=event.title))
        for component in calendars.event_components(event, _absolute("events.show", event_id=event.id)):
            calendar.add_component(component)
    return _ics(calendar, f"evenement-{event.id}.ics")


@blueprint.get("/fabriques/<slug>/agenda.ics")
@public_page
def fabrique_feed(slug: str):
    """A fabrique's events, and its rooms' confirmed bookings as « Occupé »."""
    fabrique = fabrique_for_page(slug, with_details=False)
    if fabrique is None:
        raise NotFound(_("Cette fabrique n'existe pas."))
    window = calendars.Window.around(utcnow())
    with force_locale(PUBLIC_FEED_LANGUAGE):
        text = calendars.texts()
        calendar = calendars.new_calendar(text.fabrique_feed.format(fabrique=fabrique.name),
                                          text.fabrique_feed_description.format(fabrique=fabrique.name))
        _add_events(calendar, calendar_queries.events_of_fabrique(fabrique.id, window), window)
        for slot in calendar_queries.busy_slots(fabrique.id, window):
            calendar.add_component(calendars.busy_component(slot, fabrique.name))
    return _ics(calendar, f"agenda-{fabrique.slug}.ics")


@blueprint.get("/agenda/<code>.ics")
@public_page
def region_feed(code: str):
    """The events of a region's fabriques (by the INSEE code of the region)."""
    if code not in REGIONS:
        raise NotFound(str(UNKNOWN_REGION))
    window = calendars.Window.around(utcnow())
    with force_locale(PUBLIC_FEED_LANGUAGE):
        text = calendars.texts()
        calendar = calendars.new_calendar(text.region_feed.format(region=REGIONS[code]),
                                          text.region_feed_description.format(region=REGIONS[code]))
        _add_events(calendar, calendar_queries.events_of_region(code, window), window)
    return _ics(calendar, f"agenda-region-{code}.ics")


@blueprint.get("/agenda/membre/<token>.ics")
def member_feed(token: str):
    """A member's own calendar, found by its secret token: the events they answered, their fabrique's loans."""
    member = member_of_token(token)
    if member is None:
        raise NotFound(str(UNKNOWN_TOKEN))
    window = calendars.Window.around(utcnow())
    # The calendar app that polls it sends no cookie: the feed is written in its member's language.
    with force_locale(member.email_language):
        text = calendars.texts()
        calendar = calendars.new_calendar(text.member_feed, text.member_feed_description)
        for event, answer in calendar_queries.answered_events(member.id, window):
            for component in calendars.event_components(
                    event, _absolute("events.show", event_id=event.id), window,
                    interested=answer.answer is Answer.INTERESTED, waiting=answer.waiting):
                calendar.add_component(component)
        fabrique = active_fabrique_of(member)
        if fabrique is not None:
            for loan in calendar_queries.loans_of_fabrique(fabrique.id, window):
                calendar.add_component(calendars.loan_component(loan, fabrique.id, _absolute("loans.show",
                                                                                              loan_id=loan.id)))
    response = _ics(calendar, "mon-agenda.ics")
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    return response


@blueprint.route("/profil/mon-agenda", methods=["GET", "POST"])
@login_required
def my_calendar():
    """« Mon agenda »: the address of the member's feed, shown once when made; a new one replaces it."""
    g.private_page = True
    feed_url, refusal = None, None
    if request.method == "POST":
        require_button_form()
        try:
            token = issue_token(current_user, utcnow(), replaces=request.form.get("replaces"))
            db.session.commit()
            # Shown in this answer only: the database keeps its hash, so no later page can show it again.
            feed_url = _absolute("calendars.member_feed", token=token)
        except Conflict as error:  # another tab (or a double click) made one meanwhile: the page, told so
            db.session.rollback()
            refusal = error
    current = token_of(current_user)
    return render_template("events/my_calendar.html", feed_url=feed_url, refusal=refusal,
                           webcal_url=feed_url and "webcal://" + feed_url.split("://", 1)[1],
                           created_at=current.created_at if current else None,
                           replaces=marker_of(current)), 409 if refusal else 200
