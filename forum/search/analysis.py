"""French text analysis for the search index: what a word becomes before it is indexed or looked up.

Two analyzers, used by the schema (``forum.search.schema``) and by the query parser
(``forum.search.query``); the same analyzer runs on both sides, so any normalisation
applied to documents is applied to queries too.

``french_analyzer()`` — for the main text fields (title, body)::

    split on anything but letters/digits  "tiers-lieux", "l'atelier", "l’atelier" -> two words
    lowercase                             "QPV" -> "qpv"
    fold accents                          "activités" -> "activites", "œuvre" -> "oeuvre"
    drop French stop words                "le", "des", "l", "qu", "été" (a form of être)...
    join known compounds                  "fab lab" -> "fablab", "tiers lieux" -> "tierslieu"
    Snowball French stemming              "activites" -> "activit", "ruraux" -> "rural"

``prefix_analyzer()`` — for the unstemmed companion fields (title_prefix, body_prefix): the
same splitting, lowercasing, folding and compounds, but neither stop words nor stemming.
``prefix*`` queries run there (a prefix typed by a person is a prefix of a *word*, not of a
stem: ``mediat*`` must match "médiation" whose stem is "mediat" but also "médiatrice"), and so
does the fallback for a query made only of stop words (``été`` must find "l'été dernier").
A prefix query is answered by the query side (forum.search.docsets.WordPrefix): the words of
the unstemmed field beginning with the prefix, their posting lists united as sets. An earlier
design indexed every word's beginnings ("med*", "medi*"...) to make a prefix one term lookup;
it made indexing three times slower (a rebuild of 100,000 documents took 16 minutes) for
prefix queries that the set union answers in milliseconds.

Why this order (each point was measured, see tests/search/test_french_analysis.py):

* Accents are folded BEFORE stemming. The Snowball French stemmer treats accented and
  unaccented letters differently ("activités" -> "activ" but "activites" -> "activit"), and
  people type both. Stemming the folded form makes both spellings meet.
* Folding before stemming has one cost: the stemmer no longer recognises the feminine past
  participle "-ée(s)" once it reads "-ee(s)" ("partagee" -> "partage" but "partager" ->
  "partag"). ``french_stem`` restores the family by reading "-ee"/"-ees" as "-e"/"-es" first.
  It also strips the plural "s" after "u" (Snowball keeps "elus" but stems "elu" to "elu") and
  maps a few "-eux" plurals it leaves alone ("lieux" -> "lieu").
* Stop words are folded too (the list is matched after folding), so "ete" and "été" are both
  stop words; a whole query of stop words falls back to the prefix field (see query.py).
* Compounds: "fab lab", "fab-lab", "fablab", "fablabs" all index the token "fablab"; likewise
  "tiers lieu(x)", "tiers-lieu(x)", "tierslieux" -> "tierslieu". At index time the parts are
  kept too, at the same position (so ``lieu`` still finds "tiers-lieux"); at query time only
  the joined token is produced (so ``tiers lieu`` needs the compound, not the two words
  anywhere in the text). Positions after a joined pair are shifted back by one so phrases
  ("tiers-lieux ruraux") match whichever way the compound is written. Known approximation:
  stop words are removed first, so "le tiers des lieux" also reads as the compound.

``english_analyzer()`` — for the English companions of the text fields (title_en, body_en),
filled only for texts their authors wrote in English (forum.core.languages): the same splitting,
lowercasing and folding, English stop words dropped, Snowball English (Porter2) stemming
("borrowing" -> "borrow", "libraries" -> "librari"). A query word is looked up there too
(forum.search.query), so an English query finds English texts by their English forms, while
French texts, which have no English companions, are found exactly as before.

Analyzers are pickled into the index's table of contents by Whoosh: every class and function
used here must stay importable at module level under the same name.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache

from whoosh.analysis import (
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
    Token,
)
from whoosh.lang import stopwords_for_language
from whoosh.lang.snowball.english import EnglishStemmer
from whoosh.lang.snowball.french import FrenchStemmer

# A word is a run of letters or digits, plus combining accents (text in decomposed NFD form,
# as some systems produce, must not be split inside "e\u0301"). Everything else separates
# words: spaces, punctuation, hyphens of every kind, straight and typographic apostrophes.
# U+02BC (modifier letter apostrophe, sometimes typed for ’) is a "letter" for Python's \w,
# so it is excluded by hand. The underscore is excluded as well: it is not a French letter.
WORD_PATTERN = r"(?:[^\W_\u02bc]|[\u0300-\u036f])+"

MIN_PREFIX_LENGTH = 3  # shorter prefixes would match a large part of the vocabulary

# Letters that do not decompose under NFKD but that a French reader folds anyway.
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})


def fold(text: str) -> str:
    """Lowercase ``text`` and remove its accents: "Œuvre Collectivité" -> "oeuvre collectivite"."""
    if text.isascii():  # most words: nothing to decompose (a measurable share of indexing time)
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_LIGATURES))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


# Whoosh's French list (accented, e.g. "été", "à", "même") folded, plus words it lacks: the
# plural article "les", "a" (avoir), elided forms that our tokenizer cuts at the apostrophe
# ("jusqu'", "lorsqu'", "puisqu'", "quelqu'") and single letters left by elision.
FRENCH_STOP_WORDS: frozenset[str] = frozenset(
    {fold(word) for word in stopwords_for_language("fr")}
    | {"les", "a", "cet", "cette", "dont", "jusqu", "lorsqu", "puisqu", "quelqu",
       "c", "d", "j", "l", "m", "n", "s", "t", "y"}
)


# --- compounds -------------------------------------------------------------------------------
# (first words, second words, joined token). Matched on folded, lowercased tokens.
_COMPOUND_TABLE: tuple[tuple[frozenset[str], frozenset[str], str], ...] = (
    (frozenset({"fab"}), frozenset({"lab", "labs"}), "fablab"),
    (frozenset({"tiers"}), frozenset({"lieu", "lieux"}), "tierslieu"),
    (frozenset({"living"}), frozenset({"lab", "labs"}), "livinglab"),
    (frozenset({"repair"}), frozenset({"cafe", "cafes"}), "repaircafe"),
)
COMPOUND_PAIRS: dict[tuple[str, str], str] = {
    (first, second): joined
    for firsts, seconds, joined in _COMPOUND_TABLE
    for first in firsts
    for second in seconds
}
# The same compounds written as one word, with the parts they stand for.
COMPOUND_WORDS: dict[str, tuple[str, str]] = {
    first + second: (first, second) for (first, second) in COMPOUND_PAIRS
}
_COMPOUND_FIRSTS = frozenset(first for first, _ in COMPOUND_PAIRS)


def compound_of(first: str, second: str) -> str | None:
    """The joined token if the two words form a known compound ("Fab", "Labs" -> "fablab"), else None."""
    return COMPOUND_PAIRS.get((fold(first), fold(second)))


class AccentFoldFilter(Filter):
    """Replace each token's text by its folded form (see ``fold``); run after LowercaseFilter."""

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        for token in tokens:
            token.text = fold(token.text)
            yield token


