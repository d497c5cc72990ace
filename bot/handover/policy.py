"""How hard and how often the outbox tries to deliver, and when people are told it hasn't.

Defaults suit production; the HANDOVER_* environment variables shorten them for tests."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta

ENVIRONMENT = {
    "poll_seconds": "HANDOVER_POLL_SECONDS",
    "backoff_base_seconds": "HANDOVER_BACKOFF_SECONDS",
    "backoff_cap_seconds": "HANDOVER_BACKOFF_CAP_SECONDS",
    "max_attempts": "HANDOVER_MAX_ATTEMPTS",
    "stuck_after_seconds": "HANDOVER_STUCK_SECONDS",
    "alert_after_seconds": "HANDOVER_ALERT_AFTER_SECONDS",
    "timeout_seconds": "HANDOVER_TIMEOUT_SECONDS",
}


@dataclass(frozen=True)
class DeliveryPolicy:
    poll_seconds: float = 1.0
    backoff_base_seconds: float = 10.0
    # Five minutes at most between tries: First Contact must not wait long after an outage.
    backoff_cap_seconds: float = 300.0
    # About two and a half hours of trying before the row is marked failed.
    max_attempts: int = 35
    # Longer than any one request can take, so only a dispatcher that died is swept.
    stuck_after_seconds: float = 120.0
    alert_after_seconds: float = 900.0
    timeout_seconds: float = 10.0

    def retry_delay(self, attempts: int) -> timedelta:
        """Wait after the `attempts`-th failed try: doubling from the base, capped."""
        seconds = self.backoff_base_seconds * 2 ** max(attempts - 1, 0)
        return timedelta(seconds=min(seconds, self.backoff_cap_seconds))

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> DeliveryPolicy:
        values: dict[str, float | int] = {}
        for name, variable in ENVIRONMENT.items():
            raw = env.get(variable)
            if raw is None:
                continue
            try:
                values[name] = int(raw) if name == "max_attempts" else float(raw)
            except ValueError as error:
                raise ValueError(f"{variable} should be a number, not {raw!r}") from error
            if values[name] <= 0:
                raise ValueError(f"{variable} should be more than 0")
        return cls(**values)  # type: ignore[arg-type]
