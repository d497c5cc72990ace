"""What lies outside the project, faked with a real HTTP server on loopback: First
Contact's case system (which can be down, hang, or answer) and the team's alert channel."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.integration.stack import free_port


class FakeCouncil:
    def __init__(self) -> None:
        self.port = free_port()
        self.handovers: list[dict] = []
        self.alerts: list[dict] = []
        self.hanging = threading.Event()  # a hand-over post is being held
        self._release = threading.Event()
        self._hang = False
        self._server: ThreadingHTTPServer | None = None

    @property
    def handover_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/handovers"

    @property
    def alert_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/alerts"

    def up(self) -> None:
        self._hang = False
        self._release.set()
        if self._server is None:
            self._server = ThreadingHTTPServer(("127.0.0.1", self.port), self._handler())
            self._server.daemon_threads = True
            threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def hang(self) -> None:
        """Accept hand-overs and never answer, like a case system stuck mid-request."""
        self.up()
        self._release.clear()
        self._hang = True

    def down(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def keys_for(self, conversation_id: str) -> list[str]:
        return [
            h["idempotency_key"] for h in self.handovers if h["conversation_id"] == conversation_id
        ]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        council = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                if self.path == "/alerts":
                    council.alerts.append(body)
                elif council._hang:
                    council.hanging.set()
                    council._release.wait(timeout=60)
                    self.close_connection = True
                    return  # no answer at all
                else:
                    council.handovers.append(body)
                self.send_response(201)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        return Handler
