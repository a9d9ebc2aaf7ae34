"""A practice report as one Markdown document (its page's « Exporter en Markdown »), as Les Bases do.

The sections are the Markdown their authors wrote, as stored; the metadata (verdict, fabrique,
themes, dates, licence) comes first as a list, and a link back to the page closes it.
"""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from forum.core.typography import french_spacing
from forum.practices.models import LICENCES, SECTIONS, Practice

DELETED_MEMBER = _l("Membre supprimé")


def _line(label: str, value: str) -> str:
    return french_spacing(_("- **%(label)s :** %(value)s", label=label, value=value))


def practice_markdown(practice: Practice, page_url: str, fabrique_url: str) -> str:
    """The report (loaded with its fabrique, themes and authors) as Markdown; ``page_url`` and
    ``fabrique_url``: absolute addresses of its page and of its fabrique's."""
    authors = [str(DELETED_MEMBER) if author.deleted_at is not None else author.display_name
               for author in practice.authors]
    lines = [f"# {practice.title}", "",
             _line(_("Verdict"), _(practice.kind.label)),
             _line(_("Fabrique"), f"[{practice.fabrique.name}]({fabrique_url})"),
             _line(_("Territoire"), _(practice.territory_type.label))]
    if practice.themes:
        lines.append(_line(_("Thèmes"), ", ".join(theme.name for theme in practice.themes)))
    if practice.period:
        lines.append(_line(_("Période"), practice.period))
    if authors:
        lines.append(_line(_("Auteurs"), ", ".join(authors)))
    published = practice.published_at.date().isoformat() if practice.published_at else _("brouillon, non publié")
    lines += [_line(_("Publié le"), published), _line(_("Mis à jour le"), practice.updated_at.date().isoformat()),
              _line(_("Licence"), _(LICENCES.get(practice.licence, practice.licence))), ""]
    for key, title in SECTIONS.items():
        text = getattr(practice, f"{key}_source").strip()
        if text:
            lines += [f"## {french_spacing(_(title))}", "", text, ""]
    lines += ["---", "", french_spacing(_("Source : <%(url)s>", url=page_url)), ""]
    return "\n".join(lines)
