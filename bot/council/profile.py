"""Load the council profile (profile.yml) into typed, immutable objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

from directory.search.schedules import clock_text, days_text

DEFAULT_PROFILE_PATH = Path(__file__).with_name("profile.yml")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
UK_TIME = ZoneInfo("Europe/London")


class ProfileError(ValueError):
    """The council profile is missing something or says it in a way we cannot read."""


@dataclass(frozen=True)
class OpeningHours:
    """Opening times per weekday (0 = Monday); a missing day is closed."""

    by_weekday: dict[int, tuple[time, time]] = field(default_factory=dict)

    def is_open(self, at: datetime) -> bool:
        """Open at this moment? `at` must be timezone-aware; hours are read in UK time."""
        local = at.astimezone(UK_TIME)
        span = self.by_weekday.get(local.weekday())
        return span is not None and span[0] <= local.time() < span[1]

    def next_opening(self, at: datetime) -> datetime | None:
        """When it next opens (UK time), or None if it never opens; `at` itself if open now."""
        if self.is_open(at):
            return at.astimezone(UK_TIME)
        local = at.astimezone(UK_TIME)
        for days_ahead in range(8):
            day = (local + timedelta(days=days_ahead)).date()
            span = self.by_weekday.get(day.weekday())
            if span is None:
                continue
            # Built from the wall-clock time so summer-time changes land on the right hour.
            opening = datetime.combine(day, span[0], tzinfo=UK_TIME)
            if opening > local:
                return opening
        return None

    def describe(self) -> str:
        """Plain words, e.g. 'Monday to Thursday, 8:30am to 5pm; Friday, 8:30am to 4:30pm'."""
        by_span: dict[tuple[time, time], list[int]] = {}
        for day in sorted(self.by_weekday):
            by_span.setdefault(self.by_weekday[day], []).append(day)
        parts = [
            f"{days_text(days)}, {clock_text(opens)} to {clock_text(closes)}"
            for (opens, closes), days in by_span.items()
        ]
        return "; ".join(parts) if parts else "closed"


@dataclass(frozen=True)
class Team:
    name: str
    phone: str


@dataclass(frozen=True)
class CouncilProfile:
    name: str
    website: str
    first_contact: Team
    first_contact_email: str
    first_contact_hours: OpeningHours
    call_back_within_hours: dict[str, int]
    out_of_hours: Team
    localities: dict[str, tuple[str, ...]]
    conversations_retention_days: int
    handovers_retention_days: int

    def locality_of(self, postcode_district: str) -> str | None:
        """The locality a postcode district belongs to, or None if the council doesn't cover it."""
        district = postcode_district.strip().upper()
        for locality, districts in self.localities.items():
            if district in districts:
                return locality
        return None


def _parse_span(day: str, text: str) -> tuple[time, time]:
    try:
        opens, closes = (time.fromisoformat(part.strip()) for part in text.split("-"))
    except ValueError as error:
        raise ProfileError(f"opening hours for {day} should look like 08:30-17:00") from error
    if closes <= opens:
        raise ProfileError(f"opening hours for {day} close before they open")
    return opens, closes


def _require(section: dict, key: str, where: str) -> object:
    if key not in section or section[key] in (None, ""):
        raise ProfileError(f"the council profile needs {where}.{key}")
    return section[key]


def _days(retention: dict, key: str, default: int) -> int:
    # The retention sweep deletes whatever is older than this: a 0 or a typo must not
    # quietly delete every conversation.
    raw = retention.get(key, default)
    if isinstance(raw, bool) or not isinstance(raw, int) or raw < 1:
        raise ProfileError(f"retention.{key} should be a whole number of days, 1 or more")
    return raw


def load_profile(path: Path = DEFAULT_PROFILE_PATH) -> CouncilProfile:
    """Read and check the profile; raise ProfileError with a plain reason when it is wrong."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise ProfileError(f"cannot read the council profile at {path}: {error}") from error
    council, first_contact = raw.get("council", {}), raw.get("first_contact", {})
    out_of_hours, retention = raw.get("out_of_hours", {}), raw.get("retention", {})
    hours_raw = _require(first_contact, "opening_hours", "first_contact")
    unknown_days = set(hours_raw) - set(DAYS)
    if unknown_days:
        raise ProfileError(f"unknown day names in opening hours: {', '.join(sorted(unknown_days))}")
    hours = OpeningHours(
        {DAYS.index(day): _parse_span(day, str(span)) for day, span in hours_raw.items()}
    )
    return CouncilProfile(
        name=str(_require(council, "name", "council")),
        website=str(council.get("website", "")),
        first_contact=Team(
            str(first_contact.get("name", "First Contact")),
            str(_require(first_contact, "phone", "first_contact")),
        ),
        first_contact_email=str(first_contact.get("email", "")),
        first_contact_hours=hours,
        call_back_within_hours={
            str(level): int(hours)
            for level, hours in first_contact.get("call_back_within_hours", {}).items()
        },
        out_of_hours=Team(
            str(out_of_hours.get("name", "the out-of-hours team")),
            str(_require(out_of_hours, "phone", "out_of_hours")),
        ),
        localities={
            str(name): tuple(str(d).upper() for d in districts)
            for name, districts in raw.get("localities", {}).items()
        },
        conversations_retention_days=_days(retention, "conversations_days", 30),
        handovers_retention_days=_days(retention, "handovers_days", 2190),
    )
