"""What the worker's schedules remember: the last period each job ran for."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from forum.core.models import Base, UTCDateTime


class ScheduledRun(Base):
    """One row per schedule; its lock makes one worker run a period's job, and only once."""

    __tablename__ = "scheduled_runs"
    __affects_pages__ = False

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    # The start of the last period the job ran for (UTC); the job is due when a later one began.
    period_start: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ran_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    summary: Mapped[str] = mapped_column(String(300), default="")
