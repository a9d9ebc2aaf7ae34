"""The search change log: one row per document key that a committed transaction may have changed."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from forum.core.models import Base, UTCDateTime, utcnow


class SearchChange(Base):
    """Written in the same transaction as the change itself, so a rollback leaves no trace."""

    __tablename__ = "search_changes"
    __table_args__ = (Index("ix_search_changes_created_at", "created_at"),)
    __affects_pages__ = False

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
