"""The hand-over outbox, the Notify way: the hand-over and its outbox row are saved in one
transaction; each try is claimed by status; failures retry with capped backoff and end in a
visible `failed`; a sweeper re-queues rows a dead dispatcher left in `sending`."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from sqlalchemy.orm import Session

from bot.handover import queries
from bot.handover.models import OutgoingHandover, to_db_time
from bot.handover.policy import DeliveryPolicy
from bot.handover.queries import Claimed

log = logging.getLogger(__name__)

Result = Literal["delivered", "retry", "failed"]


@dataclass(frozen=True)
class Outcome:
    """How one try ended. `error` is a status code or an exception's class name, never
    text from the response, which could echo what the person wrote."""

    result: Result
    error: str | None = None


def body_of(record: dict[str, Any]) -> str:
    """The exact JSON text that is stored, signed and sent (stable key order)."""
    return json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def submit(session: Session, record: dict[str, Any], now: datetime) -> str:
    """Save a built hand-over and queue it; returns its reference.

    Idempotent on the record's idempotency key: a retried action gets back the reference
    of the hand-over already saved, and no second one is queued."""
    inserted = queries.insert_once(
        session,
        OutgoingHandover,
        {
            "reference": record["reference"],
            "idempotency_key": record["idempotency_key"],
            "conversation_id": record["conversation_id"],
            "kind": record["kind"],
            "risk_level": record["risk_level"],
            "body": body_of(record),
            "created_at": to_db_time(now),
        },
    )
    handover = queries.outgoing_by_key(session, record["idempotency_key"])
    assert handover is not None  # just inserted, or already there
    if inserted:
        queries.add_outbox_message(session, handover.id, now)
        log.info(
            "hand-over %s queued for conversation %s", handover.reference, handover.conversation_id
        )
    return handover.reference


def made_record(session: Session, reference: str) -> dict[str, Any] | None:
    """The hand-over with this reference, as last queued."""
    handover = queries.outgoing_by_reference(session, reference)
    return json.loads(handover.body) if handover else None


def resubmit(session: Session, record: dict[str, Any], now: datetime) -> None:
    """Queue a revised hand-over in place of the one with its reference."""
    handover = queries.outgoing_by_reference(session, record["reference"])
    if handover is None:
        raise LookupError("no hand-over has that reference")
    handover.body = body_of(record)
    handover.risk_level = record["risk_level"]
    queries.requeue_revised(session, handover.id, now)
    log.info("hand-over %s revision %d queued", handover.reference, record["revision"])


def claim_due(session: Session, now: datetime, limit: int = 10) -> list[Claimed]:
    claimed = (
        queries.claim(session, message_id, now)
        for message_id in queries.due_message_ids(session, now, limit)
    )
    return [item for item in claimed if item is not None]


def claim_reference(session: Session, reference: str, now: datetime) -> Claimed | None:
    """Claim one hand-over's row if it is waiting to be sent."""
    message = queries.outbox_message(session, reference)
    return queries.claim(session, message.id, now) if message is not None else None


def record_outcome(
    session: Session, claimed: Claimed, outcome: Outcome, policy: DeliveryPolicy, now: datetime
) -> str:
    """Store the end of a try; returns the row's new status."""
    values: dict[str, Any] = {"claimed_at": None, "last_error": outcome.error}
    if outcome.result == "delivered":
        status = values["status"] = "delivered"
        values["delivered_at"] = to_db_time(now)
    elif outcome.result == "failed" or claimed.attempts >= policy.max_attempts:
        status = values["status"] = "failed"
    else:
        status = values["status"] = "created"
        values["next_attempt_at"] = to_db_time(now + policy.retry_delay(claimed.attempts))
    if not queries.finish_try(session, claimed, values):
        log.warning("hand-over %s: a newer try owns the row; outcome not stored", claimed.reference)
        return "sending"
    level = logging.ERROR if status == "failed" else logging.INFO
    log.log(
        level,
        "hand-over %s try %d: %s (%s)",
        claimed.reference,
        claimed.attempts,
        status,
        outcome.error or "ok",
    )
    return status


def sweep_stuck(session: Session, policy: DeliveryPolicy, now: datetime) -> list[str]:
    """Re-queue rows left in `sending` longer than any try can take; returns references."""
    claimed_before = now - timedelta(seconds=policy.stuck_after_seconds)
    swept = [
        reference
        for message_id, reference in queries.stuck_messages(session, claimed_before)
        if queries.requeue(session, message_id, claimed_before, now)
    ]
    for reference in swept:
        log.warning("hand-over %s was stuck in sending; re-queued", reference)
    return swept


def claim_alerts(session: Session, policy: DeliveryPolicy, now: datetime) -> list[str]:
    """References of hand-overs late (or failed) that nobody has been alerted about yet,
    marked as alerted so the alert goes out once."""
    created_before = now - timedelta(seconds=policy.alert_after_seconds)
    return [
        reference
        for message_id, reference in queries.unalerted_undelivered(session, created_before)
        if queries.mark_alerted(session, message_id, now)
    ]
