"""The web app alone, as `python -m bot.web` runs it, on a free port: for what the whole
stack cannot show, such as Rasa being down or a rate limit small enough to reach."""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import requests

from bot.launcher import free_port
from bot.settings import PROJECT_ROOT
from tests.integration.stack import stack_environment

READY_SECONDS = 30


@dataclass
class LoneWebApp:
    process: subprocess.Popen[str]
    url: str
    log_path: Path

    def chat(self, message: str, conversation_id: str = "lone-web-app-1") -> requests.Response:
        return requests.post(
            f"{self.url}/api/chat",
            json={"conversation_id": conversation_id, "message": message},
            timeout=30,
        )

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def start_lone_web_app(log_path: Path, **overrides: str) -> LoneWebApp:
    env = stack_environment(log_path.parent, **{"RASA_PORT": str(free_port()), **overrides})
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot.web"],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
        )
    app = LoneWebApp(process, f"http://127.0.0.1:{env['WEB_PORT']}", log_path)
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the web app exited early:\n{log_path.read_text()[-3000:]}")
        try:
            requests.get(f"{app.url}/healthz", timeout=2)
            return app
        except requests.RequestException:
            time.sleep(0.2)
    app.stop()
    raise RuntimeError(f"the web app did not start in time:\n{log_path.read_text()[-3000:]}")
