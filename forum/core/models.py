"""The declarative base shared by every domain, with a naming convention for constraints."""

from __future__ import annotations

import enum
from datetime import datetime, timezone
from decimal import Decimal

from markupsafe import Markup
from sqlalchemy import DateTime, Enum, Integer, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from forum.core.languages import CODE_LENGTH
from forum.core.markdown import stored_html

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class UTCDateTime(TypeDecorator):
    """Stores naive UTC, returns aware UTC: the same on SQLite and PostgreSQL."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTCDateTime column")
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc)


class Cents(TypeDecorator):
    """An amount of euros (a Decimal with two places) stored as whole cents in an integer column:
    exact on both databases (SQLite has no decimal type), « 150,50 € » is 15050."""

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        cents = Decimal(value) * 100
        if cents != cents.to_integral_value():
            raise ValueError(f"more than two decimal places given to a Cents column: {value!r}")
        return int(cents)

    def process_result_value(self, value, dialect):
        return None if value is None else (Decimal(value) / 100).quantize(Decimal("0.01"))


def str_enum(enum_class: type[enum.Enum], length: int = 20) -> Enum:
    """A column type storing a str Enum by value ("rural"), as a VARCHAR on every database."""
    return Enum(enum_class, native_enum=False, length=length,
                values_callable=lambda members: [member.value for member in members])


class MarkdownBody:
    """A Markdown text stored with its sanitised HTML (rendered once, when written)."""

    body_source: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)

    @property
    def body(self) -> Markup:
        """The stored, sanitised HTML, ready for a template."""
        return stored_html(self.body_html)


class WrittenIn:
    """What a member wrote, with the language they said it is in (forum.core.languages): a code of
    data/languages.toml, or None when not said (the page's language applies). Never translated."""

    language: Mapped[str | None] = mapped_column(String(CODE_LENGTH), nullable=True)


class HiddenKind(str, enum.Enum):
    """Why content is hidden, as state: what the code compares (the sentence in ``hidden_reason``
    is only shown to people). Stored by value, a short string."""

    AWAITING_APPROVAL = "awaiting_approval"  # a new member's post with links, until a moderator decides
    REJECTED = "rejected"  # a held post or thread a moderator refused to publish
    FLAGS = "flags"  # hidden by the site after several members' flags, until a moderator reviews it
    MODERATOR = "moderator"  # hidden by a moderator, with their reason
    MERGED = "merged"  # a thread merged into another (its posts moved there)


class Hideable:
    """Content a moderator can hide: gone from public pages, lists and search until restored.

    The columns live on each domain's table; forum.moderation sets them, through ``mark_hidden`` and
    ``mark_visible`` (the three columns change together). Its author still sees it, with the reason;
    moderators see everything.

    ``hidden_kind`` is NULL exactly when ``hidden_at`` is: a "not hidden" value would say again what
    ``hidden_at IS NULL`` says, and could disagree with it.
    """

    hidden_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    hidden_kind: Mapped[HiddenKind | None] = mapped_column(str_enum(HiddenKind))
    hidden_reason: Mapped[str] = mapped_column(String(500), default="", server_default="")

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    def mark_hidden(self, kind: HiddenKind, reason: str, at: datetime) -> None:
        """Hidden for ``kind``, with ``reason`` shown to its authors; hidden already, it keeps the
        moment it was first hidden (the queues and "hidden since" read it)."""
        if self.hidden_at is None:
            self.hidden_at = at
        self.hidden_kind = kind
        self.hidden_reason = reason[:500]

    def mark_visible(self) -> None:
        self.hidden_at = None
        self.hidden_kind = None
        self.hidden_reason = ""


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
