"""The chat proxy's rules as plain functions: what a person may send, how often, and what of
Rasa's answer reaches the browser. The handlers in `chat_api.py` only call these.

Nothing here logs or keeps what a person wrote."""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import aiohttp
import yaml

from bot.council.profile import CouncilProfile

CONVERSATION_ID = re.compile(r"[A-Za-z0-9_-]{8,64}")
MAX_MESSAGE_CHARS = 2000
# Room for 2,000 characters even when each is sent as a JSON escape pair (12 bytes),
# small enough that nobody can make the app hold a large upload in memory.
MAX_BODY_BYTES = 32 * 1024
WORDING_PATH = Path(__file__).with_name("wording.yml")

# Characters nobody types, which could only do harm further on, so they never reach Rasa:
# control characters other than tab and new line (PostgreSQL cannot store a NUL in text);
# UTF-16 surrogates left without their pair (they have no UTF-8 form, so the database
# refuses them and a hand-over with one in it would be lost); and the bidirectional
# embeddings, overrides and isolates, which can make words read differently on a worker's
# screen from how they were written. The pages set dir="auto" on what people wrote, so
# Arabic and Hebrew still read right to left.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
LONE_SURROGATES = re.compile("[\ud800-\udfff]")
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


@cache
def wording() -> dict[str, str]:
    """The chat's own messages from wording.yml, each on one line."""
    raw = yaml.safe_load(WORDING_PATH.read_text(encoding="utf-8"))
    return {str(key): " ".join(str(text).split()) for key, text in raw.items()}


NOT_READ = wording()["not_read"]
NO_CONVERSATION = wording()["no_conversation"]
EMPTY = wording()["empty"]
TOO_LONG = wording()["too_long"].format(limit=f"{MAX_MESSAGE_CHARS:,}")


class Refusal(Exception):
    """A message the proxy will not pass on; `message` is shown to the person as it is."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class RasaUnavailable(Exception):
    """Rasa did not answer in time, or answered with something other than replies."""


@dataclass(frozen=True)
class ChatRequest:
    conversation_id: str
    message: str


def parse_chat_request(body: bytes) -> ChatRequest:
    """Check one request body; raise Refusal with a kind, plain message when it is wrong."""
    if len(body) > MAX_BODY_BYTES:
        raise Refusal(413, TOO_LONG)
    data = json_object(body)
    conversation_id, message = data.get("conversation_id"), data.get("message")
    if not isinstance(conversation_id, str) or not CONVERSATION_ID.fullmatch(conversation_id):
        raise Refusal(400, NO_CONVERSATION)
    return ChatRequest(conversation_id, checked_message(message, MAX_MESSAGE_CHARS, TOO_LONG))


def json_object(body: bytes) -> dict[str, Any]:
    """The body as a JSON object, or a Refusal saying kindly it could not be read."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as error:
        raise Refusal(400, NOT_READ) from error
    if not isinstance(data, dict):
        raise Refusal(400, NOT_READ)
    return data


def checked_message(message: object, most: int, too_long: str) -> str:
    """The message cleaned, or a Refusal saying kindly what is wrong with it."""
    if not isinstance(message, str):
        raise Refusal(400, NOT_READ)
    message = clean_message(message)
    if not message:
        raise Refusal(400, EMPTY)
    if len(message) > most:
        raise Refusal(413, too_long)
    return message


def clean_message(text: str) -> str:
    """The message with the characters above taken out (a control character becomes a
    space, so the words either side stay apart) and without surrounding whitespace."""
    text = CONTROL_CHARACTERS.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = LONE_SURROGATES.sub("\ufffd", text)
    return BIDI_CONTROLS.sub("", text).strip()


def text_for_rasa(message: str, offered_payloads: frozenset[str]) -> str:
    """Rasa reads a message that starts with "/" as an intent chosen by the sender, which
    would skip understanding and the risk screen. Only the payload of a button we showed in
    this conversation may do that; typed text loses its leading slashes."""
    if message in offered_payloads:
        return message
    text = message.lstrip("/").strip()
    if not text:
        raise Refusal(400, EMPTY)
    return text


