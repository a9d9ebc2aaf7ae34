"""The suite's shared URL builders (tests/werkzeug_rules.py) build what Werkzeug builds alone."""

from __future__ import annotations

from flask import url_for

from forum import create_app
from tests import werkzeug_rules
from tests.conftest import base_config

# Every kind of rule the forum has: static, with converters (id, path, slug), with query arguments.
SAMPLE_VALUES = {"thread_id": 12, "post_id": 7, "slug": "un-sujet", "user_id": 3, "resource_id": 4,
                 "loan_id": 5, "practice_id": 6, "filename": "css/forum.css", "kind": "message",
                 "target_id": 8, "token": "abc", "tag": "vélo", "change": "verrouiller", "revision": 2}


def _all_urls(app) -> dict[str, str]:
    urls = {}
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            values = {name: SAMPLE_VALUES.get(name, 1) for name in rule.arguments}
            try:
                urls[rule.endpoint + repr(sorted(rule.arguments))] = url_for(rule.endpoint, **values, page=2)
            except Exception as error:  # noqa: BLE001 - a value a converter refuses: compared too
                urls[rule.endpoint + repr(sorted(rule.arguments))] = f"refused: {type(error).__name__}"
    return urls


def test_shared_builders_build_the_same_urls_as_werkzeug_alone(tmp_path):
    werkzeug_rules.uninstall()
    try:
        alone = _all_urls(create_app(base_config(tmp_path / "alone")))
    finally:
        werkzeug_rules.install()
    create_app(base_config(tmp_path / "first"))  # fills the shared builders
    shared = _all_urls(create_app(base_config(tmp_path / "second")))
    assert len(alone) > 100
    assert shared == alone
    assert sum(not url.startswith("refused") for url in alone.values()) > 100
