"""python -m bot.safety.calibrate: choose the classifier's thresholds on the development data.

Every training message is rated by a model that never saw it (5-fold cross-validation),
beside the lexicon. Each threshold is then the lowest that keeps its false alarms within
the budget in risk_model.yml (`calibration`), so recall is as high as the budget allows.
Prints the thresholds to copy into risk_model.yml and the figures they give (tuned on).
The blind set is not read here.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy as np
from sklearn.model_selection import StratifiedKFold

from bot.fitted import kept_fit
from bot.safety.decide import Thresholds, check_for, classifier_level, is_unsure
from bot.safety.levels import rank
from bot.safety.meaning import (
    SEED,
    Chances,
    Labelled,
    ModelSettings,
    RiskReader,
    features_of_set,
    fitting_inputs,
    training_set,
)
from bot.safety.measure import compare
from bot.safety.risk_settings import settings
from bot.safety.screen import RiskAssessment, screen
from encoder import shared_encoder

GRID = [round(step / 100, 2) for step in range(5, 100)]
FOLDS = 5
NEVER = 1.01


def out_of_fold(items: list[Labelled], model: ModelSettings) -> list[Chances]:
    """Each message's chances from a model trained on the other folds; kept on disk like a
    fitted reader (bot/fitted.py), so `make eval` reuses what calibrating computed."""
    inputs = (*fitting_inputs(items, model), Path(__file__).read_text(encoding="utf-8"))
    return kept_fit("risk-out-of-fold", inputs, lambda: _out_of_fold(items, model))


def _out_of_fold(items: list[Labelled], model: ModelSettings) -> list[Chances]:
    labels = [item.level for item in items]
    found: list[Chances | None] = [None] * len(items)
    folds = StratifiedKFold(FOLDS, shuffle=True, random_state=SEED)
    for train, test in folds.split(np.zeros(len(items)), labels):
        reader = RiskReader([items[i] for i in train], model)
        texts = [items[i].text for i in test]
        rows = features_of_set(shared_encoder(), texts)
        for index, chances in zip(test, reader.chances_of_rows(texts, rows), strict=True):
            found[index] = chances
    return [chances for chances in found if chances is not None]


def lowest(passes: Callable[[float], bool]) -> float:
    """The lowest threshold on the grid that keeps within budget (the highest if none)."""
    return next((t for t in GRID if passes(t)), GRID[-1])


def choose(
    labels: list[str],
    lexicon: list[RiskAssessment],
    chances: list[Chances],
    budget: dict[str, float],
    start: Thresholds,
    questions: dict[str, str],
) -> Thresholds:
    ordinary = [i for i, level in enumerate(labels) if level == "none"]
    below_immediate = [i for i, level in enumerate(labels) if level != "immediate"]

    def share(rows: list[int], hit: Callable[[int], bool]) -> float:
        return sum(hit(i) for i in rows) / max(1, len(rows))

    def asks(found: Chances, limits: Thresholds) -> bool:
        return is_unsure(found, limits) and check_for(found, limits, questions) is not None

    def rated(i: int, limits: Thresholds) -> int:
        return max(rank(lexicon[i].level), rank(classifier_level(chances[i], limits)))

    immediate = lowest(
        lambda t: (
            share(below_immediate, lambda i: chances[i].levels["immediate"] >= t)
            <= budget["immediate_over"]
            and share(ordinary, lambda i: chances[i].levels["immediate"] >= t)
            <= budget["ordinary_rated_immediate"]
        )
    )
    # Thresholds not chosen yet take no part while the others are chosen.
    limits = replace(start, immediate=immediate, urgent=NEVER, concern=NEVER, check=NEVER)
    urgent = lowest(
        lambda t: (
            share(ordinary, lambda i: rated(i, replace(limits, urgent=t)) >= 2)
            <= budget["ordinary_rated_urgent"]
        )
    )
    limits = replace(limits, urgent=urgent)
    concern = lowest(
        lambda t: (
            share(ordinary, lambda i: rated(i, replace(limits, concern=t)) >= 1)
            <= budget["ordinary_raised"]
        )
    )
    limits = replace(limits, concern=concern)
    check = lowest(
        lambda t: (
            share(ordinary, lambda i: asks(chances[i], replace(limits, check=t)))
            <= budget["needless_checks"]
        )
    )
    return replace(limits, check=check)


def main() -> int:
    config = settings()
    items = training_set(config)
    labels = [item.level for item in items]
    chances = out_of_fold(items, ModelSettings.from_settings(config))
    lexicon = [screen(item.text) for item in items]
    limits = choose(
        labels,
        lexicon,
        chances,
        config["calibration"],
        Thresholds.from_settings(config),
        config["check_questions"],
    )
    print(f"{len(items)} training messages, each rated by a model that never saw it\n")
    print("thresholds for risk_model.yml:")
    for name in ("immediate", "urgent", "check", "concern"):
        print(f"  {name}: {getattr(limits, name)}")
    print("\nfigures on the development data (tuned on):")
    table = compare(labels, lexicon, chances, limits, config["check_questions"])
    for metric in table["both"]:
        cells = "  ".join(f"{name} {_cell(found[metric])}" for name, found in table.items())
        print(f"  {metric:28} {cells}")
    return 0


def _cell(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}" if value <= 1 else f"{value:.0f}"


if __name__ == "__main__":
    sys.exit(main())
