"""Check a record against the hand-over JSON Schema (handover-v1.json)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

SCHEMA_PATH = Path(__file__).resolve().parent / "schema" / "handover-v1.json"
SCHEMA_VERSION = 1


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def first_problem(record: Any) -> str | None:
    """None when the record is valid, otherwise one plain reason with where it is.

    The reason names the field and the rule, and may quote a value: fine for an HTTP
    answer to the sender, never for a log line."""
    errors = sorted(_validator().iter_errors(record), key=lambda error: list(error.path))
    if not errors:
        return None
    error = errors[0]
    where = "/".join(str(part) for part in error.path) or "(the record)"
    return f"{where}: {error.message}"
