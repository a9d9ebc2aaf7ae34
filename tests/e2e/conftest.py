"""Browser tests: a real server on 127.0.0.1 driven by Debian's Chromium through Playwright.

Fixtures:
- ``live_server``: a fresh app (same database choice as the rest of the suite: a temporary
  SQLite file, or PostgreSQL when FORUM_TEST_DATABASE_URL is set), seeded with two
  categories and a fabrique with its manager, served by Werkzeug in a daemon thread.
- ``browser`` (session): one Chromium for the whole run.
- ``page``: a fresh browser context (own cookies) per test; ``new_page`` opens more
  contexts in the same test ("a second person on another computer").
- ``screenshot``: saves a full-page PNG under tests/e2e/screenshots/ (git-ignored).
- ``mail_link``: the link an e-mail sent by the server carries (the server writes its e-mails as
  files, ``MAIL_BACKEND=file``, as ``make run`` does).

Every page opened through ``page``/``new_page`` fails the test on a Content-Security-Policy
violation reported in the browser console, and on an uncaught JavaScript error.
"""

from __future__ import annotations

import email
import email.policy
import os
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import PASSWORD, _prepare_database, base_config, make_category, make_fabrique, make_user
from tests.waiting import wait_for

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-quic", "--no-first-run", "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
TIMEOUT_MS = 10_000
CSP_MESSAGE = re.compile(r"content[- ]security[- ]policy", re.IGNORECASE)

MANAGER_EMAIL = "claire.responsable@exemple.fr"
MANAGER_NAME = "Claire Responsable"
FABRIQUE_NAME = "La Fabrique des Possibles"
CATEGORIES = ("Médiation numérique", "Fablab et fabrication")


# The browser journeys that run on PostgreSQL too: those where two people act at once, and the main
# journeys (forum, loans). The others exercise pages whose server side the rest of the suite runs on
# both databases; running them twice would take CI past its 15-minute budget (it is 16 min with them).
ON_BOTH_DATABASES = {"test_conflicts.py", "test_journey.py", "test_catalogue.py", "test_room_booking.py",
                     "test_calendars.py"}


def pytest_collection_modifyitems(config, items):
    if not os.path.exists(CHROMIUM):
        skip = pytest.mark.skip(reason=f"Chromium not found at {CHROMIUM}: the browser tests need Debian's chromium")
        for item in items:
            if "e2e" in item.keywords:
                item.add_marker(skip)
        return
    if os.environ.get("FORUM_TEST_DATABASE_URL"):
        sqlite_only = pytest.mark.skip(reason="browser journey run on SQLite; on PostgreSQL only the concurrent and "
                                              "main journeys (tests/e2e/conftest.py ON_BOTH_DATABASES)")
        for item in items:
            if "e2e" in item.keywords and item.path.name not in ON_BOTH_DATABASES:
                item.add_marker(sqlite_only)


@dataclass
class LiveServer:
    url: str
    app: object
    fabrique_name: str
    fabrique_slug: str
    manager_email: str
    manager_name: str
    password: str
    categories: tuple[str, ...]
    mail_dir: Path


def _whole_responses(app):
    """``app`` answering with whole bodies, its files closed before the server writes them: when
    the browser drops a connection mid-response (it does, for a favicon, as a page moves on),
    Werkzeug's development server leaves a sent file open, and the suite turns the
    ResourceWarning into an error in whichever test is running."""
    def whole(environ, start_response):
        body = app(environ, start_response)
        try:
            return [b"".join(body)]
        finally:
            if hasattr(body, "close"):
                body.close()
    return whole


