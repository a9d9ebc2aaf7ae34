"""The judged set's corpus: the demo (seed 2026) plus the documents of ``judged_documents.toml``,
indexed by the real rebuild (``flask search rebuild``).

Shared by ``tests/search/test_judged_set.py`` and ``bench/search_quality.py``, so both judge the
same documents. Documents are named by stable identities (a thread by its title, a resource by its
name…), resolved here to the search's document keys (``fil:12``, ``message:2151``…): database ids
change with the demo, titles only when someone rewrites the demo's texts.
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from dataclasses import dataclass, field, fields
from functools import partial
from pathlib import Path
from unittest import mock

from sqlalchemy import select

from forum.core.database import write_intent
from forum.extensions import db
from forum.search.index import rebuild_writer

DOCUMENTS_FILE = Path(__file__).with_name("judged_documents.toml")
DEMO_SEED = 2026


def strict_dataclass(cls, raw: dict, where: str):
    """``cls(**raw)``, refusing fields the dataclass does not know (a typo would be ignored silently)."""
    known = {item.name for item in fields(cls)}
    unknown = set(raw) - known
    if unknown:
        raise ValueError(f"{where}: unknown field(s) {sorted(unknown)}")
    return cls(**raw)


@dataclass(frozen=True)
class ExtraThread:
    fabrique: str
    category: str
    title: str
    body: str
    replies: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ExtraResource:
    fabrique: str
    kind: str
    category: str
    name: str
    description: str
    details: dict = field(default_factory=dict)  # other fields of ResourceInput (a room's capacities…)


@dataclass(frozen=True)
class ExtraPractice:
    fabrique: str
    title: str
    kind: str  # forum.practices.models.PracticeKind
    territory: str  # forum.fabriques.models.TerritoryType
    theme: str  # a category's slug
    sections: dict[str, str]


@dataclass(frozen=True)
class ExtraDocuments:
    threads: list[ExtraThread]
    resources: list[ExtraResource]
    practices: list[ExtraPractice]


def load_extra_documents(path: Path = DOCUMENTS_FILE) -> ExtraDocuments:
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    tables = {"thread": ExtraThread, "resource": ExtraResource, "practice": ExtraPractice}
    unknown = set(raw) - set(tables)
    if unknown:
        raise ValueError(f"{path.name}: unknown table(s) {sorted(unknown)}")
    loaded = {name: [strict_dataclass(cls, item, f"{path.name} {name} {number}")
                     for number, item in enumerate(raw.get(name, []))]
              for name, cls in tables.items()}
    return ExtraDocuments(loaded["thread"], loaded["resource"], loaded["practice"])


# --- building ------------------------------------------------------------------------------
def _manager_of(fabrique_name: str):
    """An active manager of the demo fabrique named so: the author of what the judged set adds there."""
    from forum.accounts.models import User
    from forum.fabriques.models import Fabrique, Membership, MembershipRole, MembershipStatus

    return db.session.execute(
        select(User).join(Membership, Membership.user_id == User.id)
        .join(Fabrique, Fabrique.id == Membership.fabrique_id)
        .where(Fabrique.name == fabrique_name, Membership.role == MembershipRole.MANAGER,
               Membership.status == MembershipStatus.ACTIVE)
        .order_by(User.id).limit(1)).scalar_one()


def add_extra_documents() -> None:
    """Write ``judged_documents.toml`` through the domain services (the caller commits).

    Replies are written by the manager of another fabrique than the thread's (the next one in the
    file), as a conversation between two places would be."""
    from forum.fabriques.models import Fabrique
    from forum.practices import services as practice_services
    from forum.resources import services as resource_services
    from forum.resources.models import ResourceKind
    from forum.threads import services as thread_services

    extras = load_extra_documents()
    threads = extras.threads
    for number, extra in enumerate(threads):
        author = _manager_of(extra.fabrique)
        category = thread_services.get_category_by_slug(extra.category)
        thread = thread_services.start_thread(author, category, extra.title, extra.body)
        replier = _manager_of(threads[(number + 1) % len(threads)].fabrique)
        for body in extra.replies:
            thread_services.reply(replier, thread, body)
    for extra in extras.resources:
        fabrique = db.session.execute(select(Fabrique).where(Fabrique.name == extra.fabrique)).scalar_one()
        data = resource_services.ResourceInput(name=extra.name, category=extra.category,
                                               description=extra.description, **extra.details)
        resource_services.create_resource(_manager_of(extra.fabrique), fabrique, ResourceKind(extra.kind), data)
    for extra in extras.practices:
        author = _manager_of(extra.fabrique)
        theme = thread_services.get_category_by_slug(extra.theme)
        data = practice_services.PracticeInput(title=extra.title, kind=extra.kind, territory_type=extra.territory,
                                               theme_ids=[theme.id], sections=extra.sections)
        practice_services.publish(author, practice_services.create_practice(author, data))
    db.session.flush()


def build_corpus(app) -> None:
    """Seed the demo and the judged set's documents into ``app``'s EMPTY database, then rebuild its
    index with ``flask search rebuild`` (the command a deployment runs), in one process."""
    from forum.demo.seed import seed_demo

    with app.app_context():
        with write_intent():
            seed_demo(seed=DEMO_SEED)
            db.session.commit()
            add_extra_documents()
            db.session.commit()
        db.session.remove()
    # One rebuild process: with two, which process indexes which batch varies from run to run, so
    # do the document numbers, and Whoosh breaks equal scores by document number: ties near the
    # tenth place would make an entry pass or fail by chance. Scores themselves use the whole
    # index's statistics and do not depend on the split.
    with mock.patch("forum.search.commands.rebuild_writer", partial(rebuild_writer, processes=1)):
        result = app.test_cli_runner().invoke(args=["search", "rebuild"])
    if result.exit_code != 0:
        raise RuntimeError(f"search rebuild failed: {result.output}") from result.exception


# --- naming documents ----------------------------------------------------------------------
def _label(text: str) -> str:
    """A name as the judged set writes it: French typography's no-break spaces (the services put
    them before « : ? ! ») as plain ones, runs of spaces as one."""
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


class UnknownDocument(LookupError):
    """A reference of the judged set names no document (or an ambiguous one) in the corpus."""


class DocumentNames:
    """Resolves the judged set's references to sets of document keys.

    References (``kind: label``):
      ``fil: <thread title>``                     the thread: its own document or any of its replies'
                                                  (a result grouped by thread may be keyed by its best post)
      ``message: <thread title> #<position>``     one reply (position 2 is the first reply)
      ``repeated: <thread title>``                (must_not only) the thread shown more than once on the
                                                  page, its replies counted as the thread
      ``pratique: <practice title>``              a published practice report
      ``ressource: <name>``                       every resource of that name (the demo repeats names)
      ``ressource: <name> @ <fabrique name>``     the one of that fabrique
      ``fabrique: <name>``                        a fabrique's profile
    A reference names a SET of keys: "in the first ten" means any of them is there.
    """

    KINDS = ("fil", "message", "repeated", "pratique", "ressource", "fabrique")

    def __init__(self, session) -> None:
        from forum.fabriques.models import Fabrique
        from forum.practices.models import Practice
        from forum.resources.models import Resource
        from forum.threads.models import Post, Thread

        self.threads: dict[str, list[int]] = defaultdict(list)
        for thread_id, title in session.execute(select(Thread.id, Thread.title)):
            self.threads[_label(title)].append(thread_id)
        self.posts: dict[tuple[int, int], int] = {}
        self.replies: dict[int, list[int]] = defaultdict(list)
        for post_id, thread_id, position in session.execute(select(Post.id, Post.thread_id, Post.position)):
            self.posts[thread_id, position] = post_id
            if position > 1:
                self.replies[thread_id].append(post_id)
        self.practices: dict[str, list[int]] = defaultdict(list)
        for practice_id, title in session.execute(select(Practice.id, Practice.title)):
            self.practices[_label(title)].append(practice_id)
        self.resources: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for resource_id, name, fabrique_name in session.execute(
                select(Resource.id, Resource.name, Fabrique.name).join(Fabrique, Fabrique.id == Resource.fabrique_id)):
            self.resources[_label(name)].append((resource_id, _label(fabrique_name)))
        self.fabriques = {_label(name): fabrique_id
                          for fabrique_id, name in session.execute(select(Fabrique.id, Fabrique.name))}

    def keys(self, reference: str) -> frozenset[str]:
        """The document keys ``reference`` names; ``UnknownDocument`` when it names none."""
        kind, separator, label = reference.partition(":")
        kind, label = kind.strip(), _label(label)
        if not separator or kind not in self.KINDS or not label:
            raise UnknownDocument(f"{reference!r}: expected '<kind>: <label>' with kind in {self.KINDS}")
        keys = getattr(self, f"_{kind}")(label)
        if not keys:
            raise UnknownDocument(f"{reference!r} names no document of the corpus")
        return frozenset(keys)

    def _thread_id(self, title: str) -> int:
        ids = self.threads.get(title, [])
        if len(ids) != 1:
            raise UnknownDocument(f"thread {title!r}: {len(ids)} threads have this title")
        return ids[0]

    def _fil(self, label: str) -> list[str]:
        thread_id = self._thread_id(label)
        return [f"fil:{thread_id}", *(f"message:{post_id}" for post_id in self.replies[thread_id])]

    _repeated = _fil  # the same documents; judged_set.score counts them instead of looking for one

    def _message(self, label: str) -> list[str]:
        title, _, position = label.rpartition("#")
        post_id = self.posts.get((self._thread_id(title.strip()), int(position)))
        return [f"message:{post_id}"] if post_id is not None else []

    def _pratique(self, label: str) -> list[str]:
        return [f"pratique:{practice_id}" for practice_id in self.practices.get(label, [])]

    def _ressource(self, label: str) -> list[str]:
        name, _, fabrique = label.partition(" @ ")
        return [f"ressource:{resource_id}" for resource_id, owner in self.resources.get(name.strip(), [])
                if not fabrique or owner == fabrique.strip()]

    def _fabrique(self, label: str) -> list[str]:
        return [f"fabrique:{self.fabriques[label]}"] if label in self.fabriques else []
