"""What a person types goes all the way to First Contact as they typed it, and is never
run: markup through the widget's path ends up in a real hand-over, as text in the API's
JSON and escaped on the inbox pages. Characters that could not be stored (a NUL, half
of a surrogate pair) in a message that needs a hand-over never cost the person it."""

from __future__ import annotations

import html
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from bot.inbox.cli import add_staff
from bot.web.chat import clean_message
from tests.integration.abuse.visitors import Visitor
from tests.integration.conversation import wait_for_handover
from tests.integration.inbox.conftest import Worker
from tests.integration.stack import Stack

pytestmark = pytest.mark.integration

SCRIPT = "<script>alert(1)</script>"
IMAGE = "<img src=x onerror=alert(1)>"
PASSWORD = "a long and careful passphrase"


@dataclass
class StackInbox:
    """What `Worker` needs to know about an inbox: where it is."""

    inbox: str


@pytest.fixture(scope="module")
def worker(stack: Stack) -> Iterator[Worker]:
    email = f"abuse-{uuid.uuid4().hex[:8]}@council.example"
    add_staff(stack.env["DATABASE_URL"], email, "Abuse Tester", PASSWORD)
    signed_in = Worker(StackInbox(f"{stack.web}/first-contact"))  # type: ignore[arg-type]
    assert signed_in.log_in(email, PASSWORD).status_code == 200
    yield signed_in


def hand_over_of(stack: Stack, conversation_id: str) -> dict:
    reference = stack.tracker(conversation_id)["slots"]["handover_reference"]
    assert reference, "no hand-over was made"
    return wait_for_handover(stack, reference)


def person_said(handover: dict) -> list[str]:
    return [turn["text"] for turn in handover["transcript"] if turn["speaker"] == "person"]


def test_markup_typed_in_the_chat_reaches_the_inbox_as_text_and_never_as_markup(
    stack: Stack, worker: Worker
):
    visitor, conversation = Visitor(stack), "abuse-markup-handover"
    said = [
        f"my neighbour's son hits her and takes her money, she's 84 {SCRIPT}",
        f"07700 900888, it's safe to call {IMAGE}",
    ]
    for message in said:
        assert visitor.chat(conversation, message).status_code == 200
    handover = hand_over_of(stack, conversation)

    # JSON is data: the API gives back exactly what was typed, neither run nor escaped.
    assert person_said(handover)[:2] == said
    assert "&lt;" not in str(handover)

    page = worker.get(f"/handovers/{handover['reference']}")
    assert page.status_code == 200
    for markup in (SCRIPT, IMAGE):
        assert markup not in page.text
        assert html.escape(markup, quote=False) in page.text
    inbox = worker.get("/")
    assert SCRIPT not in inbox.text and IMAGE not in inbox.text


@pytest.mark.parametrize("how", ["web", "rasa"])
def test_a_crisis_with_a_nul_and_half_a_surrogate_pair_is_still_handed_over(stack: Stack, how: str):
    conversation = f"abuse-unstorable-{how}"
    said = [
        "i want to end it all tonight\x00 i've got the \ud83d tablets ready",
        "07700 900555, it's safe to call",
    ]
    for message in said:
        if how == "web":
            assert Visitor(stack).chat(conversation, message).status_code == 200
        else:
            stack.say(conversation, message)
    handover = hand_over_of(stack, conversation)
    assert person_said(handover)[0] == clean_message(said[0])
    assert handover["risk_level"] == "immediate"
