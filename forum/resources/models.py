"""The shared catalogue: resources (equipment, rooms, know-how), their photos, and loans."""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal

from markupsafe import Markup
from sqlalchemy import (
    DDL, JSON, Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint, event, text,
)
from sqlalchemy.dialects.postgresql import ExcludeConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.accounts.models import User
from forum.core.i18n import gettext
from forum.core.markdown import stored_html
from forum.core.models import Base, Cents, Hideable, MarkdownBody, UTCDateTime, WrittenIn, str_enum, utcnow
from forum.fabriques.models import Fabrique


def _(message: str) -> str:
    """Marks a label for the catalogue (make messages); it is translated where it is shown (gettext)."""
    return message


class ResourceKind(str, enum.Enum):
    EQUIPMENT = "equipement"
    SPACE = "espace"
    KNOW_HOW = "savoir-faire"

    @property
    def label(self) -> str:
        label = {"equipement": _("Équipement"), "espace": _("Espace"), "savoir-faire": _("Savoir-faire")}[self.value]
        return gettext(label)

    @property
    def lendable(self) -> bool:
        """Equipment is lent and rooms are booked; know-how is shared, not borrowed."""
        return self is not ResourceKind.KNOW_HOW


CATEGORIES: dict[ResourceKind, dict[str, str]] = {
    ResourceKind.EQUIPMENT: {
        "fabrication-numerique": _("Fabrication numérique"),
        "audiovisuel": _("Audiovisuel"),
        "informatique": _("Informatique"),
        "outillage": _("Outillage"),
        "mobilier": _("Mobilier"),
        "jardin": _("Jardin"),
        "cuisine": _("Cuisine"),
        "evenementiel": _("Événementiel"),
    },
    ResourceKind.SPACE: {
        "salle-de-reunion": _("Salle de réunion"),
        "atelier": _("Atelier"),
        "salle-polyvalente": _("Salle polyvalente"),
        "bureau": _("Bureau"),
        "exterieur": _("Espace extérieur"),
    },
    ResourceKind.KNOW_HOW: {
        "guide": _("Guide"),
        "kit-de-formation": _("Kit de formation"),
        "modele": _("Modèle de document"),
        "competence": _("Compétence"),
        "contact": _("Contact utile"),
    },
}
ALL_CATEGORIES = {code: label for kind_categories in CATEGORIES.values() for code, label in kind_categories.items()}

CONDITIONS = {"neuf": _("Neuf"), "tres-bon": _("Très bon état"), "bon": _("Bon état"), "use": _("Usé mais fonctionnel")}
LICENCES = {"cc-by-sa": "CC BY-SA 4.0", "cc-by": "CC BY 4.0", "cc0": _("CC0 (domaine public)"),
            "tous-droits": _("Tous droits réservés")}


