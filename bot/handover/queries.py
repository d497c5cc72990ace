"""Data access for hand-overs: plain functions over a session. None of them commits or
rolls back; `bot.database.session_scope` does that in one place."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from bot.handover.models import OutboxMessage, OutgoingHandover, ReceivedHandover, to_db_time

URGENCY = {"immediate": 3, "urgent": 2, "concern": 1, "none": 0}


@dataclass(frozen=True)
class Claimed:
    """An outbox row this process now owns for one try; `attempts` counts this try."""

    message_id: int
    attempts: int
    reference: str
    idempotency_key: str
    body: str


def insert_once(session: Session, model: type, values: dict[str, Any]) -> bool:
    """INSERT unless a row with the same idempotency key exists; True if inserted.

    ON CONFLICT DO NOTHING keeps two racing writers from failing the transaction, which
    a check-then-insert could not promise."""
    insert = postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    statement = (
        insert(model).values(**values).on_conflict_do_nothing(index_elements=["idempotency_key"])
    )
    return session.execute(statement).rowcount == 1


def outgoing_by_key(session: Session, key: str) -> OutgoingHandover | None:
    return session.execute(
        select(OutgoingHandover).where(OutgoingHandover.idempotency_key == key)
    ).scalar_one_or_none()


def outbox_message(session: Session, reference: str) -> OutboxMessage | None:
    return session.execute(
        select(OutboxMessage)
        .join(OutgoingHandover, OutgoingHandover.id == OutboxMessage.handover_id)
        .where(OutgoingHandover.reference == reference)
    ).scalar_one_or_none()


def outgoing_by_reference(session: Session, reference: str) -> OutgoingHandover | None:
    return session.execute(
        select(OutgoingHandover).where(OutgoingHandover.reference == reference)
    ).scalar_one_or_none()


def requeue_revised(session: Session, handover_id: int, now: datetime) -> None:
    """Send a hand-over again, whatever became of its last try. A try still in flight
    loses the row (its outcome is not stored, as `attempts` moves on when the revision is
    claimed), so the newest body is always the one the outbox tries to deliver."""
    session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.handover_id == handover_id)
        .values(status="created", next_attempt_at=to_db_time(now), claimed_at=None)
        .execution_options(synchronize_session=False)
    )


def add_outbox_message(session: Session, handover_id: int, now: datetime) -> None:
    session.add(
        OutboxMessage(
            handover_id=handover_id,
            status="created",
            attempts=0,
            next_attempt_at=to_db_time(now),
            created_at=to_db_time(now),
        )
    )


def due_message_ids(session: Session, now: datetime, limit: int) -> list[int]:
    rows = session.execute(
        select(OutboxMessage.id)
        .where(OutboxMessage.status == "created", OutboxMessage.next_attempt_at <= to_db_time(now))
        .order_by(OutboxMessage.next_attempt_at)
        .limit(limit)
    )
    return list(rows.scalars())


def claim(session: Session, message_id: int, now: datetime) -> Claimed | None:
    """Move one due row from created to sending, or None if someone else got there first.

    The status in the WHERE clause is the guard: of two dispatchers running this at
    once, the database lets exactly one UPDATE match."""
    claimed = session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.id == message_id,
            OutboxMessage.status == "created",
            OutboxMessage.next_attempt_at <= to_db_time(now),
        )
        .values(
            status="sending",
            attempts=OutboxMessage.attempts + 1,
            claimed_at=to_db_time(now),
        )
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:
        return None
    row = session.execute(
        select(
            OutboxMessage.attempts,
            OutgoingHandover.reference,
            OutgoingHandover.idempotency_key,
            OutgoingHandover.body,
        )
        .join(OutgoingHandover, OutgoingHandover.id == OutboxMessage.handover_id)
        .where(OutboxMessage.id == message_id)
    ).one()
    return Claimed(message_id, row.attempts, row.reference, row.idempotency_key, row.body)


def finish_try(session: Session, claimed: Claimed, values: dict[str, Any]) -> bool:
    """Record how a try ended, only if this try still owns the row: if the sweeper gave
    it to another dispatcher meanwhile, `attempts` has moved on and nothing changes."""
    result = session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.id == claimed.message_id,
            OutboxMessage.status == "sending",
            OutboxMessage.attempts == claimed.attempts,
        )
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def stuck_messages(session: Session, claimed_before: datetime) -> list[tuple[int, str]]:
    rows = session.execute(
        select(OutboxMessage.id, OutgoingHandover.reference)
        .join(OutgoingHandover, OutgoingHandover.id == OutboxMessage.handover_id)
        .where(
            OutboxMessage.status == "sending",
            OutboxMessage.claimed_at < to_db_time(claimed_before),
        )
    )
    return [(row.id, row.reference) for row in rows]


def requeue(session: Session, message_id: int, claimed_before: datetime, now: datetime) -> bool:
    result = session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.id == message_id,
            OutboxMessage.status == "sending",
            OutboxMessage.claimed_at < to_db_time(claimed_before),
        )
        .values(
            status="created",
            claimed_at=None,
            next_attempt_at=to_db_time(now),
            last_error="re-queued: the dispatcher stopped mid-send",
        )
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def unalerted_undelivered(session: Session, created_before: datetime) -> list[tuple[int, str]]:
    """Rows nobody has been told about that are late, or have failed for good."""
    rows = session.execute(
        select(OutboxMessage.id, OutgoingHandover.reference)
        .join(OutgoingHandover, OutgoingHandover.id == OutboxMessage.handover_id)
        .where(
            OutboxMessage.status != "delivered",
            OutboxMessage.alerted_at.is_(None),
            (OutboxMessage.created_at <= to_db_time(created_before))
            | (OutboxMessage.status == "failed"),
        )
    )
    return [(row.id, row.reference) for row in rows]


def mark_alerted(session: Session, message_id: int, now: datetime) -> bool:
    """True for exactly one caller, so an alert goes out once however many dispatchers run."""
    result = session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id, OutboxMessage.alerted_at.is_(None))
        .values(alerted_at=to_db_time(now))
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def received_by_key(session: Session, key: str) -> ReceivedHandover | None:
    return session.execute(
        select(ReceivedHandover).where(ReceivedHandover.idempotency_key == key)
    ).scalar_one_or_none()


def received_by_reference(session: Session, reference: str) -> ReceivedHandover | None:
    return session.execute(
        select(ReceivedHandover).where(ReceivedHandover.reference == reference)
    ).scalar_one_or_none()


def received_page(
    session: Session, filters: dict[str, str], page: int, per_page: int
) -> tuple[Sequence[ReceivedHandover], int]:
    """One page, most urgent first, then longest waiting; and the total that match."""
    conditions = [getattr(ReceivedHandover, name) == value for name, value in filters.items()]
    total = session.execute(
        select(func.count()).select_from(ReceivedHandover).where(*conditions)
    ).scalar_one()
    rows = session.execute(
        select(ReceivedHandover)
        .where(*conditions)
        .order_by(
            ReceivedHandover.risk_urgency.desc(),
            ReceivedHandover.created_at,
            ReceivedHandover.id,
        )
        .offset((page - 1) * per_page)
        .limit(per_page)
    ).scalars()
    return list(rows), total


def urgency(risk_level: str) -> int:
    return URGENCY.get(risk_level, 0)


def move_received(session: Session, reference: str, from_states: Sequence[str], to: str) -> bool:
    """Move a received hand-over to state `to` if it is in one of `from_states` (the guard
    keeps a closed case from reopening); True if it moved."""
    result = session.execute(
        update(ReceivedHandover)
        .where(ReceivedHandover.reference == reference, ReceivedHandover.state.in_(from_states))
        .values(state=to)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1
