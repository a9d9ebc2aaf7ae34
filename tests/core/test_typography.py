"""French typography: no-break spaces before « : ; ? ! », inside « », between digit groups."""

import re
from pathlib import Path

import pytest

from forum.core.markdown import render_markdown
from forum.core.typography import NARROW_NO_BREAK_SPACE as NNBSP
from forum.core.typography import NO_BREAK_SPACE as NBSP
from forum.core.typography import french_spacing

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


@pytest.mark.parametrize(("typed", "shown"), [
    ("Comment faire ?", f"Comment faire{NBSP}?"),
    ("Attention : voir « ici » ; merci !", f"Attention{NBSP}: voir «{NBSP}ici{NBSP}»{NBSP}; merci{NBSP}!"),
    ("1 000 € et 12 500 000 habitants", f"1{NNBSP}000 € et 12{NNBSP}500{NNBSP}000 habitants"),
    ("Deux  espaces  ?", f"Deux  espaces{NBSP}?"),
])
def test_ordinary_spaces_become_no_break_ones(typed, shown):
    assert french_spacing(typed) == shown


@pytest.mark.parametrize("untouched", [
    "Bonjour!", "14:30", "https://exemple.fr/?page=2&tri=date", "01 23 45 67 89", "en 2026", "",
])
def test_nothing_is_added_where_no_space_was_typed(untouched):
    assert french_spacing(untouched) == untouched


def test_markdown_text_is_typeset_but_code_is_left_as_typed():
    html = render_markdown("Une question ? Voir `a : b` et « ceci » !\n\n    bloc : code ?\n")
    assert f"question{NBSP}?" in html and f"«{NBSP}ceci{NBSP}»{NBSP}!" in html
    assert "<code>a : b</code>" in html and "bloc : code ?" in html


def test_a_link_next_to_punctuation_keeps_its_address():
    html = render_markdown("Voir https://exemple.fr/page : la suite !")
    assert 'href="https://exemple.fr/page"' in html and f"</a>{NBSP}:" in html


# What a person reads in a template: the text between tags and Jinja blocks, and the string
# literals inside Jinja expressions (the _("...") of every UI string). Comments are skipped.
_JINJA = re.compile(r"({{.*?}}|{%.*?%}|{#.*?#})", re.S)
_STRING = re.compile(r""""(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'""")
_BREAKABLE = re.compile(r"\S +[:;?!»](?!=)|« ")


def _visible_text(source: str) -> list[str]:
    parts = _JINJA.split(source)
    texts = [part for index, part in enumerate(parts) if index % 2 == 0]
    for index, part in enumerate(parts):
        if index % 2 and not part.startswith("{#"):
            texts.extend(_STRING.findall(part))
    return texts


def test_templates_use_no_break_spaces_in_french_text():
    offenders = [f"{path.relative_to(TEMPLATES)}: {match.group(0)!r}"
                 for path in sorted(TEMPLATES.rglob("*.html"))
                 for text in _visible_text(path.read_text(encoding="utf-8"))
                 for match in _BREAKABLE.finditer(text)]
    assert offenders == []


def test_excerpts_are_the_text_a_person_reads_not_markdown():
    from forum.core.markdown import plain_excerpt

    html = render_markdown("**Bonjour** à tous,\n\n- [notre modèle](https://exemple.fr/m.pdf)\n- `code`\n\n> cité")
    assert plain_excerpt(html) == "Bonjour à tous, notre modèle code cité"
    assert plain_excerpt(render_markdown("mot " * 300), limit=20) == "mot mot mot mot mot …"
