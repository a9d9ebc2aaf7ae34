"""The search page (/recherche) and the similar-threads suggestions of the new-thread form.

A visitor's page of results is cached (@public_page) under the database's content version and the
index's state (``service.index_state``): the worker updates the index after the commits, so a page
stays true to both.
"""

from __future__ import annotations

from flask import Blueprint, jsonify, render_template, request, url_for

from forum.core.page_cache import cached_beside, not_cached, public_page
from forum.core.web import filters_in_use
from forum.search import families, service, vocabulary

blueprint = Blueprint("search", __name__)

KEPT_PARAMS = ("q", "tri", "du", "au", "sujet", *service.FACET_PARAMS)
MAX_PARAM_LENGTH = 2_000  # the parser cuts the query at 200 characters and says so


def _args() -> dict[str, str]:
    return {name: value[:MAX_PARAM_LENGTH] for name in KEPT_PARAMS if (value := request.args.get(name))}


@blueprint.get("/recherche")
@public_page
@cached_beside(lambda: (service.index_state(), vocabulary.state(), families.state()))  # edited data shows at once
def results():
    args = _args()
    filters, messages = service.read_filters(args)
    page, page_message = service.read_page(request.args.get("page", "")[:MAX_PARAM_LENGTH])
    if page_message:
        messages.append(page_message)
    found = service.search(args.get("q", ""), filters, page, args.get("tri") or "pertinence")
    found.messages[:0] = messages
    if found.failed:  # a visitor must not keep reading "La recherche n'a pas pu aboutir"
        not_cached()
    # Only the filters actually applied go back into links.
    current = {"q": found.text, "tri": found.sort if found.sort != "pertinence" else None,
               "du": filters.since.isoformat() if filters.since else None,
               "au": filters.until.isoformat() if filters.until else None,
               "sujet": found.filters.thread}
    current.update({param: found.filters.facets.get(name) for param, name in service.FACET_PARAMS.items()})
    current = {name: value for name, value in current.items() if value}

    def link(**changes) -> str:
        params = {**current, **changes}
        return url_for("search.results", **{name: value for name, value in params.items() if value})

    html = render_template("search/results.html", found=found, current=current, link=link,
                           page_url=lambda number: link(page=number if number > 1 else None),
                           active_filters=filters_in_use(ignored=("page", "q", "tri")))
    # 503: the search is unavailable for now, not "no results" (the error is logged by the service).
    return (html, 503) if found.failed else html


@blueprint.get("/recherche/similaires")
def similar():
    title = request.args.get("titre", "")[:service.SIMILAR_TITLE_LENGTH]
    response = jsonify(service.similar_threads(title, limit=5))
    response.headers["Cache-Control"] = "no-store"
    return response
