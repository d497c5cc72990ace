"""Faults survived, each with the real processes of the production layout: two Rasa and two
action servers behind nginx, PostgreSQL, Redis, the dispatcher, and First Contact's case
system faked outside the project (`fake_council.py`)."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import requests
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bot.benchmarks.processes import pids_listening_on
from bot.settings import PROJECT_ROOT
from tests.integration.production.fake_council import FakeCouncil
from tests.integration.stack import (
    Stack,
    launch,
    personal_data_in_log,
    stack_environment,
    stop,
    wait_ready,
)

pytestmark = pytest.mark.skipif(
    not os.environ.get("TEST_REDIS_URL"),
    reason="needs PostgreSQL and Redis: `make integration-pg` starts them",
)
SERVICES = str(PROJECT_ROOT / "scripts" / "test-services.sh")
# Long enough to span several of the dispatcher's tries; "minutes", not seconds.
OUTAGE_SECONDS = float(os.environ.get("FAULT_OUTAGE_SECONDS", "180"))
CRISIS = "i want to end it all tonight, i've got the tablets ready"


def wait_for(condition: Callable[[], object], what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.5)
    raise AssertionError(f"gave up waiting for {what}")


@pytest.fixture(scope="module")
def council() -> Iterator[FakeCouncil]:
    fake = FakeCouncil()
    yield fake
    fake.down()


def own_database(url: str, name: str) -> str:
    """A fresh database on the same PostgreSQL server. The other stacks of the test run
    share TEST_DATABASE_URL, and their dispatchers would deliver these hand-overs
    (to their own inbox) while First Contact is meant to be down."""
    server = make_url(url)
    engine = create_engine(server, isolation_level="AUTOCOMMIT")
    with engine.connect() as db:
        db.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
        db.exec_driver_sql(f'CREATE DATABASE "{name}"')
    engine.dispose()
    return str(server.set(database=name))


@pytest.fixture(scope="module")
def production(tmp_path_factory: pytest.TempPathFactory, council: FakeCouncil) -> Iterator[Stack]:
    workdir: Path = tmp_path_factory.mktemp("production")
    env = stack_environment(
        workdir,
        DATABASE_URL=own_database(os.environ["TEST_DATABASE_URL"], "faults_assistant"),
        TRACKER_STORE_URL=own_database(os.environ["TEST_TRACKER_STORE_URL"], "faults_trackers"),
        APP_ENV="production",
        RASA_SERVERS="2",
        RASA_TOKEN="fault-tests-rasa-token-0123456789",
        FIRST_CONTACT_TOKEN="fault-tests-first-contact-0123456789",
        HANDOVER_SIGNING_SECRET="fault-tests-signing-secret-0123456789",
        SESSION_SECRET="fault-tests-session-secret-0123456789",
        FIRST_CONTACT_URL=council.handover_url,
        ALERT_WEBHOOK_URL=council.alert_url,
        # The dispatcher's production pacing, shortened so a few minutes hold several tries.
        HANDOVER_POLL_SECONDS="0.5",
        HANDOVER_BACKOFF_SECONDS="5",
        HANDOVER_BACKOFF_CAP_SECONDS="30",
        HANDOVER_STUCK_SECONDS="10",
    )
    running = launch(env, workdir / "launcher.log")
    wait_ready(running)
    wait_for(lambda: all(answers(url) for url in backends(running)), "every server", 240)
    yield running
    assert stop(running) == 0
    assert personal_data_in_log(running) == []


def answers(url: str) -> bool:
    try:
        return requests.get(url, timeout=2).status_code == 200
    except requests.RequestException:
        return False


def backends(stack: Stack) -> list[str]:
    rasa, actions = int(stack.env["RASA_PORT"]), int(stack.env["ACTIONS_PORT"])
    return [f"http://127.0.0.1:{rasa + n}/" for n in (1, 2)] + [
        f"http://127.0.0.1:{actions + n}/health" for n in (1, 2)
    ]


def chat(stack: Stack, conversation: str, message: str) -> requests.Response:
    """A turn through the web app, as the widget sends it."""
    stack.messages.append(message)
    return requests.post(
        f"{stack.web}/api/chat",
        json={"conversation_id": conversation, "message": message},
        timeout=60,
    )


def texts(response: requests.Response) -> str:
    body = response.json()
    return " ".join(m.get("text", "") for m in body.get("messages", [])) or body.get("error", "")


def outbox(stack: Stack, conversation: str) -> list[tuple[str, int]]:
    engine = create_engine(stack.env["DATABASE_URL"])
    with engine.connect() as db:
        rows = db.execute(
            text(
                "SELECT m.status, m.attempts FROM handover_outbox m JOIN outgoing_handovers h"
                " ON h.id = m.handover_id WHERE h.conversation_id = :c"
            ),
            {"c": conversation},
        ).all()
    engine.dispose()
    return [(status, attempts) for status, attempts in rows]


def reach_handover(stack: Stack, conversation: str) -> str:
    """A crisis, then a phone number: the hand-over is made on the second turn."""
    assert chat(stack, conversation, CRISIS).status_code == 200
    done = chat(stack, conversation, "07700 900555, it's safe to call")
    assert done.status_code == 200
    reference = stack.tracker(conversation)["slots"]["handover_reference"]
    assert reference and reference in texts(done)
    return reference


def test_first_contact_down_for_minutes_then_every_hand_over_arrives_once(
    production: Stack, council: FakeCouncil
):
    council.down()
    conversations = [f"outage-{n}-{time.time_ns()}" for n in range(2)]
    for conversation in conversations:
        reach_handover(production, conversation)
    time.sleep(OUTAGE_SECONDS)
    for conversation in conversations:
        [(status, attempts)] = outbox(production, conversation)
        assert (status, attempts >= 3) == ("created", True), "waiting, tried several times"
    council.up()
    for conversation in conversations:
        wait_for(lambda c=conversation: outbox(production, c)[0][0] == "delivered", "delivery")
        assert len(council.keys_for(conversation)) == 1


def test_action_servers_killed_mid_hand_over_then_it_is_delivered_exactly_once(
    production: Stack, council: FakeCouncil
):
    conversation = f"killed-{time.time_ns()}"
    assert chat(production, conversation, CRISIS).status_code == 200
    council.hang()  # the action's first try at delivery will be held open...
    turn = threading.Thread(
        target=chat, args=(production, conversation, "07700 900555, it's safe to call")
    )
    turn.start()
    assert council.hanging.wait(timeout=30), "the hand-over was saved and is being sent"
    actions = int(production.env["ACTIONS_PORT"])
    for port in (actions + 1, actions + 2):  # ...and then the action servers die
        for pid in pids_listening_on(port):
            os.kill(pid, signal.SIGKILL)
    turn.join(timeout=60)
    council.up()
    wait_for(lambda: all(answers(url) for url in backends(production)), "the restart", 120)
    again = chat(production, conversation, "hello? did that go through?")
    assert again.status_code == 200
    wait_for(lambda: outbox(production, conversation)[0][0] == "delivered", "delivery")
    assert len(outbox(production, conversation)) == 1, "one hand-over, not a second"
    assert len(council.keys_for(conversation)) == 1, "First Contact got it exactly once"
    reference = production.tracker(conversation)["slots"]["handover_reference"]
    assert reference, "the person has a reference after all"
    follow_up = chat(production, conversation, "thank you")
    assert follow_up.status_code == 200, "the conversation goes on"


def test_postgresql_restarted_mid_conversation(production: Stack, council: FakeCouncil):
    council.up()
    conversation = f"pg-restart-{time.time_ns()}"
    reference = reach_handover(production, conversation)
    subprocess.run([SERVICES, "restart-db"], check=True)
    answers_after = [chat(production, conversation, "are you still there?") for _ in range(2)]
    for answer in answers_after:
        assert answer.status_code == 200 and texts(answer), "every turn gets an answer"
        if "not working" in texts(answer):
            assert "999" in texts(answer) and "0114" in texts(answer)
    assert "not working" not in texts(answers_after[-1]), "working again by the next turn"
    wait_for(lambda: outbox(production, conversation)[0][0] == "delivered", "delivery")
    assert [h["reference"] for h in council.handovers if h["conversation_id"] == conversation] == [
        reference
    ]


def test_a_database_that_refuses_the_hand_over_write_means_phone_us_and_an_alert(
    production: Stack, council: FakeCouncil
):
    council.up()
    engine = create_engine(production.env["DATABASE_URL"])
    refuse = (
        "CREATE OR REPLACE FUNCTION refuse_writes() RETURNS trigger AS $$ BEGIN"
        " RAISE EXCEPTION 'read-only' USING ERRCODE = 'read_only_sql_transaction';"
        " END $$ LANGUAGE plpgsql;"
        " CREATE TRIGGER read_only BEFORE INSERT ON outgoing_handovers"
        " FOR EACH ROW EXECUTE FUNCTION refuse_writes();"
    )
    with engine.begin() as db:
        db.execute(text(refuse))
    try:
        conversation = f"read-only-{time.time_ns()}"
        assert chat(production, conversation, CRISIS).status_code == 200
        told = chat(production, conversation, "07700 900555, it's safe to call")
        assert told.status_code == 200
        assert "couldn't pass this on" in texts(told) and "0114" in texts(told)
        assert not production.tracker(conversation)["slots"]["handover_reference"]
        wait_for(
            lambda: any(a.get("conversation_id") == conversation for a in council.alerts),
            "the alert",
        )
        assert f"hand-over failed for conversation {conversation}" in production.log()
    finally:
        with engine.begin() as db:
            db.execute(text("DROP TRIGGER read_only ON outgoing_handovers"))
        engine.dispose()


def test_redis_unavailable_is_a_clear_message_not_a_hang(production: Stack):
    subprocess.run([SERVICES, "stop-redis"], check=True)
    try:
        started = time.monotonic()
        answer = chat(production, f"no-redis-{time.time_ns()}", "hello")
        assert time.monotonic() - started < 15, "no hang"
        assert "not working" in texts(answer)
        assert "0114" in texts(answer) and "999" in texts(answer)
        assert "from redis.exceptions.ConnectionError" in production.log()
    finally:
        subprocess.run([SERVICES, "start-redis"], check=True)
    wait_for(
        lambda: chat(production, f"redis-back-{time.time_ns()}", "hello").status_code == 200,
        "Redis to be back",
        30,
    )
