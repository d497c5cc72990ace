"""The retention sweep: quiet conversations without a hand-over go after the conversation
period; hand-overs (and their conversations) after the hand-over period; nothing else."""

import sqlite3
import threading
import time

import pytest
from sqlalchemy import func, select

from bot.council.profile import DEFAULT_PROFILE_PATH, ProfileError, load_profile
from bot.database import session_scope
from bot.handover.models import OutboxMessage, OutgoingHandover, ReceivedHandover
from bot.inbox.models import AuditEntry, Case, CaseEntry
from bot.privacy import queries
from bot.privacy.retention import RetentionPolicy, Swept, keep_sweeping, sweep
from bot.settings import load_settings
from tests.unit.privacy.factories import (
    NOW,
    conversation_events,
    days_ago,
    hand_over,
    save_conversation,
    stores,
)

POLICY = RetentionPolicy(conversations_days=30, handovers_days=2190)


def senders(path) -> dict[str, int]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT sender_id, COUNT(*) FROM events GROUP BY sender_id")
        return dict(rows.fetchall())


def count(url: str, model: type) -> int:
    with session_scope(url) as session:
        return session.execute(select(func.count()).select_from(model)).scalar_one()


def test_the_policy_comes_from_the_council_profile():
    assert RetentionPolicy.from_profile(load_profile()) == RetentionPolicy(30, 2190)


@pytest.mark.parametrize("days", ["0", "-5", "thirty", "1.5"])
def test_a_profile_period_that_would_delete_everything_or_cannot_be_read_is_refused(tmp_path, days):
    shipped = DEFAULT_PROFILE_PATH.read_text(encoding="utf-8")
    path = tmp_path / "profile.yml"
    path.write_text(shipped.replace("conversations_days: 30", f"conversations_days: {days}"))
    with pytest.raises(ProfileError, match=r"retention\.conversations_days should be a whole"):
        load_profile(path)


def test_only_quiet_conversations_that_led_to_no_hand_over_are_deleted(tmp_path):
    where = stores(tmp_path)
    save_conversation(where, "quiet", conversation_events(["I feel lonely"], days_ago(31)))
    save_conversation(where, "recent", conversation_events(["lunch club near S8"], days_ago(29)))
    save_conversation(where, "handed-over", conversation_events(["he hits her"], days_ago(400)))
    hand_over(where, "handed-over", days_ago(400))
    back = conversation_events(["hello"], days_ago(45)) + conversation_events(["me again"], NOW)
    save_conversation(where, "came-back", back)
    kept_before = senders(where.tracker_path)

    swept = sweep(where.database_url, where.tracker_store_url, POLICY, NOW)

    assert swept == Swept(conversations=1, events=kept_before["quiet"], handovers=0)
    kept = senders(where.tracker_path)
    assert "quiet" not in kept
    # Kept whole, not trimmed: every event of the others is still there.
    assert kept == {name: n for name, n in kept_before.items() if name != "quiet"}
    assert count(where.database_url, OutgoingHandover) == 1
    assert count(where.database_url, ReceivedHandover) == 1


def test_a_hand_over_goes_after_its_own_period_with_its_conversation_and_case_work(tmp_path):
    where = stores(tmp_path)
    save_conversation(where, "old", conversation_events(["she is frightened"], days_ago(2191)))
    old = hand_over(where, "old", days_ago(2191))
    save_conversation(where, "newer", conversation_events(["he takes her money"], days_ago(2100)))
    hand_over(where, "newer", days_ago(2100))

    swept = sweep(where.database_url, where.tracker_store_url, POLICY, NOW)

    assert swept.handovers == 2  # the sent copy and the received copy of the old one
    assert set(senders(where.tracker_path)) == {"newer"}
    assert count(where.database_url, OutgoingHandover) == 1
    assert count(where.database_url, OutboxMessage) == 1
    assert count(where.database_url, ReceivedHandover) == 1
    with session_scope(where.database_url) as session:
        assert old not in session.execute(select(Case.reference)).scalars().all()
        assert old not in session.execute(select(CaseEntry.reference)).scalars().all()
        # Who looked at what stays: staff are accountable for it, and it says nothing more.
        assert old in session.execute(select(AuditEntry.reference)).scalars().all()


def test_a_sweep_is_recorded_with_counts_only_and_a_sweep_with_nothing_to_do_is_not(tmp_path):
    where = stores(tmp_path)
    save_conversation(where, "quiet-1", conversation_events(["I feel so alone"], days_ago(60)))
    sweep(where.database_url, where.tracker_store_url, POLICY, NOW, done_by="ann")
    assert sweep(where.database_url, where.tracker_store_url, POLICY, NOW) == Swept()
    with session_scope(where.database_url) as session:
        recorded = queries.actions(session)
        assert [(a.action, a.subject, a.done_by, a.conversations) for a in recorded] == [
            ("sweep", None, "ann", 1)
        ]


def test_no_tracker_store_yet_means_nothing_to_delete_and_no_file_is_made(tmp_path):
    where = stores(tmp_path)
    assert sweep(where.database_url, where.tracker_store_url, POLICY, NOW) == Swept()
    assert not where.tracker_path.exists()


def test_the_dispatcher_thread_sweeps_at_once_and_stops_when_asked(tmp_path):
    where = stores(tmp_path)
    # Quiet for a year by the real clock, which is the one the scheduled sweep reads.
    save_conversation(where, "quiet", conversation_events(["so alone"], days_ago(365 + 60)))
    settings = load_settings(
        {"DATABASE_URL": where.database_url, "TRACKER_STORE_URL": where.tracker_store_url}
    )
    stop = threading.Event()
    thread = threading.Thread(target=keep_sweeping, args=(settings, stop, 3600.0))
    thread.start()
    deadline = time.monotonic() + 10
    while "quiet" in senders(where.tracker_path) and time.monotonic() < deadline:
        time.sleep(0.05)
    stop.set()
    thread.join(timeout=5)
    assert not thread.is_alive()
    assert senders(where.tracker_path) == {}
