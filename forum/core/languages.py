"""The language a member says their text is written in (posts, practice reports, resources, events).

User content is never translated: it carries the language it was written in, which the pages put
in the text's ``lang`` attribute (screen readers, hyphenation, spelling) and the search reads to
index English text with English stemming. The languages are data (data/languages.toml); a text
whose language was not said keeps ``None``, and the page's language applies to it.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from flask_babel import lazy_gettext
from markupsafe import Markup, escape

from forum.core.errors import Invalid

# The width of the stored code ("fr", "en", "gsw"…): every language column is this wide.
CODE_LENGTH = 8
UNKNOWN_LANGUAGE = lazy_gettext("Langue du texte inconnue\u00a0: choisissez-la dans la liste.")


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # in the language itself: « English », « Deutsch »
    french: str  # « anglais », « allemand »


@cache
def languages() -> dict[str, Language]:
    """Every language a text may be written in, by code, in the order of the data file."""
    text = resources.files("forum.core").joinpath("data/languages.toml").read_text("utf-8")
    found = {code: Language(code=code, **entry) for code, entry in tomllib.loads(text).items()}
    for code in found:
        if not code.isascii() or not code.isalpha() or code != code.lower() or len(code) > CODE_LENGTH:
            raise ValueError(f"languages.toml: {code!r} is not a short lowercase language code")
    return found


def read_language(raw: str | None) -> str | None:
    """The stored code for what a form sent: None when the language is not said (empty), the code
    when it is one of ``languages()``; Invalid (a 400 with a French message) for anything else."""
    code = (raw or "").strip().lower()
    if not code:
        return None
    if code not in languages():
        raise Invalid(str(UNKNOWN_LANGUAGE), field="language")  # in the language of the request
    return code


def language_for_locale(locale: object) -> str:
    """The language a new text is offered in: the page's (a Babel locale or its code, "en_GB" giving
    "en"), or "" when it is not one of ``languages()``."""
    code = str(locale or "").replace("-", "_").split("_")[0].lower()
    return code if code in languages() else ""


def lang_attribute(code: str | None) -> Markup:
    """`` lang="en"`` for a text written in ``code``; nothing when its language is unknown (the
    page's applies). A Jinja filter: ``<div class="post-body"{{ post.language|lang_attr }}>``."""
    if not code:
        return Markup("")
    return Markup(' lang="%s"') % escape(code)
