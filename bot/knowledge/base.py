"""The knowledge base: one reviewable YAML file per topic in answers/, loaded and checked.

Content is edited only in those files: the action reads them at run time and the Rasa
domain copy (bot/domain/questions.yml) is generated from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml

from bot.council.profile import CouncilProfile

ANSWERS_DIR = Path(__file__).with_name("answers")
WORDING_PATH = Path(__file__).with_name("wording.yml")
REQUIRED = ("topic", "question", "answer", "next_step", "link", "source", "last_reviewed")
# Reviewed at least once a year: rules, names and web pages change.
REVIEW_EVERY = timedelta(days=365)
# Filled from the council profile by profile_values(); nothing else may appear in braces.
PLACEHOLDERS = ("council", "team", "phone", "hours")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_TOPIC = re.compile(r"^[a-z][a-z_]*$")


class KnowledgeError(ValueError):
    """An answer file is missing something or says it in a way we cannot use."""


@dataclass(frozen=True)
class Link:
    title: str
    url: str


@dataclass(frozen=True)
class Answer:
    topic: str
    question: str
    answer: str
    next_step: str
    link: Link
    source: str
    last_reviewed: date

    def texts(self) -> dict[str, str]:
        """Every field a person or a reviewer reads, by name, for the banned-word check."""
        return {
            "question": self.question,
            "answer": self.answer,
            "next_step": self.next_step,
            "link": self.link.title,
        }


@lru_cache(maxsize=1)
def wording(path: Path = WORDING_PATH) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def profile_values(profile: CouncilProfile) -> dict[str, str]:
    """The placeholders an answer may use, filled from the council profile."""
    return {
        "council": profile.name,
        "team": profile.first_contact.name,
        "phone": profile.first_contact.phone,
        "hours": profile.first_contact_hours.describe(),
    }


def _https(value: Any, where: str) -> str:
    url = str(value or "")
    if urlparse(url).scheme != "https" or not urlparse(url).netloc:
        raise KnowledgeError(f"{where} must be a full https:// address")
    return url


def parse_answer(raw: Any, where: str) -> Answer:
    """Check one answer file's content; raise KnowledgeError with a plain reason."""
    if not isinstance(raw, dict):
        raise KnowledgeError(f"{where} should hold a mapping of fields")
    missing = [key for key in REQUIRED if raw.get(key) in (None, "", {})]
    if missing:
        raise KnowledgeError(f"{where} is missing {', '.join(missing)}")
    if not _TOPIC.match(str(raw["topic"])):
        raise KnowledgeError(f"{where}: topic should be lower_case_with_underscores")
    link = raw["link"]
    if not isinstance(link, dict) or not link.get("title"):
        raise KnowledgeError(f"{where}: link needs a title and a url")
    reviewed = raw["last_reviewed"]
    if not isinstance(reviewed, date):
        raise KnowledgeError(f"{where}: last_reviewed should be a date like 2026-11-01")
    answer = Answer(
        topic=str(raw["topic"]),
        question=str(raw["question"]).strip(),
        answer=" ".join(str(raw["answer"]).split()),
        next_step=" ".join(str(raw["next_step"]).split()),
        link=Link(str(link["title"]), _https(link.get("url"), f"{where}: link.url")),
        source=_https(raw["source"], f"{where}: source"),
        last_reviewed=reviewed,
    )
    for field, text in answer.texts().items():
        unknown = set(_PLACEHOLDER.findall(text)) - set(PLACEHOLDERS)
        if unknown:
            raise KnowledgeError(f"{where}: {field} uses unknown {', '.join(sorted(unknown))}")
    return answer


@lru_cache(maxsize=4)
def load_answers(directory: Path = ANSWERS_DIR) -> dict[str, Answer]:
    """Every answer by topic; each file is named after its topic."""
    answers: dict[str, Answer] = {}
    for path in sorted(directory.glob("*.yml")):
        answer = parse_answer(yaml.safe_load(path.read_text(encoding="utf-8")), path.name)
        if answer.topic != path.stem:
            raise KnowledgeError(f"{path.name} holds topic {answer.topic}; name them the same")
        answers[answer.topic] = answer
    return answers


def stale_answers(today: date, answers: dict[str, Answer] | None = None) -> list[str]:
    """Topics whose last review is more than a year before `today`."""
    answers = load_answers() if answers is None else answers
    return sorted(
        topic for topic, answer in answers.items() if today - answer.last_reviewed > REVIEW_EVERY
    )


def site_name(url: str) -> str:
    host = urlparse(url).netloc
    return wording()["sites"].get(host, host)


def answer_replies(topic: str, profile: CouncilProfile) -> list[str]:
    """The answer, what to do next, and where to read more, as plain text lines."""
    answer = load_answers()[topic]
    values = profile_values(profile)
    read_more = wording()["read_more"].format(site=site_name(answer.link.url), url=answer.link.url)
    return [answer.answer.format(**values), answer.next_step.format(**values), read_more]
