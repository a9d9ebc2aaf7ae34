"""The public Atom feeds: latest threads (all, or one category), practice reports, catalogue resources,
upcoming events."""

from __future__ import annotations

from flask import Blueprint, Response, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from markupsafe import Markup

from forum.core.i18n import current_language
from forum.core.page_cache import public_page
from forum.core.models import utcnow
from forum.core.web import site_url
from forum.events.display import timing_fr
from forum.events.models import Event
from forum.feeds import atom, queries
from forum.practices.models import SECTIONS, Practice
from forum.resources.models import Resource
from forum.threads.services import get_category_by_slug

blueprint = Blueprint("feeds", __name__, url_prefix="/flux")

SITE_NAME = "Forum des Fabriques"
DELETED_MEMBER = _l("Membre supprimé")
# Shared caches and feed readers may keep a feed this long (cookie-free requests only).
MAX_AGE_SECONDS = 300


def _absolute(endpoint: str, **values) -> str:
    """An absolute URL, built as e-mails build theirs: the site's address and the route's path."""
    return site_url() + url_for(endpoint, **values)


def _atom_response(title: str, subtitle: str, self_endpoint: str, page_url: str, entries: list[atom.Entry],
                   **self_values) -> Response:
    feed = atom.Feed(
        title=title, subtitle=subtitle, self_url=_absolute(self_endpoint, **self_values), page_url=page_url,
        base_url=site_url() + "/", icon_url=_absolute("static", filename="img/favicon.svg"), entries=entries,
        language=current_language(),
    )
    return Response(atom.render(feed), content_type=atom.CONTENT_TYPE)


@blueprint.after_request
def _conditional(response: Response) -> Response:
    """ETag and 304 for pollers; a short public lifetime when no cookie is involved."""
    if response.status_code != 200 or request.method not in ("GET", "HEAD"):
        return response
    if not request.cookies:
        response.headers.setdefault("Cache-Control", f"public, max-age={MAX_AGE_SECONDS}")
    response.add_etag()
    return response.make_conditional(request)


# -- Threads ----------------------------------------------------------------------------


def _member(user) -> atom.Person:
    if user is None or user.deleted_at is not None:
        return atom.Person(str(DELETED_MEMBER))
    return atom.Person(user.display_name, _absolute("threads.member", user_id=user.id))


def _thread_entry(row: queries.ThreadWithOpening) -> atom.Entry:
    thread = row.thread
    categories = [atom.Category(thread.category.slug, thread.category.name)]
    if thread.is_question:
        categories.append(atom.Category("question", _("Question")))
    return atom.Entry(
        title=thread.title,
        link=_absolute("threads.show", thread_id=thread.id, slug=thread.slug),
        id=_absolute("threads.show", thread_id=thread.id),  # no slug: a new title keeps the same id
        published=thread.created_at,
        updated=max(thread.created_at, row.edited_at or thread.created_at),
        authors=[_member(thread.author)],
        categories=categories,
        content_html="" if row.opening_withdrawn else row.body_html,
        summary=_("Le message d'ouverture de ce sujet n'est plus visible.") if row.opening_withdrawn else "",
    )


@blueprint.get("/sujets.atom")
@public_page
def threads():
    entries = [_thread_entry(row) for row in queries.latest_threads()]
    return _atom_response(_("%(site)s — derniers sujets", site=SITE_NAME),
                          _("Les nouveaux sujets de toutes les catégories du forum."),
                          "feeds.threads", _absolute("threads.home"), entries)


@blueprint.get("/forum/<slug>.atom")
@public_page
def category(slug: str):
    forum_category = get_category_by_slug(slug)  # NotFound: the French 404 page
    entries = [_thread_entry(row) for row in queries.latest_threads(forum_category)]
    name = forum_category.name
    return _atom_response(_("%(site)s — %(category)s : derniers sujets", site=SITE_NAME, category=name),
                          forum_category.description or _("Les nouveaux sujets de la catégorie « %(category)s ».",
                                                          category=name),
                          "feeds.category", _absolute("threads.category", slug=forum_category.slug), entries,
                          slug=forum_category.slug)


# -- Practice reports -------------------------------------------------------------------


def _practice_html(practice: Practice) -> str:
    facts = [practice.kind.label, practice.fabrique.name, practice.territory_type.label]
    if practice.period:
        facts.append(practice.period)
    parts = [Markup("<p><strong>{}</strong></p>").format(" · ".join(facts))]
    for name, heading in SECTIONS.items():
        html = getattr(practice, f"{name}_html")
        if html:  # stored, sanitised when written: never rendered again
            parts.append(Markup("<h2>{}</h2>").format(heading) + Markup(html))
    return str(Markup("\n").join(parts))


