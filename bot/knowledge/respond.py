"""What the assistant says to a question: the answer, a choice of two, or an honest "not sure".

The topic is found by meaning (bot/knowledge/meaning.py); the intent classifier only says
that the message is a question. No replies means the message was not really a question:
the caller goes back to the conversation instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from typing import Any

from bot.conversation.planner import Reply
from bot.council.profile import CouncilProfile
from bot.knowledge.base import answer_replies, load_answers, profile_values, wording
from bot.knowledge.choose import Choice, candidates, choose, thresholds
from bot.knowledge.meaning import choose_by_meaning


def respond(
    parsed: Mapping[str, Any] | None,
    profile: CouncilProfile,
    way_back: Callable[[], str] | None = None,
) -> list[Reply]:
    """The replies to a question: an answer (then `way_back()`, the conversation's own
    "anything else?", asked only when an answer was given), a choice of two topics, or an
    honest "not sure"; none when the message was not really a question."""
    answers = load_answers()
    text = str((parsed or {}).get("text") or "")
    if not looks_like_a_question(text) and not _surely_a_question(parsed, answers.keys()):
        # A story the classifier only half-read as a question: let Conversation 1 take it.
        return []
    choice = _choice(parsed, text, answers.keys())
    if choice.kind != "answer" and _has_words(text) and not looks_like_a_question(text):
        # Told, not asked, and no topic stands out: the conversation carries on instead of
        # asking "which of these" about something the person never asked.
        return []
    if choice.kind == "answer":
        lines = answer_replies(choice.topics[0], profile)
        back = [Reply(way_back())] if way_back else []
        return [*(Reply(line) for line in lines), *back]
    if choice.kind == "clarify":
        # Each button sends the topic's own question, which NLU maps straight back to it.
        questions = tuple(answers[topic].question for topic in choice.topics)
        return [Reply(wording()["clarify"], questions)]
    return [Reply(wording()["not_sure"].format(**profile_values(profile)))]


def _surely_a_question(parsed: Mapping[str, Any] | None, known: Collection[str]) -> bool:
    """The intent classifier is sure enough that this is a question, whatever its topic."""
    ranked = candidates(parsed or {}, known)
    return bool(ranked) and ranked[0].confidence >= thresholds("intent").answer_at_least


def _has_words(text: str) -> bool:
    """Typed words, not a button's intent payload ("/question_pip") or nothing."""
    return bool(text.strip()) and not text.startswith("/")


def _choice(parsed: Mapping[str, Any] | None, text: str, known: Collection[str]) -> Choice:
    if not _has_words(text):
        # No words to read: an intent sent as a payload ("/question_pip") says the topic.
        return choose(parsed, known)
    return choose_by_meaning(text)


_QUESTION_START = re.compile(
    r"^\s*(how|what|wat|where|who|why|when|which|can|could|do|does|did|is|are|will|would|"
    r"should|may|am i)\b",
    re.IGNORECASE,
)


def looks_like_a_question(text: str) -> bool:
    return text.rstrip().endswith("?") or bool(_QUESTION_START.match(text))
