"""Demo material for the agenda: events the fabriques organise (``forum/demo/data/events.toml``).

Plain data, no database and no randomness: ``forum.demo.seed_events`` picks from it.
"""

from __future__ import annotations

from typing import NamedTuple

from forum.demo.loading import load_into


class EventItem(NamedTuple):
    title: str  # "{fabrique}" is replaced by the organiser's name
    kind: str
    summary: str
    description: str  # Markdown
    audience: str
    hours: int
    capacity: int = 0  # 0: no limit
    price: str = ""  # empty: free
    online: bool = False
    mixed: bool = False
    sessions: int = 1  # timings, a week apart


EVENTS: tuple[EventItem, ...]

load_into(__name__, "events.toml")
