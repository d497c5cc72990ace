"""First Contact's inbox on its own: the hand-over blueprint on a bare Sanic app, so the
integration tests can start, stop and restart the receiver. Settings come from the
environment, as in the real web app; the port from RECEIVER_PORT."""

from __future__ import annotations

import os

from sanic import Sanic

from bot.handover.web import blueprint
from bot.settings import load_settings


def main() -> None:
    app = Sanic("handover_receiver", configure_logging=False)
    app.ctx.settings = load_settings()
    app.blueprint(blueprint)
    app.run(host="127.0.0.1", port=int(os.environ["RECEIVER_PORT"]), access_log=False)


if __name__ == "__main__":
    main()
