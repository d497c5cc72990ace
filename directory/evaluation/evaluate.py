"""`python -m directory evaluate`: our search (words and meaning, and words alone) against a
keyword baseline on the sample directory, over three labelled sets."""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy.orm import Session

from directory.db import session_scope, upgrade
from directory.evaluation.baseline import any_word_search, keyword_search
from directory.evaluation.metrics import hit_at, summarise
from directory.importer import SAMPLE_FILE, import_source
from directory.search import search

HERE = Path(__file__).resolve().parent
QUERIES_FILE = HERE / "queries.yml"
DEV_FILE = HERE / "needs" / "dev.jsonl"
BLIND_FILE = HERE / "needs" / "blind.jsonl"
BLIND_HASH_FILE = HERE / "needs" / "blind.sha256"
# Each set, how it may be used, and whether its misses may be listed.
SETS = {
    "queries": "the team's own queries (tuned on)",
    "dev": "needs as people write them (tuned on)",
    "blind": "needs as people write them (frozen blind set, never tuned on)",
}
SYSTEMS = {
    "search": "ours: words and meaning",
    "lexical": "ours: words only (before meaning)",
    "baseline": "keyword (all words)",
    "baseline_any_word": "keyword (any word)",
}


class BlindSetChanged(Exception):
    """The blind set is not the frozen file: its figures would mean nothing."""


def load_queries(path: Path = QUERIES_FILE) -> list[dict[str, Any]]:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or []


def load_needs(path: Path) -> list[dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def blind_hash(path: Path = BLIND_FILE, expected_file: Path = BLIND_HASH_FILE) -> str:
    """The blind set's SHA-256, refused unless it is the frozen one."""
    found = hashlib.sha256(path.read_bytes()).hexdigest()
    expected = expected_file.read_text(encoding="utf-8").split()[0]
    if found != expected:
        raise BlindSetChanged(
            f"{path.name} has SHA-256 {found}, not the frozen {expected} in "
            f"{expected_file.name}; its figures are not reported."
        )
    return found


def _at(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


@contextmanager
def sample_session(sample: Path) -> Iterator[Session]:
    """A session on a new SQLite file holding `sample`, deleted afterwards."""
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'evaluation.db'}"
        upgrade(url)
        with session_scope(url) as session:
            import_source(session, str(sample), progress=False)
            yield session


def score(session: Session, items: list[dict[str, Any]], list_misses: bool) -> dict[str, Any]:
    """Metrics for every system over `items`; the queries ours misses in the top three only
    when `list_misses` (never for the blind set)."""
    runs: dict[str, list[tuple[list[str], dict[str, int]]]] = {name: [] for name in SYSTEMS}
    misses, fallbacks = [], 0
    for item in items:
        relevant = {str(k): int(v) for k, v in (item.get("relevant") or {}).items()}
        asked = (item["query"], item.get("postcode"), 5, bool(item.get("open_now")))
        found = search(session, *asked, _at(item.get("at")))
        ranked = [result.id for result in found]
        fallbacks += not any(result.matched for result in found)
        lexical = search(session, *asked, _at(item.get("at")), dense=False)
        runs["search"].append((ranked, relevant))
        runs["lexical"].append(([result.id for result in lexical], relevant))
        runs["baseline"].append((keyword_search(session, item["query"]), relevant))
        runs["baseline_any_word"].append((any_word_search(session, item["query"]), relevant))
        if list_misses and not hit_at(ranked, relevant, 3):
            misses.append(
                {
                    "query": item["query"],
                    "got": ranked[:3],
                    "wanted": sorted(relevant, key=lambda k: -relevant[k]),
                }
            )
    report: dict[str, Any] = {name: summarise(found) for name, found in runs.items()}
    report.update(queries=len(items), fallbacks=fallbacks)
    if list_misses:
        report["misses"] = misses
    return report


def run(queries: list[dict[str, Any]], sample: Path = SAMPLE_FILE) -> dict[str, Any]:
    """Metrics for every system on `queries`, plus the queries ours misses in the top three."""
    with sample_session(sample) as session:
        return score(session, queries, list_misses=True)


def figures(sample: Path = SAMPLE_FILE) -> dict[str, Any]:
    """Figures for all three sets in one run, for `make eval` and this package's command.
    Raises BlindSetChanged rather than report a blind set that is not the frozen one."""
    frozen = blind_hash()
    with sample_session(sample) as session:
        report = {
            "queries": score(session, load_queries(), list_misses=True),
            "dev": score(session, load_needs(DEV_FILE), list_misses=True),
            "blind": score(session, load_needs(BLIND_FILE), list_misses=False),
        }
    report["blind"]["sha256"] = frozen
    return report


def format_set(name: str, report: dict[str, Any]) -> list[str]:
    lines = [
        f"{name}: {report['queries']} queries, {SETS.get(name, '')}",
        f"  {'':36}{'hit@1':>7}{'hit@3':>7}{'nDCG@5':>8}{'zero':>6}",
    ]
    for system, label in SYSTEMS.items():
        m = report[system]
        lines.append(
            f"  {label:36}{m['hit@1']:7.2f}{m['hit@3']:7.2f}{m['ndcg@5']:8.2f}"
            f"{m['zero_result_rate']:6.2f}"
        )
    lines.append(f"  ours fell back to general options for {report['fallbacks']} queries")
    if "sha256" in report:
        lines.append(f"  blind set SHA-256 {report['sha256']} (matches blind.sha256)")
    lines.extend(
        f"  missed: {miss['query']!r} got {miss['got']} wanted {miss['wanted'][:3]}"
        for miss in report.get("misses", [])
    )
    return lines


def format_report(report: dict[str, Any]) -> str:
    """The three sets of `figures()`, one after another."""
    return "\n\n".join("\n".join(format_set(name, found)) for name, found in report.items())
