"""When First Contact should have called back: the profile's hours per risk level, counted
in First Contact's opening hours."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from bot.council.profile import UK_TIME, CouncilProfile, OpeningHours


def _closing_time(hours: OpeningHours, opened: datetime) -> datetime:
    local = opened.astimezone(UK_TIME)
    _opens, closes = hours.by_weekday[local.weekday()]
    return datetime.combine(local.date(), closes, tzinfo=UK_TIME)


def add_opening_hours(hours: OpeningHours, start: datetime, wanted: timedelta) -> datetime:
    """`start` plus `wanted` of time when the team is open (so a Friday-afternoon urgent case
    runs on into Monday morning). If the team never opens, plain clock time is all we have."""
    cursor = hours.next_opening(start)
    if cursor is None:
        return (start + wanted).astimezone(timezone.utc)
    remaining = wanted
    while True:
        # Arithmetic in UTC: ZoneInfo times that share a tzinfo subtract as wall clock.
        opened = cursor.astimezone(timezone.utc)
        closes = _closing_time(hours, cursor).astimezone(timezone.utc)
        if opened + remaining <= closes:
            return opened + remaining
        remaining -= closes - opened
        following = hours.next_opening(closes)
        assert following is not None  # it opened once this week, so it opens again
        cursor = following


def call_back_by(profile: CouncilProfile, risk_level: str, now: datetime) -> datetime:
    """Deadline in UTC; a level missing from the profile gets the slowest one listed."""
    table = profile.call_back_within_hours
    hours = table.get(risk_level, max(table.values(), default=72))
    return add_opening_hours(profile.first_contact_hours, now, timedelta(hours=hours))
