"""Two processes using e-mailed links at the same moment: a reset link sets the password once, and two
accounts moving to the same address cannot both have it."""

from __future__ import annotations

import multiprocessing

from sqlalchemy import select

from forum.accounts import recovery
from forum.accounts.models import User
from forum.accounts.passwords import verify_password
from forum.extensions import db
from tests.conftest import HttpsClient, base_config, csrf_token, make_user

ROUNDS = 6


def _use_links(config: dict, links: list[str], data: dict, barrier, results, name: str) -> None:
    """One worker: its own app and connections; at each round, POST its link when the other does."""
    from forum import create_app

    app = create_app(config)
    app.test_client_class = HttpsClient
    with app.app_context():
        statuses = []
        for link in links:
            client = app.test_client()
            token = csrf_token(client, link)
            barrier.wait(timeout=120)
            statuses.append(client.post(link, data={"csrf_token": token, **data}).status_code)
        results.put((name, statuses))


def _race(app, tmp_path, links_of: dict[str, list[str]], data_of: dict[str, dict]) -> dict[str, list[int]]:
    config = {**base_config(tmp_path), "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"]}
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(2), context.Queue()
    workers = [context.Process(target=_use_links, args=(config, links_of[name], data_of[name], barrier, results, name))
               for name in links_of]
    for worker in workers:
        worker.start()
    outcomes = dict(results.get(timeout=300) for _ in workers)
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    db.session.rollback()  # end this test's read snapshot, taken before the workers wrote
    return outcomes


def test_one_reset_link_used_twice_at_once_sets_one_password(app, tmp_path):
    users = [make_user(f"membre{n}@exemple.fr", f"Membre Numéro {n}") for n in range(ROUNDS)]
    links = [f"/mot-de-passe/{recovery.make_token(recovery.Purpose.RESET, user)}" for user in users]
    passwords = {"first": "la première phrase de passe", "second": "la seconde phrase de passe"}
    outcomes = _race(app, tmp_path, {"first": links, "second": links},
                     {name: {"password": password, "password_confirm": password}
                      for name, password in passwords.items()})

    for number, user in enumerate(users):
        statuses = (outcomes["first"][number], outcomes["second"][number])
        assert sorted(statuses) == [302, 400], (number, outcomes)
        winner = "first" if statuses[0] == 302 else "second"
        stored = db.session.execute(select(User.password_hash).where(User.id == user.id)).scalar_one()
        assert verify_password(stored, passwords[winner]), number


def test_two_accounts_moving_to_one_address_at_once(app, tmp_path):
    """The loser gets a French 409 (the unique constraint decides), never a 500."""
    firsts = [make_user(f"premier{n}@exemple.fr", f"Premier Numéro {n}") for n in range(ROUNDS)]
    seconds = [make_user(f"second{n}@exemple.fr", f"Second Numéro {n}") for n in range(ROUNDS)]
    targets = [f"cible{n}@exemple.fr" for n in range(ROUNDS)]

    def links(users):
        return [f"/profil/adresse/{recovery.make_token(recovery.Purpose.CHANGE, user, to=target)}"
                for user, target in zip(users, targets)]

    outcomes = _race(app, tmp_path, {"first": links(firsts), "second": links(seconds)}, {"first": {}, "second": {}})

    for number, target in enumerate(targets):
        statuses = (outcomes["first"][number], outcomes["second"][number])
        assert sorted(statuses) == [302, 409], (number, outcomes)
        owners = db.session.execute(select(User.id).where(User.email == target)).scalars().all()
        winner = firsts[number] if statuses[0] == 302 else seconds[number]
        assert owners == [winner.id], number
