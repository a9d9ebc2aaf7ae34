"""Photos of resources: checked by content, re-encoded without metadata, stored under instance/.

An upload is trusted for nothing but its bytes. Pillow reads it with only the
JPEG, PNG and WebP parsers enabled (a file named photo.jpg that holds SVG or
HTML is refused, and no other parser ever runs on user data), the pixel count
is checked from the header before anything is decoded, and what is kept is a
new WebP encoded from the pixels alone: no EXIF (GPS position, camera serial),
no ICC profile (converted to sRGB first), no XMP, no comment. Files get random
names under ``<instance>/uploads``; the database row says which resource they
belong to.

Files and transactions: files are written before the rows that name them, and
removed again if that transaction does not commit; a deleted photo's files are
removed only once the deletion has committed (SQLAlchemy session events, as
for e-mail in forum/core/mail.py). A crash between the two leaves unreferenced
files, which ``prune_orphan_files`` removes: the worker's daily pruning job runs it
(forum/worker/jobs.py, hour set by FORUM_PRUNING_HOUR).

Nothing here reads the request; services take the acting user as a parameter.
"""
from __future__ import annotations

import logging
import re
import secrets
import time
from flask_babel import gettext as _, lazy_gettext, ngettext
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageCms, ImageOps
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session, scoped_session

from forum.accounts.models import User
from forum.core.errors import Forbidden, Invalid, NotFound
from forum.core.locking import lock
from forum.extensions import db
from forum.fabriques.models import Fabrique
from forum.fabriques.permissions import can_manage
from forum.resources.models import Photo, Resource

logger = logging.getLogger(__name__)

MAX_PHOTOS = 6
MAX_FILE_BYTES = 4 * 1024 * 1024
MAX_PIXELS = 40_000_000
FULL_MAX_SIDE = 1600
THUMBNAIL_SIZE = (400, 300)  # list cards crop every photo to 4:3
WEBP_QUALITY = 82
# Pillow's identifiers of the parsers allowed to read an upload; a JPEG with a
# multi-picture index (many cameras and phones) is reported as "MPO".
_PARSERS = ("JPEG", "PNG", "WEBP")
_ACCEPTED = frozenset({"JPEG", "MPO", "PNG", "WEBP"})

NOT_AN_IMAGE = lazy_gettext("Ce fichier n'est pas une photo au format JPEG, PNG ou WebP.")
DAMAGED = lazy_gettext("Cette image est incomplète ou abîmée\u00a0: elle ne peut pas être lue.")
TOO_HEAVY = lazy_gettext("Une photo fait au plus 4\u00a0Mo\u00a0: réduisez-la avant de l'envoyer.")
TOO_MANY_PIXELS = lazy_gettext("Une photo fait au plus 40\u00a0mégapixels\u00a0: réduisez ses dimensions avant de "
                     "l'envoyer.")
EMPTY = lazy_gettext("Ce fichier est vide.")
NO_FILE = lazy_gettext("Choisissez au moins une photo à envoyer.")

_NAME = re.compile(r"[0-9a-f]{32}\.webp")


# -- Images ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProcessedImage:
    """A re-encoded upload: the full image (at most 1600 px a side) and its 400×300 thumbnail, in WebP."""

    full: bytes
    thumbnail: bytes
    width: int
    height: int


def process_upload(data: bytes) -> ProcessedImage:
    """Check an uploaded file by its content and re-encode it; ``Invalid`` (French message) if refused.

    Accepted: JPEG, PNG or WebP, at most MAX_FILE_BYTES and MAX_PIXELS (checked
    before decoding). The EXIF orientation is applied, colours are converted to
    sRGB, transparency is kept; the result carries no metadata at all.
    """
    if not data:
        raise Invalid(str(EMPTY), field="photos")
    if len(data) > MAX_FILE_BYTES:
        raise Invalid(str(TOO_HEAVY), field="photos")
    with _open_checked(data) as image:
        _decode_upright(image)
        if image.mode in _RESIZABLE:
            _shrink(image)  # first, so that the conversions below work on 1600 px, not 40 megapixels
        pixels = _in_srgb(image)
    _shrink(pixels)
    thumbnail = ImageOps.fit(pixels, THUMBNAIL_SIZE, Image.Resampling.LANCZOS)
    return ProcessedImage(full=_webp(pixels), thumbnail=_webp(thumbnail), width=pixels.width,
                          height=pixels.height)


