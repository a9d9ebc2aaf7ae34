"""No form field gives a 5xx: every POST form the site shows, each field in turn given hostile values.

The forms are found by reading every page of the URL map (as a member, then an admin, then an
anonymous visitor) over a small world; each is submitted with what the page shows (its CSRF
token, its values) but one field changed: the longest value the form accepts (PostgreSQL must
store it: a varchar shorter than the form's limit would fail there, not on SQLite), one
character more, huge and odd numbers, odd dates. A NUL anywhere is a French 400. None may
answer 5xx or log an error (the database refusing a value is logged as one).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest
from werkzeug.datastructures import MultiDict

from forum.resources.models import ResourceKind
from tests.conftest import PASSWORD, login, running_app
from tests.fuzzing import real_pages, world  # noqa: F401 - world: a fixture

# Forms that would end the test's sessions (logging out, deleting the account).
SKIPPED_ACTIONS = ("/deconnexion", "/profil/supprimer-mon-compte")
NUMBERS = [str(2**31), str(10**30), "-1", "\u00b2", "nan", "1e309"]
DATES = ["0001-01-01", "9999-12-31", "2024-02-30", "99999-01-01"]


@dataclass
class Field:
    name: str
    kind: str  # input type, "textarea" or "select"
    value: str = ""
    maxlength: int | None = None
    options: list[str] = field(default_factory=list)


@dataclass
class Form:
    action: str
    fields: list[Field] = field(default_factory=list)
    button: tuple[str, str] | None = None

    def baseline(self) -> list[tuple[str, str]]:
        data = [(f.name, f.value if f.kind != "select" else (f.value or (f.options or [""])[0])) for f in self.fields]
        return data + ([self.button] if self.button else [])


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._textarea: Field | None = None
        self._select: Field | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            post = (attrs.get("method") or "get").lower() == "post"
            self._form = Form(attrs.get("action") or "") if post else None
            if self._form is not None:
                self.forms.append(self._form)
        if self._form is None or not attrs.get("name") and tag != "option":
            return
        maxlength = int(attrs["maxlength"]) if attrs.get("maxlength", "").isdigit() else None
        if tag == "input":
            kind = (attrs.get("type") or "text").lower()
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                if not any(f.name == attrs["name"] for f in self._form.fields):
                    self._form.fields.append(Field(attrs["name"], kind, ""))  # a name to fuzz, sent empty
                return
            if kind in ("submit", "button", "image", "file"):
                return
            self._form.fields.append(Field(attrs["name"], kind, attrs.get("value") or "", maxlength))
        elif tag == "button" and self._form.button is None and attrs.get("value") is not None:
            self._form.button = (attrs["name"], attrs["value"])
        elif tag == "textarea":
            self._textarea = Field(attrs["name"], "textarea", "", maxlength)
            self._form.fields.append(self._textarea)
        elif tag == "select":
            self._select = Field(attrs["name"], "select")
            self._form.fields.append(self._select)
        elif tag == "option" and self._select is not None:
            self._select.options.append(attrs.get("value", ""))
            if "selected" in attrs:
                self._select.value = attrs.get("value", "")

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.value += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form":
            self._form = None


def forms_of(html: str) -> list[Form]:
    parser = _FormParser()
    parser.feed(html)
    return parser.forms


def _hostile_values(item: Field) -> list[str]:
    values = list(NUMBERS)
    if item.maxlength:
        values += ["a" * item.maxlength, "a" * (item.maxlength + 1)]
    else:
        values.append("\u00e9" * 5000)
    if item.kind in ("date", "number") or "date" in item.name:
        values += DATES
    return values


@pytest.fixture
def app(tmp_path):
    """The suite's app with the rate limits off: thousands of refused submissions are the point here."""
    with running_app(tmp_path, RATELIMIT_ENABLED=False) as app:
        yield app


# The forms are shared out between several tests, so that each stays well within the per-test
# timeout on a busy machine and xdist can run them side by side.
SHARDS = 4


@pytest.mark.parametrize("shard", range(SHARDS))
def test_every_form_field_with_hostile_values(app, world, caplog, shard):  # noqa: F811 - world is the fixture
    member, admin, anonymous = app.test_client(), app.test_client(), app.test_client()
    login(member, "membre@exemple.fr", PASSWORD)
    login(admin, "admin@exemple.fr", PASSWORD)
    pages = [path for _, path in real_pages(app, world)]
    # Forms that only a query argument shows: each kind of resource, a reply quoting a post.
    pages += [f"/ressources/nouvelle?type={kind.value}" for kind in ResourceKind]
    pages.append(f"/sujets/{world['thread_id']}/repondre?citer={world['post_id']}")
    found: dict[tuple, tuple] = {}  # one form per (action's endpoint, field names), first seen
    for client in (member, admin, anonymous):
        for page in pages:
            response = client.get(page)
            if response.status_code != 200 or response.mimetype != "text/html":
                continue
            for form in forms_of(response.get_data(as_text=True)):
                action = form.action or page
                if action.startswith(SKIPPED_ACTIONS) or not [f for f in form.fields if f.name != "csrf_token"]:
                    continue
                adapter = app.url_map.bind("localhost")
                endpoint = adapter.match(action.split("?")[0], method="POST")[0]
                found.setdefault((endpoint, tuple(f.name for f in form.fields)), (client, action, form))
    endpoints = {key[0] for key in found}
    assert {"threads.new_thread", "threads.reply", "resources.create", "fabriques.edit", "practices.create",
            "resources.request_loan", "moderation.suspend", "accounts.login", "onboarding.register"} <= endpoints

    failures: list[str] = []
    for client, action, form in list(found.values())[shard::SHARDS]:
        def send(data, expected=None, what=""):
            caplog.clear()
            response = client.post(action, data=MultiDict(data))
            errors = [record.getMessage()[:200] for record in caplog.records if record.levelno >= logging.ERROR]
            if response.status_code >= 500 or errors or (expected and response.status_code != expected):
                failures.append(f"{response.status_code} POST {action} {what[:80]!r} {errors}")

        baseline = form.baseline()
        send([(name, value + "\x00" if name != "csrf_token" else value) for name, value in baseline], 400, "NUL")
        for item in form.fields:
            if item.name == "csrf_token":
                continue
            for value in _hostile_values(item):
                data = [(name, old) for name, old in baseline if name != item.name] + [(item.name, value)]
                send(data, what=f"{item.name}={value}")
    assert not failures, f"{len(failures)} failures:\n" + "\n".join(failures[:60])
