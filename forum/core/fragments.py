"""HTML that many members see alike, rendered once per content version and kept per process.

The anonymous page cache (forum.core.page_cache) never serves members, and most of a
member's page is the same for all of them: a post, its author, its body, its "Merci"
button for a member who has not thanked it yet. A *fragment* is a template rendered with
a context that depends only on its key; it is kept with the content version it was read
at, and used again while no commit changed what pages show (and for at most the TTL).

What makes a fragment one member's stays out of it:

- its key says everything the fragment depends on (the post, and flags such as "the
  viewer thanked it", "the viewer wrote it", "the viewer is a moderator");
- it sees a ``current_user`` that is a ``Viewer``: the attributes the key holds, nothing else
  (and ``request``, ``session``, ``g`` not at all: using them in a fragment fails loudly);
- its CSRF tokens are a placeholder (``csrf_token()`` in templates), replaced with the
  member's own token once per response (``init_fragments``).

A value that differs with every response (a form's one-time token) is a placeholder too
(``per_response``). The main part of a page (``page_body``: all but the header) is a fragment
kept in a smaller cache of its own, since a page is large.

A fragment whose key is all it shows (``shared``, used by templates: the navigation bar) does
not depend on the content version. The content version is read at the start of a GET of a
view marked ``@uses_fragments``, before the page reads its data: a fragment is never stored
under a version newer than what it shows.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any, Callable, Hashable, Mapping, Sequence

from flask import Flask, current_app, g, render_template, request
from flask_login import current_user
from markupsafe import Markup

from forum.core.csrf_tokens import csrf_token as signed_csrf_token
from forum.core.i18n import current_language
from forum.core.page_cache import VersionedCache, current_version

MAX_FRAGMENTS = 20_000
# Page bodies weigh 10-60 kB: this many is a few tens of MB per worker at most.
MAX_PAGE_BODIES = 500
# Pages say "aujourd'hui" and "il y a 5 minutes": no fragment outlives this many seconds.
TTL_SECONDS = 60.0
# Stands for the member's CSRF token in stored fragments; random per process, so no text a
# member writes can contain it.
CSRF_PLACEHOLDER = f"csrf-{secrets.token_hex(16)}"
_PER_RESPONSE_PREFIX = f"response-{secrets.token_hex(16)}-"


@dataclass(frozen=True)
class Viewer:
    """Who a fragment is rendered for, reduced to what its key holds.

    ``id`` is the member's id only where the key says "the viewer wrote this" (else 0, which
    is nobody's), so that ``post.author_id == current_user.id`` reads the same in a fragment.
    """

    id: int = 0
    is_authenticated: bool = True
    is_moderator: bool = False
    is_suspended: bool = False
    is_email_confirmed: bool = True

    @classmethod
    def of(cls, user, *, with_id: bool = False) -> Viewer:
        """``user`` (``current_user``) as a fragment sees them; ``with_id``: the key says they wrote
        something the fragment shows."""
        if not user.is_authenticated:
            return cls(is_authenticated=False, is_email_confirmed=False)
        return cls(id=user.id if with_id else 0, is_moderator=user.is_moderator, is_suspended=user.is_suspended,
                   is_email_confirmed=user.is_email_confirmed)


def uses_fragments(view):
    """Mark a view that renders fragments: the content version is read before anything else."""
    view.uses_fragments = True
    return view


def content_version() -> int:
    """The content version this request reads at (read once, at its start)."""
    version = g.get("content_version")
    if version is None:
        from forum.extensions import db

        version = g.content_version = current_version(db.session)
    return version


class _NotInFragments:
    """Stands for ``request``, ``session``, ``g`` and ``current_user`` in a fragment, which reads only
    what its key holds: any use fails loudly instead of sharing one member's page with another."""

    def __init__(self, name: str):
        self._name = name

    def __getattr__(self, attribute: str):
        raise RuntimeError(f"A fragment may not read {self._name}.{attribute}: give it the value, in its key.")

    def __bool__(self):
        raise RuntimeError(f"A fragment may not read {self._name}: give it the value, in its key.")


_GUARDS = {name: _NotInFragments(name) for name in ("request", "session", "g", "current_user")}


def shared(template: str, **values: Hashable) -> Markup:
    """``template`` rendered with ``values`` and nothing else, kept under those values (for templates).

    Its HTML depends on nothing else, so no content version is read for it.
    """
    return fragment(template, tuple(sorted(values.items())), lambda: values, versioned=False)


def page_body(template: str, key: tuple, context: Callable[[], dict[str, Any]]) -> Markup:
    """The main part of a page as a versioned fragment (see ``fragment``), kept in the cache of bodies."""
    return fragment(template, key, context, store="page_body_cache")