def _open_checked(data: bytes) -> Image.Image:
    """Read the header with the three allowed parsers only; refuse other formats and too many pixels."""
    try:
        image = Image.open(BytesIO(data), formats=_PARSERS)
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as error:
        # Past Pillow's own limits (about 89 and 179 megapixels). The warning is an
        # exception only where warnings are errors (the tests); elsewhere it is
        # logged and the check below refuses the image anyway.
        raise Invalid(str(TOO_MANY_PIXELS), field="photos") from error
    except Exception as error:  # UnidentifiedImageError, or whatever a corrupt header raises
        raise Invalid(str(NOT_AN_IMAGE), field="photos") from error
    if image.format not in _ACCEPTED:
        image.close()
        raise Invalid(str(NOT_AN_IMAGE), field="photos")
    if image.width * image.height > MAX_PIXELS:
        image.close()
        raise Invalid(str(TOO_MANY_PIXELS), field="photos")
    return image


def _decode_upright(image: Image.Image) -> None:
    """Decode the pixels and turn them upright (EXIF orientation); ``Invalid`` if the data cannot be decoded."""
    if image.format in ("JPEG", "MPO"):
        # Let libjpeg decode at 1/2, 1/4 or 1/8 scale when that still leaves 1600 px.
        image.draft(None, (FULL_MAX_SIDE, FULL_MAX_SIDE))
    try:
        image.load()
    except Exception as error:  # truncated data, bad checksums, broken chunks...
        raise Invalid(str(DAMAGED), field="photos") from error
    try:
        ImageOps.exif_transpose(image, in_place=True)
    except Exception:  # noqa: BLE001 - unreadable EXIF: keep the image as stored
        logger.info("Ignoring unreadable EXIF orientation")


# Modes Pillow resizes with a proper filter (palette and 1-bit images are converted first).
_RESIZABLE = frozenset({"RGB", "RGBA", "L", "LA", "CMYK"})


def _shrink(image: Image.Image) -> None:
    """At most FULL_MAX_SIDE pixels a side, in place (never enlarged)."""
    image.thumbnail((FULL_MAX_SIDE, FULL_MAX_SIDE), Image.Resampling.LANCZOS)


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in image.info


def _in_srgb(image: Image.Image) -> Image.Image:
    """``image`` in RGB or RGBA, its embedded colour profile (if any) applied."""
    target = "RGBA" if _has_alpha(image) else "RGB"
    icc = image.info.get("icc_profile")
    if icc and image.mode in ("RGB", "RGBA", "CMYK"):
        try:
            return ImageCms.profileToProfile(image, ImageCms.ImageCmsProfile(BytesIO(icc)),
                                             ImageCms.createProfile("sRGB"), outputMode=target)
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            logger.info("Ignoring unusable ICC profile")
    if image.mode.startswith("I;16") or image.mode == "I":
        image = image.convert("I").point(lambda value: value * (1 / 256)).convert("L")  # 16 bits to 8
    return image.convert(target)  # a new image in any case: the file's own object is closed after


def _webp(image: Image.Image) -> bytes:
    """Lossy WebP of the pixels alone: nothing from the source's metadata is passed on."""
    image.info = {}
    out = BytesIO()
    image.save(out, "WEBP", quality=WEBP_QUALITY, method=4)
    return out.getvalue()


# -- Files ----------------------------------------------------------------------------------


def is_photo_name(name: str) -> bool:
    """True for a name this module could have generated: 32 lowercase hex digits + ".webp"."""
    return isinstance(name, str) and _NAME.fullmatch(name) is not None


class PhotoStore:
    """Photo files in one directory, under random names; a name is checked before any file access."""

    def __init__(self, root: Path | str):
        self.root = Path(root)

    def save(self, data: bytes) -> str:
        """Write ``data`` to a new file; return its name."""
        self.root.mkdir(parents=True, exist_ok=True)
        name = secrets.token_hex(16) + ".webp"
        with open(self.path(name), "xb") as handle:  # never overwrite (a 128-bit collision...)
            handle.write(data)
        return name

    def path(self, name: str) -> Path:
        """The file's path; ValueError for a name that is not a photo name (``../secret_key``)."""
        if not is_photo_name(name):
            raise ValueError(f"not a photo file name: {name!r}")
        return self.root / name

    def exists(self, name: str) -> bool:
        return is_photo_name(name) and self.path(name).is_file()

    def delete(self, name: str) -> None:
        """Remove the file if it is there."""
        self.path(name).unlink(missing_ok=True)

    def names(self) -> Iterator[str]:
        """The photo files present (other files in the directory are ignored)."""
        if self.root.is_dir():
            yield from (entry.name for entry in self.root.iterdir() if is_photo_name(entry.name))


def store_in(instance_path: Path | str) -> PhotoStore:
    """The installation's photo store: ``<instance>/uploads``."""
    return PhotoStore(Path(instance_path) / "uploads")


def default_store() -> PhotoStore:
    """The store of the current Flask app (needs an app context, not a request)."""
    from flask import current_app

    return store_in(current_app.instance_path)