class OfferedButtons:
    """The button payloads last shown in each conversation, for `text_for_rasa`. Bounded:
    the least recently active conversations are forgotten first."""

    def __init__(self, max_conversations: int = 10_000) -> None:
        self._payloads: OrderedDict[str, frozenset[str]] = OrderedDict()
        self._max = max_conversations

    def remember(self, conversation_id: str, replies: list[dict[str, Any]]) -> None:
        payloads = frozenset(
            button["payload"] for reply in replies for button in reply.get("buttons", [])
        )
        self._payloads[conversation_id] = payloads
        self._payloads.move_to_end(conversation_id)
        while len(self._payloads) > self._max:
            self._payloads.popitem(last=False)

    def offered(self, conversation_id: str) -> frozenset[str]:
        return self._payloads.get(conversation_id, frozenset())


class RateLimiter:
    """At most `limit` messages per client in any `window_seconds`, kept in memory."""

    def __init__(
        self,
        limit: int,
        window_seconds: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        max_clients: int = 10_000,
    ) -> None:
        self.limit = limit
        self.window = window_seconds
        self._clock = clock
        self._max_clients = max_clients
        self._hits: dict[str, deque[float]] = {}

    def take(self, client: str) -> float:
        """Count one message from `client`: 0.0 if allowed, else seconds until it would be."""
        now = self._clock()
        hits = self._hits.setdefault(client, deque())
        while hits and hits[0] <= now - self.window:
            hits.popleft()
        if len(hits) >= self.limit:
            return hits[0] + self.window - now
        hits.append(now)
        if len(self._hits) > self._max_clients:
            self._forget_idle(now)
        return 0.0

    def _forget_idle(self, now: float) -> None:
        idle = [client for client, hits in self._hits.items() if hits[-1] <= now - self.window]
        for client in idle:
            del self._hits[client]


def too_many_message(council: CouncilProfile) -> str:
    team = council.first_contact
    return wording()["too_many"].format(team=team.name, phone=team.phone)


def unavailable_message(council: CouncilProfile) -> str:
    team = council.first_contact
    hours = council.first_contact_hours.describe()
    return wording()["unavailable"].format(team=team.name, phone=team.phone, hours=hours)


def clean_replies(raw: object) -> list[dict[str, Any]]:
    """Keep only what the widget shows (text, buttons, custom), in Rasa's order."""
    if not isinstance(raw, list):
        raise RasaUnavailable("Rasa's answer was not a list of replies")
    replies = []
    for item in raw:
        if not isinstance(item, dict):
            continue
        reply: dict[str, Any] = {}
        if isinstance(item.get("text"), str):
            reply["text"] = item["text"]
        buttons = [
            {"title": b["title"], "payload": b["payload"]}
            for b in item.get("buttons") or []
            if isinstance(b, dict) and isinstance(b.get("title"), str)
            if isinstance(b.get("payload"), str)
        ]
        if buttons:
            reply["buttons"] = buttons
        if isinstance(item.get("custom"), dict):
            reply["custom"] = item["custom"]
        if reply:
            replies.append(reply)
    return replies


async def ask_rasa(
    session: aiohttp.ClientSession, rasa_url: str, request: ChatRequest, timeout_seconds: float
) -> list[dict[str, Any]]:
    """Send one message to Rasa's REST channel and return its cleaned replies."""
    try:
        async with session.post(
            f"{rasa_url}/webhooks/rest/webhook",
            json={"sender": request.conversation_id, "message": request.message},
            timeout=aiohttp.ClientTimeout(total=timeout_seconds),
        ) as response:
            if response.status != 200:
                raise RasaUnavailable(f"Rasa answered with status {response.status}")
            return clean_replies(await response.json(content_type=None))
    except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as error:
        raise RasaUnavailable(type(error).__name__) from error
