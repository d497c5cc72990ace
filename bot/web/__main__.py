"""python -m bot.web: serve the web app."""

import logging

from bot.settings import load_settings
from bot.web.app import create_app


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    settings = load_settings()
    # Access logs stay off: request lines can carry ids people would rather keep private.
    create_app(settings).run(settings.web_host, settings.web_port, access_log=False, workers=1)


if __name__ == "__main__":
    main()
