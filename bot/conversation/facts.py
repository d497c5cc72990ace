"""What we have learned in a conversation, and how to read it from what people write.

Kept as one dict in a Rasa slot (`conversation_facts`) so the whole picture travels with
the tracker and any action server can pick it up.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

CUES_PATH = Path(__file__).with_name("cues.yml")

# "my mum", "my husband", "our dad", "me nan": the person they are writing about.
RELATIONSHIPS = {
    "mum": "her",
    "mam": "her",
    "mother": "her",
    "nan": "her",
    "gran": "her",
    "grandma": "her",
    "wife": "her",
    "daughter": "her",
    "sister": "her",
    "aunt": "her",
    "auntie": "her",
    "dad": "his",
    "father": "his",
    "grandad": "his",
    "grandpa": "his",
    "husband": "his",
    "son": "his",
    "brother": "his",
    "uncle": "his",
    "partner": "their",
    "neighbour": "their",
    "neighbor": "their",
    "friend": "their",
    "client": "their",
}
_KIN = "(" + "|".join(RELATIONSHIPS) + ")"
_OWNER = r"(?:my|our|me)\s+(?:elderly\s+|old\s+|adult\s+|disabled\s+|poor\s+)?"
# The person a message is about: "for my mum", "I look after my son", "my dad has
# dementia", "my mum keeps falling". Not "my wife died" or "my daughter rings": those
# tell us about loss and about who is around, not who needs help. "My neighbour's son
# hits her" is about the neighbour.
_RELATIONSHIP = re.compile(
    r"\b(?:for|about|after|care for|caring for|worried about|concerned about|help)\s+"
    + _OWNER
    + _KIN
    + r"\b"
    + r"|\b"
    + _OWNER
    + _KIN
    + r"'s\b"
    + r"|\b"
    + _OWNER
    + _KIN
    + r"\s+(?:is|has|had|keeps|kept|won'?t|can'?t|cannot|needs|lives|"
    r"isn'?t|doesn'?t|used to|struggles|gets|got|was|falls|fell|forgets|wants|refuses)\b"
)
# Without "my": "Dad's 79", "Mum is getting worse" (a parent, said as a name).
_KIN_AS_NAME = re.compile(
    r"(?:^|[.!?]\s+)(mum|mam|dad|nan|gran|grandad|grandma)(?:'s|\s+(?:is|has|keeps|won'?t|can'?t))\b"
)
# Someone else by description: "the old lady across the road", "a gentleman on my round",
# "one of our residents": a neighbour or someone the writer looks after for work.
_SOMEONE_NEARBY = re.compile(
    r"\b(?:the|an?)\s+(?:old\s+|older\s+|elderly\s+|young\s+)?"
    r"(?:lady|man|gentleman|woman|fella|bloke|couple|gent)\s+"
    r"(?:across the road|over the road|next door|upstairs|downstairs|opposite|"
    r"across the landing|on our street|down the road|up the road)"
)
_SOMEONE_AT_WORK = re.compile(
    r"\b(?:a|one of (?:my|our)|my|our)\s+(?:resident|client|patient|service user|tenant)s?\b"
    r"|\bon my round\b"
)
_FOR_SELF = re.compile(
    r"\b(it'?s for me|for myself|for me\b|about me\b|i live (?:alone|on my own)|"
    r"i'?m (?:\d{2}|lonely|on my own)|i am (?:\d{2}|lonely|on my own))"
)
_CARER = re.compile(
    r"\b(i look after|i care for|(?:i'?m|i am) (?:a|his|her|their|the main) carer|"
    r"caring for|looking after)\b"
)
# A full postcode (S8 0AB) or a district on its own (S8), UK-wide shape.
_POSTCODE = re.compile(r"\b([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})?\b", re.IGNORECASE)
# How someone needs us to communicate, from their own words.
COMMUNICATION_NEEDS = {
    "British Sign Language": re.compile(r"\b(bsl|sign language|signing)\b"),
    "an interpreter": re.compile(r"\b(interpreter|translator|my english is not good)\b"),
    "easy read": re.compile(r"\beasy read\b"),
    "deaf or hard of hearing": re.compile(r"\b(deaf|hard of hearing|hearing aid)\b"),
    "blind or partially sighted": re.compile(r"\b(blind|partially sighted|large print)\b"),
}
_PHONE = re.compile(r"(?<!\d)(?:\+44\s?|0)(?:\d[\s-]?){9,10}(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


@dataclass
class Facts:
    """Everything said so far that shapes what we do next. Lists keep the person's order."""

    for_self: bool | None = None
    relationship: str | None = None
    carer: bool = False
    interests: list[str] = field(default_factory=list)
    worries: list[str] = field(default_factory=list)
    people_around: list[str] = field(default_factory=list)
    postcode: str | None = None
    story: list[str] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)
    offered: list[dict[str, str]] = field(default_factory=list)
    awaiting: str | None = None
    consent: str = "not_asked"  # "yes", "no", or "not_asked"
    safeguarding: bool = False  # risk was raised: a hand-over goes ahead even if anonymous
    share_reason: str | None = None  # "life" or "others": why we share even after a no
    contact: dict[str, Any] = field(default_factory=dict)
    told: list[dict[str, str]] = field(default_factory=list)
    communication_needs: list[str] = field(default_factory=list)
    wants_options_now: bool = False  # asked for a thing: skip the gentle questions
    call_requested: bool = False  # asked for a person to call: a call-back hand-over is due

    @classmethod
    def from_slot(cls, value: dict[str, Any] | None) -> Facts:
        known = {name: value[name] for name in cls.__dataclass_fields__ if value and name in value}
        return cls(**known)

    def to_slot(self) -> dict[str, Any]:
        return asdict(self)

    def remember(self, items: list[str], new: tuple[str, ...] | list[str]) -> None:
        for item in new:
            if item not in items:
                items.append(item)

    @property
    def may_share(self) -> bool:
        """A risk was raised and it may go to First Contact: they agreed, or the law lets
        it go without agreement (`share_reason`: life, or someone else, at risk)."""
        return self.safeguarding and (self.consent == "yes" or bool(self.share_reason))

    @property
    def reachable(self) -> bool:
        """They said how First Contact can reach them."""
        return bool(self.contact.get("phone") or self.contact.get("email"))

    @property
    def who(self) -> str:
        """How we refer to the person it's about: 'you' or 'your mum'."""
        if self.for_self is False and self.relationship:
            return f"your {self.relationship}"
        return "you"

    @property
    def whose(self) -> str:
        if self.for_self is False and self.relationship:
            return f"your {self.relationship}'s"
        return "your"


