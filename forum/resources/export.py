"""A catalogue resource as one Markdown document (its page's « Exporter en Markdown »).

The description is the Markdown its fabrique wrote, as stored; the facts come first as a list,
and a link back to the page closes it.
"""

from __future__ import annotations

from flask_babel import gettext as _, ngettext

from forum.core.typography import french_spacing
from forum.resources.models import Resource, ResourceKind


def _line(label: str, value: str) -> str:
    return french_spacing("- **" + _("%(label)s\u00a0:", label=label) + f"** {value}")


def resource_markdown(resource: Resource, page_url: str, fabrique_url: str) -> str:
    """The resource (loaded with its fabrique) as Markdown; ``page_url`` and ``fabrique_url``: absolute
    addresses of its page and of its fabrique's."""
    lines = [f"# {resource.name}", "",
             _line(_("Type"), resource.kind.label),
             _line(_("Catégorie"), resource.category_label),
             _line(_("Fabrique"), f"[{resource.fabrique.name}]({fabrique_url})")]
    if resource.kind is ResourceKind.EQUIPMENT:
        lines.append(_line(_("Quantité"), str(resource.quantity)))
    if resource.kind is ResourceKind.SPACE and resource.capacity_meeting:
        people = ngettext("%(num)d personne", "%(num)d personnes", resource.capacity_meeting)
        lines.append(_line(_("Capacité en réunion"), people))
    if resource.kind is ResourceKind.KNOW_HOW and resource.licence:
        lines.append(_line(_("Licence"), resource.licence_label))
    if resource.paused:
        lines.append(_line(_("Disponibilité"), _("indisponible pour le moment")))
    lines += [_line(_("Mis à jour le"), resource.updated_at.date().isoformat()), ""]
    if resource.description_source.strip():
        lines += ["## " + _("Description"), "", resource.description_source.strip(), ""]
    if resource.usage_conditions.strip():
        lines += ["## " + _("Conditions d'utilisation"), "", resource.usage_conditions.strip(), ""]
    lines += ["---", "", french_spacing(_("Source\u00a0: <%(url)s>", url=page_url)), ""]
    return "\n".join(lines)
