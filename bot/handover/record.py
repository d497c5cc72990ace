"""What the Rasa action knows about a conversation (`ConversationFacts`), and building the
hand-over record First Contact receives from it (`build_handover`)."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from typing import Any, Literal

from bot.council.profile import CouncilProfile
from bot.handover.callback import call_back_by
from bot.handover.reference import new_reference
from bot.handover.summary import summary_text
from bot.handover.validation import SCHEMA_VERSION, first_problem
from bot.handover.wording import load_wording

Kind = Literal["safeguarding", "call_back"]
Speaker = Literal["person", "assistant"]
Share = Literal["yes", "no", "not_asked"]


class InvalidHandover(ValueError):
    """The facts do not make a valid hand-over; the message names the field, not its value."""


@dataclass(frozen=True)
class Turn:
    speaker: Speaker
    text: str
    at: datetime


@dataclass(frozen=True)
class RiskReason:
    turn: int
    level: str
    category: str
    why: str


@dataclass(frozen=True)
class Contacting:
    for_self: bool | None = None
    relationship: str | None = None


@dataclass(frozen=True)
class PersonAtRisk:
    description: str
    name: str | None = None


@dataclass(frozen=True)
class Told:
    what: str
    number: str


@dataclass(frozen=True)
class Offered:
    id: str
    name: str


@dataclass(frozen=True)
class Consent:
    share: Share
    # A key in wording.yml (life_at_risk, child_at_risk, adult_at_risk), not free text.
    override_reason: str | None = None


@dataclass(frozen=True)
class Contact:
    name: str | None = None
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    postcode: str | None = None
    safe_to_call: bool | None = None
    can_leave_message: bool | None = None
    best_time: str | None = None


@dataclass(frozen=True)
class ConversationFacts:
    """Filled by the hand-over action from the tracker. `trigger_turn` numbers the message
    that led to the hand-over: with the conversation id and kind it makes the idempotency
    key, so a retried action gives the same hand-over."""

    conversation_id: str
    kind: Kind
    trigger_turn: int
    transcript: list[Turn]
    risk_level: str
    person_at_risk: PersonAtRisk
    consent: Consent
    lawful_basis: str
    risk_categories: list[str] = field(default_factory=list)
    risk_reasons: list[RiskReason] = field(default_factory=list)
    contacting: Contacting = field(default_factory=Contacting)
    in_their_words: list[str] = field(default_factory=list)
    what_matters: list[str] = field(default_factory=list)
    strengths: list[str] = field(default_factory=list)
    people_around: list[str] = field(default_factory=list)
    told: list[Told] = field(default_factory=list)
    offered: list[Offered] = field(default_factory=list)
    contact: Contact = field(default_factory=Contact)
    communication_needs: list[str] = field(default_factory=list)
    # When the conversation began, if the tracker says.
    created_at: datetime | None = None


def iso(moment: datetime) -> str:
    """UTC with a Z, to the second: the one timestamp format in records."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def idempotency_key(conversation_id: str, kind: str, trigger_turn: int) -> str:
    digest = hashlib.sha256(f"{conversation_id}\x1f{kind}\x1f{trigger_turn}".encode()).hexdigest()
    return f"ho1-{digest[:40]}"


def _consent(consent: Consent) -> dict[str, Any]:
    key = consent.override_reason
    return {
        "share": consent.share,
        "override_key": key,
        "override_reason": load_wording().override(key) if key else None,
    }


def build_handover(facts: ConversationFacts, profile: CouncilProfile, now: datetime) -> dict:
    """A schema-valid hand-over record, or InvalidHandover saying which field is wrong."""
    contact = facts.contact
    record: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "reference": new_reference(),
        "idempotency_key": idempotency_key(facts.conversation_id, facts.kind, facts.trigger_turn),
        "kind": facts.kind,
        "conversation_id": facts.conversation_id,
        "conversation_started_at": iso(facts.created_at) if facts.created_at else None,
        "created_at": iso(now),
        "risk_level": facts.risk_level,
        "risk_categories": sorted(set(facts.risk_categories)),
        "risk_reasons": [asdict(reason) for reason in facts.risk_reasons],
        "call_back_by": iso(call_back_by(profile, facts.risk_level, now)),
        "contacting": asdict(facts.contacting),
        "person_at_risk": asdict(facts.person_at_risk),
        "in_their_words": list(facts.in_their_words),
        "what_matters": list(facts.what_matters),
        "strengths": list(facts.strengths),
        "people_around": list(facts.people_around),
        "told": [asdict(told) for told in facts.told],
        "offered": [asdict(offered) for offered in facts.offered],
        "consent": _consent(facts.consent),
        "lawful_basis": {
            "key": facts.lawful_basis,
            "text": load_wording().basis(facts.lawful_basis),
        },
        "contact": asdict(contact),
        "communication_needs": list(facts.communication_needs),
        "transcript": [
            {"speaker": turn.speaker, "text": turn.text, "at": iso(turn.at)}
            for turn in facts.transcript
        ],
    }
    return _finished(record)


def revise_handover(
    made: dict[str, Any], facts: ConversationFacts, profile: CouncilProfile, now: datetime
) -> dict[str, Any]:
    """The hand-over `made` earlier, again with everything said since: the same reference
    and key (it is the same case), the next revision, and a call-back time that can only
    come sooner (if the risk rose), never later."""
    record = build_handover(facts, profile, now)
    record.update(
        reference=made["reference"],
        idempotency_key=made["idempotency_key"],
        # A call back that turned out to be about risk is a safeguarding case now.
        kind="safeguarding" if "safeguarding" in (made["kind"], record["kind"]) else "call_back",
        created_at=made["created_at"],
        call_back_by=min(made["call_back_by"], record["call_back_by"]),  # ISO text sorts
        revision=int(made.get("revision") or 1) + 1,
        updated_at=iso(now),
    )
    return _finished(record)


def _finished(record: dict[str, Any]) -> dict[str, Any]:
    record["summary"] = summary_text(record)
    problem = first_problem(record)
    if problem is not None:
        # Only the field path goes into the message: the value may be something they wrote.
        raise InvalidHandover(f"hand-over record is not valid at {problem.split(':', 1)[0]}")
    return record
