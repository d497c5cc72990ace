"""`POST /api/chat`: the browser's only way to the assistant. Rasa listens on loopback and is
never exposed; this handler checks the message, forwards it and passes back the replies."""

from __future__ import annotations

import logging
import math

from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse, json

from bot.council.profile import CouncilProfile
from bot.settings import Settings
from bot.web import chat
from bot.web.config import WebConfig

log = logging.getLogger(__name__)

# Replies and refusals are about one person's conversation: no cache may keep them.
NO_STORE = {"Cache-Control": "no-store"}


async def read_limited_body(request: Request, limit: int) -> bytes:
    """Read the body of a streamed request, refusing as soon as it passes `limit` bytes,
    so an oversized upload is never held in memory or passed on."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise chat.Refusal(413, chat.TOO_LONG)
    body = bytearray()
    async for chunk in request.stream:
        body.extend(chunk)
        if len(body) > limit:
            raise chat.Refusal(413, chat.TOO_LONG)
    return bytes(body)


def refusal_response(refusal: chat.Refusal, headers: dict[str, str] | None = None) -> HTTPResponse:
    return json(
        {"error": refusal.message}, status=refusal.status, headers={**NO_STORE, **(headers or {})}
    )


def add_chat_routes(
    app: Sanic, settings: Settings, config: WebConfig, council: CouncilProfile
) -> None:
    per_visitor = chat.RateLimiter(config.chat_messages_per_minute)
    per_conversation = chat.RateLimiter(config.chat_messages_per_conversation_per_minute)
    offered = chat.OfferedButtons()

    def too_many(wait: float) -> HTTPResponse:
        refusal = chat.Refusal(429, chat.too_many_message(council))
        return refusal_response(refusal, {"Retry-After": str(math.ceil(wait))})

    @app.post("/api/chat", stream=True)
    async def chat_turn(request: Request) -> HTTPResponse:
        # remote_addr honours Sanic's PROXIES_COUNT / FORWARDED_SECRET behind a proxy.
        # Counted before the body is read, so a flood of bad requests is limited too.
        wait = per_visitor.take(request.remote_addr or request.ip)
        if wait:
            return too_many(wait)
        try:
            turn = chat.parse_chat_request(await read_limited_body(request, chat.MAX_BODY_BYTES))
            text = chat.text_for_rasa(turn.message, offered.offered(turn.conversation_id))
        except chat.Refusal as refusal:
            return refusal_response(refusal)
        # Only messages that would reach Rasa count against their conversation.
        wait = per_conversation.take(turn.conversation_id)
        if wait:
            return too_many(wait)
        try:
            replies = await chat.ask_rasa(
                request.app.ctx.http,
                settings.rasa_url,
                chat.ChatRequest(turn.conversation_id, text),
                config.rasa_timeout_seconds,
            )
        except chat.RasaUnavailable as error:
            # The conversation id and the reason only: never what the person wrote.
            log.warning("chat %s: Rasa unavailable (%s)", turn.conversation_id, error)
            return refusal_response(chat.Refusal(503, chat.unavailable_message(council)))
        offered.remember(turn.conversation_id, replies)
        return json({"messages": replies}, headers=NO_STORE)
