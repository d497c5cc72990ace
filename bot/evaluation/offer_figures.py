"""Does Conversation 1 reach a fitting local offer? Played against the running assistant.

    python -m bot.evaluation.offer_figures [--dev-misses]

Two kinds of conversation, each typed turn by turn over HTTP to the whole system:
- labelled local needs (directory/evaluation/needs), played as a new user would: hello,
  the need in their words, then plain answers to whatever is asked (simulated_person);
- whole conversations written the way people write (bot/conversation/evaluation), played
  as written.
A conversation reaches a fitting offer when a service card shown is one its labels call a
fit. Also counted: the person's turns to the first offer, questions asked twice, traps (the
assistant twice in a row saying it didn't understand) and offers on the "avoid" list.

The blind sets' misses are never printed, only their totals. `--dev-misses` prints the
development conversations that missed, to work on."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from itertools import pairwise
from statistics import median
from typing import Any

from bot.evaluation.conversation_figures import Assistant, asked_twice, running_assistant
from bot.evaluation.frozen import load_blind, load_jsonl
from bot.evaluation.simulated_person import answer
from bot.settings import PROJECT_ROOT

NEEDS_DIR = PROJECT_ROOT / "directory" / "evaluation" / "needs"
CONVERSATIONS_DIR = PROJECT_ROOT / "bot" / "conversation" / "evaluation"
# A person who has said what they need and answered a few questions, and still has no
# offer, has been let down; stop there.
MOST_TURNS_FOR_A_NEED = 7
# What the assistant says when it did not understand; twice in a row is a trap.
NOT_UNDERSTOOD = ("didn't catch that", "didn't understand", "not sure what you mean")
AT_ONCE = 4  # conversations played side by side, as people would arrive


@dataclass
class Played:
    """One conversation as the person saw it."""

    replies: list[list[str]] = field(default_factory=list)  # lines after each turn
    offered: list[list[str]] = field(default_factory=list)  # service ids after each turn
    turns: list[str] = field(default_factory=list)

    def hear(self, turn: str, messages: list[dict[str, Any]]) -> None:
        self.turns.append(turn)
        self.replies.append([m["text"] for m in messages if m.get("text")])
        cards = [m.get("custom") or {} for m in messages]
        self.offered.append([c["id"] for c in cards if c.get("type") == "service"])

    @property
    def first_offer_turn(self) -> int | None:
        return next((n for n, ids in enumerate(self.offered, 1) if ids), None)


def trapped(replies: list[list[str]]) -> bool:
    """Twice in a row the only answer was that the assistant didn't understand."""
    confused = [
        any(p in line.lower() for line in lines for p in NOT_UNDERSTOOD) for lines in replies
    ]
    return any(a and b for a, b in pairwise(confused))


def judge(labels: dict[str, Any], played: Played) -> dict[str, Any]:
    offered = [service for ids in played.offered for service in ids]
    return {
        "id": labels["id"],
        "fitting": any(service in labels["relevant"] for service in offered),
        "first_offer_turn": played.first_offer_turn,
        "asked_twice": asked_twice(played.replies),
        "trapped": trapped(played.replies),
        "avoided_offered": [s for s in offered if s in labels.get("avoid_ids", [])],
        "silent_turns": sum(
            not lines and not ids for lines, ids in zip(played.replies, played.offered, strict=True)
        ),
    }


def totals(judged: list[dict[str, Any]]) -> dict[str, Any]:
    turns = [j["first_offer_turn"] for j in judged if j["first_offer_turn"]]
    count = len(judged) or 1
    return {
        "conversations": len(judged),
        "fitting_offer": sum(j["fitting"] for j in judged),
        "fitting_share": round(sum(j["fitting"] for j in judged) / count, 3),
        "any_offer": len(turns),
        "median_turns_to_first_offer": median(turns) if turns else None,
        "with_a_question_asked_twice": sum(bool(j["asked_twice"]) for j in judged),
        "traps": sum(j["trapped"] for j in judged),
        "offered_something_to_avoid": sum(bool(j["avoided_offered"]) for j in judged),
        "silent_turns": sum(j["silent_turns"] for j in judged),
    }


def play_need(assistant: Assistant, sender: str, need: dict[str, Any]) -> Played:
    played = Played()
    turn = "hello"
    while len(played.turns) < MOST_TURNS_FOR_A_NEED:
        played.hear(turn, assistant.send(sender, turn))
        if played.first_offer_turn:
            break
        said = played.replies[-1][-1] if played.replies[-1] else ""
        turn = need["query"] if len(played.turns) == 1 else answer(said, need)
    return played


def play_written(assistant: Assistant, sender: str, conversation: dict[str, Any]) -> Played:
    played = Played()
    for turn in conversation["turns"]:
        played.hear(turn, assistant.send(sender, turn))
    return played


Player = Callable[[Assistant, str, dict[str, Any]], Played]


def sets() -> Iterator[tuple[str, Player, list[dict[str, Any]], str | None]]:
    """(name, how it is played, rows, blind hash or None) for each set that exists."""
    blind_needs, needs_hash = load_blind(NEEDS_DIR / "blind.jsonl")
    yield "needs_blind", play_need, blind_needs, needs_hash
    yield "needs_dev", play_need, load_jsonl(NEEDS_DIR / "dev.jsonl"), None
    written = CONVERSATIONS_DIR / "conversations.blind.jsonl"
    if written.exists():
        rows, written_hash = load_blind(written)
        yield "written_blind", play_written, rows, written_hash
        yield (
            "written_dev",
            play_written,
            load_jsonl(CONVERSATIONS_DIR / "conversations.dev.jsonl"),
            None,
        )


def offer_figures(assistant: Assistant, dev_misses: bool = False) -> dict[str, Any]:
    results: dict[str, Any] = {}
    with ThreadPoolExecutor(AT_ONCE) as pool:
        for name, play, rows, blind_hash in sets():
            senders = [f"offers-{name}-{row['id']}" for row in rows]
            played = list(pool.map(partial(play, assistant), senders, rows))
            judged = [judge(row, p) for row, p in zip(rows, played, strict=True)]
            results[name] = totals(judged)
            if blind_hash:
                results[f"{name}_sha256"] = blind_hash
            elif dev_misses:
                for row, p, j in zip(rows, played, judged, strict=True):
                    if not j["fitting"] or j["asked_twice"] or j["trapped"] or j["avoided_offered"]:
                        print_miss(row, p, j)
    return results


def print_miss(row: dict[str, Any], played: Played, judged: dict[str, Any]) -> None:
    print(f"\n== {row['id']} {judged}", file=sys.stderr)
    print(f"   relevant {row['relevant']}", file=sys.stderr)
    for turn, lines, ids in zip(played.turns, played.replies, played.offered, strict=True):
        print(f" > {turn}", file=sys.stderr)
        for line in lines:
            print(f"   {line}", file=sys.stderr)
        if ids:
            print(f"   [cards {ids}]", file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev-misses", action="store_true")
    args = parser.parse_args()
    with running_assistant() as assistant:
        found = offer_figures(assistant, args.dev_misses)
    for name, figures in found.items():
        print(name, figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
