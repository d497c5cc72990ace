"""Small ORUK 3.0 service records and directories for the directory tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from directory.db import session_scope, upgrade
from directory.importer import import_records

THESAURUS = """
needs:
  - term: need-loneliness
    says: feeling lonely or cut off
    phrases: [lonely, on my own, no one to talk to, since my wife died]
  - term: need-daily-living
    says: everyday tasks like washing and bathing
    phrases: [bath, bathing, wash, get in the bath]
  - term: need-dementia
    says: memory problems or dementia
    phrases: [dementia, memory, forgetful]
  - term: need-money
    says: money, bills and benefits
    phrases: [afford, gas bill, benefits, money]
  - term: need-general
    says: finding out what help is out there
    phrases: [not sure where to start]
"""


def term(term_id: str, name: str | None = None) -> dict[str, Any]:
    label = name or term_id.removeprefix("need-").replace("-", " ").title()
    return {
        "id": term_id,
        "name": label,
        "description": label,
        "taxonomy_id": "c1-needs",
        "vocabulary": "c1-needs",
    }


def service(
    service_id: str,
    name: str,
    description: str = "",
    terms: tuple[str, ...] = (),
    postcode: str | None = None,
    lat: float | None = None,
    lon: float | None = None,
    byday: str | None = None,
    opens_at: str = "10:00:00",
    closes_at: str = "14:00:00",
    area: str | None = None,
    phone: str | None = "0114 496 0001",
    **fields: Any,
) -> dict[str, Any]:
    """A full ORUK service record; a postcode or lat/lon gives it a physical location."""
    record: dict[str, Any] = {
        "id": service_id,
        "name": name,
        "description": description or name,
        "status": "active",
        "organization": {"id": f"org-{service_id}", "name": f"{name} Trust", "description": "."},
        "attributes": [
            {"id": f"{service_id}-attr-{n}", "taxonomy_term": term(t)} for n, t in enumerate(terms)
        ],
        **fields,
    }
    if phone:
        record["phones"] = [{"id": f"{service_id}-phone", "number": phone}]
    if byday:
        record["schedules"] = [
            {
                "id": f"{service_id}-sched",
                "freq": "WEEKLY",
                "byday": byday,
                "opens_at": opens_at,
                "closes_at": closes_at,
            }
        ]
    if area:
        record["service_areas"] = [{"id": f"{service_id}-area", "name": area}]
    if postcode or lat is not None:
        location: dict[str, Any] = {
            "id": f"loc-{service_id}",
            "location_type": "physical",
            "name": f"{name} venue",
        }
        if lat is not None:
            location.update(latitude=lat, longitude=lon)
        if postcode:
            location["addresses"] = [
                {
                    "id": f"addr-{service_id}",
                    "address_1": "1 High Street",
                    "city": "Sheffield",
                    "state_province": "South Yorkshire",
                    "postal_code": postcode,
                    "country": "GB",
                    "address_type": "physical",
                }
            ]
        record["service_at_locations"] = [{"id": f"sal-{service_id}", "location": location}]
    return record


def write_json(path: Path, document: Any) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def database(tmp_path: Path, records: list[dict[str, Any]] | None = None) -> str:
    """A migrated SQLite file in tmp_path holding `records`; returns its URL."""
    url = f"sqlite:///{tmp_path / 'directory.db'}"
    upgrade(url)
    if records:
        with session_scope(url) as session:
            import_records(session, records, "fixture")
    return url
