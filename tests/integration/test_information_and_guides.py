"""Information and advice answered from reviewed content, and the three self-help guides
walked end to end against the live stack (issue 10)."""

from bot.knowledge.base import load_answers
from tests.integration.conversation import Chat
from tests.integration.stack import Stack


def test_a_question_is_answered_from_the_knowledge_base_then_back_to_the_conversation(
    stack: Stack,
):
    chat = Chat(stack, "question-carers")
    replies = chat.say("wat is a carers assesment")
    assert replies[0] == load_answers()["carers_assessment"].answer
    assert any(text.startswith("Read more on") for text in replies)
    assert replies[-1] == "Is there anything else you'd like to tell me, or to find?"
    carry_on = chat.say("my mum keeps falling and she lives in S8")
    assert any("your mum" in text for text in carry_on)


def test_the_equipment_finder_ends_with_ideas_and_when_to_ask_the_council(stack: Stack):
    chat = Chat(stack, "guide-equipment")
    chat.say("can you help me find equipment for the bath")
    chat.say("Getting in and out of the bath")
    chat.say("Stepping over the side")
    page = chat.say("Yes")
    text = "\n".join(page)
    assert "Equipment ideas" in text
    assert "bath board" in text
    assert "occupational therapist" in text
    assert "OT" not in text.split()


def test_the_carers_emergency_plan_keeps_what_was_entered_and_adds_local_support(stack: Stack):
    chat = Chat(stack, "guide-plan")
    chat.say("my postcode is S8 0AB")
    chat.say("i want to make a carers emergency plan")
    for answer in (
        "my husband Ken",
        "our daughter Amy 07700 900456",
        "metformin with breakfast and tea",
        "up at 8, porridge, shower on tuesdays",
        "his dog Bess and the cricket",
        "Amy can stay a few days",
    ):
        chat.say(answer)
    page = "\n".join(chat.say("Skip this one"))
    for entered in ("my husband Ken", "metformin with breakfast and tea", "his dog Bess"):
        assert entered in page
    assert "Help for carers near you" in page


def test_the_what_matters_to_me_page_is_in_the_persons_own_words(stack: Stack):
    chat = Chat(stack, "guide-about-me")
    chat.say("can i make a what matters to me page")
    for answer in (
        "Jean",
        "face me and speak slowly, I'm a bit deaf",
        "my grandchildren and my garden",
        "a walk to the shops and a chat",
        "loud places and being rushed",
        "my son Peter",
    ):
        chat.say(answer)
    page = "\n".join(chat.said[-3:])
    assert "What matters to me" in page
    assert "face me and speak slowly" in page
    assert "my grandchildren and my garden" in page


def test_a_disclosure_in_the_middle_of_a_guide_stops_it_and_comes_first(stack: Stack):
    chat = Chat(stack, "guide-interrupted")
    chat.say("i want to make a carers emergency plan")
    replies = chat.say("i can't go on, i'm going to take all my tablets tonight")
    assert "Call 999 now" in replies[0]
    assert chat.slots()["risk_level"] == "immediate"
