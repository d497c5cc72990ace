"""What lies outside the project, faked with a real HTTP server on loopback: First
Contact's case system (which can be down, hang, or answer) and the team's alert channel."""

from __future__ import annotations

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeCouncil:
    def __init__(self) -> None:
        self._reserved: socket.socket | None = None
        self.port = self._reserve(0)
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

    def _reserve(self, port: int) -> int:
        """Hold the port while "down": bound but not listening, so a connection is refused
        and no other process (nor the kernel, for a client's own end) can take it."""
        self._reserved = socket.socket()
        self._reserved.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._reserved.bind(("127.0.0.1", port))
        return self._reserved.getsockname()[1]

    def up(self) -> None:
        self._hang = False
        self._release.set()
        if self._server is None:
            if self._reserved is not None:
                self._reserved.close()
                self._reserved = None
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
        if self._reserved is None:
            self._reserve(self.port)

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
