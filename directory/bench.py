"""`python -m directory bench`: search latency by directory size, and a timed API import."""

from __future__ import annotations

import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from directory.db import session_scope, upgrade
from directory.feedserver import serve_feed
from directory.importer import import_records, import_source
from directory.search import search
from directory.search.index import get_index
from directory.synthetic import directory, word_vectors
from encoder import shared_encoder

QUERIES = [
    ("lonley since my wife died", "S8"),
    ("my mum wont get in the bath anymore", "S11 8YA"),
    ("somewhere for dad with dementia on a saturday", None),
    ("cant aford the gas", "S2"),
    ("lunch club", "S6"),
    ("carers break at the weekend", "S10"),
    ("help with benefits forms", None),
    ("walking group in the evening", "S7"),
    ("digital skills tablet", "S5"),
    ("memory cafe", "S9"),
    ("something tonight", "S1"),
    ("xyzzy", None),
]
ROUNDS = 5


@dataclass
class SearchTiming:
    size: int
    load_seconds: float
    index_seconds: float
    p50_ms: float
    p95_ms: float


def time_search(size: int) -> SearchTiming:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        upgrade(url)
        started = time.perf_counter()
        with session_scope(url) as session:
            import_records(session, directory(size), "synthetic", embed=word_vectors)
        loaded = time.perf_counter()
        with session_scope(url) as session:
            get_index(session)
            # Loaded before the clock starts, as a server does at start-up; every query is
            # still encoded when first seen, within its timing.
            shared_encoder()
            built = time.perf_counter()
            timings = []
            for _ in range(ROUNDS):
                for query, postcode in QUERIES:
                    begin = time.perf_counter()
                    search(session, query, postcode)
                    timings.append((time.perf_counter() - begin) * 1000)
    timings.sort()
    return SearchTiming(
        size,
        loaded - started,
        built - loaded,
        statistics.median(timings),
        timings[int(len(timings) * 0.95) - 1],
    )


def time_api_import(size: int) -> float:
    """Seconds to import `size` services from a local ORUK API with brief list items (with
    stand-in vectors: the encoder's own time is measured by the encoder's bench)."""
    records = directory(size, seed=11)
    with tempfile.TemporaryDirectory() as folder, serve_feed(records) as base_url:
        url = f"sqlite:///{Path(folder) / 'import.db'}"
        upgrade(url)
        started = time.perf_counter()
        with session_scope(url) as session:
            import_source(session, base_url, progress=False, embed=word_vectors)
        return time.perf_counter() - started


def report(sizes: list[int], import_size: int) -> str:
    lines = [f"{'services':>10}{'load s':>9}{'index s':>9}{'p50 ms':>9}{'p95 ms':>9}"]
    for size in sizes:
        t = time_search(size)
        lines.append(
            f"{t.size:>10,}{t.load_seconds:9.1f}{t.index_seconds:9.1f}"
            f"{t.p50_ms:9.1f}{t.p95_ms:9.1f}"
        )
    if import_size:
        seconds = time_api_import(import_size)
        lines.append(
            f"import of {import_size:,} services from a local ORUK API "
            f"(paged, detail fetch per service): {seconds:.1f} s"
        )
    return "\n".join(lines)
