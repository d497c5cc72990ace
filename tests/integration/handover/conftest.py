"""Real processes on free ports: the receiver (Sanic + the hand-over blueprint) and the
dispatcher, sharing one SQLite file, with delivery intervals shortened through HANDOVER_*."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from bot.handover.models import upgrade
from bot.launcher import free_port

REPO = Path(__file__).resolve().parents[3]
SECRET = "integration-signing-secret"
TOKEN = "integration-first-contact-token"


@dataclass
class Services:
    """Environment shared by every process in one test, and the processes started."""

    env: dict[str, str]
    workdir: Path
    started: list[subprocess.Popen]

    @property
    def database_url(self) -> str:
        return self.env["DATABASE_URL"]

    @property
    def receiver_url(self) -> str:
        return self.env["FIRST_CONTACT_URL"]

    def start(self, module: str, name: str) -> subprocess.Popen:
        log = (self.workdir / f"{name}.log").open("ab")
        process = subprocess.Popen(
            [sys.executable, "-m", module], cwd=REPO, env=self.env, stdout=log, stderr=log
        )
        self.started.append(process)
        return process

    def start_receiver(self) -> subprocess.Popen:
        process = self.start("tests.integration.handover.receiver_app", "receiver")
        wait_for(lambda: _answers(self.receiver_url), "the receiver to answer", process)
        return process

    def start_dispatcher(self) -> subprocess.Popen:
        return self.start("bot.handover.dispatcher", "dispatcher")

    def log(self, name: str) -> str:
        path = self.workdir / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""


def _answers(url: str) -> bool:
    try:
        requests.get(url, timeout=1)
    except requests.ConnectionError:
        return False
    return True


def wait_for(
    condition: Callable[[], object],
    what: str,
    process: subprocess.Popen | None = None,
    timeout: float = 20,
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        if process is not None and process.poll() is not None:
            raise AssertionError(f"gave up waiting for {what}: the process exited")
        time.sleep(0.1)
    raise AssertionError(f"gave up waiting for {what} after {timeout} seconds")


def stop(process: subprocess.Popen) -> int:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return process.returncode


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    url = f"sqlite:///{tmp_path / 'assistant.db'}"
    upgrade(url)
    env = {
        **os.environ,
        "DATABASE_URL": url,
        # The dispatcher also runs the retention sweep: keep it off the developer's var/.
        "TRACKER_STORE_URL": f"sqlite:///{tmp_path / 'tracker.db'}",
        "RECEIVER_PORT": str(port := free_port()),
        "FIRST_CONTACT_URL": f"http://127.0.0.1:{port}/api/handovers",
        "FIRST_CONTACT_TOKEN": TOKEN,
        "HANDOVER_SIGNING_SECRET": SECRET,
        "ALERT_WEBHOOK_URL": "",
        "HANDOVER_POLL_SECONDS": "0.1",
        "HANDOVER_BACKOFF_SECONDS": "0.2",
        "HANDOVER_BACKOFF_CAP_SECONDS": "0.5",
        "HANDOVER_TIMEOUT_SECONDS": "2",
        "PYTHONUNBUFFERED": "1",
    }
    running = Services(env, tmp_path, [])
    yield running
    for process in running.started:
        stop(process)
