"""French typography for text a person reads: no-break spaces where French puts them.

French sets a space before « : ; ? ! », inside « », and between the groups of a large
number (« 1 000 »). Typed as ordinary spaces, a browser or a mail reader may break the
line there and leave « ? » or « » » alone at the start of a line. ``french_spacing`` turns
those ordinary spaces into no-break ones: U+00A0 before the punctuation and inside the
quotes, U+202F (narrow no-break space) between digit groups. It never adds a space that
was not typed (« Bonjour! » stays as it is) and never touches text without a space, so
addresses, times (« 14:30 ») and links (which hold no space) are left alone.

Applied where a text is written or sent: Markdown bodies when rendered (outside code),
titles when saved, notification texts, every e-mail's subject and body.
"""

from __future__ import annotations

import re

NO_BREAK_SPACE = "\u00a0"
NARROW_NO_BREAK_SPACE = "\u202f"

# An ordinary space (or several) before high punctuation or a closing guillemet, after an opening one.
_BEFORE_PUNCTUATION = re.compile(r"[ \t]+(?=[:;?!»])")
_AFTER_GUILLEMET = re.compile(r"(?<=«)[ \t]+")
# Digit groups of a number: "1 000", "12 500 000" (a group of three digits after a space).
_DIGIT_GROUP = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")


def french_spacing(text: str) -> str:
    """``text`` with the spaces French typography wants unbreakable made so (see the module)."""
    if text and not isinstance(text, str):  # a lazy translation (a form's description)
        text = str(text)
    if not text or " " not in text and "\t" not in text:
        return text
    text = _BEFORE_PUNCTUATION.sub(NO_BREAK_SPACE, text)
    text = _AFTER_GUILLEMET.sub(NO_BREAK_SPACE, text)
    return _DIGIT_GROUP.sub(NARROW_NO_BREAK_SPACE, text)
