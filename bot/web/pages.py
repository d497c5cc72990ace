"""The public pages (a sample council page hosting the chat, and the chat on its own page)
and the files they need. Everything is served from this app: no CDN, no third parties."""

from __future__ import annotations

import logging
from pathlib import Path

from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.council.profile import CouncilProfile
from bot.web.chat import MAX_MESSAGE_CHARS, unavailable_message
from bot.web.config import WebConfig
from bot.web.templates import render

log = logging.getLogger(__name__)

WEB_DIR = Path(__file__).parent
STATIC_DIR = WEB_DIR / "static"
FRONTEND_DIR = WEB_DIR / "frontend"
STYLESHEET = FRONTEND_DIR / "build" / "council.css"
GOVUK_IMAGES = (
    FRONTEND_DIR / "node_modules" / "govuk-frontend" / "dist" / "govuk" / "assets" / "images"
)

# Only our own origin may supply scripts, styles, fonts or images, and only it may be
# called from the page; nothing may frame the page (the chat could be read through it).
PAGE_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'"
    ),
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
}


def add_page_routes(app: Sanic, council: CouncilProfile, config: WebConfig) -> None:
    if not STYLESHEET.is_file():
        log.warning("%s is missing: run scripts/install-browser.sh to build it", STYLESHEET)
    app.static("/assets/council.css", STYLESHEET, name="council_css")
    app.static("/assets/images", GOVUK_IMAGES, name="govuk_images")
    app.static("/static", STATIC_DIR, name="chat_static")
    context = {
        "council": council,
        "exit_page_url": config.exit_page_url,
        "max_message_chars": MAX_MESSAGE_CHARS,
        "unavailable_message": unavailable_message(council),
    }

    @app.get("/")
    async def home(_request: Request) -> HTTPResponse:
        response = render("home.html", chat_heading="h2", **context)
        response.headers.update(PAGE_HEADERS)
        return response

    @app.get("/chat")
    async def chat_page(_request: Request) -> HTTPResponse:
        response = render("chat.html", chat_heading="h1", **context)
        response.headers.update(PAGE_HEADERS)
        return response
