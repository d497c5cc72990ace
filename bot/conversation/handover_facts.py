"""What a hand-over needs from a Conversation 1, so nobody asks the person again."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from bot.conversation.facts import Facts
from bot.conversation.in_their_words import key_sentences
from bot.handover.record import (
    Consent,
    Contact,
    Contacting,
    ConversationFacts,
    Kind,
    Offered,
    PersonAtRisk,
    RiskReason,
    Told,
    Turn,
)
from bot.safety.levels import rank

# Who the writer is to the person they write about: "my mum" means a son or daughter.
WRITER_IS = {
    "mum": "son or daughter",
    "mam": "son or daughter",
    "mother": "son or daughter",
    "dad": "son or daughter",
    "father": "son or daughter",
    "nan": "grandchild",
    "gran": "grandchild",
    "grandma": "grandchild",
    "grandad": "grandchild",
    "grandpa": "grandchild",
    "wife": "partner",
    "husband": "partner",
    "partner": "partner",
    "son": "parent",
    "daughter": "parent",
    "sister": "sibling",
    "brother": "sibling",
    "aunt": "niece or nephew",
    "auntie": "niece or nephew",
    "uncle": "niece or nephew",
    "neighbour": "neighbour",
    "neighbor": "neighbour",
    "friend": "friend",
    "client": "worker",
}
_CHILD = re.compile(r"\b(child|children|kids?|baby|grandkids?|grandchild(?:ren)?|toddler)\b")


def _override(facts: Facts) -> str | None:
    if facts.consent == "yes" or not facts.share_reason:
        return None
    if facts.share_reason == "life":
        return "life_at_risk"
    if any(_CHILD.search(text.lower()) for text in facts.story):
        return "child_at_risk"
    return "adult_at_risk"


def _lawful_basis(kind: Kind, facts: Facts, override: str | None) -> str:
    if kind == "call_back" or facts.consent == "yes":
        return "consent"
    return "vital_interests" if override == "life_at_risk" else "safeguarding"


def _person_at_risk(facts: Facts) -> PersonAtRisk:
    if facts.for_self is False:
        return PersonAtRisk(f"their {facts.relationship}" if facts.relationship else "someone else")
    if facts.for_self:
        return PersonAtRisk("the person writing")
    return PersonAtRisk("someone (not yet clear who)")


def _risk_by_turn(reasons: list[dict[str, Any]]) -> dict[int, int]:
    """The most serious level found at each of the person's turns, as a rank."""
    found: dict[int, int] = {}
    for reason in reasons:
        turn = int(reason.get("turn") or 0)
        found[turn] = max(found.get(turn, 0), rank(str(reason.get("level") or "none")))
    return found


def _trigger_turn(kind: Kind, risk: dict[str, Any], person_turns: list[int]) -> int:
    """What makes this hand-over this one. For safety, the message that raised the risk to
    its present level: if a crash loses the action's reply and the person writes again,
    the action on that later turn finds the hand-over already made instead of making a
    second. For a call back, the message that asked for it."""
    if kind == "safeguarding":
        level = risk.get("risk_level")
        raised = [
            int(r.get("turn") or 0)
            for r in risk.get("risk_reasons") or []
            if r.get("level") == level
        ]
        if raised:
            return min(raised)
    return person_turns[-1] if person_turns else 0


def conversation_facts(
    conversation_id: str,
    kind: Kind,
    transcript: list[Turn],
    facts: Facts,
    risk: dict[str, Any],
    started_at: datetime | None,
) -> ConversationFacts:
    """`risk` holds the tracker's risk_level, risk_categories and risk_reasons slots."""
    override = _override(facts)
    person_turns = [i for i, turn in enumerate(transcript) if turn.speaker == "person"]
    contact = facts.contact
    return ConversationFacts(
        conversation_id=conversation_id,
        kind=kind,
        trigger_turn=_trigger_turn(kind, risk, person_turns),
        transcript=transcript,
        risk_level=risk.get("risk_level") or "none",
        risk_categories=list(risk.get("risk_categories") or []),
        risk_reasons=[
            RiskReason(
                int(r.get("turn") or 0),
                str(r.get("level")),
                str(r.get("category")),
                str(r.get("why") or ""),
            )
            for r in risk.get("risk_reasons") or []
        ],
        person_at_risk=_person_at_risk(facts),
        consent=Consent(share=facts.consent, override_reason=override),  # type: ignore[arg-type]
        lawful_basis=_lawful_basis(kind, facts, override),
        contacting=Contacting(facts.for_self, WRITER_IS.get(facts.relationship or "")),
        in_their_words=key_sentences(
            [turn.text for turn in transcript if turn.speaker == "person"],
            _risk_by_turn(risk.get("risk_reasons") or []),
        ),
        what_matters=list(facts.interests),
        strengths=[],
        people_around=list(facts.people_around),
        told=[Told(t["what"], t["number"]) for t in facts.told],
        offered=[Offered(o["id"], o["name"]) for o in facts.offered],
        contact=Contact(
            phone=contact.get("phone"),
            email=contact.get("email"),
            postcode=facts.postcode,
            safe_to_call=contact.get("safe_to_call"),
            can_leave_message=contact.get("can_leave_message"),
            best_time=contact.get("best_time"),
        ),
        communication_needs=list(facts.communication_needs),
        created_at=started_at,
    )
