"""Score the risk screen (and the keyword baseline) on the labelled messages.

    python -m bot.safety.evaluate [--json] [--misses]

Recall per level = share of messages labelled at that level rated at least that level.
Over-/under-triage = rated higher/lower than labelled. False alarms = share of `none`
messages raised. Conversations: share whose final running level matches the label.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

import yaml

from bot.safety.baseline import baseline_screen
from bot.safety.levels import LEVELS, max_level, rank
from bot.safety.screen import RiskAssessment, screen

EVALUATION_DIR = Path(__file__).with_name("evaluation")
# The main set, then messages written after tuning to check the lexicon generalises.
MESSAGES_PATHS = (
    EVALUATION_DIR / "risk_messages.yml",
    EVALUATION_DIR / "risk_messages_holdout.yml",
    EVALUATION_DIR / "risk_messages_holdout2.yml",
)
# Never used to tune the lexicon: an honest estimate for new wording. Not held to targets.
UNSEEN_PATHS = (EVALUATION_DIR / "risk_messages_unseen.yml",)
CONVERSATIONS_PATH = EVALUATION_DIR / "risk_conversations.yml"
Screen = Callable[[str], RiskAssessment]


def load_messages(paths: tuple[Path, ...] = MESSAGES_PATHS) -> list[dict]:
    return [
        message
        for path in paths
        for message in yaml.safe_load(path.read_text(encoding="utf-8"))["messages"]
    ]


def load_conversations(path: Path = CONVERSATIONS_PATH) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["conversations"]


def score_messages(messages: list[dict], screen_fn: Screen) -> dict:
    rated = [(m["level"], screen_fn(m["text"]).level) for m in messages]
    n = len(rated)
    result: dict = {"messages": n}
    for level in LEVELS[1:]:
        at_level = [got for want, got in rated if want == level]
        hit = sum(rank(got) >= rank(level) for got in at_level)
        result[f"recall_{level}"] = hit / len(at_level) if at_level else None
    # The safety target: anything labelled urgent or immediate gets a human the same day.
    serious = [got for want, got in rated if rank(want) >= rank("urgent")]
    result["serious_rated_urgent_plus"] = (
        sum(rank(got) >= rank("urgent") for got in serious) / len(serious) if serious else None
    )
    result["exact"] = sum(want == got for want, got in rated) / n
    result["over_triage"] = sum(rank(got) > rank(want) for want, got in rated) / n
    result["under_triage"] = sum(rank(got) < rank(want) for want, got in rated) / n
    nones = [got for want, got in rated if want == "none"]
    result["false_alarms"] = sum(got != "none" for got in nones) / len(nones) if nones else 0.0
    return result


def running_levels(turns: list[str], screen_fn: Screen) -> list[str]:
    """The conversation's level after each turn: the highest seen so far."""
    level, out = "none", []
    for text in turns:
        level = max_level(level, screen_fn(text).level)
        out.append(level)
    return out


def score_conversations(conversations: list[dict], screen_fn: Screen) -> dict:
    final_ok = turns_ok = turns = 0
    for conv in conversations:
        got = running_levels([t["text"] for t in conv["turns"]], screen_fn)
        want = [t["level"] for t in conv["turns"]]
        final_ok += got[-1] == want[-1]
        turns_ok += sum(a == b for a, b in zip(got, want, strict=True))
        turns += len(want)
    n = len(conversations)
    return {
        "conversations": n,
        "final_level_accuracy": final_ok / n if n else None,
        "turn_level_accuracy": turns_ok / turns if turns else None,
    }


def misses(messages: list[dict], screen_fn: Screen) -> list[str]:
    """Lines describing every disagreement (for whoever maintains the lexicon)."""
    lines = []
    for m in messages:
        got = screen_fn(m["text"]).level
        if got != m["level"]:
            lines.append(f"want {m['level']:9} got {got:9} | {m['text']}")
    return lines


def evaluate() -> dict:
    messages, conversations = load_messages(), load_conversations()
    unseen = load_messages(UNSEEN_PATHS)
    return {
        "screen": {
            **score_messages(messages, screen),
            **score_conversations(conversations, screen),
        },
        "baseline": {
            **score_messages(messages, baseline_screen),
            **score_conversations(conversations, baseline_screen),
        },
        "screen_unseen": score_messages(unseen, screen),
        "baseline_unseen": score_messages(unseen, baseline_screen),
    }


_COLUMNS = ("screen", "baseline", "screen_unseen", "baseline_unseen")


def _table(results: dict) -> str:
    keys = [k for k in results["screen"] if k not in ("messages", "conversations")]
    lines = [f"{'metric':26}" + "".join(f"{name:>16}" for name in _COLUMNS)]
    for key in keys:
        cells = []
        for name in _COLUMNS:
            value = results[name].get(key)
            cells.append("-" if value is None else f"{100 * value:.1f}%")
        lines.append(f"{key:26}" + "".join(f"{cell:>16}" for cell in cells))
    lines.append(
        f"(labelled: {results['screen']['messages']} messages, "
        f"{results['screen']['conversations']} conversations; "
        f"unseen: {results['screen_unseen']['messages']} messages)"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--misses", action="store_true", help="list the screen's mistakes")
    args = parser.parse_args(argv)
    results = evaluate()
    # A command-line report: stdout is the point, not logging.
    out = json.dumps(results, indent=2) if args.json else _table(results)
    sys.stdout.write(out + "\n")
    if args.misses:
        sys.stdout.write("\n".join(misses(load_messages(), screen)) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
