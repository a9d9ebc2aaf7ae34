"""Word families at query time: the feminine finds the masculine, the trade its activity.

People write "animatrice" where a text says "animateur", "couturière" where it says "couture",
and the Snowball stemmer keeps such forms apart (or, the other way, merges "format" with
"formation"). The rules are data, in ``forum/search/word_families.toml`` (its header says how
to extend them), and are applied when a query is parsed (forum.search.query), never at
indexing: editing the file changes results without a rebuild.

A typed word gets the forms of its family as alternatives. A form that is surely a real word
(a masculine made from a feminine, a word listed in the file) is looked up by its stem, as the
typed word is; a form that may be invented (a feminine made from a masculine: "médiateur" ->
"médiateuse") is looked up as that exact word in the unstemmed fields, because an invented
word's stem may be a real, unrelated one ("médiateuse" stems to "médiat", like "médiation"),
while an invented exact word simply matches nothing. Three rules, each of which can be switched
off (``RULES``, app config ``SEARCH_WORD_FAMILIES``) to measure it:

* ``genders``: the other ending of a masculine/feminine pair ("-teur"/"-trice", "-ier"/"-ière"...);
* ``related``: the other words of a listed family (couture, coudre, couturier, couturière);
* ``split``: a word of a listed over-merge is matched by its own forms only, not by its stem
  ("format" not by "format", which "formation" shares; "conseiller" not by "conseil").

Loading is strict, like the vocabulary's: an unknown key, a word that is not one folded word,
a word in two families... raise ``FamiliesError`` naming the file and the entry.
"""

from __future__ import annotations

import logging
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from forum.search.analysis import FRENCH_STOP_WORDS, analyze, french_stem
from forum.search.data_files import ReloadingFile

log = logging.getLogger(__name__)

DATA_PACKAGE = "forum.search"
DATA_FILE = "word_families.toml"
ALL_RULES = frozenset({"genders", "related", "split"})
# The rules applied by default; an app may set config SEARCH_WORD_FAMILIES: True (all), False
# (none) or a collection of rule names (tests measure and check each rule alone that way).
RULES = ALL_RULES
_TOP_KEYS = {"genders", "related", "split"}
_GENDER_KEYS = {"endings", "from_feminine", "min_length"}


class FamiliesError(ValueError):
    """The word-families file is not what this module expects; the message names the file and entry."""


@dataclass(frozen=True)
class Forms:
    """What a typed word also (or only, when ``only``) matches: exact folded words, and stems."""

    words: tuple[str, ...]
    stems: tuple[str, ...] = ()
    only: bool = False


@dataclass(frozen=True)
class Families:
    """The rules of a word-families file, ready for look-ups by folded word."""

    endings: tuple[tuple[str, str, bool], ...]  # (masculine, feminine, from the feminine only), longest first
    min_length: int
    related: dict[str, tuple[str, ...]]
    split: dict[str, tuple[str, ...]]

    def forms(self, word: str, rules: frozenset[str] = ALL_RULES) -> Forms | None:
        """The forms the folded ``word`` also matches under ``rules``, or None for none."""
        only = "split" in rules and word in self.split
        found: list[tuple[str, bool]] = [(form, False) for form in self.split[word]] if only else []
        if "genders" in rules and len(word) >= self.min_length:
            found += self._other_gender(word)
        if "related" in rules:
            for member in self.related.get(word, ()):
                found += [(member, True), *(self._other_gender(member) if "genders" in rules else [])]
        if "split" in rules:  # a real form of a split merge is matched by its own forms, not its stem
            found = [pair for base, real in found
                     for pair in ([(form, False) for form in self.split[base]] if real and base in self.split
                                  else [(base, real)])]
        # A form with the typed word's stem is found already ("ateliers", or an invented "ateliere").
        stem = french_stem(word)
        words = tuple(dict.fromkeys(form for base, real in found if only or not real
                                    for form in _with_plural(base) if only or french_stem(form) != stem))
        stems = tuple(dict.fromkeys(french_stem(base) for base, real in found if real and not only
                                    if french_stem(base) != stem))
        return Forms(words, stems, only) if words or stems else None

    def _other_gender(self, word: str) -> list[tuple[str, bool]]:
        """The word's other gender and the word itself, each with whether it is surely a real word.

        A masculine made from a feminine is ("médiatrice" -> "médiateur"), and may be matched by
        its stem; a feminine made from a masculine may not be ("médiateur" -> "médiateuse"), and
        is matched as that exact word: the stem of an invented word may be a real, unrelated one.
        """
        singular = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
        for masculine, feminine, feminine_only in self.endings:
            if singular.endswith(feminine):
                return [(singular[: -len(feminine)] + masculine, True), (singular, True)]
            if singular.endswith(masculine) and not feminine_only:
                return [(singular[: -len(masculine)] + feminine, False), (singular, True)]
        return []


def _with_plural(word: str) -> tuple[str, ...]:
    return (word,) if word.endswith(("s", "x")) else (word, word + "s")


