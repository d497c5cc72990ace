"""The dispatcher and the action's first try against a real receiver, in real processes."""

from datetime import datetime, timezone

import requests
from sqlalchemy import select

from bot.database import session_scope
from bot.handover.models import OutboxMessage
from bot.handover.outbox import submit
from bot.handover.service import hand_over
from bot.settings import load_settings
from tests.integration.handover.conftest import TOKEN, Services, stop, wait_for
from tests.unit.handover.factories import record, safeguarding_facts

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def queue(services: Services) -> str:
    with session_scope(services.database_url) as session:
        return submit(session, record(), datetime.now(timezone.utc))


def outbox(services: Services) -> OutboxMessage:
    with session_scope(services.database_url) as session:
        return session.execute(select(OutboxMessage)).scalar_one()


def inbox(services: Services) -> dict:
    return requests.get(services.receiver_url, headers=AUTH, timeout=5).json()


def test_the_dispatcher_delivers_a_queued_hand_over_to_first_contact(services):
    services.start_receiver()
    dispatcher = services.start_dispatcher()
    reference = queue(services)
    wait_for(lambda: outbox(services).status == "delivered", "delivery", dispatcher)
    assert [item["reference"] for item in inbox(services)["items"]] == [reference]
    assert outbox(services).attempts == 1


def test_while_first_contact_is_down_the_dispatcher_waits_and_delivers_once_on_return(services):
    dispatcher = services.start_dispatcher()
    reference = queue(services)

    def waiting_after_several_tries() -> bool:
        # Read in one go: between tries the row is `created`, during one it is `sending`.
        row = outbox(services)
        return (row.status, row.last_error) == ("created", "ConnectionError") and row.attempts >= 3

    wait_for(waiting_after_several_tries, "several refused tries", dispatcher)

    services.start_receiver()
    wait_for(lambda: outbox(services).status == "delivered", "delivery", dispatcher)
    listed = inbox(services)
    assert listed["total"] == 1
    assert listed["items"][0]["reference"] == reference
    log = services.log("dispatcher")
    assert reference in log
    assert "pension" not in log.lower()


def test_the_dispatcher_stops_cleanly_when_told_to(services):
    dispatcher = services.start_dispatcher()
    wait_for(lambda: "dispatcher started" in services.log("dispatcher"), "start", dispatcher)
    assert stop(dispatcher) == 0
    assert "hand-over dispatcher stopped" in services.log("dispatcher")


def test_the_action_hands_over_within_seconds_without_the_dispatcher(services):
    services.start_receiver()
    settings = load_settings(services.env)
    handed = hand_over(safeguarding_facts(), settings)
    assert handed.delivered
    shown = requests.get(f"{services.receiver_url}/{handed.reference}", headers=AUTH, timeout=5)
    assert shown.json()["transcript"][2]["speaker"] == "person"


def test_a_retried_action_gets_the_same_reference_and_first_contact_one_case(services):
    services.start_receiver()
    settings = load_settings(services.env)
    first = hand_over(safeguarding_facts(), settings)
    again = hand_over(safeguarding_facts(), settings)
    assert again == first
    assert inbox(services)["total"] == 1
