"""python -m bot.benchmarks: how fast the assistant is, beside its peers in the same run.

Training time from scratch, and chat turn latency and throughput at 1, 10 and 50
conversations at once, for our assistant and for Rasa's own starter bot (`rasa init`,
default config) on this machine; resident memory of every process; directory search at
1,000 / 10,000 / 100,000 services; the sentence encoder's load and reading time. Prints a
summary table first and writes results/bench.md and results/bench.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import aiohttp
import rasa
from tqdm import tqdm

from bot.benchmarks import starter
from bot.benchmarks.processes import pids_listening_on, pids_running, resident_mb
from bot.benchmarks.web_chat import SCRIPT, running_system
from bot.settings import RESULTS_DIR
from directory.bench import time_search
from encoder.bench import time_encoder

CONCURRENCY = (1, 10, 50)
TARGET_P95_MS_AT_10 = 150.0


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def _conversation(
    session: aiohttp.ClientSession, url: str, script: tuple[str, ...], sender: str
) -> list[float]:
    timings = []
    for message in script:
        started = time.perf_counter()
        async with session.post(url, json={"sender": sender, "message": message}) as response:
            await response.read()
            if response.status != 200:
                raise SystemExit(f"{url} answered {response.status} under load")
        timings.append((time.perf_counter() - started) * 1000)
    return timings


async def load(rasa_url: str, script: tuple[str, ...], conversations: int, rounds: int) -> dict:
    """Per-turn latencies pooled over rounds, and turns per second for each round."""
    url = f"{rasa_url}/webhooks/rest/webhook"
    latencies: list[float] = []
    throughput: list[float] = []
    timeout = aiohttp.ClientTimeout(total=300)
    async with aiohttp.ClientSession(
        timeout=timeout, connector=aiohttp.TCPConnector(limit=conversations * 2)
    ) as session:
        await _conversation(session, url, script, f"warm-{time.time_ns()}")
        for round_number in range(rounds):
            started = time.perf_counter()
            results = await asyncio.gather(
                *(
                    _conversation(session, url, script, f"b{round_number}-{n}-{time.time_ns()}")
                    for n in range(conversations)
                )
            )
            seconds = time.perf_counter() - started
            turns = [t for timings in results for t in timings]
            latencies += turns
            throughput.append(len(turns) / seconds)
    return {
        "p50_ms": percentile(latencies, 50),
        "p95_ms": percentile(latencies, 95),
        "turns_per_second": statistics.median(throughput),
        "turns": len(latencies),
    }


def chat_loads(rasa_url: str, script: tuple[str, ...], rounds: int) -> dict[str, dict]:
    return {
        str(n): asyncio.run(load(rasa_url, script, n, rounds))
        for n in tqdm(CONCURRENCY, desc="  conversations at once", leave=False, file=sys.stderr)
    }


def our_memory(web_url: str, rasa_url: str) -> dict[str, float]:
    ports = {"web app": web_url, "Rasa server": rasa_url}
    memory = {
        label: sum(resident_mb(pid) for pid in pids_listening_on(int(url.rsplit(":", 1)[1])))
        for label, url in ports.items()
    }
    memory["action server"] = sum(resident_mb(pid) for pid in pids_running("bot.action_server"))
    memory["hand-over dispatcher"] = sum(
        resident_mb(pid) for pid in pids_running("bot.handover.dispatcher")
    )
    memory["launcher"] = sum(resident_mb(pid) for pid in pids_running("bot.launcher"))
    return memory


def run(rounds: int, search_sizes: list[int]) -> dict[str, Any]:
    results: dict[str, Any] = {"rasa_version": rasa.__version__}
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        work = Path(folder)
        tqdm.write("Training both assistants from scratch...", file=sys.stderr)
        results["training_seconds"] = {
            "ours": starter.train_ours(work / "ours"),
            "starter": starter.train_starter(work / "starter"),
        }
        tqdm.write("Our assistant under load...", file=sys.stderr)
        with running_system() as (web_url, rasa_url):
            results["memory_mb"] = our_memory(web_url, rasa_url)
            results["chat"] = {"ours": chat_loads(rasa_url, SCRIPT, rounds)}
        tqdm.write("Rasa's starter bot under load...", file=sys.stderr)
        with starter.serving(work / "starter") as (rasa_url, pid):
            results["memory_mb_starter"] = resident_mb(pid)
            results["chat"]["starter"] = chat_loads(rasa_url, starter.SCRIPT, rounds)
        shutil.rmtree(work, ignore_errors=True)
    tqdm.write("The sentence encoder...", file=sys.stderr)
    results["encoder"] = time_encoder()
    tqdm.write("Directory search at scale...", file=sys.stderr)
    results["search"] = {str(size): time_search(size).__dict__ for size in search_sizes}
    return results


def summary(r: dict[str, Any]) -> list[tuple[str, str, str]]:
    ours, theirs = r["chat"]["ours"], r["chat"]["starter"]
    rows = [
        (
            "Training from scratch (s)",
            f"{r['training_seconds']['ours']:.0f}",
            f"{r['training_seconds']['starter']:.0f} starter bot",
        ),
    ]
    for n in CONCURRENCY:
        o, t = ours[str(n)], theirs[str(n)]
        rows.append(
            (
                f"Turn latency p50 / p95 at {n} at once (ms)",
                f"{o['p50_ms']:.0f} / {o['p95_ms']:.0f}",
                f"{t['p50_ms']:.0f} / {t['p95_ms']:.0f} starter "
                f"(x{o['p95_ms'] / t['p95_ms']:.2f} p95)",
            )
        )
        rows.append(
            (
                f"Turns per second at {n} at once",
                f"{o['turns_per_second']:.1f}",
                f"{t['turns_per_second']:.1f} starter "
                f"(x{o['turns_per_second'] / t['turns_per_second']:.2f})",
            )
        )
    total = sum(r["memory_mb"].values())
    rows.append(
        (
            "Whole system resident memory (MB)",
            f"{total:.0f}",
            f"{r['memory_mb_starter']:.0f} starter Rasa server alone",
        )
    )
    encoder = r["encoder"]
    rows.append(
        (
            "Sentence encoder: load in a new process (s)",
            f"{encoder['cold_start_s']:.2f}",
            "target 2",
        )
    )
    rows.append(
        (
            "Sentence encoder: one sentence alone / in a message's batch (ms)",
            f"{encoder['alone_ms']:.1f} / {encoder['in_a_batch_ms']:.1f}",
            "-",
        )
    )
    for size, timing in r["search"].items():
        rows.append(
            (
                f"Directory search p50 / p95 at {int(size):,} services (ms)",
                f"{timing['p50_ms']:.1f} / {timing['p95_ms']:.1f}",
                "-",
            )
        )
    return rows


def markdown(r: dict[str, Any]) -> str:
    lines = [
        "# Benchmark report",
        "",
        "Produced by `make bench` on this machine; each comparison was measured in the same run.",
        "",
        "| What we measured | Ours | Peer |",
        "|---|---|---|",
    ]
    lines += [f"| {what} | {ours} | {peer} |" for what, ours, peer in summary(r)]
    lines += ["", "## Resident memory after start (MB)", "", "| process | MB |", "|---|---|"]
    lines += [f"| {name} | {mb:.0f} |" for name, mb in r["memory_mb"].items()]
    at10 = r["chat"]["ours"]["10"]["p95_ms"]
    verdict = "meets" if at10 <= TARGET_P95_MS_AT_10 else "misses"
    lines += [
        "",
        f"At 10 conversations at once our p95 is {at10:.0f} ms: it {verdict} the "
        f"{TARGET_P95_MS_AT_10:.0f} ms target.",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--search-sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    args = parser.parse_args()
    results = run(args.rounds, args.search_sizes)
    RESULTS_DIR.mkdir(exist_ok=True)
    (RESULTS_DIR / "bench.json").write_text(json.dumps(results, indent=2) + "\n")
    report = markdown(results)
    (RESULTS_DIR / "bench.md").write_text(report)
    width = max(len(what) for what, _, _ in summary(results))
    print(f"{'What we measured':{width}}  {'Ours':>12}  Peer")
    for what, ours, peer in summary(results):
        print(f"{what:{width}}  {ours:>12}  {peer}")
    print(f"\nFull report: {RESULTS_DIR / 'bench.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