# --- loading -----------------------------------------------------------------------------------
def parse_families(text: str, where: str) -> Families:
    """The rules in the TOML ``text``; ``FamiliesError`` naming ``where`` and the entry if malformed."""
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise FamiliesError(f"{where}: {error}") from None
    _no_unknown(table, _TOP_KEYS, where)
    genders = table.get("genders", {})
    if not isinstance(genders, dict):
        raise FamiliesError(f"{where}: genders must be a [genders] table")
    _no_unknown(genders, _GENDER_KEYS, f"{where}: genders")
    endings = []
    for key in ("endings", "from_feminine"):
        pairs = genders.get(key, [])
        if not isinstance(pairs, list):
            raise FamiliesError(f"{where}: genders.{key}: a list of pairs is expected")
        for index, pair in enumerate(pairs):
            if not (isinstance(pair, list) and len(pair) == 2 and all(_is_word(part) for part in pair)):
                raise FamiliesError(f"{where}: genders.{key}[{index}]: a pair [masculine, feminine]"
                                    " of folded endings is expected")
            endings.append((pair[0], pair[1], key == "from_feminine"))
    min_length = genders.get("min_length", 1)
    if not isinstance(min_length, int) or isinstance(min_length, bool) or min_length < 1:
        raise FamiliesError(f"{where}: genders.min_length: a positive integer is expected")
    related = _word_lists(table, "related", where)
    split = _word_lists(table, "split", where)
    return Families(
        endings=tuple(sorted(endings, key=lambda pair: -max(len(pair[0]), len(pair[1])))),
        min_length=min_length,
        related={word: tuple(other for other in group if other != word) for group in related for word in group},
        split={word: tuple(group) for group in split for word in group},
    )


def _no_unknown(table: dict, known: set[str], entry: str) -> None:
    unknown = sorted(set(table) - known)
    if unknown:
        raise FamiliesError(f"{entry}: unknown key {unknown[0]!r} (expected: {', '.join(sorted(known))})")


def _is_word(text: object) -> bool:
    """One folded word as the unstemmed analyzer keeps it (no accent, no capital, no separator)."""
    return isinstance(text, str) and analyze(text, stemmed=False) == [text]


def _word_lists(table: dict, key: str, where: str) -> list[list[str]]:
    raw = table.get(key, [])
    if not isinstance(raw, list):
        raise FamiliesError(f"{where}: {key} must be written [[{key}]]")
    groups: list[list[str]] = []
    seen: dict[str, str] = {}
    minimum = 2 if key == "related" else 1
    for number, group in enumerate(raw):
        entry = f"{where}: {key}[{number}]"
        if not isinstance(group, dict):
            raise FamiliesError(f"{entry}: a [[{key}]] table is expected")
        _no_unknown(group, {"words"}, entry)
        words = group.get("words")
        if not isinstance(words, list) or len(words) < minimum:
            raise FamiliesError(f"{entry}.words: a list of at least {minimum} words is expected")
        for index, word in enumerate(words):
            if not _is_word(word) or word in FRENCH_STOP_WORDS:
                raise FamiliesError(f"{entry}.words[{index}]: {word!r} is not one folded word"
                                    " (lowercase, no accent, not a stop word)")
            if word in seen:
                raise FamiliesError(f"{entry}.words[{index}]: {word!r} is already in {seen[word]}")
            seen[word] = entry
        groups.append(list(words))
    return groups


# --- the current rules -------------------------------------------------------------------------
_CACHE = ReloadingFile(parse_families)


def packaged_file() -> Path:
    return Path(str(resources.files(DATA_PACKAGE).joinpath(DATA_FILE)))


def current_rules() -> frozenset[str]:
    """The rules searches apply now: config SEARCH_WORD_FAMILIES in an app, else ``RULES``."""
    from flask import current_app, has_app_context

    if not has_app_context():
        return RULES
    setting = current_app.config.get("SEARCH_WORD_FAMILIES")
    if setting is None:
        return RULES
    if setting is True:
        return ALL_RULES
    if isinstance(setting, str):  # from the environment: "genders,related"
        setting = [name.strip() for name in setting.split(",")]
    return frozenset(setting) & ALL_RULES if setting else frozenset()


def current_families() -> Families:
    """The rules of the packaged file (or config SEARCH_WORD_FAMILIES_FILE in an app)."""
    from flask import current_app, has_app_context

    configured = current_app.config.get("SEARCH_WORD_FAMILIES_FILE") if has_app_context() else None
    return _CACHE.get(Path(configured) if configured else packaged_file())


def forms_of(word: str) -> Forms | None:
    """The exact forms the folded ``word`` also matches now; None without, or if the file is broken."""
    try:
        return current_families().forms(word, current_rules())
    except (FamiliesError, OSError):
        # Logged with the file and entry at fault; members still get results, without families.
        log.exception("search word families not loaded: searching without them")
        return None


def state() -> tuple[frozenset[str], int]:
    """What pages of results depend on here (for a page cache's key): the rules, the file's mtime."""
    from flask import current_app, has_app_context

    configured = current_app.config.get("SEARCH_WORD_FAMILIES_FILE") if has_app_context() else None
    try:
        return current_rules(), (Path(configured) if configured else packaged_file()).stat().st_mtime_ns
    except OSError:
        return current_rules(), -1
