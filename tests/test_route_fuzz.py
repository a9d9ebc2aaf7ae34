"""No URL or query string gives a 5xx: every GET route of the URL map, walked with hostile values.

Each converter of each GET rule takes each hostile value in turn (the other converters keep
values that name real rows of a small seeded world), as an anonymous visitor, a member and an
admin. Then every query argument that a page actually reads (recorded while the page is
served) takes each hostile value. On PostgreSQL this catches what SQLite tolerates: integers
past the column's type, NUL characters, over-long values. No request may answer 5xx, nor log
an error (a refused value that reached the database is logged as an error even when answered
with a 400: see forum/core/web.py).
"""

from __future__ import annotations

import logging

import pytest

from werkzeug.datastructures import ImmutableMultiDict

from tests.conftest import PASSWORD, login
from tests.fuzzing import get_rules, path_of, real_pages, real_value, world  # noqa: F401 - world: a fixture

# Path segments, already percent-encoded as a browser would send them.
HOSTILE_SEGMENTS = [
    "0", "-1", str(2**31 - 1), str(2**31), str(2**63), str(10**30), "abc", "%C2%B2", "%D9%A1%D9%A2",
    "%00", "a%00b", "%ff", "%ED%A0%80", "x" * 5000, "%E2%80%AEtxt.exe", "%0D%0ASet-Cookie:%20a=b", "..%2F..",
]
# Query-string values (percent-encoded); "page" and every filter a page reads get each of them.
HOSTILE_VALUES = [
    "1", "0", "-1", str(2**31), str(2**63), str(10**30), "1e999", "abc", "%C2%B2", "%00", "a%00b", "%ff",
    "%ED%A0%80", "y" * 5000, "%E2%80%AE", "0000-01-01", "0001-01-01", "9999-12-31", "99999-12-31", "2024-02-30",
    "%0D%0A",
]
# Pages that read an argument only once another one is valid: what they get besides the fuzzed one.
BASE_ARGUMENTS = {"practices.compare": {"de": "1", "a": "1"},
                  "resources.index": {"du": "2025-06-02", "au": "2025-06-06"}}


class _RecordingArgs(ImmutableMultiDict):
    """Query arguments that remember which names the view asked for."""

    read: set[str] = set()

    def __getitem__(self, key):
        self.read.add(key)
        return super().__getitem__(key)

    def get(self, key, default=None, type=None):
        self.read.add(key)
        return super().get(key, default, type)

    def getlist(self, key, type=None):
        self.read.add(key)
        return super().getlist(key, type)

    def __contains__(self, key):
        self.read.add(key)
        return super().__contains__(key)


def _clients(app, world):
    anonymous, member, admin = app.test_client(), app.test_client(), app.test_client()
    login(member, "membre@exemple.fr", PASSWORD)
    login(admin, "admin@exemple.fr", PASSWORD)
    return {"anonyme": anonymous, "membre": member, "admin": admin}


def _check(client, url: str, failures: list[str], caplog) -> int:
    caplog.clear()
    response = client.get(url)
    errors = [record for record in caplog.records if record.levelno >= logging.ERROR]
    if response.status_code >= 500 or errors:
        failures.append(f"{response.status_code} {url[:200]} {[record.getMessage()[:200] for record in errors]}")
    return response.status_code


# The rules are shared out between several tests, so that each stays well within the per-test
# timeout on a busy machine and xdist can run them side by side.
SHARDS = 3


@pytest.mark.parametrize("shard", range(SHARDS))
def test_every_get_route_with_hostile_path_values(app, world, caplog, shard):
    failures: list[str] = []
    rules = get_rules(app)
    assert len(rules) >= 40
    for role, client in _clients(app, world).items():
        for rule in rules[shard::SHARDS]:
            real = {name: real_value(world, rule, name) for name in rule.arguments}
            assert _check(client, path_of(rule, real), failures, caplog) < 500
            for name in rule.arguments:
                for value in HOSTILE_SEGMENTS:
                    _check(client, path_of(rule, {**real, name: value}), failures, caplog)
    assert not failures, f"{len(failures)} failures:\n" + "\n".join(failures[:60])


def _query(arguments: dict[str, str]) -> str:
    return "&".join(f"{name}={value}" for name, value in arguments.items())


# Every role's pages feed one check of the arguments read somewhere: one test, with room to run.
@pytest.mark.timeout(360)
def test_every_query_argument_a_page_reads_with_hostile_values(app, world, caplog):
    app.request_class = type("RecordingRequest", (app.request_class,), {"parameter_storage_class": _RecordingArgs})
    failures: list[str] = []
    read_somewhere: set[str] = set()
    for role, client in _clients(app, world).items():
        for endpoint, page in real_pages(app, world):
            base = BASE_ARGUMENTS.get(endpoint, {})
            _RecordingArgs.read = set()
            if _check(client, f"{page}?{_query(base)}", failures, caplog) in (302, 401, 403, 404, 405):
                continue  # not open to this role (a 400 is: the page wants arguments)
            names = _RecordingArgs.read - {"csrf_token"}
            read_somewhere |= names
            for name in sorted(names):
                for value in HOSTILE_VALUES:
                    _check(client, f"{page}?{_query({**base, name: value})}", failures, caplog)
                _check(client, f"{page}?{_query(base)}&{name}=1&{name}=%00&{name}={'z' * 3000}", failures, caplog)
    assert {"page", "q", "categorie", "fabrique", "du", "au", "moderateur", "citer", "next", "a"} <= read_somewhere
    assert not failures, f"{len(failures)} failures:\n" + "\n".join(failures[:60])
