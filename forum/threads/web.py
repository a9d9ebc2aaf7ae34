"""Web helpers of the forum that other packages' views share: a post's address, a reply's preview."""

from __future__ import annotations

from flask import current_app, url_for

from forum.core.markdown import render_markdown
from forum.threads import queries, services
from forum.threads.models import Post, Thread


def post_url(post: Post, thread: Thread) -> str:
    """The address of ``post`` on its page of ``thread``, anchored on the message."""
    page = queries.page_of_post(post, current_app.config["POSTS_PER_PAGE"])
    return url_for("threads.show", thread_id=thread.id, slug=thread.slug, page=page if page > 1 else None,
                   _anchor=f"message-{post.id}")


def preview_of(text: str | None) -> str:
    """The sanitised HTML a message would have once saved, or "" for an empty text."""
    return render_markdown(services.clean_body(text or "")) if text and text.strip() else ""
