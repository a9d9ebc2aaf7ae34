"""Extraction of translatable labels from the data files, for ``make messages`` (pybabel).

The vocabularies and texts that pages show live in TOML files (content is data); their French
labels are msgids like the templates' strings, and the code that shows them passes them through
gettext. Configured in babel.cfg, per file:

    [toml: forum/events/data/labels.toml]
    skip_keys = schema

Every string value is extracted (in tables and arrays), except those under a key listed in
``skip_keys`` and those that are codes rather than words ("FABRIQUE", "api.fabriques", a URL).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator

_CODE = re.compile(r"[A-Z0-9_]+|[a-z][a-z0-9_-]*|[\w-]*[_.:/][\w.:/-]*|\d[\d.]*")


def is_code(text: str) -> bool:
    """Whether ``text`` names something for machines (an identifier in capitals or lower case, a URL, a number), not people: labels start with a capital."""
    return not text.strip() or _CODE.fullmatch(text) is not None


def extract_toml(fileobj, keywords, comment_tags, options) -> Iterator[tuple[int, str, str, list[str]]]:
    """pybabel's extractor interface: (line number, function name, message, comments)."""
    source = fileobj.read().decode("utf-8")
    skip = {key.strip() for key in options.get("skip_keys", "").split(",") if key.strip()}
    lines = source.splitlines()
    seen: set[str] = set()
    for message in _strings(tomllib.loads(source), skip):
        if message in seen or is_code(message):
            continue
        seen.add(message)
        yield _line_of(lines, message), None, message, []


def _strings(value, skip: set[str]) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in skip:
                yield from _strings(item, skip)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, skip)


def _line_of(lines: list[str], message: str) -> int:
    # Where the message appears last on a line (its value, after a key written the same way).
    quoted = message.replace("\\", "\\\\").replace('"', '\\"')
    for number, line in enumerate(lines, start=1):
        if f'"{quoted}"' in line or f"'{message}'" in line:
            return number
    return 1
