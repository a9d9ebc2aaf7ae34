"""Good and bad practices: structured experience reports, their revisions, votes and echoes."""

from __future__ import annotations

import enum
from datetime import datetime
from decimal import Decimal

from markupsafe import Markup
from sqlalchemy import (
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.accounts.models import User
from forum.core.markdown import stored_html
from forum.core.models import Base, Cents, Hideable, MarkdownBody, UTCDateTime, WrittenIn, str_enum, utcnow
from forum.fabriques.models import Fabrique, TerritoryType
from forum.resources.models import Resource
from forum.threads.models import Category, Thread


def N_(message: str) -> str:
    """Mark a label for the catalogue (Babel's ``N_`` keyword): kept in French here, translated where
    it is shown (models import no Flask)."""
    return message


class PracticeKind(str, enum.Enum):
    GOOD = "bonne-pratique"
    MIXED = "experience-mitigee"
    AVOID = "a-eviter"

    @property
    def label(self) -> str:
        return {"bonne-pratique": N_("Bonne pratique"), "experience-mitigee": N_("Expérience mitigée"),
                "a-eviter": N_("Expérience à éviter")}[self.value]


class PracticeStatus(str, enum.Enum):
    DRAFT = "draft"
    PUBLISHED = "published"


class TrialOutcome(str, enum.Enum):
    WORKED = "a-marche"
    PARTLY = "en-partie"
    FAILED = "pas-marche"

    @property
    def label(self) -> str:
        return {"a-marche": N_("Ça a marché"), "en-partie": N_("En partie"),
                "pas-marche": N_("Ça n'a pas marché")}[self.value]


# The long, Markdown fields of a report, in reading order, with their French titles.
SECTIONS: dict[str, str] = {
    "context": N_("Contexte : le lieu, le public, l'équipe"),
    "objective": N_("Objectif"),
    "actions": N_("Ce qui a été fait"),
    "outcome": N_("Résultat"),
    "problems": N_("Ce qui n'a pas marché, et pourquoi"),
    "lessons": N_("Si c'était à refaire"),
}
REQUIRED_SECTIONS = ("context", "objective", "actions", "outcome", "lessons")
LICENCES = {"cc-by-sa": "CC BY-SA 4.0", "cc-by": "CC BY 4.0", "cc0": N_("CC0 (domaine public)")}

practice_themes = Table(
    "practice_themes", Base.metadata,
    Column("practice_id", ForeignKey("practices.id", ondelete="CASCADE"), primary_key=True),
    Column("category_id", ForeignKey("categories.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_practice_themes_category_id", "category_id"),
)
practice_coauthor_fabriques = Table(
    "practice_coauthor_fabriques", Base.metadata,
    Column("practice_id", ForeignKey("practices.id", ondelete="CASCADE"), primary_key=True),
    Column("fabrique_id", ForeignKey("fabriques.id", ondelete="CASCADE"), primary_key=True),
)
practice_authors = Table(
    "practice_authors", Base.metadata,
    Column("practice_id", ForeignKey("practices.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_practice_authors_user_id", "user_id"),
)
practice_resources = Table(
    "practice_resources", Base.metadata,
    Column("practice_id", ForeignKey("practices.id", ondelete="CASCADE"), primary_key=True),
    Column("resource_id", ForeignKey("resources.id", ondelete="CASCADE"), primary_key=True),
)
practice_threads = Table(
    "practice_threads", Base.metadata,
    Column("practice_id", ForeignKey("practices.id", ondelete="CASCADE"), primary_key=True),
    Column("thread_id", ForeignKey("threads.id", ondelete="CASCADE"), primary_key=True),
)


class Practice(Hideable, WrittenIn, Base):
    __tablename__ = "practices"
    __table_args__ = (
        Index("ix_practices_status_published_at", "status", "published_at"),
        Index("ix_practices_fabrique_id", "fabrique_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    fabrique_id: Mapped[int] = mapped_column(ForeignKey("fabriques.id", ondelete="CASCADE"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(150))
    kind: Mapped[PracticeKind] = mapped_column(str_enum(PracticeKind))
    territory_type: Mapped[TerritoryType] = mapped_column(str_enum(TerritoryType))
    status: Mapped[PracticeStatus] = mapped_column(str_enum(PracticeStatus), default=PracticeStatus.DRAFT)
    period: Mapped[str] = mapped_column(String(100), default="")
    context_source: Mapped[str] = mapped_column(Text, default="")
    context_html: Mapped[str] = mapped_column(Text, default="")
    objective_source: Mapped[str] = mapped_column(Text, default="")
    objective_html: Mapped[str] = mapped_column(Text, default="")
    actions_source: Mapped[str] = mapped_column(Text, default="")
    actions_html: Mapped[str] = mapped_column(Text, default="")
    outcome_source: Mapped[str] = mapped_column(Text, default="")
    outcome_html: Mapped[str] = mapped_column(Text, default="")
    problems_source: Mapped[str] = mapped_column(Text, default="")
    problems_html: Mapped[str] = mapped_column(Text, default="")
    lessons_source: Mapped[str] = mapped_column(Text, default="")
    lessons_html: Mapped[str] = mapped_column(Text, default="")
    # Euros here, cents in the database (see Cents).
    cost_euros: Mapped[Decimal | None] = mapped_column("cost_cents", Cents())
    staff_hours: Mapped[int | None] = mapped_column(Integer)
    volunteer_hours: Mapped[int | None] = mapped_column(Integer)
    partners: Mapped[str] = mapped_column(String(500), default="")
    funding: Mapped[str] = mapped_column(String(500), default="")
    licence: Mapped[str] = mapped_column(String(20), default="cc-by-sa")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # "Encore d'actualité ?": last time an author confirmed the report still holds.
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    useful_count: Mapped[int] = mapped_column(Integer, default=0)
    comment_count: Mapped[int] = mapped_column(Integer, default=0)
    revision_count: Mapped[int] = mapped_column(Integer, default=0)

    fabrique: Mapped[Fabrique] = relationship(lazy="raise_on_sql")
    themes: Mapped[list[Category]] = relationship(secondary=practice_themes, lazy="raise_on_sql",
                                                  order_by=Category.position)
    coauthor_fabriques: Mapped[list[Fabrique]] = relationship(secondary=practice_coauthor_fabriques,
                                                              lazy="raise_on_sql", order_by=Fabrique.name)
    authors: Mapped[list[User]] = relationship(secondary=practice_authors, lazy="raise_on_sql",
                                               order_by=User.display_name)
    resources: Mapped[list[Resource]] = relationship(secondary=practice_resources, lazy="raise_on_sql",
                                                     order_by=Resource.name)
    threads: Mapped[list[Thread]] = relationship(secondary=practice_threads, lazy="raise_on_sql",
                                                 order_by=Thread.id)

    @property
    def is_published(self) -> bool:
        return self.status is PracticeStatus.PUBLISHED

    def section_html(self, name: str) -> Markup:
        return stored_html(getattr(self, f"{name}_html"))

    def is_authored_by(self, user_id: int) -> bool:
        return any(author.id == user_id for author in self.authors)

    @property
    def last_confirmed_at(self) -> datetime | None:
        return self.confirmed_at or self.published_at


class PracticeRevision(Base):
    """The report as it stood after one edit (a JSON snapshot of every field's source)."""

    __tablename__ = "practice_revisions"
    __table_args__ = (UniqueConstraint("practice_id", "number", name="uq_practice_revisions_practice_id_number"),)
    __affects_pages__ = False

    id: Mapped[int] = mapped_column(primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practices.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    snapshot: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    author: Mapped[User | None] = relationship(lazy="raise_on_sql")


class PracticeVote(Base):
    """One member finds a report useful ("Utile"); toggled."""

    __tablename__ = "practice_votes"

    practice_id: Mapped[int] = mapped_column(ForeignKey("practices.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PracticeComment(MarkdownBody, Base):
    __tablename__ = "practice_comments"
    __table_args__ = (Index("ix_practice_comments_practice_id", "practice_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practices.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    author: Mapped[User | None] = relationship(lazy="raise_on_sql")



class PracticeTrial(Base):
    """"Nous l'avons essayé aussi": another fabrique's outcome (one per fabrique, updatable)."""

    __tablename__ = "practice_trials"
    __table_args__ = (UniqueConstraint("practice_id", "fabrique_id", name="uq_practice_trials_practice_id_fabrique_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practices.id", ondelete="CASCADE"))
    fabrique_id: Mapped[int] = mapped_column(ForeignKey("fabriques.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    outcome: Mapped[TrialOutcome] = mapped_column(str_enum(TrialOutcome))
    note_source: Mapped[str] = mapped_column(Text, default="")
    note_html: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    fabrique: Mapped[Fabrique] = relationship(lazy="raise_on_sql")

    @property
    def note(self) -> Markup:
        return stored_html(self.note_html)


class OutdatedFlag(Base):
    """A member thinks a report no longer holds (one flag per member until an author confirms it)."""

    __tablename__ = "practice_outdated_flags"

    practice_id: Mapped[int] = mapped_column(ForeignKey("practices.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    note: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
