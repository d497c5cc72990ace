"""The question sets the matcher is scored on, and the guard on the frozen blind set."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from bot.knowledge.evaluate import HELDOUT_PATH, HeldOut, load_heldout

EVALUATION_DIR = Path(__file__).parents[1] / "evaluation"
DEV_PATH = EVALUATION_DIR / "questions.dev.jsonl"
BLIND_PATH = EVALUATION_DIR / "questions.blind.jsonl"
BLIND_HASH_PATH = EVALUATION_DIR / "questions.blind.sha256"
# Examples shared between projects; only present on machines that have them.
SHARED_PATH = Path("/work/shared/examples/questions.jsonl")


class BlindSetChanged(RuntimeError):
    """The frozen blind set is not the file it was frozen as: its figures would mislead."""


def load_jsonl(path: Path) -> list[HeldOut]:
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line)
    return [HeldOut(str(row["question"]), row.get("topic")) for row in rows]


def checked_blind(path: Path = BLIND_PATH, hash_path: Path = BLIND_HASH_PATH) -> str:
    """The blind set's SHA-256, once it is known to match the frozen one."""
    found = hashlib.sha256(path.read_bytes()).hexdigest()
    frozen = hash_path.read_text(encoding="utf-8").split()[0]
    if found != frozen:
        raise BlindSetChanged(
            f"{path.name} has SHA-256 {found}, not the frozen {frozen}: the blind set must "
            "not change. Restore it from git."
        )
    return found


def question_sets(shared: Path = SHARED_PATH) -> dict[str, list[HeldOut] | str]:
    """Each set's questions by name, or why a set was skipped."""
    checked_blind()
    return {
        "dev (tuned on)": load_jsonl(DEV_PATH),
        "blind (frozen)": load_jsonl(BLIND_PATH),
        "shared examples": load_jsonl(shared) if shared.is_file() else f"skipped: no {shared}",
        "older held-out": load_heldout(HELDOUT_PATH),
    }
