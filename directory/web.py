"""The ORUK 3.0 API as a Sanic blueprint, mounted by the web app under /oruk."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from sanic import Blueprint
from sanic.request import Request
from sanic.response import HTTPResponse, json
from sqlalchemy.orm import Session

from directory import publish
from directory.db import session_scope

blueprint = Blueprint("oruk", url_prefix="/oruk")
# The profile asks every response to allow use from any web page.
CORS = {"Access-Control-Allow-Origin": "*"}


def _params(request: Request) -> dict[str, str]:
    return {key: request.args.get(key) for key in request.args}


def _build(build: Callable[[Session], Any]) -> Any:
    with session_scope() as session:
        return build(session)


async def _answer(build: Callable[[Session], Any]) -> HTTPResponse:
    """Run the database work off the event loop, then answer in JSON."""
    try:
        body = await asyncio.get_running_loop().run_in_executor(None, _build, build)
    except publish.BadRequest as error:
        return json({"error": str(error)}, status=400, headers=CORS)
    if body is None:
        return json({"error": "not found"}, status=404, headers=CORS)
    return json(body, headers=CORS)


@blueprint.get("/")
async def api_info(request: Request) -> HTTPResponse:
    base = request.url.split("?")[0].rstrip("/")
    return json(publish.api_info(base), headers=CORS)


@blueprint.get("/services")
async def services(request: Request) -> HTTPResponse:
    return await _answer(lambda session: publish.services(session, _params(request)))


@blueprint.get("/services/<service_id:str>")
async def service(request: Request, service_id: str) -> HTTPResponse:
    return await _answer(lambda session: publish.service(session, service_id))


@blueprint.get("/taxonomies")
async def taxonomies(request: Request) -> HTTPResponse:
    return await _answer(lambda session: publish.taxonomies(session, _params(request)))


@blueprint.get("/taxonomy_terms")
async def taxonomy_terms(request: Request) -> HTTPResponse:
    return await _answer(lambda session: publish.taxonomy_terms(session, _params(request)))
