import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import select

from directory.db import session_scope
from directory.feed import FeedError
from directory.feedserver import serve_feed
from directory.importer import import_source
from directory.models import Schedule, Service
from tests.directory_factories import database, service

pytestmark = pytest.mark.integration

RECORDS = [
    service(f"svc-{n}", f"Group {n}", terms=("need-loneliness",), byday="TU", postcode="S8 0ZB")
    for n in range(7)
]


def _ids(url: str) -> set[str]:
    with session_scope(url) as session:
        return set(session.execute(select(Service.id)).scalars())


@pytest.mark.parametrize("full_lists", [False, True])
def test_services_are_read_page_by_page_with_details_fetched_when_lists_are_brief(
    tmp_path: Path, full_lists: bool
) -> None:
    url = database(tmp_path)
    with serve_feed(RECORDS, full_lists=full_lists) as base, session_scope(url) as session:
        summary = import_source(session, base, progress=False)
    assert summary.added == 7 and not summary.rejected
    with session_scope(url) as session:
        days = session.execute(select(Schedule.byday).where(Schedule.service_id == "svc-6"))
        assert days.scalars().all() == ["TU"]


def test_a_second_import_from_the_api_changes_nothing_and_retires_what_vanished(
    tmp_path: Path,
) -> None:
    url = database(tmp_path)
    feed = list(RECORDS)
    with serve_feed(feed) as base:
        with session_scope(url) as session:
            import_source(session, base, progress=False)
        feed.pop()
        with session_scope(url) as session:
            summary = import_source(session, base, progress=False)
    assert (summary.unchanged, summary.retired, summary.added) == (6, 1, 0)


class _BreaksOnPageTwo(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if "page=1" in self.path:
            body = json.dumps(
                {
                    "total_items": 4,
                    "total_pages": 2,
                    "page_number": 1,
                    "last_page": False,
                    "contents": RECORDS[:2],
                }
            ).encode()
        else:
            body = b"<html>Bad gateway</html>"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        """Quiet test output."""


@contextmanager
def _broken_feed() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _BreaksOnPageTwo)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_feed_that_fails_part_way_changes_nothing(tmp_path: Path) -> None:
    url = database(tmp_path, [service("kept", "Kept Service")])
    with (
        _broken_feed() as base,
        pytest.raises(FeedError, match="did not answer with JSON"),
        session_scope(url) as session,
    ):
        import_source(session, base, progress=False)
    assert _ids(url) == {"kept"}


def test_an_api_that_is_not_there_is_reported_without_changes(tmp_path: Path) -> None:
    url = database(tmp_path, [service("kept", "Kept Service")])
    with serve_feed([]) as base:
        pass  # the port is closed again: nothing listens there now
    with pytest.raises(FeedError, match="could not read"), session_scope(url) as session:
        import_source(session, base, progress=False)
    assert _ids(url) == {"kept"}
