"""A readable comparison of two revisions: field by field, words added and removed. Pure."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from markupsafe import Markup, escape

# A word with the spaces after it: spaces never match on their own, so a rewritten
# phrase shows as one removed run and one added run, not alternating word pairs.
_TOKENS = re.compile(r"\S+\s*|\s+")


@dataclass(frozen=True)
class FieldDiff:
    label: str
    html: Markup  # the new text with <del> and <ins> marks, escaped
    changed: bool


def word_diff(old: str, new: str) -> Markup:
    """``new`` as escaped HTML where removed words are in <del> and added ones in <ins>."""
    old_tokens, new_tokens = _TOKENS.findall(old or ""), _TOKENS.findall(new or "")
    parts: list[str] = []
    matcher = difflib.SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    for operation, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        removed, added = "".join(old_tokens[a_start:a_end]), "".join(new_tokens[b_start:b_end])
        if operation == "equal":
            parts.append(str(escape(added)))
            continue
        if removed.strip():
            parts.append(f"<del>{escape(removed.rstrip())}</del>")
        if added.strip():
            if removed.strip():
                parts.append(" ")
            parts.append(f"<ins>{escape(added.rstrip())}</ins>{escape(added[len(added.rstrip()):])}")
        elif removed.strip():
            parts.append(str(escape(removed[len(removed.rstrip()):])))
    return Markup("".join(parts))


def compare(old: dict[str, str], new: dict[str, str], labels: dict[str, str]) -> list[FieldDiff]:
    """One FieldDiff per labelled field, in the labels' order."""
    return [FieldDiff(label, word_diff(old.get(key, ""), new.get(key, "")), old.get(key, "") != new.get(key, ""))
            for key, label in labels.items()]
