"""The lay-language thesaurus: everyday phrases mapped to directory taxonomy terms."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml
from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from directory.search.text import allowed_edits, close_enough, first_person, normalise

THESAURUS_FILE = Path(__file__).resolve().parent.parent / "thesaurus.yml"
MAX_PHRASE_WORDS = 6


@dataclass(frozen=True)
class Need:
    term: str  # taxonomy term id
    says: str  # plain words for the `why` line
    phrases: tuple[str, ...]


def load(path: Path = THESAURUS_FILE) -> list[Need]:
    """The needs in the thesaurus file, or none if it does not exist yet."""
    if not path.exists():
        return []
    document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return [
        Need(
            term=str(item["term"]),
            says=str(item.get("says") or ""),
            phrases=tuple(filter(None, (_phrase(str(p)) for p in item.get("phrases") or []))),
        )
        for item in document.get("needs") or []
        if item.get("term")
    ]


def _phrase(text: str) -> str:
    return " ".join(first_person(normalise(text).split()))


def _ngrams(tokens: list[str], size: int) -> list[tuple[str, int, int]]:
    return [(" ".join(tokens[i : i + size]), i, i + size) for i in range(len(tokens) - size + 1)]


class Matcher:
    """Finds thesaurus phrases in a query, forgiving typos but not near-miss short words."""

    def __init__(self, needs: list[Need], known_words: frozenset[str] = frozenset()) -> None:
        self.needs = {need.term: need for need in needs}
        self.phrases = [phrase for need in needs for phrase in need.phrases]
        self.terms = [need.term for need in needs for _ in need.phrases]
        self.phrase_words = np.array([len(p.split()) for p in self.phrases])
        self.most_edits = max((allowed_edits(len(p)) for p in self.phrases), default=0)
        # A correctly spelt word is not a slip for another one ("wife" is not "wifi").
        self.known_words = known_words | {w for p in self.phrases for w in p.split()}

    def match(self, tokens: list[str]) -> dict[str, tuple[float, set[int]]]:
        """term id -> (strength 0..1, positions of the query words it used)."""
        if not self.phrases or not tokens:
            return {}
        tokens = first_person(tokens)
        grams = [
            g for n in range(1, min(MAX_PHRASE_WORDS, len(tokens)) + 1) for g in _ngrams(tokens, n)
        ]
        distances = process.cdist(
            [g[0] for g in grams],
            self.phrases,
            scorer=DamerauLevenshtein.distance,
            score_cutoff=self.most_edits,
            dtype=np.int32,
            workers=1,
        )
        found: dict[str, tuple[float, set[int]]] = {}
        for row, column in zip(*np.nonzero(distances <= self.most_edits), strict=True):
            text, start, end = grams[row]
            phrase, distance = self.phrases[column], int(distances[row, column])
            if not close_enough(text, phrase, distance) or (
                distance and end - start == 1 and text in self.known_words
            ):
                continue
            # Longer phrases are stronger evidence than a single word; slips weaken it a little.
            words = int(self.phrase_words[column])
            strength = (1 - 0.1 * distance) * min(1.0, 0.75 + 0.125 * words)
            term = self.terms[column]
            best = found.get(term)
            if best is None or strength > best[0]:
                found[term] = (strength, set(range(start, end)))
        return found
