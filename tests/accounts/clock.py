"""Signed tokens made in the past, without waiting: itsdangerous reads its clock through the signer."""

from __future__ import annotations

import time
from contextlib import contextmanager

from itsdangerous import TimestampSigner


@contextmanager
def signed_ago(monkeypatch, seconds: float):
    """Within the block, tokens are signed as if ``seconds`` ago (to test their maximum age)."""
    past = int(time.time() - seconds)
    with monkeypatch.context() as patch:
        patch.setattr(TimestampSigner, "get_timestamp", lambda self: past)
        yield
