"""MAIL_LEASE_SECONDS: how long a worker owns the e-mails it claimed (forum.core.mail.lease_duration)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from forum import create_app
from forum.config import ConfigurationError
from forum.core.mail import lease_duration
from tests.conftest import base_config


def test_by_default_the_lease_outlasts_a_whole_batch_of_timeouts(app):
    assert lease_duration(20) == timedelta(seconds=3 * 20 * (10 + 5))
    assert lease_duration(1) == timedelta(minutes=5)


def test_a_set_lease_is_used(tmp_path):
    app = create_app({**base_config(tmp_path), "MAIL_TIMEOUT": 2, "MAIL_LEASE_SECONDS": 8})
    with app.app_context():
        assert lease_duration(20) == timedelta(seconds=8)


def test_a_lease_too_short_to_send_anything_is_refused_at_start(tmp_path):
    # A worker tries an e-mail only while MAIL_TIMEOUT + 5 s remain of its lease: with less, it would
    # claim and release the same e-mails forever.
    with pytest.raises(ConfigurationError, match="FORUM_MAIL_LEASE_SECONDS=7 est trop court"):
        create_app({**base_config(tmp_path), "MAIL_TIMEOUT": 2, "MAIL_LEASE_SECONDS": 7})
