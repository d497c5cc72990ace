"""`make run`: train if needed, then run the Rasa server, action server and web app in the
foreground. Ctrl-C stops them all. If one dies, locally the others are stopped with a clear
message; in production (APP_ENV=production) it is started again."""

from __future__ import annotations

import ctypes
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from types import FrameType

from bot.deployment import nginx
from bot.settings import PROJECT_ROOT, VAR_DIR, Settings, SettingsError, load_settings

READY_TIMEOUT_SECONDS = 180
STOP_GRACE_SECONDS = 10
PR_SET_PDEATHSIG = 1
RESTART_LIMIT = 5
RESTART_WINDOW = 300.0


@dataclass
class Service:
    label: str
    port_variable: str | None  # None for a worker that listens on no port
    port: int | None
    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)
    # Answers 200 once it is ready; the launcher waits for every one of these.
    ready_url: str | None = None
    # Started only once another service is ready here: several Rasa servers creating
    # the shared tracker tables at the same moment could race.
    wait_for: str | None = None
    process: subprocess.Popen[bytes] | None = None


def services(settings: Settings, model: str) -> list[Service]:
    python = sys.executable
    if settings.rasa_servers == 1:
        servers = [
            Service(
                "action server",
                "ACTIONS_PORT",
                settings.actions_port,
                [python, "-m", "bot.action_server", "--port", str(settings.actions_port)],
            ),
            Service(
                "Rasa server",
                "RASA_PORT",
                settings.rasa_port,
                [python, "-m", "bot.rasa_server", "--model", model],
            ),
        ]
    else:
        servers = balanced_servers(settings, model)
    planned = [
        *servers,
        Service("web app", "WEB_PORT", settings.web_port, [python, "-m", "bot.web"]),
        Service("hand-over dispatcher", None, None, [python, "-m", "bot.handover.dispatcher"]),
    ]
    # Those that wait for another start last, so nothing else waits behind them.
    return sorted(planned, key=lambda service: service.wait_for is not None)


def balanced_servers(settings: Settings, model: str) -> list[Service]:
    """N action servers and N Rasa servers on the ports above ACTIONS_PORT and RASA_PORT,
    with nginx on those two ports sharing the work between them."""
    python = sys.executable
    ports = nginx.backends(settings)
    planned = [
        Service(
            f"action server {n}",
            "ACTIONS_PORT",
            port,
            [python, "-m", "bot.action_server", "--port", str(port)],
            ready_url=f"http://{settings.host}:{port}/health",
        )
        for n, port in enumerate(ports.actions, start=1)
    ]
    previous_rasa: str | None = None
    for n, port in enumerate(ports.rasa, start=1):
        planned.append(
            Service(
                f"Rasa server {n}",
                "RASA_PORT",
                port,
                [python, "-m", "bot.rasa_server", "--model", model],
                env={"RASA_PORT": str(port)},
                ready_url=f"http://{settings.host}:{port}/",
                wait_for=previous_rasa,
            )
        )
        previous_rasa = planned[-1].ready_url
    planned.append(
        Service(
            "load balancer (nginx)",
            "RASA_PORT",
            settings.rasa_port,
            nginx.write_config(settings, VAR_DIR / f"nginx-{settings.rasa_port}"),
        )
    )
    return planned


def may_restart(
    history: list[float], now: float, limit: int = RESTART_LIMIT, window: float = RESTART_WINDOW
) -> bool:
    """In production a server that dies is started again, as systemd's Restart=on-failure
    would, unless it has already been restarted `limit` times in the last `window` seconds:
    then something is wrong that restarting will not fix, and everything stops."""
    return len([at for at in history if now - at < window]) < limit


