from datetime import datetime, timezone

from bot.conversation.facts import Facts
from bot.conversation.handover_facts import conversation_facts
from bot.council.profile import load_profile
from bot.handover.record import Turn, build_handover

NOW = datetime(2026, 11, 24, 11, 0, tzinfo=timezone.utc)
TRANSCRIPT = [
    Turn("person", "my mum keeps falling", NOW),
    Turn("assistant", "Thank you for telling me.", NOW),
    Turn("person", "her carer takes her pension and the kids see it", NOW),
]
RISK = {
    "risk_level": "urgent",
    "risk_categories": ["financial_or_material"],
    "risk_reasons": [
        {
            "turn": 2,
            "level": "urgent",
            "category": "financial_or_material",
            "why": "takes her pension",
        }
    ],
}


def facts_for_mum(**changes: object) -> Facts:
    facts = Facts(
        for_self=False,
        relationship="mum",
        consent="no",
        share_reason="others",
        story=["my mum keeps falling", "her carer takes her pension and the kids see it"],
        contact={"phone": "07700900123", "can_leave_message": False},
        postcode="S8 0AB",
        told=[{"what": "Hourglass", "number": "0808 808 8141"}],
    )
    for name, value in changes.items():
        setattr(facts, name, value)
    return facts


def test_a_refused_share_about_a_mum_with_children_around_names_the_child_at_risk():
    built = conversation_facts("c-1", "safeguarding", TRANSCRIPT, facts_for_mum(), RISK, NOW)
    assert built.consent.share == "no"
    assert built.consent.override_reason == "child_at_risk"
    assert built.lawful_basis == "safeguarding"
    assert built.contacting.relationship == "son or daughter"
    assert built.person_at_risk.description == "their mum"
    assert built.trigger_turn == 2
    assert built.risk_reasons[0].why == "takes her pension"


def test_the_record_built_from_a_conversation_is_valid_and_reads_first_as_a_summary():
    record = build_handover(
        conversation_facts("c-2", "safeguarding", TRANSCRIPT, facts_for_mum(), RISK, NOW),
        load_profile(),
        NOW,
    )
    assert record["summary"].startswith("URGENT. Son or daughter writing about their mum")
    assert "07700900123" in record["summary"]
    assert [turn["speaker"] for turn in record["transcript"]] == ["person", "assistant", "person"]


def test_a_call_back_request_rests_on_consent():
    facts = facts_for_mum(consent="yes", share_reason=None)
    built = conversation_facts("c-3", "call_back", TRANSCRIPT, facts, {"risk_level": "none"}, NOW)
    assert built.lawful_basis == "consent"
    assert built.consent.override_reason is None


def test_a_safety_hand_over_retried_on_a_later_turn_keeps_the_turn_that_raised_the_risk():
    """A crash can lose the action's reply; the person writes again and the action runs
    on a later turn. It must make the same hand-over, not a second one."""
    later = [*TRANSCRIPT, Turn("assistant", "Are you there?", NOW), Turn("person", "yes", NOW)]
    first = conversation_facts("c-3", "safeguarding", TRANSCRIPT, facts_for_mum(), RISK, NOW)
    again = conversation_facts("c-3", "safeguarding", later, facts_for_mum(), RISK, NOW)
    assert first.trigger_turn == again.trigger_turn == 2


def test_a_call_back_is_keyed_on_the_message_that_asked_for_it():
    built = conversation_facts("c-4", "call_back", TRANSCRIPT, facts_for_mum(), RISK, NOW)
    assert built.trigger_turn == 2
    longer = [*TRANSCRIPT, Turn("person", "please ring me", NOW)]
    assert (
        conversation_facts("c-4", "call_back", longer, facts_for_mum(), RISK, NOW).trigger_turn == 3
    )
