"""Who sees content a moderator has hidden (``forum.core.models.Hideable``).

Hidden content is gone from public pages, lists and search; moderators still see it, and
so do its authors, with the reason, so they know what happened and can fix it.
"""

from __future__ import annotations

from forum.core.models import HiddenKind


def is_moderator(viewer) -> bool:
    return bool(viewer is not None and getattr(viewer, "is_authenticated", False) and viewer.is_moderator)


def can_see(viewer, content, *author_ids: int | None) -> bool:
    """Whether ``viewer`` (a user, anonymous or None) may see ``content`` written by ``author_ids``."""
    if content.hidden_at is None:
        return True
    if viewer is None or not getattr(viewer, "is_authenticated", False):
        return False
    return viewer.is_moderator or viewer.id in author_ids


# A new member's post with links is held (``HiddenKind.AWAITING_APPROVAL``) until a moderator
# approves it (forum.threads holds it, forum.moderation lists and decides it). The author reads
# this sentence above their post; the kind, not the sentence, is how the code knows it is held.
AWAITING_APPROVAL = ("En attente de validation : les premiers messages d'un nouveau membre qui contiennent "
                     "des liens sont relus par l'équipe de modération avant d'être publiés.")


def is_awaiting_approval(content) -> bool:
    return content.hidden_at is not None and content.hidden_kind == HiddenKind.AWAITING_APPROVAL
