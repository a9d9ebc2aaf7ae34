"""Page numbers from the query string, and one page of a ``select()``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Generic, Sequence, TypeVar

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import Integer, Select, bindparam, func, select
from sqlalchemy.orm import Session

from forum.core.errors import Invalid, NotFound

T = TypeVar("T")
MAX_PAGE = 100_000
_PAGE_NUMBER = re.compile(r"[0-9]{1,6}")
PAST_THE_END = _l("Cette page n'existe pas : la liste est plus courte.")


def parse_page(raw: str | None) -> int:
    """A page number from user input: 1 when absent; Invalid when not a sane positive integer."""
    if raw is None or raw == "":
        return 1
    if not _PAGE_NUMBER.fullmatch(raw) or not 1 <= int(raw) <= MAX_PAGE:
        raise Invalid(_("Le numéro de page doit être un nombre entier positif."))
    return int(raw)


@dataclass
class Page(Generic[T]):
    items: Sequence[T]
    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    def window(self, around: int = 2) -> list[int | None]:
        """Page numbers to show, with None where a gap stands: 1 … 4 5 [6] 7 8 … 20."""
        shown = {1, self.pages, *range(self.page - around, self.page + around + 1)}
        numbers = sorted(n for n in shown if 1 <= n <= self.pages)
        result: list[int | None] = []
        for number in numbers:
            if result and number - (result[-1] or 0) > 1:
                result.append(None)
            result.append(number)
        return result


def paginate(session: Session, statement: Select[Any], page: int, per_page: int,
             *, scalars: bool = True, total: int | None = None, params: dict[str, Any] | None = None) -> Page[Any]:
    """Run ``statement`` for one page (two queries: count, rows). A page past the end is NotFound.

    With ``params``, ``statement`` is one built once with bound parameters (``params`` gives their
    values): its count and page statements are built once too.
    """
    if params is None:
        count_statement = select(func.count()).select_from(statement.order_by(None).subquery())
        page_statement, params = statement.limit(per_page).offset((page - 1) * per_page), {}
    else:
        count_statement, page_statement = _derived(statement)
        params = {**params, "page_limit": per_page, "page_offset": (page - 1) * per_page}
    if total is None:
        total = session.execute(count_statement, params).scalar_one()
    result = session.execute(page_statement, params)
    items = result.scalars().all() if scalars else result.all()
    paged = Page(items=items, page=page, per_page=per_page, total=total)
    if page > paged.pages:
        raise NotFound(PAST_THE_END)
    return paged


def counted_page_statement(statement: Select[Any]) -> Select[Any]:
    """``statement`` limited to one page (parameters from ``page_parameters``), each row followed by
    the length of the whole list (a window count): a page and its total in one query."""
    return (statement.add_columns(func.count().over())
            .limit(bindparam("page_limit", type_=Integer)).offset(bindparam("page_offset", type_=Integer)))


def page_parameters(page: int, per_page: int) -> dict[str, int]:
    return {"page_limit": per_page, "page_offset": (page - 1) * per_page}


def page_of_counted_rows(rows: Sequence[tuple], page: int, per_page: int) -> Page[tuple]:
    """The page of rows read by a ``counted_page_statement`` (each row without its count); a page
    past the end is NotFound."""
    if not rows and page > 1:
        raise NotFound(PAST_THE_END)
    return Page(items=[row[:-1] for row in rows], page=page, per_page=per_page, total=rows[0][-1] if rows else 0)


# The count and page statements of statements built once, by the id of the latter (kept here too).
_DERIVED: dict[int, tuple[Select[Any], Select[Any], Select[Any]]] = {}


def _derived(statement: Select[Any]) -> tuple[Select[Any], Select[Any]]:
    derived = _DERIVED.get(id(statement))
    if derived is None or derived[0] is not statement:  # (an id is reused only once its object is gone)
        derived = _DERIVED[id(statement)] = (
            statement, select(func.count()).select_from(statement.order_by(None).subquery()),
            statement.limit(bindparam("page_limit", type_=Integer)).offset(bindparam("page_offset", type_=Integer)))
    return derived[1], derived[2]
