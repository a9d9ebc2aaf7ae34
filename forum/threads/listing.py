"""Rows of thread lists (home, categories, tags, all threads, unanswered questions) as fragments.

A row reads the same for every reader who has the same number of unread posts in the thread:
its HTML is kept per content version (forum.core.fragments) under (thread, unread posts, category
shown) and the threads are loaded only for the rows missing (all of them at once).
"""

from __future__ import annotations

from markupsafe import Markup

from forum.accounts.models import User
from forum.core.fragments import fragments_of
from forum.threads import queries, watching


def thread_rows(reader: User | None, thread_ids: list[int], *, show_category: bool,
                unread: dict[int, int] | None = None) -> list[Markup]:
    """The ``<li>`` of each thread of ``thread_ids``, in that order, for ``reader`` (or a visitor);
    ``unread``: {thread id: posts they have not read}, when the list's query counted them.

    The view must be marked ``@uses_fragments`` (its ids are read at the page's content version).
    """
    if unread is None:
        unread = watching.unread_counts(reader, thread_ids)
    return fragments_of(
        "threads/_thread_row.html", thread_ids, queries.listed_threads,
        lambda thread: {"thread": thread, "new_posts": unread.get(thread.id, 0), "show_category": show_category},
        key=lambda thread_id: (thread_id, unread.get(thread_id, 0), show_category))
