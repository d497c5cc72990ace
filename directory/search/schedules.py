"""Weekly opening times (ORUK schedules) and what a query asks about time, in UK time."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, time
from typing import Any
from zoneinfo import ZoneInfo

UK = ZoneInfo("Europe/London")
DAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
EVENING_FROM = time(17, 30)
WEEKEND = frozenset({5, 6})

_DAY_WORDS = {name.lower()[:3]: number for number, name in enumerate(DAY_NAMES)}
# Full names only (plus common short forms): "sat" and "sun" are ordinary words too.
_DAY_PATTERN = re.compile(
    r"\b(?:on\s+(?:a\s+)?)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|tues|weds|thurs)s?\b",
    re.I,
)
_WEEKEND = re.compile(r"\b(?:at|on|over)?\s*(?:the\s+)?week\s?ends?\b", re.I)
_EVENING = re.compile(r"\b(?:in\s+the\s+)?(evenings?|tonight|after\s+work|at\s+night)\b", re.I)
_TODAY = re.compile(r"\b(today|tonight)\b", re.I)
_TONIGHT = re.compile(r"\btonight\b", re.I)
_NOW = re.compile(r"\b(open\s+now|right\s+now|open\s+at\s+the\s+moment)\b", re.I)


@dataclass(frozen=True)
class Opening:
    days: frozenset[int]  # 0 = Monday
    opens: time | None
    closes: time | None

    def open_at(self, moment: datetime) -> bool:
        local = moment.astimezone(UK)
        if local.weekday() not in self.days:
            return False
        opens, closes = self.opens or time(0, 0), self.closes or time(23, 59, 59)
        return opens <= local.time() < closes or (closes <= opens and local.time() >= opens)

    def in_evening(self) -> bool:
        return (self.closes is not None and self.closes > EVENING_FROM) or (
            self.opens is not None and self.opens >= time(17, 0)
        )


@dataclass
class TimeNeed:
    """When the person wants something: particular days, evenings, or open right now."""

    days: set[int] = field(default_factory=set)
    evening: bool = False
    now: bool = False

    def __bool__(self) -> bool:
        return bool(self.days or self.evening or self.now)

    def describe(self) -> str:
        parts = []
        if self.days:
            if set(self.days) == WEEKEND:
                parts.append("at the weekend")
            else:
                parts.append("on " + " and ".join(DAY_NAMES[d] + "s" for d in sorted(self.days)))
        if self.evening:
            parts.append("in the evening")
        if self.now:
            parts.append("open now")
        return " ".join(parts)


def _clock(value: Any) -> time | None:
    try:
        return time.fromisoformat(str(value)[:8]) if value else None
    except ValueError:
        return None


def opening(row: dict[str, Any]) -> Opening | None:
    """One schedule row as an Opening, or None if it is not a weekly pattern we can read."""
    if (row.get("freq") or "WEEKLY").upper() != "WEEKLY":
        return None
    codes = re.findall(r"(MO|TU|WE|TH|FR|SA|SU)", (row.get("byday") or "").upper())
    if not codes:
        return None
    days = frozenset(DAY_CODES.index(code) for code in codes)
    return Opening(days, _clock(row.get("opens_at")), _clock(row.get("closes_at")))


def clock_text(value: time) -> str:
    """9:00 -> '9am', 16:30 -> '4:30pm': how times are written on GOV.UK."""
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    return f"{hour}{suffix}" if value.minute == 0 else f"{hour}:{value.minute:02d}{suffix}"


def days_text(days: list[int]) -> str:
    """[0, 1, 2, 3, 4, 6] -> 'Monday to Friday and Sunday' (0 = Monday)."""
    runs: list[list[int]] = []
    for day in sorted(days):
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    names = [
        DAY_NAMES[run[0]]
        if len(run) == 1
        else f"{DAY_NAMES[run[0]]} {'and' if len(run) == 2 else 'to'} {DAY_NAMES[run[-1]]}"
        for run in runs
    ]
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]


def describe(openings: list[Opening]) -> str:
    """Opening times as plain text, e.g. "Monday to Friday, 9am to 5pm; Saturday, 10am to 1pm"."""
    lines = []
    for item in openings:
        if item.opens == time(0, 0) and item.closes and item.closes >= time(23, 59):
            hours = ", day and night"
        elif item.opens and item.closes:
            hours = f", {clock_text(item.opens)} to {clock_text(item.closes)}"
        else:
            hours = ""
        days = "Every day" if len(item.days) == 7 else days_text(list(item.days))
        lines.append(days + hours)
    return "; ".join(lines)


def read_time_need(query: str, open_now: bool, at: datetime) -> tuple[TimeNeed, str]:
    """What the query asks about time, and the query with those words taken out."""
    need = TimeNeed(now=open_now)
    local = at.astimezone(UK)
    for match in _DAY_PATTERN.finditer(query):
        need.days.add(_DAY_WORDS[match.group(1).lower()[:3]])
    if _WEEKEND.search(query):
        need.days |= WEEKEND
    if _EVENING.search(query):
        need.evening = True
    if _TODAY.search(query):
        need.days.add(local.weekday())
    if _NOW.search(query) or (_TONIGHT.search(query) and local.time() >= EVENING_FROM):
        # "Tonight", asked once the evening has begun, means now: a service that closed at
        # seven will not help someone writing at eleven.
        need.now = True
    rest = query
    for pattern in (_DAY_PATTERN, _WEEKEND, _EVENING, _TODAY, _NOW):
        rest = pattern.sub(" ", rest)
    return need, rest


def fits(openings: list[Opening], need: TimeNeed, at: datetime) -> bool:
    """Whether a service's openings meet every part of the time need."""
    if need.now and not any(item.open_at(at) for item in openings):
        return False
    chosen = [item for item in openings if not need.days or item.days & need.days]
    if not chosen:
        return False
    return not need.evening or any(item.in_evening() for item in chosen)
