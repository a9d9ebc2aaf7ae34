"""Rows of thread lists (home, categories, tags, all threads, unanswered questions) as fragments.

A row reads the same for every reader who has the same number of unread posts in the thread:
its HTML is kept per content version (forum.core.fragments) under (thread, unread posts, category
shown) and the threads are loaded only for the rows missing (all of them at once).
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from forum.core.fragments import fragments_of
from forum.threads import queries


def thread_rows(thread_ids: Sequence[int], *, show_category: bool, unread: dict[int, int]) -> list[Markup]:
    """The ``<li>`` of each thread of ``thread_ids``, in that order; ``unread``: {thread id: posts the
    reader has not read}, as the list's query counted them (``queries.ThreadList``).

    The view must be marked ``@uses_fragments`` (its ids are read at the page's content version).
    """
    return fragments_of(
        "threads/_thread_row.html", thread_ids, queries.listed_threads,
        lambda thread: {"thread": thread, "new_posts": unread.get(thread.id, 0), "show_category": show_category},
        key=lambda thread_id: (thread_id, unread.get(thread_id, 0), show_category))
