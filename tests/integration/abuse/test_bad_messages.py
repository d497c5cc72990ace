"""Bad input, sent to the running system the two ways a message can arrive: through the web
app's chat proxy (`POST /api/chat`, what the widget uses) and straight to Rasa's REST
channel. Each gets a clear, kind answer, never a 500, and the same conversation carries
on afterwards. Markup comes back as JSON text: the widget draws it with textContent (see
tests/browser), and the inbox escapes it (test_markup_in_hand_overs.py)."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest
import requests

from bot.web.chat import EMPTY, NOT_READ, TOO_LONG, clean_message
from tests.integration.abuse.visitors import Visitor, user_texts
from tests.integration.stack import Stack

pytestmark = pytest.mark.integration


@dataclass(frozen=True)
class BadInput:
    name: str
    # Either the text of a message, sent in a well-formed body...
    text: str | None = None
    # ...or a whole body, sent as it is; b"@ID" stands for the conversation's field.
    body: bytes | None = None
    # What the web app answers: 200 with replies, or this status with this message.
    refused: tuple[int, str] | None = None

    def body_for(self, id_field: str, conversation_id: str) -> bytes:
        if self.body is None:
            return json.dumps({id_field: conversation_id, "message": self.text}).encode()
        return self.body.replace(b"@ID", f'"{id_field}": "{conversation_id}"'.encode())


BAD_INPUTS = [
    BadInput("empty", text="", refused=(400, EMPTY)),
    BadInput("whitespace only", text=" \n\t  \r\n ", refused=(400, EMPTY)),
    BadInput("100,000 characters", text="I need help. " * 7692 + "Help", refused=(413, TOO_LONG)),
    BadInput("NUL bytes", text="my mum\x00 needs help\x00 with shopping"),
    BadInput("control characters", text="\x07\x1b[31mhello\x1b[0m\x08\x7f\x85 there"),
    BadInput("nothing but control characters", text="\x00\x07\x1b\x7f", refused=(400, EMPTY)),
    BadInput("a lone surrogate", text="\ud800 hello"),
    BadInput("emoji only", text="😀🙏❤️👨\u200d👩\u200d👧"),
    BadInput("Arabic", text="أحتاج مساعدة لأمي"),
    BadInput("Hebrew", text="אני צריך עזרה עם אמא שלי"),
    BadInput("a right-to-left override", text="\u202eplehe ym ot og\u202c"),
    BadInput("SQL", text="'; DROP TABLE events; --"),
    BadInput("a script tag", text="<script>alert(1)</script>"),
    BadInput("an image with onerror", text="<img src=x onerror=alert(1)>"),
    BadInput("invalid UTF-8", body=b'{@ID, "message": "\xff\xfe\xc3("}', refused=(400, NOT_READ)),
    BadInput("binary", body=b"\x00\xff\xfe\x01\x02\x89PNG\r\n", refused=(400, NOT_READ)),
    BadInput("not JSON", body=b"message=hello&conversation_id=1", refused=(400, NOT_READ)),
    BadInput("an empty body", body=b"", refused=(400, NOT_READ)),
    BadInput("a JSON list", body=b'["hello"]', refused=(400, NOT_READ)),
    BadInput("a message that is not text", body=b'{@ID, "message": 12}', refused=(400, NOT_READ)),
]
IDS = [bad.name for bad in BAD_INPUTS]


def conversation_for(bad: BadInput, where: str) -> str:
    return f"abuse-{where}-{IDS.index(bad.name):02d}"


def replies_are_shown_as_text(replies: object) -> None:
    assert isinstance(replies, list) and replies, "no reply to show"
    for reply in replies:
        assert isinstance(reply.get("text", ""), str)
    assert any(reply.get("text") for reply in replies)


@pytest.mark.parametrize("bad", BAD_INPUTS, ids=IDS)
def test_the_web_app_answers_bad_input_kindly_and_the_chat_carries_on(stack: Stack, bad: BadInput):
    visitor = Visitor(stack)
    conversation = conversation_for(bad, "web")
    if bad.text is not None:
        response = visitor.chat(conversation, bad.text)
    else:
        response = visitor.post("/api/chat", bad.body_for("conversation_id", conversation))

    assert response.headers["Content-Type"].startswith("application/json")
    assert response.headers["Cache-Control"] == "no-store"
    if bad.refused:
        status, message = bad.refused
        assert (response.status_code, response.json()) == (status, {"error": message})
        assert user_texts(stack, conversation) == [], "a refused message reached Rasa"
    else:
        assert response.status_code == 200
        replies_are_shown_as_text(response.json()["messages"])
        # What Rasa keeps is the message without the characters that could harm later on.
        assert user_texts(stack, conversation) == [clean_message(bad.text)]

    after = visitor.chat(conversation, "hello")
    assert after.status_code == 200
    replies_are_shown_as_text(after.json()["messages"])


def kind_refusal(response: requests.Response) -> str:
    """The reason given with a 4xx answer: ours ("error") or Sanic's ("message")."""
    body = response.json()
    return body.get("error") or body.get("message") or ""


RASA_CASES = [pytest.param(bad, id=bad.name) for bad in BAD_INPUTS]


@pytest.mark.parametrize("bad", RASA_CASES)
def test_rasa_answers_bad_input_with_a_reply_or_a_reason_and_carries_on(
    stack: Stack, bad: BadInput
):
    sender = conversation_for(bad, "rasa")
    if bad.text is not None:
        stack.messages.append(bad.text)
    response = requests.post(
        f"{stack.rasa}/webhooks/rest/webhook",
        data=bad.body_for("sender", sender),
        headers={"Content-Type": "application/json"},
        timeout=60,
    )

    assert response.status_code in {200, 400, 413}, f"Rasa answered {response.status_code}"
    assert response.headers["Content-Type"].startswith("application/json")
    if response.status_code == 200:
        replies_are_shown_as_text(response.json())
    else:
        assert kind_refusal(response)

    replies_are_shown_as_text(stack.say(sender, "hello"))


def test_after_all_of_that_every_part_is_still_up(stack: Stack):
    assert requests.get(f"{stack.web}/healthz", timeout=10).json()["status"] == "ok"
