from bot.handover.record import Contact, RiskReason
from bot.handover.summary import summary_text
from tests.unit.handover.factories import (
    PENSION,
    anonymous_facts,
    call_back_facts,
    record,
    safeguarding_facts,
)

# About 250 words a minute for reading a case: 30 seconds is 125 to 140 words.
THIRTY_SECONDS_OF_WORDS = 140


def test_the_summary_leads_with_the_level_who_is_writing_and_their_own_words():
    lead = record(safeguarding_facts())["summary"].splitlines()[0]
    assert lead.startswith("URGENT. Daughter writing about her mother, 84")
    assert f'"{PENSION}"' in lead


def test_the_summary_says_risk_contact_consent_what_they_were_told_and_call_back_by():
    summary = record(safeguarding_facts())["summary"]
    assert "Risk: financial abuse, psychological abuse." in summary
    assert (
        "Sam, 07700 900123. Safe to call: yes. Leave a message: NO. Best time: after 6pm" in summary
    )
    assert "Consent to share: refused. Shared because: Another adult may be at risk" in summary
    # Names only in thirty seconds: the numbers and the services are in the record.
    assert "Told: Call 999 if she is in danger now. Offered 1 local service." in summary
    assert summary.splitlines()[-1] == "Call back by: Tue 17 Nov 2026 14:00 (UK time)."


def test_an_anonymous_hand_over_says_plainly_that_nobody_can_be_called_back():
    summary = record(anonymous_facts())["summary"]
    assert summary.startswith("IMMEDIATE RISK. Someone writing about an older man next door")
    assert "Contact: none given (anonymous); cannot call back." in summary
    assert (
        "Consent to share: not asked. Shared because: Someone's life may be at risk now." in summary
    )


def test_a_call_back_request_without_risk_says_so_and_has_no_risk_line():
    summary = record(call_back_facts())["summary"]
    assert summary.startswith("NO RISK FOUND, call-back request. Writing about themself")
    assert "Risk:" not in summary


def test_a_long_story_is_cut_so_the_summary_can_be_read_in_thirty_seconds():
    rambling = " ".join(["and then he said that she could not go out on her own"] * 30)
    facts = safeguarding_facts(
        in_their_words=[rambling],
        people_around=[f"friend {n}" for n in range(10)],
        contact=Contact(phone="07700 900123", address="1 Long Road, Sheffield", best_time="any"),
    )
    summary = record(facts)["summary"]
    assert len(summary.split()) <= THIRTY_SECONDS_OF_WORDS
    assert "…" in summary.splitlines()[0]


def test_the_summary_is_built_from_the_record_alone():
    built = record(safeguarding_facts())
    assert summary_text(built) == built["summary"]


def test_the_risk_line_names_the_worries_at_the_level_handed_over_not_every_guess():
    facts = safeguarding_facts(
        risk_categories=["financial_abuse", "suicide", "psychological_abuse"],
        risk_reasons=[
            RiskReason(2, "concern", "suicide", "classifier"),
            RiskReason(3, "urgent", "financial_abuse", "takes her pension"),
            RiskReason(4, "urgent", "psychological_abuse", "shouts at her"),
        ],
    )
    assert "Risk: financial abuse, psychological abuse." in record(facts)["summary"]
