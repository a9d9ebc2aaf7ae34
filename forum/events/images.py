"""An event's image, through the catalogue's photo pipeline (forum/resources/photos.py, public functions).

The upload is checked by its content and re-encoded (``process_upload``: JPEG, PNG or WebP, at most
4 Mo, no metadata kept); the full image and its thumbnail are written to the agenda's own store,
``<instance>/uploads/events``: a directory of its own, so that the catalogue's pruning of files no
photo row names (which lists only the files directly in ``uploads``) never takes an event's. Files
written for a transaction that rolls back are removed; a replaced image's files go after the commit.
"""

from __future__ import annotations

from pathlib import Path

from forum.events.models import Event
from forum.extensions import db
from forum.resources.photos import (
    MAX_FILE_BYTES, PhotoStore, delete_files_after_commit, delete_files_on_rollback, process_upload,
)

__all__ = ["MAX_FILE_BYTES", "event_store", "set_image"]


def event_store(instance_path: Path | str) -> PhotoStore:
    return PhotoStore(Path(instance_path) / "uploads" / "events")


def set_image(event: Event, data: bytes, store: PhotoStore) -> None:
    """Give ``event`` the uploaded image (``Invalid`` with a French message for a file that is not one)."""
    processed = process_upload(data)
    names = [store.save(processed.full), store.save(processed.thumbnail)]
    delete_files_on_rollback(db.session, store, names)
    previous = [name for name in (event.image_filename, event.image_thumbnail) if name]
    if previous:
        delete_files_after_commit(db.session, previous, store)
    event.image_filename, event.image_thumbnail = names

