"""How the dispatcher treats each kind of answer from the council's system, and the alert
when a hand-over is late: a scripted HTTP server stands in for the council's side."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlalchemy import select

from bot.database import session_scope
from bot.handover.delivery import Endpoint
from bot.handover.dispatcher import run_once
from bot.handover.models import OutboxMessage
from bot.handover.outbox import submit
from bot.handover.policy import DeliveryPolicy
from tests.unit.handover.factories import database, record, safeguarding_facts

POLICY = DeliveryPolicy(backoff_base_seconds=60, timeout_seconds=0.5, alert_after_seconds=0.3)


class Council(ThreadingHTTPServer):
    """Answers every POST with `status` after `delay` seconds and keeps what it was sent."""

    status = 201
    delay = 0.0

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.received: list[tuple[str, dict]] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    server: Council

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.received.append((self.path, json.loads(body)))
        time.sleep(self.server.delay)
        # The alert webhook always takes the alert; only hand-overs get the scripted answer.
        self.send_response(200 if self.path == "/alerts" else self.server.status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *_args: object) -> None:
        """Quiet: the test reads `received`, not the server's log."""


@pytest.fixture
def council() -> Iterator[Council]:
    server = Council()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def after_one_round(tmp_path, council: Council, webhook: str = "") -> OutboxMessage:
    url = database(tmp_path)
    with session_scope(url) as session:
        submit(session, record(), datetime.now(timezone.utc))
    run_once(url, Endpoint(f"{council.url}/api/handovers", "secret"), POLICY, webhook)
    with session_scope(url) as session:
        return session.execute(select(OutboxMessage)).scalar_one()


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (201, ("delivered", None)),
        (409, ("delivered", None)),
        (500, ("created", "HTTP 500")),
        (503, ("created", "HTTP 503")),
        (408, ("created", "HTTP 408")),
        (429, ("created", "HTTP 429")),
        (400, ("failed", "HTTP 400")),
        (401, ("failed", "HTTP 401")),
        (422, ("failed", "HTTP 422")),
    ],
)
def test_each_answer_from_first_contact_is_delivered_retried_or_failed(
    tmp_path, council, status, expected
):
    council.status = status
    row = after_one_round(tmp_path, council)
    assert (row.status, row.last_error) == expected
    assert len(council.received) == 1


def test_a_council_system_too_slow_to_answer_is_tried_again_later(tmp_path, council):
    council.delay = 1.0
    row = after_one_round(tmp_path, council)
    assert (row.status, row.last_error) == ("created", "ReadTimeout")
    assert row.next_attempt_at > datetime.now(timezone.utc).replace(tzinfo=None)


def test_a_late_hand_over_raises_one_alert_naming_only_its_reference(tmp_path, council, caplog):
    council.status = 503
    url = database(tmp_path)
    with session_scope(url) as session:
        reference = submit(session, record(), datetime.now(timezone.utc))
    endpoint = Endpoint(f"{council.url}/api/handovers", "secret")
    webhook = f"{council.url}/alerts"
    run_once(url, endpoint, POLICY, webhook)
    time.sleep(POLICY.alert_after_seconds)
    run_once(url, endpoint, POLICY, webhook)
    run_once(url, endpoint, POLICY, webhook)

    alerts = [body for path, body in council.received if path == "/alerts"]
    assert len(alerts) == 1
    assert alerts[0]["reference"] == reference
    assert reference in alerts[0]["text"] and "pension" not in json.dumps(alerts[0]).lower()
    errors = [entry for entry in caplog.records if entry.levelname == "ERROR"]
    assert [reference in entry.getMessage() for entry in errors] == [True]


def test_two_dispatchers_at_once_never_send_the_same_hand_over_twice(tmp_path, council):
    url = database(tmp_path)
    with session_scope(url) as session:
        for number in range(12):
            submit(
                session, record(safeguarding_facts(trigger_turn=number)), datetime.now(timezone.utc)
            )
    endpoint = Endpoint(f"{council.url}/api/handovers", "secret")
    rounds = [threading.Thread(target=run_once, args=(url, endpoint, POLICY, "")) for _ in range(2)]
    for thread in rounds:
        thread.start()
    for thread in rounds:
        thread.join()
    run_once(url, endpoint, POLICY, "")

    keys = [body["idempotency_key"] for _path, body in council.received]
    assert len(keys) == 12 and len(set(keys)) == 12
    with session_scope(url) as session:
        statuses = session.execute(select(OutboxMessage.status)).scalars().all()
    assert statuses == ["delivered"] * 12
