"""What maintainers do by hand: add, edit, retire, verify, and find stale or invalid records."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from directory import queries
from directory.importer import write_services
from directory.mapping import content_hash, rows_for
from directory.models import Service
from directory.records import full_record, save_record
from directory.validation import problems

EDITABLE = ("name", "description", "status", "phone", "email", "url")
STALE_AFTER = timedelta(days=91)  # three months
MAINTAINER_SOURCE = "maintainer"
RETIRED_BY_MAINTAINER = "maintainer"


class MaintenanceError(Exception):
    """Something a maintainer asked for cannot be done; the message says why, kindly."""


@dataclass
class Finding:
    id: str
    name: str
    detail: str


def _service(session: Session, service_id: str) -> Service:
    service = queries.get_service(session, service_id)
    if service is None:
        raise MaintenanceError(
            f"There is no service with id {service_id!r}. Check the id with "
            "'python -m directory search' or the export."
        )
    return service


def _checked(record: Any, what: str) -> dict[str, Any]:
    found = problems(record)
    if found:
        listed = "; ".join(found[:5])
        raise MaintenanceError(f"{what} does not fit the ORUK 3.0 service schema: {listed}")
    return record


def read_record_file(path: Path) -> dict[str, Any]:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise MaintenanceError(f"There is no file at {path}.") from error
    except (OSError, UnicodeDecodeError) as error:
        raise MaintenanceError(f"Could not read {path}: {error}.") from error
    except json.JSONDecodeError as error:
        raise MaintenanceError(
            f"{path} is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})."
        ) from error
    if not isinstance(record, dict):
        raise MaintenanceError(f"{path} should hold one service record (a JSON object).")
    return record


def add(session: Session, record: dict[str, Any]) -> str:
    _checked(record, "The new service")
    if queries.get_service(session, record["id"]) is not None:
        raise MaintenanceError(
            f"A service with id {record['id']!r} already exists; use 'edit' to change it."
        )
    extra = {
        "source": MAINTAINER_SOURCE,
        "content_hash": content_hash(record),
        "retired_at": None,
        "retired_by": None,
        "raw": record,
    }
    write_services(session, [(rows_for(record), extra)])
    queries.mark_changed(session)
    return record["id"]


def edit(session: Session, service_id: str, changes: dict[str, str]) -> None:
    """Change the named fields; `phone` replaces the service's own phone numbers."""
    service = _service(session, service_id)
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        allowed = ", ".join(EDITABLE)
        raise MaintenanceError(f"Cannot edit {', '.join(unknown)}; editable: {allowed}.")
    if not changes:
        raise MaintenanceError(f"Nothing to change; give one of --{', --'.join(EDITABLE)}.")
    record = full_record(service)
    for field, value in changes.items():
        if field == "phone":
            record["phones"] = [{"id": f"{service_id}-phone", "number": value}]
        else:
            record[field] = value
    save_record(session, service, _checked(record, "The edited service"))


def retire(session: Session, service_id: str) -> None:
    service = _service(session, service_id)
    record = full_record(service)
    record["status"] = queries.RETIRED_STATUS
    service.retired_at = queries.utcnow()
    service.retired_by = RETIRED_BY_MAINTAINER
    save_record(session, service, record)


def verify(session: Session, service_id: str, today: date | None = None) -> date:
    """Record that a maintainer has checked the service with the provider today."""
    service = _service(session, service_id)
    record = full_record(service)
    when = today or date.today()
    record["assured_date"] = when.isoformat()
    save_record(session, service, record)
    return when


def stale(session: Session, today: date | None = None) -> list[Finding]:
    cutoff = (today or date.today()) - STALE_AFTER
    return [
        Finding(
            s.id,
            s.name,
            f"last verified {s.assured_date.isoformat()}" if s.assured_date else "never verified",
        )
        for s in queries.stale_services(session, cutoff)
    ]


def validate_all(session: Session) -> list[Finding]:
    found = []
    for service in queries.all_services(session, include_retired=False):
        for problem in problems(full_record(service)):
            found.append(Finding(service.id, service.name, problem))
    return found