def normalise(text: str) -> str:
    return text.lower().replace("’", "'")


def relationship_in(text: str) -> str | None:
    lowered = normalise(text)
    match = _RELATIONSHIP.search(lowered) or _KIN_AS_NAME.search(lowered.strip())
    if match:
        return next((group for group in match.groups() if group), None)
    if _SOMEONE_NEARBY.search(lowered):
        return "neighbour"
    return "client" if _SOMEONE_AT_WORK.search(lowered) else None


def speaks_for_self(text: str) -> bool:
    return bool(_FOR_SELF.search(normalise(text)))


def is_carer(text: str) -> bool:
    return bool(_CARER.search(normalise(text)))


def postcode_in(text: str, known_districts: frozenset[str]) -> str | None:
    """The first postcode or district we recognise, tidied ('s80ab' -> 'S8 0AB').

    Only districts in `known_districts` count, so 'M5' in 'room 5' or a flat number is not
    taken for a place.
    """
    for match in _POSTCODE.finditer(text):
        district = match.group(1).upper()
        if district not in known_districts:
            continue
        inward = match.group(2)
        return f"{district} {inward.upper()}" if inward else district
    return None


def phone_in(text: str) -> str | None:
    # As they wrote it ("0114 496 0555"): a worker reads it back and dials it.
    match = _PHONE.search(text)
    return re.sub(r"\s+", " ", match.group(0)).strip(" -") if match else None


def email_in(text: str) -> str | None:
    match = _EMAIL.search(text)
    return match.group(0) if match else None


def communication_needs_in(text: str) -> list[str]:
    lowered = normalise(text)
    return [need for need, pattern in COMMUNICATION_NEEDS.items() if pattern.search(lowered)]


