"""A small ORUK 3.0 API over a list of records, on 127.0.0.1: the benchmark's remote feed.

It speaks only what an importer needs (`/services` paged, `/services/{id}`), so imports can
be exercised over real HTTP without a network.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from directory.publish import LIST_FIELDS, BadRequest, page_envelope, paging


def _handler(records: list[dict[str, Any]], full_lists: bool) -> type[BaseHTTPRequestHandler]:
    by_id = {record["id"]: record for record in records}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            url = urlsplit(self.path)
            if url.path.rstrip("/") == "/services":
                params = {k: v[0] for k, v in parse_qs(url.query).items()}
                try:
                    page, per_page = paging(params)
                except BadRequest as error:
                    return self._send(400, {"error": str(error)})
                chosen = records[(page - 1) * per_page : page * per_page]
                if not full_lists:
                    chosen = [{k: r[k] for k in LIST_FIELDS if k in r} for r in chosen]
                return self._send(200, page_envelope(chosen, len(records), page, per_page))
            if url.path.startswith("/services/"):
                record = by_id.get(unquote(url.path.removeprefix("/services/")))
                return self._send(200, record) if record else self._send(404, {})
            return self._send(404, {})

        def _send(self, status: int, body: Any) -> None:
            data = json.dumps(body).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: a benchmark should not print a line per request."""

    return Handler


@contextmanager
def serve_feed(records: list[dict[str, Any]], full_lists: bool = False) -> Iterator[str]:
    """Serve `records` on a free port; yields the base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(records, full_lists))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
