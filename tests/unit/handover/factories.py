"""Builders for hand-over tests: conversation facts of each kind, and a migrated database."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from bot.council.profile import load_profile
from bot.handover.models import upgrade
from bot.handover.record import (
    Consent,
    Contact,
    Contacting,
    ConversationFacts,
    Offered,
    PersonAtRisk,
    RiskReason,
    Told,
    Turn,
    build_handover,
)

# A Tuesday morning in November, when First Contact is open.
TUESDAY_MORNING = datetime(2026, 11, 17, 10, 0, tzinfo=timezone.utc)

PENSION = "My brother takes mum's pension every week and she has no food in the house"
SHOUTS = "He shouts at her and she is frightened of him, she is 84"


def transcript(*texts: str, start: datetime = TUESDAY_MORNING) -> list[Turn]:
    """Alternating person / assistant turns, a minute apart."""
    speakers = ("person", "assistant")
    return [
        Turn(speakers[index % 2], text, start + timedelta(minutes=index))  # type: ignore[arg-type]
        for index, text in enumerate(texts)
    ]


def safeguarding_facts(**changes: Any) -> ConversationFacts:
    """A daughter writing about her mother; consent refused, shared because another adult
    is at risk of abuse."""
    facts = ConversationFacts(
        conversation_id="conv-safeguarding-1",
        kind="safeguarding",
        trigger_turn=2,
        transcript=transcript(
            "I'm worried about my mum",
            "Thank you for telling me. What's been happening?",
            PENSION,
            "That sounds really hard. Is she safe right now?",
            SHOUTS,
        ),
        risk_level="urgent",
        risk_categories=["financial_abuse", "psychological_abuse"],
        risk_reasons=[
            RiskReason(2, "urgent", "financial_abuse", "someone is taking her money"),
            RiskReason(4, "urgent", "psychological_abuse", "she is frightened of him"),
        ],
        contacting=Contacting(for_self=False, relationship="daughter"),
        person_at_risk=PersonAtRisk("her mother, 84, lives with her son"),
        in_their_words=[PENSION, SHOUTS],
        what_matters=["mum staying in her own home"],
        strengths=["daughter visits every Sunday"],
        people_around=["daughter", "neighbour Pat"],
        told=[Told("Call 999 if she is in danger now", "999")],
        offered=[Offered("svc-age-uk", "Age UK Sheffield")],
        consent=Consent("no", override_reason="adult_at_risk"),
        lawful_basis="safeguarding",
        contact=Contact(
            name="Sam",
            phone="07700 900123",
            safe_to_call=True,
            can_leave_message=False,
            best_time="after 6pm",
        ),
        communication_needs=["none mentioned"],
        created_at=TUESDAY_MORNING,
    )
    return replace(facts, **changes)


def call_back_facts(**changes: Any) -> ConversationFacts:
    """Someone asking for a call back about help at home: no risk found, consent given."""
    facts = ConversationFacts(
        conversation_id="conv-call-back-1",
        kind="call_back",
        trigger_turn=2,
        transcript=transcript(
            "I'm finding it hard to get in the bath now",
            "What would help most?",
            "Could someone ring me about it please",
        ),
        risk_level="none",
        person_at_risk=PersonAtRisk("a man in his 70s, lives alone"),
        contacting=Contacting(for_self=True),
        in_their_words=["I'm finding it hard to get in the bath now"],
        what_matters=["staying independent"],
        consent=Consent("yes"),
        lawful_basis="consent",
        contact=Contact(name="Ray", phone="0114 496 0456", safe_to_call=True),
    )
    return replace(facts, **changes)


def anonymous_facts(**changes: Any) -> ConversationFacts:
    """A neighbour who gives no details at all, about an immediate risk; not asked."""
    facts = safeguarding_facts(
        conversation_id="conv-anonymous-1",
        risk_level="immediate",
        risk_categories=["neglect"],
        risk_reasons=[RiskReason(0, "immediate", "neglect", "lying on the floor since morning")],
        transcript=transcript("The old man next door has been on the floor since this morning"),
        trigger_turn=0,
        contacting=Contacting(),
        person_at_risk=PersonAtRisk("an older man next door"),
        in_their_words=["The old man next door has been on the floor since this morning"],
        consent=Consent("not_asked", override_reason="life_at_risk"),
        lawful_basis="vital_interests",
        contact=Contact(),
        what_matters=[],
        strengths=[],
        people_around=[],
        offered=[],
        communication_needs=[],
        created_at=None,
    )
    return replace(facts, **changes)


def record(facts: ConversationFacts | None = None, now: datetime = TUESDAY_MORNING) -> dict:
    return build_handover(facts or safeguarding_facts(), load_profile(), now)


def database(tmp_path: Path) -> str:
    """A migrated SQLite file in the test's own folder."""
    url = f"sqlite:///{tmp_path / 'handovers.db'}"
    upgrade(url)
    return url
