import asyncio

import aiohttp
from aiohttp import web

from bot.launcher import free_port
from bot.web.health import check
from tests.local_server import serving


async def run_check_with_only_rasa_up() -> dict[str, str]:
    app = web.Application()
    app.router.add_get("/", lambda _request: web.Response(text="Hello from Rasa"))
    async with serving(app) as rasa, aiohttp.ClientSession() as session:
        return await check(session, rasa, f"http://127.0.0.1:{free_port()}")


def test_health_reports_each_server_and_a_closed_port_as_down():
    assert asyncio.run(run_check_with_only_rasa_up()) == {"rasa": "ok", "actions": "down"}
