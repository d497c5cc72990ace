"""Every text the assistant can say to a person, gathered from the places it lives."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import yaml

from bot.settings import PROJECT_ROOT

SOURCES = {
    "domain": PROJECT_ROOT / "bot" / "domain",
    "conversation": PROJECT_ROOT / "bot" / "conversation" / "phrases.yml",
    "safeguarding": PROJECT_ROOT / "bot" / "safeguarding" / "wording.yml",
    "helplines": PROJECT_ROOT / "bot" / "safeguarding" / "helplines.yml",
    "chat": PROJECT_ROOT / "bot" / "web" / "wording.yml",
}


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def all_responses() -> Iterator[tuple[str, str]]:
    """(where, text) for each response, button title and helpline sentence."""
    for path in sorted(SOURCES["domain"].glob("*.yml")):
        domain = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for name, variants in (domain.get("responses") or {}).items():
            for variant in variants:
                yield f"{path.name}:{name}", variant["text"]
    for source in ("conversation", "safeguarding", "chat"):
        for key, value in yaml.safe_load(SOURCES[source].read_text(encoding="utf-8")).items():
            for text in _strings(value):
                yield f"{source}:{key}", text
    book = yaml.safe_load(SOURCES["helplines"].read_text(encoding="utf-8"))
    yield "helplines:emergency", book["emergency"]["text"]
    yield "helplines:emergency_silent", book["emergency"]["silent"]
    for key, line in book["lines"].items():
        yield f"helplines:{key}", line["text"]
