"""Upserts ORUK service records into the directory: idempotent, one transaction per feed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from directory import queries, vectors
from directory.feed import read_source, source_key
from directory.mapping import ServiceRows, content_hash, rows_for
from directory.models import SERVICE_CHILD_TABLES, Accessibility, Address, Location, Service
from directory.validation import problems

RETIRED_BY_FEED = "feed"
SAMPLE_FILE = Path(__file__).resolve().parent / "sample" / "sheffield.json"


@dataclass
class ImportSummary:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    retired: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)

    def lines(self) -> list[str]:
        counts = (
            f"added {self.added}, updated {self.updated}, unchanged {self.unchanged}, "
            f"retired {self.retired}, rejected {len(self.rejected)}"
        )
        return [counts, *(f"rejected {rid}: {reason}" for rid, reason in self.rejected)]


def _reason(found: list[str]) -> str:
    more = f" (and {len(found) - 1} more problems)" if len(found) > 1 else ""
    return found[0] + more


def write_services(
    session: Session,
    batch: list[tuple[ServiceRows, dict[str, Any]]],
    embed: vectors.Embed = vectors.encode,
) -> None:
    """Replace the given services and everything they own; upsert what they share; bring
    their search vectors up to date (only those whose embedded text changed)."""
    ids = [rows.service["id"] for rows, _ in batch]
    for table in SERVICE_CHILD_TABLES:
        queries.delete_where_in(session, table.c.service_id, ids)
    shared: dict[Any, list[dict[str, Any]]] = {}
    children: dict[Any, list[dict[str, Any]]] = {}
    for rows, _ in batch:
        for table, found in rows.shared.items():
            shared.setdefault(table, []).extend(found)
        for table, found in rows.children.items():
            children.setdefault(table, []).extend(found)
    # A location's addresses and accessibility are replaced along with the location.
    location_parts = (Address.__table__, Accessibility.__table__)
    location_ids = [row["id"] for row in shared.get(Location.__table__, [])]
    for table in location_parts:
        queries.delete_where_in(session, table.c.location_id, location_ids)
    for table, found in shared.items():
        if table in location_parts:
            # Services sharing a location each carry its addresses: insert them once.
            unique = {(row["location_id"], row["id"]): row for row in found}
            session.execute(table.insert(), list(unique.values()))
        else:
            queries.upsert(session, table, found)
    queries.upsert(session, Service.__table__, [{**rows.service, **extra} for rows, extra in batch])
    for table, found in children.items():
        session.execute(table.insert(), found)
    vectors.refresh(session, ids, embed=embed)


def import_records(
    session: Session,
    records: list[Any],
    source: str,
    now: datetime | None = None,
    embed: vectors.Embed = vectors.encode,
) -> ImportSummary:
    """Import one feed's records; the caller's session scope makes it all-or-nothing."""
    now = now or queries.utcnow()
    summary = ImportSummary()
    known = {
        service_id: (digest, retired)
        for service_id, digest, retired in session.execute(
            select(Service.id, Service.content_hash, Service.retired_by)
        )
    }
    seen: set[str] = set()
    batch: list[tuple[ServiceRows, dict[str, Any]]] = []
    for record in records:
        record_id = record.get("id") if isinstance(record, dict) else None
        label = record_id if isinstance(record_id, str) else "(record without an id)"
        if isinstance(record_id, str) and record_id in seen:
            summary.rejected.append((label, "the same id appears more than once in this feed"))
            continue
        if isinstance(record_id, str):
            seen.add(record_id)
        found = problems(record)
        if found:
            summary.rejected.append((label, _reason(found)))
            continue
        digest = content_hash(record)
        previous = known.get(record_id)
        # Unchanged unless the feed brings back a service that had vanished from it; a
        # maintainer's retirement stands until the feed itself changes the record.
        if previous is not None and previous[0] == digest and previous[1] != RETIRED_BY_FEED:
            summary.unchanged += 1
            continue
        extra = {
            "source": source,
            "content_hash": digest,
            "retired_at": None,
            "retired_by": None,
            "raw": record,
        }
        batch.append((rows_for(record), extra))
        if previous is None:
            summary.added += 1
        else:
            summary.updated += 1
    for part in queries.chunks(batch):
        write_services(session, part, embed)
    vanished = sorted(queries.active_ids_from(session, source) - seen)
    for part in queries.chunks(vanished):
        session.execute(
            update(Service)
            .where(Service.id.in_(part))
            .values(retired_at=now, retired_by=RETIRED_BY_FEED, status=queries.RETIRED_STATUS)
        )
    summary.retired = len(vanished)
    if batch or vanished:
        queries.mark_changed(session)
    return summary


def import_source(
    session: Session, source: str, progress: bool = True, embed: vectors.Embed = vectors.encode
) -> ImportSummary:
    """Read a file or ORUK API fully first, so a feed that fails part-way changes nothing."""
    records = read_source(source, progress=progress)
    return import_records(session, records, source_key(source), embed=embed)


def load_sample_if_empty(session: Session) -> ImportSummary | None:
    """Import the Sheffield sample directory when there are no services at all yet."""
    if queries.service_count(session, include_retired=True):
        return None
    return import_source(session, str(SAMPLE_FILE), progress=False)
