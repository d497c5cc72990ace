"""The question sets the matcher is scored on, and the guard on the frozen blind set."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.evaluation.frozen import load_blind, load_jsonl
from bot.knowledge.evaluate import HELDOUT_PATH, HeldOut, load_heldout
from bot.settings import shared_examples_dir

EVALUATION_DIR = Path(__file__).parents[1] / "evaluation"
DEV_PATH = EVALUATION_DIR / "questions.dev.jsonl"
BLIND_PATH = EVALUATION_DIR / "questions.blind.jsonl"
# Examples shared between projects (SHARED_EXAMPLES, or beside the checkout).
SHARED_PATH = shared_examples_dir() / "questions.jsonl"


def as_questions(rows: list[dict[str, Any]]) -> list[HeldOut]:
    return [HeldOut(str(row["question"]), row.get("topic")) for row in rows]


def checked_blind(path: Path = BLIND_PATH) -> str:
    """The blind set's SHA-256, once it is known to match the frozen one."""
    return load_blind(path)[1]


def question_sets(shared: Path = SHARED_PATH) -> dict[str, list[HeldOut] | str]:
    """Each set's questions by name, or why a set was skipped."""
    blind, _ = load_blind(BLIND_PATH)
    return {
        "dev (tuned on)": as_questions(load_jsonl(DEV_PATH)),
        "blind (frozen)": as_questions(blind),
        "shared examples": (
            as_questions(load_jsonl(shared)) if shared.is_file() else f"skipped: no {shared}"
        ),
        "older held-out": load_heldout(HELDOUT_PATH),
    }
