"""Use cases of practice reports. Services flush, never commit.

Every save of a report (creation included) records a revision: a JSON snapshot
of what a reader sees, so any two versions can be compared.

Concurrency: every change to a report, or under it (a vote, a comment, a trial, a flag),
locks the report's row first: an edit, a publication, a deletion and the reactions to it act
one after the other, and a reaction to a report deleted or unpublished meanwhile is refused
rather than half-written. Counters move in SQL by what was actually inserted or deleted; edits
check the revision their form was opened at.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.orm import joinedload, selectinload

from forum.accounts.models import User
from forum.accounts.services import require_confirmed
from forum.core.direct_reads import DirectRead
from forum.core.errors import Conflict, Forbidden, Invalid, NotFound
from forum.core.languages import languages, read_language
from forum.core.locking import NOT_CHECKED, check_version, lock
from forum.core.markdown import plain_excerpt, render_markdown
from forum.core.models import utcnow
from forum.core.numbers import euros, number_fr
from forum.core.security import parse_id
from forum.core.text import clean_line, clean_text, require_length
from forum.core.typography import french_spacing
from forum.core.visibility import is_moderator
from forum.extensions import db
from forum.fabriques.models import Fabrique, Membership, MembershipStatus, TerritoryType
from forum.fabriques.permissions import active_fabrique_of, manages
from forum.notifications.services import notify
from forum.practices.diff import FieldDiff, compare
from forum.practices.models import (
    LICENCES, REQUIRED_SECTIONS, SECTIONS, OutdatedFlag, Practice, PracticeComment, PracticeKind, PracticeRevision,
    PracticeStatus, PracticeTrial, PracticeVote, TrialOutcome, practice_authors,
)
from forum.resources.models import Resource
from forum.threads.models import Category, Thread

SECTION_MAX = 10_000
COMMENT_MAX = 5_000
# A report older than this shows when it was last confirmed ("Encore d'actualité ?").
STALE_AFTER = timedelta(days=365)


@dataclass
class PracticeInput:
    """What an author types; checked here."""

    title: str
    kind: str
    territory_type: str
    theme_ids: list[int] = field(default_factory=list)
    coauthor_fabrique_ids: list[int] = field(default_factory=list)
    coauthor_ids: list[int] = field(default_factory=list)
    period: str = ""
    sections: dict[str, str] = field(default_factory=dict)
    cost_euros: Decimal | None = None
    staff_hours: int | None = None
    volunteer_hours: int | None = None
    partners: str = ""
    funding: str = ""
    licence: str = "cc-by-sa"
    links: str = ""
    # The code of the language it is written in (forum.core.languages; "": not said); None keeps
    # the report's (an edit that does not say).
    language: str | None = None


_LINK = re.compile(r"/(sujets|ressources)/([0-9]+)(?:[/?#]|$)")


def parse_links(text: str) -> tuple[list[int], list[int]]:
    """Thread and resource ids from pasted addresses ("https://…/sujets/12/titre", one per line)."""
    thread_ids, resource_ids = [], []
    for line in (text or "").splitlines():
        line = line.strip()
        if not line:
            continue
        match = _LINK.search(line)
        if match is None or parse_id(match.group(2)) is None:
            raise Invalid(_("« %(line)s » n'est pas l'adresse d'un sujet du forum ni d'une ressource du catalogue.",
                            line=line[:80]), field="links")
        (thread_ids if match.group(1) == "sujets" else resource_ids).append(parse_id(match.group(2)))
    if len(thread_ids) + len(resource_ids) > 20:
        raise Invalid("Vingt liens au plus.", field="links")
    return thread_ids, resource_ids


def get_practice(practice_id: int) -> Practice:
    """The report with its fabrique, authors, themes, co-author fabriques, threads and resources."""
    practice = db.session.execute(_PRACTICE, {"practice_id": practice_id}).unique().scalar_one_or_none()
    if practice is None:
        raise NotFound(_("Ce retour d'expérience n'existe pas."))
    return practice


@dataclass(frozen=True)
class PracticeHead:
    """What a report's page checks before its fragments (``practice_for_page``), as one reader sees
    it: whether they wrote it and found it useful. The access rules below take it as a report."""

    id: int
    title: str
    fabrique_id: int
    status: PracticeStatus
    hidden_at: datetime | None
    reader_id: int
    reader_is_author: bool
    has_voted: bool

    @property
    def is_published(self) -> bool:
        return self.status is PracticeStatus.PUBLISHED

    def is_authored_by(self, user_id: int) -> bool:
        if user_id != self.reader_id:
            raise ValueError("A report's head answers for the reader it was read for only.")
        return self.reader_is_author


def practice_to_render(practice_id: int) -> Practice:
    """The report with its fabrique's and authors' names: what its page renders when a fragment is
    missing (the labels and links read the rest: ``queries.load_labels``, ``queries.links_of``)."""
    practice = db.session.execute(_PRACTICE_TO_RENDER, {"practice_id": practice_id}).unique().scalar_one_or_none()
    if practice is None:
        raise NotFound(_("Ce retour d'expérience n'existe pas."))
    return practice


def practice_for_page(practice_id: int, reader: User | None) -> PracticeHead:
    """The head of the report (its page keeps the rest in fragments, read with ``get_practice`` when
    one is missing), in one statement; NotFound if there is none."""
    reader_id = reader.id if reader is not None and reader.is_authenticated else 0
    row = _PRACTICE_HEAD.first_in(db.session, practice_id=practice_id, reader_id=reader_id)
    if row is None:
        raise NotFound(_("Ce retour d'expérience n'existe pas."))
    practice_id, title, fabrique_id, status, hidden_at, reader_is_author, has_voted = row
    return PracticeHead(practice_id, title, fabrique_id, status, hidden_at, reader_id, bool(reader_is_author),
                        bool(has_voted))


# Built once: every report page runs the second, on the DB-API connection (the most read page of
# the practices: an ORM load of the report, its fabrique and authors cost five times the SQL).
_PRACTICE = select(Practice).where(Practice.id == bindparam("practice_id")).options(
    selectinload(Practice.authors), joinedload(Practice.fabrique), selectinload(Practice.themes),
    selectinload(Practice.coauthor_fabriques), selectinload(Practice.threads), selectinload(Practice.resources))
_PRACTICE_TO_RENDER = select(Practice).where(Practice.id == bindparam("practice_id")).options(
    joinedload(Practice.authors).load_only(User.id, User.display_name),
    joinedload(Practice.fabrique).load_only(Fabrique.slug, Fabrique.name))
_PRACTICE_HEAD = DirectRead(select(
    Practice.id, Practice.title, Practice.fabrique_id, Practice.status, Practice.hidden_at,
    select(practice_authors.c.user_id).where(practice_authors.c.practice_id == Practice.id,
                                             practice_authors.c.user_id == bindparam("reader_id")).exists(),
    select(PracticeVote.user_id).where(PracticeVote.practice_id == Practice.id,
                                       PracticeVote.user_id == bindparam("reader_id")).exists(),
).where(Practice.id == bindparam("practice_id")))


def is_author(user: User | None, practice: Practice | PracticeHead) -> bool:
    return bool(user and user.is_authenticated and practice.is_authored_by(user.id))


def can_edit(user: User | None, practice: Practice | PracticeHead) -> bool:
    """Authors, and the managers of the authoring fabrique (admins too)."""
    return is_author(user, practice) or manages(user, practice.fabrique_id)


def can_read(user: User | None, practice: Practice | PracticeHead) -> bool:
    """Published reports are public; a draft only shows to those who may edit it; a report hidden
    by moderation only to them and to moderators."""
    if practice.hidden_at is not None:
        return is_moderator(user) or can_edit(user, practice)
    return practice.is_published or can_edit(user, practice)


def _optional_count(value: int | None, label: str, field_name: str) -> int | None:
    if value is not None and not 0 <= value <= 10_000_000:
        raise Invalid(_("%(label)s doit être un nombre positif.", label=label), field=field_name)
    return value


def _members_of(fabrique_id: int, user_ids: list[int]) -> list[User]:
    if not user_ids:
        return []
    users = list(db.session.execute(
        select(User).join(Membership, Membership.user_id == User.id)
        .where(User.id.in_(user_ids), Membership.fabrique_id == fabrique_id,
               Membership.status == MembershipStatus.ACTIVE)).scalars())
    if len(users) != len(set(user_ids)):
        raise Invalid(_("Les co-auteurs doivent être membres de la fabrique."), field="coauthor_ids")
    return users


def _apply(practice: Practice, data: PracticeInput) -> None:
    practice.title = require_length(french_spacing(clean_line(data.title)), _("Le titre"), minimum=8, maximum=150,
                                    field="title")
    try:
        practice.kind = PracticeKind(data.kind)
    except ValueError:
        raise Invalid(_("Choisissez : bonne pratique, expérience mitigée ou expérience à éviter."),
                      field="kind") from None
    try:
        practice.territory_type = TerritoryType(data.territory_type)
    except ValueError:
        raise Invalid(_("Choisissez un type de territoire : rural, QPV ou urbain."), field="territory_type") from None
    themes = list(db.session.execute(select(Category).where(Category.id.in_(data.theme_ids or [0]))).scalars())
    if not themes or len(themes) != len(set(data.theme_ids)):
        raise Invalid(_("Choisissez au moins un thème dans la liste."), field="theme_ids")
    practice.themes = themes
    coauthors = [fabrique_id for fabrique_id in set(data.coauthor_fabrique_ids) if fabrique_id != practice.fabrique_id]
    fabriques = list(db.session.execute(select(Fabrique).where(Fabrique.id.in_(coauthors or [0]))).scalars())
    if len(fabriques) != len(coauthors):
        raise Invalid(_("Une fabrique co-autrice n'existe pas."), field="coauthor_fabrique_ids")
    practice.coauthor_fabriques = fabriques
    practice.period = require_length(clean_line(data.period), _("La période"), minimum=0, maximum=100, field="period")
    for name, label in SECTIONS.items():
        text = require_length(clean_text(data.sections.get(name, "")), f"« {label} »",
                              minimum=1 if name in REQUIRED_SECTIONS else 0, maximum=SECTION_MAX, field=name)
        setattr(practice, f"{name}_source", text)
        setattr(practice, f"{name}_html", render_markdown(text))
    practice.cost_euros = _optional_count(data.cost_euros, _("Le coût"), "cost_euros")
    practice.staff_hours = _optional_count(data.staff_hours, _("Le temps salarié"), "staff_hours")
    practice.volunteer_hours = _optional_count(data.volunteer_hours, _("Le temps bénévole"), "volunteer_hours")
    practice.partners = require_length(clean_line(data.partners), _("Les partenaires"), minimum=0, maximum=500,
                                       field="partners")
    practice.funding = require_length(clean_line(data.funding), _("Les financements"), minimum=0, maximum=500,
                                      field="funding")
    if data.licence not in LICENCES:
        raise Invalid(_("Choisissez une licence dans la liste."), field="licence")
    practice.licence = data.licence
    thread_ids, resource_ids = parse_links(data.links)
    threads = list(db.session.execute(select(Thread).where(Thread.id.in_(thread_ids or [0]))).scalars())
    resources = list(db.session.execute(select(Resource).where(Resource.id.in_(resource_ids or [0]))).scalars())
    if len(threads) != len(set(thread_ids)) or len(resources) != len(set(resource_ids)):
        raise Invalid(_("Un des liens mène à un sujet ou à une ressource qui n'existe pas."), field="links")
    practice.threads, practice.resources = threads, resources
    if data.language is not None:
        practice.language = read_language(data.language)
    practice.updated_at = utcnow()


def snapshot(practice: Practice) -> dict[str, str]:
    """What a reader sees of the report, as text, field by field (for revisions and their diffs)."""
    values = {
        "title": practice.title, "kind": practice.kind.label, "territory_type": practice.territory_type.label,
        "themes": ", ".join(theme.name for theme in practice.themes),
        "coauthor_fabriques": ", ".join(fabrique.name for fabrique in practice.coauthor_fabriques),
        "period": practice.period,
        "cost": "; ".join(part for part in (
            euros(practice.cost_euros) if practice.cost_euros is not None else "",
            f"{number_fr(practice.staff_hours)} h salariées" if practice.staff_hours is not None else "",
            f"{number_fr(practice.volunteer_hours)} h bénévoles" if practice.volunteer_hours is not None else "")
            if part),
        "partners": practice.partners, "funding": practice.funding, "licence": LICENCES.get(practice.licence, ""),
        "links": "\n".join([*(f"Sujet : {thread.title}" for thread in practice.threads),
                            *(f"Ressource : {resource.name}" for resource in practice.resources)]),
    }
    values.update({name: getattr(practice, f"{name}_source") for name in SECTIONS})
    if practice.language:  # (absent when not said: the revisions written before it compare alike)
        values["language"] = languages()[practice.language].french if practice.language in languages() \
            else practice.language
    return values


# The snapshot's values are stored as they read in French; its labels are translated where shown.
SNAPSHOT_LABELS = {
    "title": _l("Titre"), "kind": _l("Type"), "territory_type": _l("Territoire"), "themes": _l("Thèmes"),
    "coauthor_fabriques": _l("Fabriques co-autrices"), "period": _l("Période"),
    **{name: _l(label) for name, label in SECTIONS.items()}, "cost": _l("Coût"),
    "partners": _l("Partenaires"), "funding": _l("Financements"), "licence": _l("Licence"), "links": _l("Liens"),
    "language": _l("Langue du texte"),
}


def _record_revision(actor: User, practice: Practice) -> PracticeRevision:
    practice.revision_count += 1
    revision = PracticeRevision(practice_id=practice.id, number=practice.revision_count, author_id=actor.id,
                                snapshot=json.dumps(snapshot(practice), ensure_ascii=False, sort_keys=True))
    db.session.add(revision)
    return revision


GONE = _l("Ce retour d'expérience vient d'être supprimé.")


def _check_revision(practice: Practice, seen) -> None:
    latest = db.session.execute(
        select(PracticeRevision).where(PracticeRevision.practice_id == practice.id)
        .options(joinedload(PracticeRevision.author)).order_by(PracticeRevision.number.desc()).limit(1)
    ).scalar_one_or_none()
    author = latest.author if latest is not None else None
    check_version(seen, practice.revision_count, changed=_("Ce retour d'expérience a été modifié"),
                  who=author.display_name if author is not None and not author.is_deleted else None,
                  when=latest.created_at if latest is not None else None,
                  current=[(str(SNAPSHOT_LABELS[name]), text) for name, text in snapshot(practice).items()])


def create_practice(actor: User, data: PracticeInput) -> Practice:
    """A member (address confirmed) writes a report for their fabrique; it starts as a draft with a first revision."""
    require_confirmed(actor)
    fabrique = active_fabrique_of(actor)
    if fabrique is None:
        raise Forbidden(_("Rejoignez une fabrique (adhésion acceptée) pour écrire un retour d'expérience en son nom."))
    practice = Practice(fabrique_id=fabrique.id, created_by_id=actor.id, status=PracticeStatus.DRAFT,
                        revision_count=0)
    _apply(practice, data)
    practice.authors = [actor, *(user for user in _members_of(fabrique.id, data.coauthor_ids) if user.id != actor.id)]
    db.session.add(practice)
    db.session.flush()
    _record_revision(actor, practice)
    db.session.flush()
    return practice


def update_practice(actor: User, practice: Practice, data: PracticeInput, *,
                    seen_revision=NOT_CHECKED) -> PracticeRevision | None:
    """Save an edit; a new revision is recorded when anything a reader sees changed.

    ``seen_revision``: the revision the form was opened at (its co-authors and the fabrique's managers
    may edit at the same time): a save over a newer one is a StaleEdit that shows the current report.
    The report's row is locked first, so two saves at the same moment are caught too."""
    _lock(practice)
    if not can_edit(actor, practice):
        raise Forbidden(_("Seuls les auteurs et les responsables de la fabrique peuvent modifier ce retour."))
    _check_revision(practice, seen_revision)
    before = snapshot(practice)
    _apply(practice, data)
    if data.coauthor_ids is not None:
        keep = [author for author in practice.authors if author.id == practice.created_by_id]
        practice.authors = keep + [user for user in _members_of(practice.fabrique_id, data.coauthor_ids)
                                   if user.id != practice.created_by_id]
    if snapshot(practice) == before:
        return None
    revision = _record_revision(actor, practice)
    db.session.flush()
    return revision


