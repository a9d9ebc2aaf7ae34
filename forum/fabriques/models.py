"""Fabriques (organisations), their spaces, modules and members."""

from __future__ import annotations

import enum
from datetime import date, datetime

from markupsafe import Markup
from sqlalchemy import JSON, CheckConstraint, Date, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.accounts.models import User
from forum.core.i18n import gettext, lazy_gettext
from forum.core.markdown import stored_html
from forum.core.models import Base, UTCDateTime, str_enum, utcnow
from forum.fabriques.geography import department_label, region_label


class TerritoryType(str, enum.Enum):
    RURAL = "rural"
    QPV = "qpv"
    URBAIN = "urbain"

    @property
    def label(self) -> str:
        """What people read, in their language (the value is the code)."""
        return gettext(_TERRITORY_LABELS[self.value])


_TERRITORY_LABELS = {"rural": "Rural", "qpv": "QPV (quartier prioritaire)", "urbain": "Urbain"}
# For the catalogue (the labels above are passed through gettext when shown).
lazy_gettext("Rural"), lazy_gettext("QPV (quartier prioritaire)"), lazy_gettext("Urbain")


MODULES: dict[str, str] = {
    "fablab": lazy_gettext("Fablab"),
    "coworking": lazy_gettext("Coworking"),
    "mediation_numerique": lazy_gettext("Médiation numérique"),
    "atelier_partage": lazy_gettext("Atelier partagé"),
    "cafe_associatif": lazy_gettext("Café associatif"),
    "jardin": lazy_gettext("Jardin partagé"),
    "ressourcerie": lazy_gettext("Ressourcerie"),
    "cuisine_partagee": lazy_gettext("Cuisine partagée"),
    "espace_culturel": lazy_gettext("Espace culturel"),
    "formation": lazy_gettext("Formation"),
}


class MembershipRole(str, enum.Enum):
    MEMBER = "member"
    MANAGER = "manager"


class MembershipStatus(str, enum.Enum):
    PENDING = "pending"
    ACTIVE = "active"


