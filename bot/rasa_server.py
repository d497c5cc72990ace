"""Run the Rasa server: REST channel and HTTP API on loopback, behind RASA_TOKEN.

Started this way rather than with `rasa run --auth-token ...` so the token stays in the
environment and never shows in the process list.
"""

from __future__ import annotations

import argparse
import os

from rasa.core.run import serve_application

from bot.rasa_endpoints import endpoints_for
from bot.rasa_tuning import (
    check_action_replies_once_compiled,
    configure_logging,
    tune_sqlite_tracker_store,
)
from bot.settings import PROJECT_ROOT, load_settings

CREDENTIALS = PROJECT_ROOT / "bot" / "credentials.yml"


def main() -> None:
    parser = argparse.ArgumentParser(description="Run the Rasa server.")
    parser.add_argument("--model", required=True)
    args = parser.parse_args()
    settings = load_settings()
    configure_logging(os.environ.get("LOG_LEVEL", "INFO"))
    check_action_replies_once_compiled()
    tune_sqlite_tracker_store()
    serve_application(
        model_path=args.model,
        interface=settings.host,
        port=settings.rasa_port,
        credentials=str(CREDENTIALS),
        auth_token=settings.rasa_token,
        enable_api=True,
        endpoints=endpoints_for(settings),
    )


if __name__ == "__main__":
    main()
