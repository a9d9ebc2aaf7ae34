"""Markdown to safe HTML, done once when a text is written (never when it is read)."""

from __future__ import annotations

from flask_babel import gettext as _
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markupsafe import Markup

from forum.core.sanitize import sanitize_html
from forum.core.typography import french_spacing

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


# Emphasis, strong, strikethrough and code spans beyond this many in one text stay as typed ("*",
# "**", "~~", "`"). No real post comes near it; a 32,000-character run of "**a**", "`a`b" or "*_"
# would otherwise make 6,000 to 16,000 elements, whose sanitising (html5lib re-nests formatting
# elements) costs over a second of CPU.
MAX_FORMATTING_SPANS = 1000
_FORMATTING = {"em_open": "em_close", "strong_open": "strong_close", "s_open": "s_close"}
_FORMATTING_CLOSE = set(_FORMATTING.values())


def _cap_formatting_spans(state) -> None:
    """Core rule: past MAX_FORMATTING_SPANS, a span's opening and closing tokens (or its code
    token) become the text that was typed."""
    spans = 0
    for block in state.tokens:
        kept: list[bool] = []  # per open formatting token, innermost last: rendered as markup?
        for token in block.children or ():
            if token.type in _FORMATTING:
                spans += 1
                kept.append(spans <= MAX_FORMATTING_SPANS)
            elif token.type in _FORMATTING_CLOSE:
                if kept and kept.pop():
                    continue
            elif token.type == "code_inline":
                spans += 1
                if spans > MAX_FORMATTING_SPANS:
                    token.type, token.tag = "text", ""
                    token.content = f"{token.markup}{token.content}{token.markup}"
                continue
            else:
                continue
            if not (token.type in _FORMATTING and kept[-1]):
                token.type, token.tag, token.nesting, token.content = "text", "", 0, token.markup


def _french_spacing(state) -> None:
    """Core rule: French no-break spaces in the text of paragraphs, headings, lists and links (code
    spans and blocks are other tokens, left exactly as typed)."""
    for block in state.tokens:
        for token in block.children or ():
            if token.type == "text":
                token.content = french_spacing(token.content)


_md.add_render_rule("heading_open", _shift_headings)
_md.add_render_rule("image", _image_as_link)
_md.add_render_rule("heading_close", _shift_headings)
_md.core.ruler.before("text_join", "cap_formatting_spans", _cap_formatting_spans)
_md.core.ruler.after("text_join", "french_spacing", _french_spacing)


def render_markdown(source: str) -> Markup:
    """Sanitised HTML for a Markdown text, to store beside the source and display as is."""
    return Markup(sanitize_html(_md.render(source)))


def own_words(source: str) -> str:
    """The words of a Markdown text outside quotes and code, as plain text, a line per paragraph or
    line break: what its writer says themselves (a "@Prénom Nom" quoted or in code mentions nobody)."""
    lines, quote_depth = [], 0
    for token in _md.parse(source):
        if token.type == "blockquote_open":
            quote_depth += 1
        elif token.type == "blockquote_close":
            quote_depth -= 1
        elif token.type == "inline" and quote_depth == 0:
            lines.append("".join(child.content if child.type == "text" else "\n" if child.type.endswith("break") else ""
                                 for child in token.children or ()))
    return "\n".join(lines)


def plain_excerpt(html: str | None, limit: int = 600) -> str:
    """The text of stored HTML as a person reads it (no Markdown signs, no tags, entities decoded),
    on one line, cut at a word past ``limit`` characters: for e-mails, lists and notifications."""
    text = " ".join(Markup(html or "").striptags().split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def stored_html(html: str | None) -> Markup:
    """Mark HTML that render_markdown produced and the database kept as safe to display."""
    return Markup(html or "")


def quote_markdown(source: str, author_name: str) -> str:
    """The Markdown of a reply that quotes ``source``, attributed to its author."""
    quoted = "\n".join(f"> {line}" if line else ">" for line in source.strip().splitlines())
    return _("**%(name)s** a écrit :", name=author_name) + f"\n\n{quoted}\n\n"
