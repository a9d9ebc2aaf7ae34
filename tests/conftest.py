"""Test fixtures: a fresh app per test on the real database, CSRF on, real services.

SQLite by default (a temporary file per test); PostgreSQL when
FORUM_TEST_DATABASE_URL is set (schema created once, tables emptied per test).
"""

from __future__ import annotations

import html
import os
import re
import shutil
import tempfile
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from flask.testing import FlaskClient
from sqlalchemy import event, text
from sqlalchemy.engine import make_url

from forum import create_app
from tests import werkzeug_rules
from forum.core.database import write_intent
from forum.core.wakeup import wakes_committed
from forum.extensions import db
from forum.worker.runner import work_off_now

def _database_of_this_worker(url: str) -> str:
    """With pytest-xdist (``make test`` runs ``-n auto``), each worker gets its own PostgreSQL
    database, ``<name>_gw0``, ``<name>_gw1``…, created on first use: the tests empty and fill their
    tables freely. Spawned processes inherit the address through the environment."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not url or not worker or f"_{worker}" in url:
        return url
    import time

    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    base = make_url(url)
    name = f"{base.database}_{worker}"
    engine = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        for attempt in range(10):  # another worker's CREATE DATABASE may hold the template for a moment
            try:
                with engine.connect() as connection:
                    if connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :name"),
                                          {"name": name}).first() is None:
                        connection.execute(text(f'CREATE DATABASE "{name}"'))
                break
            except Exception:  # noqa: BLE001 - retried, then raised
                if attempt == 9:
                    raise
                time.sleep(0.5)
    finally:
        engine.dispose()
    url = base.set(database=name).render_as_string(hide_password=False)
    os.environ["FORUM_TEST_DATABASE_URL"] = url
    return url


werkzeug_rules.install()  # each URL rule's builder compiled once per process, not once per test
TEST_DATABASE_URL = _database_of_this_worker(os.environ.get("FORUM_TEST_DATABASE_URL", ""))
PASSWORD = "une phrase de passe assez longue"
_CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="csrf_token"')


class HttpsClient(FlaskClient):
    """A test client that talks https, so Secure cookies behave as in production.

    Like a browser on this site it sends a same-origin Referer, which Flask-WTF
    requires on https POSTs.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.environ_base["HTTP_REFERER"] = "https://localhost/"

    def open(self, *args, **kwargs):
        """One request in its own app context, as in production (fresh ``g`` and DB session).

        The test's own session ends its transaction before and after, so it
        neither holds a stale snapshot nor shows stale objects afterwards.
        """
        kwargs.setdefault("base_url", "https://localhost")
        db.session.rollback()
        wakes = wakes_committed()
        with self.application.app_context():
            response = super().open(*args, **kwargs)
        db.session.rollback()
        # A worker that is always instant: the search changes and the e-mails the request
        # committed are applied and sent (in-memory outbox) when the test looks. Like a real
        # worker, it wakes only when a commit announced work.
        if wakes_committed() != wakes:
            with self.application.app_context():
                run_worker_now()
                db.session.remove()
        return response


def base_config(tmp_path) -> dict:
    return {
        "TESTING": True,
        "INSTANCE_PATH": str(tmp_path / "instance"),
        "SECRET_KEY": "test-secret-key",
        # The test client's host: every absolute link (e-mails, feeds) is built from it.
        "SITE_URL": "https://localhost",
        "SQLALCHEMY_DATABASE_URI": TEST_DATABASE_URL or f"sqlite:///{tmp_path / 'forum.sqlite3'}",
        "RATELIMIT_STORAGE_URI": "memory://",
        "MAIL_BACKEND": "locmem",
        # The same scrypt, at a cost that lets the suite create hundreds of accounts quickly;
        # tests/accounts checks the production default.
        "PASSWORD_HASH_METHOD": "scrypt:1024:8:1",
    }


_schema_ready = False


def _prepare_database(app, sqlite_copied: bool = False) -> None:
    global _schema_ready
    with app.app_context():
        if not TEST_DATABASE_URL:
            if not sqlite_copied:
                db.create_all()
                db.session.remove()
                db.engine.dispose()  # nothing left in a journal: the file alone is the schema
                _keep_sqlite_template(app.config["SQLALCHEMY_DATABASE_URI"])
            return
        if not _schema_ready:
            db.drop_all()
            db.create_all()
            _schema_ready = True
        else:
            _empty_tables()