def _lock(practice: Practice) -> None:
    lock(practice, gone=NotFound(GONE))


def publish(actor: User, practice: Practice) -> None:
    _lock(practice)
    if not can_edit(actor, practice):
        raise Forbidden(_("Seuls les auteurs et les responsables de la fabrique peuvent publier ce retour."))
    if practice.is_published:
        raise Conflict(_("Ce retour d'expérience est déjà publié."))
    practice.status = PracticeStatus.PUBLISHED
    practice.published_at = practice.confirmed_at = utcnow()


def delete_practice(actor: User, practice: Practice) -> None:
    _lock(practice)
    if not can_edit(actor, practice):
        raise Forbidden(_("Seuls les auteurs et les responsables de la fabrique peuvent supprimer ce retour."))
    db.session.delete(practice)


def revisions(practice: Practice) -> list[PracticeRevision]:
    return list(db.session.execute(
        select(PracticeRevision).where(PracticeRevision.practice_id == practice.id)
        .options(joinedload(PracticeRevision.author).load_only(User.id, User.display_name))
        .order_by(PracticeRevision.number.desc())).scalars())


def get_revision(practice: Practice, number: int) -> PracticeRevision:
    revision = db.session.execute(select(PracticeRevision).where(
        PracticeRevision.practice_id == practice.id, PracticeRevision.number == number)).scalar_one_or_none()
    if revision is None:
        raise NotFound(_("La version %(number)d de ce retour d'expérience n'existe pas.", number=number))
    return revision


