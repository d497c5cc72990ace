"""Turns one full ORUK 3.0 service record into rows for the HSDS tables."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import Table

from directory.models import (
    Accessibility,
    Address,
    Attribute,
    Contact,
    CostOption,
    Language,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)

Row = dict[str, Any]


@dataclass
class ServiceRows:
    """Everything one record contributes, grouped by table."""

    service: Row
    shared: dict[Table, list[Row]] = field(default_factory=dict)
    children: dict[Table, list[Row]] = field(default_factory=dict)

    def add(self, group: dict[Table, list[Row]], table: Table, row: Row) -> None:
        group.setdefault(table, []).append(row)


def content_hash(record: Any) -> str:
    canonical = json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def parse_date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def parse_datetime(value: Any) -> datetime | None:
    """An ISO timestamp as naive UTC (how the database stores it), or None if unreadable."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(timezone.utc).replace(tzinfo=None)
    return parsed


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _pick(record: Row, table: Table, **extra: Any) -> Row:
    """The table's columns taken from the record by name, plus fixed values."""
    row = {}
    for column in table.columns:
        if column.name == "pk":
            continue
        value = extra.get(column.name, record.get(column.name))
        row[column.name] = value if isinstance(value, (str, int, float)) or value is None else None
    row.update({k: v for k, v in extra.items() if k in table.columns})
    return row


def service_columns(record: Row) -> Row:
    """The service's own columns (without source, hash or retirement)."""
    table = Service.__table__
    row = _pick(record, table)
    for name in ("source", "content_hash", "retired_at", "retired_by", "raw"):
        row.pop(name)
    organization = record.get("organization") or {}
    row["organization_id"] = record.get("organization_id") or organization.get("id")
    row["minimum_age"] = _number(record.get("minimum_age"))
    row["maximum_age"] = _number(record.get("maximum_age"))
    row["assured_date"] = parse_date(record.get("assured_date"))
    row["last_modified"] = parse_datetime(record.get("last_modified"))
    return row


def _term_rows(rows: ServiceRows, term: Row) -> None:
    taxonomy_id = term.get("taxonomy_id") or term.get("vocabulary")
    rows.add(
        rows.shared,
        TaxonomyTerm.__table__,
        _pick(term, TaxonomyTerm.__table__, taxonomy_id=taxonomy_id, code=term.get("code")),
    )
    if taxonomy_id:
        detail = term.get("taxonomy_detail") or {}
        name = detail.get("name") or term.get("taxonomy") or term.get("vocabulary") or taxonomy_id
        rows.add(
            rows.shared,
            Taxonomy.__table__,
            _pick(detail, Taxonomy.__table__, id=taxonomy_id, name=name),
        )


def _location_rows(rows: ServiceRows, location: Row) -> None:
    location_id = location["id"]
    rows.add(
        rows.shared,
        Location.__table__,
        _pick(
            location,
            Location.__table__,
            latitude=_number(location.get("latitude")),
            longitude=_number(location.get("longitude")),
        ),
    )
    for address in location.get("addresses") or []:
        rows.add(
            rows.shared,
            Address.__table__,
            _pick(address, Address.__table__, location_id=location_id),
        )
    for item in location.get("accessibility") or []:
        rows.add(
            rows.shared,
            Accessibility.__table__,
            _pick(item, Accessibility.__table__, location_id=location_id),
        )


def _schedule_row(schedule: Row, service_id: str, sal_id: str | None) -> Row:
    return _pick(
        schedule,
        Schedule.__table__,
        service_id=service_id,
        service_at_location_id=sal_id,
        valid_from=parse_date(schedule.get("valid_from")),
        valid_to=parse_date(schedule.get("valid_to")),
    )


def rows_for(record: Row) -> ServiceRows:
    """All rows for a record that has already passed schema validation."""
    service_id = record["id"]
    rows = ServiceRows(service=service_columns(record))
    organization = record.get("organization")
    if organization:
        rows.add(rows.shared, Organization.__table__, _pick(organization, Organization.__table__))
    owned = {"service_id": service_id}
    for schedule in record.get("schedules") or []:
        rows.add(rows.children, Schedule.__table__, _schedule_row(schedule, service_id, None))
    for sal in record.get("service_at_locations") or []:
        location = sal.get("location") or {}
        if location:
            _location_rows(rows, location)
        rows.add(
            rows.children,
            ServiceAtLocation.__table__,
            _pick(sal, ServiceAtLocation.__table__, location_id=location.get("id"), **owned),
        )
        for schedule in sal.get("schedules") or []:
            rows.add(
                rows.children, Schedule.__table__, _schedule_row(schedule, service_id, sal["id"])
            )
    simple = [
        ("service_areas", ServiceArea.__table__),
        ("cost_options", CostOption.__table__),
        ("languages", Language.__table__),
    ]
    for key, table in simple:
        for item in record.get(key) or []:
            rows.add(rows.children, table, _pick(item, table, **owned))
    for phone in record.get("phones") or []:
        if phone.get("number"):
            rows.add(rows.children, Phone.__table__, _pick(phone, Phone.__table__, **owned))
    for contact in record.get("contacts") or []:
        rows.add(rows.children, Contact.__table__, _pick(contact, Contact.__table__, **owned))
        for phone in contact.get("phones") or []:
            if phone.get("number"):
                row = _pick(phone, Phone.__table__, contact_id=contact["id"], **owned)
                rows.add(rows.children, Phone.__table__, row)
    for attribute in record.get("attributes") or []:
        term = attribute.get("taxonomy_term") or {}
        if term:
            _term_rows(rows, term)
        term_id = term.get("id") or attribute.get("taxonomy_term_id")
        row = _pick(attribute, Attribute.__table__, taxonomy_term_id=term_id, **owned)
        rows.add(rows.children, Attribute.__table__, row)
    return rows
