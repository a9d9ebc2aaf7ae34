"""Extraction for ``make messages`` (pybabel, babel.cfg) of forum/api/views.py: its Python strings,
and the sentences of the OpenAPI YAML in its views' docstrings (summaries, descriptions, the
responses' descriptions), which the documentation page (forum.api.doc_views) shows in the
reader's language. The OpenAPI document itself stays French.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

import yaml
from babel.messages.extract import extract_python


def extract_views(fileobj, keywords, comment_tags, options) -> Iterator[tuple[int, str, str, list[str]]]:
    """pybabel's extractor interface: (line number, function name, message, comments)."""
    source = fileobj.read()
    fileobj.seek(0)
    yield from extract_python(fileobj, keywords, comment_tags, options)
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef) and (docstring := ast.get_docstring(node, clean=True)):
            for message in _operation_texts(docstring):
                yield node.lineno, None, message, []


def _operation_texts(docstring: str) -> Iterator[str]:
    # apispec's convention: the YAML comes after a line of three dashes.
    _head, separator, spec = docstring.partition("---")
    if not separator:
        return
    for operation in (yaml.safe_load(spec) or {}).values():
        for key in ("summary", "description"):
            if isinstance(operation.get(key), str):
                yield operation[key]
        for parameter in operation.get("parameters") or ():
            if isinstance(parameter, dict) and isinstance(parameter.get("description"), str):
                yield parameter["description"]
        for response in (operation.get("responses") or {}).values():
            if isinstance(response, dict) and isinstance(response.get("description"), str):
                yield response["description"]
