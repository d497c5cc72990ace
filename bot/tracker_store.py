"""Rasa's SQL tracker store, without rebuilding the whole conversation on every turn.

Rasa's own store reads every event of the conversation from the database, decodes it and
replays it into a new tracker at the start of each turn, then counts the stored events
again to know which ones to write at the end. Profiled under load (py-spy, 10
conversations at once), that was two fifths of the Rasa server's time.

This store keeps the trackers of recent conversations in memory, as Rasa left them after
saving, and asks the database one small question per turn: how many events does this
conversation have, and when was the latest? If the answer is what this process last
wrote, the kept tracker is current and is used as it is. Otherwise (another Rasa
server took a turn, the conversation was erased, a turn failed half-way) the tracker is
rebuilt from the database exactly as Rasa would. When a new session begins, the kept
tracker is cut to that session, as Rasa reads it back. The database stays the only
record: nothing is written anywhere else, and a restart loses only speed.
"""

from __future__ import annotations

import itertools
import json
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.events import Event, SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import QueuePool

from directory.db import sqlite_pragmas

# More than the 100 people at once of our load test, on one server; an older conversation
# is read from the database when its person writes again. Not more: garbage collection
# walks every kept tracker, and with 512 kept its pauses were 60-100 ms, with 128 20-30 ms.
KEPT_CONVERSATIONS = 128

# (how many events, the latest event's timestamp): what this process last saw or wrote.
Fingerprint = tuple[int, float | None]


@dataclass
class _Kept:
    tracker: DialogueStateTracker | None  # None: the database has nothing for this person
    stored: int  # how many of tracker.events are in the database
    fingerprint: Fingerprint


def event_row(sender_id: str, event: Event) -> dict[str, Any]:
    """The events table's columns for one event, as Rasa's own store fills them."""
    data = event.as_dict()
    return {
        "sender_id": sender_id,
        "type_name": event.type_name,
        "timestamp": data.get("timestamp"),
        "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
        "action_name": data.get("name"),
        "data": json.dumps(data),
    }


class CachedSQLTrackerStore(SQLTrackerStore):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Rebuilt, as Rasa builds it and three ways better. Errors never quote what was
        # written (Rasa logs them whole, and the values are people's messages). SQLite
        # connections are kept open, as SQLAlchemy 2 does: 1.4 opens one per session, a
        # twentieth of the server's time. And they get our own database's settings
        # (write-ahead log, busy timeout), so a commit does not wait for the disk with
        # the server's event loop blocked.
        url = self.engine.url
        options: dict[str, Any] = {"hide_parameters": True, **create_engine_kwargs(url)}
        if url.get_backend_name() == "sqlite":
            options.update(poolclass=QueuePool, connect_args={"check_same_thread": False})
        self.engine.dispose()
        self.engine = sa.create_engine(url, **options)
        if url.get_backend_name() == "sqlite":
            sa.event.listen(self.engine, "connect", sqlite_pragmas)
        self.sessionmaker = sessionmaker(bind=self.engine)
        events = self.SQLEvent.__table__
        self._insert = sa.insert(events)
        self._fingerprint_query = sa.select(sa.func.count(), sa.func.max(events.c.timestamp)).where(
            events.c.sender_id == sa.bindparam("sender_id")
        )
        self._kept: OrderedDict[str, _Kept] = OrderedDict()

    def senders_with_reminders_since(self, since: float) -> list[str]:
        """The conversations where a reminder was set at or after `since` (a Unix time):
        the ones that may have one waiting when a server starts (bot/rasa_server.py)."""
        events = self.SQLEvent.__table__
        query = (
            sa.select(events.c.sender_id)
            .where(events.c.type_name == "reminder", events.c.timestamp >= since)
            .distinct()
        )
        with self.engine.connect() as connection:
            return [row.sender_id for row in connection.execute(query)]

    def _keep(self, sender_id: str, kept: _Kept) -> None:
        self._kept[sender_id] = kept
        self._kept.move_to_end(sender_id)
        while len(self._kept) > KEPT_CONVERSATIONS:
            self._kept.popitem(last=False)

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        with self.engine.connect() as connection:
            count, latest = connection.execute(
                self._fingerprint_query, {"sender_id": sender_id}
            ).one()
        kept = self._kept.get(sender_id)
        if (
            kept is not None
            and kept.tracker is not None
            and kept.fingerprint == (count, latest)
            # Grown without being saved: a turn failed part-way through.
            and len(kept.tracker.events) == kept.stored
        ):
            self._kept.move_to_end(sender_id)
            return kept.tracker
        # No events at all: Rasa's read would find nothing too (a new conversation).
        tracker = await super().retrieve(sender_id) if count else None
        stored = len(tracker.events) if tracker else 0
        self._keep(sender_id, _Kept(tracker, stored, (count, latest)))
        return tracker

    async def save(self, tracker: DialogueStateTracker) -> None:
        kept = self._kept.get(tracker.sender_id)
        if kept is not None and kept.tracker is None:
            kept = _Kept(tracker, 0, kept.fingerprint)  # a new conversation
        if kept is None or kept.tracker is not tracker:
            # A tracker this store did not hand out (one read through the HTTP API, or
            # forgotten since): let Rasa work out which events are new, and read the
            # conversation back on its next turn.
            self._kept.pop(tracker.sender_id, None)
            await super().save(tracker)
            return
        await self.stream_events(tracker)
        new_events = list(itertools.islice(tracker.events, kept.stored, None))
        if new_events:
            with self.engine.begin() as connection:
                connection.execute(
                    self._insert, [event_row(tracker.sender_id, event) for event in new_events]
                )
        # What the database now holds, if nobody else wrote meanwhile; if somebody did,
        # the next turn's question gets a different answer and reads the truth.
        count, latest = kept.fingerprint
        timestamps = [e.timestamp for e in new_events] + ([latest] if latest is not None else [])
        fingerprint = (count + len(new_events), max(timestamps, default=None))
        tracker = self._latest_session(tracker, new_events)
        self._keep(tracker.sender_id, _Kept(tracker, len(tracker.events), fingerprint))

    def _latest_session(
        self, tracker: DialogueStateTracker, new_events: list[Event]
    ) -> DialogueStateTracker:
        """The tracker Rasa would read back: once a new session has begun, only the events
        stamped from its start on (earlier sessions' events are all stamped before it)."""
        starts = [event.timestamp for event in new_events if isinstance(event, SessionStarted)]
        if not starts:
            return tracker
        latest = [event for event in tracker.events if event.timestamp >= max(starts)]
        return DialogueStateTracker.from_events(tracker.sender_id, latest, self.domain.slots)