@pytest.fixture
def live_server(tmp_path):
    from werkzeug.serving import make_server

    from forum import create_app
    from forum.extensions import db
    from forum.worker.runner import Worker

    app = create_app({
        **base_config(tmp_path),
        # Chromium keeps Secure cookies for http://localhost (a "potentially trustworthy"
        # origin), so the production default stays on.
        "SESSION_COOKIE_SECURE": True,
        "MAIL_BACKEND": "file",
        "MAIL_FILE_PATH": str(tmp_path / "mail"),
    })
    _prepare_database(app)  # before seeding: on PostgreSQL it empties the tables
    with app.app_context():
        manager = make_user(MANAGER_EMAIL, MANAGER_NAME)
        fabrique = make_fabrique(manager, name=FABRIQUE_NAME, summary="Tiers-lieu rural : fablab, "
                                 "médiation numérique et café associatif.")
        for position, name in enumerate(CATEGORIES, start=1):
            make_category(name, position=position)
        slug = fabrique.slug
        db.session.remove()

    server = make_server("127.0.0.1", 0, _whole_responses(app), threaded=True)
    # Links in e-mails and feeds point at this server (its host, localhost, is trusted by SITE_URL's).
    app.config["SITE_URL"] = f"http://localhost:{server.server_port}"
    # Polled often, so that stopping it at the end of each test is quick.
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="e2e-live-server",
                              daemon=True)
    thread.start()
    # The worker beside it, as `make run` has one: it sends the e-mails and updates the index.
    worker = Worker(app, run_schedules=False)
    worker_thread = threading.Thread(target=worker.run, name="e2e-worker", daemon=True)
    worker_thread.start()
    assert worker.ready.wait(30), "the worker did not start"
    try:
        yield LiveServer(
            url=f"http://localhost:{server.server_port}", app=app, fabrique_name=FABRIQUE_NAME,
            fabrique_slug=slug, manager_email=MANAGER_EMAIL, manager_name=MANAGER_NAME, password=PASSWORD,
            categories=CATEGORIES, mail_dir=tmp_path / "mail",
        )
    finally:
        worker.stop()
        worker_thread.join(timeout=30)
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class ConsoleWatch:
    """What the browser console said during a test."""

    csp_violations: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def attach(self, page) -> None:
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))

    def _on_console(self, message) -> None:
        text = message.text
        if CSP_MESSAGE.search(text):
            self.csp_violations.append(f"{message.type}: {text} ({message.location.get('url', '')})")
        elif message.type == "error":
            self.errors.append(text)


@pytest.fixture
def console():
    watch = ConsoleWatch()
    yield watch
    assert not watch.csp_violations, "Content-Security-Policy violations:\n" + "\n".join(watch.csp_violations)
    assert not watch.page_errors, "JavaScript errors:\n" + "\n".join(watch.page_errors)


@pytest.fixture
def new_page(browser, live_server, console):
    """Open a page in a fresh browser context (a different person, with their own cookies)."""
    contexts = []

    def open_page(**options):
        # A French reader on a laptop, unless the test says otherwise (locale="en-GB", a phone's viewport).
        options = {"viewport": {"width": 1280, "height": 800}, "locale": "fr-FR", **options}
        context = browser.new_context(base_url=live_server.url, timezone_id="Europe/Paris", **options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        console.attach(page)
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture(scope="session")
def screenshot():
    SCREENSHOTS.mkdir(exist_ok=True)

    def take(page, name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


MAIL_SEPARATOR = b"\n" + b"-" * 79 + b"\n"  # between the messages of one file (Flask-Mailman's file backend)
_URL = re.compile(r"https?://\S+")


def register(page, email: str, name: str, password: str) -> None:
    """Fill in and send the registration form, as a newcomer does (no fabrique chosen)."""
    page.goto("/inscription")
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Nom affiché").fill(name)
    page.get_by_label("Mot de passe", exact=True).fill(password)
    page.get_by_label("Confirmez le mot de passe").fill(password)
    page.get_by_role("button", name="Créer mon compte").click()


def sent_mail(mail_dir: Path) -> list[email.message.EmailMessage]:
    """Every e-mail the live server wrote so far, oldest first."""
    messages = []
    for path in sorted(mail_dir.glob("*.log"), key=lambda path: path.stat().st_mtime_ns):
        for chunk in path.read_bytes().split(MAIL_SEPARATOR):
            if chunk.strip():
                messages.append(email.message_from_bytes(chunk, policy=email.policy.default))
    return messages


@pytest.fixture
def mail_link(live_server):
    """``mail_link(to, "/confirmer/")``: the path of that link in the latest e-mail to ``to`` that has one,
    waiting a few seconds for it (some e-mails leave just after the response)."""

    def link_in_mail(to: str, prefix: str) -> str | None:
        for message in reversed(sent_mail(live_server.mail_dir)):
            if message["To"] == to:
                paths = [re.sub(r"^https?://[^/]+", "", url) for url in _URL.findall(message.get_body().get_content())]
                paths = [path for path in paths if path.startswith(prefix)]
                if paths:
                    return paths[0]
        return None

    def find(to: str, prefix: str) -> str:
        path = wait_for(lambda: link_in_mail(to, prefix), TIMEOUT_MS / 1000, interval=0.1)
        assert path, f"no e-mail to {to} with a {prefix} link"
        return path

    return find
