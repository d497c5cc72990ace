"""Run the Rasa server: REST channel and HTTP API on loopback, behind RASA_TOKEN.

Started this way rather than with `rasa run --auth-token ...` so the token stays in the
environment and never shows in the process list.
"""

from __future__ import annotations

import argparse
import gc
import os
from functools import partial

from rasa.core import jobs
from rasa.core.run import serve_application
from rasa.core.utils import AvailableEndpoints

from bot.rasa_endpoints import KeepAliveEndpoint, endpoints_for
from bot.rasa_graph import run_prediction_graphs_in_order
from bot.rasa_reminders import set_waiting_reminders_again
from bot.rasa_tuning import (
    check_action_replies_once_compiled,
    classify_from_sentence_features_only,
    configure_logging,
)
from bot.safety.slot_extraction import update_risk_only_when_rated
from bot.settings import PROJECT_ROOT, load_settings

CREDENTIALS = PROJECT_ROOT / "bot" / "credentials.yml"


def main() -> None:
    parser = argparse.ArgumentParser(description="Run the Rasa server.")
    parser.add_argument("--model", required=True)
    args = parser.parse_args()
    settings = load_settings()
    endpoints = endpoints_for(settings)
    configure_logging(os.environ.get("LOG_LEVEL", "INFO"))
    check_action_replies_once_compiled()
    classify_from_sentence_features_only()
    run_prediction_graphs_in_order()
    update_risk_only_when_rated()
    serve_application(
        model_path=args.model,
        interface=settings.host,
        port=settings.rasa_port,
        credentials=str(CREDENTIALS),
        auth_token=settings.rasa_token,
        enable_api=True,
        endpoints=endpoints,
        server_listeners=[
            (freeze_startup_objects, "after_server_start"),
            (run_reminders_however_late, "after_server_start"),
            (set_waiting_reminders_again, "after_server_start"),
            (partial(close_action_sessions, endpoints), "after_server_stop"),
        ],
    )


async def freeze_startup_objects(*_: object) -> None:
    """Leave what start-up built (the model, TensorFlow, Rasa itself: millions of objects)
    out of garbage collection from now on. Every full collection walked all of it with the
    event loop stopped: pauses of 120 to 320 ms, some a thousand turns apart, each landing
    in the slowest turns of a benchmark. Objects made while serving are collected as before."""
    gc.collect()
    gc.freeze()


async def run_reminders_however_late(*_: object) -> None:
    """Rasa's reminder scheduler skips a reminder that comes due more than a second late
    (APScheduler's default grace time), as it can on a busy server. A hand-over due after
    the person goes quiet (actions/handover.py) must never be skipped, so reminders made
    from now on run however late they are. `configure` cannot be called on a running
    scheduler, hence the defaults it keeps for new jobs are set directly; a unit test
    checks that a new job takes them."""
    scheduler = await jobs.scheduler()
    scheduler._job_defaults["misfire_grace_time"] = None


async def close_action_sessions(endpoints: AvailableEndpoints, *_: object) -> None:
    if isinstance(endpoints.action, KeepAliveEndpoint):
        await endpoints.action.close()


if __name__ == "__main__":
    main()
