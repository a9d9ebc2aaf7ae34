"""The search's data files (vocabulary.toml, word_families.toml): parsed once, and again when one
changes, so an edit shows without a restart or a rebuild."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")


class ReloadingFile(Generic[T]):
    """What ``parse(text, file name)`` makes of a file, by path, parsed again when the file's
    modification time or size changes. A file that fails to parse raises, every time it is asked."""

    def __init__(self, parse: Callable[[str, str], T]) -> None:
        self.parse = parse
        self.lock = threading.Lock()
        self.entries: dict[str, tuple[tuple[int, int], T]] = {}

    def get(self, path: Path) -> T:
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
        key = str(path)
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None and entry[0] == stamp:
                return entry[1]
        parsed = self.parse(path.read_text("utf-8"), path.name)  # outside the lock
        with self.lock:
            self.entries[key] = (stamp, parsed)
        return parsed
