"""What the Rasa hand-over action calls: build, save and queue, then try to send at once.

Blocking (database and HTTP): call it with `asyncio.to_thread` from `async def run`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from bot.database import session_scope
from bot.handover import queries
from bot.handover.delivery import Endpoint, deliver_now
from bot.handover.outbox import made_record, resubmit, submit
from bot.handover.policy import DeliveryPolicy
from bot.handover.record import ConversationFacts, build_handover, revise_handover
from bot.settings import Settings

FIRST_TRY_TIMEOUT_SECONDS = 3.0


@dataclass(frozen=True)
class HandedOver:
    reference: str
    # False means queued: the dispatcher keeps trying and alerts if it is late.
    delivered: bool


def hand_over(
    facts: ConversationFacts, settings: Settings, policy: DeliveryPolicy | None = None
) -> HandedOver:
    """The reference to give the person. Once this returns, the hand-over is saved and
    will reach First Contact even if the try here fails."""
    # The person is waiting for the reply, so the first try gives up sooner than the
    # dispatcher's; if it times out after all, the dispatcher's retry is a harmless duplicate.
    policy = policy or DeliveryPolicy(timeout_seconds=FIRST_TRY_TIMEOUT_SECONDS)
    record = build_handover(facts, settings.council(), settings.now())
    with session_scope(settings.database_url) as session:
        reference = submit(session, record, datetime.now(timezone.utc))
    status = deliver_now(settings.database_url, reference, Endpoint.from_settings(settings), policy)
    if status is None:
        # A retried action: the first run (or the dispatcher) already has this one.
        with session_scope(settings.database_url) as session:
            message = queries.outbox_message(session, reference)
            status = message.status if message else None
    return HandedOver(reference, delivered=status == "delivered")


def revise(reference: str, facts: ConversationFacts, settings: Settings) -> None:
    """Queue the hand-over `reference` again with everything said since it was made, so
    First Contact reads the whole conversation, not only what came before the hand-over.
    The dispatcher sends it within a second or two: unlike the first hand-over, nobody is
    waiting on this try, so the chat turn does not wait on First Contact's system."""
    with session_scope(settings.database_url) as session:
        made = made_record(session, reference)
        if made is None:
            raise LookupError("no hand-over has that reference")
        record = revise_handover(made, facts, settings.council(), settings.now())
        resubmit(session, record, datetime.now(timezone.utc))
