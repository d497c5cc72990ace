"""What the person sees first when the risk screen raises a level (plain functions)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.council.profile import UK_TIME, CouncilProfile
from bot.handover.callback import call_back_by

HERE = Path(__file__).parent
WEEK = 7
MAX_LINES = 2
# A child mentioned alongside a disclosure means someone else is at risk too.
_CHILD = re.compile(r"\b(child|children|kids?|baby|grandkids?|grandchild(?:ren)?|toddler)\b")


@dataclass(frozen=True)
class SafetyReply:
    texts: list[str]
    buttons: tuple[str, ...]
    awaiting: str  # the question we end on: "consent" or "contact"
    told: list[dict[str, str]]  # numbers given, for the hand-over record


@lru_cache(maxsize=1)
def helplines() -> dict[str, Any]:
    return yaml.safe_load((HERE / "helplines.yml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def wording() -> dict[str, Any]:
    return yaml.safe_load((HERE / "wording.yml").read_text(encoding="utf-8"))


def lines_for(categories: list[str]) -> list[dict[str, str]]:
    """The most fitting national lines for these categories, at most two, no repeats."""
    book, chosen = helplines(), []
    for category in categories:
        for key in book["by_category"].get(category, []):
            if key not in chosen:
                chosen.append(key)
    return [book["lines"][key] for key in chosen[:MAX_LINES]]


def share_reason(level: str, for_self: bool | None, texts: list[str]) -> str | None:
    """Why what they told us must be passed on even if they say no, or None.

    Making Safeguarding Personal: respect a no, unless life is at risk now, or someone
    else (a child, another adult) is at risk.
    """
    if level == "immediate":
        return "life"
    if level == "urgent" and (for_self is False or any(_CHILD.search(t.lower()) for t in texts)):
        return "others"
    return None


def when_text(profile: CouncilProfile, level: str, now: datetime) -> str:
    """'Someone should be in touch by 3pm today.' in plain words and UK time: the deadline
    the hand-over gives First Contact (counted in their opening hours), so the person and
    the worker are told the same time."""
    due = call_back_by(profile, level, now).astimezone(UK_TIME)
    days_away = (due.date() - now.astimezone(UK_TIME).date()).days
    day = "today" if days_away == 0 else "tomorrow" if days_away == 1 else due.strftime("%A")
    if days_away >= WEEK:  # "Wednesday" alone could be this week's
        day = f"{day} {due.day} {due:%B}"
    clock = due.strftime("%I:%M%p").lstrip("0").lower().replace(":00", "")
    if profile.first_contact_hours.is_open(now):
        return say("back_by_open", profile, by=f"{clock} {day}")
    if level == "immediate":
        # Never promise a call on Monday to someone whose life is at risk tonight.
        return say("back_by_closed_immediate", profile)
    return say("back_by_closed", profile, by=f"{clock} {day}")


def say(key: str, profile: CouncilProfile, **extra: str) -> str:
    return str(wording()[key]).format(
        team=profile.first_contact.name,
        phone=profile.first_contact.phone,
        ooh_team=profile.out_of_hours.name,
        ooh_phone=profile.out_of_hours.phone,
        hours=profile.first_contact_hours.describe(),
        **extra,
    )


def reflection(categories: list[str], who: str | None) -> str:
    """One short sentence saying back what we heard. `who` is "your mum" when they write
    about someone else, None when about themselves, "" when we can't yet tell: then
    nothing is said about whom, rather than risk saying it about the wrong person."""
    sayings = wording()["reflect"]
    category = next((c for c in sayings if c in categories), "unspecified")
    if who == "":
        return str(sayings["unspecified"]["you"])
    if who is None:
        return str(sayings[category]["you"])
    whose = "the person's" if who.startswith("the person") else f"{who}'s"
    text = str(sayings[category]["them"]).format(who=who, whose=whose)
    return text[0].upper() + text[1:]


def first_response(
    level: str,
    categories: list[str],
    reason: str | None,
    profile: CouncilProfile,
    now: datetime,
    who: str | None = None,
    consent: str = "not_asked",
    asked_before: bool = False,
) -> SafetyReply:
    """Safety first: at `immediate` and `urgent` a sentence saying back what we heard, then
    emergency numbers (`immediate`) or today's plan (`urgent`); an offer for `concern`;
    then ask whether we may share (or say honestly that we must). `who` as for
    `reflection`; `consent` is the answer so far, `asked_before` whether it was asked."""
    book = helplines()
    texts: list[str] = []
    told: list[dict[str, str]] = []
    if level == "immediate":
        heard = reflection(categories, who)
        texts += [f"{heard} {book['emergency']['text']}", book["emergency"]["silent"].strip()]
        told.append({"what": "Emergency services", "number": "999"})
    elif level == "urgent":
        texts.append(f"{reflection(categories, who)} {say('urgent_first', profile)}")
    else:
        texts.append(say(f"{level}_first", profile))
    lines = lines_for(categories)
    texts += [line["text"] for line in lines]
    told += [{"what": line["name"], "number": line["number"]} for line in lines]
    if level == "urgent":
        is_open = profile.first_contact_hours.is_open(now)
        texts.append(
            say(
                "urgent_today" if is_open else "urgent_tonight",
                profile,
                when=when_text(profile, level, now),
            )
        )
        if not is_open:
            told.append({"what": profile.out_of_hours.name, "number": profile.out_of_hours.phone})
    elif level == "concern":
        texts.append(say("concern_offer", profile))
    if reason:
        texts.append(say(f"must_share_{reason}", profile))
        return SafetyReply(texts, (), "contact", told)
    if consent == "yes":  # agreed already: only how to reach them is left
        return SafetyReply(texts, (), "contact", told)
    # Asked at a lower level and not agreed: asked once more, in other words, as it is
    # more serious now; never the same question twice.
    texts.append(say("ask_consent_again" if asked_before else "ask_consent", profile))
    return SafetyReply(texts, tuple(wording()["consent_buttons"]), "consent", told)


def check_question(
    kind: str, profile: CouncilProfile, who: str | None = None
) -> tuple[list[str], tuple[str, ...]]:
    """A short reflection, then one direct check question ("suicide" or "harm"), about
    `who` ("your father") when the person writes about someone else and it has a wording
    for that."""
    key = f"check_{kind}_other" if who and f"check_{kind}_other" in wording() else f"check_{kind}"
    texts = [say("check_first", profile), say(key, profile, who=who or "")]
    return texts, tuple(wording()["check_buttons"])
