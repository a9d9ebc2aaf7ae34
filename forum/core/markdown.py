"""Markdown to safe HTML, done once when a text is written (never when it is read)."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markupsafe import Markup

from forum.core.sanitize import sanitize_html

# Raw HTML off: "<script>" in a post is text, not markup. maxNesting bounds the
# work on pathological inputs (50,000 "[" parse in ~0.3 s instead of ~0.5 s at
# the default 20; a 1,000-deep list renders flat past this depth). Bare URLs are
# turned into links by the sanitiser's linkifier, not here.
_md = MarkdownIt("commonmark", {"html": False, "typographer": False, "maxNesting": 12}).enable(
    ["table", "strikethrough"]
)
# Headings in a post must not compete with the page's own h1.
_HEADING_SHIFT = {"h1": "h3", "h2": "h4", "h3": "h5", "h4": "h6", "h5": "h6", "h6": "h6"}


def _shift_headings(renderer, tokens, idx, options, env):
    token = tokens[idx]
    token.tag = _HEADING_SHIFT.get(token.tag, token.tag)
    return renderer.renderToken(tokens, idx, options, env)


def _image_as_link(renderer, tokens, idx, options, env):
    # No remote images (privacy, CSP): an image becomes a link to it.
    token = tokens[idx]
    alt = renderer.renderInlineAsText(token.children or [], options, env) or token.attrGet("src")
    href = escapeHtml(token.attrGet("src") or "")
    return f'<a href="{href}">{escapeHtml(alt)}</a>'


_md.add_render_rule("heading_open", _shift_headings)
_md.add_render_rule("image", _image_as_link)
_md.add_render_rule("heading_close", _shift_headings)


def render_markdown(source: str) -> Markup:
    """Sanitised HTML for a Markdown text, to store beside the source and display as is."""
    return Markup(sanitize_html(_md.render(source)))


def stored_html(html: str | None) -> Markup:
    """Mark HTML that render_markdown produced and the database kept as safe to display."""
    return Markup(html or "")


def quote_markdown(source: str, author_name: str) -> str:
    """The Markdown of a reply that quotes ``source``, attributed to its author."""
    quoted = "\n".join(f"> {line}" if line else ">" for line in source.strip().splitlines())
    return f"**{author_name}** a écrit :\n\n{quoted}\n\n"
