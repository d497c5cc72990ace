"""What may reach Rasa through its REST channel (`POST /webhooks/rest/webhook`): the web
app's rules for a message, for programs that post to Rasa directly.

Rasa's own channel answers 500 to an empty body or a JSON list, crashes on a message that
is not text (and logs it), files every message without a sender under one conversation
called "default", and keeps a million characters busy for many seconds while nobody else
gets an answer. `check_rest_request` is Sanic request middleware for the channel's
blueprint: it refuses those with a kind message in JSON, and hands Rasa the message with
the characters that could harm further on taken out (`bot.web.chat.clean_message`). The
channel (bot/rasa_channel.py) adds it with `blueprint.middleware("request")(check_rest_request)`.

Nothing here logs or keeps what a person wrote."""

from __future__ import annotations

from typing import Any

from sanic.request import Request
from sanic.response import HTTPResponse
from sanic.response import json as json_response

from bot.web.chat import Refusal, checked_message, clean_message, json_object, wording

# Ten times what the web app lets through, for a program that sends a long story at once;
# the 100,000 characters someone could send would keep Rasa from everyone else.
MAX_REST_MESSAGE_CHARS = 20_000
# Rasa's SQL tracker store keeps a sender in 255 characters.
MAX_SENDER_CHARS = 255

NO_SENDER = wording()["no_sender"]
TOO_LONG = wording()["too_long"].format(limit=f"{MAX_REST_MESSAGE_CHARS:,}")


def read_rest_message(body: bytes) -> dict[str, Any]:
    """The posted JSON object with a checked `sender` and a cleaned `message`; raise
    Refusal with a kind message when it is not one Rasa should see."""
    data = json_object(body)
    sender = data.get("sender")
    if isinstance(sender, int) and not isinstance(sender, bool):
        sender = str(sender)
    # A NUL or a lone surrogate in a sender would stop the tracker store saving it.
    if not isinstance(sender, str) or not 0 < len(sender) <= MAX_SENDER_CHARS:
        raise Refusal(400, NO_SENDER)
    if clean_message(sender) != sender.strip():
        raise Refusal(400, NO_SENDER)
    message = checked_message(data.get("message"), MAX_REST_MESSAGE_CHARS, TOO_LONG)
    return {**data, "sender": sender, "message": message}


async def check_rest_request(request: Request) -> HTTPResponse | None:
    """Refuse a post to the channel's webhook that `read_rest_message` refuses; otherwise
    let Rasa's handler read the checked message in place of the one posted."""
    if request.method != "POST" or not request.path.endswith("/webhook"):
        return None
    try:
        checked = read_rest_message(request.body)
    except Refusal as refusal:
        return json_response({"error": refusal.message}, status=refusal.status)
    # Rasa's channel reads the body through `request.json`, which is parsed once and kept.
    request.parsed_json = checked
    return None
