"""The texts each advice topic is recognised by, gathered from where people already write
them: the `question_<topic>` NLU examples, the topic examples written for the matcher, and
each answer's own question and link title. Adding an example anywhere there teaches both
the intent classifier and the meaning matcher.

A written example whose topic is null is a question none of our topics answers (bins,
council housing, a GP appointment): it teaches the matcher what to say "not sure" to."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from bot.knowledge.base import Answer, load_answers
from bot.knowledge.choose import QUESTION_PREFIX
from bot.settings import PROJECT_ROOT

NLU_DIR = PROJECT_ROOT / "data" / "nlu"
TOPIC_EXAMPLES_PATH = Path(__file__).with_name("evaluation") / "topic_examples.jsonl"


def nlu_examples(directory: Path = NLU_DIR) -> dict[str, list[str]]:
    """Every `question_<topic>` example in the NLU files, by topic."""
    found: dict[str, list[str]] = {}
    for path in sorted(directory.glob("*.yml")):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu") or []:
            intent = str(block.get("intent") or "")
            if intent.startswith(QUESTION_PREFIX):
                lines = (line.strip() for line in str(block["examples"]).splitlines())
                found.setdefault(intent.removeprefix(QUESTION_PREFIX), []).extend(
                    line[2:] for line in lines if line.startswith("- ")
                )
    return found


def _written_rows(path: Path) -> list[tuple[str | None, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = (json.loads(line) for line in lines if line.strip())
    return [(str(row["topic"]) if row.get("topic") else None, str(row["text"])) for row in rows]


def written_examples(path: Path = TOPIC_EXAMPLES_PATH) -> dict[str, list[str]]:
    """The written examples of each topic (not those no topic answers)."""
    found: dict[str, list[str]] = {}
    for topic, text in _written_rows(path):
        if topic:
            found.setdefault(topic, []).append(text)
    return found


def no_topic_examples(path: Path = TOPIC_EXAMPLES_PATH) -> list[str]:
    """The written questions that none of our topics answers, without repeats."""
    return list(dict.fromkeys(text for topic, text in _written_rows(path) if not topic))


def topic_examples(answers: dict[str, Answer] | None = None) -> dict[str, list[str]]:
    """Each answered topic's example questions, without repeats. A topic with examples but
    no answer (an answer file taken away) is left out: it could not be answered."""
    answers = load_answers() if answers is None else answers
    nlu, written = nlu_examples(), written_examples()
    return {
        topic: list(
            dict.fromkeys(
                [*nlu.get(topic, []), *written.get(topic, []), answer.question, answer.link.title]
            )
        )
        for topic, answer in answers.items()
    }


def answer_texts(answers: dict[str, Answer] | None = None) -> dict[str, str]:
    """What each answer says, so a question worded like the answer finds it too."""
    answers = load_answers() if answers is None else answers
    return {topic: f"{answer.answer} {answer.next_step}" for topic, answer in answers.items()}
