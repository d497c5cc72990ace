"""Whole conversations played against the running assistant, as a person would type them.

    python -m bot.evaluation.conversation_figures [--dev-misses]

For each conversation in the frozen blind set and the development set
(bot/safety/evaluation/conversations.*.jsonl): was a hand-over made where one is due, and
none where none is; does the summary a First Contact worker reads first carry each key fact
the person gave, in their own words; did the conversation reach the level it should; and
was any question asked twice. The whole system runs on free ports with a throw-away
database, so this measures what a person would meet, not one part alone.

`--dev-misses` prints the development conversations that missed, to work on. The blind
set's misses are never printed: only its totals."""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import requests

from bot.benchmarks.web_chat import running_system
from bot.evaluation.frozen import load_blind, load_jsonl
from bot.safety.levels import rank
from bot.settings import PROJECT_ROOT, load_settings

EVALUATION_DIR = PROJECT_ROOT / "bot" / "safety" / "evaluation"
BLIND = EVALUATION_DIR / "conversations.blind.jsonl"
DEV = EVALUATION_DIR / "conversations.dev.jsonl"
# The dispatcher sends a saved hand-over within a second or two; allow for a busy machine.
DELIVERY_SECONDS = 30.0
QUIET_SECONDS = 3
# The inbox counts as settled when nothing in it changed for this long (the dispatcher
# looks for work every second).
SETTLED_AFTER_SECONDS = 3.0


@dataclass(frozen=True)
class Played:
    """What happened in one conversation, and what a worker received."""

    replies: list[list[str]]  # the assistant's lines after each of the person's turns
    level: str
    summary: str | None  # the hand-over summary, when one was made


