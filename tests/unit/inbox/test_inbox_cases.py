"""The inbox's order, and the work staff do on a hand-over, each action audited."""

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from bot.database import session_scope
from bot.handover import queries as handover_queries
from bot.inbox import cases
from bot.inbox.models import AuditEntry
from tests.unit.handover.factories import (
    anonymous_facts,
    call_back_facts,
    record,
    safeguarding_facts,
)
from tests.unit.inbox.factories import database, receive, staff

NOW = datetime(2026, 11, 17, 11, 0, tzinfo=timezone.utc)


def item(reference: str, level: str, minutes_ago: int) -> cases.InboxItem:
    urgency = handover_queries.urgency(level)
    return cases.InboxItem(
        reference, level, urgency, [], "safeguarding", "daughter",
        NOW - timedelta(minutes=minutes_ago), None, "new", None,
    )  # fmt: skip


def test_the_inbox_puts_the_most_urgent_first_then_the_longest_waiting():
    items = [
        item("none-old", "none", 600),
        item("urgent-new", "urgent", 5),
        item("concern", "concern", 60),
        item("immediate", "immediate", 1),
        item("urgent-old", "urgent", 90),
    ]
    ordered = [entry.reference for entry in cases.inbox_order(items)]
    assert ordered == ["immediate", "urgent-old", "urgent-new", "concern", "none-old"]


def audit(url: str) -> list[tuple[str, int | None, str | None, datetime]]:
    with session_scope(url) as session:
        rows = session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars()
        return [(row.action, row.staff_id, row.reference, row.at) for row in rows]


def test_every_view_claim_attempt_note_and_close_is_audited_with_who_and_when(tmp_path):
    url = database(tmp_path)
    ann = staff(url, NOW)
    reference = receive(url, record(), NOW)
    steps = [
        ("viewed", lambda at: cases.view(url, ann, reference, at)),
        ("claimed", lambda at: cases.claim(url, ann, reference, at)),
        (
            "contact_attempt",
            lambda at: cases.record_attempt(
                url, ann, reference, {"method": "phone", "result": "no_answer"}, at
            ),
        ),
        ("noted", lambda at: cases.add_note(url, ann, reference, "Will try after 6pm", at)),
        ("closed", lambda at: cases.close(url, ann, reference, "referred_on", at)),
        ("viewed_audit", lambda at: cases.audit_trail(url, ann, reference, at)),
    ]
    for minute, (_action, step) in enumerate(steps, start=1):
        step(NOW + timedelta(minutes=minute))
    case_actions = [entry for entry in audit(url) if entry[2] == reference]
    assert [entry[0] for entry in case_actions] == [action for action, _step in steps]
    assert {entry[1] for entry in case_actions} == {ann.staff_id}
    assert [entry[3].minute for entry in case_actions] == [1, 2, 3, 4, 5, 6]


def test_the_audit_never_holds_what_anyone_wrote(tmp_path):
    url = database(tmp_path)
    ann = staff(url, NOW)
    reference = receive(url, record(), NOW)
    cases.add_note(url, ann, reference, "Daughter says the brother has the bank card", NOW)
    with session_scope(url) as session:
        stored = [row.action for row in session.execute(select(AuditEntry)).scalars()]
    assert all("bank card" not in action for action in stored)


def test_claiming_and_an_answered_call_move_the_state_on_and_closing_ends_the_work(tmp_path):
    url = database(tmp_path)
    ann = staff(url, NOW)
    reference = receive(url, record(), NOW)
    assert cases.inbox(url)[0].state == "new"
    assert cases.claim(url, ann, reference, NOW) is None
    claimed = cases.inbox(url)[0]
    assert (claimed.state, claimed.state_label) == ("claimed", "Claimed by Ann Worker")
    spoke = {"method": "phone", "result": "spoke", "note": "She is safe tonight"}
    assert cases.record_attempt(url, ann, reference, spoke, NOW) is None
    assert cases.inbox(url)[0].state == "contacted"
    assert cases.close(url, ann, reference, "safeguarding_enquiry", NOW) is None
    assert cases.inbox(url) == []
    assert cases.inbox(url, closed=True)[0].state == "closed"
    with session_scope(url) as session:
        assert handover_queries.received_by_reference(session, reference).state == "closed"
    assert cases.add_note(url, ann, reference, "too late", NOW) == cases.Problem(
        409, "This hand-over is closed."
    )
    assert cases.claim(url, ann, reference, NOW).status == 409


@pytest.mark.parametrize(
    ("action", "message"),
    [
        (lambda url, who, ref: cases.close(url, who, ref, "sorted", NOW), "Select an outcome."),
        (lambda url, who, ref: cases.add_note(url, who, ref, "   ", NOW), "Enter a note."),
        (
            lambda url, who, ref: cases.record_attempt(url, who, ref, {"method": "phone"}, NOW),
            "Select what happened.",
        ),
        (
            lambda url, who, ref: cases.add_note(url, who, ref, "x" * 5001, NOW),
            "A note must be 5000 characters or fewer.",
        ),
    ],
    ids=["unknown outcome", "empty note", "attempt without a result", "note too long"],
)
def test_an_incomplete_form_is_refused_with_a_reason_and_nothing_is_audited(
    tmp_path, action, message
):
    url = database(tmp_path)
    ann = staff(url, NOW)
    reference = receive(url, record(), NOW)
    assert action(url, ann, reference) == cases.Problem(422, message)
    assert [entry for entry in audit(url) if entry[2] == reference] == []


def test_an_unknown_reference_is_not_found(tmp_path):
    url = database(tmp_path)
    ann = staff(url, NOW)
    assert cases.claim(url, ann, "FC-AAAA-AAAA", NOW).status == 404
    assert cases.view(url, ann, "FC-AAAA-AAAA", NOW) is None


def test_the_inbox_lists_received_hand_overs_in_working_order_with_who_contacted(tmp_path):
    url = database(tmp_path)
    receive(url, record(call_back_facts()), NOW)
    receive(url, record(safeguarding_facts()), NOW)
    receive(url, record(anonymous_facts(), now=NOW - timedelta(hours=1)), NOW)
    later_urgent = replace(safeguarding_facts(), conversation_id="conv-later")
    receive(url, record(later_urgent, now=NOW + timedelta(minutes=5)), NOW)
    listed = cases.inbox(url)
    assert [(entry.risk_level, entry.contacting) for entry in listed] == [
        ("immediate", "Not known"),
        ("urgent", "daughter"),
        ("urgent", "daughter"),
        ("none", "The person themself"),
    ]
    assert listed[1].created_at < listed[2].created_at
