"""Who may act for a fabrique."""

from __future__ import annotations

from sqlalchemy import inspect, select
from sqlalchemy.orm import joinedload
from sqlalchemy.orm.attributes import set_committed_value

from forum.accounts.models import User
from forum.extensions import db
from forum.fabriques.models import Fabrique, Membership


def membership_of(user: User | None) -> Membership | None:
    """The user's membership (pending or active) with its fabrique, loading it if needed."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    if "membership" not in inspect(user).unloaded:
        return user.membership
    membership = db.session.execute(
        select(Membership).where(Membership.user_id == user.id).options(joinedload(Membership.fabrique))
    ).scalar_one_or_none()
    # Remember it on the object so later checks in the same request cost nothing.
    set_committed_value(user, "membership", membership)
    return membership


def active_fabrique_of(user: User | None) -> Fabrique | None:
    """The fabrique the user may act for (accepted membership), else None."""
    membership = membership_of(user)
    return membership.fabrique if membership is not None and membership.is_active else None


def can_manage(user: User | None, fabrique: Fabrique) -> bool:
    """Admins, and the active managers of this fabrique."""
    return manages(user, fabrique.id)


def manages(user: User | None, fabrique_id: int) -> bool:
    """``can_manage`` by the fabrique's id, for a caller that has not loaded it."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    if user.is_admin:
        return True
    membership = membership_of(user)
    return membership is not None and membership.is_manager and membership.fabrique_id == fabrique_id
