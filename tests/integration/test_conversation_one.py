"""Five realistic whole conversations against the live stack (Conversation 1)."""

from tests.integration.conversation import Chat
from tests.integration.stack import Stack


def no_question_asked_twice(chat: Chat) -> None:
    questions = chat.questions()
    repeated = {q for q in questions if questions.count(q) > 1 and "useful" not in q}
    assert not repeated, repeated


def test_a_lonely_widower_who_loved_gardening_is_offered_something_local(stack: Stack):
    chat = Chat(stack, "widower")
    chat.say("hello")
    heard = chat.say("my wife died last year and i'm so lonley, i used to love my garden")
    assert "gardening really matters to you" in heard[0]
    chat.say("it's for me")
    chat.say("my son rings on sundays but he's in leeds")
    chat.say("S8 0AB")
    assert chat.cards, chat.said
    assert chat.offered_needs() & {"need-loneliness", "need-gardening", "need-bereavement"}
    assert all(card["why"] and card["phone"] for card in chat.cards)
    assert chat.slots()["signposted_services"] == [card["id"] for card in chat.cards]
    no_question_asked_twice(chat)


def test_a_mother_caring_for_her_son_with_a_learning_disability_is_offered_a_break(stack: Stack):
    chat = Chat(stack, "carer-mother")
    chat.say("hi")
    chat.say(
        "i look after my son he's 24 and has a learning disability, i never get a break "
        "and i'm shattered. we live in S6 2LX"
    )
    assert any("how are you doing yourself" in text for text in chat.said)
    chat.say("i'm tired but i cope, my sister helps sometimes")
    assert chat.cards, chat.said
    assert chat.offered_needs() & {"need-carers-break", "need-carers", "need-learning-disability"}
    assert not any("postcode" in q for q in chat.questions())
    no_question_asked_twice(chat)


def test_a_daughter_whose_mum_keeps_falling_is_offered_falls_and_bathing_help(stack: Stack):
    chat = Chat(stack, "daughter")
    chat.say("my mum keeps falling and she wont get in the bath anymore, she lives in S13 9AB")
    assert not any("Is this for you" in q for q in chat.questions())
    assert any("your mum" in text for text in chat.said)
    chat.say("my brother pops in most days")
    assert chat.cards, chat.said
    assert chat.offered_needs() & {"need-falls", "need-daily-living"}
    assert chat.slots()["risk_level"] in {"none", "concern"}
    no_question_asked_twice(chat)


def test_a_man_with_early_dementia_who_loves_football_is_offered_something_fitting(stack: Stack):
    chat = Chat(stack, "football")
    chat.say(
        "i've been told i have early dementia. i love football and i want to stay in my own home"
    )
    chat.say("for me")
    chat.say("S10 5BG")
    assert chat.cards, chat.said
    assert chat.offered_needs() & {"need-dementia", "need-physical-activity"}
    chat.say("show me something else")
    ids = [card["id"] for card in chat.cards]
    assert len(ids) == len(set(ids))
    no_question_asked_twice(chat)


def test_a_carer_at_11pm_on_a_saturday_is_offered_what_is_open_tonight(stack: Stack):
    chat = Chat(stack, "saturday-night")
    chat.say(
        "its 11pm and i'm at the end of my tether looking after my husband, is anyone open tonight"
    )
    chat.say("no thanks, i just need something tonight")
    if not chat.cards:
        # Read as an answer to the postcode question or to the offer of a person: either
        # way, the postcode may be asked next, and declined.
        chat.say("i'd rather not say")
    assert chat.cards, chat.said
    assert any("day and night" in card["opening_times"] for card in chat.cards), chat.cards
    summary = chat.say("yes that's useful")
    assert any("Here's what I've noted" in text for text in summary), "\n".join(chat.said)
