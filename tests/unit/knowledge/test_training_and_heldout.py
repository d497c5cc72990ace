"""The training examples and the held-out questions cover every topic and never overlap
(issue 10, parts 3 and 5)."""

import re
from pathlib import Path

import pytest
import yaml

from bot.guides.engine import load_guides
from bot.knowledge.base import load_answers
from bot.knowledge.choose import QUESTION_PREFIX, intent_for, is_question
from bot.knowledge.evaluate import load_heldout
from bot.settings import PROJECT_ROOT

NLU_DIR = PROJECT_ROOT / "data" / "nlu"
QUESTIONS_FILE = NLU_DIR / "questions.yml"


def examples_by_intent(path: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu") or []:
        if "intent" in block:
            lines = str(block["examples"]).splitlines()
            found.setdefault(block["intent"], []).extend(
                line.strip()[2:] for line in lines if line.strip().startswith("- ")
            )
    return found


def normalised(text: str) -> str:
    """How close two messages are for the tokenizer: case and punctuation don't count."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


OURS = examples_by_intent(QUESTIONS_FILE)
HELDOUT = load_heldout()


@pytest.mark.parametrize("topic", sorted(load_answers()))
def test_each_topic_has_fifteen_to_twenty_five_ways_of_asking(topic: str):
    assert 15 <= len(OURS[intent_for(topic)]) <= 25


def test_every_question_intent_is_a_topic_in_the_knowledge_base():
    asked = {intent.removeprefix(QUESTION_PREFIX) for intent in OURS if is_question(intent)}
    assert asked == set(load_answers())


@pytest.mark.parametrize("topic", sorted(load_answers()))
def test_each_topics_own_question_is_a_training_example_so_its_button_maps_back(topic: str):
    assert load_answers()[topic].question in OURS[intent_for(topic)]


@pytest.mark.parametrize("guide", sorted(load_guides()))
def test_each_guide_can_be_started_in_fifteen_or_more_ways(guide: str):
    assert len(OURS[load_guides()[guide].intent]) >= 15


def test_no_example_is_given_for_two_intents_here_or_in_the_other_nlu_files():
    seen: dict[str, str] = {}
    for path in sorted(NLU_DIR.glob("*.yml")):
        for intent, examples in examples_by_intent(path).items():
            for example in examples:
                key = normalised(example)
                assert seen.setdefault(key, intent) == intent, f"{example!r} in two intents"


def test_the_held_out_set_has_at_least_eighty_questions_and_covers_every_topic():
    assert len(HELDOUT) >= 80
    assert {item.topic for item in HELDOUT} == set(load_answers())


def test_no_held_out_question_is_also_a_training_example():
    trained = {normalised(example) for examples in OURS.values() for example in examples}
    overlap = [item.text for item in HELDOUT if normalised(item.text) in trained]
    assert overlap == []


def test_no_held_out_question_appears_twice():
    texts = [normalised(item.text) for item in HELDOUT]
    assert len(texts) == len(set(texts))
