"""Rasa's side of the risk slots: ask the action server only when there is news.

`action_extract_slots` runs `action_update_risk` (actions/risk_slots.py) after every
message, an HTTP call each turn. That action changes nothing unless the risk screen rated
the message above `none`, asks for a check question, or a check question is waiting for
its answer (`needs_update`), which the Rasa server already knows from the parse data and
the tracker. So for any other message it is not called: the same slots, one call fewer
per turn, a tenth of the Rasa server's time. Every other custom mapping runs as before.
"""

from __future__ import annotations

from typing import Any

from rasa.core.actions.action import ActionExtractSlots
from rasa.core.channels.channel import OutputChannel
from rasa.core.nlg import NaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event
from rasa.shared.core.trackers import DialogueStateTracker

from bot.safety.check import ASKED, CHECK_SLOT
from bot.safety.levels import needs_update
from bot.safety.risk_component import RISK_KEY

RISK_ACTION = "action_update_risk"
_run_mapping_action = ActionExtractSlots._execute_custom_action


async def _execute_custom_action(
    self: ActionExtractSlots,
    mapping: dict[str, Any],
    executed_custom_actions: set[str],
    output_channel: OutputChannel,
    nlg: NaturalLanguageGenerator,
    tracker: DialogueStateTracker,
    domain: Domain,
) -> tuple[list[Event], set[str]]:
    if mapping.get("action") == RISK_ACTION and not needs_update(
        tracker.latest_message.parse_data.get(RISK_KEY),
        tracker.get_slot(CHECK_SLOT) == ASKED,
    ):
        return [], executed_custom_actions
    return await _run_mapping_action(
        self, mapping, executed_custom_actions, output_channel, nlg, tracker, domain
    )


def update_risk_only_when_rated() -> None:
    ActionExtractSlots._execute_custom_action = _execute_custom_action  # type: ignore[method-assign]
