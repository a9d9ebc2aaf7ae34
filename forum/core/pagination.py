"""Page numbers from the query string, and one page of a ``select()``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Generic, Sequence, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from forum.core.errors import Invalid, NotFound

T = TypeVar("T")
MAX_PAGE = 100_000
_PAGE_NUMBER = re.compile(r"[0-9]{1,6}")


def parse_page(raw: str | None) -> int:
    """A page number from user input: 1 when absent; Invalid when not a sane positive integer."""
    if raw is None or raw == "":
        return 1
    if not _PAGE_NUMBER.fullmatch(raw) or not 1 <= int(raw) <= MAX_PAGE:
        raise Invalid("Le numéro de page doit être un nombre entier positif.")
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
             *, scalars: bool = True, total: int | None = None) -> Page[Any]:
    """Run ``statement`` for one page (two queries: count, rows). A page past the end is NotFound."""
    if total is None:
        count_statement = select(func.count()).select_from(statement.order_by(None).subquery())
        total = session.execute(count_statement).scalar_one()
    result = session.execute(statement.limit(per_page).offset((page - 1) * per_page))
    items = result.scalars().all() if scalars else result.all()
    paged = Page(items=items, page=page, per_page=per_page, total=total)
    if page > paged.pages:
        raise NotFound("Cette page n'existe pas : la liste est plus courte.")
    return paged