class CompoundFilter(Filter):
    """Join the known two-word compounds (``COMPOUND_PAIRS``) into one token.

    In "index" mode the two parts are kept beside the joined token, all three at the position
    of the first part; in "query" mode only the joined token is produced. Either way the
    compound takes one position and the following tokens are shifted back, so a phrase
    written with the compound in one word or two matches both spellings. A compound already
    written as one word ("fablabs", "tierslieux") is treated the same way.

    Must run after StopFilter: that filter renumbers positions one by one and would pull
    apart tokens sharing a position.
    """

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        pending: Token | None = None  # a possible first part, waiting for the next token
        shift = 0  # how many positions the compounds seen so far have saved
        for token in tokens:
            if getattr(token, "stop_word", False):
                # A stop word kept by the unstemmed analyzer: the stemmed one never sees it,
                # so it must not break a compound here either ("tiers des lieux").
                yield self._moved(token, shift)
                continue
            if pending is not None:
                joined = COMPOUND_PAIRS.get((pending.text, token.text))
                if joined is not None:
                    yield from self._compound(pending, token, joined, shift)
                    shift += 1
                    pending = None
                    continue
                yield self._moved(pending, shift)
                pending = None
            if token.text in _COMPOUND_FIRSTS:
                # Tokenizers reuse one Token object: keep a copy while looking ahead.
                pending = token.copy()
            elif token.text in COMPOUND_WORDS:
                first, second = COMPOUND_WORDS[token.text]
                joined = COMPOUND_PAIRS[(first, second)]
                yield from self._compound(token.copy(), token.copy(), joined, shift, (first, second))
            else:
                yield self._moved(token, shift)
        if pending is not None:
            yield self._moved(pending, shift)

    @staticmethod
    def _moved(token: Token, shift: int) -> Token:
        if shift and token.positions:
            token.pos -= shift
        return token

    @classmethod
    def _compound(cls, first: Token, last: Token, joined: str, shift: int,
                  parts: tuple[str, str] | None = None) -> Iterator[Token]:
        whole = first.copy()
        whole.text = joined
        if first.chars:
            whole.endchar = last.endchar
        if first.mode == "query":
            outputs = [whole]
        else:
            second = last.copy()
            if first.positions:
                second.pos = first.pos  # the three tokens share one position
            if parts is not None:
                first.text, second.text = parts
            outputs = [first, second, whole]
        for output in outputs:
            yield cls._moved(output, shift)


