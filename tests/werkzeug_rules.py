"""A speed-up of the test suite: each URL rule's builder compiled once per process, not once per app.

The suite builds an app for almost every test (about 1,300 per run), and Werkzeug compiles
the URL builder of each of its 114 rules from a generated AST each time: about 40 ms an app,
the most expensive part of ``create_app``. The builder's code depends only on the rule's text
and parsed parts; it reaches the rule's converters through the rule it is bound to. So a
builder compiled for one app serves the same rule of the next app.

Werkzeug's private names are used here and nowhere else (``Rule._compile_builder``,
``Rule._trace``, ``Rule.defaults``); the version is checked at import, and
tests/test_werkzeug_rules.py checks the public behaviour (``url_for`` and ``build`` give the
same URLs with and without it).
"""

from __future__ import annotations

from importlib.metadata import version

from werkzeug.routing.rules import Rule

SUPPORTED_VERSIONS = ("3.1.",)
WERKZEUG_VERSION = version("werkzeug")
if not WERKZEUG_VERSION.startswith(SUPPORTED_VERSIONS):
    raise RuntimeError(f"tests/werkzeug_rules.py relies on Werkzeug {SUPPORTED_VERSIONS} internals; "
                       f"Werkzeug {WERKZEUG_VERSION} is installed: check Rule._compile_builder, then "
                       "update SUPPORTED_VERSIONS (or remove this speed-up).")

_compile_builder = Rule._compile_builder
_builders: dict[tuple, object] = {}


def _cached_compile_builder(self: Rule, append_unknown: bool = True):
    if self.defaults:  # defaults are folded into the code through the converters: not shared
        return _compile_builder(self, append_unknown)
    key = (self.rule, tuple(self._trace), append_unknown)
    builder = _builders.get(key)
    if builder is None:
        builder = _builders[key] = _compile_builder(self, append_unknown)
    return builder


def install() -> None:
    """Share compiled builders between the apps of this process (idempotent)."""
    Rule._compile_builder = _cached_compile_builder


def uninstall() -> None:
    Rule._compile_builder = _compile_builder
