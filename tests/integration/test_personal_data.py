"""Subject access and erasure on the running system: a conversation held over HTTP is exported
and then erased by the commands a council's data protection officer runs."""

from __future__ import annotations

import json
import subprocess
import sys

from sqlalchemy import create_engine, text

from bot.privacy.subject_access import hashed
from bot.settings import PROJECT_ROOT
from tests.integration.stack import Stack

ASKED = "I would like to find a lunch club near S8 for my dad"


def privacy(stack: Stack, *args: str) -> subprocess.CompletedProcess[str]:
    """The command as a person runs it, against the stack's own databases."""
    return subprocess.run(
        [sys.executable, "-m", "bot.privacy", *args],
        cwd=PROJECT_ROOT,
        env={**stack.env, "USER": "dpo.integration"},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_conversation_is_exported_then_erased_and_rasa_no_longer_has_it(stack: Stack):
    sender = "privacy-export-erase-1"
    stack.say(sender, "hello")
    stack.say(sender, ASKED)
    offered_ids = stack.tracker(sender)["slots"]["signposted_services"]
    assert offered_ids, "asking for a lunch club near S8 is answered with options at once"

    record = privacy(stack, "export", "--conversation", sender)
    assert record.returncode == 0, record.stderr
    assert f"You: {ASKED}" in record.stdout
    exported = privacy(stack, "export", "--conversation", sender, "--format", "json")
    assert exported.returncode == 0, exported.stderr
    [conversation] = json.loads(exported.stdout)["conversations"]
    assert ASKED in [m["text"] for m in conversation["messages"] if m["speaker"] == "person"]
    assert [offer["id"] for offer in conversation["offered"]] == offered_ids

    erased = privacy(stack, "erase", "--conversation", sender, "--yes")
    assert erased.returncode == 0, erased.stderr
    again = privacy(stack, "export", "--conversation", sender)
    assert again.returncode == 2
    assert again.stderr == "Not done: nothing is held for that conversation.\n"

    events = stack.tracker(sender)["events"]
    assert [event for event in events if event["event"] == "user"] == []
    # Recorded by who ran it, with counts and a hashed id: never the id or what was said.
    engine = create_engine(stack.env["DATABASE_URL"], future=True)
    with engine.connect() as connection:
        recorded = connection.execute(
            text("SELECT action, subject, done_by FROM privacy_actions WHERE subject = :subject"),
            {"subject": hashed(sender)},
        ).all()
    engine.dispose()
    assert [tuple(row) for row in recorded] == [
        ("export", hashed(sender), "dpo.integration"),
        ("export", hashed(sender), "dpo.integration"),
        ("erase", hashed(sender), "dpo.integration"),
    ]
