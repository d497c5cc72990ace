"""First Contact's hand-over API as a Sanic blueprint; the web app mounts `blueprint`.

Handlers only translate HTTP: the work is in `bot.handover.receiver`, run in a thread so
database calls never block the event loop."""

from __future__ import annotations

import asyncio
from datetime import datetime, timezone

from sanic import Blueprint
from sanic.request import Request
from sanic.response import HTTPResponse, json

from bot.handover import receiver
from bot.settings import Settings

blueprint = Blueprint("handovers")


def _reply(reply: receiver.Reply) -> HTTPResponse:
    return json(reply.body, status=reply.status)


def _unauthorised(request: Request, settings: Settings) -> HTTPResponse | None:
    if receiver.authorised(settings.first_contact_token, request.headers.get("authorization")):
        return None
    return json(
        {"error": "unauthorised", "reason": "send Authorization: Bearer <FIRST_CONTACT_TOKEN>"},
        status=401,
        headers={"WWW-Authenticate": "Bearer"},
    )


@blueprint.post("/api/handovers")
async def receive(request: Request) -> HTTPResponse:
    settings: Settings = request.app.ctx.settings
    reply = await asyncio.to_thread(
        receiver.receive,
        settings.database_url,
        settings.handover_signing_secret,
        request.body,
        dict(request.headers),
        datetime.now(timezone.utc),
    )
    return _reply(reply)


@blueprint.get("/api/handovers")
async def list_handovers(request: Request) -> HTTPResponse:
    settings: Settings = request.app.ctx.settings
    refused = _unauthorised(request, settings)
    if refused:
        return refused
    params = {name: request.args.get(name) for name in request.args}
    return _reply(await asyncio.to_thread(receiver.list_handovers, settings.database_url, params))


@blueprint.get("/api/handovers/<reference>")
async def get_handover(request: Request, reference: str) -> HTTPResponse:
    settings: Settings = request.app.ctx.settings
    refused = _unauthorised(request, settings)
    if refused:
        return refused
    return _reply(await asyncio.to_thread(receiver.get_handover, settings.database_url, reference))
