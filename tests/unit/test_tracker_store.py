"""The tracker store that keeps recent conversations in memory must read back exactly what
Rasa's own SQL store reads back, whoever else wrote to or deleted from the database."""

import asyncio
from pathlib import Path

import pytest
import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore, create_tracker_store
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

from bot import tracker_store
from bot.rasa_endpoints import tracker_store_config
from bot.tracker_store import CachedSQLTrackerStore

DOMAIN = Domain.from_dict(
    {"slots": {"risk_level": {"type": "text", "mappings": [{"type": "custom"}]}}}
)


def run(coroutine):  # type: ignore[no-untyped-def]
    return asyncio.run(coroutine)


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'tracker.db'}"


def store_for(url: str) -> CachedSQLTrackerStore:
    store = create_tracker_store(tracker_store_config(url), DOMAIN)
    assert isinstance(store, CachedSQLTrackerStore)
    return store


def rasa_reads(url: str, sender_id: str) -> DialogueStateTracker | None:
    plain = SQLTrackerStore(DOMAIN, dialect="sqlite", db=sa.engine.make_url(url).database)
    return run(plain.retrieve(sender_id))


def turn(store: CachedSQLTrackerStore, sender_id: str, *events: Event) -> DialogueStateTracker:
    """What Rasa's processor does with a message: read, add events, save."""
    tracker = run(store.retrieve(sender_id))
    if tracker is None:
        tracker = run(store.create_tracker(sender_id))
    for event in events:
        tracker.update(event)
    run(store.save(tracker))
    return tracker


def said(text: str) -> list[Event]:
    return [UserUttered(text, {"name": "greet"}), ActionExecuted("action_listen")]


def events_of(tracker: DialogueStateTracker | None) -> list[dict]:
    assert tracker is not None
    return [event.as_dict() for event in tracker.events]


def test_rasa_builds_our_store_from_the_endpoint_config(url: str) -> None:
    # Rasa falls back to an in-memory store, silently, if the class cannot be imported.
    assert type(store_for(url)) is CachedSQLTrackerStore


def test_the_conversation_reads_back_as_rasas_own_store_reads_it(url: str) -> None:
    store = store_for(url)
    turn(store, "p1", *said("hello"), SlotSet("risk_level", "low"))
    turn(store, "p1", *said("my mum fell"), BotUttered("I'm sorry to hear that"))
    ours = run(store.retrieve("p1"))
    assert events_of(ours) == events_of(rasa_reads(url, "p1"))
    assert ours is not None and ours.get_slot("risk_level") == "low"


def test_a_kept_conversation_is_not_rebuilt_from_the_database(url: str) -> None:
    store = store_for(url)
    turn(store, "p1", *said("hello"))
    second = turn(store, "p1", *said("again"))
    assert run(store.retrieve("p1")) is second


def test_a_new_conversation_is_kept_from_its_first_turn(url: str) -> None:
    store = store_for(url)
    first = turn(store, "p1", *said("hello"))
    assert run(store.retrieve("p1")) is first
    assert events_of(first) == events_of(rasa_reads(url, "p1"))


def test_a_tracker_it_did_not_hand_out_is_saved_as_rasa_saves_it(url: str) -> None:
    store = store_for(url)
    turn(store, "p1", *said("hello"))
    outsider = DialogueStateTracker.from_events("p1", list(rasa_reads(url, "p1").events))  # type: ignore[union-attr]
    outsider.update(BotUttered("added through the HTTP API"))
    run(store.save(outsider))
    assert events_of(run(store.retrieve("p1"))) == events_of(outsider)


def test_a_turn_taken_by_another_server_is_seen(url: str) -> None:
    here, there = store_for(url), store_for(url)
    turn(here, "p1", *said("hello"))
    turn(here, "p1", *said("one"))
    turn(there, "p1", *said("two"), SlotSet("risk_level", "high"))
    tracker = run(here.retrieve("p1"))
    assert events_of(tracker) == events_of(rasa_reads(url, "p1"))
    assert tracker is not None and tracker.get_slot("risk_level") == "high"
    turn(here, "p1", *said("three"))
    assert events_of(run(there.retrieve("p1"))) == events_of(rasa_reads(url, "p1"))


def test_an_erased_conversation_is_gone_from_memory_too(url: str) -> None:
    store = store_for(url)
    turn(store, "p1", *said("hello"))
    turn(store, "p1", *said("my address is 1 High Street"))
    with sa.create_engine(url).begin() as connection:
        connection.execute(sa.text("DELETE FROM events WHERE sender_id = 'p1'"))
    assert run(store.retrieve("p1")) is None


def test_events_of_a_turn_that_failed_before_saving_are_not_kept(url: str) -> None:
    store = store_for(url)
    turn(store, "p1", *said("hello"))
    turn(store, "p1", *said("one"))
    broken = run(store.retrieve("p1"))
    assert broken is not None
    broken.update(BotUttered("never saved"))
    assert events_of(run(store.retrieve("p1"))) == events_of(rasa_reads(url, "p1"))


def test_a_new_session_reads_back_only_the_latest_session(url: str) -> None:
    store = store_for(url)
    turn(store, "p1", *said("hello"))
    turn(store, "p1", *said("one"))
    turn(store, "p1", ActionExecuted("action_session_start"), SessionStarted(), *said("back"))
    ours = run(store.retrieve("p1"))
    assert events_of(ours) == events_of(rasa_reads(url, "p1"))
    assert isinstance(ours.events[0], SessionStarted)  # type: ignore[union-attr]


def test_only_the_most_recent_conversations_are_kept(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tracker_store, "KEPT_CONVERSATIONS", 2)
    store = store_for(url)
    for sender in ("p1", "p2", "p3"):
        turn(store, sender, *said("hello"))
        turn(store, sender, *said("again"))
    assert list(store._kept) == ["p2", "p3"]
    assert events_of(run(store.retrieve("p1"))) == events_of(rasa_reads(url, "p1"))


def test_a_sqlite_tracker_store_keeps_a_write_ahead_log(url: str) -> None:
    store = store_for(url)
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000


def test_a_database_error_never_quotes_what_was_written(url: str) -> None:
    store = store_for(url)
    turn(store, "p1", *said("hello"))
    with store.engine.begin() as connection:
        connection.execute(sa.text("DROP TABLE events"))
    with pytest.raises(sa.exc.OperationalError) as error:
        turn(store, "p1", *said("my secret words"))
    assert "my secret words" not in str(error.value)
    assert "p1" not in str(error.value)