# -- Files and transactions -----------------------------------------------------------------

_WRITTEN = "photo_files_written"  # (store, name): delete unless the transaction commits
_DOOMED = "photo_files_doomed"  # (store, name): delete once the transaction has committed


def _pending(session: Session | scoped_session, key: str) -> list[tuple[PhotoStore, str]]:
    """The session's list of files waiting for its transaction to end."""
    _install_hooks()
    if isinstance(session, scoped_session):
        session = session()
    if not session.in_transaction():
        session.begin()  # so that its end, whatever it is, is seen
    return session.info.setdefault(key, [])


def delete_files_on_rollback(session: Session | scoped_session, store: PhotoStore, names: Sequence[str]) -> None:
    """Files just written for rows of the current transaction: remove them unless it commits."""
    _pending(session, _WRITTEN).extend((store, name) for name in names)


def delete_files_after_commit(session: Session | scoped_session, names: Sequence[str],
                              store: PhotoStore | None = None) -> None:
    """Files of rows deleted in the current transaction: remove them once it has committed.

    ``store`` defaults to the current app's (an app context is then needed).
    """
    store = store or default_store()
    _pending(session, _DOOMED).extend((store, name) for name in names)


def _delete_quietly(files: list[tuple[PhotoStore, str]]) -> None:
    for store, name in files:
        try:
            store.delete(name)
        except OSError:  # the transaction's outcome stands; prune_orphan_files finishes the job
            logger.exception("Could not delete photo file %s", name)


def _after_commit(session: Session) -> None:
    if session.in_nested_transaction():
        return  # a SAVEPOINT was released: the outer transaction decides
    session.info.pop(_WRITTEN, None)
    _delete_quietly(session.info.pop(_DOOMED, []))


def _after_transaction_end(session: Session, transaction) -> None:
    # The outermost transaction ended without a commit (rolled back, or the
    # session closed): its files name no row. After a commit, _after_commit has
    # already emptied the list. A rolled-back SAVEPOINT is ignored: its files stay
    # until the outer transaction ends (and become orphans if it commits).
    if transaction.parent is not None or transaction.nested:
        return
    _delete_quietly(session.info.pop(_WRITTEN, []))
    session.info.pop(_DOOMED, None)


def _install_hooks() -> None:
    """Listen to every ORM session once per process (idempotent)."""
    if not event.contains(Session, "after_commit", _after_commit):
        event.listen(Session, "after_commit", _after_commit)
        event.listen(Session, "after_transaction_end", _after_transaction_end)


def prune_orphan_files(store: PhotoStore, older_than_seconds: float = 3600) -> list[str]:
    """Delete files no photo row names (left by a crash), if older than ``older_than_seconds``.

    The age guard spares files of an upload whose transaction has not committed yet.
    Returns the names deleted.
    """
    known = set(db.session.execute(select(Photo.filename)).scalars())
    known |= set(db.session.execute(select(Photo.thumbnail)).scalars())
    cutoff = time.time() - older_than_seconds
    pruned = [name for name in store.names() if name not in known and store.path(name).stat().st_mtime < cutoff]
    for name in pruned:
        store.delete(name)
    return pruned


# -- Use cases ------------------------------------------------------------------------------


def photos_of(resource: Resource) -> list[Photo]:
    """The resource's photos, first (the cover) first."""
    return list(db.session.execute(
        select(Photo).where(Photo.resource_id == resource.id).order_by(Photo.position, Photo.id)
    ).scalars())


def get_photo(resource: Resource, photo_id: int) -> Photo:
    """A photo of this resource, else NotFound."""
    photo = db.session.get(Photo, photo_id)
    if photo is None or photo.resource_id != resource.id:
        raise NotFound(_("Cette photo n'existe pas ou plus."))
    return photo


def _require_manager(actor: User, resource: Resource) -> None:
    if not can_manage(actor, db.session.get(Fabrique, resource.fabrique_id)):
        raise Forbidden(_("Seuls les responsables de la fabrique peuvent gérer les photos de cette ressource."))


def _count_and_next_position(resource: Resource, lock: bool = False) -> tuple[int, int]:
    if lock:
        # Lock the resource row (PostgreSQL) so that two uploads at once cannot pass
        # the limit together; SQLite serialises writers anyway (BEGIN IMMEDIATE).
        db.session.execute(select(Resource.id).where(Resource.id == resource.id).with_for_update())
    count, last = db.session.execute(
        select(func.count(Photo.id), func.max(Photo.position)).where(Photo.resource_id == resource.id)
    ).one()
    return count, (last + 1 if last is not None else 0)


