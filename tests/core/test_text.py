"""Text hygiene: what every name, title and post goes through (forum/core/text.py)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from forum.core.text import clean_line, clean_text, like_escape
from forum.extensions import db
from forum.threads.models import Post, Thread
from tests.conftest import login, make_category, make_thread, make_user, submit

FRENCH = "Œuvrer « ensemble » : l'été, à Noël, ça déçoit ? Très peu ! Ÿ, æ, ç, É, 10 %, n° 3 — fin…"


def test_french_text_is_untouched():
    assert clean_line(FRENCH) == FRENCH
    assert clean_text(f"{FRENCH}\n\n\t{FRENCH}") == f"{FRENCH}\n\n\t{FRENCH}"
    # Decomposed accents (as some systems type them) are composed: "é" is one character.
    assert clean_line("e\u0301te\u0301") == "été"


@pytest.mark.parametrize("invisible", [
    "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",  # bidi embeddings and overrides
    "\u2066", "\u2067", "\u2068", "\u2069",  # bidi isolates
    "\u200e", "\u200f", "\u061c",  # direction marks
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff",  # zero-width characters, BOM
    "\u00ad", "\u180e", "\u2061", "\U000e0041",  # soft hyphen, Mongolian separator, invisible operator, tag
    "\u3164", "\u115f", "\uffa0", "\u034f",  # Hangul fillers, combining grapheme joiner
    "\x85", "\x9b", "\x80", "\x00", "\x1b", "\x7f",  # C1 and C0 controls, DEL
])
def test_invisible_and_control_characters_are_removed(invisible):
    assert clean_line(f"ad{invisible}min") == "admin"
    assert clean_text(f"ligne{invisible} 1\nligne 2") == "ligne 1\nligne 2"
    assert clean_line(invisible * 5) == "" and clean_text(invisible * 5) == ""


def test_a_right_to_left_override_cannot_reverse_a_name():
    assert clean_line("Alice \u202enitraM\u202c") == "Alice nitraM"


def test_the_zero_width_joiner_stays_inside_emoji_only():
    technologist, family = "👩\u200d💻", "👨\u200d👩\u200d👧"
    assert clean_line(f"Médiatrice {technologist} et {family}") == f"Médiatrice {technologist} et {family}"
    assert clean_line("❤\ufe0f\u200d🔥") == "❤\ufe0f\u200d🔥"
    assert clean_line("a\u200db 👩\u200d x\u200d💻") == "ab 👩 x💻"


def test_zalgo_is_flattened_but_accents_and_emoji_keycaps_stay():
    zalgo = "Z" + "\u0336\u0301\u0352\u0300\u0489" * 6 + "algo"
    cleaned = clean_line(zalgo)
    assert cleaned.startswith("Ź") and cleaned.endswith("algo") and len(cleaned) <= len("Ź") + 2 + 4
    assert clean_line("1\ufe0f\u20e3 ❤\ufe0f ñ ǘ") == "1\ufe0f\u20e3 ❤\ufe0f ñ ǘ"
    # Marks with no letter to sit on are dropped.
    assert clean_text("\u0301\u0301 début\n\u0300suite") == "début\nsuite"


def test_lines_and_blocks_keep_their_whitespace_rules():
    assert clean_line("  Un\ttitre \n sur\u00a0deux  lignes\u2800 ") == "Un titre sur deux lignes"
    assert clean_text("a\r\nb\rc\u2028d\u2029e") == "a\nb\nc\nd\ne"


def test_like_escape_takes_wildcards_literally():
    assert like_escape("100%_a\\b") == "100\\%\\_a\\\\b"


# --- through the forms -----------------------------------------------------------------------------
def _posts() -> int:
    return db.session.execute(select(func.count()).select_from(Post)).scalar_one()


def test_a_post_made_only_of_invisible_characters_is_empty(client, app):
    author = make_user()
    thread = make_thread(author, make_category())
    login(client, "alice@exemple.fr")
    before = _posts()
    for body in ("\u200b\u200b\u200b", "\u202e\u2066\u200d\ufeff", "\u3164 \u2800\n\u00ad", "\u0301\u0302\u0303"):
        response = submit(client, f"/sujets/{thread.id}/repondre", {"body": body, "action": "publish"})
        assert response.status_code == 400, body
        assert "Le message ne peut pas être vide." in response.get_data(as_text=True)
    assert _posts() == before


def test_titles_and_posts_are_stored_clean_and_code_blocks_still_work(client, app):
    make_user()
    category = make_category()
    login(client, "alice@exemple.fr")
    body = ("Bonjour\u200b à tous « voici » mon script\u202e :\n\n"
            "```python\ndef bonjour():\n\tif True:\n        return \"é\"\n```\n\n"
            "    code indenté\n")
    response = submit(client, "/sujets/nouveau", {
        "title": "Un \u202etitre\u202c avec\u200b des pièges", "category": category.slug, "tags": "",
        "body": body, "action": "publish"})
    assert response.status_code == 302
    thread = db.session.execute(select(Thread)).scalar_one()
    post = db.session.execute(select(Post)).scalar_one()
    assert thread.title == "Un titre avec des pièges"
    assert post.body_source.startswith("Bonjour à tous « voici » mon script :\n\n```python\ndef bonjour():\n\tif True:")
    html = post.body_html
    assert "<pre><code>def bonjour():\n\tif True:\n        return &quot;é&quot;\n" in html
    assert "<pre><code>code indenté\n</code></pre>" in html