def _practice_entry(practice: Practice) -> atom.Entry:
    fabrique_uri = _absolute("fabriques.show", slug=practice.fabrique.slug)
    authors = [_member(user) for user in practice.authors] or [atom.Person(practice.fabrique.name, fabrique_uri)]
    published = practice.published_at or practice.created_at
    return atom.Entry(
        title=practice.title,
        link=_absolute("practices.show", practice_id=practice.id),
        id=_absolute("practices.show", practice_id=practice.id),
        published=published,
        updated=max(published, practice.updated_at),
        authors=authors,
        categories=[atom.Category(practice.kind.value, practice.kind.label)]
        + [atom.Category(theme.slug, theme.name) for theme in practice.themes],
        content_html=_practice_html(practice),
    )


@blueprint.get("/pratiques.atom")
@public_page
def practices():
    entries = [_practice_entry(practice) for practice in queries.latest_practices()]
    return _atom_response(_("%(site)s — retours d'expérience", site=SITE_NAME),
                          _("Les derniers retours d'expérience publiés : bonnes pratiques et expériences à éviter."),
                          "feeds.practices", _absolute("practices.index"), entries)


# -- Catalogue --------------------------------------------------------------------------


def _resource_html(resource: Resource) -> str:
    parts = [Markup("<p><strong>{}</strong> · {} · {}</p>").format(
        resource.kind.label, resource.category_label, _("proposé par %(fabrique)s", fabrique=resource.fabrique.name))]
    if resource.paused:
        parts.append(Markup("<p>{}</p>").format(_("Indisponible pour le moment.")))
    if resource.description_html:
        parts.append(Markup(resource.description_html))  # stored, sanitised when written
    return str(Markup("\n").join(parts))


def _resource_entry(resource: Resource) -> atom.Entry:
    link = _absolute("resources.show", resource_id=resource.id)
    return atom.Entry(
        title=resource.name,
        link=link,
        id=link,
        published=resource.created_at,
        updated=max(resource.created_at, resource.updated_at),
        authors=[atom.Person(resource.fabrique.name, _absolute("fabriques.show", slug=resource.fabrique.slug))],
        categories=[atom.Category(resource.kind.value, resource.kind.label),
                    atom.Category(resource.category, resource.category_label)],
        content_html=_resource_html(resource),
    )


@blueprint.get("/ressources.atom")
@public_page
def resources():
    entries = [_resource_entry(resource) for resource in queries.latest_resources()]
    return _atom_response(_("%(site)s — catalogue partagé", site=SITE_NAME),
                          _("Le matériel, les salles et les savoir-faire que les fabriques viennent de proposer."),
                          "feeds.resources", _absolute("resources.index"), entries)


# -- Agenda -----------------------------------------------------------------------------


def _event_html(event: Event) -> str:
    parts = [Markup("<p><strong>{}</strong> · {} · {}</p>").format(
        event.kind.label, event.status.label, _("organisé par %(fabrique)s", fabrique=event.fabrique.name))]
    parts.append(Markup("<ul>{}</ul>").format(Markup("").join(
        Markup("<li>{}</li>").format(timing_fr(timing.starts_at, timing.ends_at)) for timing in event.timings)))
    if event.summary:
        parts.append(Markup("<p>{}</p>").format(event.summary))
    if event.description_html:
        parts.append(Markup(event.description_html))  # stored, sanitised when written
    return str(Markup("\n").join(parts))


def _event_entry(event: Event) -> atom.Entry:
    link = _absolute("events.show", event_id=event.id)
    title = _("%(title)s (annulé)", title=event.title) if event.is_cancelled else event.title
    return atom.Entry(
        title=title, link=link, id=link, published=event.created_at, updated=max(event.created_at, event.updated_at),
        authors=[atom.Person(event.fabrique.name, _absolute("fabriques.show", slug=event.fabrique.slug))],
        categories=[atom.Category(event.kind.value, event.kind.label)], content_html=_event_html(event),
    )


@blueprint.get("/agenda.atom")
@public_page
def events():
    entries = [_event_entry(event) for event in queries.upcoming_events(utcnow())]
    return _atom_response(_("%(site)s — agenda", site=SITE_NAME), _("Les prochains événements des fabriques."), "feeds.events",
                          _absolute("events.index"), entries)
