"""The Rasa server's own start-up steps, against the libraries it runs on."""

import asyncio
from datetime import datetime, timedelta, timezone

from rasa.core import jobs

from bot.rasa_server import run_reminders_however_late


def test_reminders_made_after_start_up_run_however_late():
    async def scheduled() -> object:
        await run_reminders_however_late()
        scheduler = await jobs.scheduler()
        due = datetime.now(timezone.utc) + timedelta(hours=1)
        job = scheduler.add_job(lambda: None, "date", run_date=due, id="late-reminder-test")
        grace = job.misfire_grace_time
        job.remove()
        # Rasa keeps one scheduler per process, bound to this test's event loop: forget it.
        scheduler.shutdown(wait=False)
        vars(jobs)["__scheduler"] = None
        return grace

    assert asyncio.run(scheduled()) is None
