"""The dependency rules of ../shared/architecture.md, read from the imports with ast."""

import ast
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
    "moderation": {"core", "accounts", "fabriques", "notifications", "threads", "resources", "practices", "messages"},
    "digests": {"core", "accounts", "fabriques", "notifications", "threads", "resources", "practices"},
    "demo": {"core", "accounts", "fabriques", "notifications", "threads", "resources", "practices", "moderation",
             "messages"},
    "feeds": {"core", "accounts", "fabriques", "threads", "resources", "practices"},
    "members": {"core", "accounts", "fabriques", "notifications", "threads", "resources", "practices", "moderation",
                "messages"},
    # The worker runs everyone's background work, search included: it sits with the commands.
    "worker": {"core", "accounts", "fabriques", "notifications", "threads", "resources", "practices", "moderation",
               "digests", "search", "messages"},
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
        for path in sorted((PACKAGE / domain).glob("*.py")):
            yield domain, path


@pytest.mark.parametrize("domain,path", list(_domain_files()), ids=lambda value: getattr(value, "name", value))
def test_domains_only_import_lower_layers(domain, path):
    for module, _ in _imports(path):
        parts = module.split(".")
        if parts[0] == "forum" and len(parts) > 1 and parts[1] in ALLOWED | {"search": None}:
            assert parts[1] == domain or parts[1] in ALLOWED[domain], f"{path.name} imports {module}"
        assert parts[0] != "whoosh", f"{path} imports whoosh (only forum/search may)"
        assert parts[0] != "bleach" or path == PACKAGE / "core" / "sanitize.py", f"{path} imports bleach"


@pytest.mark.parametrize("path", sorted(PACKAGE.glob("*/models.py")), ids=lambda p: p.parent.name)
def test_models_do_not_import_flask(path):
    for module, _ in _imports(path):
        assert module.split(".")[0] not in FLASK_MODULES, f"{path} imports {module}"
        assert module != "forum.extensions", f"{path} imports the Flask extensions"


# The use-case modules: every domain module but the web layer (views, forms, CLI commands, any
# module that defines a blueprint) and the demo generator.
WEB_LAYER = ("views.py", "forms.py", "commands.py", "__init__.py")
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


def test_services_never_commit():
    for path in USE_CASE_MODULES:
        assert ".commit(" not in path.read_text(), f"{path} commits; the view commits once per request"


def test_templates_mark_nothing_safe():
    templates = Path(__file__).resolve().parent.parent / "templates"
    for path in templates.rglob("*.html"):
        assert "|safe" not in path.read_text().replace(" ", ""), f"{path} uses |safe"
