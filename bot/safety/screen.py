"""The risk screen: rate one message `none`, `concern`, `urgent` or `immediate`.

Pipeline: normalise -> correct typos word by word against the lexicon's vocabulary ->
cut out figures of speech -> look up every word n-gram in the expanded lexicon ->
soften negated matches ("I'd never hurt myself") to `concern` -> raise urgent matches to
immediate when the message says "now" or "life at risk" -> take the highest level.
Pure Python, no Rasa imports, so it is unit-testable and reusable outside the bot.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from bot.safety.levels import max_level, rank
from bot.safety.lexicon import Lexicon, PhraseRef, default_lexicon
from bot.safety.normalise import sentences

NLU_REASON = "the language model recognised a worry"
# The `pattern` of a reason the classifier on the sentence encoder gave (bot/safety/decide.py).
CLASSIFIER_PATTERN = "classifier"
NLU_CATEGORY = "unspecified"
# Words allowed between a negator and the phrase it negates: "not going to", "never want to".
_NEGATION_GAP = frozenset(
    (
        "going",
        "to",
        "want",
        "wanting",
        "would",
        "will",
        "ever",
        "really",
        "be",
        "gonna",
        "i",
        "am",
        "try",
        "trying",
        "planning",
        "plan",
        "thinking",
        "of",
        "about",
        "feel",
        "feeling",
        "like",
        "been",
        "have",
        "has",
        "do",
        "does",
        "did",
    )
)


class NluSignal(NamedTuple):
    """The intent classifier's top guess for the same message."""

    intent: str | None
    confidence: float


@dataclass
class RiskAssessment:
    level: str = "none"
    categories: list[str] = field(default_factory=list)
    # Each {"category", "level", "phrase", "pattern"}: `phrase` is the lexicon phrase that
    # matched, in the lexicon's canonical words (typos corrected, so never the raw text);
    # `pattern` is the line of risk_lexicon.yml it came from.
    reasons: list[dict[str, str]] = field(default_factory=list)
    # Unsure about serious harm: which check question to ask ("suicide" or "harm"), or None.
    check: str | None = None

    def as_dict(self) -> dict:
        return {
            "level": self.level,
            "categories": self.categories,
            "reasons": self.reasons,
            "check": self.check,
        }


@dataclass
class _Match:
    start: int
    end: int
    ref: PhraseRef
    phrase: str
    negated: bool = False


def _correct(tokens: list[str], lex: Lexicon) -> list[str]:
    """Replace likely typos of lexicon words ("suicidle" -> "suicidal")."""
    out = []
    for tok in tokens:
        if (
            len(tok) > lex.exact_max_letters
            and tok not in lex.vocabulary
            and tok not in lex.never_correct
        ):
            # Same first letter: people rarely mistype it, and it stops "sitting" -> "hitting".
            vocabulary = (
                lex.fuzzy_vocabulary_short
                if len(tok) <= lex.short_word_letters
                else lex.fuzzy_vocabulary
            )
            candidates = vocabulary.get(tok[0], ())
            best = process.extractOne(
                tok, candidates, scorer=fuzz.ratio, score_cutoff=lex.fuzzy_cutoff
            ) or process.extractOne(
                # Swapped letters ("myslef") cost two edits in fuzz.ratio but one here.
                tok,
                candidates,
                scorer=DamerauLevenshtein.normalized_similarity,
                score_cutoff=lex.transposition_cutoff,
            )
            if best is not None:
                tok = best[0]
        out.append(tok)
    return out


def _find(tokens: list[str], table: set | dict, lengths: list[int]) -> list[tuple[int, int]]:
    """Spans (start, end) of every n-gram of `tokens` that is a key of `table`."""
    spans = []
    for n in lengths:
        for i in range(len(tokens) - n + 1):
            if tuple(tokens[i : i + n]) in table:
                spans.append((i, i + n))
    return spans


def _without_figures(tokens: list[str], lex: Lexicon) -> list[list[str]]:
    """Split a sentence around figures of speech so no phrase can match across them."""
    removed = [False] * len(tokens)
    for start, end in _find(tokens, lex.figures, lex.figure_lengths):
        removed[start:end] = [True] * (end - start)
    segments: list[list[str]] = [[]]
    for tok, gone in zip(tokens, removed, strict=True):
        if gone:
            segments.append([])
        else:
            segments[-1].append(tok)
    return [seg for seg in segments if seg]


