"""Two processes using e-mailed links at the same moment: a reset link sets the password once, and two
accounts moving to the same address cannot both have it."""

from __future__ import annotations

from sqlalchemy import select

from forum.accounts import recovery
from forum.accounts.models import User
from forum.accounts.passwords import verify_password
from forum.extensions import db
from tests.conftest import form_fields, make_user
from tests.race import Racer, race

ROUNDS = 6


def _open_link(client, round_data: tuple[str, dict]) -> tuple[str, dict]:
    """The link's page, as the e-mail's reader opens it (not logged in): its form, filled in."""
    link, data = round_data
    return link, {**form_fields(client, link), **data}


def _send_form(client, prepared: tuple[str, dict]) -> int:
    link, data = prepared
    return client.post(link, data=data).status_code


def _race(app, tmp_path, links_of: dict[str, list[str]], data_of: dict[str, dict]) -> dict[str, list[int]]:
    racers = [Racer(None, _send_form, rounds=[(link, data_of[name]) for link in links_of[name]], prepare=_open_link)
              for name in links_of]
    return dict(zip(links_of, race(app, tmp_path, racers)))


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
