"""Writes the directory out as an ORUK 3.0 JSON array of full service records."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy.orm import Session

from directory import queries
from directory.records import full_record


def export_records(session: Session) -> list[dict]:
    return [full_record(service) for service in queries.all_services(session)]


def export_file(session: Session, path: Path) -> int:
    records = export_records(session)
    path.write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")
    return len(records)
