"""Several processes writing at once (like gunicorn workers) never see "database is locked"."""

from __future__ import annotations


from sqlalchemy import select

from forum.extensions import db
from forum.threads.models import Post, Thread
from tests.processes import process_context
from tests.conftest import HttpsClient, base_config, form_fields, login, make_category, make_thread, make_user

WORKERS = 4
REPLIES_EACH = 8


def _write_replies(config: dict, email: str, thread_id: int, barrier, results) -> None:
    """One worker process: its own app and connection pool, replying as fast as it can."""
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


def test_concurrent_replies_from_several_processes(app, tmp_path):
    author = make_user()
    thread = make_thread(author, make_category())
    emails = [f"worker{n}@exemple.fr" for n in range(WORKERS)]
    for number, email in enumerate(emails):
        make_user(email, f"Travailleur {number}")
    config = {**base_config(tmp_path), "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"]}

    context = process_context()
    barrier, results = context.Barrier(WORKERS), context.Queue()
    processes = [context.Process(target=_write_replies, args=(config, email, thread.id, barrier, results))
                 for email in emails]
    for process in processes:
        process.start()
    outcomes = dict(results.get(timeout=300) for _ in processes)
    for process in processes:
        process.join(timeout=60)
        assert process.exitcode == 0

    assert all(statuses == [302] * REPLIES_EACH for statuses in outcomes.values()), outcomes
    db.session.rollback()  # end this test's read snapshot, taken before the workers wrote
    positions = sorted(db.session.execute(select(Post.position).where(Post.thread_id == thread.id)).scalars())
    assert positions == list(range(1, WORKERS * REPLIES_EACH + 2))
    assert db.session.get(Thread, thread.id).post_count == WORKERS * REPLIES_EACH + 1
