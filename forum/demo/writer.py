"""Composes the demo's French texts from the material in ``forum.demo.corpus``.

Pure Python, no database: given a ``random.Random`` it always writes the same texts.
"""

from __future__ import annotations

import math
import random
import re
import unicodedata
from dataclasses import dataclass, field

from forum.core.text import slugify
from forum.demo import corpus
from forum.demo.places import MODULE_LINES, FabriqueSpec
from forum.fabriques.geography import region_of

_SLOT = re.compile(r"\{(\w+)\}")
_REGISTER = re.compile(r"⟦([^|⟧]*)\|([^⟧]*)⟧")
# "à Le Havre" -> "au Havre", "de Les Ateliers…" -> "des Ateliers…" (proper names only: capital L).
_CONTRACTIONS = tuple(
    (re.compile(rf"(?<!\w){before} {article} "), after + " ")
    for before, article, after in (
        ("à", "Les", "aux"), ("à", "Le", "au"), ("de", "Les", "des"), ("de", "Le", "du"),
        ("À", "Les", "Aux"), ("À", "Le", "Au"), ("De", "Les", "Des"), ("De", "Le", "Du"),
    )
) + ((re.compile(r"(?<!\w)([dD])e ([AEIOUÉÈÊÂÎÔ])"), r"\1'\2"),)  # "de Amiens" -> "d'Amiens"
_WORD = re.compile(r"[a-z0-9]+")


def keywords(text: str) -> set[str]:
    """Crude French keywords: accents removed, short and common words dropped, plural "s" removed."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    words = set()
    for word in _WORD.findall(folded):
        if len(word) < 4 or word in corpus.STOP_WORDS:
            continue
        if len(word) > 4 and word[-1] in "sx":
            word = word[:-1]
        words.add(word)
    return words


def finish(text: str, register: str = "vous") -> str:
    """Resolve ⟦tu|vous⟧ choices for ``register`` and contract "à Le Havre" into "au Havre" (and the like)."""
    text = _REGISTER.sub(lambda match: match.group(1 if register == "tu" else 2), text)
    for pattern, replacement in _CONTRACTIONS:
        text = pattern.sub(replacement, text)
    return text


# Reply kinds written by the thread's author (the others are written by someone else).
OP_REPLY_KINDS = frozenset({
    "clarify_a", "discussion_a", "thanks_op", "followup", "presentation_thanks", "event_answer", "loan_thanks",
})


@dataclass
class Persona:
    """Someone who writes in the demo forum (a member, a moderator or the admin team)."""

    index: int
    first_name: str
    last_name: str
    gender: str  # "f" | "m"
    job: str
    fabrique: FabriqueSpec | None  # active membership only
    village: str
    register: str  # "tu" | "vous"
    greets: float
    signs_off: float
    signature: int  # 0 none, 1 first name, 2 first name + fabrique, 3 first name + job
    verbosity: float
    activity: float
    display_name: str = ""
    profile: str = "none"  # opening-post context when without fabrique: "none" | "network"

    def __post_init__(self):
        if not self.display_name:
            self.display_name = f"{self.first_name} {self.last_name}"


@dataclass
class ThreadText:
    """What a thread's writer needs to remember while composing its posts."""

    category: str
    kind: str  # question | report | event | loan | presentation | admin
    op: Persona
    title: str = ""
    pinned: dict[str, str] = field(default_factory=dict)
    bodies: list[tuple[Persona, str]] = field(default_factory=list)
    quoted: set[int] = field(default_factory=set)  # positions (1-based) quoted by a later post
    topic_words: set[str] = field(default_factory=set)  # keywords of the title and the opening post
    used: dict[str, set[int]] = field(default_factory=dict)  # material already used in this thread
    asked: int | None = None  # index of the last question asked to the author, answered next
    quotables: list[tuple[int, Persona, str]] = field(default_factory=list)  # (position, author, sentence)


