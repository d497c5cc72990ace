"""Ready only when Rasa and the action server answer too (contract 2 in DESIGN.md)."""

from __future__ import annotations

import asyncio

import aiohttp

CHECK_TIMEOUT_SECONDS = 2.0


async def answers(session: aiohttp.ClientSession, url: str) -> bool:
    try:
        async with session.get(
            url, timeout=aiohttp.ClientTimeout(total=CHECK_TIMEOUT_SECONDS)
        ) as r:
            return r.status == 200
    except (aiohttp.ClientError, asyncio.TimeoutError):
        return False


async def check(session: aiohttp.ClientSession, rasa_url: str, actions_url: str) -> dict[str, str]:
    rasa_ok, actions_ok = await asyncio.gather(
        answers(session, f"{rasa_url}/"), answers(session, f"{actions_url}/health")
    )
    return {"rasa": "ok" if rasa_ok else "down", "actions": "ok" if actions_ok else "down"}
