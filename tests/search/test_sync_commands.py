"""``flask search rebuild|sync|check``: the index rebuilt aside, repaired from the log, compared with the base."""

from __future__ import annotations

import shutil
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from whoosh.query import Every

from forum.core.database import write_intent
from forum.core.models import utcnow
from forum.extensions import db
from forum.search import sync
from forum.search.index import last_applied, open_or_create
from forum.search.models import SearchChange
from forum.search.sync import index_directory
from forum.threads import services as thread_services
from tests.conftest import make_category, make_fabrique, make_member, make_reply, make_thread, make_user
from tests.practices.builders import make_practice
from tests.resources.builders import make_resource


def _indexed_keys() -> set[str]:
    ix = open_or_create(index_directory())
    with ix.searcher() as searcher:
        return {fields["key"] for fields in searcher.all_stored_fields() if fields["key"] != "__state__"}


def _run(app, *args):
    db.session.rollback()  # no stale snapshot in the test's own session, before or after
    result = app.test_cli_runner().invoke(args=["search", *args])
    db.session.rollback()
    return result


@pytest.fixture
def world(app):
    manager = make_user("manager@exemple.fr", "Maëlle Responsable")
    fabrique = make_fabrique(manager, "Le Café des Possibles", "23", "rural")
    author = make_member(fabrique, "author@exemple.fr", "Arthur Auteur")
    theme = make_category("Culture", 1)
    thread = make_thread(author, theme)
    reply = make_reply(manager, thread)
    published = make_practice(author, [theme.id])
    draft = make_practice(author, [theme.id], publish=False, title="Un brouillon jamais publié")
    resource = make_resource(manager, fabrique)
    return {"manager": manager, "author": author, "fabrique": fabrique, "thread": thread, "reply": reply,
            "published": published, "draft": draft, "resource": resource}


def test_rebuild_indexes_what_is_public_and_check_agrees(app, world):
    deleted = make_reply(world["author"], world["thread"], "Un message bientôt supprimé.")
    with write_intent():
        thread_services.delete_post(world["author"], db.session.merge(deleted))
        db.session.commit()
    # A stale index: documents that should not be there and none of the real ones.
    sync.index_directory().mkdir(parents=True, exist_ok=True)
    ix = open_or_create(index_directory())
    with ix.writer() as writer:
        writer.delete_by_query(Every())
        writer.add_document(key="message:9999", kind="message", title="Fantôme")

    result = _run(app, "check")
    assert result.exit_code == 1
    assert "message:9999" in result.output

    result = _run(app, "rebuild")
    assert result.exit_code == 0, result.output
    assert "Index reconstruit" in result.output

    keys = _indexed_keys()
    assert {f"fil:{world['thread'].id}", f"message:{world['reply'].id}", f"pratique:{world['published'].id}",
            f"ressource:{world['resource'].id}", f"fabrique:{world['fabrique'].id}"} <= keys
    assert f"pratique:{world['draft'].id}" not in keys
    assert f"message:{deleted.id}" not in keys
    assert "message:9999" not in keys
    assert not list(index_directory().parent.glob("*.rebuild-*")), "the build directory is gone"
    with open_or_create(index_directory()).searcher() as searcher:
        assert last_applied(searcher) == db.session.execute(select(func.max(SearchChange.id))).scalar_one()

    result = _run(app, "check")
    assert result.exit_code == 0, result.output
    assert "L'index est à jour." in result.output


def test_a_change_committed_without_its_drain_is_reported_then_repaired(app, world, monkeypatch):
    assert _run(app, "rebuild").exit_code == 0

    def killed(*args, **kwargs):
        raise RuntimeError("processus tué entre le commit de la base et celui de l'index")

    monkeypatch.setattr(sync, "drain", killed)
    reply = make_reply(world["author"], world["thread"], "Une réponse qui n'atteint pas l'index.")
    monkeypatch.undo()
    key = f"message:{reply.id}"
    assert key not in _indexed_keys()

    result = _run(app, "check")
    assert result.exit_code == 1
    assert key in result.output
    assert "Absents de l'index (1)" in result.output and "Modifications en attente" in result.output

    result = _run(app, "sync")
    assert result.exit_code == 0, result.output
    assert "Index synchronisé" in result.output
    assert key in _indexed_keys()
    assert _run(app, "check").exit_code == 0


def test_a_change_waiting_behind_a_held_index_lock(app, world):
    ix = open_or_create(index_directory())
    holder = ix.writer()  # another worker is writing: the after-commit drain gives up after its timeout
    try:
        reply = make_reply(world["author"], world["thread"], "Une réponse pendant que l'index est occupé.")
        assert f"message:{reply.id}" not in _indexed_keys()
    finally:
        holder.cancel()
    result = _run(app, "check")
    assert result.exit_code == 1 and f"message:{reply.id}" in result.output
    assert _run(app, "sync").exit_code == 0
    assert f"message:{reply.id}" in _indexed_keys()
    assert _run(app, "check").exit_code == 0


def test_a_rebuild_catches_changes_made_while_it_ran(app, world, monkeypatch):
    from forum.search import commands

    real_documents_for = commands.documents_for
    made = []

    def documents_for_then_write(session, keys):
        documents = real_documents_for(session, keys)
        if not made:  # a member posts while the build reads
            made.append(make_reply(world["manager"], world["thread"], "Écrit pendant la reconstruction."))
        return documents

    monkeypatch.setattr(commands, "documents_for", documents_for_then_write)
    result = _run(app, "rebuild")
    assert result.exit_code == 0, result.output
    assert f"message:{made[0].id}" in _indexed_keys()
    assert _run(app, "check").exit_code == 0


