import json
import logging
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.database import session_scope
from bot.handover.models import OutboxMessage, OutgoingHandover
from bot.handover.outbox import (
    Outcome,
    claim_alerts,
    claim_due,
    claim_reference,
    made_record,
    record_outcome,
    resubmit,
    submit,
    sweep_stuck,
)
from bot.handover.policy import DeliveryPolicy
from tests.unit.handover.factories import TUESDAY_MORNING, database, record, safeguarding_facts

NOW = TUESDAY_MORNING
POLICY = DeliveryPolicy(backoff_base_seconds=10, backoff_cap_seconds=300, max_attempts=4)


def submitted(url: str, **changes) -> str:
    with session_scope(url) as session:
        return submit(session, record(safeguarding_facts(**changes)), NOW)


def outbox_row(url: str, reference: str) -> OutboxMessage:
    with session_scope(url) as session:
        return session.execute(
            select(OutboxMessage)
            .join(OutgoingHandover, OutgoingHandover.id == OutboxMessage.handover_id)
            .where(OutgoingHandover.reference == reference)
        ).scalar_one()


def try_once(url: str, reference: str, outcome: Outcome, at=NOW) -> str:
    with session_scope(url) as session:
        claimed = claim_reference(session, reference, at)
        assert claimed is not None
        return record_outcome(session, claimed, outcome, POLICY, at)


def test_submitting_saves_the_hand_over_and_queues_it_in_one_go(tmp_path):
    url = database(tmp_path)
    reference = submitted(url)
    row = outbox_row(url, reference)
    assert (row.status, row.attempts, row.last_error) == ("created", 0, None)
    with session_scope(url) as session:
        body = session.execute(select(OutgoingHandover.body)).scalar_one()
    assert json.loads(body)["reference"] == reference


def test_a_retried_action_gets_the_first_reference_and_no_second_hand_over(tmp_path):
    url = database(tmp_path)
    first = submitted(url)
    second = submitted(url)
    assert second == first
    with session_scope(url) as session:
        assert len(session.execute(select(OutboxMessage)).all()) == 1
        assert len(session.execute(select(OutgoingHandover)).all()) == 1


def test_a_failed_transaction_leaves_neither_the_hand_over_nor_its_outbox_row(tmp_path):
    url = database(tmp_path)
    try:
        with session_scope(url) as session:
            submit(session, record(), NOW)
            raise RuntimeError("the action crashed before the transaction ended")
    except RuntimeError:
        pass
    with session_scope(url) as session:
        assert session.execute(select(OutgoingHandover)).all() == []
        assert session.execute(select(OutboxMessage)).all() == []


def test_a_row_being_sent_cannot_be_claimed_a_second_time(tmp_path):
    url = database(tmp_path)
    reference = submitted(url)
    with session_scope(url) as session:
        first = claim_due(session, NOW)
    with session_scope(url) as session:
        assert claim_due(session, NOW + timedelta(seconds=1)) == []
        assert claim_reference(session, reference, NOW) is None
    assert [item.reference for item in first] == [reference]
    assert first[0].attempts == 1
    assert outbox_row(url, reference).status == "sending"


def test_only_rows_that_are_due_are_claimed(tmp_path):
    url = database(tmp_path)
    submitted(url)
    with session_scope(url) as session:
        assert claim_due(session, NOW - timedelta(seconds=1)) == []


def test_a_delivered_row_is_never_sent_again(tmp_path):
    url = database(tmp_path)
    reference = submitted(url)
    assert try_once(url, reference, Outcome("delivered")) == "delivered"
    row = outbox_row(url, reference)
    assert row.delivered_at is not None and row.last_error is None
    with session_scope(url) as session:
        assert claim_due(session, NOW + timedelta(days=1)) == []


def test_retries_wait_longer_each_time_up_to_the_cap():
    delays = [POLICY.retry_delay(attempt).total_seconds() for attempt in range(1, 8)]
    assert delays == [10, 20, 40, 80, 160, 300, 300]


def test_a_temporary_failure_goes_back_in_the_queue_after_the_backoff(tmp_path):
    url = database(tmp_path)
    reference = submitted(url)
    assert try_once(url, reference, Outcome("retry", "HTTP 503")) == "created"
    row = outbox_row(url, reference)
    assert row.last_error == "HTTP 503"
    assert row.next_attempt_at == (NOW + timedelta(seconds=10)).replace(tzinfo=None)
    with session_scope(url) as session:
        assert claim_due(session, NOW + timedelta(seconds=9)) == []
        assert len(claim_due(session, NOW + timedelta(seconds=10))) == 1


def test_a_row_fails_visibly_after_the_last_attempt(tmp_path, caplog):
    url = database(tmp_path)
    reference = submitted(url)
    at = NOW
    statuses = []
    with caplog.at_level(logging.ERROR, logger="bot.handover.outbox"):
        for _ in range(POLICY.max_attempts):
            statuses.append(try_once(url, reference, Outcome("retry", "ConnectionError"), at))
            at += timedelta(minutes=10)
    assert statuses == ["created", "created", "created", "failed"]
    assert outbox_row(url, reference).status == "failed"
    assert f"hand-over {reference} try 4: failed (ConnectionError)" in caplog.text