@lru_cache(maxsize=1)
def cues(path: Path = CUES_PATH) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def has(text: str, phrases: list[str] | tuple[str, ...]) -> bool:
    """Whole words or phrases only: "no" must not be found in "not" or "know"."""
    lowered = normalise(text)
    return any(re.search(rf"\b{re.escape(phrase)}\b", lowered) for phrase in phrases)


# Fewer words than this say nothing to search on by themselves ("for me", "she's 84").
MIN_WORDS_TO_SEARCH_ON = 3


def tells_something(text: str) -> bool:
    """Whether a message carries the person's own account, worth searching on: not an
    answer of a word or two, nor only a request for ideas."""
    words = re.findall(r"[a-z']+", normalise(text))
    if len(words) < MIN_WORDS_TO_SEARCH_ON:
        return False
    only_asking = cues()["only_asking"]
    return not (has(text, only_asking) and len(words) <= 2 * MIN_WORDS_TO_SEARCH_ON)


@lru_cache(maxsize=1)
def _contact_times() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{'|'.join(cues()['contact_times'])})(?!\w)")


def contact_time_in(text: str) -> str | None:
    """When it is best to call, in the person's words: "evenings", "after 6pm"."""
    match = _contact_times().search(normalise(text))
    return match.group(0) if match else None


def contact_in(text: str) -> dict[str, Any]:
    """How to reach the person, from any message: a number or email, whether it is safe to
    call or leave a message, and when is best. Only what this message says."""
    lowered = normalise(text)
    found: dict[str, Any] = {}
    for key, value in (("phone", phone_in(text)), ("email", email_in(text))):
        if value:
            found[key] = value
    if re.search(
        r"\b(not safe to (call|ring|phone)|don'?t (call|ring|phone)|text (don'?t|only))", lowered
    ):
        found["safe_to_call"] = False
    if "message" in lowered and re.search(r"\b(no|don'?t|do not)\b", lowered):
        found["can_leave_message"] = False
    for sentence in re.split(r"(?<=[.!?])\s+|,\s+|\s+but\s+", lowered):
        when = contact_time_in(sentence)
        # Only a time said about calling: "he's out at the club Thursday afternoons" is
        # when not to ring.
        about_calling = re.search(r"\b(best|call|ring|phone|reach|text)\b|\d{5}", sentence)
        away = re.search(r"\b(out|away|at work|busy|not in|not home|asleep)\b", sentence)
        if when and about_calling and not away:
            found["best_time"] = when
            break
    return found


# A plain yes or no answers the question only where people put an answer: a yes in the
# first few words ("um, yes I think") or a no first ("no, I'd rather not"), or either one
# ending the reply ("if you think it will help, yes"). A no inside a story is a word of
# the story: "I sleep in room behind car wash with 5 men. no heating. one toilet".
PLAIN_YES_WITHIN_WORDS = 3
FILLERS = frozenset({"oh", "um", "umm", "er", "erm", "well", "hmm", "ah", "uh"})


def _plain_answer(text: str, phrases: list[str], within: int) -> bool:
    words = [w.strip(".,!?;:") for w in normalise(text).split()]
    words = [w for w in words if w]
    while words and words[0] in FILLERS:
        words = words[1:]
    opening, said = " ".join(words[:within]), " ".join(words)
    return has(opening, phrases) or any(said.endswith(f" {p}") or said == p for p in phrases)


def consent_in(text: str, intent: str, asked_just_now: bool) -> str | None:
    """ "yes" or "no" to sharing with First Contact, in any words, or None. A plain yes or no
    counts only as the reply to the question itself, where people put an answer; "share
    it" or "I'd rather you didn't" count whenever they come. A no is read first: "no,
    please don't" is a no."""
    said = cues()["consent"]
    if has(text, said["no"]):
        return "no"
    if has(text, said["yes"]):
        return "yes"
    if not asked_just_now:
        return None
    if _plain_answer(text, said["no_when_asked"], within=1) or intent == "deny":
        return "no"
    if _plain_answer(text, said["yes_when_asked"], PLAIN_YES_WITHIN_WORDS) or intent == "affirm":
        return "yes"
    return None
