"""Risk at any point comes first, and reaches First Contact with the whole story."""

import time

from tests.integration.conversation import Chat, wait_for_handover
from tests.integration.stack import QUIET_SECONDS, Stack


def test_a_crisis_in_the_first_message_gets_999_first_and_a_hand_over(stack: Stack):
    chat = Chat(stack, "crisis-first")
    first = chat.say("i want to end it all tonight, i've got the tablets ready")
    assert "Call 999 now" in first[0], "999 in the first message"
    assert any("116 123" in text for text in first)
    assert chat.slots()["risk_level"] == "immediate"
    done = chat.say("07700 900555, it's safe to call")
    reference = chat.slots()["handover_reference"]
    assert reference and reference in done[-1]
    assert "Please don't wait: call 999" in done[-1]
    record = wait_for_handover(stack, reference)
    assert record["risk_level"] == "immediate"
    assert record["summary"].startswith("IMMEDIATE")
    assert record["transcript"][0] == {
        "speaker": "person",
        "text": "i want to end it all tonight, i've got the tablets ready",
    } or record["transcript"][0]["text"].startswith("i want to end it all")


def test_risk_after_ten_turns_is_handed_over_with_the_conversation_so_far(stack: Stack):
    chat = Chat(stack, "risk-after-ten")
    for message in (
        "hello",
        "my dad has dementia and loves his garden",
        "for my dad",
        "my sister helps",
        "S8 0AB",
        "show me something else",
        "thanks",
        "he also likes brass bands",
        "he used to be a miner",
        "he lives on his own",
    ):
        chat.say(message)
    assert chat.slots()["risk_level"] == "none"
    chat.say("the man next door has been taking his bank card and he's scared of him")
    assert chat.slots()["risk_level"] in {"urgent", "immediate"}
    chat.say("ok, my number is 07700 900777")
    reference = chat.slots()["handover_reference"]
    record = wait_for_handover(stack, reference)
    texts = [turn["text"] for turn in record["transcript"]]
    assert "my dad has dementia and loves his garden" in texts
    assert len([t for t in record["transcript"] if t["speaker"] == "person"]) == 12
    assert "financial" in " ".join(record["risk_categories"])


def test_a_refused_share_is_respected_when_only_the_person_is_at_risk(stack: Stack):
    chat = Chat(stack, "refused-alone")
    chat.say("my husband shouts at me and calls me useless all the time")
    assert chat.slots()["risk_level"] in {"urgent", "concern"}
    reply = chat.say("No, please don't")
    assert any("I won't pass it on" in text for text in reply)
    assert chat.slots()["handover_reference"] is None


def test_a_refused_share_is_passed_on_honestly_when_someone_else_is_at_risk(stack: Stack):
    chat = Chat(stack, "refused-others")
    reply = chat.say("my neighbour's son hits her and takes her money, she's 84")
    assert any("I have to pass this on" in text for text in reply)
    chat.say("no please don't, i don't want to get involved")
    reference = chat.slots()["handover_reference"]
    record = wait_for_handover(stack, reference)
    assert "Consent to share: refused" in record["summary"]


# The classifier is unsure about this one (a serious chance of about 0.2): it asks. A
# retrained classifier may be sure either way about a given wording; then pick another
# that `bot.safety.decide.rate` gives a check and no level.
UNSURE = "some days i wonder what it's all for"


def test_unsure_it_asks_once_directly_and_sometimes_brings_a_person(stack: Stack):
    chat = Chat(stack, "check-sometimes")
    asked = chat.say(UNSURE)
    assert asked[-1] == "Can I check: are you thinking about ending your life?"
    assert chat.slots()["risk_check"] == "asked"
    assert chat.slots()["risk_level"] == "none", "asking is not raising"
    answered = chat.say("sometimes yeah, mostly at night")
    slots = chat.slots()
    assert slots["risk_check"] is None
    assert slots["risk_level"] == "urgent"
    assert "suicide" in slots["risk_categories"]
    assert any("116 123" in text for text in answered), "Samaritans, then a person"
    assert any("share what you've told me" in text for text in answered)


def test_a_check_answered_no_goes_back_to_listening_and_is_not_asked_again(stack: Stack):
    chat = Chat(stack, "check-no")
    chat.say(UNSURE)
    reply = chat.say("no, nothing like that, i'm just bored since i retired")
    slots = chat.slots()
    assert slots["risk_check"] is None
    assert slots["risk_level"] == "none"
    assert not any("share what you've told me" in text for text in reply)
    again = chat.say(UNSURE)
    assert "Can I check: are you thinking about ending your life?" not in again