# Emptying the tables between tests: DELETE with the foreign keys' triggers off (the tables are
# small; TRUNCATE of 40 tables costs ~140 ms per test, a tenth of that here), then every used
# sequence restarted, as TRUNCATE … RESTART IDENTITY did. session_replication_role needs the
# superuser the suite already runs as (it creates one database per xdist worker).
_RESTART_SEQUENCES = """
DO $$
DECLARE used record;
BEGIN
  FOR used IN SELECT schemaname, sequencename FROM pg_sequences
              WHERE schemaname = current_schema() AND last_value IS NOT NULL LOOP
    EXECUTE format('ALTER SEQUENCE %I.%I RESTART', used.schemaname, used.sequencename);
  END LOOP;
END $$
"""


def _empty_tables() -> None:
    db.session.execute(text("SET LOCAL session_replication_role = replica"))
    db.session.execute(text("SET LOCAL synchronous_commit = off"))
    for table in reversed(db.metadata.sorted_tables):
        db.session.execute(table.delete())
    db.session.execute(text(_RESTART_SEQUENCES))
    db.session.commit()


_sqlite_template: Path | None = None


def _copy_sqlite_template(url: str) -> bool:
    """Start a test's SQLite file as a copy of an empty database with the schema, kept by this
    process from its first test (copying costs a millisecond, creating 40 tables ~50 ms)."""
    target = Path(make_url(url).database or "")
    if _sqlite_template is None or not target.name or target.exists():
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(_sqlite_template, target)
    return True


def _keep_sqlite_template(url: str) -> None:
    global _sqlite_template
    database = make_url(url).database
    if _sqlite_template is None and database:
        template = Path(tempfile.mkdtemp(prefix="forum-schema-")) / "template.sqlite3"
        shutil.copyfile(database, template)
        _sqlite_template = template


@contextmanager
def running_app(tmp_path, **settings):
    """A fresh app on the test database, within its app context: the test configuration, with
    ``settings`` over it (``SITE_URL``, ``RATELIMIT_ENABLED``…)."""
    config = {**base_config(tmp_path), **settings}
    if config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
        # A commit does not wait for its WAL to reach the disk (what a crash of the server would
        # lose is no test's concern); visibility and locking are unchanged.
        config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", {
            "pool_pre_ping": True, "connect_args": {"options": "-c synchronous_commit=off"}})
    sqlite_copied = not TEST_DATABASE_URL and _copy_sqlite_template(config["SQLALCHEMY_DATABASE_URI"])
    app = create_app(config)
    app.test_client_class = HttpsClient
    _prepare_database(app, sqlite_copied)
    with app.app_context():
        yield app
        db.session.remove()
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def app(tmp_path):
    with running_app(tmp_path) as app:
        yield app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def other_client(app):
    """A second browser."""
    return app.test_client()


