"""The launcher's promises: clear port messages, Ctrl-C stops everything, one death stops all."""

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

from bot.benchmarks.processes import pids_listening_on
from bot.settings import PROJECT_ROOT
from tests.integration.stack import launch, stack_environment, wait_ready


def test_a_port_in_use_is_named_with_the_variable_to_change_it(tmp_path: Path):
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        port = squatter.getsockname()[1]
        env = stack_environment(tmp_path, RASA_PORT=str(port))
        result = subprocess.run(
            [sys.executable, "-m", "bot.launcher"],
            cwd=PROJECT_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 2
    assert f"Port {port} is already in use" in result.stderr
    assert f"RASA_PORT={port + 1} make run" in result.stderr


def test_ctrl_c_stops_every_child_and_a_dead_child_takes_the_others_down(tmp_path: Path):
    first = launch(stack_environment(tmp_path), tmp_path / "first.log")
    wait_ready(first)
    ports = [int(first.env[name]) for name in ("WEB_PORT", "RASA_PORT", "ACTIONS_PORT")]
    assert all(pids_listening_on(port) for port in ports)
    first.process.send_signal(signal.SIGINT)
    assert first.process.wait(timeout=60) == 0
    assert not any(pids_listening_on(port) for port in ports)

    second = launch(stack_environment(tmp_path), tmp_path / "second.log")
    wait_ready(second)
    actions_port = int(second.env["ACTIONS_PORT"])
    for pid in pids_listening_on(actions_port):
        os.kill(pid, signal.SIGKILL)
    assert second.process.wait(timeout=60) == 1
    assert "The action server stopped unexpectedly" in second.log()
    ports = [int(second.env[name]) for name in ("WEB_PORT", "RASA_PORT", "ACTIONS_PORT")]
    assert not any(pids_listening_on(port) for port in ports)
