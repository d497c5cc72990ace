"""How much the web app's chat proxy adds to a chat turn.

    python -m bot.benchmarks.web_chat [--conversations 20] [--rounds 3]
    python -m bot.benchmarks.web_chat --web http://127.0.0.1:8000 --rasa http://127.0.0.1:5005

Without --web/--rasa it starts the whole system itself (the launcher, on free ports, with a
throw-away database and the per-visitor limit lifted, since every conversation here comes
from one address). Then N conversations talk at once, each saying the same short script,
once through the web app (`POST /api/chat`) and once straight to Rasa's REST channel, round
after round so both see the same load. Prints p50/p95 per turn for each and their ratio."""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import aiohttp

from bot.launcher import free_port
from bot.settings import PROJECT_ROOT, RESULTS_DIR

SCRIPT = (
    "hello",
    "i used to love gardening but im lonley now",
    "For me",
    "my daughter visits on sundays",
    "thanks, bye for now",
)
TARGET_P95_MS = 300.0
READY_SECONDS = 240


@contextmanager
def running_system(**overrides: str) -> Iterator[tuple[str, str]]:
    """Start the launcher on free ports; yield the web app's and Rasa's URLs.
    `overrides` are environment variables, e.g. a PostgreSQL DATABASE_URL."""
    with tempfile.TemporaryDirectory(prefix="web-chat-bench-") as workdir:
        ports = {name: str(free_port()) for name in ("WEB_PORT", "RASA_PORT", "ACTIONS_PORT")}
        env = {
            **os.environ,
            **ports,
            "PYTHONPATH": str(PROJECT_ROOT),
            "CHAT_MESSAGES_PER_MINUTE": "1000000",
            "DATABASE_URL": f"sqlite:///{Path(workdir) / 'assistant.db'}",
            "TRACKER_STORE_URL": f"sqlite:///{Path(workdir) / 'tracker.db'}",
            "LOG_LEVEL": "WARNING",
            **overrides,
        }
        with (Path(workdir) / "launcher.log").open("w") as log:
            launcher = subprocess.Popen(
                [sys.executable, "-m", "bot.launcher"],
                cwd=PROJECT_ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        web = f"http://127.0.0.1:{ports['WEB_PORT']}"
        try:
            wait_ready(web, launcher, Path(workdir) / "launcher.log")
            yield web, f"http://127.0.0.1:{ports['RASA_PORT']}"
        finally:
            launcher.send_signal(signal.SIGINT)
            launcher.wait(timeout=60)


def wait_ready(web: str, launcher: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        if launcher.poll() is not None:
            last = "\n".join(log.read_text(errors="replace").splitlines()[-15:])
            raise SystemExit(f"The system stopped while starting. The end of its log:\n{last}")
        try:
            with urllib.request.urlopen(f"{web}/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit("The system was not ready in time.")


async def converse(
    session: aiohttp.ClientSession, url: str, body_for: dict[str, str], sender: str
) -> list[float]:
    """Say the script in one conversation; return each turn's time in milliseconds."""
    timings = []
    for message in SCRIPT:
        body = {body_for["id"]: sender, body_for["text"]: message}
        started = time.perf_counter()
        try:
            async with session.post(url, json=body) as response:
                await response.read()
        except aiohttp.ClientError as error:
            raise SystemExit(
                f"{url} stopped answering ({error}); was the system stopped?"
            ) from None
        if response.status != 200:
            raise SystemExit(f"{url} answered {response.status}; is the system healthy?")
        timings.append((time.perf_counter() - started) * 1000)
    return timings


async def round_of(session: aiohttp.ClientSession, url: str, proxy: bool, n: int) -> list[float]:
    body_for = (
        {"id": "conversation_id", "text": "message"}
        if proxy
        else {"id": "sender", "text": "message"}
    )
    conversations = await asyncio.gather(
        *(converse(session, url, body_for, f"bench-{secrets.token_hex(8)}") for _ in range(n))
    )
    return [t for timings in conversations for t in timings]


async def measure(web: str, rasa: str, conversations: int, rounds: int) -> dict[str, list[float]]:
    results: dict[str, list[float]] = {"web app": [], "Rasa direct": []}
    timeout = aiohttp.ClientTimeout(total=60)
    connector = aiohttp.TCPConnector(limit=conversations * 2)
    async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:
        await round_of(session, f"{web}/api/chat", True, 2)  # warm-up: load lazy parts
        for _ in range(rounds):
            results["web app"] += await round_of(session, f"{web}/api/chat", True, conversations)
            rasa_url = f"{rasa}/webhooks/rest/webhook"
            results["Rasa direct"] += await round_of(session, rasa_url, False, conversations)
    return results


def percentile(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1]


def table(results: dict[str, list[float]], conversations: int) -> str:
    plural = "" if conversations == 1 else "s"
    rows = [f"Chat turn latency, {conversations} conversation{plural} at once", ""]
    rows.append(f"{'path':<14}{'turns':>7}{'p50 ms':>10}{'p95 ms':>10}")
    figures = {}
    for path, values in results.items():
        figures[path] = (percentile(values, 50), percentile(values, 95))
        rows.append(f"{path:<14}{len(values):>7}{figures[path][0]:>10.1f}{figures[path][1]:>10.1f}")
    (web50, web95), (rasa50, rasa95) = figures["web app"], figures["Rasa direct"]
    rows.append(f"{'ratio':<14}{'':>7}{web50 / rasa50:>9.2f}x{web95 / rasa95:>9.2f}x")
    verdict = "meets" if web95 <= TARGET_P95_MS else "MISSES"
    rows += [
        "",
        f"Through the web app, p95 {web95:.0f} ms {verdict} the {TARGET_P95_MS:.0f} ms target.",
    ]
    return "\n".join(rows) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--web", help="a running web app, e.g. http://127.0.0.1:8000")
    parser.add_argument("--rasa", help="its Rasa server, e.g. http://127.0.0.1:5005")
    args = parser.parse_args()
    if bool(args.web) != bool(args.rasa):
        parser.error("give both --web and --rasa, or neither")
    if args.web:
        results = asyncio.run(measure(args.web, args.rasa, args.conversations, args.rounds))
    else:
        sys.stderr.write("Starting the system on free ports (about 15 seconds)...\n")
        with running_system() as (web, rasa):
            results = asyncio.run(measure(web, rasa, args.conversations, args.rounds))
    report = table(results, args.conversations)
    sys.stdout.write(report)
    if not args.web:  # the system as `make run` starts it: keep the figures for review
        RESULTS_DIR.mkdir(exist_ok=True)
        (RESULTS_DIR / "web-chat.md").write_text(
            "# Chat turn through the web app\n\nProduced by `make bench-web` on this machine."
            f"\n\n```\n{report}```\n"
        )


if __name__ == "__main__":
    main()