def test_a_permanent_refusal_fails_at_once(tmp_path):
    url = database(tmp_path)
    reference = submitted(url)
    assert try_once(url, reference, Outcome("failed", "HTTP 400")) == "failed"
    assert outbox_row(url, reference).attempts == 1


def test_the_sweeper_requeues_a_row_a_dead_dispatcher_left_in_sending(tmp_path):
    url = database(tmp_path)
    reference = submitted(url)
    with session_scope(url) as session:
        (stale,) = claim_due(session, NOW)
    with session_scope(url) as session:
        assert sweep_stuck(session, POLICY, NOW + timedelta(seconds=119)) == []
        assert sweep_stuck(session, POLICY, NOW + timedelta(seconds=121)) == [reference]
    later = NOW + timedelta(seconds=122)
    with session_scope(url) as session:
        (fresh,) = claim_due(session, later)
        # The dead dispatcher's try comes back late: it no longer owns the row.
        assert record_outcome(session, stale, Outcome("retry", "HTTP 503"), POLICY, later) == (
            "sending"
        )
        assert record_outcome(session, fresh, Outcome("delivered"), POLICY, later) == "delivered"
    assert fresh.attempts == 2


def test_an_undelivered_hand_over_is_alerted_once_after_fifteen_minutes(tmp_path):
    url = database(tmp_path)
    reference = submitted(url)
    with session_scope(url) as session:
        assert claim_alerts(session, POLICY, NOW + timedelta(minutes=14, seconds=59)) == []
        assert claim_alerts(session, POLICY, NOW + timedelta(minutes=15)) == [reference]
        assert claim_alerts(session, POLICY, NOW + timedelta(minutes=30)) == []
    assert outbox_row(url, reference).alerted_at is not None


def test_a_delivered_hand_over_is_never_alerted(tmp_path):
    url = database(tmp_path)
    reference = submitted(url)
    try_once(url, reference, Outcome("delivered"))
    with session_scope(url) as session:
        assert claim_alerts(session, POLICY, NOW + timedelta(hours=1)) == []


def test_a_failed_hand_over_is_alerted_straight_away(tmp_path):
    url = database(tmp_path)
    reference = submitted(url)
    try_once(url, reference, Outcome("failed", "HTTP 400"))
    with session_scope(url) as session:
        assert claim_alerts(session, POLICY, NOW + timedelta(seconds=1)) == [reference]


def test_policy_comes_from_the_environment():
    policy = DeliveryPolicy.from_env({"HANDOVER_POLL_SECONDS": "0.1", "HANDOVER_MAX_ATTEMPTS": "3"})
    assert (policy.poll_seconds, policy.max_attempts) == (0.1, 3)


@pytest.mark.parametrize("value", ["soon", "0"])
def test_policy_refuses_a_setting_that_is_not_a_positive_number(value):
    with pytest.raises(ValueError, match="HANDOVER_BACKOFF_SECONDS"):
        DeliveryPolicy.from_env({"HANDOVER_BACKOFF_SECONDS": value})


def test_the_outbox_logs_references_and_never_what_the_person_wrote(tmp_path, caplog):
    url = database(tmp_path)
    with caplog.at_level(logging.DEBUG):
        reference = submitted(url)
        try_once(url, reference, Outcome("retry", "HTTP 503"))
    assert reference in caplog.text
    assert "pension" not in caplog.text.lower()
    assert "07700" not in caplog.text


def test_a_revision_is_sent_again_in_place_of_the_hand_over_and_a_try_in_flight_loses_it(
    tmp_path,
):
    url = database(tmp_path)
    reference = submitted(url)
    assert try_once(url, reference, Outcome("delivered")) == "delivered"
    with session_scope(url) as session:
        assert claim_reference(session, reference, NOW) is None  # delivered: nothing waits
        made = made_record(session, reference)
    assert made is not None
    again = {**made, "revision": 2, "risk_level": "immediate"}
    with session_scope(url) as session:
        resubmit(session, again, NOW)
    row = outbox_row(url, reference)
    assert row.status == "created"
    with session_scope(url) as session:
        claimed = claim_reference(session, reference, NOW)
        assert claimed is not None and json.loads(claimed.body)["revision"] == 2
        # A revision while this try is in flight: the try's outcome must not stand.
        resubmit(session, {**again, "revision": 3}, NOW)
    with session_scope(url) as session:
        assert record_outcome(session, claimed, Outcome("delivered"), POLICY, NOW) == "sending"
    assert outbox_row(url, reference).status == "created"
    with session_scope(url) as session:
        assert (
            json.loads(session.execute(select(OutgoingHandover.body)).scalar_one())["revision"] == 3
        )
