"""Guides as plain state machines: each step asks one thing, the answer picks the next step.

A guide is data (bot/guides/<id>.yml). What the person has said so far lives in one dict,
kept in the `guide_state` slot, so any action server can carry on where another left off.
Nothing here knows about Rasa.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.conversation.facts import cues, has
from bot.conversation.planner import Reply
from bot.guides.meaning import closest_choice

GUIDES_DIR = Path(__file__).parent
WORDING_PATH = GUIDES_DIR / "wording.yml"
# Enough for a list of medicines; a slot is not the place for pages of text.
MAX_ANSWER_CHARS = 600
# An answer this long to a question with buttons is the person telling us something else.
A_NEW_SUBJECT_IN_WORDS = 8


class GuideError(ValueError):
    """A guide file is missing something or points at a step that doesn't exist."""


@dataclass(frozen=True)
class Choice:
    label: str
    next: str | None
    advice: tuple[str, ...] = ()


@dataclass(frozen=True)
class Step:
    id: str
    ask: str
    field: str | None = None  # where the answer is kept for the summary
    choices: tuple[Choice, ...] = ()  # none: the person types their own words
    next: str | None = None  # after a typed answer; None ends the guide


@dataclass(frozen=True)
class Summary:
    heading: str
    labels: dict[str, str]  # field -> label, in the order they are printed
    closing: tuple[str, ...] = ()
    support_heading: str | None = None


@dataclass(frozen=True)
class Guide:
    id: str
    intent: str
    intro: str
    start: str
    steps: dict[str, Step]
    advice: dict[str, str]
    summary: Summary

    def texts(self) -> list[str]:
        """What a person reads at one time, for the plain-English checks: a question with
        its buttons, one piece of advice, the summary page's own words. Short labels are
        read with their question, as a reading grade means nothing for two words alone."""
        page = [self.summary.heading, *self.summary.labels.values(), *self.summary.closing]
        page += [self.summary.support_heading] if self.summary.support_heading else []
        questions = [
            "\n".join([step.ask, *(choice.label for choice in step.choices)])
            for step in self.steps.values()
        ]
        return [self.intro, *questions, *self.advice.values(), "\n".join(page)]


@dataclass
class GuideState:
    guide: str
    step: str | None
    answers: dict[str, str] = field(default_factory=dict)
    advice: list[str] = field(default_factory=list)
    missed: bool = False  # the last answer matched no button: never say so twice in a row

    def to_slot(self) -> dict[str, Any]:
        return {
            "guide": self.guide,
            "step": self.step,
            "answers": self.answers,
            "advice": self.advice,
            "missed": self.missed,
        }

    @classmethod
    def from_slot(cls, value: Mapping[str, Any] | None) -> GuideState | None:
        if not value or value.get("guide") not in load_guides():
            return None
        return cls(
            str(value["guide"]),
            value.get("step"),
            dict(value.get("answers") or {}),
            list(value.get("advice") or []),
            bool(value.get("missed")),
        )


@dataclass
class Progress:
    state: GuideState | None  # None once the guide has ended
    replies: list[Reply]
    summary: str | None = None
    # The person left the guide by saying something else: the conversation answers it.
    hand_back: bool = False


@lru_cache(maxsize=1)
def wording(path: Path = WORDING_PATH) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _parse(raw: dict[str, Any], where: str) -> Guide:
    steps = {
        step_id: Step(
            id=step_id,
            ask=str(step["ask"]),
            field=step.get("field"),
            choices=tuple(
                Choice(str(c["label"]), c.get("next"), tuple(c.get("advice") or ()))
                for c in step.get("choices") or ()
            ),
            next=step.get("next"),
        )
        for step_id, step in raw["steps"].items()
    }
    summary = raw["summary"]
    guide = Guide(
        id=str(raw["id"]),
        intent=str(raw["intent"]),
        intro=str(raw["intro"]),
        start=str(raw["start"]),
        steps=steps,
        advice={str(key): str(text) for key, text in (raw.get("advice") or {}).items()},
        summary=Summary(
            heading=str(summary["heading"]),
            labels={str(key): str(label) for key, label in (summary.get("labels") or {}).items()},
            closing=tuple(str(line) for line in summary.get("closing") or ()),
            support_heading=summary.get("support_heading"),
        ),
    )
    _check(guide, where)
    return guide


def _check(guide: Guide, where: str) -> None:
    """Every step reachable by name, every advice key written: a typo must fail loudly."""
    targets = {guide.start} | {step.next for step in guide.steps.values() if step.next}
    targets |= {c.next for step in guide.steps.values() for c in step.choices if c.next}
    missing = targets - set(guide.steps)
    if missing:
        raise GuideError(f"{where} points at missing steps: {', '.join(sorted(missing))}")
    keys = {key for step in guide.steps.values() for c in step.choices for key in c.advice}
    if keys - set(guide.advice):
        raise GuideError(
            f"{where} has no advice text for {', '.join(sorted(keys - set(guide.advice)))}"
        )


