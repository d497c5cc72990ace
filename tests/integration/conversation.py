"""Helpers for holding whole conversations with the live stack."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from functools import lru_cache

from bot.settings import PROJECT_ROOT
from tests.integration.stack import Stack


@lru_cache(maxsize=1)
def needs_of() -> dict[str, set[str]]:
    """Service id -> the need terms it is tagged with in the shipped sample directory."""
    records = json.loads((PROJECT_ROOT / "directory/sample/sheffield.json").read_text())
    return {
        record["id"]: {a["taxonomy_term"]["id"] for a in record.get("attributes", [])}
        for record in records
    }


@dataclass
class Chat:
    stack: Stack
    sender: str
    said: list[str] = field(default_factory=list)
    cards: list[dict] = field(default_factory=list)

    def say(self, message: str) -> list[str]:
        replies = self.stack.say(self.sender, message)
        self.cards += [r["custom"] for r in replies if "custom" in r]
        texts = [r["text"] for r in replies if "text" in r]
        self.said += texts
        return texts

    def questions(self) -> list[str]:
        return [text for text in self.said if text.rstrip().endswith("?")]

    def offered_needs(self) -> set[str]:
        return set().union(*(needs_of()[card["id"]] for card in self.cards))

    def slots(self) -> dict:
        return self.stack.tracker(self.sender)["slots"]


def wait_for_handover(stack: Stack, reference: str) -> dict:
    """The hand-over as First Contact's API gives it, once it has arrived (30 s at most)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if any(item["reference"] == reference for item in stack.handovers()):
            return stack.handover(reference)
        time.sleep(0.3)
    raise AssertionError(f"hand-over {reference} never reached First Contact")
