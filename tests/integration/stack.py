"""Start the real system (the launcher, so its own behaviour is under test too) on free
ports with a throw-away database, and talk to it over HTTP."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

from bot.launcher import free_port
from bot.settings import PROJECT_ROOT

READY_SECONDS = 240
SATURDAY_11PM = "2026-11-21T23:00:00+00:00"
QUIET_SECONDS = 4


def free_ports(count: int) -> int:
    """The first of `count` consecutive free ports: with RASA_SERVERS=N the servers take
    the N ports above RASA_PORT and ACTIONS_PORT, so those must be free too."""
    while True:
        base = free_port()
        if base + count < 65536 and all(_free(base + n) for n in range(1, count)):
            return base


def _free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


@dataclass
class Stack:
    process: subprocess.Popen[str]
    env: dict[str, str]
    log_path: Path
    # Everything the tests said to the assistant, so the logs can be checked for it.
    messages: list[str] = field(default_factory=list)

    @property
    def web(self) -> str:
        return f"http://127.0.0.1:{self.env['WEB_PORT']}"

    @property
    def rasa(self) -> str:
        return f"http://127.0.0.1:{self.env['RASA_PORT']}"

    def say(self, sender: str, message: str) -> list[dict]:
        self.messages.append(message)
        response = requests.post(
            f"{self.rasa}/webhooks/rest/webhook",
            json={"sender": sender, "message": message},
            timeout=30,
        )
        response.raise_for_status()
        return response.json()

    def tracker(self, sender: str) -> dict:
        response = requests.get(
            f"{self.rasa}/conversations/{sender}/tracker",
            params={"token": self.env["RASA_TOKEN"]},
            timeout=10,
        )
        response.raise_for_status()
        return response.json()

    def handovers(self) -> list[dict]:
        response = requests.get(
            f"{self.web}/api/handovers",
            headers={"Authorization": f"Bearer {self.env['FIRST_CONTACT_TOKEN']}"},
            timeout=10,
        )
        response.raise_for_status()
        return response.json()["items"]

    def handover(self, reference: str) -> dict:
        response = requests.get(
            f"{self.web}/api/handovers/{reference}",
            headers={"Authorization": f"Bearer {self.env['FIRST_CONTACT_TOKEN']}"},
            timeout=10,
        )
        response.raise_for_status()
        return response.json()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


def stack_environment(workdir: Path, **overrides: str) -> dict[str, str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(PROJECT_ROOT),
        "WEB_PORT": str(free_port()),
        "RASA_PORT": str(free_ports(3)),
        "ACTIONS_PORT": str(free_ports(3)),
        "RASA_TOKEN": "integration-test-token",
        "FIRST_CONTACT_TOKEN": "integration-first-contact-token",
        # `make integration-pg` runs the same tests on PostgreSQL and a Redis lock store.
        "DATABASE_URL": os.environ.get(
            "TEST_DATABASE_URL", f"sqlite:///{workdir / 'assistant.db'}"
        ),
        "TRACKER_STORE_URL": os.environ.get(
            "TEST_TRACKER_STORE_URL", f"sqlite:///{workdir / 'tracker.db'}"
        ),
        "REDIS_URL": os.environ.get("TEST_REDIS_URL", ""),
        # A Saturday, 11pm in Sheffield: First Contact is closed, as for many carers.
        "ASSISTANT_NOW": SATURDAY_11PM,
        # An unanswered hand-over goes after this much quiet: seconds here, not minutes.
        "HANDOVER_WAIT_SECONDS": str(QUIET_SECONDS),
    }
    env.update(overrides)
    return env


def launch(env: dict[str, str], log_path: Path) -> Stack:
    log = log_path.open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.launcher"],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
    )
    return Stack(process, env, log_path)


def wait_ready(stack: Stack) -> None:
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        if stack.process.poll() is not None:
            raise RuntimeError(f"the launcher exited early:\n{stack.log()[-3000:]}")
        try:
            if requests.get(f"{stack.web}/healthz", timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"the stack was not ready in time:\n{stack.log()[-3000:]}")


# Personal details inside what the tests said: phone numbers, email addresses, postcodes.
DETAILS = re.compile(
    r"\b0\d{3,4} ?\d{3} ?\d{3,4}\b|[\w.+-]+@[\w-]+\.[\w.]+|\b[A-Z]{1,2}\d{1,2}[A-Z]? ?\d[A-Z]{2}\b",
    re.IGNORECASE,
)


def personal_data_in_log(stack: Stack) -> list[str]:
    """What the tests said, or the phone numbers, emails and postcodes in it, that shows up
    in the system's log: there should be none.

    Short replies ("yes", "for me") could appear in the log for other reasons, so only
    messages of three words or more are looked for whole."""
    log = stack.log().lower()
    said = {m for m in stack.messages if len(m.split()) >= 3}
    details = {d for m in stack.messages for d in DETAILS.findall(m)}
    return sorted(m for m in said | details if m.lower() in log)


def stop(stack: Stack) -> int:
    if stack.process.poll() is None:
        stack.process.send_signal(signal.SIGINT)
    return stack.process.wait(timeout=60)
