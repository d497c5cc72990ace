"""Conversation 1 as plain logic: listen, say back what we heard, ask one thing at a time
only when it is needed, then connect people to things nearby.

The Rasa action is a thin adapter: it passes the facts so far and the new message in, and
sends the replies out. Nothing here knows about Rasa, HTTP or the database.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.conversation import facts as read
from bot.conversation.facts import Facts
from bot.conversation.listening import Reflection, mentions_interest, reflect
from bot.safeguarding.respond import wording as safeguarding_wording
from bot.safety.levels import rank

PHRASES_PATH = Path(__file__).with_name("phrases.yml")
MAX_STORY_MESSAGES = 12
OFFERS_PER_TURN = 3
# The person's latest messages searched, whole and one by one.
STORY_MESSAGES_SEARCHED = 3
# Reciprocal rank fusion's usual constant: a service found high by one search and lower by
# others beats one found high by a single search.
FUSION_K = 60
# Whether a message is about someone else ("she loved singing", "my mum always…") or the
# writer ("I love my garden"), while nobody has said which.
_THIRD_PERSON = re.compile(rf"\b(she|he|her|his|him|my ({'|'.join(read.RELATIONSHIPS)}))\b")
_FIRST_PERSON = re.compile(r"\b(i|i'm|im|i've|ive|me)\b")


@dataclass(frozen=True)
class Offer:
    id: str
    name: str
    why: str
    phone: str | None = None
    email: str | None = None
    url: str | None = None
    opening_times: str = ""

    def card(self) -> dict[str, Any]:
        return {"type": "service", **self.__dict__}


@dataclass(frozen=True)
class Reply:
    text: str | None = None
    buttons: tuple[str, ...] = ()
    card: dict[str, Any] | None = None


@dataclass(frozen=True)
class Turn:
    text: str
    intent: str
    risk_level: str = "none"  # the conversation's level so far (never lowered)
    handed_over: bool = False  # a hand-over was already made in this conversation


@dataclass(frozen=True)
class Place:
    """What the planner needs to know about the council and its area."""

    council: str
    team: str
    phone: str
    hours: str
    known_districts: frozenset[str]
    covered_districts: frozenset[str]
    # The postcode district of a neighbourhood named in free text ("in Gleadless" -> S12).
    district_named_in: Callable[[str], str | None] = lambda text: None


# find(query, postcode, exclude_ids, limit) -> (offers, whether they really matched)
Finder = Callable[[str, str | None, set[str], int], tuple[list[Offer], bool]]


@dataclass
class Outcome:
    facts: Facts
    replies: list[Reply] = field(default_factory=list)
    handover: str | None = None  # "call_back" when the person asked to be contacted


@lru_cache(maxsize=1)
def phrases(path: Path = PHRASES_PATH) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _has(text: str, cue: str) -> bool:
    return read.has(text, read.cues()[cue])


class Planner:
    def __init__(self, place: Place, find: Finder) -> None:
        self.place = place
        self.find = find

    def say(self, key: str, facts: Facts, **extra: str) -> str:
        """`key`'s wording, or the `template` given, filled in for this conversation."""
        template = extra.pop("template", None) or phrases().get(key) or safeguarding_wording()[key]
        have = "have" if facts.who == "you" else "has"
        values = {
            "who": facts.who,
            "whose": facts.whose,
            "have": have,
            "council": self.place.council,
            "council_team": self.place.team,
            "team": self.place.team,
            "phone": self.place.phone,
            "hours": self.place.hours,
            **extra,
        }
        text = str(template).format(**values)
        return text[0].upper() + text[1:]

    def say_fresh(self, key: str, facts: Facts) -> str:
        """A question we may ask more than once, in words not used yet in this
        conversation; once every wording is used, a line that asks nothing."""
        for number, template in enumerate(phrases()[key]):
            if f"{key}#{number}" not in facts.asked:
                facts.asked.append(f"{key}#{number}")
                return self.say(key, facts, template=template)
        return self.say(f"{key}_done", facts)

    def ask(self, outcome: Outcome, key: str, buttons: str | None = None) -> Outcome:
        outcome.facts.awaiting = key
        if key not in outcome.facts.asked:
            outcome.facts.asked.append(key)
        choices = tuple(phrases()[buttons]) if buttons else ()
        outcome.replies.append(Reply(self.say(f"ask_{key}", outcome.facts), choices))
        return outcome

    # -- entry point ---------------------------------------------------------------------

    def respond(self, facts: Facts, turn: Turn) -> Outcome:
        outcome = Outcome(facts)
        handlers = {
            "who": self._answer_who,
            "relationship": self._answer_relationship,
            "postcode": self._answer_postcode,
            "offer": self._answer_offer,
        }
        waiting_for = facts.awaiting
        facts.awaiting = None
        if turn.intent == "greet" and not facts.story and "what_matters" not in facts.asked:
            return self.ask(outcome, "what_matters")
        # Whatever was asked last, a consent answer, a request for a call or a way to reach
        # the person counts whenever it comes: a hand-over never waits on the right button.
        self.notice(facts, turn.text)
        if self._hear_consent(outcome, turn, asked_just_now=waiting_for == "consent"):
            return outcome
        if self._towards_handover(outcome, turn, waiting_for):
            if outcome.handover:
                # The message that completes a hand-over goes with it, whatever else it
                # tells: "im on my own", "she's at S2 3HL".
                self.learn(facts, turn.text)
            return outcome
        if turn.risk_level == "immediate" and _has(turn.text, "cannot_talk"):
            outcome.replies.append(Reply(self.say("silent_999", facts)))
        asking = _has(turn.text, "asking_for_a_thing") or _has(turn.text, "wants_a_copy")
        if turn.handed_over and rank(turn.risk_level) >= rank("urgent") and not asking:
            # A serious case is with a person now: hear the rest for them, and leave the
            # questions and the offers until the person asks for something.
            self.learn(facts, turn.text)
            facts.awaiting = waiting_for
            outcome.replies.append(Reply(self.say("added_to_handover", facts)))
            return outcome
        if _has(turn.text, "wants_a_copy"):
            facts.awaiting = waiting_for
            outcome.replies.append(Reply(self.say("keep_a_copy", facts)))
            return outcome
        if waiting_for in handlers and handlers[waiting_for](outcome, turn):
            return outcome
        if turn.intent == "thank":
            outcome.replies.append(Reply(self.say("welcome", facts)))
            outcome.replies.append(Reply(self.say_fresh("ask_anything_else", facts)))
            return outcome
        themes_before = len(facts.interests) + len(facts.worries)
        self._listen(outcome, turn)
        learned = len(facts.interests) + len(facts.worries) > themes_before
        if turn.risk_level == "concern" and "concern_offer" not in facts.asked:
            # Worrying but not urgent: offer a person once, and carry on if they'd rather.
            facts.asked.append("concern_offer")
            outcome.replies.append(Reply(self.say("concern_offer", facts)))
        return self._next(outcome, learned)

    def back_to_thread(self, facts: Facts, text: str = "", outside_area: bool = False) -> Outcome:
        """After a digression, pick up where we were: ask the open question again. What the
        message told us is kept; "I live in Leeds, he's in Shiregreen" is not outside the
        area, as the one it is about is here."""
        outcome = Outcome(facts)
        self.hear(facts, text)
        # Someone already placed here by what they said before ("our daughter's in Leeds",
        # "I live in Leeds" writing about a parent in S5) is not outside the area.
        placed_here = self._covered(facts.postcode)
        if outside_area and not (self._local_place_in(text) or placed_here):
            outcome.replies.append(Reply(self.say("outside_area_anywhere", facts)))
            facts.postcode = None
            facts.remember(facts.asked, ["postcode"])
            if facts.awaiting in (None, "postcode") and (facts.interests or facts.worries):
                facts.awaiting = None
                return self._offer(outcome, first=not facts.offered)
        waiting_for, facts.awaiting = facts.awaiting, None
        # A question is never put the same way twice: the two a hand-over waits on are
        # asked again in other words, and the conversation's own simply move on.
        if waiting_for == "offer":
            facts.awaiting = "offer"
            outcome.replies.append(
                Reply(self.say_fresh("offer_ask", facts), tuple(phrases()["offer_buttons"]))
            )
        elif waiting_for == "consent":
            facts.awaiting = "consent"
            buttons = tuple(safeguarding_wording()["consent_buttons"])
            outcome.replies.append(Reply(self.say("ask_consent_after_digression", facts), buttons))
        elif waiting_for == "contact" and "contact_again" not in facts.asked:
            facts.asked.append("contact_again")
            facts.awaiting = "contact"
            outcome.replies.append(Reply(self.say("ask_contact_again", facts)))
        elif waiting_for != "contact":
            return self._next(outcome)
        if not outcome.replies:  # never silence: they are heard, and the hand-over waits
            outcome.replies.append(Reply(self.say("thanks_only", facts)))
        return outcome

    def start_again(self, facts: Facts) -> Outcome:
        """A fresh start, keeping only what keeps people safe (risk is in its own slots)."""
        fresh = Facts(safeguarding=facts.safeguarding, share_reason=facts.share_reason)
        outcome = Outcome(fresh)
        outcome.replies.append(Reply(self.say("start_again", fresh)))
        return self.ask(outcome, "what_matters")

    # -- listening -------------------------------------------------------------------------

    def notice(self, facts: Facts, text: str) -> None:
        """What counts in any message, whatever we were talking about: a way to reach the
        person, and a request for a person to call."""
        facts.contact = {**facts.contact, **read.contact_in(text)}
        if _has(text, "call") and not _has(text, "no_call"):
            facts.call_requested = True
            facts.consent = "yes" if facts.consent == "not_asked" else facts.consent

    def hear(self, facts: Facts, text: str) -> None:
        """Take in all a message tells us, when something other than `respond` answers it
        (the safety response): what counts at any time, and the story."""
        self.notice(facts, text)
        self.learn(facts, text)

    def learn(self, facts: Facts, text: str) -> tuple[Reflection, list[str]]:
        """Take in what this message tells us of the story; return what we heard and who
        is new. (`respond` has already noticed contact details and requests for a call.)"""
        relationship = read.relationship_in(text)
        # The first person named as needing help is who it is about: "our daughter doesn't
        # know" later in the story about a husband is someone around, not a new subject.
        if relationship and facts.for_self is not True and facts.relationship is None:
            facts.for_self, facts.relationship = False, relationship
        elif read.speaks_for_self(text) and facts.for_self is None:
            facts.for_self = True
        facts.carer = facts.carer or read.is_carer(text)
        facts.remember(facts.communication_needs, read.communication_needs_in(text))
        # A postcode typed always counts; a neighbourhood named only while we have none.
        postcode = read.postcode_in(text, self.place.known_districts)
        if postcode or not facts.postcode:
            facts.postcode = postcode or self._place_in(text) or facts.postcode
        facts.wants_options_now = facts.wants_options_now or _has(text, "asking_for_a_thing")
        heard = reflect(text)
        new_people = [p for p in heard.people if p not in facts.people_around]
        facts.remember(facts.interests, heard.interests)
        facts.remember(facts.worries, heard.worries)
        facts.remember(facts.people_around, heard.people)
        # Everything the person tells us shapes what we offer, in their own words: a need
        # no theme names ("a shopping run from Stocksbridge") is still searched on.
        if heard.interests or heard.worries or read.tells_something(text):
            facts.story = [*facts.story, text][-MAX_STORY_MESSAGES:]
        return heard, new_people

    def _listen(self, outcome: Outcome, turn: Turn) -> None:
        facts = outcome.facts
        heard, new_people = self.learn(facts, turn.text)
        # While someone is at serious risk, saying back what "really matters" rings false
        # ("I can walk out, but where I go?" is not about getting out and about): plain
        # thanks, and the safety response speaks for the rest.
        serious = rank(turn.risk_level) >= rank("urgent")
        if (heard.interests or heard.worries) and not serious:
            outcome.replies.append(Reply(heard.as_text(self._whom(facts, turn.text))))
        elif new_people:
            outcome.replies.append(Reply(self.say("heard_people", facts)))
        elif turn.intent not in {"affirm", "deny", "thank"}:
            outcome.replies.append(Reply(self.say("thanks_only", facts)))

    @staticmethod
    def _whom(facts: Facts, text: str) -> str | None:
        """Whom to say it matters to: "you" or "your mum" once known; while it is not, "you"
        for someone writing of themself ("I love my garden"), and no one for "she always
        loved singing", as saying it matters to the writer would be a misreading."""
        if facts.for_self is not None:
            return facts.who
        lowered = read.normalise(text)
        about_another = _THIRD_PERSON.search(lowered) and not _FIRST_PERSON.search(lowered)
        return None if about_another else "you"

    def _next(self, outcome: Outcome, learned_something_new: bool = True) -> Outcome:
        facts = outcome.facts
        in_a_hurry = facts.wants_options_now
        if facts.for_self is None and "who" not in facts.asked and not in_a_hurry:
            return self.ask(outcome, "who", "ask_who_buttons")
        told_us = facts.interests or facts.worries or facts.story
        if not told_us and "what_matters" not in facts.asked:
            return self.ask(outcome, "what_matters")
        if facts.carer and "carer_self" not in facts.asked and not in_a_hurry:
            facts.asked.append("carer_self")
            outcome.replies.append(Reply(self.say("ask_carer_self", facts)))
            return outcome
        wants_company = "feeling lonely" in facts.worries
        explore_people = wants_company or facts.for_self is False
        if explore_people and not (facts.people_around or in_a_hurry or "people" in facts.asked):
            return self.ask(outcome, "people")
        if not facts.postcode and "postcode" not in facts.asked:
            return self.ask(outcome, "postcode", "ask_postcode_buttons")
        if not (facts.interests or facts.worries or facts.story or in_a_hurry) or (
            facts.offered and not learned_something_new
        ):
            outcome.replies.append(Reply(self.say_fresh("ask_anything_else", facts)))
            return outcome
        return self._offer(outcome, first=not facts.offered)

    def _place_in(self, text: str) -> str | None:
        """A postcode typed, or the district of a neighbourhood named ("in Gleadless")."""
        postcode = read.postcode_in(text, self.place.known_districts)
        return postcode or self.place.district_named_in(text)

    def _local_place_in(self, text: str) -> bool:
        return self._covered(self._place_in(text))

    def _covered(self, postcode: str | None) -> bool:
        return bool(postcode) and str(postcode).split()[0] in self.place.covered_districts

    # -- answers to a question we asked --------------------------------------------------

    def _answer_who(self, outcome: Outcome, turn: Turn) -> bool:
        facts, text = outcome.facts, turn.text
        relationship = read.relationship_in(text)
        if relationship:
            facts.for_self, facts.relationship = False, relationship
        elif read.speaks_for_self(text) or read.normalise(text).strip() in {"me", "myself"}:
            facts.for_self = True
        elif "someone" in read.normalise(text) or "else" in read.normalise(text):
            facts.for_self = False
            self.ask(outcome, "relationship")
            return True
        return False

    def _answer_relationship(self, outcome: Outcome, turn: Turn) -> bool:
        words = read.normalise(turn.text).replace("my ", "").split()
        known = [word.rstrip("s") for word in words if word.rstrip("s") in read.RELATIONSHIPS]
        outcome.facts.relationship = read.relationship_in(turn.text) or (
            known[0] if known else None
        )
        return False

    def _answer_postcode(self, outcome: Outcome, turn: Turn) -> bool:
        facts = outcome.facts
        postcode = self._place_in(turn.text)  # "S8 0RA", or "we live walkley"
        if postcode:
            facts.postcode = postcode
            if not self._covered(postcode):
                text = self.say("outside_area", facts, postcode=postcode)
                outcome.replies.append(Reply(text))
            self._offer(outcome, first=True)
            return True
        if _has(turn.text, "decline_postcode") or turn.intent == "deny":
            outcome.replies.append(Reply(self.say("no_postcode_ok", facts)))
            self._offer(outcome, first=True)
            return True
        return False

    def _answer_offer(self, outcome: Outcome, turn: Turn) -> bool:
        facts, text = outcome.facts, turn.text
        place = self._place_in(text)
        if place and place != facts.postcode:
            # Where they are came after the offers: look again, nearer.
            facts.postcode = place
            self._offer(outcome, first=False, intro="offer_nearer_intro")
            return True
        if _has(text, "more") or turn.intent == "deny":
            self._offer(outcome, first=False)
            return True
        if _has(text, "yes_to_an_offer") or turn.intent in {"affirm", "thank"}:
            outcome.replies.append(Reply(self.say("offer_taken", facts)))
            outcome.replies.extend(self.summary(facts))
            return True
        return False

    # -- towards a hand-over ------------------------------------------------------------

    def _hear_consent(self, outcome: Outcome, turn: Turn, asked_just_now: bool) -> bool:
        """Take a yes or no to sharing, in any words, at any turn after we asked. True when a
        no that ends the hand-over was answered here (the conversation goes on from it)."""
        facts = outcome.facts
        # Once a safety response was given, "she said it's ok to pass it on" counts even
        # where we had to say it would be shared anyway: it is recorded as agreed.
        if not (facts.safeguarding or "consent" in facts.asked) or turn.handed_over:
            return False
        meaning = read.consent_in(turn.text, turn.intent, asked_just_now)
        if meaning == "yes":
            # A change of mind after a no, too: "If you change your mind, just tell me."
            facts.consent, facts.safeguarding = "yes", True
        if meaning != "no" or facts.consent == "no":
            return False
        facts.consent = "no"
        if facts.share_reason:
            outcome.replies.append(Reply(self.say(f"must_share_{facts.share_reason}", facts)))
            return False
        facts.safeguarding = False
        outcome.replies.append(Reply(self.say("consent_no_ok", facts)))
        if facts.call_requested:
            return False
        self._next(outcome)
        return True

    def _towards_handover(self, outcome: Outcome, turn: Turn, waiting_for: str | None) -> bool:
        """Keep a due hand-over open until it is made: ask once how to reach the person (once
        more if the answer was unclear), and hand over as soon as that is known."""
        facts = outcome.facts
        if turn.handed_over or not (facts.may_share or facts.call_requested):
            return False
        kind = "safeguarding" if facts.may_share else "call_back"
        if facts.reachable:
            outcome.handover = kind
            return True
        if "contact" not in facts.asked:
            if kind == "call_back":
                self._take_up_the_rest(outcome, turn)
            self.ask(outcome, "contact")
            return True
        if waiting_for != "contact":
            # Asked before and the person moved on: keep listening. The hand-over stays
            # open: it goes as soon as they say how to reach them, or, once they go quiet,
            # with everything they said (actions/handover.py) - unless life is at risk now.
            if kind == "safeguarding" and turn.risk_level == "immediate":
                outcome.handover = kind
                return True
            return False
        declined = _has(turn.text, "anonymous") or turn.intent == "deny"
        if declined or "contact_again" in facts.asked:
            refused = read.consent_in(turn.text, turn.intent, asked_just_now=True) == "no"
            if facts.consent == "not_asked" and refused:
                facts.consent = "no"  # "no, don't": recorded as refused, shared honestly
            if kind == "safeguarding" and (declined or turn.risk_level == "immediate"):
                outcome.handover = kind
                return True
            if kind == "call_back":
                facts.call_requested = False
                outcome.replies.append(Reply(self.say("call_back_anonymous", facts)))
                return True
            return False
        if kind == "safeguarding" and turn.risk_level == "immediate":
            # Life at risk: no second question before a person knows. A way to reach them
            # given later is added to the same hand-over (actions/handover.py).
            outcome.handover = kind
            return True
        facts.asked.append("contact_again")
        facts.awaiting = "contact"
        outcome.replies.append(Reply(self.say("ask_contact_again", facts)))
        return True

    def _take_up_the_rest(self, outcome: Outcome, turn: Turn) -> None:
        """A request for a call inside a story: before asking how to reach them, say back
        what we heard and, where we know the area, show what is nearby, so the groups they
        asked about are not lost behind the call."""
        facts = outcome.facts
        self._listen(outcome, turn)
        if facts.postcode and (facts.story or facts.interests or facts.worries):
            self._offer(outcome, first=not facts.offered, ask=False)

    # -- connecting ----------------------------------------------------------------------

    def _offer(
        self, outcome: Outcome, first: bool, ask: bool = True, intro: str | None = None
    ) -> Outcome:
        facts = outcome.facts
        seen = {offer["id"] for offer in facts.offered}
        offers, matched = self._find_from_all_heard(facts, seen)
        if not offers:
            outcome.replies.append(Reply(self.say("offer_none_left", facts)))
            return outcome
        fits = "offer_intro" if matched else "offer_intro_general"
        intro = intro or (fits if first else "offer_more_intro")
        outcome.replies.append(Reply(self.say(intro, facts, postcode=facts.postcode or "")))
        for offer in (self._in_their_terms(offer, facts) for offer in offers):
            outcome.replies.append(Reply(card=offer.card()))
            facts.offered.append({"id": offer.id, "name": offer.name})
        if not ask:  # another question follows, and only one is asked at a time
            return outcome
        facts.awaiting = "offer"
        outcome.replies.append(
            Reply(self.say_fresh("offer_ask", facts), tuple(phrases()["offer_buttons"]))
        )
        return outcome

    def _in_their_terms(self, offer: Offer, facts: Facts) -> Offer:
        """Say why a service might suit in the person's terms, when it speaks of something
        they said matters: "You mentioned music and singing." before the search's reason."""
        about = f"{offer.name} {offer.why}"
        named = next((i for i in facts.interests if mentions_interest(i, about)), None)
        if named is None:
            return offer
        return replace(offer, why=f"{self.say('offer_because', facts, interest=named)} {offer.why}")

    def _find_from_all_heard(self, facts: Facts, seen: set[str]) -> tuple[list[Offer], bool]:
        """Search on the whole story and on each recent message alone, and fuse the
        rankings (reciprocal rank fusion): one long query blurs "he came from Jamaica" and
        "he loves his dominoes" into a lonely old man; each message alone keeps its own."""
        story = facts.story[-STORY_MESSAGES_SEARCHED:]
        whole = " ".join(story + facts.worries + facts.interests)
        rankings = [self.find(whole, facts.postcode, seen, OFFERS_PER_TURN * 2)]
        if len(story) > 1:
            rankings += [
                self.find(text, facts.postcode, seen, OFFERS_PER_TURN * 2) for text in story
            ]
        matched = [offers for offers, really in rankings if really and offers]
        if not matched:
            offers, really = rankings[0]
            return offers[:OFFERS_PER_TURN], really
        score: dict[str, float] = {}
        found: dict[str, Offer] = {}
        for offers in matched:
            for place, offer in enumerate(offers):
                score[offer.id] = score.get(offer.id, 0.0) + 1 / (FUSION_K + place)
                found.setdefault(offer.id, offer)
        best = sorted(found, key=lambda service: -score[service])[:OFFERS_PER_TURN]
        return [found[service] for service in best], True

    def summary(self, facts: Facts, reference: str | None = None) -> list[Reply]:
        """A short plain record of what was said and offered, in the person's terms."""
        lines = [self.say("summary_intro", facts)]
        if facts.for_self is False:
            lines.append(self.say("summary_for", facts))
        for key, items in (
            ("summary_matters", facts.interests),
            ("summary_worries", facts.worries),
            ("summary_people", facts.people_around),
            ("summary_offered", [o["name"] for o in facts.offered]),
        ):
            if items:
                lines.append(self.say(key, facts, items=", ".join(items)))
        if facts.postcode:
            lines.append(self.say("summary_place", facts, postcode=facts.postcode))
        if reference:
            lines.append(self.say("summary_reference", facts, reference=reference))
        lines.append(self.say("summary_check", facts))
        facts.remember(facts.asked, ["summary"])  # shown once: goodbye does not show it again
        return [Reply("\n".join(lines)), Reply(self.say_fresh("ask_anything_else", facts))]
