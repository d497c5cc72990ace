"""Build the Sanic web app. Handlers stay thin: they call plain functions and render."""

from __future__ import annotations

import aiohttp
from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse, json

from bot.handover.web import blueprint as handovers_api
from bot.inbox.web import blueprint as first_contact_inbox
from bot.settings import Settings
from bot.web import health
from bot.web.chat_api import add_chat_routes
from bot.web.config import WebConfig, load_web_config
from bot.web.pages import add_page_routes
from directory.web import blueprint as oruk_api

# The largest body any route takes: a hand-over posted to /api/handovers with a long
# transcript (400 messages of 2,000 characters, each up to 4 bytes, fits). Sanic's
# default of 100 MB would let anyone make the app read that much before any check; the
# chat refuses far sooner (bot/web/chat.py, MAX_BODY_BYTES).
MAX_REQUEST_BYTES = 4 * 1024 * 1024


def create_app(
    settings: Settings, name: str = "conversation_one_web", config: WebConfig | None = None
) -> Sanic:
    app = Sanic(name, configure_logging=False)
    # SANIC_REQUEST_MAX_SIZE may lower it further, never raise it.
    app.config.REQUEST_MAX_SIZE = min(app.config.REQUEST_MAX_SIZE, MAX_REQUEST_BYTES)
    app.ctx.settings = settings
    council = settings.council()
    config = load_web_config() if config is None else config

    @app.before_server_start
    async def open_client(app: Sanic, _loop: object) -> None:
        app.ctx.http = aiohttp.ClientSession()

    @app.after_server_stop
    async def close_client(app: Sanic, _loop: object) -> None:
        await app.ctx.http.close()

    @app.get("/healthz")
    async def healthz(request: Request) -> HTTPResponse:
        parts = await health.check(request.app.ctx.http, settings.rasa_url, settings.actions_url)
        ready = all(state == "ok" for state in parts.values())
        return json(
            {"status": "ok" if ready else "unavailable", **parts}, status=200 if ready else 503
        )

    add_page_routes(app, council, config)
    add_chat_routes(app, settings, config, council)
    app.blueprint(handovers_api)
    app.blueprint(first_contact_inbox)
    app.blueprint(oruk_api)
    return app
