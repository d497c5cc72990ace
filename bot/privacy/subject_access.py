"""Subject access and erasure: find everything held about one conversation (by its id, or by
the reference the person was given), export it, or delete it. Every export and erasure is
recorded in `privacy_actions` with counts and who ran it, never with what anyone wrote."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from sqlalchemy.orm import Session

from bot.database import session_scope
from bot.handover.models import from_db_time
from bot.handover.record import iso
from bot.inbox.cases import OUTCOMES
from bot.privacy import queries, tracker
from bot.privacy.tracker import Event

REFERENCE_SLOT = "handover_reference"


class NotFound(LookupError):
    """Nothing is held for that conversation or reference."""


@dataclass(frozen=True)
class Found:
    """The conversations a request is about, and how much is held for them."""

    subject: str  # how the record of actions names it: a reference or a hashed id
    conversation_ids: tuple[str, ...]
    events: int
    handovers: int


@dataclass(frozen=True)
class Erased:
    conversations: int
    events: int
    handovers: int


def hashed(conversation_id: str) -> str:
    """How the record of actions names a conversation: ids can be chosen by whoever chats
    (anything at all over the REST channel), so they are not stored as they are."""
    return "conversation sha256:" + hashlib.sha256(conversation_id.encode()).hexdigest()[:16]


def find(
    database_url: str,
    tracker_store_url: str,
    conversation_id: str | None = None,
    reference: str | None = None,
) -> Found:
    """What is held for a conversation id or a reference; NotFound if nothing is."""
    with session_scope(database_url) as session:
        if reference:
            ids = queries.conversations_of_reference(session, reference)
        else:
            ids = {conversation_id} if conversation_id else set()
    with tracker.connect(tracker_store_url) as connection:
        if connection is not None and reference:
            # The hand-over may have gone already while the conversation that gave it is kept.
            ids |= tracker.senders_with_slot_value(connection, REFERENCE_SLOT, reference)
        events = tracker.count_events(connection, ids) if connection is not None else 0
    with session_scope(database_url) as session:
        handovers = len(queries.outgoing_of(session, ids)) + len(queries.received_of(session, ids))
    if not events and not handovers:
        raise NotFound(f"nothing is held for that {'reference' if reference else 'conversation'}")
    subject = reference or hashed(conversation_id or "")
    return Found(subject, tuple(sorted(ids)), events, handovers)


# --- export ----------------------------------------------------------------------------


def _at(timestamp: float) -> str:
    return iso(datetime.fromtimestamp(timestamp, tz=timezone.utc))


def _db_iso(moment: datetime | None) -> str | None:
    return iso(from_db_time(moment)) if moment else None


def _card(event: Event) -> dict[str, Any] | None:
    custom = (event.data.get("data") or {}).get("custom")
    return custom if isinstance(custom, dict) and custom.get("type") == "service" else None


def _conversation(events: list[Event]) -> dict[str, Any]:
    """What was said, what was offered and what the assistant noted, from Rasa's events."""
    messages: list[dict[str, Any]] = []
    offered: dict[str, dict[str, Any]] = {}
    noted: dict[str, Any] = {}
    for event in events:
        at = _at(event.timestamp)
        if event.type_name == "user":
            messages.append({"speaker": "person", "text": event.data.get("text") or "", "at": at})
        elif event.type_name == "bot" and event.data.get("text"):
            messages.append({"speaker": "assistant", "text": event.data["text"], "at": at})
        elif event.type_name == "bot" and (card := _card(event)):
            messages.append(
                {"speaker": "assistant", "text": f"Suggested: {card.get('name')}", "at": at}
            )
            details = {key: value for key, value in card.items() if key != "type" and value}
            offered.setdefault(str(card.get("id")), details)
        elif event.type_name == "slot":
            noted[str(event.data.get("name"))] = event.data.get("value")
    return {
        "started_at": _at(events[0].timestamp) if events else None,
        "last_message_at": _at(events[-1].timestamp) if events else None,
        "messages": messages,
        "offered": list(offered.values()),
        "noted": noted,
    }


def _handovers(
    session: Session, conversation_ids: tuple[str, ...]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The hand-overs sent from these conversations, and those First Contact received with
    its work on them."""
    sent = [
        {
            "reference": row.reference,
            "kind": row.kind,
            "risk_level": row.risk_level,
            "created_at": _db_iso(row.created_at),
            "delivery": queries.outbox_status(session, row.id),
            "record": json.loads(row.body),
        }
        for row in queries.outgoing_of(session, conversation_ids)
    ]
    received = []
    for row in queries.received_of(session, conversation_ids):
        case = queries.case_of(session, row.reference)
        received.append(
            {
                "reference": row.reference,
                "received_at": _db_iso(row.received_at),
                "state": row.state,
                "outcome": OUTCOMES.get(case.outcome or "") if case else None,
                "closed_at": _db_iso(case.closed_at) if case else None,
                "work": [
                    {
                        "kind": entry.kind,
                        "method": entry.method,
                        "result": entry.result,
                        "text": entry.text,
                        "at": _db_iso(entry.created_at),
                    }
                    for entry in queries.entries_of(session, row.reference)
                ],
                "record": row.record,
            }
        )
    return sent, received


def export(
    database_url: str, tracker_store_url: str, found: Found, done_by: str, now: datetime
) -> dict[str, Any]:
    """Everything held for the conversations found, as plain data; the export is recorded."""
    conversations = []
    for conversation_id in found.conversation_ids:
        with tracker.connect(tracker_store_url) as connection:
            events = tracker.events_of(connection, conversation_id) if connection else []
        with session_scope(database_url) as session:
            sent, received = _handovers(session, (conversation_id,))
        held = _conversation(events)
        if not held["messages"]:
            # The conversation has gone but a hand-over keeps its transcript: show that.
            record = next((item["record"] for item in sent + received), None)
            held["messages"] = list(record.get("transcript", [])) if record else []
        references = sorted(
            {item["reference"] for item in sent + received}
            | ({held["noted"][REFERENCE_SLOT]} if held["noted"].get(REFERENCE_SLOT) else set())
        )
        conversations.append(
            {
                "conversation_id": conversation_id,
                **held,
                "references": references,
                "handovers_sent": sent,
                "first_contact": received,
            }
        )
    with session_scope(database_url) as session:
        queries.record_action(
            session, now, "export", done_by, found.subject,
            len(found.conversation_ids), found.events, found.handovers,
        )  # fmt: skip
    return {"exported_at": iso(now), "conversations": conversations}


# --- erasure ---------------------------------------------------------------------------


def erase(
    database_url: str, tracker_store_url: str, found: Found, done_by: str, now: datetime
) -> Erased:
    """Delete the conversations found and every hand-over made from them; the erasure is
    recorded. Hand-overs go first: if the tracker store then fails, erasing again by the
    same id or reference finds the conversation and finishes the job."""
    ids = found.conversation_ids
    with session_scope(database_url) as session:
        handovers = queries.delete_outgoing(
            session, [row.id for row in queries.outgoing_of(session, ids)]
        ) + queries.delete_received(
            session, [row.reference for row in queries.received_of(session, ids)]
        )
    events = 0
    try:
        with tracker.connect(tracker_store_url) as connection:
            events = tracker.delete_conversations(connection, ids) if connection else 0
    finally:
        # Recorded even if the tracker store failed: the hand-overs have gone all the same.
        with session_scope(database_url) as session:
            queries.record_action(
                session, now, "erase", done_by, found.subject, len(ids), events, handovers
            )
    return Erased(len(ids), events, handovers)
