"""The second opinion on risk: how likely a message is to be each level, by its meaning.

The lexicon finds the phrases safeguarding staff wrote down; it cannot know that "i just
want it all to stop" or "mum's been on the kitchen floor since this morning" is serious.
This reads the message whole and a sentence at a time with the shared sentence encoder and
a classifier trained on labelled messages written the way people write (risk_model.yml
lists them). Beside it a second, smaller model reads the same message's letters and words
(character and word n-grams): it knows "tabs", "od" and "cant go on" however they are
misspelt, where the encoder knows what a sentence means. They err on different messages,
so their chances are averaged (held out, this lifted serious messages rated urgent from
0.86 to 0.95 at the same false alarms). It gives chances, not a decision:
bot/safety/decide.py turns them and the lexicon's rating into one level. No Rasa imports.
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
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import Pipeline, make_pipeline, make_union
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
    # How many words the message has: a few words say too little to act on alone
    # (bot/safety/decide.py).
    words: int

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


@dataclass(frozen=True)
class ModelSettings:
    """risk_model.yml's `model`: how closely each model follows its training messages, and
    how much the words model counts in the average (0: the encoder alone)."""

    C: float
    words_C: float
    words_weight: float

    @classmethod
    def from_settings(cls, config: dict[str, Any]) -> ModelSettings:
        model = config["model"]
        return cls(float(model["C"]), float(model["words_C"]), float(model["words_weight"]))


def words_model(C: float) -> Pipeline:
    """Letters within words (2 to 5 at a time, so "tabelts" still shares most of "tablets")
    and words and word pairs, each weighed by how rare it is."""
    grams = make_union(
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True),
        TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
    )
    return make_pipeline(grams, LogisticRegression(C=C, max_iter=3000, class_weight="balanced"))


class RiskReader:
    """The fitted classifiers: two for the level (by meaning and by words), one per
    category."""

    def __init__(self, items: list[Labelled], model: ModelSettings) -> None:
        texts, levels = [item.text for item in items], [item.level for item in items]
        x = features_of_set(shared_encoder(), texts)
        self.levels = SVC(C=model.C, probability=True, class_weight="balanced", random_state=SEED)
        self.levels.fit(x, levels)
        self.words = words_model(model.words_C).fit(texts, levels)
        self.words_weight = model.words_weight
        worried = [i for i, item in enumerate(items) if item.categories]
        self._labels = MultiLabelBinarizer().fit([items[i].categories for i in worried])
        self.categories = OneVsRestClassifier(LogisticRegression(C=model.C, max_iter=3000))
        self.categories.fit(
            x[worried], self._labels.transform([items[i].categories for i in worried])
        )

    def _level_chances(self, texts: list[str], rows: np.ndarray) -> np.ndarray:
        """Each message's chance of each level in LEVELS' order: the two models averaged."""
        by_meaning = self.levels.predict_proba(rows)
        by_words = self.words.predict_proba(texts)
        meaning_order, words_order = list(self.levels.classes_), list(self.words.classes_)
        return np.column_stack(
            [
                (1 - self.words_weight) * by_meaning[:, meaning_order.index(level)]
                + self.words_weight * by_words[:, words_order.index(level)]
                for level in LEVELS
            ]
        )

    def chances_of_rows(self, texts: list[str], rows: np.ndarray) -> list[Chances]:
        """Chances for `texts`, whose encoder features are `rows`."""
        levels = self._level_chances(texts, rows)
        categories = self.categories.predict_proba(rows)
        return [
            Chances(
                {level: float(levels[r, c]) for c, level in enumerate(LEVELS)},
                {
                    str(name): float(categories[r, c])
                    for c, name in enumerate(self._labels.classes_)
                },
                len(texts[r].split()),
            )
            for r in range(len(rows))
        ]

    def chances(self, text: str) -> Chances:
        return self.chances_of_rows([text], features_of_reading(read(shared_encoder(), text)))[0]


def fitting_inputs(items: list[Labelled], model: ModelSettings) -> tuple[str, ...]:
    """What a reader fitted on `items` depends on: the labelled messages, its setting, this
    code and the encoder's weights (bot/fitted.py adds scikit-learn's version)."""
    return (
        json.dumps([item.__dict__ for item in items], sort_keys=True),
        repr(model),
        Path(__file__).read_text(encoding="utf-8"),
        shared_encoder().weights_sha256,
    )


def fitted_reader(config: dict[str, Any] | None = None) -> RiskReader:
    """The reader for these settings, fitted once and kept on disk (fitting takes seconds,
    and every Rasa server would otherwise do it as it starts). A change to the labelled
    messages, the model settings, this code or the encoder's weights fits it again."""
    config = config or settings()
    items, model = training_set(config), ModelSettings.from_settings(config)
    return kept_fit("risk-reader", fitting_inputs(items, model), lambda: RiskReader(items, model))


_loading = threading.Lock()


def default_reader() -> RiskReader:
    with _loading:
        return _default_reader()


@cache
def _default_reader() -> RiskReader:
    return fitted_reader()
