"""The risk screen as the deployed system runs it: inside the trained NLU pipeline, with
the language model's signal, rather than the lexicon on its own."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from rasa.core.agent import Agent

from bot.rasa_tuning import configure_logging
from bot.safety.evaluate import UNSEEN_PATHS, load_messages, score_messages
from bot.safety.screen import RiskAssessment


async def _parse_all(model: Path, texts: list[str]) -> dict[str, RiskAssessment]:
    agent = Agent.load(str(model))
    rated = {}
    for text in texts:
        risk = (await agent.parse_message(text)).get("risk") or {}
        rated[text] = RiskAssessment(
            level=risk.get("level", "none"), categories=risk.get("categories", []), reasons=[]
        )
    return rated


def score_with_model(model: Path) -> dict[str, Any]:
    # Rasa's structlog would otherwise print every parse, text included, over the report.
    configure_logging("WARNING")
    labelled, unseen = load_messages(), load_messages(UNSEEN_PATHS)
    texts = sorted({m["text"] for m in labelled + unseen})
    rated = asyncio.run(_parse_all(model, texts))
    return {
        "pipeline": score_messages(labelled, rated.__getitem__),
        "pipeline_unseen": score_messages(unseen, rated.__getitem__),
    }
