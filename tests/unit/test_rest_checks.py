"""The checks in front of Rasa's REST channel, on bodies a program might post to it."""

import asyncio
import json

import pytest
from rasa.core.channels.rest import RestInput
from sanic import Sanic
from sanic.request import Request

from bot.rest_checks import (
    MAX_REST_MESSAGE_CHARS,
    NO_SENDER,
    check_rest_request,
    read_rest_message,
)
from bot.web.chat import EMPTY, NOT_READ, Refusal


def refusal_of(raw: bytes) -> Refusal:
    with pytest.raises(Refusal) as caught:
        read_rest_message(raw)
    return caught.value


def body(**fields: object) -> bytes:
    return json.dumps({"sender": "rest-1", "message": "hello", **fields}).encode()


def test_a_good_message_comes_back_cleaned_with_everything_else_kept():
    checked = read_rest_message(body(message=" hello\x00there ", metadata={"a": 1}))
    assert checked == {"sender": "rest-1", "message": "hello there", "metadata": {"a": 1}}


def test_a_sender_given_as_a_number_is_read_as_text():
    assert read_rest_message(body(sender=1234))["sender"] == "1234"


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"\xff\xfe\x00garbage",
        b"not json",
        b"[1, 2]",
        b"null",
        body(message=12),
        body(message=None),
    ],
    ids=["empty body", "binary", "not json", "a list", "null", "a number", "no message"],
)
def test_a_body_that_is_not_a_chat_message_is_refused_with_400(raw: bytes):
    assert (refusal_of(raw).status, refusal_of(raw).message) == (400, NOT_READ)


@pytest.mark.parametrize(
    "sender", [None, "", True, {"a": 1}, ["a"], "x" * 256, "nul\x00here", "\ud800"]
)
def test_a_message_without_a_sender_of_its_own_is_refused(sender: object):
    raw = json.dumps({"sender": sender, "message": "hello"}).encode()
    assert (refusal_of(raw).status, refusal_of(raw).message) == (400, NO_SENDER)


def test_a_message_with_no_sender_is_never_filed_under_default():
    assert refusal_of(b'{"message": "hello"}').message == NO_SENDER


@pytest.mark.parametrize("message", ["", "   ", "\x00\x07\x1b", "\u202e"])
def test_a_message_with_nothing_to_read_is_refused_kindly(message: str):
    assert (
        refusal_of(body(message=message)).status,
        refusal_of(body(message=message)).message,
    ) == (
        400,
        EMPTY,
    )


def test_a_message_over_the_limit_is_refused_with_413_saying_the_limit():
    refusal = refusal_of(body(message="a" * (MAX_REST_MESSAGE_CHARS + 1)))
    assert refusal.status == 413
    assert "20,000 characters" in refusal.message
    assert read_rest_message(body(message="a" * MAX_REST_MESSAGE_CHARS))


def posted(raw: bytes, path: str = "/webhooks/rest/webhook") -> Request:
    app = Sanic.get_app("rest-checks-test", force_create=True)
    request = Request(path.encode(), {}, "1.1", "POST", None, app)
    request.body = raw
    return request


def test_the_middleware_answers_a_refusal_as_json_with_its_status():
    response = asyncio.run(check_rest_request(posted(b"")))
    assert response.status == 400
    assert json.loads(response.body) == {"error": NOT_READ}


def test_rasas_channel_reads_the_cleaned_message_after_the_middleware():
    request = posted(body(message="i need help\x00 \u202etonight"))
    assert asyncio.run(check_rest_request(request)) is None
    channel = RestInput()
    assert channel._extract_message(request) == "i need help  tonight"
    assert asyncio.run(channel._extract_sender(request)) == "rest-1"


def test_the_middleware_leaves_other_routes_alone():
    assert asyncio.run(check_rest_request(posted(b"", path="/webhooks/rest/"))) is None
