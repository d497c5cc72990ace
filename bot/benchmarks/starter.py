"""Rasa's own starter bot (`rasa init`, default config): the framework's floor, trained and
served on this machine so our figures can be read beside it."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import rasa

from bot.benchmarks.web_chat import free_port
from bot.settings import PROJECT_ROOT

SCRIPT = ("hello", "I am sad", "yes", "great", "bye")
READY_SECONDS = 240


def _environment(cache: Path) -> dict[str, str]:
    # An empty graph cache, so "from scratch" means what it says.
    return {
        **os.environ,
        "PYTHONPATH": str(PROJECT_ROOT),
        "RASA_TELEMETRY_ENABLED": "false",
        "TF_CPP_MIN_LOG_LEVEL": "3",
        "RASA_CACHE_DIRECTORY": str(cache),
    }


def _timed_train(cwd: Path, args: list[str], out: Path) -> float:
    with tempfile.TemporaryDirectory(prefix="rasa-cache-") as cache:
        started = time.monotonic()
        subprocess.run(
            [sys.executable, "-m", "rasa", "train", *args, "--out", str(out)],
            cwd=cwd,
            env=_environment(Path(cache)),
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        return time.monotonic() - started


def train_ours(out: Path) -> float:
    args = ["--config", "config.yml", "--domain", "bot/domain", "--data", "data"]
    return _timed_train(PROJECT_ROOT, args, out)


def train_starter(project: Path) -> float:
    """Copy `rasa init`'s project (without running init, which trains once more) and train."""
    template = Path(rasa.__file__).parent / "cli" / "initial_project"
    shutil.copytree(template, project)
    return _timed_train(project, [], project / "models")


@contextmanager
def serving(project: Path) -> Iterator[tuple[str, int]]:
    """Run the starter bot's Rasa server on a free loopback port; yield its URL and pid."""
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "rasa",
            "run",
            "-i",
            "127.0.0.1",
            "-p",
            str(port),
            "-m",
            "models",
            "--quiet",
        ],
        cwd=project,
        env=_environment(project / ".cache"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + READY_SECONDS
        while True:
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("Rasa's starter bot did not start.")
            try:
                with urllib.request.urlopen(url, timeout=2):
                    break
            except OSError:
                time.sleep(0.5)
        yield url, process.pid
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
