"""The export as JSON and as a plain record: readable, and what people typed stays text."""

import json

from bot.privacy.readable import as_json, as_text, neutral

MIDNIGHT = "2026-11-22T00:01:00Z"
SNEAKY = "hi\x1b[2J\x9b31m there \u202eevil\u202c\r\nsecond line"


def export(text: str = "I can't get mum in the bath") -> dict:
    return {
        "exported_at": "2026-11-22T12:00:00Z",
        "conversations": [
            {
                "conversation_id": "web-123",
                "started_at": "2026-11-21T23:00:00Z",
                "messages": [
                    {"speaker": "person", "text": text, "at": "2026-11-21T23:00:05Z"},
                    {"speaker": "assistant", "text": "What would help?", "at": MIDNIGHT},
                ],
                "offered": [{"id": "svc-1", "name": "Bath lift loans", "phone": "0114 496 0777"}],
                "references": ["FC-7K3M-9Q4P"],
                "handovers_sent": [{"reference": "FC-7K3M-9Q4P", "created_at": MIDNIGHT}],
                "first_contact": [],
            }
        ],
    }  # fmt: skip


def test_the_record_says_what_was_said_suggested_and_the_reference_in_uk_time():
    text = as_text(export(), "Sheffield City Council")
    assert "Sheffield City Council's online adult social care assistant" in text
    assert "  21 November 2026\n    23:00  You: I can't get mum in the bath" in text
    assert "  22 November 2026\n    00:01  Assistant: What would help?" in text
    assert "  - Bath lift loans\n      Phone: 0114 496 0777" in text
    assert "FC-7K3M-9Q4P: passed to First Contact on 22 November 2026." in text


def test_control_and_direction_characters_are_neutralised_in_the_record():
    text = as_text(export(SNEAKY), "the council")
    assert "\x1b" not in text and "\x9b" not in text and "\u202e" not in text
    assert "\r" not in text
    assert "You: hi\ufffd[2J\ufffd31m there \ufffdevil\ufffd" in text
    # A second line of their message stays under the first, not at the margin.
    assert "\n" + " " * 16 + "second line" in text
    assert neutral("plain words, kept as they are") == "plain words, kept as they are"


def test_the_json_escapes_them_and_still_reads_back_exactly():
    text = as_json(export(SNEAKY))
    assert "\x1b" not in text and "\x9b" not in text and "\u202e" not in text
    assert json.loads(text)["conversations"][0]["messages"][0]["text"] == SNEAKY
    assert "\\u202e" in text


def test_a_conversation_without_a_hand_over_says_so():
    data = export()
    data["conversations"][0].update(references=[], handovers_sent=[], offered=[])
    text = as_text(data, "the council")
    assert "None: nothing was passed to First Contact." in text
    assert "Nothing was suggested." in text


def test_a_reference_sent_and_received_here_is_one_line_saying_where_the_work_stands():
    data = export()
    data["conversations"][0]["first_contact"] = [
        {
            "reference": "FC-7K3M-9Q4P",
            "received_at": MIDNIGHT,
            "state": "closed",
            "outcome": "Connected to community support",
        }
    ]
    text = as_text(data, "the council")
    assert text.count("FC-7K3M-9Q4P") == 1
    assert (
        "FC-7K3M-9Q4P: passed to First Contact on 22 November 2026; closed "
        "(Connected to community support)." in text
    )
