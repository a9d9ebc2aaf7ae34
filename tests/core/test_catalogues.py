"""The English catalogue is complete and compiled, and no template shows text outside _().

The catalogue is checked against a fresh extraction of the sources (what ``make messages``
would write), so a string added without its translation fails here, not in front of a reader.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from jinja2 import Environment

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "forum/translations/en/LC_MESSAGES/messages.po"
COMPILED = CATALOGUE.with_suffix(".mo")
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "lazy_gettext": None, "lazy_ngettext": (1, 2),
            "pgettext": ((1, "c"), 2), "npgettext": ((1, "c"), 2, 3)}
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]|\{(\w+)\}")


def _source_messages() -> dict[str, str]:
    """Every msgid the sources hold (singular form), with one place it comes from."""
    with open(ROOT / "babel.cfg", encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config)
    messages: dict[str, str] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
            str(ROOT), method_map, options_map, keywords=KEYWORDS):
        singular = message[0] if isinstance(message, tuple) else message
        if singular:
            messages.setdefault(singular, f"{filename}:{lineno}")
    return messages


@pytest.fixture(scope="module")
def catalogue():
    with open(CATALOGUE, "rb") as file:
        return read_po(file, locale="en")


def test_every_message_of_the_sources_has_its_english_translation(catalogue):
    missing = []
    for msgid, place in _source_messages().items():
        entry = catalogue.get(msgid)
        if entry is None:
            missing.append(f"{place}: not in the catalogue (run make messages): {msgid!r}")
        elif entry.fuzzy or not all(entry.string if isinstance(entry.string, tuple) else (entry.string,)):
            missing.append(f"{place}: untranslated or fuzzy: {msgid!r}")
    assert not missing, f"{len(missing)} messages lack English:\n" + "\n".join(missing)


def test_translations_keep_the_placeholders_of_their_message(catalogue):
    wrong = []
    for entry in catalogue:
        if not entry.id or not entry.string:
            continue
        ids = entry.id if isinstance(entry.id, tuple) else (entry.id,)
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        expected = {name for text in ids for name in PLACEHOLDER.findall(text)}
        for text in filter(None, strings):
            found = set(PLACEHOLDER.findall(text))
            # A plural's singular may say "one" instead of %(num)d.
            if found - expected or (expected - found) - {("num", "")}:
                wrong.append(f"{ids[0]!r} → {text!r}")
    assert not wrong, "Placeholders differ:\n" + "\n".join(wrong)


def _hashable(value):
    return tuple(value) if isinstance(value, list) else value


def test_the_compiled_catalogue_is_the_catalogue(catalogue):
    assert COMPILED.exists(), "make install compiles the catalogues (pybabel compile)"
    with open(COMPILED, "rb") as file:
        compiled = read_mo(file)
    # Every translated entry (a plural: all its forms), as the .mo has it; read_mo gives a plural's
    # forms as lists, read_po as tuples (and the .mo keeps untranslated plurals with their msgids).
    expected = {_hashable(entry.id): _hashable(entry.string) for entry in catalogue
                if entry.id and entry.string and all(_hashable(entry.string)) and not entry.fuzzy}
    found = {_hashable(entry.id): _hashable(entry.string) for entry in compiled if entry.id}
    assert {key: found.get(key) for key in expected} == expected, \
        "the .mo is older than its .po: run make install"


# Attributes a person reads or hears (screen readers read aria-label and title; an input button's
# value is its text).
VISIBLE_ATTRIBUTES = {"title", "alt", "placeholder", "aria-label", "aria-description", "label"}
# Machine text, shown as such and never translated: code, file names, what a person types.
CODE_ELEMENTS = {"code", "kbd", "samp", "pre", "script", "style"}
# Units written the same in French and English.
UNIVERSAL_UNITS = re.compile(r"(?<!\w)(?:m²|px)(?!\w)")
# What the template's own markup holds in place of an expression or a statement.
GAP = "\u2063"


class _VisibleText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in CODE_ELEMENTS:
            self._hidden += 1
        attributes = dict(attrs)
        for name, value in attrs:
            if value and (name in VISIBLE_ATTRIBUTES or (tag == "input" and name == "value" and attributes.get(
                    "type") in ("submit", "button", "reset"))):
                self.texts.append(value)

    def handle_endtag(self, tag):
        if tag in CODE_ELEMENTS and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.texts.append(data)


def visible_text_outside_gettext(source: str) -> list[str]:
    """The words a template shows that are written in its markup rather than passed through _()."""
    environment = Environment(extensions=["jinja2.ext.i18n"])
    markup = "".join(value if kind == "data" else GAP for _line, kind, value in _statement_free(environment, source))
    parser = _VisibleText()
    parser.feed(markup)
    parser.close()
    return [text.strip() for text in parser.texts
            if any(character.isalpha() for character in UNIVERSAL_UNITS.sub("", text))]


def _statement_free(environment, source):
    # Tokens, with each {{ … }} or {% … %} reduced to one gap (its inner tokens dropped).
    depth = 0
    for line, kind, value in environment.lex(source):
        if kind in ("variable_begin", "block_begin"):
            if depth == 0:
                yield line, "gap", GAP
            depth += 1
        elif kind in ("variable_end", "block_end"):
            depth -= 1
        elif depth == 0 and kind in ("data", "raw_begin", "raw_end"):
            yield line, "data" if kind == "data" else "gap", value


TEMPLATES = sorted((ROOT / "templates").rglob("*.html"))


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: str(path.relative_to(ROOT / "templates")))
def test_templates_show_no_text_outside_gettext(template):
    texts = visible_text_outside_gettext(template.read_text(encoding="utf-8"))
    assert not texts, f"{template.name} shows text not wrapped in _(): {texts}"


def test_the_template_check_sees_text_and_attributes_but_not_expressions():
    source = ('<p title="Bonjour">{{ _("Salut") }} {{ count }} réponses</p>'
              '<button>{{ _("Envoyer") }}</button><input type="submit" value="Go">'
              '<button name="action" value="publish">{{ _("Publier") }}</button><code>GET /api</code>'
              '<script>var x = "texte";</script>{% if a %}<span>·</span>{% endif %}{{ area }} m²')
    assert visible_text_outside_gettext(source) == ["Bonjour", "réponses", "Go"]
