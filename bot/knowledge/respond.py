"""What the assistant says to a question: the answer, a choice of two, or an honest "not sure".

No replies means the message was not really a question: the caller goes back to the
conversation instead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from bot.conversation.planner import Reply
from bot.council.profile import CouncilProfile
from bot.knowledge.base import answer_replies, load_answers, profile_values, wording
from bot.knowledge.choose import choose


def respond(parsed: Mapping[str, Any] | None, profile: CouncilProfile) -> list[Reply]:
    answers = load_answers()
    choice = choose(parsed, answers)
    if choice.kind == "answer":
        lines = answer_replies(choice.topics[0], profile)
        return [*(Reply(line) for line in lines), Reply(wording()["follow_up"])]
    if choice.kind == "clarify":
        # Each button sends the topic's own question, which NLU maps straight back to it.
        questions = tuple(answers[topic].question for topic in choice.topics)
        return [Reply(wording()["clarify"], questions)]
    if not looks_like_a_question(str((parsed or {}).get("text") or "")):
        # A story the classifier half-read as a question: let Conversation 1 take it.
        return []
    return [Reply(wording()["not_sure"].format(**profile_values(profile)))]


_QUESTION_START = re.compile(
    r"^\s*(how|what|wat|where|who|why|when|which|can|could|do|does|did|is|are|will|would|"
    r"should|may|am i)\b",
    re.IGNORECASE,
)


def looks_like_a_question(text: str) -> bool:
    return text.rstrip().endswith("?") or bool(_QUESTION_START.match(text))
