"""A practice report as one Markdown document (its page's « Exporter en Markdown »), as Les Bases do.

The sections are the Markdown their authors wrote, as stored; the metadata (verdict, fabrique,
themes, dates, licence) comes first as a list, and a link back to the page closes it.
"""

from __future__ import annotations

from forum.core.typography import french_spacing
from forum.practices.models import LICENCES, SECTIONS, Practice

DELETED_MEMBER = "Membre supprimé"


def _line(label: str, value: str) -> str:
    return french_spacing(f"- **{label} :** {value}")


def practice_markdown(practice: Practice, page_url: str, fabrique_url: str) -> str:
    """The report (loaded with its fabrique, themes and authors) as Markdown; ``page_url`` and
    ``fabrique_url``: absolute addresses of its page and of its fabrique's."""
    authors = [DELETED_MEMBER if author.deleted_at is not None else author.display_name for author in practice.authors]
    lines = [f"# {practice.title}", "",
             _line("Verdict", practice.kind.label),
             _line("Fabrique", f"[{practice.fabrique.name}]({fabrique_url})"),
             _line("Territoire", practice.territory_type.label)]
    if practice.themes:
        lines.append(_line("Thèmes", ", ".join(theme.name for theme in practice.themes)))
    if practice.period:
        lines.append(_line("Période", practice.period))
    if authors:
        lines.append(_line("Auteurs", ", ".join(authors)))
    published = practice.published_at.date().isoformat() if practice.published_at else "brouillon, non publié"
    lines += [_line("Publié le", published), _line("Mis à jour le", practice.updated_at.date().isoformat()),
              _line("Licence", LICENCES.get(practice.licence, practice.licence)), ""]
    for key, title in SECTIONS.items():
        text = getattr(practice, f"{key}_source").strip()
        if text:
            lines += [f"## {french_spacing(title)}", "", text, ""]
    lines += ["---", "", french_spacing(f"Source : <{page_url}>"), ""]
    return "\n".join(lines)
