"""What the assistant says to a question: the answer, a choice of two, or an honest "not sure"."""

from __future__ import annotations

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
    return [Reply(wording()["not_sure"].format(**profile_values(profile)))]