def test_sync_prunes_old_log_rows(app, world):
    with write_intent():
        db.session.add_all([SearchChange(key="message:1", created_at=utcnow() - timedelta(days=10)),
                            SearchChange(key="message:2", created_at=utcnow() - timedelta(days=3))])
        db.session.commit()
    result = _run(app, "sync", "--prune-days", "7")
    assert result.exit_code == 0, result.output
    assert "1 ligne(s) de plus de 7 jour(s) supprimée(s)" in result.output
    ages = db.session.execute(select(SearchChange.created_at)).scalars().all()
    assert ages and all(created > utcnow() - timedelta(days=7) for created in ages)


def test_check_without_an_index(app):
    make_thread(make_user(), make_category())
    shutil.rmtree(index_directory())
    result = _run(app, "check")
    assert result.exit_code == 1
    assert "Aucun index" in result.output


def test_drain_advances_past_a_busy_lookback_window(app, world, monkeypatch):
    """More recent already-applied changes than ``limit`` must not stop new ones from being applied."""
    monkeypatch.setattr(sync, "drain", lambda *args, **kwargs: None)  # the after-commit drains are "busy"
    replies = [make_reply(world["author"], world["thread"], f"Réponse en rafale {n}.") for n in range(3)]
    monkeypatch.undo()
    db.session.rollback()
    newest = db.session.execute(select(func.max(SearchChange.id))).scalar_one()
    # The world's rows, applied and younger than LOOKBACK, outnumber the limit of 2.
    assert db.session.execute(select(func.count()).select_from(SearchChange)).scalar_one() > 3 + 2
    for _ in range(10):
        assert sync.drain(limit=2) is not None
        with open_or_create(index_directory()).searcher() as searcher:
            if last_applied(searcher) == newest:
                break
    else:
        pytest.fail("the drain never got past the lookback window")
    assert {f"message:{reply.id}" for reply in replies} <= _indexed_keys()


def test_search_sees_a_rebuilt_index_swapped_in(app, tmp_path):
    """The per-process searcher reopens when `rebuild` swaps a new directory in."""
    from whoosh import index as whoosh_index

    from forum.search.index import open_or_create, swap_in
    from forum.search.schema import build_schema, with_prefix_fields
    from forum.search.service import _HOLDER
    from forum.search.sync import index_directory

    target = index_directory()
    # The live index and the rebuilt one both at one commit: the same generation number.
    live_writer = open_or_create(target).writer()
    live_writer.add_document(**with_prefix_fields({"key": "fil:1", "kind": "fil", "title": "Ancien", "body": "x"}))
    live_writer.commit()
    generation = open_or_create(target).latest_generation()
    with _HOLDER.using(target) as searcher:
        assert [fields["key"] for fields in searcher.all_stored_fields()] == ["fil:1"]
    built = tmp_path / "built-index"
    built.mkdir()
    writer = whoosh_index.create_in(str(built), build_schema()).writer()
    writer.add_document(**with_prefix_fields({"key": "fil:999", "kind": "fil", "title": "Zorglub tout neuf",
                                              "body": "texte"}))
    writer.commit()
    assert whoosh_index.open_dir(str(built)).latest_generation() == generation
    swap_in(built, target)
    with _HOLDER.using(target) as searcher:
        assert [fields["key"] for fields in searcher.all_stored_fields()] == ["fil:999"]
    assert open_or_create(target).doc_count() == 1


def test_an_index_of_an_older_version_is_reported_and_rebuilt_if_outdated(app, world):
    from whoosh import index as whoosh_index
    from whoosh.fields import TEXT

    from forum.search.index import is_current
    from forum.search.schema import build_schema

    assert _run(app, "rebuild", "--if-outdated").output.startswith("L'index est au format actuel")
    # The layout of the previous release: positions in the stemmed fields, none in the others.
    old = build_schema()
    old._fields["body"] = TEXT(analyzer=old["body"].analyzer)
    old._fields["body_prefix"] = TEXT(analyzer=old["body_prefix"].analyzer, phrase=False)
    directory = index_directory()
    shutil.rmtree(directory)
    directory.mkdir()
    whoosh_index.create_in(str(directory), old)

    result = _run(app, "check")
    assert result.exit_code == 1 and "version précédente" in result.output
    result = _run(app, "rebuild", "--if-outdated")
    assert result.exit_code == 0 and "Index reconstruit" in result.output
    assert is_current(whoosh_index.open_dir(str(directory)))
    assert _indexed_keys() >= {f"fil:{world['thread'].id}", f"message:{world['reply'].id}"}
    assert _run(app, "check").exit_code == 0


def test_a_rebuild_swaps_the_index_in_without_a_moment_of_no_index(app, world):
    import threading

    from whoosh import index as whoosh_index

    assert _run(app, "rebuild").exit_code == 0  # the first swap turns the directory into a link
    target = index_directory()
    assert target.is_symlink()
    seen: list[str] = []
    done = threading.Event()

    def look() -> str:
        count = whoosh_index.open_dir(str(target)).doc_count()
        return "ok" if count > 1 else f"{count} document(s)"

    def watch():
        while not done.is_set():
            try:
                seen.append(look())
            except Exception:
                # Whoosh itself deletes an old table of contents when a writer commits (the
                # drain after each rebuild): an open racing that is retried, as the site does
                # (service._SearcherHolder.run). A missing or empty index would fail again.
                try:
                    seen.append(look())
                except Exception as error:
                    seen.append(repr(error))

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        for _ in range(2):
            assert _run(app, "rebuild").exit_code == 0
    finally:
        done.set()
        watcher.join()
    assert seen and set(seen) == {"ok"}, sorted(set(seen))
    # Beside the link: the live directory and the previous one (kept for searchers still reading it).
    left = sorted(path.name for path in target.parent.glob(target.name + ".*"))
    assert len(left) == 2 and target.resolve().name == left[-1]
