"""Checks ORUK 3.0 records and API responses against the shipped JSON Schemas."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, RefResolver

SCHEMA_DIR = Path(__file__).resolve().parent / "schema"

# The ORUK examples wrap every list in this envelope; the profile publishes no schema for it.
PAGE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": [
        "total_items",
        "total_pages",
        "page_number",
        "size",
        "first_page",
        "last_page",
        "empty",
        "contents",
    ],
    "properties": {
        "total_items": {"type": "integer", "minimum": 0},
        "total_pages": {"type": "integer", "minimum": 0},
        "page_number": {"type": "integer", "minimum": 1},
        "size": {"type": "integer", "minimum": 0},
        "first_page": {"type": "boolean"},
        "last_page": {"type": "boolean"},
        "empty": {"type": "boolean"},
        "contents": {"type": "array"},
    },
}


def load_schema(name: str) -> dict[str, Any]:
    return json.loads((SCHEMA_DIR / f"{name}.json").read_text(encoding="utf-8"))


@cache
def validator(name: str) -> Draft202012Validator:
    """A validator for `service`, `service_list`, `taxonomy` or `taxonomy_term`.

    Formats (uuid, uri...) are not enforced: the profile marks ids as uuid, yet real and
    sample feeds use readable ids, and rejecting them would lose good records.
    """
    schema = load_schema(name)
    store = {f"{other}.json": load_schema(other) for other in ("taxonomy_term",)}
    return Draft202012Validator(schema, resolver=RefResolver("", schema, store=store))


def problems(record: Any, name: str = "service") -> list[str]:
    """Plain descriptions of what is wrong with `record`; empty when it is valid."""
    found = []
    for error in sorted(validator(name).iter_errors(record), key=lambda e: list(e.path)):
        where = "/".join(str(part) for part in error.path) or "record"
        found.append(f"{where}: {error.message}")
    return found


def page_problems(page: Any, item_schema: str) -> list[str]:
    found = [f"page: {e.message}" for e in Draft202012Validator(PAGE_SCHEMA).iter_errors(page)]
    if not found:
        for number, item in enumerate(page["contents"]):
            found.extend(f"contents/{number}/{p}" for p in problems(item, item_schema))
    return found