def comparable(text: str) -> str:
    """Lower case, one kind of apostrophe, no punctuation at the ends of words, single spaces:
    a fact counts as carried when its words appear in this order."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    words = (word.strip('.,;:!?"()…') for word in text.split())
    return " ".join(word for word in words if word)


def carried(fact: str, summary: str) -> bool:
    return (
        re.search(rf"(?<!\w){re.escape(comparable(fact))}(?!\w)", comparable(summary)) is not None
    )


def asked_twice(replies: list[list[str]]) -> list[str]:
    """Questions the assistant put to the person more than once, word for word."""
    seen: set[str] = set()
    twice = []
    for line in (line for turn in replies for line in turn):
        if "?" not in line:
            continue
        if line in seen and line not in twice:
            twice.append(line)
        seen.add(line)
    return twice


def judge(conversation: dict[str, Any], played: Played) -> dict[str, Any]:
    expect = conversation["expect"]
    due = bool(expect["handover"])
    facts = list(expect.get("summary_must_mention") or [])
    missing = [f for f in facts if not (played.summary and carried(f, played.summary))]
    return {
        "id": conversation["id"],
        "due": due,
        "made": played.summary is not None,
        "facts": len(facts),
        "missing_facts": missing if due else [],
        "level_reached": rank(played.level) >= rank(expect["min_level"]),
        "asked_twice": asked_twice(played.replies),
    }


def totals(judged: list[dict[str, Any]]) -> dict[str, Any]:
    due = [j for j in judged if j["due"]]
    made_due = [j for j in due if j["made"]]
    facts = sum(j["facts"] for j in made_due)
    return {
        "conversations": len(judged),
        "handover_due": len(due),
        "handover_made_when_due": len(made_due),
        "handover_made_when_not_due": sum(j["made"] for j in judged if not j["due"]),
        "made_with_every_key_fact": sum(not j["missing_facts"] for j in made_due),
        "key_facts_carried": (facts - sum(len(j["missing_facts"]) for j in made_due)),
        "key_facts_in_made": facts,
        "level_reached": sum(j["level_reached"] for j in judged),
        "with_a_question_asked_twice": sum(bool(j["asked_twice"]) for j in judged),
    }


class Assistant:
    """The running system, spoken to as the web page would, read as a worker would."""

    def __init__(self, web: str, rasa: str) -> None:
        settings = load_settings()
        self.web, self.rasa = web, rasa
        self.rasa_token = settings.rasa_token
        self.worker = {"Authorization": f"Bearer {settings.first_contact_token}"}

    def send(self, sender: str, text: str) -> list[dict[str, Any]]:
        """Everything the assistant sends back: lines, buttons and service cards."""
        response = requests.post(
            f"{self.rasa}/webhooks/rest/webhook",
            json={"sender": sender, "message": text},
            timeout=60,
        )
        response.raise_for_status()
        return list(response.json())

    def say(self, sender: str, text: str) -> list[str]:
        return [m["text"] for m in self.send(sender, text) if m.get("text")]

    def slots(self, sender: str) -> dict[str, Any]:
        response = requests.get(
            f"{self.rasa}/conversations/{sender}/tracker",
            params={"token": self.rasa_token},
            timeout=30,
        )
        response.raise_for_status()
        return response.json().get("slots") or {}

    def summary(self, reference: str) -> str:
        deadline = time.monotonic() + DELIVERY_SECONDS
        while True:
            response = requests.get(
                f"{self.web}/api/handovers/{reference}", headers=self.worker, timeout=30
            )
            if response.ok:
                return str(response.json()["summary"])
            if time.monotonic() > deadline:
                raise RuntimeError(f"hand-over {reference} never reached First Contact's inbox")
            time.sleep(0.5)

    def settled(self) -> None:
        """Wait until First Contact's inbox stops changing: the dispatcher sends revisions
        of hand-overs (what was said after one was made) a second or two after the turn,
        later on a busy machine."""
        deadline = time.monotonic() + DELIVERY_SECONDS
        before: dict[str, int] | None = None
        while time.monotonic() < deadline:
            response = requests.get(
                f"{self.web}/api/handovers",
                params={"per_page": 100},
                headers=self.worker,
                timeout=30,
            )
            response.raise_for_status()
            now = {item["reference"]: item["revision"] for item in response.json()["items"]}
            if now == before:
                return
            before = now
            time.sleep(SETTLED_AFTER_SECONDS)

    def outcome(self, sender: str, replies: list[list[str]]) -> Played:
        slots = self.slots(sender)
        reference = slots.get("handover_reference")
        summary = self.summary(reference) if reference else None
        return Played(replies, slots.get("risk_level") or "none", summary)


@contextmanager
def running_assistant() -> Iterator[Assistant]:
    """The whole system on free ports with a throw-away database, spoken to as a person
    would. A hand-over nobody answered about goes after QUIET_SECONDS: seconds, not minutes."""
    with running_system(HANDOVER_WAIT_SECONDS=str(QUIET_SECONDS)) as (web, rasa):
        yield Assistant(web, rasa)


def conversation_figures(assistant: Assistant, dev_misses: bool = False) -> dict[str, Any]:
    blind, blind_hash = load_blind(BLIND)
    sets = {"blind": blind, "dev": load_jsonl(DEV)}
    replies = {
        (name, c["id"]): [assistant.say(f"evaluation-{name}-{c['id']}", t) for t in c["turns"]]
        for name, conversations in sets.items()
        for c in conversations
    }
    time.sleep(QUIET_SECONDS + 2)  # every conversation has now been quiet long enough
    assistant.settled()
    judged = {
        name: [
            judge(c, assistant.outcome(f"evaluation-{name}-{c['id']}", replies[name, c["id"]]))
            for c in conversations
        ]
        for name, conversations in sets.items()
    }
    if dev_misses:
        for j in judged["dev"]:
            missed = (j["due"] != j["made"]) or j["missing_facts"] or j["asked_twice"]
            if missed or not j["level_reached"]:
                print(j, file=sys.stderr)
    return {
        "blind": totals(judged["blind"]),
        "blind_sha256": blind_hash,
        "dev": totals(judged["dev"]),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev-misses", action="store_true")
    args = parser.parse_args()
    with running_assistant() as assistant:
        figures = conversation_figures(assistant, args.dev_misses)
    for name in ("blind", "dev"):
        print(name, figures[name])
    return 0


if __name__ == "__main__":
    sys.exit(main())
