"""A risk raised is never dropped, even when the whole system restarts in the middle of it."""

import time
from pathlib import Path

from tests.integration.conversation import Chat, wait_for_handover
from tests.integration.stack import (
    launch,
    personal_data_in_log,
    stack_environment,
    stop,
    wait_ready,
)

# Long enough that the system is stopped before the hand-over is due, so it comes due
# while nothing runs.
WAIT_SECONDS = 15


def test_a_hand_over_waiting_for_quiet_is_made_after_a_restart(tmp_path: Path):
    env = stack_environment(tmp_path, HANDOVER_WAIT_SECONDS=str(WAIT_SECONDS))
    first = launch(env, tmp_path / "first.log")
    try:
        wait_ready(first)
        chat = Chat(first, "restart-while-waiting")
        reply = chat.say("my neighbour's son hits her and takes her money, she's 84")
        assert any("I have to pass this on" in text for text in reply)
        assert chat.slots()["handover_reference"] is None
    finally:
        assert stop(first) == 0
    second = launch(env, tmp_path / "second.log")
    try:
        wait_ready(second)
        chat.stack = second
        deadline = time.monotonic() + WAIT_SECONDS + 30
        while not chat.slots()["handover_reference"] and time.monotonic() < deadline:
            time.sleep(0.5)
        reference = chat.slots()["handover_reference"]
        assert reference, "the hand-over that was waiting when the system stopped was lost"
        record = wait_for_handover(second, reference)
        assert record["risk_level"] in {"urgent", "immediate"}
        assert record["transcript"][0]["text"].startswith("my neighbour's son hits her")
    finally:
        stop(second)
    second.messages = first.messages  # what was said before, now in the second log or not
    assert personal_data_in_log(first) == [] and personal_data_in_log(second) == []
