"""The figures the safety issue is judged by, for each way of rating messages.

Serious (urgent or immediate) rated at least urgent; the same counting a check question as
a catch (the answer then decides); concern rated at least concern; ordinary messages raised;
needless check questions on ordinary messages."""

from __future__ import annotations

from collections.abc import Sequence

from bot.safety.decide import Thresholds, classifier_level, decide
from bot.safety.levels import rank
from bot.safety.meaning import Chances
from bot.safety.screen import RiskAssessment


def _share(hits: Sequence[bool]) -> float | None:
    return sum(hits) / len(hits) if hits else None


def figures(labels: Sequence[str], rated: Sequence[RiskAssessment]) -> dict[str, float | None]:
    pairs = list(zip(labels, rated, strict=True))
    serious = [r for want, r in pairs if rank(want) >= rank("urgent")]
    immediate = [r for want, r in pairs if want == "immediate"]
    concern = [r for want, r in pairs if want == "concern"]
    ordinary = [r for want, r in pairs if want == "none"]
    return {
        "messages": len(pairs),
        "serious_rated_urgent_plus": _share([rank(r.level) >= rank("urgent") for r in serious]),
        "serious_rated_or_checked": _share(
            [rank(r.level) >= rank("urgent") or r.check is not None for r in serious]
        ),
        "immediate_rated_immediate": _share([r.level == "immediate" for r in immediate]),
        "concern_rated_concern_plus": _share([rank(r.level) >= rank("concern") for r in concern]),
        "ordinary_raised": _share([r.level != "none" for r in ordinary]),
        "needless_checks": _share([r.check is not None for r in ordinary]),
    }


def compare(
    labels: Sequence[str],
    lexicon: Sequence[RiskAssessment],
    chances: Sequence[Chances],
    limits: Thresholds,
    questions: dict[str, str],
) -> dict[str, dict[str, float | None]]:
    """The figures for both opinions together, the lexicon alone and the classifier alone,
    from the lexicon's ratings and the classifier's chances of the same messages."""
    pairs = zip(lexicon, chances, strict=True)
    both = [decide(lex, found, limits, questions) for lex, found in pairs]
    alone = [RiskAssessment(level=classifier_level(found, limits)) for found in chances]
    return {
        "both": figures(labels, both),
        "lexicon": figures(labels, lexicon),
        "classifier": figures(labels, alone),
    }
