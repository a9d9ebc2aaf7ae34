"""Logging: user-controlled text never forges a log line; refused requests leave a warning.

``install_log_escaping`` wraps the process's log record factory once: in every record's
arguments (paths, query strings, names, messages of exceptions…), CR, LF, NUL and the other
control characters, the Unicode line separators and the bidirectional overrides become visible
escapes (``\\r``, ``\\n``, ``\\x00``, ``\\u202e``), so one record stays one line that says what
it says. Log with arguments (``log.info("… %s", path)``), never by formatting user text into
the message yourself.

``log_refused_request`` writes one WARNING line per refused request (400, 403, 409, 413, 429):
method, path, status, remote address, member id and the reason, never a form value (a password
may be one), a cookie or the session.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from flask import Response, g, request

log = logging.getLogger("forum.requests")

REFUSED_STATUSES = frozenset({400, 403, 405, 409, 413, 429})
_ESCAPES = {code: f"\\x{code:02x}" for code in [*range(0x20), *range(0x7F, 0xA0)]}
_ESCAPES.update({ord("\r"): "\\r", ord("\n"): "\\n", ord("\t"): "\\t"})
_ESCAPES.update({code: f"\\u{code:04x}" for code in [0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]})


def escape_for_log(text: str) -> str:
    """``text`` on one line, its control, line-separating and bidirectional characters escaped."""
    return text.translate(_ESCAPES)


def _escaped(value):
    return escape_for_log(value) if isinstance(value, str) else value


def _escape_args(record: logging.LogRecord) -> logging.LogRecord:
    args = record.args
    if isinstance(args, tuple):
        record.args = tuple(_escaped(value) for value in args)
    elif isinstance(args, Mapping):
        record.args = {key: _escaped(value) for key, value in args.items()}
    return record


def install_log_escaping() -> None:
    """Escape the arguments of every log record of this process (idempotent)."""
    factory = logging.getLogRecordFactory()
    if getattr(factory, "escapes_arguments", False):
        return

    def escaping_factory(*args, **kwargs) -> logging.LogRecord:
        return _escape_args(factory(*args, **kwargs))

    escaping_factory.escapes_arguments = True
    logging.setLogRecordFactory(escaping_factory)


def refuse_reason(reason: str) -> None:
    """Say why this request is being refused, for its warning line (an English phrase, no user value)."""
    g.refuse_reason = reason


def log_refused_request(response: Response) -> Response:
    """after_request: one WARNING line for a refused request."""
    if response.status_code in REFUSED_STATUSES:
        # The member is named only if already loaded: a refused request costs no extra query.
        user = g.get("_login_user")
        log.warning("Refused %s %s: %d %s (from %s, member %s)", request.method, request.path,
                    response.status_code, g.get("refuse_reason", "refused"), request.remote_addr,
                    user.id if user is not None and getattr(user, "is_authenticated", False) else "-")
    return response
