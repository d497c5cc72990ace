"""The one plain-English line that says why a service was suggested."""

from __future__ import annotations

import re

from directory.search.geography import Place
from directory.search.index import Entry, Index
from directory.search.ranking import Ranked
from directory.search.schedules import TimeNeed

SHORT = 110


def short_description(entry: Entry) -> str:
    """The first sentence of the description, cut at a word if long, or the name."""
    text = " ".join(entry.description.split())
    sentence = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0].rstrip(".!?") if text else ""
    if not sentence:
        return entry.name
    if len(sentence) > SHORT:
        sentence = sentence[:SHORT].rsplit(" ", 1)[0] + "…"
    return sentence


def why(index: Index, ranked: Ranked, place: Place | None, time: TimeNeed, matched: bool) -> str:
    entry = index.entries[ranked.number]
    line = short_description(entry)
    if not matched:
        return f"Nothing matched exactly, so this is a good general place to start: {line}"
    if ranked.needs and (need := index.needs.get(ranked.needs[0])) and need.says:
        line += f"; could help with {need.says}"
    elif ranked.by_meaning:
        # Neither a need nor a word matched: say so plainly rather than claim a match.
        line += "; close in meaning to what you described"
    if ranked.distance is not None and place:
        line += f", {ranked.distance:.1f} miles from {place.label}"
    elif place and not index.points[ranked.number]:
        line += ", by phone or online"
    if time and ranked.fits_time:
        line += f", {time.describe()}" if not time.now else ", open now"
    return line
