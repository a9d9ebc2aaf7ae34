"""From the text typed in the search box to clauses: cleaning, quotes, operators, wildcards.

The first half of forum.search.query's parsing (which turns the clauses into a query): see its
docstring for the syntax. Nothing here raises for any input; what is dropped or changed is
said, in French, through ``ParseState.say``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from flask_babel import lazy_gettext

from forum.search.vocabulary import Expression, Vocabulary

MAX_QUERY_LENGTH = 200

# Messages shown to the person searching, each at most once per query.
TOO_LONG = lazy_gettext("Votre recherche a été raccourcie à %(num)d caractères.", num=MAX_QUERY_LENGTH)
CONTROL_CHARACTERS = lazy_gettext("Des caractères invisibles ont été retirés de votre recherche.")
WILDCARD_START = lazy_gettext("Le joker * se place à la fin d'un mot d'au moins 3 lettres (par exemple "
                              "« mediat* ») : il a été ignoré en début de mot.")
WILDCARD_INSIDE = lazy_gettext("Le joker * se place à la fin d'un mot : ce qui le suivait a été ignoré.")
UNCLOSED_QUOTE = lazy_gettext("Un guillemet n'était pas refermé : la fin de la recherche est prise comme une expression exacte.")
LONE_QUOTE = lazy_gettext("Un guillemet isolé a été ignoré.")
PARENTHESES = lazy_gettext("Les parenthèses ne sont pas prises en charge : elles ont été ignorées.")

_OPERATORS = ("AND", "OR", "NOT")  # uppercase only: "or" is a French word (gold)
_QUOTES = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"', "＂": '"'})
_SPACE_LIKE = {"\t", "\n", "\r", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\u2028", "\u2029"}
# A phrase (possibly negated, possibly never closed), or a run of anything but spaces and quotes.
_LEXEME = re.compile(r'(?P<minus>-*)"(?P<phrase>[^"]*)(?P<close>"?)|(?P<word>[^\s"]+)')


@dataclass
class Clause:
    """One thing to look for: a word, a phrase or a prefix, maybe excluded."""

    text: str
    negated: bool = False
    phrase: bool = False
    prefix: bool = False
    # Set by the vocabulary: what the clause also means, and the typed words it stands for.
    equivalents: tuple[Expression, ...] = ()
    parts: list[Clause] = field(default_factory=list)


@dataclass
class ParseState:
    """The state of one parse: the fields searched and the messages collected so far."""

    fields: tuple[str, ...]
    vocabulary: Vocabulary | None = None
    english: bool = True  # words and phrases are also looked up in the fields' English companions
    messages: list[str] = field(default_factory=list)

    def say(self, message: str) -> None:
        message = str(message)  # a lazy translation, written in the reader's language now
        if message not in self.messages:
            self.messages.append(message)


# --- cleaning and lexing ---------------------------------------------------------------------
def clean(text: Any, state: ParseState) -> str:
    """Control characters out, spaces collapsed, at most MAX_QUERY_LENGTH characters."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    # Bound the work before looking at each character; the message below still applies.
    raw = text[: MAX_QUERY_LENGTH * 4]
    kept = []
    for char in unicodedata.normalize("NFC", raw):
        if char in _SPACE_LIKE:
            kept.append(" ")
        elif unicodedata.category(char) in ("Cc", "Cf", "Cs"):
            state.say(CONTROL_CHARACTERS)
        else:
            kept.append(char)
    cleaned = " ".join("".join(kept).split())
    if len(cleaned) > MAX_QUERY_LENGTH or len(text) > len(raw):
        state.say(TOO_LONG)
        cut = cleaned[:MAX_QUERY_LENGTH]
        if len(cleaned) > MAX_QUERY_LENGTH and not cleaned[MAX_QUERY_LENGTH].isspace() and " " in cut:
            cut = cut.rsplit(" ", 1)[0]  # do not search for the first half of a word
        cleaned = cut.strip()
    return cleaned


def lex(text: str, state: ParseState) -> list[Clause | str]:
    """Clauses and operator names ("AND", "OR", "NOT") in the order they were typed."""
    text = text.translate(_QUOTES)
    if "(" in text or ")" in text:
        # No grouping: a person rarely needs it, and unbalanced ones are the usual case.
        state.say(PARENTHESES)
        text = text.replace("(", " ").replace(")", " ")
    items: list[Clause | str] = []
    for match in _LEXEME.finditer(text):
        if match["word"] is not None:
            item = _read_word(match["word"], state)
            if item is not None:
                items.append(item)
            continue
        phrase = match["phrase"].strip()
        if not match["close"]:
            state.say(UNCLOSED_QUOTE if phrase else LONE_QUOTE)
        if phrase:
            items.append(Clause(phrase, negated=bool(match["minus"]), phrase=True))
    return items


def _read_word(chunk: str, state: ParseState) -> Clause | str | None:
    if chunk in _OPERATORS:
        return chunk
    negated = chunk.startswith("-")
    word = chunk.lstrip("-+")
    prefix = False
    if "*" in word:
        if word.startswith("*"):
            # "*tion" would scan every word of the index: only the stars are dropped.
            state.say(WILDCARD_START)
            word = word.lstrip("*")
        if "*" in word:
            word, _, rest = word.partition("*")
            if rest.strip("*"):
                state.say(WILDCARD_INSIDE)
            prefix = True
    if not word:
        return None
    return Clause(word, negated=negated, prefix=prefix)