def compare_revisions(practice: Practice, old_number: int, new_number: int) -> list[FieldDiff]:
    old, new = get_revision(practice, old_number), get_revision(practice, new_number)
    labels = {name: str(label) for name, label in SNAPSHOT_LABELS.items()}  # in the reader's language
    return compare(json.loads(old.snapshot), json.loads(new.snapshot), labels)


def _require_published(practice: Practice, what: str) -> None:
    if not practice.is_published:
        raise Conflict(_("Ce retour d'expérience n'est pas encore publié : %(what)s sera possible après publication.",
                         what=what))


def set_useful(actor: User, practice: Practice, useful: bool | None = None) -> bool:
    """The member's "Utile" vote: given (``useful`` True), taken back (False), or switched (None).
    True when it changed: the same button pressed twice (a double click) votes once.

    The report is locked first, and the count moves in SQL by the vote actually added or removed,
    so members voting at the same moment are all counted."""
    _lock(practice)
    _require_published(practice, _("voter"))
    if is_author(actor, practice):
        raise Forbidden(_("On ne vote pas pour son propre retour d'expérience."))
    voted = db.session.get(PracticeVote, (practice.id, actor.id)) is not None
    if useful is None:
        useful = not voted
    if useful == voted:
        return False
    if useful:
        db.session.add(PracticeVote(practice_id=practice.id, user_id=actor.id))
    else:
        db.session.execute(delete(PracticeVote).where(PracticeVote.practice_id == practice.id,
                                                      PracticeVote.user_id == actor.id))
    db.session.execute(update(Practice).where(Practice.id == practice.id)
                       .values(useful_count=Practice.useful_count + (1 if useful else -1))
                       .execution_options(synchronize_session=False))
    db.session.flush()
    db.session.expire(practice, ["useful_count"])
    return True


