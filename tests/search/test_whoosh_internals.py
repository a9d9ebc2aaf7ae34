"""forum.search.whoosh_internals is the one module touching Whoosh's private parts, and it refuses
to run on a Whoosh it was not written for (what it reads is proven in test_oracle.py)."""

from __future__ import annotations

import ast
import importlib
import inspect
import os
import subprocess
import sys
from pathlib import Path

import pytest
import whoosh

from forum.search import whoosh_internals
from forum.search.whoosh_internals import SUPPORTED_WHOOSH_VERSION, UnsupportedWhooshVersion, check_whoosh

SEARCH_PACKAGE = Path(whoosh_internals.__file__).parent
GUARDED = Path(whoosh_internals.__file__).name


def test_the_installed_whoosh_is_the_supported_one():
    assert tuple(whoosh.__version__) == SUPPORTED_WHOOSH_VERSION
    check_whoosh(whoosh.__version__)


def test_another_whoosh_version_is_refused_with_what_to_do():
    with pytest.raises(UnsupportedWhooshVersion) as refused:
        check_whoosh((2, 7, 6))
    message = str(refused.value)
    assert "2.7.5" in message and "2.7.6" in message
    assert "whoosh_internals.py" in message and "test_oracle.py" in message


def test_a_missing_private_name_is_refused_even_under_the_same_version():
    with pytest.raises(UnsupportedWhooshVersion, match=r"W3LeafMatcher\._read_blocks"):
        check_whoosh(SUPPORTED_WHOOSH_VERSION, {whoosh_internals.W3LeafMatcher: ("_read_blocks",)})


def test_the_search_fails_at_import_under_another_whoosh(tmp_path):
    # In a child process: the check runs once, when the module is first imported.
    script = "import whoosh\nwhoosh.__version__ = (2, 8, 0)\nimport forum.search.query\n"
    child = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                           env={**os.environ, "PYTHONPATH": str(SEARCH_PACKAGE.parent.parent)})
    assert child.returncode != 0
    assert "UnsupportedWhooshVersion" in child.stderr and "forum.search needs Whoosh 2.7.5" in child.stderr


def _project_private_names() -> set[str]:
    """The names with a leading underscore that forum/search itself defines (outside the guarded
    module, where a name such as ``_btexts`` is defined to override Whoosh's)."""
    names: set[str] = set()
    for path in SEARCH_PACKAGE.glob("*.py"):
        if path.name == GUARDED:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
    return {name for name in names if name.startswith("_")}


def test_no_other_module_reads_a_private_name_it_does_not_define():
    own = _project_private_names()
    readers = []
    for path in sorted(SEARCH_PACKAGE.glob("*.py")):
        if path.name == GUARDED:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Attribute) and node.attr.startswith("_")
                    and not node.attr.startswith("__") and node.attr not in own):
                readers.append(f"{path.name}:{node.lineno}: .{node.attr}")
    assert readers == []


def test_no_other_module_overrides_a_private_whoosh_method():
    overrides = []
    for path in sorted(SEARCH_PACKAGE.glob("*.py")):
        if path.name in (GUARDED, "__init__.py"):
            continue
        module = importlib.import_module(f"forum.search.{path.stem}")
        for cls in vars(module).values():
            if not inspect.isclass(cls) or cls.__module__ != module.__name__:
                continue
            whoosh_bases = [base for base in cls.__mro__[1:] if base.__module__.startswith("whoosh")]
            for name in vars(cls):
                if name.startswith("_") and not name.startswith("__") and any(hasattr(base, name) for base in whoosh_bases):
                    overrides.append(f"{cls.__module__}.{cls.__name__}.{name}")
    assert overrides == []
