"""Which advice topic a message is about, by meaning and, beside it, by its words.

The shared sentence encoder turns the message, and each of its sentences, into vectors.
A small linear classifier over the same encoder's vectors of every topic's examples (see
examples.py) and answer text gives each topic a confidence. A second one over the same
texts' letters and word pieces adds what the encoder blurs: names like PIP, LPA or Blue
Badge, and the same names misspelt ("attendence", "atourny"). Two things say whether the
message is about any of our topics at all: the similarity to the nearest examples, and the
classifier's own "no topic" class, taught by questions none of our topics answers. Nothing
here knows about Rasa: the intent classifier only decides that a message is a question.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline

from bot.fitted import kept_fit
from bot.knowledge.choose import Candidate, Choice, Thresholds, decide, thresholds
from bot.knowledge.examples import answer_texts, no_topic_examples, topic_examples
from encoder import encode_set, read, shared_encoder

# Relevance is the mean similarity of a topic's 3 nearest examples, so one stray example
# cannot make an unrelated message look on-topic.
NEAREST = 3
# About 80 examples a topic in 384 dimensions: regularise a little (chosen on the dev set).
REGULARISATION = 10.0
# The words: pieces of 2 to 5 letters within words, seen in at least 2 texts, so a typo
# still shares most of its pieces with the word it meant.
WORD_PIECES = (2, 5)
WORDS_REGULARISATION = 100.0
# How much the words count beside the meaning (chosen on the dev set: 0.2 to 0.5 all
# answered more questions right than the meaning alone, on the shared examples and in
# cross-validation over the written examples too; the middle is taken).
WORDS_WEIGHT = 0.35
# A question inside a story: the best sentence counts this much beside the whole message
# (chosen on the dev set; the whole message carries its context, the sentence its point).
SENTENCE_WEIGHT = 0.3


@dataclass(frozen=True)
class Ranking:
    candidates: list[Candidate]  # every topic, best first
    relevance: float  # cosine similarity to the closest topic's nearest examples
    no_topic: float = 0.0  # the classifier's confidence that none of our topics answers it

    @property
    def off_topic(self) -> bool:
        """The classifier thinks no topic answers it more than it thinks any one does."""
        return bool(self.candidates) and self.no_topic > self.candidates[0].confidence


class Matcher:
    """Topic vectors and the classifier, built once from the examples and answers."""

    def __init__(
        self,
        examples: dict[str, list[str]],
        answers: dict[str, str],
        no_topic: Sequence[str] = (),
    ) -> None:
        self.topics = sorted(examples)
        texts = [text for topic in self.topics for text in examples[topic]]
        self._labels = np.array(
            [index for index, topic in enumerate(self.topics) for _ in examples[topic]]
        )
        encoder = shared_encoder()
        self._examples = encode_set(encoder, texts)
        vectors = [self._examples, encode_set(encoder, [answers[t] for t in self.topics])]
        labels = [self._labels, np.arange(len(self.topics))]
        if no_topic:  # one more class after the topics: none of them answers it
            vectors.append(encode_set(encoder, list(no_topic)))
            labels.append(np.full(len(no_topic), len(self.topics)))
        self._classifier = LogisticRegression(C=REGULARISATION, max_iter=5000).fit(
            np.vstack(vectors), np.concatenate(labels)
        )
        taught = [*texts, *(answers[topic] for topic in self.topics), *no_topic]
        self._words = words_classifier().fit(taught, np.concatenate(labels))

    def rank(self, text: str) -> Ranking:
        reading = read(shared_encoder(), text)
        story = len(reading.sentences) > 1
        rows = np.vstack([reading.whole, reading.each]) if story else reading.whole[None, :]
        said = [text, *reading.sentences] if story else [text]
        by_meaning = self._classifier.predict_proba(rows)
        by_words = self._words.predict_proba(said)
        probabilities = (1 - WORDS_WEIGHT) * by_meaning + WORDS_WEIGHT * by_words
        confidence = probabilities[0]
        if story:
            sentences = probabilities[1:]
            best = sentences[int(np.argmax(sentences.max(axis=1)))]
            confidence = (1 - SENTENCE_WEIGHT) * confidence + SENTENCE_WEIGHT * best
        topics = confidence[: len(self.topics)]
        order = np.argsort(-topics)
        return Ranking(
            [Candidate(self.topics[i], float(topics[i])) for i in order],
            self._relevance(rows),
            float(confidence[len(self.topics)]) if len(confidence) > len(self.topics) else 0.0,
        )

    def _relevance(self, rows: np.ndarray) -> float:
        similarities = rows @ self._examples.T  # (rows, examples)
        best = 0.0
        for index in range(len(self.topics)):
            mine = np.sort(similarities[:, self._labels == index], axis=1)[:, -NEAREST:]
            best = max(best, float(mine.mean(axis=1).max()))
        return best


def words_classifier() -> Pipeline:
    """A classifier over the letters and word pieces of a text, untrained. Fitting it on
    all the examples takes about 6 s of a core, once, as the matcher is built."""
    return make_pipeline(
        TfidfVectorizer(analyzer="char_wb", ngram_range=WORD_PIECES, sublinear_tf=True, min_df=2),
        LogisticRegression(C=WORDS_REGULARISATION, max_iter=5000),
    )


_building = threading.Lock()


def matcher() -> Matcher:
    """The process's matcher, built once (encoding the examples takes seconds, so the
    action server starts building it as it starts: see warm_up)."""
    with _building:  # one build, even if a question arrives while warm_up is at it
        return _built()


@cache
def _built() -> Matcher:
    """Fitted once for these examples, answers and this code, and kept on disk: the words
    classifier alone takes seconds to fit, at every action server's start otherwise."""
    examples, answers, no_topic = topic_examples(), answer_texts(), no_topic_examples()
    inputs = (
        json.dumps([examples, answers, no_topic], sort_keys=True),
        Path(__file__).read_text(encoding="utf-8"),
        shared_encoder().weights_sha256,
    )
    return kept_fit("advice-matcher", inputs, lambda: Matcher(examples, answers, no_topic))


def warm_up() -> None:
    """Build the matcher now, so the first person to ask a question does not wait."""
    matcher()


def choose_by_meaning(text: str, limits: Thresholds | None = None) -> Choice:
    """Answer, offer two topics, or say honestly that none of ours fits."""
    limits = limits or thresholds("meaning")
    ranking = matcher().rank(text)
    if ranking.relevance < limits.relevant_at_least or ranking.off_topic:
        return Choice("not_sure")
    return decide(ranking.candidates, limits)
