"""Visitors to the running system, each from a loopback address of its own (127.0.1.1 and
up), so the web app's per-visitor limit counts them apart as it would people on different
machines, and these tests never use up the allowance of the tests that talk from 127.0.0.1.

Every message sent is added to `stack.messages`, so the session's check that nothing
people wrote reaches the logs covers these too."""

from __future__ import annotations

import ipaddress
import itertools
from collections.abc import Iterator
from typing import Any

import requests
from requests.adapters import HTTPAdapter

from tests.integration.stack import Stack

_addresses: Iterator[int] = itertools.count(1)


class FromAddress(HTTPAdapter):
    """Connections that leave from `address` rather than 127.0.0.1."""

    def __init__(self, address: str) -> None:
        self.address = address
        super().__init__()

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, source_address=(self.address, 0), **kwargs)


class Visitor:
    def __init__(self, stack: Stack) -> None:
        self.stack = stack
        self.address = str(ipaddress.IPv4Address("127.0.1.0") + next(_addresses))
        self.http = requests.Session()
        self.http.mount("http://", FromAddress(self.address))

    def chat(self, conversation_id: str, message: str) -> requests.Response:
        self.stack.messages.append(message)
        return self.http.post(
            f"{self.stack.web}/api/chat",
            json={"conversation_id": conversation_id, "message": message},
            timeout=30,
        )

    def post(self, path: str, body: bytes, **headers: str) -> requests.Response:
        return self.http.post(
            f"{self.stack.web}{path}",
            data=body,
            headers={"Content-Type": "application/json", **headers},
            timeout=30,
        )


def user_texts(stack: Stack, conversation_id: str) -> list[str]:
    """What reached Rasa in one conversation, as its tracker keeps it."""
    events = stack.tracker(conversation_id)["events"] or []
    return [event["text"] for event in events if event["event"] == "user"]
