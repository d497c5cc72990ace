"""First Contact's side: accept signed hand-overs, and list and show them to staff.

Plain functions that return a status and a JSON body, so the web layer stays thin and
these can be tested without a server."""

from __future__ import annotations

import hmac
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.exc import IntegrityError

from bot.database import session_scope
from bot.handover import queries
from bot.handover.models import ReceivedHandover, from_db_time, to_db_time
from bot.handover.signing import IDEMPOTENCY_HEADER, SignatureError, verify
from bot.handover.validation import first_problem
from bot.safety.levels import LEVELS

log = logging.getLogger(__name__)

STATES = ("new", "in_progress", "closed")
MAX_PER_PAGE = 100


@dataclass(frozen=True)
class Reply:
    status: int
    body: dict[str, Any] = field(default_factory=dict)


def _error(status: int, error: str, reason: str) -> Reply:
    return Reply(status, {"error": error, "reason": reason})


def _parse_time(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _iso(moment: datetime | None) -> str | None:
    return from_db_time(moment).strftime("%Y-%m-%dT%H:%M:%SZ") if moment else None


def _header(headers: Mapping[str, str], name: str) -> str:
    return next((value for key, value in headers.items() if key.lower() == name.lower()), "")


def _parse(body: bytes, headers: Mapping[str, str]) -> dict[str, Any] | Reply:
    try:
        record = json.loads(body)
    except ValueError:
        return _error(400, "bad_request", "the body is not JSON")
    problem = first_problem(record)
    if problem is not None:
        return _error(422, "invalid", problem)
    if record["idempotency_key"] != _header(headers, IDEMPOTENCY_HEADER):
        return _error(422, "invalid", f"{IDEMPOTENCY_HEADER} must match the record's key")
    return record


def receive(
    database_url: str, secret: str, body: bytes, headers: Mapping[str, str], now: datetime
) -> Reply:
    """201 the first time; 200 with `revised: true` for a later revision of it, or with
    `duplicate: true` for the same again; 401 unless signed with our secret recently; 422
    with the first reason if the record is not valid."""
    try:
        verify(secret, body, headers, now.timestamp())
    except SignatureError as error:
        # The reasons are fixed phrases, so they are safe to log.
        log.warning("hand-over post refused: %s", error)
        return _error(401, "unauthorised", str(error))
    record = _parse(body, headers)
    if isinstance(record, Reply):
        # The reason may quote a value from the record: log the status only.
        log.warning("hand-over post refused with %d", record.status)
        return record
    values = {
        "reference": record["reference"],
        "idempotency_key": record["idempotency_key"],
        "conversation_id": record["conversation_id"],
        "created_at": to_db_time(_parse_time(record["created_at"])),
        "received_at": to_db_time(now),
        "risk_level": record["risk_level"],
        "risk_urgency": queries.urgency(record["risk_level"]),
        "risk_categories": record["risk_categories"],
        "summary": record["summary"],
        "call_back_by": to_db_time(_parse_time(record["call_back_by"])),
        "record": record,
        "state": "new",
    }
    try:
        with session_scope(database_url) as session:
            inserted = queries.insert_once(session, ReceivedHandover, values)
            stored = queries.received_by_key(session, record["idempotency_key"])
            reference = stored.reference if stored else record["reference"]
            revised = not inserted and stored is not None and _take_revision(stored, values)
    except IntegrityError:
        # Same reference, different key: not ours to merge; the sender will see a failure.
        return _error(409, "conflict", "this reference is already used by another hand-over")
    log.info(
        "hand-over %s received for conversation %s%s",
        reference,
        record["conversation_id"],
        "" if inserted else " (revised)" if revised else " (duplicate)",
    )
    body: dict[str, Any] = {"reference": reference, "duplicate": not (inserted or revised)}
    return Reply(201 if inserted else 200, {**body, "revised": True} if revised else body)


def _revision(record: Mapping[str, Any]) -> int:
    return int(record.get("revision") or 1)


def _take_revision(stored: ReceivedHandover, values: dict[str, Any]) -> bool:
    """Keep a later revision of a hand-over we hold (the person said more after it was
    made); an older one arriving late, or a retry, changes nothing. Where the case is in
    First Contact's work (new, in progress, closed) is theirs, and is left as it is."""
    if _revision(values["record"]) <= _revision(stored.record):
        return False
    for name in ("risk_level", "risk_urgency", "risk_categories", "summary", "record"):
        setattr(stored, name, values[name])
    stored.call_back_by = values["call_back_by"]
    return True


def authorised(expected_token: str, authorization: str | None) -> bool:
    """Bearer token check in constant time, so timing does not reveal the token."""
    scheme, _, token = (authorization or "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(
        token.strip().encode("utf-8"), expected_token.encode("utf-8")
    )


def _as_json(row: ReceivedHandover, with_transcript: bool) -> dict[str, Any]:
    item = {
        "reference": row.reference,
        "conversation_id": row.conversation_id,
        "created_at": _iso(row.created_at),
        "received_at": _iso(row.received_at),
        "risk_level": row.risk_level,
        "risk_categories": row.risk_categories,
        "summary": row.summary,
        "call_back_by": _iso(row.call_back_by),
        "state": row.state,
        "revision": _revision(row.record),
        "updated_at": row.record.get("updated_at"),
    }
    if with_transcript:
        item["transcript"] = row.record["transcript"]
        item["record"] = row.record
    return item


def _positive(params: Mapping[str, str], name: str, default: int, most: int) -> int | None:
    raw = params.get(name, str(default))
    return int(raw) if raw.isdigit() and 1 <= int(raw) <= most else None


def list_handovers(database_url: str, params: Mapping[str, str]) -> Reply:
    """A page of hand-overs, most urgent first, then longest waiting."""
    page = _positive(params, "page", 1, 1_000_000)
    per_page = _positive(params, "per_page", 20, MAX_PER_PAGE)
    if page is None or per_page is None:
        return _error(
            400,
            "bad_request",
            f"page and per_page are whole numbers (at most {MAX_PER_PAGE} per page)",
        )
    filters = {name: params[name] for name in ("state", "risk_level") if params.get(name)}
    if filters.get("state", STATES[0]) not in STATES:
        return _error(400, "bad_request", f"state is one of {', '.join(STATES)}")
    if filters.get("risk_level", LEVELS[0]) not in LEVELS:
        return _error(400, "bad_request", f"risk_level is one of {', '.join(LEVELS)}")
    with session_scope(database_url) as session:
        rows, total = queries.received_page(session, filters, page, per_page)
        items = [_as_json(row, with_transcript=False) for row in rows]
    return Reply(200, {"items": items, "page": page, "per_page": per_page, "total": total})


def get_handover(database_url: str, reference: str) -> Reply:
    with session_scope(database_url) as session:
        row = queries.received_by_reference(session, reference)
        if row is None:
            return _error(404, "not_found", "no hand-over has that reference")
        return Reply(200, _as_json(row, with_transcript=True))
