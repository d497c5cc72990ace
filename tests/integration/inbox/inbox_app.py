"""The real web app with the inbox mounted, on the port in WEB_PORT, settings from the
environment. Until bot/web/app.py mounts the inbox itself, this mounts it here."""

from __future__ import annotations

import logging

from bot.inbox.web import blueprint
from bot.settings import load_settings
from bot.web.app import create_app


def main() -> None:
    # As `python -m bot.web` does, so tests can read what the app logs.
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    settings = load_settings()
    app = create_app(settings, name="inbox_test_web")
    if blueprint.name not in app.blueprints:
        app.blueprint(blueprint)
    app.run(host="127.0.0.1", port=settings.web_port, access_log=False)


if __name__ == "__main__":
    main()
