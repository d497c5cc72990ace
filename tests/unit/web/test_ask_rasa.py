"""`ask_rasa` against a small stand-in for Rasa's REST channel on a free port."""

import asyncio
from collections.abc import Awaitable, Callable

import aiohttp
import pytest
from aiohttp import web

from bot.web.chat import ChatRequest, RasaUnavailable, ask_rasa
from tests.local_server import serving

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


async def ask_stand_in(handler: Handler, timeout_seconds: float = 2.0) -> list[dict]:
    app = web.Application()
    app.router.add_post("/webhooks/rest/webhook", handler)
    async with serving(app) as rasa, aiohttp.ClientSession() as session:
        return await ask_rasa(
            session, rasa, ChatRequest("conversation-1", "hello"), timeout_seconds
        )


async def echo(request: web.Request) -> web.Response:
    sent = await request.json()
    return web.json_response(
        [{"recipient_id": sent["sender"], "text": f"{sent['sender']} said {sent['message']}"}]
    )


async def slow(_request: web.Request) -> web.Response:
    await asyncio.sleep(1)
    return web.json_response([])


async def broken(_request: web.Request) -> web.Response:
    return web.Response(status=500, text="Internal Server Error")


async def not_json(_request: web.Request) -> web.Response:
    return web.Response(text="<html>a proxy error page</html>")


def test_the_sender_and_message_reach_rasa_and_its_replies_come_back_cleaned():
    assert asyncio.run(ask_stand_in(echo)) == [{"text": "conversation-1 said hello"}]


@pytest.mark.parametrize("handler", [slow, broken, not_json])
def test_a_slow_failing_or_garbled_rasa_counts_as_unavailable(handler: Handler):
    with pytest.raises(RasaUnavailable):
        asyncio.run(ask_stand_in(handler, timeout_seconds=0.3))
