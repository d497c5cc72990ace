"""Digressions are answered plainly, then the conversation picks up where it was."""

from tests.integration.conversation import Chat
from tests.integration.stack import Stack


def test_privacy_and_cost_are_answered_then_the_conversation_goes_on_without_repeating(
    stack: Stack,
):
    chat = Chat(stack, "digress")
    first = chat.say("i'm lonely and i used to love gardening")
    privacy = chat.say("what happens to what i tell you")
    assert "kept for 30 days" in privacy[0]
    cost = chat.say("is this free")
    assert cost[0].startswith("Using this helper is free")
    asked = [first[-1], privacy[-1], cost[-1]]
    assert all("?" in line for line in asked), asked
    assert len(set(asked)) == 3, "no question is put the same way twice"


def test_frustration_gets_a_calm_answer_with_a_number_and_stop_is_respected(stack: Stack):
    chat = Chat(stack, "frustrated")
    chat.say("my mum needs help")
    calm = chat.say("this is useless")
    assert calm[0].startswith("I'm sorry this is frustrating")
    assert "0114 496 0123" in calm[0]
    assert "999" in chat.say("stop")[0]


def test_starting_again_clears_the_story_but_never_lowers_the_risk_level(stack: Stack):
    chat = Chat(stack, "again")
    chat.say("my husband hits me when he's drunk")
    level = chat.slots()["risk_level"]
    assert level in {"urgent", "immediate"}
    again = chat.say("can we start over")
    assert again[-1] == "What matters most to you at the moment?"
    assert chat.slots()["risk_level"] == level
