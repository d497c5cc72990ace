"""Load `risk_lexicon.yml` once and compile it into lookup tables for the screen.

Phrases use a small pattern language (see the file's header): (a|b) choices, [x] optional
words, @group references. Every pattern is expanded into all its token sequences up front,
so screening a message is dictionary lookups, not regexes or pairwise fuzzy matching.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.safety.levels import LEVELS
from bot.safety.normalise import normalise_phrase

LEXICON_PATH = Path(__file__).with_name("risk_lexicon.yml")
_PATTERN_TOKEN = re.compile(r"\(|\)|\[|\]|\||@\w+|[^\s()\[\]|@]+")
# A typo in one pattern should not be able to expand into millions of phrases.
_MAX_EXPANSIONS = 20000


@dataclass(frozen=True)
class PhraseRef:
    """Where an expanded phrase came from: reported back as the reason, never user text."""

    category: str
    level: str
    pattern: str


@dataclass(frozen=True)
class GappedPhrase:
    """A phrase written with "..." between parts: each part may be a few words apart."""

    parts: tuple[frozenset[tuple[str, ...]], ...]
    ref: PhraseRef


@dataclass
class Lexicon:
    phrases: dict[tuple[str, ...], list[PhraseRef]] = field(default_factory=dict)
    phrase_lengths: list[int] = field(default_factory=list)
    gapped: list[GappedPhrase] = field(default_factory=list)
    # Every part of every gapped phrase -> [(index into `gapped`, part number)].
    gap_parts: dict[tuple[str, ...], list[tuple[int, int]]] = field(default_factory=dict)
    gap_part_lengths: list[int] = field(default_factory=list)
    gap_words: int = 3
    figures: set[tuple[str, ...]] = field(default_factory=set)
    figure_lengths: list[int] = field(default_factory=list)
    escalators: set[tuple[str, ...]] = field(default_factory=set)
    escalator_lengths: list[int] = field(default_factory=list)
    escalator_categories: frozenset[str] = frozenset()
    vocabulary: frozenset[str] = frozenset()
    # Words long enough for typo correction, bucketed by first letter.
    fuzzy_vocabulary: dict[str, list[str]] = field(default_factory=dict)
    # The same without words that fire on their own ("hoarder"): a 5-6 letter word is
    # more often another real word ("harder") than a typo, so it needs context to count.
    fuzzy_vocabulary_short: dict[str, list[str]] = field(default_factory=dict)
    short_word_letters: int = 6
    never_correct: frozenset[str] = frozenset()
    negators: frozenset[str] = frozenset()
    categories: frozenset[str] = frozenset()
    fuzzy_cutoff: float = 85.0
    transposition_cutoff: float = 0.83
    exact_max_letters: int = 4
    negation_window: int = 3
    nlu_intent: str = "disclose_risk"
    nlu_threshold: float = 0.8


class _Expander:
    """Recursive-descent expansion of one pattern into word sequences."""

    def __init__(self, pattern: str, groups: dict[str, list[str]]) -> None:
        self.tokens = _PATTERN_TOKEN.findall(pattern)
        self.pos = 0
        self.groups = groups
        self.pattern = pattern

    def expand(self) -> list[str]:
        result = self._sequence()
        if self.pos != len(self.tokens):
            raise ValueError(f"unbalanced brackets in lexicon pattern: {self.pattern!r}")
        return [" ".join(words) for words in result]

    def _sequence(self) -> list[list[str]]:
        options: list[list[str]] = [[]]
        while self.pos < len(self.tokens) and self.tokens[self.pos] not in (")", "]", "|"):
            item = self._item()
            options = [left + right for left in options for right in item]
            if len(options) > _MAX_EXPANSIONS:
                raise ValueError(f"lexicon pattern expands too far: {self.pattern!r}")
        return options

    def _item(self) -> list[list[str]]:
        tok = self.tokens[self.pos]
        self.pos += 1
        if tok in ("(", "["):
            closer = ")" if tok == "(" else "]"
            alternatives = self._sequence()
            while self.pos < len(self.tokens) and self.tokens[self.pos] == "|":
                self.pos += 1
                alternatives += self._sequence()
            if self.pos >= len(self.tokens) or self.tokens[self.pos] != closer:
                raise ValueError(f"unbalanced brackets in lexicon pattern: {self.pattern!r}")
            self.pos += 1
            return [*alternatives, []] if closer == "]" else alternatives
        if tok.startswith("@"):
            name = tok[1:]
            if name not in self.groups:
                raise ValueError(f"unknown group @{name} in lexicon pattern: {self.pattern!r}")
            return [item.split() for item in self.groups[name]]
        return [[tok]]


def expand_pattern(pattern: str, groups: dict[str, list[str]] | None = None) -> set[tuple]:
    """All normalised token sequences a pattern stands for (empty ones dropped)."""
    expanded = _Expander(str(pattern), groups or {}).expand()
    return {seq for seq in (normalise_phrase(text) for text in expanded) if seq}


def compile_lexicon(raw: dict[str, Any]) -> Lexicon:
    """Build lookup tables from the parsed YAML; raises ValueError on a malformed file."""
    settings = raw.get("settings") or {}
    groups = {name: [str(item) for item in items] for name, items in raw["groups"].items()}
    lex = Lexicon(
        fuzzy_cutoff=float(settings.get("fuzzy_cutoff", 85)),
        transposition_cutoff=float(settings.get("transposition_cutoff", 0.83)),
        exact_max_letters=int(settings.get("exact_max_letters", 4)),
        negation_window=int(settings.get("negation_window", 3)),
        gap_words=int(settings.get("gap_words", 3)),
        nlu_intent=str(settings.get("nlu_intent", "disclose_risk")),
        nlu_threshold=float(settings.get("nlu_threshold", 0.8)),
        negators=frozenset(str(word) for word in raw.get("negators", [])),
        never_correct=frozenset(str(word) for word in raw.get("never_correct", [])),
    )
    categories = set()
    for entry in raw["entries"]:
        category, level = str(entry["category"]), str(entry["level"])
        if level not in LEVELS[1:]:
            raise ValueError(f"bad level {level!r} for category {category!r}")
        if not entry.get("phrases"):
            raise ValueError(f"category {category!r} has an entry with no phrases")
        categories.add(category)
        for pattern in entry["phrases"]:
            ref = PhraseRef(category, level, str(pattern))
            if "..." in str(pattern):
                _add_gapped(lex, ref, groups)
                continue
            for seq in expand_pattern(pattern, groups):
                lex.phrases.setdefault(seq, []).append(ref)
    for pattern in raw.get("figures_of_speech", []):
        lex.figures |= expand_pattern(pattern, groups)
    escalators = raw.get("escalators") or {}
    for pattern in escalators.get("phrases", []):
        lex.escalators |= expand_pattern(pattern, groups)
    lex.escalator_categories = frozenset(escalators.get("categories", []))
    lex.categories = frozenset(categories)
    lex.phrase_lengths = sorted({len(seq) for seq in lex.phrases})
    lex.gap_part_lengths = sorted({len(seq) for seq in lex.gap_parts})
    lex.figure_lengths = sorted({len(seq) for seq in lex.figures})
    lex.escalator_lengths = sorted({len(seq) for seq in lex.escalators})
    tables = (lex.phrases, lex.gap_parts, lex.figures, lex.escalators)
    words = {w for table in tables for seq in table for w in seq}
    lex.vocabulary = frozenset(words)
    in_context = {w for table in tables for seq in table if len(seq) > 1 for w in seq}
    for word in sorted(words):
        if len(word) > lex.exact_max_letters:
            lex.fuzzy_vocabulary.setdefault(word[0], []).append(word)
            if word in in_context:
                lex.fuzzy_vocabulary_short.setdefault(word[0], []).append(word)
    return lex


def _add_gapped(lex: Lexicon, ref: PhraseRef, groups: dict[str, list[str]]) -> None:
    parts = tuple(frozenset(expand_pattern(part, groups)) for part in ref.pattern.split("..."))
    if len(parts) < 2 or not all(parts):
        raise ValueError(f"empty part around '...' in lexicon pattern: {ref.pattern!r}")
    index = len(lex.gapped)
    lex.gapped.append(GappedPhrase(parts, ref))
    for number, part in enumerate(parts):
        for seq in part:
            lex.gap_parts.setdefault(seq, []).append((index, number))


def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    with path.open(encoding="utf-8") as handle:
        return compile_lexicon(yaml.safe_load(handle))


@functools.lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The shipped lexicon, loaded once per process."""
    return load_lexicon()
