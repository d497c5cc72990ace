"""Rasa's REST channel at the same address (/webhooks/rest/webhook), checking what is
posted (bot/rest_checks.py) and failing kindly.

When a turn fails (the tracker store's database or the Redis lock store is down, say),
Rasa's own channel logs the person's message with the error and answers with an empty
list, so the person sees nothing. This one logs only the kind of failure and answers with
First Contact's number and 999, straight to Rasa or through the web app alike."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from functools import cache

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint

from bot.rest_checks import check_rest_request
from bot.settings import load_settings
from bot.web.chat import unavailable_message

logger = logging.getLogger(__name__)


@cache
def _sorry() -> str:
    return unavailable_message(load_settings().council())


def kinds(error: BaseException) -> str:
    """The error's kind and its causes' ("LockError, from redis ConnectionError"), never
    their text: a database error quotes the row it could not write."""
    chain = []
    current: BaseException | None = error
    while current is not None and len(chain) < 4:
        chain.append(f"{type(current).__module__}.{type(current).__name__}")
        current = current.__cause__ or current.__context__
    return ", from ".join(chain)


Handler = Callable[[UserMessage], Awaitable[None]]


def guarded(on_new_message: Handler) -> Handler:
    async def handle(message: UserMessage) -> None:
        try:
            await on_new_message(message)
        except (Exception, asyncio.CancelledError) as error:
            logger.error("a chat turn failed: %s", kinds(error))
            await message.output_channel.send_text_message(message.sender_id, _sorry())

    return handle


class GuardedRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Handler) -> Blueprint:
        webhook = super().blueprint(guarded(on_new_message))
        # The web app's rules for a message, for programs that post to Rasa directly.
        webhook.middleware("request")(check_rest_request)
        return webhook