class StemmedPositionsFilter(Filter):
    """Keep every word, but number positions as the stemmed field does (stop words not counted).

    The unstemmed fields carry the positions that phrases are checked with (the stemmed fields
    have none: see forum.search.docsets.StemPhrase); a word's position here must therefore be
    its position in the stemmed field. Stop words are kept and marked ``stop_word`` (prefix
    queries and the stop-word fallback look for them), at the position of the next word.
    (Not Whoosh's ``stopped``: Whoosh drops such tokens from the index.)
    Mirrors Whoosh's StopFilter(renumber=True): the first word keeps its position, the next
    ones follow it one by one.
    """

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        position = None
        for token in tokens:
            stopped = token.stop_word = token.text in FRENCH_STOP_WORDS
            if token.positions:
                if stopped:
                    token.pos = position + 1 if position is not None else token.pos
                elif position is None:
                    position = token.pos
                else:
                    position += 1
                    token.pos = position
            yield token


class WordStartFilter(Filter):
    """Pass-through, kept only so that indexes built with the old word-beginning terms still open.

    Whoosh pickles the analyzers into the index; `flask search rebuild` replaces such an index.
    """

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        return iter(tokens)


# --- stemming --------------------------------------------------------------------------------
_STEMMER = FrenchStemmer()
# "-eux" plurals the Snowball stemmer leaves as they are ("lieux" stays "lieux").
_PLURALS = {"lieux": "lieu", "milieux": "milieu", "jeux": "jeu", "enjeux": "enjeu",
            "feux": "feu", "voeux": "voeu"}


# Cached here with functools (thread-safe) rather than by StemFilter: Whoosh's own cache
# (whoosh.util.cache.lfu_cache) evicts without a lock, and the query analyzer is shared by
# the threads of a web worker.
@lru_cache(maxsize=50_000)
def french_stem(word: str) -> str:
    """Snowball French stem of an already folded word, with three repairs for folded input.

    * "-ee"/"-ees" read as "-e"/"-es": folding turned "partagée" into "partagee", which the
      stemmer no longer sees as a participle ("partage", whereas "partager" gives "partag").
    * a plural "s" after "u" is removed: "elus" -> "elu", like "elue" (Snowball keeps it).
    * a few "-eux" plurals are singularised: "lieux" -> "lieu".
    """
    word = _PLURALS.get(word, word)
    if len(word) > 4 and word.endswith("ee"):
        word = word[:-1]
    elif len(word) > 5 and word.endswith("ees"):
        word = word[:-2] + "s"
    elif len(word) >= 4 and word.endswith("us"):
        word = word[:-1]
    return _STEMMER.stem(word)


_ENGLISH_STEMMER = EnglishStemmer()
# Snowball's English list, folded (it has no accents: folded for the day it does).
ENGLISH_STOP_WORDS: frozenset[str] = frozenset(fold(word) for word in stopwords_for_language("en"))


@lru_cache(maxsize=50_000)
def english_stem(word: str) -> str:
    """Snowball English (Porter2) stem of an already folded word: "cutters" -> "cutter"."""
    return _ENGLISH_STEMMER.stem(word)


def _base_analyzer():
    return RegexTokenizer(expression=WORD_PATTERN) | LowercaseFilter() | AccentFoldFilter()


def french_analyzer():
    """Analyzer of the main (stemmed) text fields: split, lowercase, fold, stop words, compounds, stem.

    ``StopFilter`` renumbers positions (a phrase ignores the stop words inside it) and keeps
    one-letter words only if they are not stop words (``minsize=1``: "3" in "3 D" is kept).
    """
    return (_base_analyzer()
            | StopFilter(stoplist=FRENCH_STOP_WORDS, minsize=1, renumber=True)
            | CompoundFilter()
            | StemFilter(stemfn=french_stem, cachesize=None))


def prefix_analyzer():
    """Analyzer of the unstemmed companion fields: split, lowercase, fold, compounds; nothing dropped.

    Positions are those of the stemmed field (``StemmedPositionsFilter``), for phrases.
    """
    return _base_analyzer() | StemmedPositionsFilter() | CompoundFilter()


def english_analyzer():
    """Analyzer of the English companion fields: split, lowercase, fold, English stop words, stem.

    Positions are kept (the English fields store them: an English phrase is checked with them)."""
    return (_base_analyzer()
            | StopFilter(stoplist=ENGLISH_STOP_WORDS, minsize=1, renumber=True)
            | StemFilter(stemfn=english_stem, cachesize=None))


@cache
def _shared(name: str):
    return {"french": french_analyzer, "prefix": prefix_analyzer, "english": english_analyzer}[name]()


def analyze(text: str, *, stemmed: bool = True, mode: str = "query") -> list[str]:
    """The tokens ``text`` becomes, in order: ``analyze("L'Été des tiers-lieux")`` -> ["tierslieu"].

    ``stemmed=False`` uses the prefix analyzer; ``mode="index"`` shows what a document indexes
    (compound parts included).
    """
    analyzer = _shared("french" if stemmed else "prefix")
    return [token.text for token in analyzer(text, mode=mode)]


def analyze_english(text: str, *, mode: str = "query") -> list[str]:
    """The English stems ``text`` becomes: ``analyze_english("Borrowing the laser cutters")`` ->
    ["borrow", "laser", "cutter"]."""
    return [token.text for token in _shared("english")(text, mode=mode)]
