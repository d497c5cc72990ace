import json
from datetime import timedelta

import pytest

from bot.council.profile import load_profile
from bot.handover.record import Consent, InvalidHandover, idempotency_key, revise_handover
from bot.handover.reference import ALPHABET, is_reference, new_reference
from bot.handover.validation import SCHEMA_PATH, first_problem
from tests.unit.handover.factories import (
    TUESDAY_MORNING,
    anonymous_facts,
    call_back_facts,
    record,
    safeguarding_facts,
)


@pytest.mark.parametrize(
    "facts",
    [safeguarding_facts(), call_back_facts(), anonymous_facts()],
    ids=["safeguarding with consent refused", "call back at level none", "anonymous"],
)
def test_every_kind_of_hand_over_builds_a_schema_valid_record(facts):
    built = record(facts)
    assert first_problem(built) is None
    assert built["schema_version"] == 1
    assert is_reference(built["reference"])
    assert built["transcript"][0] == {
        "speaker": "person",
        "text": facts.transcript[0].text,
        "at": "2026-11-17T10:00:00Z",
    }


def test_sharing_without_consent_carries_the_approved_reason_and_lawful_basis():
    built = record(safeguarding_facts())
    assert built["consent"] == {
        "share": "no",
        "override_key": "adult_at_risk",
        "override_reason": "Another adult may be at risk of abuse or neglect.",
    }
    assert built["lawful_basis"]["key"] == "safeguarding"
    assert "Care Act 2014 section 42" in built["lawful_basis"]["text"]


def test_refused_consent_without_a_reason_is_not_a_valid_hand_over():
    with pytest.raises(InvalidHandover, match="consent"):
        record(safeguarding_facts(consent=Consent("no")))


def test_an_unknown_reason_for_sharing_is_refused_rather_than_invented():
    with pytest.raises(ValueError, match="unknown reason"):
        record(safeguarding_facts(consent=Consent("no", override_reason="because")))


def test_the_schema_refuses_an_unknown_risk_level_and_says_where():
    built = record(call_back_facts())
    built["risk_level"] = "severe"
    assert first_problem(built).startswith("risk_level:")


def test_a_retried_action_gets_the_same_idempotency_key_but_a_new_trigger_does_not():
    first = record(safeguarding_facts())
    again = record(safeguarding_facts(), now=TUESDAY_MORNING + timedelta(seconds=5))
    later_turn = record(safeguarding_facts(trigger_turn=4))
    assert first["idempotency_key"] == again["idempotency_key"]
    assert first["reference"] != again["reference"]
    assert later_turn["idempotency_key"] != first["idempotency_key"]
    assert idempotency_key("c", "call_back", 1) != idempotency_key("c", "safeguarding", 1)


def test_references_are_short_and_use_no_characters_people_confuse():
    references = {new_reference() for _ in range(200)}
    assert len(references) == 200
    for reference in references:
        assert len(reference) == 12 and is_reference(reference)
    assert not set("0O1IL5S2ZUV") & set(ALPHABET)


def test_every_field_in_the_schema_is_described():
    schema = json.loads(SCHEMA_PATH.read_text())
    assert schema["$id"].endswith("/1")
    undescribed = [
        name
        for name, field in schema["properties"].items()
        if "description" not in field and name != "schema_version"
    ]
    assert undescribed == []
    assert set(schema["required"]) <= set(schema["properties"])


def test_a_revision_is_the_same_case_with_more_said_and_a_call_back_never_later():
    made = record(call_back_facts())
    later = TUESDAY_MORNING + timedelta(hours=3)
    facts = safeguarding_facts(risk_level="urgent")
    again = revise_handover(made, facts, load_profile(), later)
    assert first_problem(again) is None
    same = ("reference", "idempotency_key", "created_at")
    assert [again[key] for key in same] == [made[key] for key in same]
    assert (again["revision"], again["kind"]) == (2, "safeguarding")
    assert again["updated_at"] == "2026-11-17T13:00:00Z"
    assert again["call_back_by"] <= made["call_back_by"]
    assert revise_handover(again, facts, load_profile(), later)["revision"] == 3
