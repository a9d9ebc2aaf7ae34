"""Atom 1.0 documents (RFC 4287) built with ElementTree: always well-formed, whatever the text.

Pure: no Flask, no database. Views turn rows into ``Feed`` and ``Entry`` values with
absolute URLs; ``render`` turns them into UTF-8 bytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from xml.etree import ElementTree

ATOM_NAMESPACE = "http://www.w3.org/2005/Atom"
CONTENT_TYPE = "application/atom+xml; charset=utf-8"
# An empty feed still needs an <updated>: a fixed date keeps it identical from one request to the next.
EMPTY_FEED_UPDATED = datetime(1970, 1, 1, tzinfo=timezone.utc)
# Characters XML 1.0 cannot carry at all, even escaped (control characters, lone surrogates...).
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class Person:
    name: str
    uri: str | None = None


@dataclass(frozen=True)
class Category:
    term: str
    label: str


@dataclass(frozen=True)
class Entry:
    title: str
    link: str
    id: str
    updated: datetime
    authors: list[Person]
    published: datetime | None = None
    content_html: str = ""  # sanitised HTML, sent escaped as type="html"
    summary: str = ""  # plain text, when there is no HTML content
    categories: list[Category] = field(default_factory=list)


@dataclass(frozen=True)
class Feed:
    title: str
    self_url: str
    page_url: str  # the HTML page the feed follows
    base_url: str  # resolves relative links inside the entries' HTML
    entries: list[Entry]
    subtitle: str = ""
    icon_url: str | None = None
    language: str = "fr"  # of the feed's own words (titles, summaries); entries keep their authors' language

    @property
    def updated(self) -> datetime:
        return max((entry.updated for entry in self.entries), default=EMPTY_FEED_UPDATED)


def xml_text(value: str) -> str:
    """``value`` without the characters XML cannot represent."""
    return _NOT_XML.sub("", value)


def timestamp(value: datetime) -> str:
    """RFC 3339 in UTC, to the second: 2026-03-05T14:02:11Z."""
    if value.tzinfo is None:
        raise ValueError("naive datetime in a feed")
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _add(parent: ElementTree.Element, tag: str, text: str | None = None, **attributes: str) -> ElementTree.Element:
    element = ElementTree.SubElement(parent, tag, {name: xml_text(value) for name, value in attributes.items()})
    if text is not None:
        element.text = xml_text(text)
    return element


def _add_person(parent: ElementTree.Element, tag: str, person: Person) -> None:
    element = _add(parent, tag)
    _add(element, "name", person.name)
    if person.uri:
        _add(element, "uri", person.uri)


def render(feed: Feed) -> bytes:
    root = ElementTree.Element("feed", {"xmlns": ATOM_NAMESPACE, "xml:lang": feed.language, "xml:base": xml_text(feed.base_url)})
    _add(root, "id", feed.self_url)
    _add(root, "title", feed.title)
    if feed.subtitle:
        _add(root, "subtitle", feed.subtitle)
    _add(root, "updated", timestamp(feed.updated))
    _add(root, "link", rel="self", type="application/atom+xml", href=feed.self_url)
    _add(root, "link", rel="alternate", type="text/html", href=feed.page_url)
    _add(root, "generator", "Forum des Fabriques")
    if feed.icon_url:
        _add(root, "icon", feed.icon_url)
    for entry in feed.entries:
        element = _add(root, "entry")
        _add(element, "id", entry.id)
        _add(element, "title", entry.title)
        _add(element, "link", rel="alternate", type="text/html", href=entry.link)
        if entry.published is not None:
            _add(element, "published", timestamp(entry.published))
        _add(element, "updated", timestamp(entry.updated))
        for person in entry.authors:
            _add_person(element, "author", person)
        for category in entry.categories:
            _add(element, "category", term=category.term, label=category.label)
        if entry.summary:
            _add(element, "summary", entry.summary)
        if entry.content_html:
            _add(element, "content", entry.content_html, type="html")
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)
