"""The second opinion on risk: how likely a message is to be each level, by its meaning.

The lexicon finds the phrases safeguarding staff wrote down; it cannot know that "i just
want it all to stop" or "mum's been on the kitchen floor since this morning" is serious.
This reads the message whole and a sentence at a time with the shared sentence encoder and
a classifier trained on labelled messages written the way people write (risk_model.yml
lists them). It gives chances, not a decision: bot/safety/decide.py turns them and the
lexicon's rating into one level. No Rasa imports.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.preprocessing import MultiLabelBinarizer
from sklearn.svm import SVC

from bot.fitted import kept_fit
from bot.safety.levels import LEVELS
from bot.safety.risk_settings import settings
from encoder import Reading, encode_set, read, sentences, shared_encoder
from encoder.encoder import SentenceEncoder

HERE = Path(__file__).parent
SEED = 2026


@dataclass(frozen=True)
class Labelled:
    text: str
    level: str
    categories: tuple[str, ...]


@dataclass(frozen=True)
class Chances:
    """How likely the message is to be at each level, and each category's chance."""

    levels: dict[str, float]
    categories: dict[str, float]

    @property
    def serious(self) -> float:
        return self.levels["urgent"] + self.levels["immediate"]

    @property
    def any_worry(self) -> float:
        return 1.0 - self.levels["none"]


def load_labelled(path: Path, names: dict[str, str]) -> list[Labelled]:
    """One labelled file: JSON Lines (the sets written the way people write) or the
    lexicon's YAML sets. Category words are put into the lexicon's names."""
    if path.suffix == ".jsonl":
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    else:
        rows = yaml.safe_load(path.read_text(encoding="utf-8"))["messages"]
    return [
        Labelled(
            row["text"],
            row["level"],
            tuple(sorted({names.get(c, c) for c in row.get("categories") or []})),
        )
        for row in rows
        if row.get("text")
    ]


def training_set(config: dict[str, Any] | None = None) -> list[Labelled]:
    config = config or settings()
    names = config.get("category_names") or {}
    return [
        item
        for relative in config["training"]
        if (HERE / relative).exists()  # a drafted set may not be there yet
        for item in load_labelled(HERE / relative, names)
    ]


def features(whole: np.ndarray, each: list[np.ndarray]) -> np.ndarray:
    """The message whole beside the most striking of its sentences (the largest value of
    each dimension over the sentences), so a risk said in one line of a long story still
    shows. Rows: messages."""
    pooled = np.vstack([sentence_vectors.max(axis=0) for sentence_vectors in each])
    return np.hstack([whole, pooled])


def features_of_set(encoder: SentenceEncoder, texts: list[str]) -> np.ndarray:
    """Features of our own labelled texts, with their vectors kept on disk."""
    split = [sentences(text) or [text] for text in texts]
    flat = encode_set(encoder, [part for parts in split for part in parts])
    bounds = np.cumsum([0] + [len(parts) for parts in split])
    each = [flat[bounds[i] : bounds[i + 1]] for i in range(len(texts))]
    return features(encode_set(encoder, texts), each)


def features_of_reading(reading: Reading) -> np.ndarray:
    return features(reading.whole[None, :], [reading.each])


class RiskReader:
    """The fitted classifiers: one for the level, one per category."""

    def __init__(self, items: list[Labelled], C: float) -> None:
        x = features_of_set(shared_encoder(), [item.text for item in items])
        self.levels = SVC(C=C, probability=True, class_weight="balanced", random_state=SEED)
        self.levels.fit(x, [item.level for item in items])
        worried = [i for i, item in enumerate(items) if item.categories]
        self._labels = MultiLabelBinarizer().fit([items[i].categories for i in worried])
        self.categories = OneVsRestClassifier(LogisticRegression(C=C, max_iter=3000))
        self.categories.fit(
            x[worried], self._labels.transform([items[i].categories for i in worried])
        )

    def chances_of_rows(self, rows: np.ndarray) -> list[Chances]:
        levels = self.levels.predict_proba(rows)
        order = list(self.levels.classes_)
        categories = self.categories.predict_proba(rows)
        return [
            Chances(
                {level: float(levels[r, order.index(level)]) for level in LEVELS},
                {
                    str(name): float(categories[r, c])
                    for c, name in enumerate(self._labels.classes_)
                },
            )
            for r in range(len(rows))
        ]

    def chances(self, text: str) -> Chances:
        return self.chances_of_rows(features_of_reading(read(shared_encoder(), text)))[0]


def fitting_inputs(items: list[Labelled], C: float) -> tuple[str, ...]:
    """What a reader fitted on `items` depends on: the labelled messages, its setting, this
    code and the encoder's weights (bot/fitted.py adds scikit-learn's version)."""
    return (
        json.dumps([item.__dict__ for item in items], sort_keys=True),
        repr(C),
        Path(__file__).read_text(encoding="utf-8"),
        shared_encoder().weights_sha256,
    )


def fitted_reader(config: dict[str, Any] | None = None) -> RiskReader:
    """The reader for these settings, fitted once and kept on disk (fitting takes seconds,
    and every Rasa server would otherwise do it as it starts). A change to the labelled
    messages, the model settings, this code or the encoder's weights fits it again."""
    config = config or settings()
    items, C = training_set(config), float(config["model"]["C"])
    return kept_fit("risk-reader", fitting_inputs(items, C), lambda: RiskReader(items, C))


_loading = threading.Lock()


def default_reader() -> RiskReader:
    with _loading:
        return _default_reader()


@cache
def _default_reader() -> RiskReader:
    return fitted_reader()
