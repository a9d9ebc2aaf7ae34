"""``flask search ...``: rebuild the index aside and swap it in, apply pending changes, compare with the database.

- ``rebuild``: a new index is built in a sibling temporary directory while the live one keeps
  serving searches and taking drains; it remembers the newest change-log id read *before* the
  documents, then replaces the live index (``swap_in``) and a drain applies what changed meanwhile.
- ``sync``: drain until the index has applied every logged change, then prune old log rows.
- ``check``: keys in the index against the keys the database says should be there, plus the
  logged changes the index has not applied yet; exit code 1 when anything differs.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import click
from flask import Flask
from flask.cli import AppGroup
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from whoosh import index as whoosh_index

from forum.core.database import write_intent
from forum.search import sync
from forum.search.documents import BATCH, all_keys, documents_for
from forum.search.index import (
    STATE_KEY,
    is_current,
    last_applied,
    open_or_create,
    rebuild_writer,
    state_document,
    swap_in,
)
from forum.search.models import SearchChange
from forum.search.schema import with_prefix_fields

search_group = AppGroup("search", help="Index de recherche : reconstruction, synchronisation, vérification.")

SHOWN = 20  # keys listed per difference
COMMAND_WRITER_TIMEOUT = 10.0  # a command may wait longer than a web request for the index lock
SWAP_LOCK_TIMEOUT = 60.0


def register_search_commands(app: Flask) -> None:
    app.cli.add_command(search_group)


def _engine():
    from forum.extensions import db

    return db.engine


def _newest_change_id(session: Session) -> int:
    return session.execute(select(func.max(SearchChange.id))).scalar_one() or 0


def _index_state(directory: Path) -> tuple[set[str], int] | None:
    """The keys in the index and the last change id it applied (None when there is no index)."""
    if not whoosh_index.exists_in(str(directory)):
        return None
    ix = whoosh_index.open_dir(str(directory))
    with ix.searcher() as searcher:
        keys = {fields["key"] for fields in searcher.all_stored_fields() if fields.get("key") != STATE_KEY}
        return keys, last_applied(searcher)


def _applied_up_to(directory: Path) -> int:
    state = _index_state(directory)
    return state[1] if state else 0


def drain_all(*, timeout: float = COMMAND_WRITER_TIMEOUT, attempts: int = 5) -> tuple[int, int]:
    """Drain until the index has applied every change logged when we started: (documents applied, drains)."""
    with write_intent(False), Session(_engine()) as session:
        target = _newest_change_id(session)
    applied = drains = busy = 0
    reached = -1
    while True:
        count = sync.drain(timeout=timeout)
        if count is None:
            busy += 1
            if busy >= attempts:
                raise click.ClickException("L'index est verrouillé par un autre processus ; réessayez plus tard.")
            continue
        applied += count
        drains += 1
        previous, reached = reached, _applied_up_to(sync.index_directory())
        if reached >= target or reached == previous:  # done, or the rest was pruned meanwhile
            return applied, drains


def _hold_writelock(directory: Path, timeout: float):
    """Take the live index's write lock (no drain is half-way through a commit while we swap)."""
    if not whoosh_index.exists_in(str(directory)):
        return None
    lock = whoosh_index.open_dir(str(directory)).lock("WRITELOCK")
    deadline = time.monotonic() + timeout
    while not lock.acquire(blocking=False):
        if time.monotonic() > deadline:
            raise click.ClickException("L'index en service reste verrouillé : remplacement abandonné.")
        time.sleep(0.05)
    return lock


def _swap(built: Path, target: Path) -> None:
    lock = _hold_writelock(target, SWAP_LOCK_TIMEOUT)
    try:
        # A drain that writes to the old index after this point applies changes newer than the
        # new index's state id: the drain after the swap applies them again.
        swap_in(built, target)
    finally:
        if lock is not None:
            lock.release()


@search_group.command("rebuild")
@click.option("--batch", default=BATCH, show_default=True, help="Documents lus par requête.")
@click.option("--if-outdated", is_flag=True,
              help="Seulement si l'index manque ou a été construit par une version précédente.")
