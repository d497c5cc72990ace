"""python -m bot.knowledge.evaluate --model MODEL_PATH: score a trained model on held-out questions.

Prints shares only, never the questions' answers; exits 1 below the target so CI can use it.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from pathlib import Path
from typing import Any

from bot.knowledge.evaluate import HELDOUT_PATH, TARGET, HeldOut, Score, load_heldout, score


async def parse_all(model: Path, questions: list[HeldOut]) -> list[tuple[str, dict[str, Any]]]:
    # Imported here: loading Rasa takes seconds and is only needed with a real model.
    from rasa.core.agent import Agent
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    # Rasa's debug log repeats every message's text; keep to warnings.
    configure_logging_and_warnings(logging.WARNING)
    configure_structlog(logging.WARNING)

    agent = Agent.load(str(model))
    return [(item.topic, await agent.parse_message(item.text)) for item in questions]


def report(tally: Score, target: float) -> str:
    lines = [
        f"held-out questions:        {tally.total}",
        f"answered with right topic: {tally.share_answered_right:.2f} (target {target:.2f})",
        f"best guess right:          {tally.top_right / max(tally.total, 1):.2f}",
        f"asked which, right offered:{tally.clarified_with_right:>4}",
    ]
    if tally.missed_by_topic:
        missed = ", ".join(f"{topic} {n}" for topic, n in tally.missed_by_topic.most_common())
        lines.append(f"missed by topic:           {missed}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", type=Path, required=True, help="a trained Rasa model (.tar.gz)")
    parser.add_argument("--heldout", type=Path, default=HELDOUT_PATH)
    parser.add_argument("--target", type=float, default=TARGET)
    args = parser.parse_args(argv)
    tally = score(asyncio.run(parse_all(args.model, load_heldout(args.heldout))))
    print(report(tally, args.target))
    return 0 if tally.share_answered_right >= args.target else 1


if __name__ == "__main__":
    sys.exit(main())
