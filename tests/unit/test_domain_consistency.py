"""Every custom action the domain names is registered on the action server, and back."""

from rasa.shared.core.domain import Domain
from rasa_sdk.executor import ActionExecutor

from bot.settings import PROJECT_ROOT


def test_every_domain_action_is_registered_and_every_registered_action_is_in_the_domain():
    domain = Domain.load(str(PROJECT_ROOT / "bot" / "domain"))
    executor = ActionExecutor()
    executor.register_package("actions")
    custom_in_domain = {name for name in domain.user_actions if not name.startswith("utter_")}
    assert custom_in_domain == set(executor.actions)


def test_the_contract_slots_are_in_the_domain_with_their_starting_values():
    domain = Domain.load(str(PROJECT_ROOT / "bot" / "domain"))
    slots = {slot.name: slot for slot in domain.slots}
    assert slots["risk_level"].initial_value == "none"
    assert slots["risk_categories"].initial_value == []
    assert slots["handover_reference"].initial_value is None
    assert slots["signposted_services"].initial_value == []
