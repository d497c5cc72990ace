"""python -m bot.knowledge.evaluate [--model MODEL_PATH]: how advice questions are answered.

Scores the meaning matcher on every question set (no Rasa model needed) and, given a
trained model, today's intent ranking beside it. Prints shares only; which questions were
missed is shown for the dev set alone, never for the blind set. Exits 1 while the meaning
matcher answers fewer blind questions right than the target.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from bot.knowledge.evaluate import TARGET, Score
from bot.knowledge.evaluate.figures import scores, summary
from bot.knowledge.evaluate.sets import SHARED_PATH

BLIND, DEV = "blind (frozen)", "dev (tuned on)"
COLUMNS = (
    ("answered_right", "answered right"),
    ("right_topic_offered", "right offered"),
    ("not_sure_on_no_topic", "not sure, no topic"),
)


def report(tally: Score, target: float) -> str:
    """One set in detail: only for a set we may tune on."""
    lines = [
        f"questions:                 {tally.total}",
        f"answered with right topic: {tally.share_answered_right:.2f} (target {target:.2f})",
        f"best guess right:          {tally.top_right / max(tally.with_topic, 1):.2f}",
        f"asked which, right offered:{tally.clarified_with_right:>4}",
    ]
    if tally.missed_by_topic:
        missed = ", ".join(f"{topic} {n}" for topic, n in tally.missed_by_topic.most_common())
        lines.append(f"missed by topic:           {missed}")
    return "\n".join(lines)


def _share(value: float | None) -> str:
    return "   -" if value is None else f"{value:.2f}"


def table(found: dict[str, Any]) -> str:
    """One row per set and approach; the figures only."""
    header = f"{'set':<18} {'approach':<8} {'n':>4}  " + "  ".join(t for _, t in COLUMNS)
    lines = [header]
    for name, approaches in found["sets"].items():
        if isinstance(approaches, str):
            lines.append(f"{name:<18} {approaches}")
            continue
        for approach, row in approaches.items():
            cells = "  ".join(f"{_share(row[key]):>{len(title)}}" for key, title in COLUMNS)
            lines.append(f"{name:<18} {approach:<8} {row['questions']:>4}  {cells}")
    lines.append(f"blind set SHA-256 {found['blind_sha256']} (checked against the frozen hash)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, help="a trained Rasa model, for today's approach")
    parser.add_argument("--shared", type=Path, default=SHARED_PATH, help="shared examples")
    parser.add_argument("--target", type=float, default=TARGET)
    args = parser.parse_args(argv)
    by_set = scores(args.model, args.shared)
    found = summary(by_set)
    print(table(found))
    dev = by_set[DEV]
    if not isinstance(dev, str):
        print(f"\nmeaning matcher on the dev set:\n{report(dev['meaning'], args.target)}")
    blind = found["sets"][BLIND]["meaning"]["answered_right"]
    return 0 if blind >= args.target else 1


if __name__ == "__main__":
    sys.exit(main())
