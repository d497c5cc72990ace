"""Reminders that outlive a restart of the Rasa server.

Rasa keeps its reminders in memory only: a server restarted (a deploy, a crash) forgets
every reminder it had set. One of them is the hand-over that goes to First Contact after a
person at risk goes quiet without answering (actions/handover.py), so a restart at the
wrong moment would drop a risk already raised. Every reminder is also an event in the
tracker store, so when a server starts it sets again each one still waiting there. One
that came due while no server ran goes at once; the action it runs decides again whether
anything is due, and the conversation's lock keeps two servers from running it together.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel
from rasa.shared.core.events import Event, ReminderCancelled, ReminderScheduled, UserUttered

logger = logging.getLogger(__name__)
# Conversations with a reminder set this recently are looked at when a server starts. A
# hand-over waits minutes, so a week covers any outage; older conversations are left.
LOOK_BACK_SECONDS = 7 * 24 * 3600


def waiting_reminders(events: list[Event]) -> list[ReminderScheduled]:
    """The reminders in a conversation's events that are still to run: the latest set
    under each name, not cancelled since and not yet fired (Rasa marks what a reminder
    says with its intent)."""
    waiting: dict[str, ReminderScheduled] = {}
    for event in events:
        if isinstance(event, ReminderScheduled):
            waiting[event.name] = event
        elif isinstance(event, ReminderCancelled):
            waiting = {
                name: reminder
                for name, reminder in waiting.items()
                if not event.cancels_job_with_name(reminder.scheduled_job_name(""), "")
            }
        elif isinstance(event, UserUttered) and event.intent_name:
            waiting = {
                name: reminder
                for name, reminder in waiting.items()
                if reminder.intent != event.intent_name
            }
    return list(waiting.values())


async def set_waiting_reminders_again(app: Any, *_: object) -> None:
    """Sanic listener, after the server has started (and after reminders are told to run
    however late)."""
    processor = app.ctx.agent.processor
    store = getattr(processor.tracker_store, "_tracker_store", processor.tracker_store)
    if not hasattr(store, "senders_with_reminders_since"):
        return  # a store that cannot say which conversations have reminders
    senders = store.senders_with_reminders_since(time.time() - LOOK_BACK_SECONDS)
    count = 0
    for sender in senders:
        tracker = await processor.tracker_store.retrieve(sender)
        if tracker is None:
            continue
        reminders = waiting_reminders(list(tracker.events))
        # The person is not connected to this server: what the reminder says is kept in
        # the conversation for the web page to show, as for any reminder.
        await processor._schedule_reminders(reminders, tracker, CollectingOutputChannel())
        count += len(reminders)
    if count:
        logger.info("set %d waiting reminder(s) again after starting", count)
