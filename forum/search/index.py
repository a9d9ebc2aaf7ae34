"""The Whoosh index on disk: open or create it, and the state it remembers.

The index stores, as a special document, the id of the last change-log row it
applied, so each host's index knows where it stands against the shared log.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections import OrderedDict
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.index import LockError
from whoosh.query import Term
from whoosh.writing import MERGE_SMALL

from forum.search import whoosh_internals as internals
from forum.search.schema import build_schema

STATE_KEY = "__state__"
# A rebuild's writer: up to two processes, each keeping its postings in memory (measured on
# 20,000 documents, 256 MB made Whoosh spill and re-read sorted runs: indexing took twice as
# long), each writing its own segment (no final merge of everything).
REBUILD_PROCESSES = max(1, min(2, os.cpu_count() or 1))
REBUILD_MEMORY_MB = 2048


def open_writer(ix, **options):
    """A writer of the index, as every writer of the site opens it.

    Segments stay compound files (Whoosh's default). Measured on 100,000 documents: a reader
    opening a compound file through a memory map copies each part into memory (a BytesIO of
    the map's slice), 200 MB per worker process; separate files would be read through the
    page cache shared by the workers, but their file handles then need every reader closed
    deterministically (not yet the case: readers dropped by reopening leave files to the
    garbage collector). One place to change it.
    """
    return ix.writer(**options)


def rebuild_writer(ix, processes: int = REBUILD_PROCESSES):
    """The writer for building a whole index at once (not for the drain's small updates)."""
    if processes > 1:
        return open_writer(ix, procs=processes, multisegment=True, limitmb=REBUILD_MEMORY_MB)
    return open_writer(ix, limitmb=REBUILD_MEMORY_MB)


def open_or_create(directory: str | Path, attempts: int = 10):
    """The index in ``directory``, created empty if there is none yet."""
    path = Path(directory)
    path.mkdir(parents=True, exist_ok=True)
    for attempt in range(attempts):
        try:
            if whoosh_index.exists_in(str(path)):
                return whoosh_index.open_dir(str(path))
            return whoosh_index.create_in(str(path), build_schema())
        except FileNotFoundError:
            # A writer's commit deleted the table of contents being opened (see _latest_toc): the
            # next attempt reads the new one.
            if attempt == attempts - 1:
                raise
            time.sleep(0.05)


def _shape(schema) -> dict[str, tuple]:
    # field_boost: it multiplied the title's term frequencies in the index (no longer: schema.SCORE_BOOSTS)
    return {name: (type(field).__name__, type(field.format).__name__ if field.format else None,
                   field.stored, field.column_type is not None, getattr(field.format, "field_boost", 1.0),
                   _analysis(getattr(field, "analyzer", None)))
            for name, field in schema.items()}


def _analysis(analyzer) -> tuple[str, ...]:
    """What a text field's analyzer does, by its parts: a field indexed another way (the English
    fields' Porter2 stems, a new filter of the French analyzer) makes the index outdated too."""
    if analyzer is None:
        return ()
    parts = getattr(analyzer, "items", None) or [analyzer]
    return tuple(f"{type(part).__name__}:{getattr(getattr(part, 'stemfn', None), '__name__', '')}" for part in parts)


def is_current(ix) -> bool:
    """Whether ``ix`` was built with today's schema (fields, their formats: positions or not...).

    An index built by an older version answers queries wrongly or not at all (e.g. phrases
    need the positions of the unstemmed fields): it must be rebuilt.
    """
    return _shape(ix.schema) == _shape(build_schema())


def open_searcher(ix, previous=None):
    """A searcher on the latest version of ``ix``, reusing what ``previous`` read that is still valid.

    Whoosh's ``searcher.refresh()`` is wrong twice: it reuses a segment's reader when the
    segment id is the same even if documents were deleted from it since (so the old version of
    an updated document still matches), and it keeps the segments a merge removed. Opening
    everything again is right but slow (120-140 ms for two segments of 50,000 documents).
    Here a segment's reader is reused only if the segment is still in the index with the same
    deletions; the others are opened, and the readers no longer needed are closed.
    ``previous`` must not be used afterwards.
    """
    toc = _latest_toc(ix)
    old = {}
    if previous is not None:
        old = {reader.segment().segment_id(): reader for reader, _ in previous.reader().leaf_readers()
               if reader.segment() is not None}
    readers = []
    for segment in toc.segments:
        reader = old.pop(segment.segment_id(), None)
        if reader is not None and reader.segment().deleted_count() != segment.deleted_count():
            reader.close()
            reader = None
        readers.append(reader if reader is not None else internals.segment_reader(ix, toc, segment))
    for reader in old.values():
        reader.close()
    return internals.searcher_over(ix, toc, readers)


class _WriterViews:
    """Per index directory, the searcher a writer uses to find the documents it replaces.

    Whoosh's ``update_document`` and ``delete_by_term`` open a searcher over every segment for
    each call (90-120 ms at 100,000 documents: most of the time for a new post to become
    searchable). A writer holding the index lock sees the same table of contents as a searcher
    opened then, so one kept per process and reopened with ``open_searcher`` serves every drain.
    """

    MAX_DIRECTORIES = 4

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.views: OrderedDict[tuple[str, int], Any] = OrderedDict()

    def for_writer(self, ix, directory: str | Path, writer):
        """A searcher on exactly the segments ``writer`` sees (it must hold the index lock)."""
        key = (os.path.abspath(directory), os.stat(directory).st_ino)
        with self.lock:
            previous = self.views.pop(key, None)
        searcher = previous if previous is not None and previous.up_to_date() else open_searcher(ix, previous)
        if searcher.reader().generation() != writer.generation - 1:  # should not happen: be safe
            searcher.close()
            searcher = open_searcher(ix)
        with self.lock:
            self.views[key] = searcher
            while len(self.views) > self.MAX_DIRECTORIES:
                # Closed: a segment's files stay open until its reader is closed.
                _, evicted = self.views.popitem(last=False)
                evicted.close()
        return searcher


WRITER_VIEWS = _WriterViews()


def _latest_toc(ix, attempts: int = 10) -> internals.TableOfContents:
    # A writer may delete the previous table of contents just as we read it: retry, as Whoosh does.
    for attempt in range(attempts):
        try:
            return internals.read_table_of_contents(ix)
        except OSError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.05)


def segment_count(ix) -> int:
    """How many segments the index's latest generation has (each one a search must visit)."""
    return len(_latest_toc(ix).segments)


def merge_small_segments(ix, timeout: float) -> bool:
    """Merge the small segments into fewer (Whoosh's MERGE_SMALL), in a commit of its own; False
    when another writer holds the lock (the next drain tries again)."""
    try:
        writer = open_writer(ix, timeout=timeout)
    except LockError:
        return False
    try:
        writer.commit(mergetype=MERGE_SMALL)
    except BaseException:
        writer.cancel()
        raise
    return True


def last_applied(searcher) -> int:
    """The id of the last change applied to this index (0 for a new one)."""
    hits = searcher.search(Term("key", STATE_KEY), limit=1)
    return int(hits[0]["url"]) if hits else 0


def state_document(last_change_id: int) -> dict:
    # The state rides in the stored "url" field of a document no query can reach.
    return {"key": STATE_KEY, "kind": STATE_KEY, "url": str(last_change_id)}


def swap_in(built: Path, target: Path, attempts: int = 5) -> Path:
    """Make ``target`` a symbolic link to the freshly built index ``built``, in one atomic step.

    ``built`` is renamed ``<target>.<time>`` and the link replaced with ``os.replace``: whoever
    opens ``target`` gets either the old index or the new one, never a missing or empty one;
    searchers already open keep reading the old index, which is kept until the next swap. A real directory at ``target`` (an index from before the
    links, or one ``open_or_create`` made) is first moved aside: only that first swap leaves a
    moment without an index, and a drain recreating one then is moved aside on the next try.
    Returns the new live directory.
    """
    live = target.with_name(f"{target.name}.{time.time_ns()}")
    built.rename(live)
    previous = target.resolve() if target.is_symlink() else None
    link = target.with_name(target.name + ".link")
    aside = target.with_name(target.name + ".old")
    for attempt in range(attempts):
        try:
            if target.exists() and not target.is_symlink():
                shutil.rmtree(aside, ignore_errors=True)
                target.rename(aside)
            link.unlink(missing_ok=True)
            link.symlink_to(live.name)
            os.replace(link, target)
            break
        except OSError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.05)
    # The previous index stays one more generation: a searcher that opened it just before the
    # swap keeps reading it until it reopens. Older ones go.
    keep = {live.name, previous.name if previous is not None else None}
    for old in target.parent.glob(target.name + ".*"):
        if old.name not in keep and old.is_dir() and _generation_name(old.name, target.name):
            shutil.rmtree(old, ignore_errors=True)
    if aside.exists():
        shutil.rmtree(aside, ignore_errors=True)
    return live


def _generation_name(name: str, base: str) -> bool:
    """``<base>.<digits>``: a directory ``swap_in`` made (not a build in progress, not ``.link``)."""
    suffix = name[len(base) + 1:]
    return name.startswith(base + ".") and suffix.isdigit()
