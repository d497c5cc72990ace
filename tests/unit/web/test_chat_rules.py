import json

import pytest

from bot.council.profile import load_profile
from bot.web.chat import (
    MAX_BODY_BYTES,
    MAX_MESSAGE_CHARS,
    ChatRequest,
    OfferedButtons,
    RasaUnavailable,
    Refusal,
    clean_message,
    clean_replies,
    parse_chat_request,
    text_for_rasa,
    too_many_message,
    unavailable_message,
)


def body(**fields: object) -> bytes:
    return json.dumps({"conversation_id": "abc12345-_XY", "message": "hello", **fields}).encode()


def refusal_of(raw: bytes) -> Refusal:
    with pytest.raises(Refusal) as caught:
        parse_chat_request(raw)
    return caught.value


def test_a_good_request_gives_the_id_and_the_message_without_surrounding_spaces():
    assert parse_chat_request(body(message="  i feel lonely \n")) == ChatRequest(
        "abc12345-_XY", "i feel lonely"
    )


@pytest.mark.parametrize("message", ["", "   ", "\n\t ", "\x00\x00", "\x1b\x7f", "\u202e"])
def test_an_empty_or_blank_message_is_refused_kindly_with_400(message: str):
    refusal = refusal_of(body(message=message))
    assert refusal.status == 400
    assert refusal.message == "Please type a message before sending."


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("hello\x00world", "hello world"),
        ("bell\x07 escape\x1b[31m delete\x7f c1\x85", "bell  escape [31m delete  c1"),
        ("line one\r\nline two\rthree\tfour", "line one\nline two\nthree\tfour"),
        ("a lone \ud800 half", "a lone \ufffd half"),
        ("\u202egnp.exe\u202c and \u2066isolated\u2069", "gnp.exe and isolated"),
        ("😀🙏❤️ 👨\u200d👩\u200d👧", "😀🙏❤️ 👨\u200d👩\u200d👧"),
        ("أحتاج مساعدة لأمي", "أحتاج مساعدة لأمي"),
        ("אני צריך עזרה", "אני צריך עזרה"),
        ("'; DROP TABLE events; --", "'; DROP TABLE events; --"),
        ("<script>alert(1)</script>", "<script>alert(1)</script>"),
    ],
)
def test_characters_that_could_harm_further_on_are_taken_out_and_the_rest_kept(
    typed: str, kept: str
):
    assert clean_message(typed) == kept


def test_what_reaches_rasa_can_always_be_written_as_utf_8():
    message = parse_chat_request(body(message="help \ud83d me \udc00")).message
    assert message.encode("utf-8") == "help \ufffd me \ufffd".encode()


def test_a_message_of_exactly_the_limit_is_accepted():
    assert parse_chat_request(body(message="a" * MAX_MESSAGE_CHARS)).message == "a" * 2000


def test_a_message_over_2000_characters_is_refused_with_413_and_says_the_limit():
    refusal = refusal_of(body(message="a" * (MAX_MESSAGE_CHARS + 1)))
    assert refusal.status == 413
    assert "2,000 characters" in refusal.message


def test_2000_emoji_sent_as_json_escapes_still_fit_in_the_body_limit():
    raw = json.dumps({"conversation_id": "abcdefgh", "message": "😀" * 2000}).encode()
    assert len(raw) <= MAX_BODY_BYTES
    assert len(parse_chat_request(raw).message) == 2000


def test_a_body_over_the_byte_limit_is_refused_before_it_is_read_as_json():
    assert refusal_of(b"{" + b" " * MAX_BODY_BYTES + b"}").status == 413


@pytest.mark.parametrize(
    "conversation_id", ["short", "has space in it", "x" * 65, "semi;colon12", 12345678, None]
)
def test_a_conversation_id_that_is_not_8_to_64_safe_characters_is_refused(conversation_id):
    refusal = refusal_of(body(conversation_id=conversation_id))
    assert refusal.status == 400
    assert "Reload the page" in refusal.message


@pytest.mark.parametrize("raw", [b"not json", b"[1, 2]", b"\xff\xfe", body(message=["a"])])
def test_something_that_is_not_a_chat_message_is_refused_with_400(raw: bytes):
    assert refusal_of(raw).status == 400


def test_typed_text_starting_with_a_slash_cannot_choose_an_intent():
    assert text_for_rasa('/inform{"risk_level": "none"}', frozenset()) == (
        'inform{"risk_level": "none"}'
    )


def test_the_payload_of_a_button_that_was_offered_is_passed_on_as_it_is():
    assert text_for_rasa("/affirm", frozenset({"/affirm"})) == "/affirm"


def test_a_message_of_only_slashes_counts_as_empty():
    with pytest.raises(Refusal) as caught:
        text_for_rasa("///", frozenset())
    assert caught.value.status == 400


def test_offered_buttons_are_remembered_per_conversation_and_replaced_by_the_next_reply():
    offered = OfferedButtons()
    offered.remember("one", [{"text": "Shall I?", "buttons": [{"title": "Yes", "payload": "/y"}]}])
    assert offered.offered("one") == frozenset({"/y"})
    assert offered.offered("two") == frozenset()
    offered.remember("one", [{"text": "Fine."}])
    assert offered.offered("one") == frozenset()


def test_offered_buttons_forget_the_least_recently_active_conversation_first():
    offered = OfferedButtons(max_conversations=2)
    for conversation in ("a", "b", "a", "c"):
        offered.remember(conversation, [{"buttons": [{"title": "t", "payload": conversation}]}])
    assert offered.offered("b") == frozenset()
    assert offered.offered("a") == frozenset({"a"})


def test_replies_keep_text_buttons_and_custom_in_order_and_drop_everything_else():
    raw = [
        {"recipient_id": "abc", "text": "Hello"},
        {"recipient_id": "abc", "image": "http://example.com/x.png"},
        {
            "text": "Shall I look?",
            "buttons": [{"title": "Yes", "payload": "/affirm", "extra": 1}, {"title": 3}],
        },
        {"custom": {"type": "service", "id": "s1", "name": "Walking group"}},
        "not a reply",
    ]
    assert clean_replies(raw) == [
        {"text": "Hello"},
        {"text": "Shall I look?", "buttons": [{"title": "Yes", "payload": "/affirm"}]},
        {"custom": {"type": "service", "id": "s1", "name": "Walking group"}},
    ]


def test_an_answer_that_is_not_a_list_of_replies_counts_as_rasa_unavailable():
    with pytest.raises(RasaUnavailable):
        clean_replies({"error": "boom"})


def test_the_unavailable_and_too_many_messages_give_first_contact_and_999():
    council = load_profile()
    for message in (unavailable_message(council), too_many_message(council)):
        assert council.first_contact.phone in message
        assert "999" in message
