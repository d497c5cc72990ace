"""Labelled sets in JSON Lines, and the frozen blind ones: a blind set is read only after
its SHA-256 matches the hash recorded when it was split off, so a changed blind set can
never pass as the one the figures were promised on."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any


class ChangedBlindSet(RuntimeError):
    """A blind set no longer matches its recorded hash."""


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def load_blind(path: Path) -> tuple[list[dict[str, Any]], str]:
    """The rows of a frozen blind set and its hash; refuses a set changed since it froze.
    The hash is kept beside it: `x.jsonl` in `x.sha256` (or `x.blind.sha256`)."""
    recorded = path.with_suffix(".sha256")
    found = hashlib.sha256(path.read_bytes()).hexdigest()
    expected = recorded.read_text().split()[0]
    if found != expected:
        raise ChangedBlindSet(
            f"{path.name} has changed since it was frozen ({found[:12]}, not {expected[:12]}): "
            "a blind set is never edited; write a new one and freeze that."
        )
    return load_jsonl(path), found


def as_rasa_nlu(rows: list[dict[str, Any]], out: Path) -> Path:
    """Rows of {text, intent} as a Rasa NLU file, for `rasa test nlu`."""
    from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLWriter
    from rasa.shared.nlu.training_data.message import Message
    from rasa.shared.nlu.training_data.training_data import TrainingData

    messages = [Message.build(text=row["text"], intent=row["intent"]) for row in rows]
    out.parent.mkdir(parents=True, exist_ok=True)
    RasaYAMLWriter().dump(out, TrainingData(training_examples=messages))
    return out