class Deck:
    """Draws items in a shuffled order and reshuffles when exhausted: spreads repetitions out."""

    def __init__(self, rng: random.Random, items):
        self._rng = rng
        self._items = list(items)
        self._pool: list = []

    def draw(self):
        if not self._pool:
            self._pool = self._items[:]
            self._rng.shuffle(self._pool)
        return self._pool.pop()

    def draw_distinct(self, count: int) -> list:
        chosen: list = []
        for _ in range(count * 4):
            item = self.draw()
            if item not in chosen:
                chosen.append(item)
            if len(chosen) == count:
                break
        return chosen


def lower_first(text: str) -> str:
    """Lower-case the first letter after a connector, unless it starts a proper noun or an acronym."""
    prefix = ""
    if text.startswith("**"):
        prefix, text = "**", text[2:]
    if not text or not text[0].isupper():
        return prefix + text
    word = re.split(r"[\s,.:;!?«»'’]", text, maxsplit=1)[0]
    if word in corpus.PROPER_WORDS or (len(word) > 1 and any(char.isupper() for char in word[1:])):
        return prefix + text
    return prefix + text[0].lower() + text[1:]


def join_labels(labels: list[str]) -> str:
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " et " + labels[-1]


class DemoWriter:
    def __init__(self, rng: random.Random, fabriques: tuple[FabriqueSpec, ...]):
        self.rng = rng
        self.fabriques = fabriques
        self._decks: dict[str, Deck] = {}
        self._cache: dict[str, tuple] = {}
        self._uses: dict[str, dict[int, int]] = {}

    # -- Low level -------------------------------------------------------------------------

    def _ranked(self, thread: ThreadText, name: str, items, min_score: float = 0.0) -> list[int]:
        """Indices of ``items`` sharing keywords with the thread, best first (rare words weigh more)."""
        key = "rank:" + name
        if key not in self._cache:
            vocab = [keywords(item) for item in items]
            frequency: dict[str, int] = {}
            for words in vocab:
                for word in words:
                    frequency[word] = frequency.get(word, 0) + 1
            self._cache[key] = (vocab, {w: math.log(1 + len(items) / n) for w, n in frequency.items()})
        vocab, weight = self._cache[key]
        scored = []
        for index, words in enumerate(vocab):
            score = math.fsum(weight[word] for word in words & thread.topic_words)  # exact: order-free
            if score > min_score:
                scored.append((-score, index))
        return [index for _, index in sorted(scored)]

    def pick(self, thread: ThreadText, name: str, items, relevance: float = 0.7, top: int = 5) -> str:
        """An item of ``items`` not used yet in this thread, preferably one about the thread's topic."""
        used = thread.used.setdefault(name, set())
        uses = self._uses.setdefault(name, {})
        relevant = [i for i in self._ranked(thread, name, items)[:top] if i not in used]
        if relevant and self.rng.random() < relevance:
            # The most relevant first, but material already used often elsewhere gives way.
            ranked = sorted(range(len(relevant)), key=lambda r: (r + 1.5 * uses.get(relevant[r], 0), r))
            index = relevant[ranked[0] if self.rng.random() < 0.7 else self.rng.choice(ranked[:3])]
        else:
            deck = self.deck(name, range(len(items)))
            index = deck.draw()
            for _ in range(6):
                if index not in used:
                    break
                index = deck.draw()
        used.add(index)
        uses[index] = uses.get(index, 0) + 1
        return items[index]

    def pick_many(self, thread: ThreadText, name: str, items, count: int) -> list[str]:
        chosen: list[str] = []
        for _ in range(count * 3):
            item = self.pick(thread, name, items, relevance=0.6, top=8)
            if item not in chosen:
                chosen.append(item)
            if len(chosen) == count:
                break
        return chosen

    def deck(self, name: str, items) -> Deck:
        if name not in self._decks:
            self._decks[name] = Deck(self.rng, items)
        return self._decks[name]

    def draw(self, name: str, items) -> str:
        return self.deck(name, items).draw()

    def fill(self, template: str, ctx: dict[str, str], pinned: dict[str, str] | None = None,
             register: str = "vous") -> str:
        def value(match: re.Match) -> str:
            name = match.group(1)
            key = name[0].lower() + name[1:]
            if key in ctx:
                text = ctx[key]
            elif key.startswith("t_") and pinned is not None:
                if key not in pinned:
                    pinned[key] = self.rng.choice(corpus.SLOTS[key])
                text = pinned[key]
            else:
                text = self.draw("slot:" + key, corpus.SLOTS[key])
            return text[:1].upper() + text[1:] if name[0].isupper() else text

        return finish(_SLOT.sub(value, template), register)

    def person_ctx(self, person: Persona) -> dict[str, str]:
        feminine = person.gender == "f"
        ctx = {
            "prenom": person.first_name, "job": person.job, "village": person.village,
            "e": "e" if feminine else "", "preneur": "preneuse" if feminine else "preneur",
            "ravi": "ravie" if feminine else "ravi", "curieux": "curieuse" if feminine else "curieux",
        }
        fabrique = person.fabrique
        if fabrique is not None:
            ctx.update(fabrique=fabrique.name, a_fabrique="à " + fabrique.name, de_fabrique="de " + fabrique.name,
                       ville=fabrique.city, building=fabrique.building,
                       quartier=fabrique.neighbourhood or "quartier")
        else:
            ctx.update(fabrique="notre association", a_fabrique="dans notre association",
                       de_fabrique="de notre association", ville=person.village, building="un local associatif",
                       quartier="quartier")
        ctx["fabrique_voisine"] = self._neighbour_of(fabrique).name
        return ctx

    def _neighbour_of(self, fabrique: FabriqueSpec | None) -> FabriqueSpec:
        candidates = [f for f in self.fabriques if f is not fabrique]
        if fabrique is not None:
            region = region_of(fabrique.department)
            same_region = [f for f in candidates if region_of(f.department) == region]
            candidates = same_region or candidates
        return self.rng.choice(candidates)

    # -- Fabrique profiles -----------------------------------------------------------------

    def fabrique_texts(self, spec: FabriqueSpec, labels: list[str], website: str) -> tuple[str, str]:
        """(summary, Markdown description) of a fabrique."""
        ctx = {
            "name": spec.name, "ville": spec.city, "building": spec.building,
            "quartier": spec.neighbourhood or "quartier",
            "modules": join_labels([labels[0]] + [label.lower() for label in labels[1:]]),
            "modules_lower": join_labels([label.lower() for label in labels]),
        }
        summary = self.fill(self.rng.choice(corpus.SUMMARY_TEMPLATES[spec.territory]), ctx)
        if len(summary) > 240:
            summary = summary[:237].rstrip() + "…"

        origins = corpus.DESCRIPTION_ORIGINS[spec.territory] + corpus.DESCRIPTION_ORIGINS["any"]
        paragraphs = [self.fill(self.rng.choice(origins), ctx)]
        lines = [self.rng.choice(MODULE_LINES[module]) for module in spec.modules]
        if self.rng.random() < 0.7:
            paragraphs.append(self.rng.choice(corpus.DESCRIPTION_ACTIVITY_INTROS) + "\n\n"
                              + "\n".join(f"- {line}" for line in lines))
        else:
            paragraphs.append(self.fill(corpus.DESCRIPTION_MODULES_SENTENCE, ctx))
        if self.rng.random() < 0.5:
            module = self.rng.choice(spec.modules)
            paragraphs.append(self.fill(self.rng.choice(corpus.DESCRIPTION_HIGHLIGHTS[module]), ctx))
        extra = self.rng.randint(0, 2) if len(paragraphs) < 3 else self.rng.randint(0, 1)
        if extra >= 1:
            paragraphs.append(self.fill(self.draw("description_people", corpus.DESCRIPTION_PEOPLE), ctx))
        if len(paragraphs) < 4 and (extra >= 2 or self.rng.random() < 0.3):
            access = corpus.DESCRIPTION_ACCESS["rural" if spec.territory == "rural" else "city"]
            paragraphs.append(self.rng.choice(access) + " " + corpus.DESCRIPTION_WEBSITE.format(website=website))
        return summary, "\n\n".join(paragraphs)

    # -- Opening posts ---------------------------------------------------------------------

    def opening_post(self, thread: ThreadText, ask: str) -> str:
        op, rng = thread.op, self.rng
        ctx = self.person_ctx(op)
        def fill(template: str) -> str:
            return self.fill(template, ctx, thread.pinned, op.register)

        topic = corpus.TOPICS.get(thread.category, {})
        thread.topic_words = keywords(thread.title) | keywords(ask)
        parts: list[str] = []
        if rng.random() < op.greets:
            greeting = self.draw("op_greetings", corpus.OP_GREETINGS)
            if greeting:
                parts.append(greeting)

        if thread.kind in ("question", "loan"):
            body = fill(ask)
            self._remember(thread, op, body)
            if rng.random() < 0.75:
                territory = op.fabrique.territory if op.fabrique else op.profile
                context = fill(self.draw("op_context:" + territory, corpus.OP_CONTEXT[territory]))
                body = context + (" " if rng.random() < 0.5 else "\n\n") + body
            parts.append(body)
            if topic.get("items") and rng.random() < 0.35:
                items = self.pick_many(thread, "items:" + thread.category, topic["items"], rng.randint(2, 3))
                parts.append(self.draw("tried", corpus.OP_TRIED_INTROS) + "\n\n"
                             + "\n".join(f"- {item}" for item in items))
            closers = corpus.LOAN_CLOSERS if thread.kind == "loan" else corpus.OP_CLOSERS
            closer = fill(self.draw("closers:" + thread.kind, closers))
            if closer:
                parts.append(closer)
        elif thread.kind == "report":
            parts.append(fill(ask))
            self._remember(thread, op, parts[-1])
            if thread.category != "forum" and topic.get("items"):
                items = self.pick_many(thread, "items:" + thread.category, topic["items"], rng.randint(2, 4))
                listing = "\n".join(f"- {item}" for item in items)
                if any(word in thread.title for word in corpus.REPORT_TITLE_WORDS):
                    good, bad = rng.choice(corpus.REPORT_SECTIONS)
                    troubles = self.deck("difficulties", corpus.REPORT_DIFFICULTIES).draw_distinct(2)
                    parts.append(good + "\n\n" + listing)
                    parts.append(bad + "\n\n" + "\n".join(f"- {fill(trouble)}" for trouble in troubles))
                else:
                    parts.append(rng.choice(corpus.NEUTRAL_LIST_INTROS) + "\n\n" + listing)
                if topic.get("experiences") and rng.random() < 0.5:
                    parts.append(fill(self.pick(thread, "exp:" + thread.category, topic["experiences"])))
            closer = fill(self.draw("report_closers", corpus.REPORT_CLOSERS))
            if closer:
                parts.append(closer)
        else:  # event, presentation, admin
            parts.append(fill(ask))
        self._sign(parts, op, ctx, probability=0.6)
        return "\n\n".join(parts)

    def presentation(self, thread: ThreadText) -> tuple[str, str]:
        """(title, body) of a member's introduction in "Vie du forum"."""
        op, rng = thread.op, self.rng
        ctx = self.person_ctx(op)
        def fill(template: str) -> str:
            return self.fill(template, ctx, thread.pinned, op.register)

        titles = corpus.PRESENTATION_TITLES if op.gender == "f" else corpus.PRESENTATION_TITLES_MALE
        if op.fabrique is None:
            titles = tuple(t for t in titles if "fabrique" not in t and "ville" not in t)
        title = fill(rng.choice(titles))
        if op.fabrique is not None:
            opening = fill(rng.choice(corpus.PRESENTATION_OPENINGS))
        else:
            opening = fill(corpus.PRESENTATION_OPENING_WITHOUT_FABRIQUE)
        parts = [opening + " " + rng.choice(corpus.PRESENTATION_INTERESTS), fill(rng.choice(corpus.PRESENTATION_ASKS))]
        return title, "\n\n".join(parts)

    # -- Replies ---------------------------------------------------------------------------

    def plan_replies(self, kind: str, count: int) -> list[str]:
        """The sequence of reply kinds of a thread (who writes each is decided by the caller)."""
        rng, kinds = self.rng, []
        for i in range(count):
            previous = kinds[-1] if kinds else None
            last = i == count - 1
            if previous == "clarify_q":
                kinds.append("clarify_a")
                continue
            if previous == "discussion_q":
                kinds.append("discussion_a")
                continue
            if kind == "question":
                if last and count >= 3 and rng.random() < 0.35:
                    kinds.append("followup")
                    continue
                weights = {"advice": 42, "experience": 16, "short": 9, "quote": 9 if i else 0, "link": 5,
                           "thanks_op": 13 if i and previous not in ("thanks_op", "clarify_a") else 0,
                           "clarify_q": 8 if i < 3 and not last else 0}
            elif kind == "report":
                weights = {"discussion_q": 18 if not last else 0, "experience": 25, "advice": 22, "short": 18,
                           "quote": 8 if i else 0, "link": 4}
            elif kind == "presentation":
                weights = {"welcome": 80, "presentation_thanks": 40 if last and i else 0}
            elif kind == "event":
                weights = {"event_reply": 70, "event_answer": 45 if previous == "event_reply" else 0}
            elif kind == "loan":
                weights = {"loan_offer": 50 if previous != "loan_thanks" else 20, "short": 10,
                           "loan_thanks": 40 if previous == "loan_offer" else 0}
            else:  # admin
                weights = {"admin_reply": 1}
            names = [name for name, weight in weights.items() if weight]
            kinds.append(rng.choices(names, [weights[name] for name in names])[0])
        return kinds

    def reply(self, thread: ThreadText, kind: str, author: Persona, previous: Persona) -> str:
        rng = self.rng
        ctx = self.person_ctx(author)
        ctx["prenom_op"] = thread.op.first_name
        ctx["prenom_prev"] = previous.first_name if previous is not author else thread.op.first_name
        register = author.register
        def fill(template: str) -> str:
            return self.fill(template, ctx, thread.pinned, register)

        category = thread.category
        topic = corpus.TOPICS[category]
        parts: list[str] = []

        def exhausted(name: str, items) -> bool:
            return len(thread.used.get(name, ())) >= len(items)

        def advice() -> str:
            if rng.random() < 0.1 or exhausted("advice:" + category, topic["advice"]):
                return fill(self.pick(thread, "generic_advice", corpus.GENERIC_ADVICE, relevance=0.3))
            first_ones = len(thread.used.get("advice:" + category, ()))
            return fill(self.pick(thread, "advice:" + category, topic["advice"],
                                  relevance=0.9 if first_ones < 2 else 0.55))

        def experience() -> str:
            if exhausted("exp:" + category, topic["experiences"] or corpus.GENERIC_ADVICE):
                return advice()
            return fill(self.pick(thread, "exp:" + category, topic["experiences"] or corpus.GENERIC_ADVICE,
                                  relevance=0.6))

        def with_connector(text: str) -> str:
            connector = self.draw("connectors", corpus.CONNECTORS)
            while "{prenom_prev}" in connector and previous in (thread.op, author):
                connector = self.draw("connectors", corpus.CONNECTORS)
            connector = fill(connector)
            if connector.endswith(": ") and " : " in text.split(". ")[0]:
                connector = ""  # no "Petite nuance : le collège : …"
            return connector + lower_first(text) if connector else text

        def greet(probability: float) -> None:
            if author is not thread.op and rng.random() < author.greets * probability:
                greeting = fill(self.draw("reply_greetings", corpus.REPLY_GREETINGS))
                if greeting:
                    parts.append(greeting)

        if kind == "advice":
            greet(0.8)
            main = advice()
            self._remember(thread, author, main)
            parts.append(with_connector(main))
            if rng.random() < 0.45 * author.verbosity:
                parts.append(advice())
            if topic["items"] and rng.random() < 0.22:
                items = self.pick_many(thread, "items:" + category, topic["items"], 3)
                parts.append(self.draw("list_intros", corpus.LIST_INTROS) + "\n\n"
                             + "\n".join(f"- {item}" for item in items))
            if topic["experiences"] and rng.random() < 0.3:
                parts.append(experience())
            if rng.random() < 0.08:
                parts.append(self._link(author, ctx, fill))
        elif kind == "experience":
            greet(0.6)
            parts.append(experience())
            self._remember(thread, author, parts[-1])
            if rng.random() < 0.6:
                lead = rng.choice(corpus.ADVICE_LEADS)
                parts.append(lead + lower_first(advice()) if lead else advice())
        elif kind == "short":
            greet(0.3)
            if rng.random() < 0.2:
                parts.append(fill(self.draw("short", corpus.SHORT_REPLIES)))
            else:
                parts.append(fill(self.draw("short_openings", corpus.SHORT_OPENINGS) + " "
                                  + self.draw("short_follows", corpus.SHORT_FOLLOWS)))
        elif kind == "quote":
            position, source_author, sentence = self._quotable(thread)
            if sentence:
                thread.quoted.add(position)
                quote = f"> {sentence}"
                if rng.random() < 0.4:
                    quote = corpus.QUOTE_HEADER.format(author=source_author.display_name) + "\n\n" + quote
                parts.append(quote)
            reaction = self.draw("quote_reactions", corpus.QUOTE_REACTIONS)
            text = advice()
            parts.append(reaction + " " + (lower_first(text) if reaction.endswith(":") else text))
        elif kind == "link":
            greet(0.8)
            parts.append(with_connector(advice()))
            parts.append(self._link(author, ctx, fill))
        elif kind in ("clarify_q", "discussion_q"):
            if kind == "clarify_q":
                greet(0.7)
            questions = corpus.CLARIFY_QUESTIONS if kind == "clarify_q" else corpus.DISCUSSION_QUESTIONS
            thread.asked = self.deck(kind, range(len(questions))).draw()
            prefix = self.draw("discussion_prefixes", corpus.DISCUSSION_PREFIXES) if kind == "discussion_q" else ""
            parts.append(fill((prefix + " " if prefix else "") + questions[thread.asked]))
        elif kind in ("clarify_a", "discussion_a"):
            answers = corpus.CLARIFY_ANSWERS if kind == "clarify_a" else corpus.DISCUSSION_ANSWERS
            index = thread.asked if thread.asked is not None else self.rng.randrange(len(answers))
            answer = answers[index]
            parts.append(fill(answer if isinstance(answer, str) else self.rng.choice(answer)))
            thread.asked = None
        elif kind == "thanks_op":
            follow = self.draw("thanks_follows", corpus.THANKS_FOLLOWS)
            parts.append(fill(self.draw("thanks_openings", corpus.THANKS_OPENINGS) + (" " + follow if follow else "")))
        elif kind == "followup":
            if self._ranked(thread, "outcomes:" + category, topic["outcomes"], min_score=2.0):
                outcome = self.pick(thread, "outcomes:" + category, topic["outcomes"], relevance=1.0, top=1)
            else:
                outcome = self.draw("generic_outcomes", corpus.GENERIC_OUTCOMES)
            outcome = fill(outcome)
            parts.append(fill(self.draw("followup_intros", corpus.FOLLOWUP_INTROS)) + outcome)
            closer = self.draw("followup_closers", corpus.FOLLOWUP_CLOSERS)
            if closer:
                parts.append(closer)
        elif kind == "welcome":
            follow = self.draw("welcome_follows", corpus.WELCOME_FOLLOWS)
            parts.append(fill(self.draw("welcome_openings", corpus.WELCOME_OPENINGS) + (" " + follow if follow else "")))
        elif kind == "presentation_thanks":
            parts.append(fill(self.draw("presentation_thanks", corpus.PRESENTATION_THANKS)))
        elif kind == "event_reply":
            thread.asked = self.deck("event_replies", range(len(corpus.EVENT_REPLIES))).draw()
            parts.append(fill(corpus.EVENT_REPLIES[thread.asked]))
        elif kind == "event_answer":
            answer = corpus.EVENT_ANSWER_FOR.get(thread.asked)
            if answer is None:
                generic = corpus.EVENT_ANSWERS[corpus.EVENT_ANSWERS_GENERIC_FROM:]
                parts.append(fill(self.draw("event_answers", generic)))
            else:
                parts.append(fill(corpus.EVENT_ANSWERS[answer]))
            thread.asked = None
        elif kind == "loan_offer":
            greet(0.8)
            parts.append(fill(self.pick(thread, "loan_offers", corpus.LOAN_OFFERS, relevance=0.0)))
        elif kind == "loan_thanks":
            parts.append(fill(self.draw("loan_thanks", corpus.LOAN_THANKS)))
        elif kind == "admin_reply":
            parts.append(fill(self.draw("admin_replies", corpus.ADMIN_REPLIES)))
        else:
            raise ValueError(kind)

        if kind in ("advice", "experience", "link", "loan_offer") and rng.random() < author.signs_off:
            parts.append(fill(self.draw("signoffs", corpus.SIGNOFFS)))
        self._sign(parts, author, ctx, probability=0.5 if kind not in ("short", "thanks_op") else 0.2)
        return "\n\n".join(part for part in parts if part)

    def edit_note(self) -> str:
        return self.draw("edit_notes", corpus.EDIT_NOTES)

    # -- Helpers ---------------------------------------------------------------------------

    def _sign(self, parts: list[str], person: Persona, ctx: dict[str, str], probability: float) -> None:
        if not person.signature or self.rng.random() >= probability:
            return
        if person.signature == 2 and person.fabrique is not None:
            parts.append(f"{person.first_name} – {person.fabrique.name}")
        elif person.signature == 3:
            parts.append(f"— {person.first_name}, {ctx['job']}")
        else:
            parts.append(person.first_name)

    def _link(self, author: Persona, ctx: dict[str, str], fill) -> str:
        doc = self.draw("slot:doc", corpus.SLOTS["doc"])
        title = re.sub(r"^(notre|nos|le|la|les) ", "", doc)
        title = title[:1].upper() + title[1:]
        site = slugify(author.fabrique.name) if author.fabrique else "centre-ressources"
        link_ctx = dict(ctx, doc=doc, doc_titre=title, url=f"https://{site}.exemple.fr/ressources/{slugify(title)}")
        return self.fill(self.draw("link_sentences", corpus.LINK_SENTENCES), link_ctx, None, author.register)

    def _remember(self, thread: ThreadText, author: Persona, text: str) -> None:
        """Keep the first sentence of a post's main paragraph: a later reply may quote it."""
        sentence = re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0]
        if 40 <= len(sentence) <= 260 and sentence[0] not in "->*_":
            thread.quotables.append((len(thread.bodies) + 1, author, sentence))

    def _quotable(self, thread: ThreadText) -> tuple[int, Persona, str]:
        """A sentence from an earlier post worth quoting: (position, its author, sentence)."""
        if not thread.quotables:
            return 0, thread.op, ""
        # Mostly a recent message, sometimes the opening one.
        recent = thread.quotables[-3:]
        chosen = self.rng.choice(recent if self.rng.random() < 0.75 else thread.quotables)
        thread.quotables.remove(chosen)
        return chosen