def add_comment(actor: User, practice: Practice, body: str, *, site_url: str = "") -> PracticeComment:
    require_confirmed(actor)
    _lock(practice)
    _require_published(practice, _("commenter"))
    body = require_length(clean_text(body), _("Le commentaire"), maximum=COMMENT_MAX, field="body")
    comment = PracticeComment(practice_id=practice.id, author_id=actor.id, body_source=body,
                              body_html=render_markdown(body))
    db.session.add(comment)
    db.session.execute(update(Practice).where(Practice.id == practice.id)
                       .values(comment_count=Practice.comment_count + 1).execution_options(synchronize_session=False))
    name, title, excerpt = actor.display_name, practice.title, plain_excerpt(comment.body_html)
    notify(practice.authors, "practice.comment",
           lambda: _("%(name)s a commenté « %(title)s ».", name=name, title=title),
           f"/pratiques/{practice.id}#commentaires", actor=actor, site_url=site_url,
           email_subject=lambda: _("Nouveau commentaire : %(title)s", title=title)[:150],
           email_text=lambda: _("%(name)s a commenté « %(title)s » :", name=name, title=title) + f"\n\n{excerpt}")
    db.session.flush()
    return comment


def record_trial(actor: User, practice: Practice, outcome: str, note: str, *, site_url: str = "") -> PracticeTrial:
    """"Nous l'avons essayé aussi": the actor's fabrique adds (or updates) its own outcome (one row per
    fabrique: two of its members at the same moment update it one after the other)."""
    require_confirmed(actor)
    _lock(practice)
    _require_published(practice, _("témoigner"))
    fabrique = active_fabrique_of(actor)
    if fabrique is None:
        raise Forbidden(_("C'est une fabrique qui témoigne : rejoignez la vôtre pour partager son résultat."))
    if fabrique.id == practice.fabrique_id:
        raise Forbidden(_("Votre fabrique est l'autrice de ce retour : modifiez-le plutôt."))
    try:
        result = TrialOutcome(outcome)
    except ValueError:
        raise Invalid(_("Choisissez : ça a marché, en partie, ou ça n'a pas marché."), field="outcome") from None
    note = require_length(clean_text(note), _("Le témoignage"), minimum=0, maximum=COMMENT_MAX, field="note")
    trial = db.session.execute(select(PracticeTrial).where(
        PracticeTrial.practice_id == practice.id, PracticeTrial.fabrique_id == fabrique.id)).scalar_one_or_none()
    if trial is None:
        trial = PracticeTrial(practice_id=practice.id, fabrique_id=fabrique.id)
        db.session.add(trial)
    trial.author_id, trial.outcome = actor.id, result
    trial.note_source, trial.note_html = note, render_markdown(note)
    trial.created_at = utcnow()
    fabrique_name, title, name = fabrique.name, practice.title, actor.display_name
    excerpt = plain_excerpt(trial.note_html) if note else ""

    def news() -> str:  # in each author's language
        return _("%(fabrique)s a essayé « %(title)s » : %(outcome)s.", fabrique=fabrique_name, title=title,
                 outcome=_(result.label).lower())

    def email_text() -> str:
        return news() + ("\n\n" + _("%(name)s raconte :", name=name) + f"\n\n{excerpt}" if excerpt else "")
    notify(practice.authors, "practice.trial", news, f"/pratiques/{practice.id}#essais", actor=actor,
           site_url=site_url, email_subject=lambda: _("Nouveau témoignage : %(title)s", title=title)[:150],
           email_text=email_text)
    db.session.flush()
    return trial


