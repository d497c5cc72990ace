"""What a worker reads first: the most telling sentences, in the person's words and order."""

from bot.conversation.in_their_words import key_sentences


def test_the_risk_the_numbers_and_the_wishes_are_kept_and_the_pleasantries_dropped():
    said = [
        "hello is this the council",
        "My mum is 88 and lives in S7 2QZ. She loves her garden.",
        "Her son moved in last year. He takes her pension and she's had nothing since Tuesday.",
        "yes please",
        "please don't say it was me",
    ]
    quoted = key_sentences(said, risk_turns={3: 2}, budget=32)
    assert quoted[0] == "My mum is 88 and lives in S7 2QZ."
    assert "He takes her pension and she's had nothing since Tuesday." in quoted
    assert "please don't say it was me" in quoted
    assert "hello is this the council" not in quoted and "yes please" not in quoted
    assert sum(len(q.split()) for q in quoted) <= 32


def test_the_order_they_were_said_is_kept():
    said = ["I'm 79 and on my own.", "Could somebody ring me about groups?"]
    assert key_sentences(said, risk_turns={}) == said


def test_one_very_long_sentence_that_raised_the_risk_is_cut_not_lost():
    long = "and then " * 60 + "he hit her"
    quoted = key_sentences([long], risk_turns={1: 2}, budget=20)
    assert len(quoted) == 1 and quoted[0].endswith("…")


def test_a_sentence_from_a_more_serious_message_is_quoted_before_a_worrying_one():
    said = [
        "Mum's been a bit low and off her food since the new carer started in the spring.",
        "She told me that man touches her when he washes her.",
    ]
    quoted = key_sentences(said, risk_turns={1: 1, 2: 2}, budget=12)
    assert quoted == ["She told me that man touches her when he washes her."]


def test_a_bare_yes_to_sharing_is_not_quoted():
    said = ["He takes her pension.", "yes please share it"]
    assert key_sentences(said, risk_turns={1: 2}) == ["He takes her pension."]


def test_how_to_make_contact_safely_is_always_quoted():
    said = [
        "Her son takes her pension every week and she has nothing left for food by Tuesday.",
        "She is frightened of him and he shouts at her when she asks for it back.",
        "please don't say it was me",
    ]
    quoted = key_sentences(said, risk_turns={1: 2, 2: 2}, budget=24)
    assert "please don't say it was me" in quoted


def test_the_line_that_says_the_danger_outweighs_the_rest_of_its_message():
    said = [
        "The hospice nurse comes on a Tuesday and the district nurse on a Friday morning."
        " I've got his morphine and my tablets lined up in the kitchen drawer."
    ]
    quoted = key_sentences(said, risk_turns={1: 3}, budget=14)
    assert quoted == ["I've got his morphine and my tablets lined up in the kitchen drawer."]


def test_a_postcode_or_number_on_its_own_is_left_to_the_contact_line():
    said = ["My dad is 88 and he has dementia.", "S5 8XL", "0114 496 0233."]
    assert key_sentences(said, risk_turns={}) == ["My dad is 88 and he has dementia."]
