"""Full ORUK records as stored, and saving a maintainer's change to one."""

from __future__ import annotations

import copy
from typing import Any

from sqlalchemy.orm import Session

from directory import queries
from directory.importer import write_services
from directory.mapping import rows_for
from directory.models import Service


def full_record(service: Service) -> dict[str, Any]:
    """The ORUK record as imported or last edited, with the status the directory holds now."""
    record = copy.deepcopy(service.raw)
    record["status"] = service.status
    return record


def save_record(session: Session, service: Service, record: dict[str, Any]) -> None:
    """Rewrite a service and the rows it owns from an edited record.

    The feed's content hash is kept, so re-importing an unchanged feed leaves the edit alone.
    """
    extra = {
        "source": service.source,
        "content_hash": service.content_hash,
        "retired_at": service.retired_at,
        "retired_by": service.retired_by,
        "raw": record,
    }
    write_services(session, [(rows_for(record), extra)])
    session.expire(service)
    queries.mark_changed(session)
