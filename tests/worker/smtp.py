"""A real SMTP server for the worker's tests (aiosmtpd, in a thread of the test process).

    with smtp_server() as server:          # listens on 127.0.0.1, a free port: server.port
        server.refuse(2)                   # the next 2 messages get "451", then it accepts again
        server.refuse_all() / server.accept_all()
        server.delay = 0.3                 # each message is answered 0.3 s after its data arrived
        server.wait_for(lambda s: len(s.accepted) >= 10, timeout=30)

What it saw, under one lock (the server runs in its own thread): ``received`` (every message whose
data arrived, whatever the answer: a copy "in flight" when its sender died is there), ``accepted``
(answered 250), ``refused`` (answered 451), ``connections`` (SMTP connections opened by clients).
Each message is a ``Received`` with its Message-ID header and its recipients.
"""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email import message_from_bytes
from email.policy import default as default_policy

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP

REFUSAL = "451 4.3.0 Temporary failure, please try again later"


@dataclass(frozen=True)
class Received:
    message_id: str
    recipients: tuple[str, ...]
    subject: str


class RecordingHandler:
    """aiosmtpd handler: answers each message's data with 250 or 451, after ``delay`` seconds."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self.received: list[Received] = []
        self.accepted: list[Received] = []
        self.refused: list[Received] = []
        self.connections = 0
        self.delay = 0.0
        self._refusals_left = 0  # float("inf"): refuse everything

    # -- what the test asks --------------------------------------------------------------------
    def refuse(self, count: int) -> None:
        """Answer the next ``count`` messages with a temporary failure (451), then accept again."""
        with self._changed:
            self._refusals_left = count

    def refuse_all(self) -> None:
        self.refuse(float("inf"))

    def accept_all(self) -> None:
        self.refuse(0)

    def wait_for(self, condition: Callable[[RecordingHandler], bool], timeout: float = 30) -> bool:
        """Wait until ``condition(self)`` is true (checked under the lock at every change); its last value."""
        with self._changed:
            return self._changed.wait_for(lambda: condition(self), timeout=timeout)

    def message_ids(self, which: str = "accepted") -> list[str]:
        with self._changed:
            return [message.message_id for message in getattr(self, which)]

    def snapshot(self) -> dict:
        with self._changed:
            return {"connections": self.connections, "received": len(self.received),
                    "accepted": len(self.accepted), "refused": len(self.refused)}

    def reset(self) -> None:
        with self._changed:
            self.received, self.accepted, self.refused, self.connections = [], [], [], 0
            self._changed.notify_all()

    # -- called by the server's thread ---------------------------------------------------------
    def connection_opened(self) -> None:
        with self._changed:
            self.connections += 1
            self._changed.notify_all()

    async def handle_DATA(self, server, session, envelope) -> str:
        parsed = message_from_bytes(envelope.original_content or envelope.content, policy=default_policy)
        message = Received(str(parsed.get("Message-ID", "")), tuple(envelope.rcpt_tos), str(parsed.get("Subject", "")))
        with self._changed:
            self.received.append(message)
            delay = self.delay
            self._changed.notify_all()
        if delay:
            await asyncio.sleep(delay)  # cancelled if the client goes away meanwhile: no answer, nothing accepted
        with self._changed:
            if self._refusals_left > 0:
                self._refusals_left -= 1
                self.refused.append(message)
                answer = REFUSAL
            else:
                self.accepted.append(message)
                answer = "250 2.0.0 Message accepted for delivery"
            self._changed.notify_all()
        return answer


class _CountingSMTP(SMTP):
    def connection_made(self, transport) -> None:
        super().connection_made(transport)
        if self.transport is transport and self._original_transport is None:  # not a STARTTLS upgrade
            self.event_handler.connection_opened()


class _Controller(Controller):
    """Listens on a socket bound beforehand to a free port (no race for the port number)."""

    def __init__(self, handler: RecordingHandler) -> None:
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind(("127.0.0.1", 0))
        super().__init__(handler, hostname="127.0.0.1", port=self._socket.getsockname()[1], ready_timeout=30)

    def factory(self):
        return _CountingSMTP(self.handler, **self.SMTP_kwargs)

    def _create_server(self):
        return self.loop.create_server(self._factory_invoker, sock=self._socket)


@contextmanager
def smtp_server() -> Iterator[RecordingHandler]:
    """A running SMTP server on 127.0.0.1 for the block; the handler, with ``port`` set."""
    handler = RecordingHandler()
    controller = _Controller(handler)
    controller.start()
    try:
        handler.reset()  # forget the controller's own probe connection
        handler.port = controller.port
        yield handler
    finally:
        controller.stop()
