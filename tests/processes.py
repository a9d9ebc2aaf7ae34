"""Processes for the tests that need several real ones (races, workers, concurrent indexing).

They start from a fork server that has imported the forum and the test helpers once and
built an app (the first ``create_app`` of a process compiles its routes and imports every
blueprint): a new process is ready in a few milliseconds instead of the 1.5 s a "spawn"
start costs to import it all again. Like "spawn", and unlike a plain fork of the test
process, a child inherits no thread, lock or database connection of the test.
"""

from __future__ import annotations

import multiprocessing
from multiprocessing.context import BaseContext

PRELOAD = ["tests.process_preload"]


def process_context() -> BaseContext:
    """The multiprocessing context for the tests' processes (a fork server, preloaded)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context
