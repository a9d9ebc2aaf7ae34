"""What one member has done on a thread page (thanks, bookmarks, watch level, read position), in one query."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from sqlalchemy import Integer, String, bindparam, cast, literal, select, union_all

from forum.accounts.models import User
from forum.core.direct_reads import DirectRead
from forum.extensions import db
from forum.threads.models import Bookmark, Post, PostLike, Thread, ThreadRead, Watch, WatchLevel

if TYPE_CHECKING:  # the head of a thread page, which the rules take as a thread
    from forum.threads.queries import ThreadHead


@dataclass(frozen=True)
class ThreadPageState:
    """A member's marks on one page of a thread; the empty state for a visitor."""

    liked: frozenset[int] = frozenset()
    bookmarked_posts: frozenset[int] = frozenset()
    thread_bookmarked: bool = False
    watch_level: WatchLevel = WatchLevel.NORMAL
    read_position: int = 0


def for_thread_page(actor: User | None, thread: Thread | ThreadHead, positions: range) -> ThreadPageState:
    """``actor``'s thanks and bookmarks among the posts of ``thread`` at ``positions`` (a page), their
    bookmark of ``thread``, the watch level that applies (the thread's own, else its category's,
    else normal) and how far they read it."""
    if actor is None or not actor.is_authenticated:
        return ThreadPageState()
    params = {"actor_id": actor.id, "thread_id": thread.id, "first": positions.start, "after": positions.stop,
              "category_id": thread.category_id}
    liked, bookmarked, levels = set(), set(), {}
    thread_bookmarked, read = False, 0
    for kind, number, text in _statement().all_in(db.session, **params):
        if kind == "liked":
            liked.add(number)
        elif kind == "post-bookmark":
            bookmarked.add(number)
        elif kind == "thread-bookmark":
            thread_bookmarked = True
        elif kind == "read":
            read = number or 0
        else:
            levels[kind] = WatchLevel(text)
    level = levels.get("thread-watch") or levels.get("category-watch") or WatchLevel.NORMAL
    return ThreadPageState(frozenset(liked), frozenset(bookmarked), thread_bookmarked, level, read)


@cache
def _statement() -> DirectRead:
    # Built once: every thread page a member reads runs it, as a direct read (plain values). The
    # page's posts are named by their places, not their ids: a list of ids would not compile once.
    actor, thread_id = bindparam("actor_id"), bindparam("thread_id")
    on_page = select(Post.id).where(Post.thread_id == thread_id, Post.position >= bindparam("first"),
                                    Post.position < bindparam("after"))

    def rows(kind: str, number, text=None):
        return select(literal(kind).label("kind"), cast(number, Integer).label("number"),
                      cast(text if text is not None else literal(""), String).label("text"))

    return DirectRead(union_all(
        rows("liked", PostLike.post_id).where(PostLike.user_id == actor, PostLike.post_id.in_(on_page)),
        rows("post-bookmark", Bookmark.post_id).where(Bookmark.user_id == actor, Bookmark.post_id.in_(on_page)),
        rows("thread-bookmark", Bookmark.thread_id).where(Bookmark.user_id == actor, Bookmark.thread_id == thread_id),
        rows("thread-watch", Watch.thread_id, Watch.level).where(Watch.user_id == actor, Watch.thread_id == thread_id),
        rows("category-watch", Watch.category_id, Watch.level).where(
            Watch.user_id == actor, Watch.category_id == bindparam("category_id")),
        rows("read", ThreadRead.last_position).where(ThreadRead.user_id == actor, ThreadRead.thread_id == thread_id),
    ))
