"""Builders for privacy tests: the two databases as real SQLite files, conversations saved by
Rasa's own SQL tracker store, and hand-overs sent, received and worked on by the real code."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    Event,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from bot.database import session_scope
from bot.handover.outbox import submit
from bot.inbox import cases
from bot.privacy.retention import prepare
from tests.unit.handover.factories import record, safeguarding_facts
from tests.unit.inbox.factories import receive, staff

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=timezone.utc)
LUNCH_CLUB = {
    "type": "service",
    "id": "svc-lunch-club",
    "name": "Heeley Lunch Club",
    "why": "a hot meal and company on Tuesdays",
    "phone": "0114 496 0777",
    "url": "https://lunch.example.org",
}


@dataclass(frozen=True)
class Stores:
    """Where hand-overs (DATABASE_URL) and conversations (TRACKER_STORE_URL) are kept."""

    database_url: str
    tracker_store_url: str
    tracker_path: Path


def stores(tmp_path: Path) -> Stores:
    database_url = f"sqlite:///{tmp_path / 'assistant.db'}"
    prepare(database_url)
    path = tmp_path / "tracker.db"
    return Stores(database_url, f"sqlite:///{path}", path)


def conversation_events(
    said: list[str], at: datetime, reference: str | None = None, offer: bool = False
) -> list[Event]:
    """A session as Rasa stores it: the person's messages, each answered, a minute apart."""
    start = at.timestamp()
    events: list[Event] = [
        ActionExecuted("action_session_start", timestamp=start),
        SessionStarted(timestamp=start),
        ActionExecuted("action_listen", timestamp=start),
    ]
    for index, text in enumerate(said):
        moment = start + 60 * index
        intent = {"name": "tell_story", "confidence": 0.9}
        events.append(UserUttered(text, intent=intent, timestamp=moment + 1))
        events.append(BotUttered("Thank you for telling me.", timestamp=moment + 2))
    end = start + 60 * len(said)
    if offer:
        events.append(BotUttered(None, data={"custom": LUNCH_CLUB}, timestamp=end))
        events.append(SlotSet("signposted_services", [LUNCH_CLUB["id"]], timestamp=end))
    if reference:
        events.append(SlotSet("handover_reference", reference, timestamp=end))
    return events


def save_conversation(where: Stores, sender_id: str, events: list[Event]) -> None:
    """Saved through Rasa's SQLTrackerStore, so the rows are exactly what Rasa writes."""
    store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(where.tracker_path))
    asyncio.run(store.save(DialogueStateTracker.from_events(sender_id, events)))
    store.engine.dispose()


def hand_over(where: Stores, conversation_id: str, at: datetime, worked_on: bool = True) -> str:
    """A safeguarding hand-over from this conversation, sent (outbox) and received by First
    Contact's inbox, where a worker notes it and records a call; returns its reference."""
    built = record(safeguarding_facts(conversation_id=conversation_id), at)
    with session_scope(where.database_url) as session:
        submit(session, built, at)
    reference = receive(where.database_url, built, at)
    if worked_on:
        worker = staff(where.database_url, at, email=f"{reference.lower()}@council.example")
        cases.add_note(where.database_url, worker, reference, "Daughter says mum is scared", at)
        attempt = {"method": "phone", "result": "spoke", "note": "Spoke to Sam"}
        cases.record_attempt(where.database_url, worker, reference, attempt, at)
    return reference


def days_ago(days: float) -> datetime:
    return NOW - timedelta(days=days)
