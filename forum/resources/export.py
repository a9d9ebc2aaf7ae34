"""A catalogue resource as one Markdown document (its page's « Exporter en Markdown »).

The description is the Markdown its fabrique wrote, as stored; the facts come first as a list,
and a link back to the page closes it.
"""

from __future__ import annotations

from forum.core.typography import french_spacing
from forum.resources.models import LICENCES, Resource, ResourceKind


def _line(label: str, value: str) -> str:
    return french_spacing(f"- **{label} :** {value}")


def resource_markdown(resource: Resource, page_url: str, fabrique_url: str) -> str:
    """The resource (loaded with its fabrique) as Markdown; ``page_url`` and ``fabrique_url``: absolute
    addresses of its page and of its fabrique's."""
    lines = [f"# {resource.name}", "",
             _line("Type", resource.kind.label),
             _line("Catégorie", resource.category_label),
             _line("Fabrique", f"[{resource.fabrique.name}]({fabrique_url})")]
    if resource.kind is ResourceKind.EQUIPMENT:
        lines.append(_line("Quantité", str(resource.quantity)))
    if resource.kind is ResourceKind.SPACE and resource.capacity_meeting:
        lines.append(_line("Capacité en réunion", f"{resource.capacity_meeting} personnes"))
    if resource.kind is ResourceKind.KNOW_HOW and resource.licence:
        lines.append(_line("Licence", LICENCES.get(resource.licence, resource.licence)))
    if resource.paused:
        lines.append(_line("Disponibilité", "indisponible pour le moment"))
    lines += [_line("Mis à jour le", resource.updated_at.date().isoformat()), ""]
    if resource.description_source.strip():
        lines += ["## Description", "", resource.description_source.strip(), ""]
    if resource.usage_conditions.strip():
        lines += ["## Conditions d'utilisation", "", resource.usage_conditions.strip(), ""]
    lines += ["---", "", french_spacing(f"Source : <{page_url}>"), ""]
    return "\n".join(lines)
