"""The real web app with the inbox, on a free port, over a real SQLite file; a staff member
signed in through the real sign-in form; hand-overs posted signed to the real receiver."""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
import requests

from bot.handover.models import upgrade as upgrade_handovers
from bot.handover.outbox import body_of
from bot.handover.signing import signed_headers
from bot.inbox.cli import add_staff
from bot.inbox.models import upgrade as upgrade_inbox
from bot.launcher import free_port
from tests.integration.handover.conftest import SECRET, stop, wait_for

REPO = Path(__file__).resolve().parents[3]
EMAIL = "ann.worker@council.example"
PASSWORD = "a long and careful passphrase"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@dataclass
class InboxApp:
    url: str
    database_url: str
    process: subprocess.Popen
    log_path: Path

    @property
    def inbox(self) -> str:
        return f"{self.url}/first-contact"

    def post_handover(self, built: dict) -> requests.Response:
        body = body_of(built).encode()
        headers = signed_headers(SECRET, body, built["idempotency_key"], time.time())
        return requests.post(f"{self.url}/api/handovers", data=body, headers=headers, timeout=5)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


def csrf_token(page: str) -> str:
    found = CSRF.search(page)
    assert found, "the page has no CSRF token"
    return html.unescape(found.group(1))


@dataclass
class Worker:
    """A staff member's browser, as far as HTTP goes: cookies kept, forms posted back."""

    app: InboxApp
    http: requests.Session = field(default_factory=requests.Session)
    token: str = ""

    def log_in(self, email: str = EMAIL, password: str = PASSWORD) -> requests.Response:
        form = self.http.get(f"{self.app.inbox}/login", timeout=5)
        reply = self.http.post(
            f"{self.app.inbox}/login",
            data={"email": email, "password": password, "csrf_token": csrf_token(form.text)},
            timeout=10,
        )
        if reply.status_code == 200:
            self.token = csrf_token(reply.text)
        return reply

    def get(self, path: str, **params: str) -> requests.Response:
        return self.http.get(f"{self.app.inbox}{path}", params=params, timeout=10)

    def post(self, path: str, **form: str) -> requests.Response:
        return self.http.post(
            f"{self.app.inbox}{path}", data={"csrf_token": self.token, **form}, timeout=10
        )


def start_inbox_app(workdir: Path, **overrides: str) -> InboxApp:
    database_url = f"sqlite:///{workdir / 'assistant.db'}"
    upgrade_handovers(database_url)
    upgrade_inbox(database_url)
    add_staff(database_url, EMAIL, "Ann Worker", PASSWORD)
    port = free_port()
    env = {
        **os.environ,
        "WEB_PORT": str(port),
        "RASA_PORT": str(free_port()),
        "ACTIONS_PORT": str(free_port()),
        "DATABASE_URL": database_url,
        "TRACKER_STORE_URL": f"sqlite:///{workdir / 'tracker.db'}",
        "HANDOVER_SIGNING_SECRET": SECRET,
        "INBOX_POLL_SECONDS": "0.3",
        "INBOX_WEBHOOK_URL": "",
        "PYTHONUNBUFFERED": "1",
        **overrides,
    }
    log_path = workdir / "web.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.integration.inbox.inbox_app"],
            cwd=REPO,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    app = InboxApp(f"http://127.0.0.1:{port}", database_url, process, log_path)
    wait_for(lambda: _answers(f"{app.inbox}/login"), "the web app to answer", process, 40)
    return app


def _answers(url: str) -> bool:
    try:
        return requests.get(url, timeout=1).status_code == 200
    except requests.ConnectionError:
        return False


@pytest.fixture
def inbox_app(tmp_path: Path) -> Iterator[InboxApp]:
    app = start_inbox_app(tmp_path)
    yield app
    stop(app.process)


@pytest.fixture
def worker(inbox_app: InboxApp) -> Worker:
    signed_in = Worker(inbox_app)
    assert signed_in.log_in().status_code == 200
    return signed_in


class TeamChat:
    """A real HTTP server standing in for the team's chat: it keeps what is posted to it."""

    def __init__(self) -> None:
        self.posts: list[dict] = []
        received = self.posts

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers["Content-Length"])
                received.append(json.loads(self.rfile.read(length)))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *_args: object) -> None:
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def team_chat() -> Iterator[TeamChat]:
    chat = TeamChat()
    yield chat
    chat.close()
