"""`python -m directory evaluate`: our search against a keyword baseline on the sample."""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from directory.db import session_scope, upgrade
from directory.evaluation.baseline import any_word_search, keyword_search
from directory.evaluation.metrics import hit_at, summarise
from directory.importer import SAMPLE_FILE, import_source
from directory.search import search

QUERIES_FILE = Path(__file__).resolve().parent / "queries.yml"


def load_queries(path: Path = QUERIES_FILE) -> list[dict[str, Any]]:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or []


def _at(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def run(queries: list[dict[str, Any]], sample: Path = SAMPLE_FILE) -> dict[str, Any]:
    """Metrics for both systems, plus the queries ours misses in the top three."""
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'evaluation.db'}"
        upgrade(url)
        with session_scope(url) as session:
            import_source(session, str(sample), progress=False)
            ours, baseline, any_word, misses, fallbacks = [], [], [], [], 0
            for item in queries:
                relevant = {str(k): int(v) for k, v in (item.get("relevant") or {}).items()}
                found = search(
                    session,
                    item["query"],
                    item.get("postcode"),
                    5,
                    bool(item.get("open_now")),
                    _at(item.get("at")),
                )
                ranked = [result.id for result in found]
                fallbacks += not any(result.matched for result in found)
                ours.append((ranked, relevant))
                baseline.append((keyword_search(session, item["query"]), relevant))
                any_word.append((any_word_search(session, item["query"]), relevant))
                if not hit_at(ranked, relevant, 3):
                    misses.append(
                        {
                            "query": item["query"],
                            "got": ranked[:3],
                            "wanted": sorted(relevant, key=lambda k: -relevant[k]),
                        }
                    )
    return {
        "queries": len(queries),
        "search": summarise(ours),
        "baseline": summarise(baseline),
        "baseline_any_word": summarise(any_word),
        "fallbacks": fallbacks,
        "misses": misses,
    }


def format_report(report: dict[str, Any]) -> str:
    lines = [
        f"{report['queries']} queries",
        f"{'':18}{'hit@1':>8}{'hit@3':>8}{'nDCG@5':>8}{'zero':>8}",
    ]
    for name in ("search", "baseline", "baseline_any_word"):
        m = report[name]
        lines.append(
            f"{name:18}{m['hit@1']:8.2f}{m['hit@3']:8.2f}{m['ndcg@5']:8.2f}"
            f"{m['zero_result_rate']:8.2f}"
        )
    lines.append(f"search fell back to general options for {report['fallbacks']} queries")
    lines.extend(
        f"missed: {miss['query']!r} got {miss['got']} wanted {miss['wanted'][:3]}"
        for miss in report["misses"]
    )
    return "\n".join(lines)
