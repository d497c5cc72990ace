"""The load test: many people at once, for minutes, against the production layout.

    python -m bot.benchmarks.load [--conversations 100] [--minutes 3] [--servers 1 2]

Starts a private PostgreSQL and Redis (scripts/test-services.sh), then for each number of
Rasa servers the whole system on free ports (RASA_SERVERS=N: N Rasa and N action servers
behind nginx). N simulated people talk through the web app's chat API without pause, each
starting a new conversation when one ends; one conversation in ten is a crisis that ends
in a hand-over. Afterwards every hand-over made must have reached First Contact's inbox.
Prints turns, errors, p50/p95 per turn and turns per second for each layout; writes
results/load.md and results/load.json."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from sqlalchemy import create_engine, text
from tqdm import tqdm

from bot.benchmarks.web_chat import SCRIPT, percentile, running_system
from bot.settings import PROJECT_ROOT, RESULTS_DIR

SERVICES = str(PROJECT_ROOT / "scripts" / "test-services.sh")
CRISIS_SCRIPT = (
    "i want to end it all tonight, i've got the tablets ready",
    "07700 900555, it's safe to call",
    "thank you",
)
CRISIS_EVERY = 10  # one conversation in ten
DRAIN_SECONDS = 120  # for the last hand-overs to reach the inbox


@dataclass
class Tally:
    latencies_ms: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    crisis_conversations: list[str] = field(default_factory=list)

    def error(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1


async def person(
    session: aiohttp.ClientSession, web: str, number: int, deadline: float, tally: Tally
) -> None:
    """One simulated person: conversation after conversation until the time is up."""
    conversations = 0
    while time.monotonic() < deadline:
        crisis = (number + conversations) % CRISIS_EVERY == 0
        script = CRISIS_SCRIPT if crisis else SCRIPT
        conversation = f"load-{'crisis' if crisis else 'chat'}-{secrets.token_hex(8)}"
        conversations += 1
        for message in script:
            started = time.perf_counter()
            try:
                async with session.post(
                    f"{web}/api/chat", json={"conversation_id": conversation, "message": message}
                ) as response:
                    body = await response.json(content_type=None)
            except (aiohttp.ClientError, asyncio.TimeoutError) as error:
                tally.error(type(error).__name__)
                break
            tally.latencies_ms.append((time.perf_counter() - started) * 1000)
            replies = body.get("messages") if isinstance(body, dict) else None
            if response.status != 200 or not replies:
                tally.error(f"HTTP {response.status}" if response.status != 200 else "no reply")
                break
            if any("not working" in (reply.get("text") or "") for reply in replies):
                tally.error("assistant unavailable")
                break
        else:
            if crisis:
                tally.crisis_conversations.append(conversation)


async def run_load(web: str, people: int, seconds: float) -> tuple[Tally, float]:
    tally = Tally()
    timeout = aiohttp.ClientTimeout(total=60)
    connector = aiohttp.TCPConnector(limit=people * 2)
    async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:
        started = time.monotonic()
        deadline = started + seconds
        everyone = asyncio.gather(
            *(person(session, web, n, deadline, tally) for n in range(people))
        )
        with tqdm(total=round(seconds), desc="  seconds", leave=False, file=sys.stderr) as bar:
            while not everyone.done():
                await asyncio.sleep(1)
                bar.update(min(1, round(seconds) - bar.n))
        await everyone
        return tally, time.monotonic() - started


def handovers_received(database_url: str, conversations: list[str]) -> int:
    """How many of these conversations' hand-overs are in First Contact's inbox."""
    engine = create_engine(database_url)
    try:
        with engine.connect() as db:
            found = db.execute(
                text(
                    "SELECT DISTINCT conversation_id FROM received_handovers"
                    " WHERE conversation_id LIKE 'load-crisis-%'"
                )
            ).scalars()
            return len(set(found) & set(conversations))
    finally:
        engine.dispose()


def wait_for_backends(rasa_url: str, servers: int) -> None:
    base = int(rasa_url.rsplit(":", 1)[1])
    deadline = time.monotonic() + 240
    for port in range(base + 1, base + servers + 1):
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise SystemExit(f"Rasa server on port {port} did not start") from None
                time.sleep(1)


def measure(servers: int, people: int, seconds: float, urls: dict[str, str]) -> dict[str, Any]:
    environment = {
        "RASA_SERVERS": str(servers),
        "DATABASE_URL": urls["TEST_DATABASE_URL"],
        "TRACKER_STORE_URL": urls["TEST_TRACKER_STORE_URL"],
        "REDIS_URL": urls["TEST_REDIS_URL"],
        # Every simulated person shares one address; the limits are tested elsewhere.
        "CHAT_MESSAGES_PER_CONVERSATION_PER_MINUTE": "1000000",
        "CHAT_RASA_TIMEOUT_SECONDS": "60",
    }
    with running_system(**environment) as (web, rasa):
        if servers > 1:
            wait_for_backends(rasa, servers)
        tally, elapsed = asyncio.run(run_load(web, people, seconds))
        deadline = time.monotonic() + DRAIN_SECONDS
        received = handovers_received(urls["TEST_DATABASE_URL"], tally.crisis_conversations)
        while received < len(tally.crisis_conversations) and time.monotonic() < deadline:
            time.sleep(2)
            received = handovers_received(urls["TEST_DATABASE_URL"], tally.crisis_conversations)
    turns = len(tally.latencies_ms)
    return {
        "servers": servers,
        "people": people,
        "seconds": round(elapsed),
        "turns": turns,
        "errors": sum(tally.errors.values()),
        "error_kinds": tally.errors,
        "p50_ms": percentile(tally.latencies_ms, 50) if turns > 1 else None,
        "p95_ms": percentile(tally.latencies_ms, 95) if turns > 1 else None,
        "turns_per_second": turns / elapsed,
        "handovers_made": len(tally.crisis_conversations),
        "handovers_received": received,
    }


# A PostgreSQL and Redis of the load test's own, on ports the test suites do not use.
SERVICES_ENV = {
    "TEST_SERVICES_DIR": "/tmp/conversation-one-load-services",
    "TEST_PG_PORT": "55462",
    "TEST_REDIS_PORT": "56409",
}


def services(command: str) -> dict[str, str]:
    """Run scripts/test-services.sh; return the URLs it prints."""
    printed = subprocess.run(
        [SERVICES, command],
        env={**os.environ, **SERVICES_ENV},
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return dict(
        line.removeprefix("export ").split("=", 1) for line in printed.splitlines() if "=" in line
    )


def table(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| Rasa servers | people at once | turns | errors | p50 / p95 per turn (ms) "
        "| turns per second | hand-overs made / received |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['servers']} | {r['people']} | {r['turns']} | {r['errors']} "
            f"| {r['p50_ms']:.0f} / {r['p95_ms']:.0f} | {r['turns_per_second']:.1f} "
            f"| {r['handovers_made']} / {r['handovers_received']} |"
        )
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=100, help="people at once")
    parser.add_argument("--minutes", type=float, default=3.0)
    parser.add_argument("--servers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    tqdm.write("Starting PostgreSQL and Redis...", file=sys.stderr)
    urls = services("start")
    rows = []
    try:
        for servers in args.servers:
            tqdm.write(
                f"{args.conversations} people for {args.minutes:g} minutes,"
                f" {servers} Rasa server(s)...",
                file=sys.stderr,
            )
            rows.append(measure(servers, args.conversations, args.minutes * 60, urls))
    finally:
        services("stop")
    report = table(rows)
    RESULTS_DIR.mkdir(exist_ok=True)
    (RESULTS_DIR / "load.json").write_text(json.dumps(rows, indent=2) + "\n")
    (RESULTS_DIR / "load.md").write_text(
        "# Load test\n\nProduced by `python -m bot.benchmarks.load` (part of `make bench`): "
        "PostgreSQL, Redis, nginx, N Rasa and N action servers on this machine.\n\n" + report
    )
    sys.stdout.write(report)
    failed = [r for r in rows if r["errors"] or r["handovers_received"] < r["handovers_made"]]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
