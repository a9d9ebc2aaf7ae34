"""Members and their login sessions."""

from __future__ import annotations

import enum
import hashlib
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from forum.accounts.names import name_key
from forum.core.models import Base, UTCDateTime, str_enum, utcnow


class Role(str, enum.Enum):
    MEMBER = "member"
    MODERATOR = "moderator"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS = {Role.MEMBER: "membre", Role.MODERATOR: "modérateur·rice", Role.ADMIN: "administrateur·rice"}


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    display_name: Mapped[str] = mapped_column(String(80))
    # The digest of the name's look-alike form (forum.accounts.names), kept by the validators
    # below: unique, so that two members never carry names that pass for each other, even when
    # they register at the same moment. None for a deleted member, whose name blocks nobody.
    name_key: Mapped[str | None] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[Role] = mapped_column(str_enum(Role, length=16), default=Role.MEMBER)
    bio: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Set when the member opened the link sent to ``email`` (forum.accounts.recovery); until then
    # they read but do not post, request loans or flag. A new address is confirmed before it is set.
    email_confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Set by moderators (forum.moderation): a suspended member reads but cannot write, until
    # ``suspended_until`` (None: for good) or until a moderator lifts it.
    suspended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    suspended_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    suspension_reason: Mapped[str] = mapped_column(String(500), default="", server_default="")
    # Set when the member deleted their account (forum.members): e-mail, name, bio and password
    # are erased then; the row stays so that their posts remain, signed "Membre supprimé".
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The interface language the member chose (forum.core.i18n.LANGUAGES): their pages and e-mails
    # are written in it. None: pages follow their browser, e-mails are in French.
    language: Mapped[str | None] = mapped_column(String(8))

    # Membership lives in forum.fabriques (above accounts); named by string, not imported.
    membership: Mapped["Membership | None"] = relationship(  # noqa: F821
        "Membership", back_populates="user", uselist=False, lazy="raise_on_sql",
        foreign_keys="Membership.user_id",
    )

    @validates("display_name")
    def _key_the_name(self, _field: str, value: str) -> str:
        self.name_key = None if self.deleted_at is not None else name_key(value)
        return value

    @validates("deleted_at")
    def _free_the_name(self, _field: str, value: datetime | None) -> datetime | None:
        self.name_key = None if value is not None else name_key(self.display_name or "")
        return value

    # Set on the object loaded for a request: the login session it came from.
    current_session_key = None  # type: str | None (not a column)

    # Flask-Login protocol, without importing Flask.
    is_authenticated = True
    is_active = True
    is_anonymous = False

    def get_id(self) -> str | None:
        return self.current_session_key

    @property
    def email_language(self) -> str:
        """The language of the e-mails and notifications written for this member: theirs, else French."""
        return self.language or "fr"

    @property
    def is_moderator(self) -> bool:
        return self.role in (Role.MODERATOR, Role.ADMIN)

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN

    @property
    def is_suspended(self) -> bool:
        return self.suspended_at is not None and (self.suspended_until is None or self.suspended_until > utcnow())

    @property
    def is_email_confirmed(self) -> bool:
        return self.email_confirmed_at is not None

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    def __repr__(self) -> str:
        return f"<User {self.id} {self.email}>"


class LoginSession(Base):
    """One logged-in browser. The cookie holds the key; the table holds its SHA-256."""

    __tablename__ = "login_sessions"
    __affects_pages__ = False  # no public page shows who is logged in
    __table_args__ = (Index("ix_login_sessions_user_id", "user_id"),)

    key_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    user_agent: Mapped[str] = mapped_column(String(200), default="")

    user: Mapped[User] = relationship(lazy="joined", innerjoin=True)

    @staticmethod
    def hash_of(key: str) -> str:
        """What the table keeps of a cookie's key."""
        return hashlib.sha256(key.encode()).hexdigest()


class SuspendedAddress(Base):
    """The e-mail address of an account deleted while suspended, as a keyed digest (never the
    address itself), so that the member cannot register again before the suspension's end."""

    __tablename__ = "suspended_addresses"
    __affects_pages__ = False  # no page shows it

    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    until: Mapped[datetime | None] = mapped_column(UTCDateTime)  # None: a suspension without end
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class FormSubmission(Base):
    """A creating form's submission token, once used (``forum.accounts.submissions``): unique, so a
    form sent twice creates once; ``created_id`` is what its first submission created."""

    __tablename__ = "form_submissions"
    __affects_pages__ = False  # bookkeeping; the content it points to has its own rows
    __table_args__ = (Index("ix_form_submissions_user_id_created_at", "user_id", "created_at"),)

    nonce: Mapped[str] = mapped_column(String(32), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    # The form it was issued for, with its target: "reply:12", "thread", "loan:7"...
    scope: Mapped[str] = mapped_column(String(60))
    created_id: Mapped[int | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
