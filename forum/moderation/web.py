"""What moderation adds to every request, wired by forum.create_app: the refusal of suspended
members' writes, and the template helpers of the nav."""

from __future__ import annotations

from flask import current_app, request
from flask_login import current_user

from forum.core.errors import Forbidden
from forum.core.security import SAFE_METHODS
from forum.moderation import queries, suspensions

# What a suspended member may still post: nothing anyone else reads. Leave (log out, delete
# the account), keep the account safe (password), manage what reaches them (notifications
# read, e-mail choices, watch levels) and their private bookmarks.
ALLOWED_WHILE_SUSPENDED = frozenset({
    "accounts.logout", "accounts.login", "accounts.change_password", "recovery.reset_password",
    "members.delete_account",
    "notifications.open_notification", "notifications.mark_all_read", "notifications.preferences",
    "notifications.unsubscribe", "threads.watch_thread", "threads.watch_category",
    "community.bookmark_thread", "community.unbookmark_thread", "community.bookmark_post",
    "community.unbookmark_post",
})


def refuse_writes_of_suspended_members():
    """A suspended member reads everything but writes nothing: every POST (reply, new thread,
    flag, loan request, comment, vote, "Merci"…) answers 403 with the end of the suspension.

    Checked here, once for the whole site, rather than in each service: the writes are spread
    over every domain (threads, resources, practices, fabriques, accounts…), which sit below
    moderation and may not import it; one hook cannot be forgotten by the next feature, and it
    refuses before any form is read or anything is written. It runs after the CSRF check (the
    extension's hook comes first), so a forged request still gets its 400. Endpoints that only
    end a session or mark notifications read stay open (ALLOWED_WHILE_SUSPENDED, or a view
    with ``allowed_while_suspended = True``).
    """
    if request.method in SAFE_METHODS or not current_user.is_authenticated or not current_user.is_suspended:
        return None
    view = current_app.view_functions.get(request.endpoint or "")
    if request.endpoint in ALLOWED_WHILE_SUSPENDED or getattr(view, "allowed_while_suspended", False):
        return None
    raise Forbidden(suspensions.refusal_for(current_user))


def template_helpers() -> dict:
    """What every page may show: the review queue's length (counted only when the nav asks, and
    only for moderators: one small query) and a suspension's sentence."""
    return {"moderation_waiting_count": lambda: queries.waiting_count()
            if current_user.is_authenticated and current_user.is_moderator else 0,
            "suspension_text": suspensions.suspension_text}
