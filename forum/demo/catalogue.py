"""Demo material for the shared catalogue: equipment, rooms and know-how the fabriques share.

Plain data, no database and no randomness: ``forum.demo.seed_catalogue`` and ``seed_loans`` pick from
it.
Names of products are common makes of equipment; every organisation and person is invented.
The ``word`` of an item is drawn on its demo photo: plain ASCII capitals (the bundled font
has no accents).
The material lives in ``forum/demo/data/catalogue.toml``; this module declares its types and loads
it (``forum.demo.loading``: an unknown, missing or mistyped key fails at import).
"""

from __future__ import annotations

from typing import NamedTuple

from forum.demo.loading import load_into


class EquipmentItem(NamedTuple):
    category: str
    names: tuple[str, ...]  # variants: one is chosen per fabrique
    word: str
    blurb: str  # the description's first paragraph (Markdown)
    includes: tuple[str, ...]  # "Fourni avec" list
    quantity: tuple[int, int] = (1, 1)  # how many the fabrique has (min, max)
    deposits: tuple[int | None, ...] = (None,)  # caution in euros, None ("none" in the data file): no deposit
    days: tuple[int, int] = (7, 14)  # maximum loan length (min, max), in days


class RoomItem(NamedTuple):
    category: str
    names: tuple[str, ...]  # "{proper}" is replaced by a room name, "{places}" by the capacity
    word: str
    blurb: str  # "{places}" and "{surface}" are replaced
    capacity: tuple[int, int]  # the main capacity (min, max)
    layout: str  # "meeting", "workshop", "hall", "office" or "outdoor": which capacities apply
    equipment: tuple[str, ...]
    modules: tuple[str, ...] = ()  # only in a fabrique with one of these modules (empty: any fabrique)


class KnowHowItem(NamedTuple):
    category: str
    name: str
    word: str
    body: str  # the content (Markdown)


# -- Equipment --------------------------------------------------------------------------------
EQUIPMENT: tuple[EquipmentItem, ...]
CATEGORY_WEIGHTS: dict[str, dict[str, float]]  # module -> equipment category -> weight
BASE_CATEGORY_WEIGHT: float  # added to every category's weight
USAGE_CONDITIONS: dict[str, tuple[str, ...]]  # by equipment category
TIPS: dict[str, tuple[str, ...]]  # by equipment category
PICKUP_PLACES: tuple[str, ...]

# -- Rooms ------------------------------------------------------------------------------------
ROOMS: tuple[RoomItem, ...]
PROFILE_ROOMS: dict[str, tuple[str, str, str, str]]  # room name -> (category, layout, word, blurb)
ROOM_PROPER_NAMES: tuple[str, ...]
ROOM_MAX_DAYS: tuple[int, ...]
ACCESSIBILITY: tuple[str, ...]
PRICES: tuple[str, ...]
ROOM_USES: tuple[str, ...]
ROOM_NOTES: tuple[str, ...]

# -- Know-how ---------------------------------------------------------------------------------
KNOW_HOW: tuple[KnowHowItem, ...]
LICENCE_WEIGHTS: tuple[tuple[str, int], ...]
KNOW_HOW_ENDINGS: dict[str, tuple[str, ...]]  # by know-how category

# -- Loans ------------------------------------------------------------------------------------
PURPOSES: dict[str, tuple[str, ...]]  # by equipment category, and "espace" for any room
REQUEST_MESSAGES: tuple[str, ...]
ROOM_REQUEST_MESSAGES: tuple[str, ...]
QUESTIONS: tuple[tuple[str, str], ...]  # (question, answer)
CONSUMABLE_QUESTIONS: tuple[tuple[str, str], ...]
DEPOSIT_QUESTIONS: tuple[tuple[str, str], ...]
ROOM_QUESTIONS: tuple[tuple[str, str], ...]
LOGISTICS: tuple[str, ...]
DEPOSIT_LOGISTICS: tuple[str, ...]
ROOM_LOGISTICS: tuple[str, ...]
DURING: tuple[str, ...]
ROOM_DURING: tuple[str, ...]
THANKS_AFTER: tuple[str, ...]
OVERDUE_REMINDERS: tuple[str, ...]
OVERDUE_ANSWERS: tuple[str, ...]
DECLINE_NOTES: tuple[str, ...]
AFTER_DECLINE: tuple[str, ...]
CANCEL_NOTES: tuple[str, ...]
ACCEPT_NOTES: tuple[str, ...]
RETURN_NOTES: tuple[str, ...]
CATEGORY_RETURN_NOTES: dict[str, tuple[str, ...]]  # by equipment category
ROOM_RETURN_NOTES: tuple[str, ...]

load_into(__name__, "catalogue.toml")