def confirm_current(actor: User, practice: Practice) -> None:
    """An author confirms the report still holds; pending "dépassé" flags are cleared."""
    _lock(practice)
    _require_published(practice, _("confirmer"))
    if not can_edit(actor, practice):
        raise Forbidden(_("Seuls les auteurs peuvent confirmer que ce retour est encore d'actualité."))
    practice.confirmed_at = utcnow()
    db.session.execute(delete(OutdatedFlag).where(OutdatedFlag.practice_id == practice.id))


def flag_outdated(actor: User, practice: Practice, note: str, *, site_url: str = "") -> bool:
    """A member signals the report may no longer hold; authors are notified. False if already flagged."""
    require_confirmed(actor)
    _lock(practice)
    _require_published(practice, _("signaler"))
    note = require_length(clean_line(note), _("La remarque"), minimum=0, maximum=500, field="note")
    exists = db.session.get(OutdatedFlag, (practice.id, actor.id))
    if exists is not None:
        return False
    db.session.add(OutdatedFlag(practice_id=practice.id, user_id=actor.id, note=note))
    name, title = actor.display_name, practice.title
    notify(practice.authors, "practice.outdated",
           lambda: (_("%(name)s pense que « %(title)s » n'est plus d'actualité : %(note)s", name=name, title=title,
                      note=note) if note else
                    _("%(name)s pense que « %(title)s » n'est plus d'actualité.", name=name, title=title)),
           f"/pratiques/{practice.id}", actor=actor, site_url=site_url,
           email_subject=lambda: _("Encore d'actualité ? « %(title)s »", title=title))
    db.session.flush()
    return True
