"""An export as JSON, and as a plain-text record the person can read: what they said, what
was suggested, and their reference.

Anything someone typed is shown as text and nothing else: control characters (which could
drive the terminal the export is printed in) and the invisible marks that reverse the
direction of text (which could make a line read as something it is not) are neutralised.
Neither form is HTML; anything that puts an export in a page must escape it there."""

from __future__ import annotations

import json
import re
import textwrap
from datetime import datetime
from typing import Any

from bot.council.profile import UK_TIME

# C0 and C1 controls (but tab and newline), DEL, bidirectional marks and overrides.
_HIDDEN = "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_HIDDEN_IN_TEXT = re.compile(f"[{_HIDDEN}]")
# JSON already escapes C0; these it leaves raw. Only strings can hold them, so escaping
# them in the finished text keeps it valid JSON with the same values.
_RAW_IN_JSON = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]")
REPLACEMENT = "\ufffd"
STATES = {"new": "not yet worked on", "in_progress": "being worked on", "closed": "closed"}
WIDTH = 88


def neutral(text: str) -> str:
    """Typed text made safe to print: line breaks kept, hidden characters shown as �."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    return _HIDDEN_IN_TEXT.sub(REPLACEMENT, text)


def as_json(export: dict[str, Any]) -> str:
    text = json.dumps(export, ensure_ascii=False, indent=2, sort_keys=False)
    return _RAW_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", text) + "\n"


def _when(stamp: str | None) -> str:
    if not stamp:
        return ""
    moment = datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone(UK_TIME)
    return f"{moment.day} {moment:%B %Y}, {moment:%H:%M}"


def _day(stamp: str | None) -> str:
    return _when(stamp).split(",")[0]


def _block(label: str, text: str, indent: int = 4, after: str = ": ") -> list[str]:
    """A labelled message wrapped to the page, its own line breaks kept."""
    lines: list[str] = []
    first = f"{label}{after}"
    for index, paragraph in enumerate(neutral(text).split("\n")):
        lead = first if index == 0 else " " * len(first)
        wrapped = textwrap.wrap(
            paragraph,
            WIDTH,
            initial_indent=" " * indent + lead,
            subsequent_indent=" " * (indent + len(first)),
            break_long_words=True,
            replace_whitespace=False,
        )
        lines.extend(wrapped or [(" " * indent + lead).rstrip()])
    return lines


def _said(conversation: dict[str, Any]) -> list[str]:
    lines = ["What was said", ""]
    day = None
    for message in conversation["messages"]:
        if _day(message.get("at")) != day:
            day = _day(message.get("at"))
            lines.append(f"  {day}")
        clock = _when(message.get("at")).split(", ")[-1]
        speaker = "You" if message.get("speaker") == "person" else "Assistant"
        lines.extend(_block(f"{clock}  {speaker}", str(message.get("text") or "")))
    if not conversation["messages"]:
        lines.append("  Nothing is held.")
    return lines


def _suggested(conversation: dict[str, Any]) -> list[str]:
    lines = ["What was suggested", ""]
    for offer in conversation["offered"]:
        lines.extend(_block("-", str(offer.get("name", "")), indent=2, after=" "))
        for key, label in (("why", "Why"), ("phone", "Phone"), ("email", "Email"), ("url", "Web")):
            if offer.get(key):
                lines.extend(_block(label, str(offer[key]), indent=6))
        if offer.get("opening_times"):
            lines.extend(_block("Open", str(offer["opening_times"]), indent=6))
    if not conversation["offered"]:
        lines.append("  Nothing was suggested.")
    return lines


def _references(conversation: dict[str, Any]) -> list[str]:
    """One line per reference: when it was passed on and, if First Contact's inbox is this
    system's, where their work on it stands."""
    lines = ["Your reference", ""]
    sent = {item["reference"]: item for item in conversation["handovers_sent"]}
    received = {item["reference"]: item for item in conversation["first_contact"]}
    for reference in conversation["references"]:
        said = [reference]
        if reference in sent:
            said.append(f": passed to First Contact on {_day(sent[reference]['created_at'])}")
        if reference in received:
            item = received[reference]
            if reference not in sent:
                said.append(f": received by First Contact on {_day(item['received_at'])}")
            said.append(f"; {STATES.get(item['state'], 'closed')}")
            if item.get("outcome"):
                said.append(f" ({item['outcome']})")
        lines.append("  " + "".join(said) + ("." if len(said) > 1 else ""))
    if not conversation["references"]:
        lines.append("  None: nothing was passed to First Contact.")
    return lines


def as_text(export: dict[str, Any], council_name: str) -> str:
    """The plain record, one part per conversation."""
    parts = []
    for conversation in export["conversations"]:
        messages = conversation["messages"]
        started = conversation["started_at"] or (messages[0].get("at") if messages else None)
        lines = [
            f"Your conversation with {council_name}'s online adult social care assistant",
            "",
            f"Conversation: {neutral(conversation['conversation_id'])}",
            f"Started: {_when(started) + ' (UK time)' if started else 'not known'}",
            f"This copy was made on {_day(export['exported_at'])}.",
            "",
            *_said(conversation),
            "",
            *_suggested(conversation),
            "",
            *_references(conversation),
        ]
        parts.append("\n".join(lines))
    return f"\n\n{'=' * WIDTH}\n\n".join(parts) + "\n"