def csrf_token(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    match = _CSRF.search(response.get_data(as_text=True))
    assert match, f"no CSRF token on {url}"
    return match.group(1) or match.group(2)


_FORM = re.compile(r"<form\b[^>]*>.*?</form>", re.S)
_ACTION = re.compile(r'\baction="([^"]*)"')
_INPUT = re.compile(r"<input\b[^>]*>")
_ATTRIBUTE = re.compile(r'\b(name|type|value)="([^"]*)"')


def hidden_fields(page_html: str, action: str, page_url: str) -> dict | None:
    """The hidden fields of the form of ``page_html`` that posts to ``action`` (a form without an action
    posts to its page, ``page_url``): its CSRF token, its submission token (a creating form), the
    version it edits…; None when the page has no such form."""
    wanted = urlsplit(action).path
    for match in _FORM.finditer(page_html):
        form = match.group(0)
        target = _ACTION.search(form[:form.index(">") + 1])
        if urlsplit(html.unescape(target.group(1)) if target and target.group(1) else page_url).path == wanted:
            fields = {}
            for tag in _INPUT.findall(form):
                attributes = dict(_ATTRIBUTE.findall(tag))
                if attributes.get("type") == "hidden" and attributes.get("name"):
                    fields[attributes["name"]] = html.unescape(attributes.get("value", ""))
            return fields
    return None


def submission_token(page_html: str, action: str, page_url: str) -> str | None:
    """The submission token (forum.accounts.submissions) of the form posting to ``action``, or None."""
    return (hidden_fields(page_html, action, page_url) or {}).get("submission")


def form_fields(client, url: str, page: str | None = None) -> dict:
    """What a browser sends besides what the person types, from the form of ``page`` (default: ``url``)
    that posts to ``url``: its hidden fields (read from ``url`` itself when ``page`` has no such form),
    and at least the CSRF token of ``page``."""
    page = page or url
    response = client.get(page)
    assert response.status_code == 200, (page, response.status_code)
    text = response.get_data(as_text=True)
    match = _CSRF.search(text)
    assert match, f"no CSRF token on {page}"
    fields = hidden_fields(text, url, page)
    if fields is None and page != url:
        own = client.get(url)
        if own.status_code == 200:
            fields = hidden_fields(own.get_data(as_text=True), url, url)
    return {**(fields or {}), "csrf_token": match.group(1) or match.group(2)}


def submit(client, url: str, data: dict | None = None, *, form_url: str | None = None, **kwargs):
    """POST ``data`` to ``url`` as its form on ``form_url`` (default: ``url``) would: with the CSRF
    token, and the submission token of a creating form (see ``form_fields``)."""
    return client.post(url, data={**form_fields(client, url, form_url), **(data or {})}, **kwargs)


def plain_spaces(text: str) -> str:
    """``text`` with the no-break spaces of French typography (forum.core.typography) as ordinary
    ones: for a test that checks some content is there, not how it is spaced."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


# A browser that asks for English (forum.core.i18n: the page's language when no member preference says).
ENGLISH = {"Accept-Language": "en"}


def page_text(response) -> str:
    """A page's HTML with its entities read and its no-break spaces made ordinary."""
    return plain_spaces(html.unescape(response.get_data(as_text=True)))


def main_text(response) -> str:
    """``page_text`` of the page's <main> only (the site's header and footer have tests of their own)."""
    text = page_text(response)
    return text[text.find("<main"):text.find("</main>")]


def speak_english(*users) -> None:
    """Give these members English as their chosen language (their pages and e-mails follow it)."""
    from sqlalchemy import update

    from forum.accounts.models import User

    db.session.execute(update(User).where(User.id.in_([user.id for user in users])).values(language="en"))
    commit_work()


def sent_emails(app) -> list:
    """The e-mails the worker sent through Flask-Mailman's in-memory backend, oldest first."""
    return app.extensions["mailman"].__dict__.setdefault("outbox", [])


def login(client, email: str, password: str = PASSWORD):
    response = submit(client, "/connexion", {"email": email, "password": password})
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    return response


# -- Builders: data through the real services, committed --------------------------------


@contextmanager
def writing():
    """A builder's writes, in a transaction that takes SQLite's write lock at its BEGIN
    (``write_intent``). A transaction the test left open by reading is ended first: joined, it
    would not take the lock at its BEGIN, and SQLite refuses at once ("database is locked") to let
    it write if another process (the browser tests' live server, its worker) committed since."""
    if db.session().in_transaction():
        db.session.commit()
    with write_intent():
        yield


def commit_work() -> None:
    """Commit the builder's transaction, then do what the worker would do at once (index the
    changes, send the e-mails), as the suite's client does after each request."""
    db.session.commit()
    run_worker_now()


_worker_emulated: ContextVar[bool] = ContextVar("worker_emulated", default=False)


def run_worker_now() -> None:
    """What a worker would do now (index the changes, send the due e-mails), in this process;
    query counters ignore its statements."""
    token = _worker_emulated.set(True)
    try:
        work_off_now()
    finally:
        _worker_emulated.reset(token)


def make_user(email: str = "alice@exemple.fr", name: str = "Alice Martin", password: str = PASSWORD, role=None,
              *, confirmed: bool = True):
    """A registered member; ``confirmed``: their address is confirmed (as if they had opened the link)."""
    from forum.accounts import services
    from forum.accounts.models import Role

    with writing():
        # A moderator's or an administrator's name may use the words reserved to the team.
        user = services.register(email, name, password, staff=role in ("moderator", "admin"))
        if role is not None:
            user.role = Role(role)
        if confirmed:
            services.mark_confirmed(user)
        commit_work()
    return user


def make_fabrique(manager, name: str = "La Fabrique des Possibles", department: str = "23",
                  territory: str = "rural", modules=("fablab", "mediation_numerique"), **fields):
    from forum.fabriques import services

    profile = services.FabriqueProfile(name=name, department_code=department, territory_type=territory,
                                       modules=list(modules), **fields)
    with writing():
        fabrique = services.create_fabrique(manager, profile)
        commit_work()
    return fabrique


def make_member(fabrique, email: str, name: str, *, confirmed: bool = True):
    """A user with an accepted membership of ``fabrique`` (accepted by one of its managers)."""
    from forum.fabriques import memberships
    from forum.fabriques.models import Membership, MembershipRole

    user = make_user(email, name, confirmed=confirmed)
    with writing():
        membership = memberships.request_membership(user, fabrique)
        manager = db.session.execute(
            db.select(Membership).where(Membership.fabrique_id == fabrique.id,
                                        Membership.role == MembershipRole.MANAGER)
        ).scalars().first()
        from forum.accounts.models import User

        memberships.decide_membership(db.session.get(User, manager.user_id), membership, accept=True)
        commit_work()
    _forget_joining()
    return user


def _forget_joining() -> None:
    """What joining told people (the request to the managers, the welcome to the member, in the app
    and by e-mail), as if read long ago: a test counts the notices and e-mails of what it does.
    tests/fabriques/test_joining.py tests them."""
    from flask import current_app

    from forum.notifications.models import Notification

    from forum.core.outbox import OutboxEmail

    def about_joining(subject: str) -> bool:
        return "demande à rejoindre" in subject or subject.startswith("Vous faites maintenant partie de")

    with writing():
        db.session.execute(db.delete(Notification).where(
            Notification.kind.in_(("membership_request", "membership_accepted"))))
        db.session.execute(db.delete(OutboxEmail).where(db.or_(
            OutboxEmail.subject.contains("demande à rejoindre"),
            OutboxEmail.subject.startswith("Vous faites maintenant partie de"))))
        db.session.commit()
    outbox = current_app.extensions["mailman"].__dict__.get("outbox")
    if outbox:
        outbox[:] = [mail for mail in outbox if not about_joining(mail.subject)]


def make_category(name: str = "Médiation numérique", position: int = 1):
    from forum.core.text import slugify
    from forum.threads.models import Category

    category = Category(name=name, slug=slugify(name), description=f"Tout sur {name.lower()}.", position=position)
    db.session.add(category)
    commit_work()
    return category


def make_thread(author, category, title: str = "Comment financer un poste de médiateur ?",
                body: str = "Bonjour, la subvention se termine en juin.", **kwargs):
    from forum.threads import services

    with writing():
        thread = services.start_thread(author, category, title, body, **kwargs)
        commit_work()
    return thread


def make_reply(author, thread, body: str = "Nous avons monté une SCIC, je vous raconte."):
    from forum.threads import services

    with writing():
        post = services.reply(author, thread, body)
        commit_work()
    return post


class QueryCounter:
    def __init__(self):
        self.statements: list[str] = []

    def __call__(self, conn, cursor, statement, parameters, context, executemany):
        if not _worker_emulated.get():  # the request's statements, not the worker's after it
            self.statements.append(statement)

    def direct(self, statement, parameters):
        if not _worker_emulated.get():
            self.statements.append(statement)

    @property
    def count(self) -> int:
        return len([s for s in self.statements if not s.lstrip().upper().startswith(("BEGIN", "PRAGMA"))])


@pytest.fixture
def count_queries(app):
    """Usage: with count_queries() as counter: client.get(...); counter.count"""
    from contextlib import contextmanager

    @contextmanager
    def counting():
        from forum.core import direct_reads

        counter = QueryCounter()
        event.listen(db.engine, "before_cursor_execute", counter)
        direct_reads.listeners.append(counter.direct)  # the reads SQLAlchemy's events do not see
        try:
            yield counter
        finally:
            event.remove(db.engine, "before_cursor_execute", counter)
            direct_reads.listeners.remove(counter.direct)

    return counting


# The longest files (in seconds of a run, most of it waiting on real processes, a browser or a
# thousand requests), scheduled first: `make test` hands whole files to two workers in collection
# order, and a long file collected last leaves one worker alone at the end of the run.
LONGEST_FILES_FIRST = (
    "tests/worker/test_worker_processes.py",
    "tests/test_route_fuzz.py",
    "tests/test_form_fuzz.py",
    "tests/search/test_search_page.py",
    "tests/test_demo_seed.py",
    "tests/e2e/test_journey.py",
    "tests/practices/test_practices.py",
    "tests/resources/test_photos.py",
    "tests/worker/test_schedules.py",
)


def pytest_collection_modifyitems(config, items):
    rank = {path: index for index, path in enumerate(LONGEST_FILES_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::", 1)[0], len(rank)))  # stable: the rest keep their order
