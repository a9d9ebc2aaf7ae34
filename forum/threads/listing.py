"""Rows of thread lists (home, categories, tags, all threads, unanswered questions) as fragments.

A row reads the same for every reader who has the same number of unread posts in the thread:
its HTML is kept per content version (forum.core.fragments) under (thread, unread posts, category
shown) and the threads are loaded only for the rows missing (all of them at once).
"""

from __future__ import annotations

from markupsafe import Markup

from forum.accounts.models import User
from forum.core.fragments import fragment
from forum.threads import queries, watching
from forum.threads.models import Thread


def thread_rows(reader: User | None, thread_ids: list[int], *, show_category: bool) -> list[Markup]:
    """The ``<li>`` of each thread of ``thread_ids``, in that order, for ``reader`` (or a visitor).

    The view must be marked ``@uses_fragments`` (its ids are read at the page's content version).
    """
    unread = watching.unread_counts(reader, thread_ids)
    loaded: dict[int, Thread] = {}

    def thread(thread_id: int) -> Thread:
        if not loaded:
            loaded.update(queries.listed_threads(thread_ids))
        return loaded[thread_id]

    def row(thread_id: int) -> Markup:
        new_posts = unread.get(thread_id, 0)
        return fragment("threads/_thread_row.html", (thread_id, new_posts, show_category), lambda: {
            "thread": thread(thread_id), "new_posts": new_posts, "show_category": show_category})

    return [row(thread_id) for thread_id in thread_ids]