@lru_cache(maxsize=1)
def load_guides(directory: Path = GUIDES_DIR) -> dict[str, Guide]:
    guides = {}
    for path in sorted(directory.glob("*.yml")):
        if path == WORDING_PATH:
            continue
        guide = _parse(yaml.safe_load(path.read_text(encoding="utf-8")), path.name)
        guides[guide.id] = guide
    return guides


def guide_for_intent(intent: str) -> Guide | None:
    return next((guide for guide in load_guides().values() if guide.intent == intent), None)


def _fill(text: str, values: Mapping[str, str]) -> str:
    return text.format(**values)


def question(state: GuideState, values: Mapping[str, str]) -> Reply:
    step = load_guides()[state.guide].steps[str(state.step)]
    if step.choices:
        buttons = (*(c.label for c in step.choices), wording()["something_else"])
    else:
        buttons = (wording()["skip"],)
    return Reply(_fill(step.ask, values), buttons)


def start(guide_id: str, values: Mapping[str, str]) -> Progress:
    guide = load_guides()[guide_id]
    state = GuideState(guide.id, guide.start)
    return Progress(state, [Reply(_fill(guide.intro, values)), question(state, values)])


def _said(text: str, options: list[str], numbered: bool = False) -> str | None:
    """The option the person picked: its own words or, for buttons, its number in the list."""
    cleaned = " ".join(text.lower().strip(" .!").split())
    for number, option in enumerate(options, start=1):
        if cleaned == option.lower() or (numbered and cleaned == str(number)):
            return option
    return None


def answer(
    state: GuideState,
    text: str,
    values: Mapping[str, str],
    support_lines: list[str] | None = None,
) -> Progress:
    """Take the answer to the current step and move on; `support_lines` end the summary."""
    guide = load_guides()[state.guide]
    step = guide.steps[str(state.step)]
    if _said(text, wording()["stop_words"]):
        return Progress(None, [Reply(wording()["stopped"])])
    if step.choices:
        labels = [c.label for c in step.choices]
        picked = _said(text, labels, numbered=True) or closest_choice(text, labels)
        if picked is None:
            return _not_a_choice(state, text, values)
        state.missed = False
        choice = next(c for c in step.choices if c.label == picked)
        value, state.step = picked, choice.next
        state.advice += [key for key in choice.advice if key not in state.advice]
    else:
        skipped = _said(text, [wording()["skip"]])
        value = wording()["skipped"] if skipped else text.strip()[:MAX_ANSWER_CHARS]
        state.step = step.next
    if step.field:
        state.answers[step.field] = value
    if state.step is not None:
        return Progress(state, [question(state, values)])
    page = summary(state, values, support_lines)
    return Progress(None, [Reply(page), Reply(wording()["finished"])], page)


def _not_a_choice(state: GuideState, text: str, values: Mapping[str, str]) -> Progress:
    """An answer no button means. "Something else" leaves the guide; so does a change of
    subject, a request for ideas or a second miss, and the conversation takes the message
    up. Only a first, short miss is asked about again, and never twice in a row."""
    if _said(text, [wording()["something_else"]]):
        return Progress(None, [Reply(wording()["left"])])
    asking = has(text, cues()["only_asking"]) or has(text, cues()["asking_for_a_thing"])
    if state.missed or asking or len(text.split()) >= A_NEW_SUBJECT_IN_WORDS:
        return Progress(None, [], hand_back=True)
    state.missed = True
    return Progress(state, [Reply(wording()["not_understood"]), question(state, values)])


def summary(
    state: GuideState, values: Mapping[str, str], support_lines: list[str] | None = None
) -> str:
    """A plain page to print or keep: what they said, the advice it led to, where to go next.

    support_lines is the hook for local help (for example carers' groups from the directory
    search); they are printed under the guide's support heading.
    """
    guide = load_guides()[state.guide]
    lines = [_fill(guide.summary.heading, values), ""]
    for key, label in guide.summary.labels.items():
        if key in state.answers:
            lines.append(f"{_fill(label, values)}: {state.answers[key]}")
    lines += [""] if state.advice else []
    lines += [f"- {_fill(guide.advice[key], values)}" for key in state.advice]
    lines += ["", *(_fill(line, values) for line in guide.summary.closing)]
    if support_lines and guide.summary.support_heading:
        lines += ["", _fill(guide.summary.support_heading, values), *support_lines]
    return "\n".join(lines).strip()