def _check_room(resource: Resource, adding: int, lock: bool = False) -> int:
    """The position of the first new photo; Invalid if ``adding`` more would pass MAX_PHOTOS."""
    count, position = _count_and_next_position(resource, lock)
    if count + adding > MAX_PHOTOS:
        raise _too_many(count)
    return position


def _too_many(count: int) -> Invalid:
    left = MAX_PHOTOS - count
    if left <= 0:
        detail = _("cette ressource en a déjà 6\u00a0: supprimez-en une avant d'en ajouter une autre.")
    else:
        detail = ngettext("vous pouvez encore en ajouter une.", "vous pouvez encore en ajouter %(num)d.", left)
    return Invalid(_("6 photos au plus par ressource\u00a0: %(detail)s", detail=detail), field="photos")


def _processed_all(files: Sequence[bytes], filenames: Sequence[str]) -> list[ProcessedImage]:
    processed = []
    for index, data in enumerate(files):
        try:
            processed.append(process_upload(data))
        except Invalid as error:
            if len(files) == 1:
                raise
            name = filenames[index] if index < len(filenames) and filenames[index] else \
                _("photo n° %(number)s", number=index + 1)
            raise Invalid(_("« %(name)s »\u00a0: %(error)s", name=name, error=error.message), field="photos") from error
    return processed


def _stored(resource_id: int, image: ProcessedImage, store: PhotoStore, position: int) -> Photo:
    """Write the files of ``image`` (removed again unless the transaction commits); the row, not added."""
    names = []
    try:
        names.append(store.save(image.full))
        names.append(store.save(image.thumbnail))
    finally:
        delete_files_on_rollback(db.session, store, names)
    return Photo(resource_id=resource_id, filename=names[0], thumbnail=names[1], width=image.width,
                 height=image.height, position=position)


def add_photos(actor: User, resource: Resource, files: Sequence[bytes], store: PhotoStore, *,
               filenames: Sequence[str] = ()) -> list[Photo]:
    """Add photos (the bytes of uploaded files) after the existing ones; all or nothing.

    Forbidden unless ``actor`` manages the resource's fabrique; Invalid when no
    file is given, past MAX_PHOTOS in all, or when any file is refused (the
    message names it, from ``filenames``). Every file is checked before anything
    is written. Flushes; the caller commits (files are removed if it does not).
    """
    _require_manager(actor, resource)
    if not files:
        raise Invalid(str(NO_FILE), field="photos")
    _check_room(resource, len(files))  # before the costly part
    processed = _processed_all(files, filenames)
    position = _check_room(resource, len(files), lock=True)  # the lock is held only from here to the commit
    photos = [_stored(resource.id, image, store, position + offset) for offset, image in enumerate(processed)]
    db.session.add_all(photos)
    db.session.flush()
    return photos


def delete_photo(actor: User, photo: Photo, store: PhotoStore) -> None:
    """Delete a photo; its files go once the deletion has committed. Flushes.

    The resource's row is locked first, as for a move: a photo deleted twice at once, or while
    the photos are reordered, is deleted once (NotFound for the second)."""
    resource = lock(db.session.get(Resource, photo.resource_id), gone=NotFound(_("Cette ressource n'existe plus.")))
    lock(photo, gone=NotFound(_("Cette photo vient d'être supprimée.")))
    _require_manager(actor, resource)
    delete_files_after_commit(db.session, [photo.filename, photo.thumbnail], store)
    db.session.delete(photo)
    db.session.flush()


def move_photo(actor: User, photo: Photo, offset: int) -> None:
    """Move a photo ``offset`` places (-1: one earlier; the first one is the cover). Flushes.

    The resource's row is locked before the positions are read: two moves at once renumber one
    after the other."""
    resource = lock(db.session.get(Resource, photo.resource_id), gone=NotFound(_("Cette ressource n'existe plus.")))
    lock(photo, gone=NotFound(_("Cette photo vient d'être supprimée.")))
    _require_manager(actor, resource)
    ordered = photos_of(resource)
    index = ordered.index(photo)
    ordered.pop(index)
    ordered.insert(max(0, min(len(ordered), index + offset)), photo)
    for position, each in enumerate(ordered):
        each.position = position
    db.session.flush()


def photo_from_bytes(resource: Resource, data: bytes, store: PhotoStore, position: int = 0) -> Photo:
    """A Photo of ``resource`` made from image bytes, for the demo seed and scripts: add it to the session.

    No permission check and no request needed; the same checks and re-encoding
    as an upload (``Invalid`` if refused). The resource must have an id (flush
    it first). The files are removed again if the transaction does not commit.
    """
    if resource.id is None:
        raise ValueError("flush the resource before adding photos to it")
    return _stored(resource.id, process_upload(data), store, position)
