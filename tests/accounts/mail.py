"""Reading the e-mails the tests' in-memory outbox received, and the links in them."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_LINK = re.compile(r"https?://\S+")


def outbox(app) -> list:
    return app.extensions["mailman"].__dict__.setdefault("outbox", [])


def sent_to(app, address: str) -> list:
    return [email for email in outbox(app) if email.to == [address]]


def link_in(email, prefix: str) -> str:
    """The local path of the one link of ``email`` that starts with ``prefix`` ("/mot-de-passe/")."""
    paths = [urlsplit(url).path for url in _LINK.findall(email.body)]
    [path] = [path for path in paths if path.startswith(prefix)]
    return path
