"""An event as schema.org ``Event`` JSON-LD (the fields OpenAgenda maps too).

The page writes it with Jinja's ``tojson``, which escapes ``<``, ``>``, ``&`` and ``'`` as
``\\u003c``…: no user text can close the ``<script type="application/ld+json">`` element. The
CSP needs nothing more: a data block is never executed, so ``script-src 'self'`` stays strict.
"""

from __future__ import annotations

from forum.core.markdown import plain_excerpt
from forum.events.models import Event, EventTiming, PlaceKind


def _place(event: Event) -> list[dict]:
    places = []
    if event.attendance_mode.has_place:
        fabrique = event.fabrique
        if event.place_kind is PlaceKind.ADDRESS:
            places.append({"@type": "Place", "name": event.address, "address": event.address})
        elif event.place_kind is PlaceKind.OWN_SPACE:
            room = event.resource.name if event.resource is not None else fabrique.name
            places.append({"@type": "Place", "name": room, "address": {
                "@type": "PostalAddress", "streetAddress": fabrique.address, "postalCode": fabrique.postal_code,
                "addressLocality": fabrique.city, "addressCountry": "FR"}})
        elif event.resource is not None:  # a room booked from another fabrique (its fabrique loaded)
            host = event.resource.fabrique
            places.append({"@type": "Place", "name": f"{event.resource.name} ({host.name})", "address": {
                "@type": "PostalAddress", "streetAddress": host.address, "postalCode": host.postal_code,
                "addressLocality": host.city, "addressCountry": "FR"}})
    if event.attendance_mode.is_online and event.online_url:
        places.append({"@type": "VirtualLocation", "url": event.online_url})
    return places


def event_json_ld(event: Event, url: str, timing: EventTiming | None = None, image_url: str = "") -> dict:
    """The JSON-LD object of ``event`` (its first timing, or ``timing``); ``url``: the page's address."""
    starts_at = timing.starts_at if timing else event.starts_at
    ends_at = timing.ends_at if timing else event.ends_at
    data = {
        "@context": "https://schema.org",
        "@type": event.kind.schema,
        "name": event.title,
        "description": event.summary or plain_excerpt(event.description_html),
        "startDate": starts_at.isoformat(),
        "endDate": ends_at.isoformat(),
        "eventStatus": event.status.schema,
        "eventAttendanceMode": event.attendance_mode.schema,
        "location": _place(event),
        "organizer": {"@type": "Organization", "name": event.fabrique.name, "url": event.fabrique.website or None},
        "url": url,
        "isAccessibleForFree": event.is_free,
    }
    if event.capacity:
        data["maximumAttendeeCapacity"] = event.capacity
    if event.audience:
        data["audience"] = {"@type": "Audience", "audienceType": event.audience}
    if image_url:
        data["image"] = image_url
    if len(event.timings) > 1:
        data["subEvent"] = [{"@type": event.kind.schema, "name": event.title, "startDate": other.starts_at.isoformat(),
                             "endDate": other.ends_at.isoformat()} for other in event.timings]
    return {key: value for key, value in data.items() if value not in (None, "", [])}
