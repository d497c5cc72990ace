"""Data access for personal data in the hand-over and inbox tables: plain functions over a
session. None of them commits or rolls back; `bot.database.session_scope` does that."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, union
from sqlalchemy.orm import Session

from bot.handover.models import OutboxMessage, OutgoingHandover, ReceivedHandover, to_db_time
from bot.inbox.models import Case, CaseEntry
from bot.privacy.models import PrivacyAction

# Deletes go in chunks, so one statement never carries thousands of ids.
CHUNK = 500


def chunks(items: Sequence[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(items), CHUNK):
        yield list(items[start : start + CHUNK])


def conversations_with_handovers(session: Session) -> set[str]:
    """Every conversation a hand-over still refers to: these outlive the conversation period."""
    rows = session.execute(
        union(select(OutgoingHandover.conversation_id), select(ReceivedHandover.conversation_id))
    ).scalars()
    return set(rows)


def conversations_of_reference(session: Session, reference: str) -> set[str]:
    rows = session.execute(
        union(
            select(OutgoingHandover.conversation_id).where(OutgoingHandover.reference == reference),
            select(ReceivedHandover.conversation_id).where(ReceivedHandover.reference == reference),
        )
    ).scalars()
    return set(rows)


def outgoing_of(session: Session, conversation_ids: Iterable[str]) -> list[OutgoingHandover]:
    return list(
        session.execute(
            select(OutgoingHandover)
            .where(OutgoingHandover.conversation_id.in_(list(conversation_ids)))
            .order_by(OutgoingHandover.created_at, OutgoingHandover.id)
        ).scalars()
    )


def received_of(session: Session, conversation_ids: Iterable[str]) -> list[ReceivedHandover]:
    return list(
        session.execute(
            select(ReceivedHandover)
            .where(ReceivedHandover.conversation_id.in_(list(conversation_ids)))
            .order_by(ReceivedHandover.created_at, ReceivedHandover.id)
        ).scalars()
    )


def outbox_status(session: Session, handover_id: int) -> str | None:
    return session.execute(
        select(OutboxMessage.status).where(OutboxMessage.handover_id == handover_id)
    ).scalar_one_or_none()


def case_of(session: Session, reference: str) -> Case | None:
    return session.execute(select(Case).where(Case.reference == reference)).scalar_one_or_none()


def entries_of(session: Session, reference: str) -> list[CaseEntry]:
    return list(
        session.execute(
            select(CaseEntry)
            .where(CaseEntry.reference == reference)
            .order_by(CaseEntry.created_at, CaseEntry.id)
        ).scalars()
    )


def outgoing_created_before(session: Session, moment: datetime) -> list[int]:
    return list(
        session.execute(
            select(OutgoingHandover.id).where(OutgoingHandover.created_at < to_db_time(moment))
        ).scalars()
    )


def received_created_before(session: Session, moment: datetime) -> list[str]:
    return list(
        session.execute(
            select(ReceivedHandover.reference).where(
                ReceivedHandover.created_at < to_db_time(moment)
            )
        ).scalars()
    )


def delete_outgoing(session: Session, handover_ids: list[int]) -> int:
    """Delete sent hand-overs with their outbox rows; returns how many hand-overs went."""
    deleted = 0
    for chunk in chunks(handover_ids):
        session.execute(delete(OutboxMessage).where(OutboxMessage.handover_id.in_(chunk)))
        deleted += session.execute(
            delete(OutgoingHandover).where(OutgoingHandover.id.in_(chunk))
        ).rowcount
    return deleted


def delete_received(session: Session, references: list[str]) -> int:
    """Delete received hand-overs with First Contact's case, notes and contact attempts;
    returns how many hand-overs went. The inbox audit trail stays: it holds who looked at
    which reference and when, nothing about the person, and staff are accountable for that."""
    deleted = 0
    for chunk in chunks(references):
        session.execute(delete(CaseEntry).where(CaseEntry.reference.in_(chunk)))
        session.execute(delete(Case).where(Case.reference.in_(chunk)))
        deleted += session.execute(
            delete(ReceivedHandover).where(ReceivedHandover.reference.in_(chunk))
        ).rowcount
    return deleted


def record_action(
    session: Session,
    now: datetime,
    action: str,
    done_by: str,
    subject: str | None = None,
    conversations: int = 0,
    events: int = 0,
    handovers: int = 0,
) -> None:
    session.add(
        PrivacyAction(
            at=to_db_time(now),
            action=action,
            subject=subject,
            done_by=done_by[:100],
            conversations=conversations,
            events=events,
            handovers=handovers,
        )
    )


def actions(session: Session) -> list[PrivacyAction]:
    return list(
        session.execute(
            select(PrivacyAction).order_by(PrivacyAction.at, PrivacyAction.id)
        ).scalars()
    )
