"""The request that writes does not touch the index; the worker, woken by the commit, does."""

from __future__ import annotations

import threading

from flask.testing import FlaskClient

from forum.extensions import db
from forum.search.index import open_or_create
from forum.search.sync import index_directory
from forum.threads.models import Post
from forum.worker.runner import Worker
from tests.conftest import form_fields, login, make_category, make_thread, make_user
from tests.waiting import wait_for


def _indexed(key: str) -> bool:
    ix = open_or_create(index_directory())
    with ix.searcher() as searcher:
        return searcher.document_number(key=key) is not None


def _reply(client, thread_id: int, body: str) -> str:
    url = f"/sujets/{thread_id}/repondre"
    data = {**form_fields(client, url), "body": body}
    # The plain client: not the suite's, which runs the worker's work after each request.
    response = FlaskClient.open(client, url, method="POST", data=data, base_url="https://localhost")
    assert response.status_code == 302
    db.session.rollback()
    post_id = db.session.execute(db.select(db.func.max(Post.id))).scalar_one()
    db.session.rollback()
    return f"message:{post_id}"


def test_a_new_post_is_indexed_by_the_worker_not_by_the_request(app, client):
    author = make_user()
    thread = make_thread(author, make_category())
    login(client, author.email)

    key = _reply(client, thread.id, "Une réponse sur les tiers-lieux nourriciers.")
    assert not _indexed(key)  # the request did not pay for the index

    app.config["WORKER_POLL_SECONDS"] = 600  # only a wake-up can make it look again in time
    worker = Worker(app, run_schedules=False)
    thread_of_worker = threading.Thread(target=worker.run)
    thread_of_worker.start()
    try:
        assert worker.ready.wait(30)
        _wait_for(lambda: _indexed(key))  # what was waiting when it started
        later = _reply(client, thread.id, "Et une autre, écrite pendant que le worker tourne.")
        _wait_for(lambda: _indexed(later))  # woken by the commit, long before its next look
    finally:
        worker.stop()
        thread_of_worker.join(30)
    assert not thread_of_worker.is_alive()


def _wait_for(condition, deadline: float = 60) -> None:
    # A deadline for a busy machine, not a speed assertion: bench/worker.py measures the delay.
    assert wait_for(condition, deadline, interval=0.02), "not indexed"
