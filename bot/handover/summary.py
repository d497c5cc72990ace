"""The summary a First Contact worker reads first: readable in about 30 seconds.

Order: level, who and what in their own words; the risk; how to reach them safely;
consent; what they were told and offered; when to call back by. Their own words get most
of the thirty seconds: the other lines are kept short (helplines by name, offers counted:
the record lists them in full), so the sentences chosen as most telling are all shown.
Only an over-long quote from elsewhere is cut, so the summary stays within 140 words."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.council.profile import UK_TIME

LEVEL_LABELS = {
    "immediate": "IMMEDIATE RISK",
    "urgent": "URGENT",
    "concern": "CONCERN",
    "none": "NO RISK FOUND",
}
# About 250 words a minute for reading a case: 30 seconds is 125 to 140 words. Their own
# words fill what the other lines leave (about 80: bot/conversation/in_their_words.py),
# and always get a few.
SUMMARY_WORDS = 140
QUOTE_WORDS_AT_LEAST = 15
LIST_ITEMS = 3
# A worker acts on the worst worry first; the rest are in the record's reasons.
RISKS_NAMED = 2


def _cut(text: str, words: int) -> str:
    parts = text.split()
    return " ".join(parts) if len(parts) <= words else " ".join(parts[:words]) + "…"


def _listed(items: list[str]) -> str:
    shown = ", ".join(items[:LIST_ITEMS])
    hidden = len(items) - LIST_ITEMS
    return f"{shown} and {hidden} more" if hidden > 0 else shown


def _yes_no(value: bool) -> str:
    return "yes" if value else "NO"


def _who(record: dict[str, Any]) -> str:
    contacting, person = record["contacting"], record["person_at_risk"]
    about = person["description"]
    if person.get("name"):
        about = f"{person['name']} ({about})"
    if contacting["for_self"]:
        return "Writing about themself"
    if contacting["for_self"] is False and contacting["relationship"]:
        return f"{contacting['relationship'].capitalize()} writing about {about}"
    return f"Someone writing about {about}"


def _lead(record: dict[str, Any], words_left: int) -> str:
    """Level and who, then their own words in what is left of the thirty seconds."""
    label = LEVEL_LABELS[record["risk_level"]]
    if record["kind"] == "call_back":
        label += ", call-back request"
    lead = f"{label}. {_who(record)}"
    quotes = " ".join(f'"{quote}"' for quote in record["in_their_words"])
    if not quotes:
        return f"{lead}."
    return f"{lead} — {_cut(quotes, max(words_left - len(lead.split()) - 1, QUOTE_WORDS_AT_LEAST))}"


def _risk(record: dict[str, Any]) -> str | None:
    """The worries found at the level the hand-over is at, the first found first: a worry
    a lower level once suggested ("suicide" beside a pension taken) is left to the record."""
    if not record["risk_categories"]:
        return None
    at_level = [
        reason["category"]
        for reason in sorted(record["risk_reasons"], key=lambda reason: reason["turn"])
        if reason["level"] == record["risk_level"]
    ]
    named = [c for c in dict.fromkeys(at_level or record["risk_categories"]) if c != "unspecified"]
    categories = [category.replace("_", " ") for category in named or ["unspecified"]]
    # Why is in their own words above (the sentences that raised it are quoted first),
    # and every reason is in the record.
    return f"Risk: {', '.join(categories[:RISKS_NAMED])}."


def _contact(record: dict[str, Any]) -> str:
    contact = record["contact"]
    ways = [contact[key] for key in ("phone", "email", "address") if contact.get(key)]
    where = f" Postcode: {contact['postcode']}." if contact.get("postcode") else ""
    if not ways:
        return f"Contact: none given (anonymous); cannot call back.{where}"
    name = f"{contact['name']}, " if contact.get("name") else ""
    line = f"Contact: {name}{'; '.join(ways)}."
    # Said only when the person said: "not asked" twice was noise in thirty seconds.
    if contact["safe_to_call"] is not None:
        line += f" Safe to call: {_yes_no(contact['safe_to_call'])}."
    if contact["can_leave_message"] is not None:
        line += f" Leave a message: {_yes_no(contact['can_leave_message'])}."
    line += f" Best time: {contact['best_time']}." if contact.get("best_time") else ""
    return line + where


def _consent(record: dict[str, Any]) -> str:
    consent = record["consent"]
    if consent["share"] == "yes":
        return "Consent to share: yes."
    answer = "refused" if consent["share"] == "no" else "not asked"
    return f"Consent to share: {answer}. Shared because: {consent['override_reason']}"


def _told_and_offered(record: dict[str, Any]) -> str | None:
    """Names only: the numbers and the services are in the record."""
    parts = []
    if record["told"]:
        parts.append(f"Told: {_listed([item['what'] for item in record['told']])}.")
    if offered := len(record["offered"]):
        parts.append(f"Offered {offered} local service{'s' if offered > 1 else ''}.")
    return " ".join(parts) or None


def _needs(record: dict[str, Any]) -> str | None:
    needs = record["communication_needs"]
    return f"Communication needs: {_listed(needs)}." if needs else None


def _call_back_by(record: dict[str, Any]) -> str:
    deadline = datetime.fromisoformat(record["call_back_by"].replace("Z", "+00:00"))
    return f"Call back by: {deadline.astimezone(UK_TIME):%a %d %b %Y %H:%M} (UK time)."


def summary_text(record: dict[str, Any]) -> str:
    """Plain text, one point a line, from a hand-over record (everything but the summary)."""
    lines = [
        _risk(record),
        _contact(record),
        _consent(record),
        _told_and_offered(record),
        _needs(record),
        _call_back_by(record),
    ]
    rest = [line for line in lines if line]
    words_left = SUMMARY_WORDS - sum(len(line.split()) for line in rest)
    return "\n".join([_lead(record, words_left), *rest])
