"""Moderation: flags, hiding and restoring content, locks and pins, suspensions, the audit log."""