def per_response(name: str, value: Callable[[], str]) -> str:
    """A placeholder to give a fragment for a value that differs with each response (a form's
    one-time token): this response gets ``value()`` in its place (called once, after the view)."""
    placeholder = _PER_RESPONSE_PREFIX + name
    g.setdefault("per_response_values", {})[placeholder] = value
    return placeholder


def fragment(template: str, key: tuple, context: Callable[[], dict[str, Any]], *, versioned: bool = True,
             store: str = "fragment_cache") -> Markup:
    """``template`` rendered with ``context()``, or the same HTML rendered earlier for ``key``.

    ``key`` and the content (when ``versioned``: what the request reads at its content version)
    must determine the context entirely: ``context`` is called only on a miss, and the template's
    name and the interface's language are added to the key. CSRF tokens in the result are the
    placeholder.
    """
    full_key = (template, current_language(), *key)
    version = content_version() if versioned else 0
    cache: VersionedCache[Markup] | None = current_app.extensions[store]
    html = cache.get(full_key, version) if cache is not None else None
    if html is None:
        g.fragment_depth = g.get("fragment_depth", 0) + 1
        try:
            # csrf_token too: Flask-WTF's context processor would give templates the real token.
            html = Markup(render_template(template, **{**_GUARDS, "csrf_token": csrf_token, **context()}))
        finally:
            g.fragment_depth -= 1
        if cache is not None:
            cache.put(full_key, version, html)
    g.fragments_used = True
    return html


def fragments_of(template: str, ids: Sequence[int], load: Callable[[Sequence[int]], Mapping[int, Any]],
                 context: Callable[[Any], dict[str, Any]],
                 key: Callable[[int], tuple] = lambda item_id: (item_id,)) -> list[Markup]:
    """One fragment of ``template`` per id of ``ids`` (a list's rows or cards), in that order.

    ``key(id)`` keys each (default: the id alone); ``load(ids)`` gives {id: object} for all of them,
    called once and only if a fragment is missing; ``context(object)`` is that fragment's context.
    """
    loaded: dict[int, Any] = {}

    def item_context(item_id: int) -> dict[str, Any]:
        if not loaded:
            loaded.update(load(ids))
        return context(loaded[item_id])

    return [fragment(template, key(item_id), lambda item_id=item_id: item_context(item_id)) for item_id in ids]


def remember_member_version(version: int | None) -> None:
    """The content version, read with the member at the start of the request (forum.create_app)."""
    g.member_content_version = version or 0


def csrf_token() -> str:
    """Templates' ``csrf_token()``: the placeholder inside a fragment, the member's token elsewhere."""
    if g.get("fragment_depth"):
        return CSRF_PLACEHOLDER
    token = g.get("csrf_token_of_response")
    if token is None:  # once per response: a list of notifications has a form per line
        token = g.csrf_token_of_response = signed_csrf_token()
    return token


def init_fragments(app: Flask) -> None:
    """Read the content version at the start of GETs that use fragments; give each response its
    member's tokens."""
    enabled = app.config["FRAGMENT_CACHE_ENABLED"]
    app.extensions["fragment_cache"] = VersionedCache(MAX_FRAGMENTS, TTL_SECONDS) if enabled else None
    app.extensions["page_body_cache"] = VersionedCache(MAX_PAGE_BODIES, TTL_SECONDS) if enabled else None
    app.jinja_env.globals["csrf_token"] = csrf_token
    app.jinja_env.globals["shared"] = shared

    @app.before_request
    def _read_content_version():
        view = app.view_functions.get(request.endpoint or "")
        if request.method != "GET" or not getattr(view, "uses_fragments", False) or "content_version" in g:
            return
        cached = g.get("page_cache_version")  # the anonymous page cache read it already
        if cached is None and current_user.is_authenticated:  # loads the member now, at the start
            cached = g.get("member_content_version")  # read with them (remember_member_version)
        if cached is not None:
            g.content_version = cached
        else:
            content_version()

    @app.after_request
    def _personalise(response):
        if g.pop("fragments_used", False) and response.mimetype == "text/html" and not response.is_streamed:
            # In bytes: the placeholders and the tokens are ASCII, and a page need not be decoded again.
            body = response.get_data()
            values = {**g.pop("per_response_values", {}), CSRF_PLACEHOLDER: csrf_token}
            changed = False
            for placeholder, value in values.items():
                placeholder_bytes = placeholder.encode()
                if placeholder_bytes in body:
                    body, changed = body.replace(placeholder_bytes, value().encode()), True
            if changed:
                response.set_data(body)
        return response