def _is_negated(tokens: list[str], start: int, lex: Lexicon) -> bool:
    for back in range(1, lex.negation_window + 1):
        i = start - back
        if i < 0:
            return False
        if tokens[i] in lex.negators:
            return True
        if tokens[i] not in _NEGATION_GAP:
            return False
    return False


def _gapped_spans(segment: list[str], lex: Lexicon) -> list[tuple[int, int, PhraseRef, str]]:
    """Spans where every part of a gapped phrase occurs in order, each close to the last."""
    seen: dict[int, dict[int, list[tuple[int, int]]]] = {}
    for start, end in _find(segment, lex.gap_parts, lex.gap_part_lengths):
        for index, number in lex.gap_parts[tuple(segment[start:end])]:
            seen.setdefault(index, {}).setdefault(number, []).append((start, end))
    spans = []
    for index, parts_seen in seen.items():
        phrase = lex.gapped[index]
        if len(parts_seen) < len(phrase.parts):
            continue
        for first in parts_seen[0]:
            chain = [first]
            for number in range(1, len(phrase.parts)):
                end = chain[-1][1]
                limit = end + lex.gap_words
                after = [span for span in parts_seen[number] if end <= span[0] <= limit]
                if not after:
                    break
                chain.append(min(after))
            if len(chain) == len(phrase.parts):
                words = " ... ".join(" ".join(segment[a:b]) for a, b in chain)
                spans.append((first[0], chain[-1][1], phrase.ref, words))
                break
    return spans


def _matches(segment: list[str], lex: Lexicon) -> list[_Match]:
    found = [
        _Match(start, end, ref, " ".join(segment[start:end]), _is_negated(segment, start, lex))
        for start, end in _find(segment, lex.phrases, lex.phrase_lengths)
        for ref in lex.phrases[tuple(segment[start:end])]
    ]
    found += [
        _Match(start, end, ref, words, _is_negated(segment, start, lex))
        for start, end, ref, words in _gapped_spans(segment, lex)
    ]
    # "never thought about suicide": the inner "suicide" is negated with its container.
    for outer in found:
        if outer.negated:
            for inner in found:
                if outer.start <= inner.start and inner.end <= outer.end:
                    inner.negated = True
    return found


def screen(
    text: str, nlu_signal: NluSignal | None = None, lexicon: Lexicon | None = None
) -> RiskAssessment:
    """Rate one message. Pure and fast: safe to call on every user turn."""
    lex = lexicon or default_lexicon()
    segments = [
        seg for sent in sentences(text or "") for seg in _without_figures(_correct(sent, lex), lex)
    ]
    matches = [m for seg in segments for m in _matches(seg, lex)]
    escalated = any(_find(seg, lex.escalators, lex.escalator_lengths) for seg in segments)

    reasons: dict[tuple[str, str, str], dict[str, str]] = {}
    level = "none"
    for m in matches:
        this_level = m.ref.level
        if m.negated:
            this_level = "concern"
        elif escalated and this_level == "urgent" and m.ref.category in lex.escalator_categories:
            this_level = "immediate"
        level = max_level(level, this_level)
        reasons[(m.ref.category, this_level, m.phrase)] = {
            "category": m.ref.category,
            "level": this_level,
            "phrase": m.phrase,
            "pattern": m.ref.pattern,
        }

    if (
        not reasons
        and nlu_signal is not None
        and nlu_signal.intent == lex.nlu_intent
        and nlu_signal.confidence >= lex.nlu_threshold
    ):
        level = "concern"
        reasons[(NLU_CATEGORY, level, NLU_REASON)] = {
            "category": NLU_CATEGORY,
            "level": level,
            "phrase": NLU_REASON,
            "pattern": "",
        }

    ordered = sorted(reasons.values(), key=lambda r: (-rank(r["level"]), r["category"]))
    return RiskAssessment(
        level=level,
        categories=sorted({r["category"] for r in ordered}),
        reasons=ordered,
    )
