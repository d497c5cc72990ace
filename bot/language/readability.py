"""Flesch-Kincaid grade and the banned-word check, as plain functions."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

RULES_PATH = Path(__file__).with_name("plain_english.yml")
_SENTENCE_END = re.compile(r"[.!?]+(?:\s|$)|\n+")
_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
_VOWEL_GROUP = re.compile(r"[aeiouy]+")
# Placeholders ({who}, {phone}) are filled with short words or numbers at run time.
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


@lru_cache(maxsize=1)
def rules(path: Path = RULES_PATH) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def syllables(word: str) -> int:
    """A good-enough English syllable count: vowel groups, less a silent final e."""
    lowered = word.lower()
    count = len(_VOWEL_GROUP.findall(lowered))
    if lowered.endswith("e") and not lowered.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    return max(1, count)


def grade(text: str) -> float:
    """Flesch-Kincaid grade level: 0.39 words/sentence + 11.8 syllables/word - 15.59."""
    cleaned = _PLACEHOLDER.sub("it", text)
    words = _WORD.findall(cleaned)
    if not words:
        return 0.0
    sentences = max(1, len([s for s in _SENTENCE_END.split(cleaned) if _WORD.search(s)]))
    total_syllables = sum(syllables(word) for word in words)
    return 0.39 * len(words) / sentences + 11.8 * total_syllables / len(words) - 15.59


def banned_words_in(text: str) -> list[str]:
    found = []
    for phrase in rules()["banned"]:
        # Acronyms must match in capitals ("OT", not "got"); words in any case.
        flags = 0 if phrase.isupper() else re.IGNORECASE
        if re.search(rf"\b{re.escape(phrase)}\b", text, flags):
            found.append(phrase)
    return found