class Fabrique(Base):
    __tablename__ = "fabriques"
    __table_args__ = (
        Index("ix_fabriques_region_code", "region_code"),
        Index("ix_fabriques_department_code", "department_code"),
        Index("ix_fabriques_last_activity_at", "last_activity_at"),
        Index("ix_fabriques_pivot", "pivot"),
        Index("ix_fabriques_standard_id", "standard_id", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(90), unique=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    summary: Mapped[str] = mapped_column(String(240), default="")
    description_source: Mapped[str] = mapped_column(Text, default="")
    description_html: Mapped[str] = mapped_column(Text, default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    postal_code: Mapped[str] = mapped_column(String(10), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    department_code: Mapped[str] = mapped_column(String(3))
    region_code: Mapped[str] = mapped_column(String(2))
    territory_type: Mapped[TerritoryType] = mapped_column(str_enum(TerritoryType))
    opening_hours: Mapped[str] = mapped_column(Text, default="")
    website: Mapped[str] = mapped_column(String(300), default="")
    contact_email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_activity_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Optimistic locking of profile edits by its managers (forum.core.locking.check_version).
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    # The national standard of mediation places (forum.fabriques.standard): its single-valued
    # fields; its lists are rows of FabriqueStandardValue. The phone above is kept in the
    # standard's form (+33…), ``horaires`` in OpenStreetMap's opening_hours syntax.
    pivot: Mapped[str] = mapped_column(String(14), default="", server_default="")
    code_insee: Mapped[str] = mapped_column(String(5), default="", server_default="")
    complement_adresse: Mapped[str] = mapped_column(String(200), default="", server_default="")
    horaires: Mapped[str] = mapped_column(String(500), default="", server_default="")
    fiche_acces_libre: Mapped[str] = mapped_column(String(300), default="", server_default="")
    prise_rdv: Mapped[str] = mapped_column(String(300), default="", server_default="")
    # date_maj: the day the fabrique's data last changed (an edit, or the imported file's date).
    date_maj: Mapped[date | None] = mapped_column(Date)
    # The identifiers and source a fabrique came with from an imported file (else ours are written).
    standard_id: Mapped[str | None] = mapped_column(String(100))
    data_source: Mapped[str] = mapped_column(String(120), default="", server_default="")
    # The standard row as last imported: a field whose value differs from it now was edited here
    # since, and a new import leaves it alone (forum.fabriques.importing).
    import_snapshot: Mapped[dict | None] = mapped_column(JSON)
    imported_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    module_links: Mapped[list[FabriqueModule]] = relationship(
        back_populates="fabrique", cascade="all, delete-orphan", lazy="raise_on_sql",
        order_by="FabriqueModule.module",
    )
    standard_values: Mapped[list[FabriqueStandardValue]] = relationship(
        back_populates="fabrique", cascade="all, delete-orphan", lazy="raise_on_sql",
        order_by="[FabriqueStandardValue.field, FabriqueStandardValue.position]",
    )
    spaces: Mapped[list[Space]] = relationship(
        back_populates="fabrique", cascade="all, delete-orphan", lazy="raise_on_sql",
        order_by="Space.name",
    )

    @property
    def modules(self) -> list[str]:
        return [link.module for link in self.module_links]
    @property
    def module_labels(self) -> list[str]:
        """In the reader's language (French outside a request: the search index)."""
        return [str(MODULES.get(link.module, link.module)) for link in self.module_links]

    def values_of(self, field: str) -> list[str]:
        """The values of one of the standard's lists, in their order (needs standard_values loaded)."""
        return [row.value for row in self.standard_values if row.field == field]

    @property
    def description(self) -> Markup:
        """The stored, sanitised HTML of the description, ready for a template."""
        return stored_html(self.description_html)

    @property
    def department_label(self) -> str:
        return department_label(self.department_code)

    @property
    def region_label(self) -> str:
        return region_label(self.region_code)


class FabriqueModule(Base):
    __tablename__ = "fabrique_modules"
    __table_args__ = (Index("ix_fabrique_modules_module", "module"),)

    fabrique_id: Mapped[int] = mapped_column(ForeignKey("fabriques.id", ondelete="CASCADE"), primary_key=True)
    module: Mapped[str] = mapped_column(String(40), primary_key=True)

    fabrique: Mapped[Fabrique] = relationship(back_populates="module_links")


class FabriqueStandardValue(Base):
    """One value of one of the standard's lists (services, typologie...) for a fabrique."""

    __tablename__ = "fabrique_standard_values"
    __table_args__ = (Index("ix_fabrique_standard_values_field_value", "field", "value"),)

    fabrique_id: Mapped[int] = mapped_column(ForeignKey("fabriques.id", ondelete="CASCADE"), primary_key=True)
    field: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    fabrique: Mapped[Fabrique] = relationship(back_populates="standard_values")


class Space(Base):
    """A room of a fabrique that can host a meeting or a workshop."""

    __tablename__ = "fabrique_spaces"
    __table_args__ = (CheckConstraint("capacity > 0", name="capacity_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    fabrique_id: Mapped[int] = mapped_column(ForeignKey("fabriques.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    capacity: Mapped[int] = mapped_column(Integer)
    equipment: Mapped[str] = mapped_column(String(500), default="")

    fabrique: Mapped[Fabrique] = relationship(back_populates="spaces")


class Membership(Base):
    """A member's link to their (single) fabrique: pending until a manager accepts it."""

    __tablename__ = "memberships"
    __table_args__ = (Index("ix_memberships_fabrique_id_status", "fabrique_id", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    fabrique_id: Mapped[int] = mapped_column(ForeignKey("fabriques.id", ondelete="CASCADE"))
    role: Mapped[MembershipRole] = mapped_column(str_enum(MembershipRole), default=MembershipRole.MEMBER)
    status: Mapped[MembershipStatus] = mapped_column(str_enum(MembershipStatus), default=MembershipStatus.PENDING)
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship(back_populates="membership", foreign_keys=[user_id], lazy="raise_on_sql")
    fabrique: Mapped[Fabrique] = relationship(lazy="raise_on_sql")

    @property
    def is_active(self) -> bool:
        return self.status is MembershipStatus.ACTIVE

    @property
    def is_manager(self) -> bool:
        return self.is_active and self.role is MembershipRole.MANAGER


class FabriqueImport(Base):
    """A file of the national standard an administrator uploaded, kept by its SHA-256 between the
    preview and the confirmation (forum.fabriques.import_files): the confirmation claims it by
    compare-and-set (``applied_at`` from NULL), so a file confirmed twice at once is imported once."""

    __tablename__ = "fabrique_imports"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    filename: Mapped[str] = mapped_column(String(200), default="")
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    applied_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    applied_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