class Resource(Hideable, WrittenIn, Base):
    """Something a fabrique lends or shares. Kind-specific fields are empty for the other kinds."""

    __tablename__ = "resources"
    __table_args__ = (
        Index("ix_resources_fabrique_id", "fabrique_id"),
        Index("ix_resources_kind_category", "kind", "category"),
        Index("ix_resources_created_at", "created_at"),
        CheckConstraint("quantity >= 1", name="quantity_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    fabrique_id: Mapped[int] = mapped_column(ForeignKey("fabriques.id", ondelete="CASCADE"))
    kind: Mapped[ResourceKind] = mapped_column(str_enum(ResourceKind))
    name: Mapped[str] = mapped_column(String(120))
    category: Mapped[str] = mapped_column(String(40))
    description_source: Mapped[str] = mapped_column(Text, default="")
    description_html: Mapped[str] = mapped_column(Text, default="")
    # "Indisponible pour le moment": listed, but no new request is possible.
    paused: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Optimistic locking of edits by its fabrique's managers (forum.core.locking.check_version).
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    # Equipment (a room has a quantity of 1: it is booked whole).
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    condition: Mapped[str] = mapped_column(String(20), default="")
    # Euros here, cents in the database (see Cents).
    deposit_euros: Mapped[Decimal | None] = mapped_column("deposit_cents", Cents())
    max_loan_days: Mapped[int | None] = mapped_column(Integer)
    pickup_place: Mapped[str] = mapped_column(String(200), default="")
    usage_conditions: Mapped[str] = mapped_column(Text, default="")
    # Space.
    capacity_meeting: Mapped[int | None] = mapped_column(Integer)
    capacity_workshop: Mapped[int | None] = mapped_column(Integer)
    capacity_standing: Mapped[int | None] = mapped_column(Integer)
    surface_m2: Mapped[int | None] = mapped_column(Integer)
    room_equipment: Mapped[str] = mapped_column(String(500), default="")
    accessibility: Mapped[str] = mapped_column(String(300), default="")
    price_conditions: Mapped[str] = mapped_column(String(500), default="")
    # Know-how.
    licence: Mapped[str] = mapped_column(String(20), default="")
    contact: Mapped[str] = mapped_column(String(200), default="")

    fabrique: Mapped[Fabrique] = relationship(lazy="raise_on_sql")
    photos: Mapped[list[Photo]] = relationship(
        back_populates="resource", cascade="all, delete-orphan", lazy="raise_on_sql", order_by="Photo.position",
    )

    @property
    def description(self) -> Markup:
        return stored_html(self.description_html)

    @property
    def category_label(self) -> str:
        return gettext(ALL_CATEGORIES[self.category]) if self.category in ALL_CATEGORIES else self.category

    @property
    def condition_label(self) -> str:
        return gettext(CONDITIONS[self.condition]) if self.condition in CONDITIONS else self.condition

    @property
    def licence_label(self) -> str:
        return gettext(LICENCES[self.licence]) if self.licence in LICENCES else self.licence


class Photo(Base):
    """A re-encoded photo of a resource, stored under instance/ with a random name."""

    __tablename__ = "resource_photos"
    __table_args__ = (Index("ix_resource_photos_resource_id", "resource_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    resource_id: Mapped[int] = mapped_column(ForeignKey("resources.id", ondelete="CASCADE"))
    filename: Mapped[str] = mapped_column(String(64), unique=True)
    thumbnail: Mapped[str] = mapped_column(String(64), unique=True)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    resource: Mapped[Resource] = relationship(back_populates="photos", lazy="raise_on_sql")


class LoanState(str, enum.Enum):
    REQUESTED = "requested"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    CANCELLED = "cancelled"
    LENT = "lent"
    RETURNED = "returned"

    @property
    def label(self) -> str:
        return gettext(LOAN_STATE_LABELS[self])


LOAN_STATE_LABELS = {
    LoanState.REQUESTED: _("demandé"), LoanState.ACCEPTED: _("accepté"), LoanState.DECLINED: _("refusé"),
    LoanState.CANCELLED: _("annulé"), LoanState.LENT: _("prêté"), LoanState.RETURNED: _("rendu"),
}
# A room booked by the hour is a booking, not a loan: its states in the words of a booking.
ROOM_BOOKING_STATE_LABELS = {
    LoanState.REQUESTED: _("demandée"), LoanState.ACCEPTED: _("confirmée"), LoanState.DECLINED: _("refusée"),
    LoanState.CANCELLED: _("annulée"), LoanState.LENT: _("en cours"), LoanState.RETURNED: _("terminée"),
}


def loan_state_label(state: LoanState, room_booking: bool) -> str:
    """A loan's state in its own words: a loan of equipment's, or a room booking's."""
    return gettext(ROOM_BOOKING_STATE_LABELS[state]) if room_booking else state.label


# Loans that hold the resource for their period.
BOOKING_STATES = (LoanState.ACCEPTED, LoanState.LENT)


def loan_is_overdue(state: LoanState, end_date: date, today: date) -> bool:
    """A loan is overdue when the equipment is still out after its last day."""
    return state is LoanState.LENT and end_date < today


# The exclusion constraint's name: an IntegrityError naming it is a slot already taken (a 409).
ROOM_SLOT_TAKEN = "ex_loans_room_slot"


class Loan(Base):
    """A fabrique's request to use another fabrique's resource for a period (dates inclusive)."""

    __tablename__ = "loans"
    __table_args__ = (
        Index("ix_loans_resource_id_state", "resource_id", "state"),
        Index("ix_loans_borrower_fabrique_id", "borrower_fabrique_id"),
        Index("ix_loans_owner_fabrique_id", "owner_fabrique_id"),
        CheckConstraint("end_date >= start_date", name="period_ordered"),
        CheckConstraint("quantity >= 1", name="quantity_positive"),
        CheckConstraint("ends_at > starts_at AND blocked_until >= ends_at", name="slot_ordered"),
        Index("ix_loans_resource_id_starts_at", "resource_id", "starts_at"),
        # The room invariant on PostgreSQL: two confirmed bookings of one room never overlap, their
        # buffer included (SQLite: the write lock and forum/resources/room_bookings.py's check).
        ExcludeConstraint(
            (text("resource_id"), "="), (text("tsrange(starts_at, blocked_until)"), "&&"),
            using="gist", name=ROOM_SLOT_TAKEN,
            where=text("state IN ('accepted', 'lent') AND starts_at IS NOT NULL"),
        ).ddl_if(dialect="postgresql"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    resource_id: Mapped[int] = mapped_column(ForeignKey("resources.id", ondelete="CASCADE"))
    # Denormalised from the resource, so "my fabrique's loans" needs no join.
    owner_fabrique_id: Mapped[int] = mapped_column(ForeignKey("fabriques.id", ondelete="CASCADE"))
    borrower_fabrique_id: Mapped[int] = mapped_column(ForeignKey("fabriques.id", ondelete="CASCADE"))
    requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    state: Mapped[LoanState] = mapped_column(str_enum(LoanState), default=LoanState.REQUESTED)
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    # A room booked by the hour (UTC; start_date and end_date hold its Paris day): from starts_at to
    # ends_at, and blocked for others until blocked_until (ends_at plus the room's buffer).
    starts_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    blocked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    message: Mapped[str] = mapped_column(Text, default="")
    return_note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Reminders already e-mailed by `flask loans remind`, so each goes once.
    start_reminder_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    end_reminder_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    overdue_notice_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    resource: Mapped[Resource] = relationship(lazy="raise_on_sql")
    owner_fabrique: Mapped[Fabrique] = relationship(foreign_keys=[owner_fabrique_id], lazy="raise_on_sql")
    borrower_fabrique: Mapped[Fabrique] = relationship(foreign_keys=[borrower_fabrique_id], lazy="raise_on_sql")
    requested_by: Mapped[User | None] = relationship(lazy="raise_on_sql")

    def is_overdue(self, today: date) -> bool:
        return loan_is_overdue(self.state, self.end_date, today)

    @property
    def days(self) -> int:
        return (self.end_date - self.start_date).days + 1

    @property
    def is_room_booking(self) -> bool:
        """A room booked by the hour (rooms.py), rather than a loan by whole days."""
        return self.starts_at is not None

    def label_of(self, state: LoanState) -> str:
        """``state`` in this loan's words: a loan's, or a room booking's."""
        return loan_state_label(state, self.is_room_booking)

    @property
    def state_label(self) -> str:
        return self.label_of(self.state)

    @property
    def slot_label(self) -> str:
        """A room booked by the hour: "mardi 12 mai, 14 h – 17 h" (Paris); "" for a loan by days."""
        from forum.resources.slots import slot_label  # pure, and no import of models: no cycle

        return slot_label(self.starts_at, self.ends_at) if self.starts_at is not None else ""


class LoanEvent(Base):
    """One line of a loan's history: who moved it to which state, when.

    The state machine is acyclic, so a loan leaves each state at most once: (loan, from_state)
    is unique, the database's backstop against two concurrent moves out of the same state.
    """

    __tablename__ = "loan_events"
    __affects_pages__ = False  # private history; the state itself is on the loan
    __table_args__ = (
        Index("ix_loan_events_loan_id", "loan_id"),
        UniqueConstraint("loan_id", "from_state", name="uq_loan_events_loan_id_from_state"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    loan_id: Mapped[int] = mapped_column(ForeignKey("loans.id", ondelete="CASCADE"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    from_state: Mapped[LoanState | None] = mapped_column(str_enum(LoanState))
    to_state: Mapped[LoanState] = mapped_column(str_enum(LoanState))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    actor: Mapped[User | None] = relationship(lazy="raise_on_sql")

    @property
    def shown_note(self) -> str:
        """The note as read: the rules' own note in the reader's language, a person's as they wrote it."""
        return shown_note(self.note)


# The note a room's rules write when they confirm a booking at once (stored in French, as written).
CONFIRMED_BY_RULES_NOTE = _("Confirmée automatiquement selon les règles de la salle.")


def shown_note(note: str) -> str:
    return gettext(note) if note == CONFIRMED_BY_RULES_NOTE else note


class LoanMessage(MarkdownBody, Base):
    """The conversation between the two fabriques about a loan (Markdown, rendered once)."""

    __tablename__ = "loan_messages"
    __affects_pages__ = False  # private conversation between two fabriques
    __table_args__ = (Index("ix_loan_messages_loan_id", "loan_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    loan_id: Mapped[int] = mapped_column(ForeignKey("loans.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    author: Mapped[User | None] = relationship(lazy="raise_on_sql")



# The exclusion constraint compares resource ids with "=" in a GiST index: btree_gist provides it.
event.listen(Loan.__table__, "before_create",
             DDL("CREATE EXTENSION IF NOT EXISTS btree_gist").execute_if(dialect="postgresql"))


class RoomRules(Base):
    """How a room (a SPACE resource) is booked: set by its fabrique's managers, one row per room.

    ``opening_hours``: {"0": [["09:00", "18:00"]], …} by weekday (0 is Monday), intervals sorted
    and disjoint, a missing or empty day is closed; ``closed_dates``: ISO days ("2026-12-25")."""

    __tablename__ = "room_rules"
    __table_args__ = (
        CheckConstraint("min_minutes >= 1 AND max_minutes >= min_minutes", name="lengths_ordered"),
        CheckConstraint("min_notice_hours >= 0 AND max_notice_days >= 1 AND buffer_minutes >= 0",
                        name="notices_positive"),
    )

    resource_id: Mapped[int] = mapped_column(ForeignKey("resources.id", ondelete="CASCADE"), primary_key=True)
    opening_hours: Mapped[dict] = mapped_column(JSON, default=dict)
    closed_dates: Mapped[list] = mapped_column(JSON, default=list)
    min_notice_hours: Mapped[int] = mapped_column(Integer, default=1)
    max_notice_days: Mapped[int] = mapped_column(Integer, default=90)
    min_minutes: Mapped[int] = mapped_column(Integer, default=30)
    max_minutes: Mapped[int] = mapped_column(Integer, default=480)
    buffer_minutes: Mapped[int] = mapped_column(Integer, default=0)
    needs_approval: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
