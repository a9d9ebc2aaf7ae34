"""Actions for the admins' journal that domains below forum.moderation perform.

The journal (``forum.moderation.models.ModerationLog``) belongs to the moderation package, which
the lower domains (accounts, threads...) may not import. They announce such an action with
``record`` instead, inside the transaction that performs it; forum.moderation listens and adds
the journal row to that same transaction, so the row and the action commit or roll back together.
"""

from __future__ import annotations

from blinker import Namespace

_signals = Namespace()
audited_action = _signals.signal("audited-action")


def record(actor, action: str, target_type: str, target_id: int, *, reason: str = "", detail: str = "") -> None:
    """Announce that ``actor`` did ``action`` (a ModerationAction value) on a target
    (a TargetType value and id)."""
    audited_action.send(actor, action=action, target_type=target_type, target_id=target_id, reason=reason,
                        detail=detail)
