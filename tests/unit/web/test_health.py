import asyncio
import socket

import aiohttp
from aiohttp import web

from bot.web.health import check


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def run_check_with_only_rasa_up() -> dict[str, str]:
    app = web.Application()
    app.router.add_get("/", lambda _request: web.Response(text="Hello from Rasa"))
    runner = web.AppRunner(app)
    await runner.setup()
    rasa_port = free_port()
    await web.TCPSite(runner, "127.0.0.1", rasa_port).start()
    try:
        async with aiohttp.ClientSession() as session:
            return await check(
                session, f"http://127.0.0.1:{rasa_port}", f"http://127.0.0.1:{free_port()}"
            )
    finally:
        await runner.cleanup()


def test_health_reports_each_server_and_a_closed_port_as_down():
    assert asyncio.run(run_check_with_only_rasa_up()) == {"rasa": "ok", "actions": "down"}
