"""Several processes indexing at once, and one killed between the database commit and the index commit."""

from __future__ import annotations


from sqlalchemy import select

from forum.extensions import db
from forum.search import sync
from forum.search.index import open_or_create
from forum.search.sync import index_directory
from forum.threads.models import Post
from tests.processes import process_context
from tests.conftest import HttpsClient, base_config, form_fields, login, make_category, make_thread, make_user

WORKERS = 4
REPLIES_EACH = 6


def _indexed_keys() -> set[str]:
    ix = open_or_create(index_directory())
    with ix.searcher() as searcher:
        return {fields["key"] for fields in searcher.all_stored_fields() if fields["key"] != "__state__"}


def _write_replies(config: dict, email: str, thread_id: int, barrier, results) -> None:
    """One worker process (like a gunicorn worker): each reply's after-commit drain competes for the index lock."""
    from forum import create_app

    app = create_app(config)
    app.test_client_class = HttpsClient
    with app.app_context():
        client = app.test_client()
        login(client, email)
        forms = [form_fields(client, f"/sujets/{thread_id}/repondre", f"/sujets/{thread_id}")
                 for _ in range(REPLIES_EACH)]
        barrier.wait(timeout=120)
        statuses = []
        for number, fields in enumerate(forms):
            response = client.post(f"/sujets/{thread_id}/repondre", data={
                **fields, "body": f"Réponse {number} de {email}", "action": "publish"})
            statuses.append(response.status_code)
        results.put((email, statuses))


def _config(app, tmp_path) -> dict:
    # Same instance path as the test's app, hence the same index directory.
    return {**base_config(tmp_path), "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"]}


def test_four_processes_writing_at_once_lose_nothing(app, tmp_path):
    thread = make_thread(make_user(), make_category())
    emails = [f"worker{n}@exemple.fr" for n in range(WORKERS)]
    for number, email in enumerate(emails):
        make_user(email, f"Travailleur {number}")

    context = process_context()
    barrier, results = context.Barrier(WORKERS), context.Queue()
    processes = [context.Process(target=_write_replies,
                                 args=(_config(app, tmp_path), email, thread.id, barrier, results))
                 for email in emails]
    for process in processes:
        process.start()
    outcomes = dict(results.get(timeout=300) for _ in processes)
    for process in processes:
        process.join(timeout=60)
        assert process.exitcode == 0

    assert all(statuses == [302] * REPLIES_EACH for statuses in outcomes.values()), outcomes
    db.session.rollback()
    reply_ids = db.session.execute(
        select(Post.id).where(Post.thread_id == thread.id, Post.position > 1)).scalars().all()
    assert len(reply_ids) == WORKERS * REPLIES_EACH
    sync.drain(timeout=10)  # whatever waited behind a busy lock
    assert {f"message:{post_id}" for post_id in reply_ids} <= _indexed_keys()
    db.session.rollback()
    result = app.test_cli_runner().invoke(args=["search", "check"])
    assert result.exit_code == 0, result.output


def _reply_then_die(config: dict, email: str, thread_id: int) -> None:
    """Commit a reply, then die before any worker drained it into the index (a SIGKILL, an OOM...)."""
    import os

    from forum import create_app
    from forum.accounts.models import User
    from forum.core.database import write_intent
    from forum.threads import services
    from forum.threads.models import Thread

    app = create_app(config)
    with app.app_context():
        author = db.session.execute(select(User).where(User.email == email)).scalar_one()
        with write_intent():
            services.reply(author, db.session.get(Thread, thread_id), "Réponse d'un processus tué net.")
            db.session.commit()
    os._exit(1)  # dies right after its commit


def test_a_process_killed_between_the_two_commits(app, tmp_path):
    author = make_user()
    thread = make_thread(author, make_category())
    context = process_context()
    process = context.Process(target=_reply_then_die, args=(_config(app, tmp_path), author.email, thread.id))
    process.start()
    process.join(timeout=120)
    assert process.exitcode == 1

    db.session.rollback()
    reply_id = db.session.execute(
        select(Post.id).where(Post.thread_id == thread.id, Post.position == 2)).scalar_one()
    key = f"message:{reply_id}"
    assert key not in _indexed_keys()

    runner = app.test_cli_runner()
    result = runner.invoke(args=["search", "check"])
    assert result.exit_code == 1 and key in result.output, result.output
    result = runner.invoke(args=["search", "sync"])
    assert result.exit_code == 0, result.output
    assert key in _indexed_keys()
    assert runner.invoke(args=["search", "check"]).exit_code == 0
