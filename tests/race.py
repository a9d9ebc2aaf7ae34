"""Races between real processes, as between gunicorn workers: the harness of the race tests.

Each racer is a process (from the tests' fork server, tests/processes.py) with its own app and connection pool and a
logged-in test client (CSRF on). At every round, each racer prepares what a browser would have
on screen (``prepare``: read the page, its tokens), then all wait at a barrier and fire their
request at the same moment (``fire``). Rounds are grouped in one pair of processes per test:
spawning costs a second or two, a round a few milliseconds.

A racer may also ``setup`` each round (put back what the previous round changed), with its own
app and connection, once every racer is done with the previous round and before anyone prepares
(two more barriers per round).

``setup``, ``prepare`` and ``fire`` must be module-level functions (spawn pickles them by name).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from forum.core.database import write_intent
from forum.extensions import db
from tests.processes import process_context
from tests.conftest import HttpsClient, base_config, csrf_token, login


@dataclass(frozen=True)
class Outcome:
    """What a racer's request got: status, redirect target and the page's text (entities decoded)."""

    status: int
    location: str
    text: str


@dataclass
class Racer:
    email: str | None  # None: a visitor who is not logged in (a link opened from an e-mail)
    fire: Callable[[Any, Any], Any]
    rounds: list = field(default_factory=list)
    prepare: Callable[[Any, Any], Any] | None = None
    setup: Callable[[Any], None] | None = None  # called with the round's data, then commits


def outcome_of(response) -> Outcome:
    return Outcome(response.status_code, response.headers.get("Location", ""),
                   html.unescape(response.get_data(as_text=True)))


def read_page(client, round_data: tuple) -> tuple:
    """A ``prepare`` for rounds ``(…, page)``: the round's data with the page replaced by its CSRF
    token, read in the racer's own session (what the person has on screen)."""
    *data, page = round_data
    return (*data, csrf_token(client, page))


def _run(config: dict, racer: Racer, index: int, barrier, results, with_setup: bool) -> None:
    from forum import create_app

    app = create_app(config)
    app.test_client_class = HttpsClient
    outcomes = []
    try:
        with app.app_context():
            client = app.test_client()
            client.racer_email = racer.email  # who this racer is, for prepare and fire
            if racer.email is not None:
                login(client, racer.email)
            for round_data in racer.rounds:
                if with_setup:
                    barrier.wait(timeout=120)  # everyone is done with the previous round
                    if racer.setup is not None:
                        with write_intent():
                            racer.setup(round_data)
                            db.session.commit()
                    barrier.wait(timeout=120)
                prepared = racer.prepare(client, round_data) if racer.prepare else round_data
                barrier.wait(timeout=120)
                outcomes.append(racer.fire(client, prepared))
            db.session.remove()
            db.engine.dispose()
    except BaseException:
        barrier.abort()  # the other racers stop waiting for this one
        raise
    finally:
        results.put((index, outcomes))


def race(app, tmp_path, racers: list[Racer], timeout: float = 300, settings: dict | None = None) -> list[list]:
    """Run the racers in parallel processes; each one's list of outcomes (one per round), in order."""
    assert len({len(racer.rounds) for racer in racers}) == 1, "every racer runs the same rounds"
    db.session.commit()  # nothing of this test's transaction may hold a lock or a stale snapshot
    config = {**base_config(tmp_path), "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
              **(settings or {})}
    context = process_context()
    barrier, results = context.Barrier(len(racers)), context.Queue()
    with_setup = any(racer.setup is not None for racer in racers)
    processes = [context.Process(target=_run, args=(config, racer, index, barrier, results, with_setup))
                 for index, racer in enumerate(racers)]
    for process in processes:
        process.start()
    outcomes = dict(results.get(timeout=timeout) for _ in processes)
    for process in processes:
        process.join(timeout=60)
        assert process.exitcode == 0
    db.session.rollback()  # see what the racers wrote
    assert all(len(outcomes[index]) == len(racer.rounds) for index, racer in enumerate(racers)), outcomes
    return [outcomes[index] for index in range(len(racers))]
