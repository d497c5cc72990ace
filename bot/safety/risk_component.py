"""Rasa NLU component that rates risk on every message, with both opinions (the lexicon
and the classifier on the sentence encoder: bot/safety/decide.py).

Registered as a non-trainable intent classifier so Rasa runs it at prediction time in
pipeline order; placed last in config.yml it sees the real intent and confidence:

    - name: bot.safety.risk_component.RiskScreen

It adds `risk` ({level, categories, reasons, check}) to the parse data, i.e.
`tracker.latest_message["risk"]`, and makes the intent agree with it: a message rated
`urgent` or `immediate` becomes `disclose_risk`, so the safety rule fires in every
dialogue state; a `disclose_risk` guess the screen did not confirm falls back to the next
intent.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME as FALLBACK
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.safety.decide import rate
from bot.safety.lexicon import default_lexicon
from bot.safety.meaning import default_reader
from bot.safety.screen import NluSignal, RiskAssessment

logger = logging.getLogger(__name__)

RISK_KEY = "risk"
RISK_INTENT = "disclose_risk"
FORCING_LEVELS = frozenset({"urgent", "immediate"})
# As config.yml's FallbackClassifier threshold: below it, an intent is a guess.
FALLBACK_AT = 0.25
ERROR_REASON = "screen error"


def _signal(message: Message) -> NluSignal | None:
    """The classifier's best real intent: under FallbackClassifier the top intent may be
    `nlu_fallback`, but the ranking still says how sure it was of `disclose_risk`."""
    candidates = [message.get(INTENT) or {}, *(message.get(INTENT_RANKING_KEY) or [])]
    for intent in candidates:
        if isinstance(intent, dict) and intent.get(INTENT_NAME_KEY) not in (None, FALLBACK):
            confidence = float(intent.get("confidence") or 0.0)
            return NluSignal(str(intent[INTENT_NAME_KEY]), confidence)
    return None


def assess_message(message: Message) -> dict[str, Any]:
    """The `risk` value for one message; a failure rates `concern` rather than nothing."""
    try:
        return rate(message.get(TEXT) or "", _signal(message)).as_dict()
    except Exception:
        # Never log the text: it may be a disclosure. The id lets staff find the turn.
        logger.exception("risk screen failed on message %s", message.get("message_id"))
        failed = RiskAssessment(
            level="concern",
            categories=["unspecified"],
            reasons=[
                {
                    "category": "unspecified",
                    "level": "concern",
                    "phrase": ERROR_REASON,
                    "pattern": "",
                }
            ],
        )
        return failed.as_dict()


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class RiskScreen(GraphComponent):
    """Adds the risk screen's rating to every parsed message."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {}

    def __init__(self, config: dict[str, Any]) -> None:
        self.component_config = config
        # Load (and validate) the lexicon and the classifier when the model loads, not on
        # the first message.
        default_lexicon()
        default_reader()

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> RiskScreen:
        return cls(config)

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            risk = assess_message(message)
            message.set(RISK_KEY, risk, add_to_output=True)
            align_intent(message, risk["level"])
        return messages


def align_intent(message: Message, level: str) -> None:
    """The screen, not the classifier alone, decides whether this is a disclosure.

    `urgent` and `immediate` always become `disclose_risk`, whatever else the message
    says. `concern` keeps the conversation going (the planner offers a person); it is
    handled as a disclosure only if the classifier already thought so. A check question
    leaves the intent alone: it is asked where the conversation goes on anyway
    (actions/risk_slots.py). Never raises.
    """
    try:
        intent = message.get(INTENT)
        name = intent.get("name") if isinstance(intent, dict) else None
        if level in FORCING_LEVELS:
            if name != RISK_INTENT:
                message.set(INTENT, {"name": RISK_INTENT, "confidence": 1.0}, add_to_output=True)
            return
        if name == RISK_INTENT and level == "none":
            ranking = message.get(INTENT_RANKING_KEY) or []
            others = [r for r in ranking if isinstance(r, dict) and r.get("name") != RISK_INTENT]
            unsure = {"name": "nlu_fallback", "confidence": 1.0}
            # The runner-up must clear the same bar the FallbackClassifier sets.
            sure_enough = others and float(others[0].get("confidence") or 0) >= FALLBACK_AT
            message.set(INTENT, others[0] if sure_enough else unsure, add_to_output=True)
    except Exception:
        logger.exception("could not align the intent of message %s", message.get("message_id"))
