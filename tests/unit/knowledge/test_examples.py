"""The written examples that teach the meaning matcher: topics, and questions no topic answers."""

import json
import re
from pathlib import Path

from bot.evaluation.frozen import load_jsonl
from bot.knowledge.base import load_answers
from bot.knowledge.evaluate.sets import DEV_PATH
from bot.knowledge.examples import TOPIC_EXAMPLES_PATH, no_topic_examples, written_examples


def normalised(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def test_examples_no_topic_answers_are_kept_apart_from_the_topics(tmp_path: Path):
    path = tmp_path / "topic_examples.jsonl"
    rows = [
        {"topic": "pip", "text": "what is pip"},
        {"topic": None, "text": "when are the bins emptied"},
        {"topic": None, "text": "when are the bins emptied"},
        {"topic": "pip", "text": "pip for my son"},
    ]
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n\n", encoding="utf-8")
    assert written_examples(path) == {"pip": ["what is pip", "pip for my son"]}
    assert no_topic_examples(path) == ["when are the bins emptied"]


def test_every_written_example_is_for_a_topic_we_answer_or_for_none():
    rows = load_jsonl(TOPIC_EXAMPLES_PATH)
    assert {row["topic"] for row in rows} - {None} == set(load_answers())
    assert len(no_topic_examples()) >= 30


def test_each_topic_has_at_least_twenty_written_examples_and_none_is_written_twice():
    assert all(len(texts) >= 20 for texts in written_examples().values())
    texts = [normalised(row["text"]) for row in load_jsonl(TOPIC_EXAMPLES_PATH)]
    assert len(texts) == len(set(texts))


def test_no_written_example_is_a_dev_question():
    dev = {normalised(row["question"]) for row in load_jsonl(DEV_PATH)}
    taught = {normalised(row["text"]) for row in load_jsonl(TOPIC_EXAMPLES_PATH)}
    assert dev & taught == set()
