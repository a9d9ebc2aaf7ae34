"""The dependency rules of ../shared/architecture.md, read from the imports with ast."""

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "forum"
# Which domain may import which (core is below everything; search is above all domains).
ALLOWED = {
    "core": set(),
    "accounts": {"core"},
    # A fabrique's managers are told of requests to join it: notifications sit below fabriques.
    "notifications": {"core", "accounts"},
    "fabriques": {"core", "accounts", "notifications"},
    "threads": {"core", "accounts", "fabriques", "notifications"},
    "resources": {"core", "accounts", "fabriques", "notifications"},
    "practices": {"core", "accounts", "fabriques", "notifications", "threads", "resources"},
    "messages": {"core", "accounts", "fabriques", "notifications", "threads"},
    # The agenda: events of fabriques, held in their rooms or in rooms booked through loans.
    "events": {"core", "accounts", "fabriques", "notifications", "resources"},
    "moderation": {"core", "accounts", "fabriques", "notifications", "threads", "resources", "practices", "messages",
                   "events"},
    "digests": {"core", "accounts", "fabriques", "notifications", "threads", "resources", "practices"},
    "demo": {"core", "accounts", "fabriques", "notifications", "threads", "resources", "practices", "moderation",
             "messages", "events"},
    "feeds": {"core", "accounts", "fabriques", "threads", "resources", "practices", "events"},
    # The public read API (/api/v1/): like the feeds, it reads the public content of every domain.
    "api": {"core", "accounts", "fabriques", "threads", "resources", "practices", "events"},
    "members": {"core", "accounts", "fabriques", "notifications", "threads", "resources", "practices", "moderation",
                "messages", "events"},
    # The worker runs everyone's background work, search included: it sits with the commands.
    # The top domain: it indexes every other one's content (the worker runs it, beside the commands).
    "search": {"core", "accounts", "fabriques", "notifications", "threads", "resources", "practices", "moderation",
               "messages", "digests", "feeds", "members", "demo", "events"},
    "worker": {"core", "accounts", "fabriques", "notifications", "threads", "resources", "practices", "moderation",
               "digests", "search", "messages", "events"},
}
# The modules of the package itself: the factory and the commands wire every domain together;
# the settings and the extensions sit below every domain.
TOP_LEVEL = {
    "__init__.py": set(ALLOWED),
    "commands.py": set(ALLOWED),
    "config.py": set(),
    "extensions.py": {"core"},  # the declarative base (core.models) the database extension maps
}
FLASK_MODULES = ("flask", "flask_sqlalchemy", "flask_login", "flask_wtf", "flask_babel", "flask_limiter",
                 "flask_migrate", "werkzeug")
REQUEST_GLOBALS = {"request", "session", "current_user", "url_for", "g"}


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    tree = ast.parse(path.read_text(), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.module, [alias.name for alias in node.names]))
    return found


def _domain_files():
    for domain in ALLOWED:
        for path in sorted((PACKAGE / domain).rglob("*.py")):
            yield domain, path


def _rules():
    """Every module of the package with what it may import: (allowed domains, own domain or None)."""
    for domain, path in _domain_files():
        yield path, ALLOWED[domain], domain
    for name, allowed in TOP_LEVEL.items():
        yield PACKAGE / name, allowed, None


def _label(path: Path) -> str:
    return str(path.relative_to(PACKAGE))


def test_every_module_has_its_row():
    """A new domain (or a new top-level module) gets its row here and in ../shared/architecture.md."""
    covered = {path for path, _, _ in _rules()}
    assert sorted(_label(path) for path in PACKAGE.rglob("*.py") if path not in covered) == []


@pytest.mark.parametrize("path,allowed,domain", list(_rules()), ids=lambda value: _label(value)
                         if isinstance(value, Path) else "")
def test_modules_only_import_lower_layers(path, allowed, domain):
    for module, _ in _imports(path):
        parts = module.split(".")
        if parts[0] == "forum" and len(parts) > 1 and parts[1] in ALLOWED:
            assert parts[1] == domain or parts[1] in allowed, f"{_label(path)} imports {module}"
        assert parts[0] != "whoosh" or domain == "search", f"{path} imports whoosh (only forum/search may)"
        assert parts[0] != "bleach" or path == PACKAGE / "core" / "sanitize.py", f"{path} imports bleach"


# A module that defines a blueprint (views.py, loan_views.py, onboarding.py...) is the web layer's
# edge: only the factory imports it. Helpers that views share live in core/web.py or in a
# domain's web.py.
BLUEPRINT_MODULES = {path for path in PACKAGE.rglob("*.py") if "Blueprint(" in path.read_text()}


def _module_path(module: str) -> Path | None:
    path = PACKAGE.parent.joinpath(*module.split(".")).with_suffix(".py")
    return path if path.exists() else None


@pytest.mark.parametrize("path", sorted(set(PACKAGE.rglob("*.py")) - {PACKAGE / "__init__.py"}), ids=_label)
def test_views_do_not_import_other_views(path):
    for module, names in _imports(path):
        imported = [_module_path(module)] + [_module_path(f"{module}.{name}") for name in names]
        blueprints = [target for target in imported if target in BLUEPRINT_MODULES and target != path]
        assert not blueprints, f"{_label(path)} imports a blueprint module: {module}"


@pytest.mark.parametrize("path", sorted(PACKAGE.glob("*/models.py")), ids=lambda p: p.parent.name)
def test_models_do_not_import_flask(path):
    for module, _ in _imports(path):
        assert module.split(".")[0] not in FLASK_MODULES, f"{path} imports {module}"
        assert module != "forum.extensions", f"{path} imports the Flask extensions"


# The use-case modules: every domain module but the web layer (views, forms, CLI commands, any
# module that defines a blueprint) and the demo generator.
WEB_LAYER = ("views.py", "forms.py", "commands.py", "__init__.py", "web.py")
# The worker's loops are its edge: each unit of work (an e-mail sent, a scheduled job) commits
# there, as a view commits once per request.
WORKER_EDGE = ("runner.py", "schedules.py")
USE_CASE_MODULES = sorted(path for domain in ALLOWED if domain not in ("core", "demo")
                          for path in (PACKAGE / domain).glob("*.py")
                          if not path.name.endswith(WEB_LAYER) and "Blueprint(" not in path.read_text()
                          and not (domain == "worker" and path.name in WORKER_EDGE))


@pytest.mark.parametrize("path", USE_CASE_MODULES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_services_do_not_read_the_request(path):
    for module, names in _imports(path):
        if module.split(".")[0] in ("flask", "flask_login"):
            assert not REQUEST_GLOBALS & set(names), f"{path} imports {names} from {module}"


# A Whoosh index writer's commit (forum/search) is not a database transaction.
DATABASE_COMMIT = re.compile(r"(?<!writer)\.commit\(")


def test_services_never_commit():
    for path in USE_CASE_MODULES:
        assert not DATABASE_COMMIT.search(path.read_text()), f"{path} commits; the view commits once per request"


def test_templates_mark_nothing_safe():
    templates = Path(__file__).resolve().parent.parent / "templates"
    for path in templates.rglob("*.html"):
        assert "|safe" not in path.read_text().replace(" ", ""), f"{path} uses |safe"