def test_a_check_about_harm_answered_yes_in_free_words_is_urgent(stack: Stack):
    chat = Chat(stack, "check-harm-yes")
    asked = chat.say("my husband gets very angry when i go out")
    assert asked[-1].startswith("Can I check: is anyone hurting you")
    chat.say("he does yes, he grabbed my arm last week")
    assert chat.slots()["risk_level"] in {"urgent", "immediate"}


def test_a_widowers_ordinary_story_is_not_raised(stack: Stack):
    chat = Chat(stack, "widower-not-raised")
    for message in (
        "hello, my wife passed in the spring and the house is very quiet",
        "it's for me, I'm 81, I live in Gleadless",
        "I used to sing in a choir with her, I miss that most",
    ):
        reply = chat.say(message)
        assert not any("Can I check" in text for text in reply)
    assert chat.slots()["risk_level"] == "none"


def test_the_neighbours_story_answered_in_free_words_ends_in_a_hand_over(stack: Stack):
    chat = Chat(stack, "neighbour-free-words")
    chat.say(
        "my neighbour Joan is 88, her grandson moved in and now she has no money for food "
        "and he shouts at her, she asked me to help"
    )
    assert chat.slots()["risk_level"] in {"urgent", "immediate"}
    chat.say("for my neighbour")
    chat.say("yes please share it")
    chat.say("07700 900789, evenings are best")
    reference = chat.slots()["handover_reference"]
    assert reference, "the hand-over never depended on pressing a button"
    summary = wait_for_handover(stack, reference)["summary"]
    assert "07700 900789" in summary and "evenings" in summary


def test_a_hand_over_nobody_answered_about_goes_after_a_quiet_wait(stack: Stack):
    chat = Chat(stack, "quiet-after-risk")
    reply = chat.say("my neighbour's son hits her and takes her money, she's 84")
    assert any("I have to pass this on" in text for text in reply)
    assert chat.slots()["handover_reference"] is None
    time.sleep(QUIET_SECONDS + 1)
    deadline = time.monotonic() + 20
    while not chat.slots()["handover_reference"] and time.monotonic() < deadline:
        time.sleep(0.5)
    record = wait_for_handover(stack, chat.slots()["handover_reference"])
    assert record["risk_level"] in {"urgent", "immediate"}
    assert "Contact: none given" in record["summary"]
    assert all(turn["text"].startswith("my neighbour") for turn in record["transcript"][:1])
    assert not any("EXTERNAL" in turn["text"] for turn in record["transcript"])


def test_a_call_back_asked_for_inside_a_story_is_handed_over(stack: Stack):
    chat = Chat(stack, "call-in-story")
    asked = chat.say(
        "Hello, my son showed me this. I am 79 and I live on my own in Gleadless. I get on "
        "alright but the evenings are long since I lost my husband. Could somebody ring me "
        "about groups?"
    )
    assert asked[-1].startswith("How can First Contact reach you safely?")
    assert not any("share what you've told me" in text for text in asked)
    chat.say("0114 496 0555, mornings are best")
    record = wait_for_handover(stack, chat.slots()["handover_reference"])
    assert "call-back request" in record["summary"].splitlines()[0]
    assert "0114 496 0555" in record["summary"] and "mornings" in record["summary"]


def test_what_is_said_after_the_hand_over_reaches_first_contact_as_a_revision(stack: Stack):
    chat = Chat(stack, "said-after")
    chat.say("i want to end it all tonight, i've got the tablets ready")
    chat.say("07700 900555, it's safe to call")
    reference = chat.slots()["handover_reference"]
    assert wait_for_handover(stack, reference).get("revision", 1) == 1
    reply = chat.say("i'm at 14 Cliffe Road, S8 0RA, my sister has a key")
    assert any("added that" in text for text in reply)
    deadline = time.monotonic() + 30
    while stack.handover(reference).get("revision", 1) < 2 and time.monotonic() < deadline:
        time.sleep(0.3)
    record = stack.handover(reference)
    assert record["revision"] == 2, "the dispatcher sends the revision without the chat waiting"
    said = [turn["text"] for turn in record["transcript"] if turn["speaker"] == "person"]
    assert said[-1] == "i'm at 14 Cliffe Road, S8 0RA, my sister has a key"
    assert "S8 0RA" in record["summary"]
