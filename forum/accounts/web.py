"""Web helpers of accounts that other packages' views share."""

from __future__ import annotations

from flask import request, session
from flask_login import login_user

from forum.accounts import services
from forum.accounts.models import User


def open_login_session(user: User) -> None:
    """Log ``user`` in this browser with a fresh server-side session (and a fresh CSRF token)."""
    services.start_login_session(user, request.headers.get("User-Agent", ""))
    session.clear()  # a fresh session (and CSRF token) for the new identity
    session.permanent = True
    login_user(user)
