"""Read side for members."""

from __future__ import annotations

from sqlalchemy import or_, select

from forum.accounts.models import Role, User
from forum.core.pagination import Page, paginate
from forum.core.text import like_escape
from forum.extensions import db

ADMIN_PAGE_SIZE = 50


def members_for_admin(page: int, role: Role | None = None, query: str = "") -> Page[User]:
    statement = select(User).order_by(User.display_name, User.id)
    if role is not None:
        statement = statement.where(User.role == role)
    query = query.strip()[:100]
    if query:
        pattern = f"%{like_escape(query.lower())}%"
        statement = statement.where(or_(User.email.ilike(pattern, escape="\\"),
                                        User.display_name.ilike(pattern, escape="\\")))
    return paginate(db.session, statement, page, ADMIN_PAGE_SIZE)


def moderators() -> list[User]:
    """The members who may moderate (moderators and admins), accounts deleted or not, by name."""
    return list(db.session.execute(
        select(User).where(User.role.in_([Role.MODERATOR, Role.ADMIN])).order_by(User.display_name)).scalars())
