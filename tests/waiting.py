"""Waiting for what another process or thread does soon after (an e-mail leaves, a change is
indexed): the one place the suite reads the clock outside the ``timing`` tests.

A wait's timeout is a generous bound for a busy machine, never an assertion on a duration:
``bench/`` measures how soon things happen.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def wait_for(condition: Callable[[], T], timeout: float, *, interval: float = 0.05) -> T | None:
    """The first true value of ``condition()``, polled every ``interval`` seconds; None once
    ``timeout`` seconds have passed without one."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            return None
        time.sleep(interval)
