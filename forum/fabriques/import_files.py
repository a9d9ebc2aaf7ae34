"""The files administrators upload for import, kept between the preview and the confirmation.

A file is stored under ``<instance>/imports/<sha256>.csv`` and named by its hash in the preview's
address and the confirmation's form; a ``FabriqueImport`` row remembers it. The confirmation
claims the row by compare-and-set (``applied_at`` from NULL to now, in the import's transaction):
of two confirmations at the same moment (a double click, two administrators), one imports and
the other is told (409); the claim is undone with the rest if the import fails. Uploading the same
file again makes it importable again (a new preview was shown).
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from pathlib import Path

from flask_babel import gettext as _
from flask_babel import lazy_gettext
from sqlalchemy import select, update

from forum.accounts.models import User
from forum.core.errors import Conflict, NotFound
from forum.core.models import utcnow
from forum.extensions import db
from forum.fabriques.importing import require_importer
from forum.fabriques.models import FabriqueImport
from forum.fabriques.services import flush_unique

SHA256 = re.compile(r"[0-9a-f]{64}")
KEEP_SECONDS = 7 * 24 * 3600  # files never confirmed are forgotten after a week
GONE = lazy_gettext("Ce fichier n'est plus disponible (importé, ou envoyé il y a plus d'une semaine)\u00a0: envoyez-le de nouveau.")


def directory_of(instance_path: str) -> Path:
    return Path(instance_path) / "imports"


def store_upload(actor: User, data: bytes, filename: str, instance_path: str) -> str:
    """Keep an uploaded file (written whole, then renamed into place) and its row; its SHA-256."""
    require_importer(actor)
    digest = hashlib.sha256(data).hexdigest()
    folder = directory_of(instance_path)
    folder.mkdir(parents=True, exist_ok=True)
    _forget_old_files(folder)
    target = folder / f"{digest}.csv"
    partial = folder / f"{digest}.{os.getpid()}.part"
    partial.write_bytes(data)
    os.replace(partial, target)
    row = db.session.execute(select(FabriqueImport).where(FabriqueImport.sha256 == digest)).scalar_one_or_none()
    if row is None:
        db.session.add(FabriqueImport(sha256=digest, filename=filename[:200], uploaded_by_id=actor.id))
        flush_unique(_("Ce fichier vient d'être envoyé par un·e autre administrateur·rice\u00a0: rechargez la page."))
    else:
        row.filename, row.uploaded_by_id, row.uploaded_at = filename[:200], actor.id, utcnow()
        row.applied_at = row.applied_by_id = None
    return digest


def _forget_old_files(folder: Path) -> None:
    limit = time.time() - KEEP_SECONDS
    for path in folder.glob("*.csv"):
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
        except FileNotFoundError:
            pass


def stored_file(digest: str, instance_path: str) -> tuple[FabriqueImport, bytes]:
    """The row and the bytes of a kept file; NotFound when the hash names none."""
    row = None
    if SHA256.fullmatch(digest):
        row = db.session.execute(select(FabriqueImport).where(FabriqueImport.sha256 == digest)).scalar_one_or_none()
    path = directory_of(instance_path) / f"{digest}.csv"
    if row is None or not path.exists():
        raise NotFound(str(GONE))
    return row, path.read_bytes()


def claim(actor: User, digest: str) -> None:
    """Mark the file imported, once: the second confirmation of the same preview is a Conflict."""
    require_importer(actor)
    claimed = db.session.execute(
        update(FabriqueImport).where(FabriqueImport.sha256 == digest, FabriqueImport.applied_at.is_(None))
        .values(applied_at=utcnow(), applied_by_id=actor.id).execution_options(synchronize_session=False))
    if claimed.rowcount != 1:
        row = db.session.execute(select(FabriqueImport).where(FabriqueImport.sha256 == digest)).scalar_one_or_none()
        who = db.session.get(User, row.applied_by_id) if row is not None and row.applied_by_id else None
        if who is not None:
            raise Conflict(_("Ce fichier vient d'être importé par %(name)s\u00a0: il ne l'est pas une seconde fois. "
                             "Consultez l'annuaire, ou envoyez-le de nouveau pour voir ce qu'il changerait "
                             "maintenant.", name=who.display_name))
        raise Conflict(_("Ce fichier vient d'être importé\u00a0: il ne l'est pas une seconde fois. Consultez "
                         "l'annuaire, ou envoyez-le de nouveau pour voir ce qu'il changerait maintenant."))


def forget_file(digest: str, instance_path: str) -> None:
    """After the import's commit: the file is no longer needed."""
    (directory_of(instance_path) / f"{digest}.csv").unlink(missing_ok=True)