def free_port() -> int:
    """A loopback port nothing listens on now, for runs that start their own servers."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def port_in_use(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        # As the servers do, so a port left in TIME_WAIT by a previous run counts as free.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return True
    return False


def _die_with_parent() -> None:
    """Linux: a child gets SIGTERM if the launcher itself is killed, so none is orphaned."""
    libc = ctypes.CDLL("libc.so.6", use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def start(
    service: Service, env: dict[str, str], stopping: Callable[[], bool] | None = None
) -> None:
    """Start one service; with `stopping`, first wait for the one it waits for."""
    deadline = time.monotonic() + READY_TIMEOUT_SECONDS
    while stopping and service.wait_for and not answers(service.wait_for) and not stopping():
        if time.monotonic() > deadline:
            break  # start anyway: if it then fails, the launcher says which one
        time.sleep(0.5)
    # A new session, so Ctrl-C reaches only the launcher, which then stops children in order.
    service.process = subprocess.Popen(
        service.argv,
        cwd=PROJECT_ROOT,
        env={**env, **service.env},
        start_new_session=True,
        preexec_fn=_die_with_parent,
    )


def locate_programs(planned: list[Service]) -> None:
    """Turn a program named by a plan (nginx) into its path, or say how to install it."""
    for service in planned:
        if service.argv[0] == nginx.PROGRAM:
            service.argv[0] = nginx.nginx_binary()


def stop_all(running: list[Service]) -> None:
    for service in running:
        if service.process and service.process.poll() is None:
            service.process.terminate()
    deadline = time.monotonic() + STOP_GRACE_SECONDS
    for service in running:
        if service.process is None:
            continue
        try:
            service.process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            service.process.kill()
            service.process.wait()


def wait_until_ready(settings: Settings, running: list[Service]) -> bool:
    deadline = time.monotonic() + READY_TIMEOUT_SECONDS
    urls = [f"{settings.web_url}/healthz", *(s.ready_url for s in running if s.ready_url)]
    while time.monotonic() < deadline:
        if any(s.process and s.process.poll() is not None for s in running):
            return False
        if all(answers(url) for url in urls):
            return True
        time.sleep(0.5)
    return False


def prepare(env: dict[str, str]) -> str | None:
    """Migrate, load the sample and train in a process of its own (see bot/prepare.py);
    the model's path, or None when that failed (its reason is already on stderr)."""
    done = subprocess.run(
        [sys.executable, "-m", "bot.prepare"], env=env, stdout=subprocess.PIPE, text=True
    )
    lines = done.stdout.strip().splitlines()
    return lines[-1] if done.returncode == 0 and lines else None


def child_environment() -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(PROJECT_ROOT),
        "RASA_TELEMETRY_ENABLED": "false",
        "TF_CPP_MIN_LOG_LEVEL": "2",
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
    }


def main() -> int:
    try:
        settings = load_settings()
        settings.council()
    except (SettingsError, ValueError) as error:
        print(f"Cannot start: {error}", file=sys.stderr)
        return 2
    try:
        planned = services(settings, model="")
        locate_programs(planned)
    except FileNotFoundError as error:
        print(f"Cannot start: {error}", file=sys.stderr)
        return 2
    for service in planned:
        if service.port is not None and port_in_use(settings.host, service.port):
            print(
                f"Port {service.port} is already in use, so the {service.label} cannot start.\n"
                f"Stop whatever is using it, or choose another port, for example:\n"
                f"  {service.port_variable}={service.port + 1} make run",
                file=sys.stderr,
            )
            return 2
    env = child_environment()
    model = prepare(env)
    if model is None:
        print("Cannot start: the database or the model could not be made ready.", file=sys.stderr)
        return 2
    running = services(settings, model)
    locate_programs(running)
    stopping = False

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    print("Starting the action server, Rasa server and web app...", file=sys.stderr)
    for service in running:
        start(service, env, stopping=lambda: stopping)
    if wait_until_ready(settings, running):
        print(
            f"\nReady.\n  Web page:  http://localhost:{settings.web_port}/\n"
            f"  Chat API:  POST {settings.rasa_url}/webhooks/rest/webhook\n"
            "Press Ctrl-C to stop.\n",
            file=sys.stderr,
        )
    exit_code = 0
    restarts: dict[str, list[float]] = {}
    while not stopping:
        for service in running:
            code = service.process.poll() if service.process else None
            if code is None:
                continue
            history = restarts.setdefault(service.label, [])
            if settings.production and may_restart(history, time.monotonic()):
                history.append(time.monotonic())
                print(
                    f"\nThe {service.label} stopped unexpectedly (exit code {code}); "
                    "starting it again.",
                    file=sys.stderr,
                )
                start(service, env)
                continue
            print(
                f"\nThe {service.label} stopped unexpectedly (exit code {code}); "
                "stopping the others. Its messages above say why.",
                file=sys.stderr,
            )
            stopping, exit_code = True, 1
            break
        time.sleep(0.3)
    print("Stopping...", file=sys.stderr)
    stop_all(running)
    return exit_code


if __name__ == "__main__":
    sys.exit(main())
