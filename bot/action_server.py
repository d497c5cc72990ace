"""Run the Rasa SDK action server on loopback, with errors that never echo what people wrote.

`rasa run actions` binds every interface and its error handler returns the whole request
(every message in the conversation); this wraps the same app without either.
"""

from __future__ import annotations

import argparse
import logging
import threading

from rasa_sdk.endpoint import create_app
from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse, json

from bot.knowledge.meaning import warm_up as warm_up_advice
from bot.safety.meaning import default_reader

logger = logging.getLogger(__name__)


def build_app() -> Sanic:
    app = create_app("actions", cors_origins=[])

    async def on_error(request: Request, exception: Exception) -> HTTPResponse:
        try:
            body = request.json
        except Exception:  # a body that is not JSON tells us no action name
            body = None
        action = body.get("next_action", "unknown") if isinstance(body, dict) else "unknown"
        logger.error("action %s failed: %s", action, type(exception).__name__)
        return json({"error": "the action failed", "action_name": action}, status=500)

    app.error_handler.add(Exception, on_error)
    # Longer than the Rasa server keeps an idle connection (bot/rasa_endpoints.py), so
    # it is always the client that closes one, never mid-call.
    app.config.KEEP_ALIVE_TIMEOUT = 75
    return app


def warm_up() -> None:
    """What takes seconds to load, loaded before anyone needs it: the advice matcher, and
    the risk classifier a hand-over's summary weighs the person's sentences with."""
    warm_up_advice()
    default_reader()


def main() -> None:
    parser = argparse.ArgumentParser(description="Run the action server.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5055)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    # The sentence encoder, the advice matcher and the risk classifier take seconds to
    # load: start now, beside the server, rather than on the first person's message.
    threading.Thread(target=warm_up, name="warm-up", daemon=True).start()
    build_app().run(args.host, args.port, access_log=False, workers=1)


if __name__ == "__main__":
    main()
