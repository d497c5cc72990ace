"""Oversized requests are refused by the web app before anything is passed on. The chat
reads at most MAX_BODY_BYTES however the body arrives; every other route stops at the
app's MAX_REQUEST_BYTES rather than Sanic's 100 MB. (A 100,000-character message is in
test_bad_messages.py; the widget keeping the text is in tests/browser/test_failures.py.)"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests

from bot.web.app import MAX_REQUEST_BYTES
from bot.web.chat import MAX_BODY_BYTES, TOO_LONG
from tests.integration.abuse.visitors import Visitor, user_texts
from tests.integration.stack import Stack

pytestmark = pytest.mark.integration


def in_pieces(body: bytes, size: int = 4096) -> Iterator[bytes]:
    """A generator body: requests sends it chunked, with no Content-Length to go by."""
    for start in range(0, len(body), size):
        yield body[start : start + size]


def test_a_chunked_chat_body_is_cut_off_at_the_limit_and_never_reaches_rasa(stack: Stack):
    visitor = Visitor(stack)
    message = "a" * (MAX_BODY_BYTES * 3)
    body = b'{"conversation_id": "abuse-chunked-1", "message": "' + message.encode() + b'"}'
    response = visitor.post("/api/chat", in_pieces(body))  # type: ignore[arg-type]
    assert (response.status_code, response.json()) == (413, {"error": TOO_LONG})
    assert user_texts(stack, "abuse-chunked-1") == []
    assert visitor.chat("abuse-chunked-1", "hello").status_code == 200


@pytest.mark.parametrize("path", ["/api/handovers", "/first-contact/login"])
def test_a_body_over_the_app_limit_is_refused_on_every_route(stack: Stack, path: str):
    response = Visitor(stack).post(path, b"{" + b" " * MAX_REQUEST_BYTES + b"}")
    assert response.status_code == 413
    assert requests.get(f"{stack.web}/healthz", timeout=10).status_code == 200
