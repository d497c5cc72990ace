"""The web app's two rate limits on the running system, at the limits it ships with: per
visitor (CHAT_MESSAGES_PER_MINUTE) and per conversation
(CHAT_MESSAGES_PER_CONVERSATION_PER_MINUTE). Over either, the answer is 429 with
Retry-After and the same kind message, and the message never reaches Rasa."""

from __future__ import annotations

import time

import pytest
import requests

from bot.settings import load_settings
from bot.web.chat import too_many_message
from bot.web.config import load_web_config
from tests.integration.abuse.visitors import Visitor, user_texts
from tests.integration.stack import Stack

pytestmark = pytest.mark.integration


def assert_told_to_wait(stack: Stack, response: requests.Response, first_sent: float) -> None:
    """`first_sent`: when the first counted message went; the wait is until it leaves the
    one-minute window, so Retry-After is the rest of that minute, not any number."""
    assert response.status_code == 429
    rest_of_minute = 60 - (time.monotonic() - first_sent)
    assert rest_of_minute - 1 <= int(response.headers["Retry-After"]) <= rest_of_minute + 1
    assert response.headers["Cache-Control"] == "no-store"
    council = load_settings(stack.env).council()
    assert response.json() == {"error": too_many_message(council)}
    assert council.first_contact.phone in response.json()["error"]
    assert "999" in response.json()["error"]


def test_one_visitor_over_the_limit_is_told_to_wait_and_others_are_not(stack: Stack):
    limit = load_web_config(stack.env).chat_messages_per_minute
    flooder = Visitor(stack)
    first_sent = time.monotonic()
    # Blank messages: refused before Rasa, so this is quick, but each counts all the same.
    answers = [flooder.chat(f"abuse-flood-{n:03d}", " ").status_code for n in range(limit)]
    assert answers == [400] * limit
    refused = flooder.chat("abuse-flood-last", "hello")
    assert_told_to_wait(stack, refused, first_sent)
    assert user_texts(stack, "abuse-flood-last") == []
    assert Visitor(stack).chat("abuse-flood-other", "hello").status_code == 200


def test_one_conversation_over_the_limit_is_told_to_wait_from_any_address(stack: Stack):
    limit = load_web_config(stack.env).chat_messages_per_conversation_per_minute
    # Spread over three addresses, as a script might be, each well under its own limit.
    visitors = [Visitor(stack) for _ in range(3)]
    conversation = "abuse-one-conversation"
    first_sent = time.monotonic()
    answers = [visitors[n % 3].chat(conversation, "hello").status_code for n in range(limit)]
    assert answers == [200] * limit
    refused = Visitor(stack).chat(conversation, "hello")
    assert_told_to_wait(stack, refused, first_sent)
    assert len(user_texts(stack, conversation)) == limit
    assert visitors[0].chat("abuse-another-conversation", "hello").status_code == 200


def test_messages_refused_for_what_they_are_do_not_use_up_a_conversation(stack: Stack):
    limit = load_web_config(stack.env).chat_messages_per_conversation_per_minute
    visitor = Visitor(stack)
    for _ in range(limit + 1):
        assert visitor.chat("abuse-blank-conversation", "   ").status_code == 400
    assert visitor.chat("abuse-blank-conversation", "hello").status_code == 200
