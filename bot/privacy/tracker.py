"""Rasa's SQL tracker store, read and pruned directly: one row per event in `events`.

The table is Rasa's (rasa.core.tracker_store.SQLTrackerStore): described here, never created.
Its own engine, not `bot.database.get_engine`: that one sets SQLite pragmas on connect, and
this database belongs to the Rasa server."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Column,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    delete,
    exists,
    func,
    inspect,
    select,
)
from sqlalchemy.engine import Connection, make_url

from bot.privacy.queries import chunks

events = Table(
    "events",
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255), nullable=False, index=True),
    Column("type_name", String(255), nullable=False),
    Column("timestamp", Float),
    Column("intent_name", String(255)),
    Column("action_name", String(255)),
    Column("data", Text),
)


@dataclass(frozen=True)
class Event:
    """One stored event: its type and Rasa's own JSON of it (`event`, `timestamp`, …)."""

    type_name: str
    timestamp: float
    data: dict[str, Any]


@contextmanager
def connect(url: str) -> Iterator[Connection | None]:
    """A connection in a transaction that commits when the block ends cleanly; None when
    there is no tracker store yet (no SQLite file, or Rasa has not made its table)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and not Path(parsed.database or "").is_file():
        # Connecting would create an empty file; there is nothing to read or delete.
        yield None
        return
    # hide_parameters: conversation ids are bound parameters and must stay out of tracebacks.
    engine = create_engine(url, future=True, hide_parameters=True)
    try:
        with engine.begin() as connection:
            yield connection if inspect(connection).has_table("events") else None
    finally:
        engine.dispose()


def count_events(connection: Connection, sender_ids: Iterable[str]) -> int:
    total = 0
    for chunk in chunks(sorted(set(sender_ids))):
        total += connection.execute(
            select(func.count()).select_from(events).where(events.c.sender_id.in_(chunk))
        ).scalar_one()
    return total


def events_of(connection: Connection, sender_id: str) -> list[Event]:
    """Every event of one conversation, in the order Rasa stored them, all sessions."""
    rows = connection.execute(
        select(events.c.type_name, events.c.timestamp, events.c.data)
        .where(events.c.sender_id == sender_id)
        .order_by(events.c.id)
    )
    return [
        Event(row.type_name, row.timestamp or 0.0, json.loads(row.data or "{}")) for row in rows
    ]


def senders_with_slot_value(connection: Connection, slot: str, value: str) -> set[str]:
    """Conversations in which `slot` was set to `value`: how a reference is found once its
    hand-over rows are gone. The LIKE narrows the rows; the JSON decides."""
    rows = connection.execute(
        select(events.c.sender_id, events.c.data).where(
            events.c.type_name == "slot", events.c.data.contains(value, autoescape=True)
        )
    )
    found = set()
    for sender_id, data in rows:
        event = json.loads(data or "{}")
        if event.get("name") == slot and event.get("value") == value:
            found.add(sender_id)
    return found


def delete_conversations(connection: Connection, sender_ids: Iterable[str]) -> int:
    """Delete every event of these conversations; returns how many events went."""
    deleted = 0
    for chunk in chunks(sorted(set(sender_ids))):
        deleted += connection.execute(delete(events).where(events.c.sender_id.in_(chunk))).rowcount
    return deleted


def delete_quiet_conversations(
    connection: Connection, quiet_since: datetime, keep: set[str]
) -> tuple[int, int]:
    """Delete conversations with no event since `quiet_since`, except those in `keep`;
    returns (conversations, events) deleted."""
    cutoff = quiet_since.timestamp()
    quiet = connection.execute(
        select(events.c.sender_id)
        .group_by(events.c.sender_id)
        .having(func.max(events.c.timestamp) < cutoff)
    ).scalars()
    candidates = sorted(set(quiet) - keep)
    # Someone who comes back while the sweep runs has a new event: the guard in the DELETE
    # leaves their conversation whole rather than deleting all but their latest message.
    recent = events.alias("recent")
    came_back = exists().where(
        recent.c.sender_id == events.c.sender_id, recent.c.timestamp >= cutoff
    )
    deleted = 0
    for chunk in chunks(candidates):
        deleted += connection.execute(
            delete(events).where(events.c.sender_id.in_(chunk), ~came_back)
        ).rowcount
    return len(candidates), deleted
