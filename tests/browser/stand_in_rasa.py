"""A stand-in for Rasa's REST channel that answers every message with the same replies,
for what the real assistant does not say on demand: a directory card, or markup."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

from aiohttp import web

from bot.launcher import free_port


class StandInRasa:
    def __init__(self, replies: list[dict[str, Any]]) -> None:
        self.replies = replies
        self.port = free_port()
        self._loop = asyncio.new_event_loop()
        self._runner: web.AppRunner | None = None
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)

    async def _answer(self, _request: web.Request) -> web.Response:
        return web.json_response(self.replies)

    async def _start(self) -> None:
        app = web.Application()
        app.router.add_post("/webhooks/rest/webhook", self._answer)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", self.port).start()

    def start(self) -> StandInRasa:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(timeout=10)
        return self

    def stop(self) -> None:
        if self._runner is not None:
            asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(timeout=10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