def rebuild_command(batch: int, if_outdated: bool):
    """Rebuild the whole index aside, then swap it in (the site keeps running)."""
    started = time.perf_counter()
    target = sync.index_directory()
    if if_outdated and whoosh_index.exists_in(str(target)) and is_current(whoosh_index.open_dir(str(target))):
        click.echo("L'index est au format actuel : rien à reconstruire.")
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    built = Path(tempfile.mkdtemp(prefix=target.name + ".rebuild-", dir=target.parent))
    try:
        ix = open_or_create(built)
        writer = rebuild_writer(ix)  # started before the session: its worker processes inherit no connection
        try:
            with write_intent(False), Session(_engine()) as session:
                # Read before the documents: any change committed after this id is applied by the drain below.
                newest = _newest_change_id(session)
                keys = list(all_keys(session))
                count = 0
                with click.progressbar(length=len(keys), label="Indexation", show_pos=True) as bar:
                    for start in range(0, len(keys), batch):
                        chunk = keys[start:start + batch]
                        documents = documents_for(session, chunk)
                        for key in chunk:
                            if key in documents:  # gone or unpublished since all_keys: leave it out
                                writer.add_document(key=key, **with_prefix_fields(documents[key]))
                                count += 1
                        session.expunge_all()
                        bar.update(len(chunk))
            writer.add_document(**state_document(newest))
            writer.commit()
        except BaseException:
            writer.cancel()
            raise
        _swap(built, target)
    finally:
        if built.exists():
            shutil.rmtree(built, ignore_errors=True)
    click.echo(f"Index reconstruit : {count} document(s) en {time.perf_counter() - started:.1f} s.")
    try:
        applied, _ = drain_all()
    except click.ClickException as error:
        click.echo(f"Modifications survenues pendant la reconstruction non appliquées : {error.message} "
                   "Lancez « flask search sync ».", err=True)
    else:
        if applied:
            click.echo(f"{applied} document(s) modifié(s) pendant la reconstruction mis à jour.")


@search_group.command("sync")
@click.option("--prune-days", default=7, show_default=True, type=click.IntRange(min=1),
              help="Supprimer du journal les modifications plus anciennes que ce nombre de jours.")
def sync_command(prune_days: int):
    """Apply the pending changes to the index, then prune old change-log rows."""
    from forum.extensions import db

    applied, drains = drain_all()
    click.echo(f"Index synchronisé : {applied} document(s) mis à jour ({drains} passe(s)).")
    with write_intent():
        pruned = sync.prune(timedelta(days=prune_days))
        db.session.commit()
    click.echo(f"Journal des modifications : {pruned} ligne(s) de plus de {prune_days} jour(s) supprimée(s).")


def _listing(keys: set[str]) -> str:
    shown = sorted(keys)[:SHOWN]
    more = f" … (+{len(keys) - SHOWN})" if len(keys) > SHOWN else ""
    return ", ".join(shown) + more


@search_group.command("check")
def check_command():
    """Compare the index with the database; exit code 1 when they differ."""
    directory = sync.index_directory()
    state = _index_state(directory)
    indexed, last = state if state else (set(), 0)
    with write_intent(False), Session(_engine()) as session:
        expected = set(all_keys(session))
        pending = session.execute(
            select(SearchChange.key).where(SearchChange.id > last)).scalars().all()
    missing, extra, pending_keys = expected - indexed, indexed - expected, set(pending)

    if state is None:
        click.echo(f"Aucun index dans {directory}.")
    elif not is_current(whoosh_index.open_dir(str(directory))):
        click.echo("L'index a été construit par une version précédente (schéma différent) : "
                   "lancez « flask search rebuild ».")
        raise SystemExit(1)
    click.echo(f"Index : {len(indexed)} document(s), dernière modification appliquée n° {last}. "
               f"Base : {len(expected)} document(s) attendu(s).")
    if missing:
        click.echo(f"Absents de l'index ({len(missing)}) : {_listing(missing)}")
    if extra:
        click.echo(f"En trop dans l'index ({len(extra)}) : {_listing(extra)}")
    if pending:
        click.echo(f"Modifications en attente ({len(pending)}, {len(pending_keys)} document(s)) : "
                   f"{_listing(pending_keys)}")
    if missing or extra or pending:
        click.echo("L'index diffère de la base : lancez « flask search sync » "
                   "(ou « flask search rebuild »).")
        raise SystemExit(1)
    click.echo("L'index est à jour.")
