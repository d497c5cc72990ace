"""Finding, exporting and erasing one conversation, by its id or by the person's reference."""

import sqlite3

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import DatabaseError

from bot.database import session_scope
from bot.handover.models import OutboxMessage, OutgoingHandover, ReceivedHandover
from bot.inbox.models import Case, CaseEntry
from bot.privacy import queries
from bot.privacy.subject_access import NotFound, erase, export, find, hashed
from tests.unit.handover.factories import PENSION
from tests.unit.privacy.factories import (
    NOW,
    conversation_events,
    days_ago,
    hand_over,
    save_conversation,
    stores,
)


def senders(path) -> set[str]:
    with sqlite3.connect(path) as connection:
        return {row[0] for row in connection.execute("SELECT DISTINCT sender_id FROM events")}


def rows(url: str, model: type, *where) -> int:
    with session_scope(url) as session:
        return session.execute(select(func.count()).select_from(model).where(*where)).scalar_one()


@pytest.fixture
def two_people(tmp_path):
    """Two conversations that each led to a hand-over: the one asked about, and someone else."""
    where = stores(tmp_path)
    mine = hand_over(where, "mine", days_ago(2))
    save_conversation(
        where, "mine", conversation_events([PENSION], days_ago(2), reference=mine, offer=True)
    )
    theirs = hand_over(where, "theirs", days_ago(1))
    save_conversation(
        where, "theirs", conversation_events(["he shouts at me"], days_ago(1), reference=theirs)
    )
    return where, mine, theirs


def test_a_conversation_is_found_by_its_id_or_by_its_reference(two_people):
    where, mine, _ = two_people
    by_id = find(where.database_url, where.tracker_store_url, conversation_id="mine")
    by_reference = find(where.database_url, where.tracker_store_url, reference=mine)
    assert by_id.conversation_ids == by_reference.conversation_ids == ("mine",)
    assert by_id.handovers == 2 and by_id.events > 0
    assert by_id.subject == hashed("mine") and by_reference.subject == mine


def test_nothing_held_is_not_found(two_people):
    where, _, _ = two_people
    with pytest.raises(NotFound, match="nothing is held for that conversation"):
        find(where.database_url, where.tracker_store_url, conversation_id="nobody")
    with pytest.raises(NotFound, match="reference"):
        find(where.database_url, where.tracker_store_url, reference="FC-AAAA-BBBB")


def test_the_export_holds_what_was_said_offered_noted_and_the_reference(two_people):
    where, mine, _ = two_people
    found = find(where.database_url, where.tracker_store_url, conversation_id="mine")
    data = export(where.database_url, where.tracker_store_url, found, "dpo", NOW)
    [conversation] = data["conversations"]
    said = [m["text"] for m in conversation["messages"] if m["speaker"] == "person"]
    assert said == [PENSION]
    assert conversation["offered"][0]["name"] == "Heeley Lunch Club"
    assert conversation["references"] == [mine]
    assert conversation["noted"]["handover_reference"] == mine
    assert conversation["handovers_sent"][0]["record"]["conversation_id"] == "mine"
    work = conversation["first_contact"][0]["work"]
    assert [entry["kind"] for entry in work] == ["note", "attempt"]
    assert "theirs" not in str(data)


def test_an_export_after_the_conversation_has_gone_uses_the_hand_overs_transcript(tmp_path):
    where = stores(tmp_path)
    reference = hand_over(where, "gone", days_ago(40), worked_on=False)
    found = find(where.database_url, where.tracker_store_url, reference=reference)
    data = export(where.database_url, where.tracker_store_url, found, "dpo", NOW)
    assert PENSION in [m["text"] for m in data["conversations"][0]["messages"]]


def test_a_reference_whose_hand_over_has_gone_is_found_in_the_conversation(tmp_path):
    where = stores(tmp_path)
    events = conversation_events(["help"], days_ago(3), reference="FC-7K3M-9Q4P")
    save_conversation(where, "kept", events)
    found = find(where.database_url, where.tracker_store_url, reference="FC-7K3M-9Q4P")
    assert found.conversation_ids == ("kept",) and found.handovers == 0


@pytest.mark.parametrize("by", ["conversation", "reference"])
def test_erasure_removes_everything_for_that_conversation_and_nothing_else(two_people, by):
    where, mine, theirs = two_people
    asked = {"conversation_id": "mine"} if by == "conversation" else {"reference": mine}
    found = find(where.database_url, where.tracker_store_url, **asked)

    erased = erase(where.database_url, where.tracker_store_url, found, "dpo", NOW)

    assert erased.handovers == 2 and erased.events == found.events
    assert senders(where.tracker_path) == {"theirs"}
    url = where.database_url
    assert rows(url, OutgoingHandover, OutgoingHandover.reference == mine) == 0
    assert rows(url, ReceivedHandover, ReceivedHandover.reference == mine) == 0
    assert rows(url, Case, Case.reference == mine) == 0
    assert rows(url, CaseEntry, CaseEntry.reference == mine) == 0
    assert rows(url, OutboxMessage) == 1
    assert rows(url, ReceivedHandover, ReceivedHandover.reference == theirs) == 1
    assert rows(url, CaseEntry, CaseEntry.reference == theirs) == 2
    with pytest.raises(NotFound):
        find(where.database_url, where.tracker_store_url, **asked)


def test_exports_and_erasures_are_recorded_without_the_id_or_anything_said(two_people):
    where, _, _ = two_people
    found = find(where.database_url, where.tracker_store_url, conversation_id="mine")
    export(where.database_url, where.tracker_store_url, found, "dpo", NOW)
    erase(where.database_url, where.tracker_store_url, found, "dpo", NOW)
    with session_scope(where.database_url) as session:
        recorded = [
            (a.action, a.subject, a.done_by, a.conversations, a.events, a.handovers)
            for a in queries.actions(session)
        ]
    assert recorded == [
        ("export", hashed("mine"), "dpo", 1, found.events, 2),
        ("erase", hashed("mine"), "dpo", 1, found.events, 2),
    ]
    assert "mine" not in hashed("mine").removeprefix("conversation ")


def test_an_erasure_the_tracker_store_fails_is_still_recorded_and_can_be_finished(tmp_path):
    where = stores(tmp_path)
    reference = hand_over(where, "broken", days_ago(1), worked_on=False)
    save_conversation(
        where, "broken", conversation_events(["help"], days_ago(1), reference=reference)
    )
    found = find(where.database_url, where.tracker_store_url, reference=reference)
    where.tracker_path.rename(tmp_path / "tracker.moved")
    where.tracker_path.write_bytes(b"not a database at all" * 100)

    with pytest.raises(DatabaseError):
        erase(where.database_url, where.tracker_store_url, found, "dpo", NOW)

    with session_scope(where.database_url) as session:
        [action] = queries.actions(session)
    assert (action.action, action.events, action.handovers) == ("erase", 0, 2)
    (tmp_path / "tracker.moved").replace(where.tracker_path)
    again = find(where.database_url, where.tracker_store_url, reference=reference)
    erase(where.database_url, where.tracker_store_url, again, "dpo", NOW)
    assert senders(where.tracker_path) == set()
