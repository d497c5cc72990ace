"""Conversation 1 end to end in plain Python, searching the real sample directory."""

import pytest

from actions.connect import build_planner
from bot.conversation.facts import Facts, tells_something
from bot.conversation.planner import Outcome, Planner, Turn


@pytest.fixture(scope="module")
def planner(sample_directory_url: str) -> Planner:
    return build_planner(sample_directory_url)


def talk(planner: Planner, *messages: str, facts: Facts | None = None) -> tuple[Facts, Outcome]:
    facts = facts or Facts()
    outcome = Outcome(facts)
    for text in messages:
        outcome = planner.respond(facts, Turn(text, "share_what_matters"))
        facts = outcome.facts
    return facts, outcome


def texts(outcome: Outcome) -> list[str]:
    return [reply.text for reply in outcome.replies if reply.text]


def cards(outcome: Outcome) -> list[dict]:
    return [reply.card for reply in outcome.replies if reply.card]


def test_someone_who_asks_for_a_lunch_club_near_s8_gets_one_straight_away(planner: Planner):
    _, outcome = talk(planner, "is there a lunch club near S8 0AB, i'm on my own")
    offered = cards(outcome)
    assert len(offered) in (1, 2, 3)
    assert all(card["why"] and card["opening_times"] for card in offered)
    assert texts(outcome)[-1] == "Do any of these sound useful?"


def test_the_story_is_heard_and_nothing_already_said_is_asked_again(planner: Planner):
    facts, outcome = talk(planner, "my mum keeps falling and she wont get in the bath, she's in S8")
    assert facts.relationship == "mum" and facts.for_self is False
    assert facts.postcode == "S8"
    asked = " ".join(texts(outcome))
    assert "Is this for you" not in asked
    assert "postcode" not in asked
    assert "Who is around your mum?" in asked


def test_who_it_is_about_stays_the_first_person_named_as_needing_help(planner: Planner):
    facts, _ = talk(
        planner,
        "I look after my husband, he has motor neurone disease",
        "our daughter doesn't know how bad it is",
    )
    assert facts.relationship == "husband"


def test_one_question_at_a_time_and_each_only_once(planner: Planner):
    facts, first = talk(planner, "i used to love gardening but im lonley")
    assert texts(first)[-1] == "Is this for you, or for someone else?"
    facts, second = talk(planner, "for me", facts=facts)
    assert texts(second)[-1].startswith("Who is around you?")
    facts, third = talk(planner, "nobody really", facts=facts)
    assert texts(third)[-1].startswith("What is your postcode")
    facts, fourth = talk(planner, "I'd rather not say", facts=facts)
    assert cards(fourth)
    assert sorted(facts.asked) == ["offer_ask#0", "people", "postcode", "who"]


def test_a_carer_is_asked_about_their_own_wellbeing(planner: Planner):
    _, outcome = talk(planner, "i look after my son he has a learning disability, S6 2LX")
    assert any("how are you doing yourself" in text for text in texts(outcome))


def test_more_options_never_repeat_what_was_offered(planner: Planner):
    facts, first = talk(planner, "lonely since my wife died, S8 0AB, looking for a group")
    first_ids = [card["id"] for card in cards(first)]
    facts, second = talk(planner, "show me something else", facts=facts)
    second_ids = [card["id"] for card in cards(second)]
    assert first_ids and second_ids and not set(first_ids) & set(second_ids)
    assert [offer["id"] for offer in facts.offered] == first_ids + second_ids


def test_asking_for_a_call_takes_contact_details_and_asks_for_a_hand_over(planner: Planner):
    facts, _ = talk(planner, "i'm lonely, S8 0AB, looking for a group")
    facts, asked = talk(planner, "I'd like someone to call", facts=facts)
    assert texts(asked)[-1].startswith("How can First Contact reach you safely?")
    facts, done = talk(planner, "07700 900123 but please don't leave a message", facts=facts)
    assert done.handover == "call_back"
    assert facts.contact == {"phone": "07700 900123", "can_leave_message": False}


def test_no_details_for_a_call_back_gives_the_number_instead(planner: Planner):
    facts = Facts(awaiting="contact", asked=["contact"], call_requested=True, consent="yes")
    facts, outcome = talk(planner, "no thanks", facts=facts)
    assert outcome.handover is None
    assert "0114 496 0123" in texts(outcome)[-1]


def test_a_no_to_sharing_is_respected_when_no_one_else_is_at_risk(planner: Planner):
    facts = Facts(awaiting="consent", asked=["consent"], safeguarding=True)
    facts, outcome = talk(planner, "No, please don't", facts=facts)
    assert facts.consent == "no" and not facts.safeguarding
    assert outcome.handover is None
    assert "I won't pass it on" in texts(outcome)[0]


def test_a_no_is_answered_honestly_when_life_is_at_risk(planner: Planner):
    facts = Facts(awaiting="consent", asked=["consent"], safeguarding=True, share_reason="life")
    facts, outcome = talk(planner, "no", facts=facts)
    assert facts.consent == "no"
    assert "I have to pass this on" in texts(outcome)[0]
    facts, anonymous = talk(planner, "no contact", facts=facts)
    assert anonymous.handover == "safeguarding"


def test_at_serious_risk_the_story_is_thanked_for_not_read_back_as_what_matters(
    planner: Planner,
):
    story = "I am not prisoner, I can walk out. but where I go? no money, no passport"
    outcome = planner.respond(Facts(safeguarding=True), Turn(story, "share_what_matters", "urgent"))
    said = " ".join(texts(outcome))
    assert "matters" not in said and "getting out" not in said
    calm = planner.respond(Facts(), Turn("she loves getting out to the garden centre", "x"))
    assert "really matter" in " ".join(texts(calm))


def test_at_immediate_risk_a_reply_without_contact_still_tells_who_it_is_about(
    planner: Planner,
):
    facts = Facts(awaiting="contact", asked=["contact"], safeguarding=True, share_reason="life")
    outcome = planner.respond(facts, Turn("i dont know. im on my own", "x", "immediate"))
    assert outcome.handover == "safeguarding"
    assert outcome.facts.for_self is True
    reached = Facts(awaiting="contact", asked=["contact"], safeguarding=True, consent="yes")
    given = planner.respond(reached, Turn("07700 900789, she's at S2 3HL", "x", "urgent"))
    assert given.handover == "safeguarding" and given.facts.postcode == "S2 3HL"


def test_the_summary_is_in_the_persons_terms_with_the_reference(planner: Planner):
    facts, _ = talk(planner, "my dad has dementia and loves football, S10")
    summary = planner.summary(facts, reference="FC-ABCD-2345")[0].text or ""
    assert "This is about your dad." in summary
    assert "football" in summary and "memory" in summary
    assert "FC-ABCD-2345" in summary


def test_after_options_are_offered_small_talk_does_not_search_again(planner: Planner):
    facts, _ = talk(planner, "lonely since my wife died, S8 0AB, looking for a group")
    offered = len(facts.offered)
    facts, outcome = talk(planner, "he used to be a miner", facts=facts)
    assert len(facts.offered) == offered
    assert texts(outcome)[-1] == "Is there anything else you'd like to tell me, or to find?"


def test_after_a_digression_we_go_on_without_asking_the_same_words_again(planner: Planner):
    facts = Facts(awaiting="consent", safeguarding=True)
    outcome = planner.back_to_thread(facts)
    assert texts(outcome)[-1].startswith("And about passing this on")
    assert outcome.facts.awaiting == "consent"
    facts, asked = talk(planner, "i'm lonely and i love gardening")
    again = planner.back_to_thread(facts)
    assert texts(asked)[-1] not in texts(again)
    assert texts(again), "the conversation goes on"


def test_someone_outside_the_area_gets_options_anyone_can_use(planner: Planner):
    facts, _ = talk(planner, "looking for a lunch club, i'm lonely")
    outcome = planner.back_to_thread(facts, "i live in leeds", outside_area=True)
    assert texts(outcome)[0].startswith("That's fine, I can still help")
    assert cards(outcome)
    assert "postcode" in outcome.facts.asked


def test_someone_far_away_writing_about_someone_here_is_not_outside_the_area(planner: Planner):
    facts, _ = talk(planner, "hello")
    said = "they're sending my brother home tomorrow and I live in Leeds. he's in shiregreen"
    outcome = planner.back_to_thread(facts, said, outside_area=True)
    assert not any(text.startswith("That's fine, I can still help") for text in texts(outcome))
    assert outcome.facts.postcode == "S5" and outcome.facts.story == [said]


def test_starting_again_forgets_the_story_but_not_the_safety_flag(planner: Planner):
    facts, _ = talk(planner, "my dad has dementia, S8")
    facts.safeguarding, facts.share_reason = True, "others"
    outcome = planner.start_again(facts)
    assert outcome.facts.story == [] and outcome.facts.postcode is None
    assert outcome.facts.safeguarding and outcome.facts.share_reason == "others"
    assert texts(outcome) == ["OK, let's start again.", "What matters most to you at the moment?"]


def urgent_and_asked(**known: object) -> Facts:
    """Where the safety response leaves a conversation at urgent: consent asked."""
    return Facts(awaiting="consent", asked=["consent", "risk_urgent"], safeguarding=True, **known)


def test_consent_given_later_in_other_words_still_leads_to_a_hand_over(planner: Planner):
    facts, unclear = talk(planner, "for my neighbour", facts=urgent_and_asked())
    assert unclear.handover is None and facts.consent == "not_asked"
    facts, asked = talk(planner, "yes please share it", facts=facts)
    assert facts.consent == "yes"
    assert texts(asked)[-1].startswith("How can First Contact reach you safely?")
    facts, done = talk(planner, "07700 900789, evenings are best", facts=facts)
    assert done.handover == "safeguarding"
    assert facts.contact == {"phone": "07700 900789", "best_time": "evenings"}


@pytest.mark.parametrize("said", ["go on then", "she said it's ok", "aye go ahead"])
def test_a_yes_in_any_words_is_a_yes(planner: Planner, said: str):
    facts, _ = talk(planner, said, facts=urgent_and_asked())
    assert facts.consent == "yes"


def test_a_plain_yes_long_after_the_question_answers_something_else(planner: Planner):
    facts, _ = talk(planner, "she lives on her own", facts=urgent_and_asked())
    facts, _ = talk(planner, "yes", facts=facts)
    assert facts.consent == "not_asked"


def test_someone_who_declined_can_change_their_mind(planner: Planner):
    facts, declined = talk(planner, "I'd rather you didn't", facts=urgent_and_asked())
    assert facts.consent == "no" and declined.handover is None
    assert "If you change your mind" in " ".join(texts(declined))
    facts, _ = talk(planner, "actually please share it, 0114 496 0999", facts=facts)
    assert facts.consent == "yes" and facts.safeguarding


def test_a_number_given_with_the_consent_hands_over_at_once(planner: Planner):
    _, done = talk(planner, "yes, my number is 07700 900111", facts=urgent_and_asked())
    assert done.handover == "safeguarding"


def test_a_request_for_a_call_inside_a_story_is_heard(planner: Planner):
    story = (
        "Hello, my son showed me this. I am 79 and I live on my own in Gleadless. I get on "
        "alright but the evenings are long since I lost my husband. Could somebody ring me "
        "about groups?"
    )
    facts, asked = talk(planner, story)
    assert facts.call_requested
    assert facts.postcode == "S12"  # Gleadless, so nobody asks for the postcode
    assert texts(asked)[0] != "Thank you for telling me."  # the story is said back
    assert cards(asked)  # the groups, while the call is arranged
    assert texts(asked)[-1].startswith("How can First Contact reach you safely?")
    facts, done = talk(planner, "0114 496 0555, mornings are best", facts=facts)
    assert done.handover == "call_back"
    assert facts.contact["best_time"] == "mornings"


def test_an_unclear_answer_about_contact_is_asked_once_more_then_not_again(planner: Planner):
    facts, _ = talk(planner, "I would like someone to call")
    facts, again = talk(planner, "yes please share it", facts=facts)
    assert texts(again)[-1].startswith("Before I pass this on")
    facts, done = talk(planner, "my dad is 81 and lives in S8", facts=facts)
    assert done.handover is None and not facts.call_requested
    assert "0114 496 0123" in " ".join(texts(done))


def test_a_question_asked_again_has_other_words_and_then_asks_nothing(planner: Planner):
    facts = Facts()
    said = [planner.say_fresh("ask_anything_else", facts) for _ in range(5)]
    assert len(set(said[:3])) == 3
    assert said[3] == said[4] == "I'm here if there's anything else."
    assert "?" not in said[4]


def test_asking_not_to_be_named_is_not_a_no_to_sharing(planner: Planner):
    facts, _ = talk(planner, "please don't say it was me, he's a big lad", facts=urgent_and_asked())
    assert facts.consent == "not_asked" and facts.safeguarding


def test_a_need_no_theme_names_is_still_searched_on_in_the_persons_words(planner: Planner):
    facts, _ = talk(planner, "i can't carry the shopping up the hill, does anyone do a run")
    facts, _ = talk(planner, "for me", facts=facts)
    _, outcome = talk(planner, "S36 1ER", facts=facts)
    offered = [card["name"] for card in cards(outcome)]
    assert any("Bus" in name or "Dial-a-Ride" in name for name in offered), offered
    assert facts.story == ["i can't carry the shopping up the hill, does anyone do a run"]


@pytest.mark.parametrize("said", ["for me", "she's 84", "what can you suggest?", "like I said"])
def test_short_answers_and_requests_for_ideas_are_not_searched_on(said: str):
    assert not tells_something(said)
    assert tells_something("she used to love the chapel choir")


def test_turning_down_a_call_is_not_asking_for_one(planner: Planner):
    said = "he'd go to a dinner. no need to ring me, just tell me whats there and ill sort it"
    facts, _ = talk(planner, said)
    assert not facts.call_requested


def test_a_neighbourhood_answers_the_postcode_question(planner: Planner):
    facts, _ = talk(planner, "i go to a deaf club every week in leeds, here i feel alone")
    facts, _ = talk(planner, "for me", facts=facts)
    while "postcode" not in facts.asked:
        facts, _ = talk(planner, "nobody really", facts=facts)
    _, outcome = talk(planner, "we live walkley", facts=facts)
    assert facts.postcode == "S6" and cards(outcome)


def test_writing_from_elsewhere_about_someone_placed_here_is_not_outside_the_area(
    planner: Planner,
):
    facts, _ = talk(planner, "my mum is 86 and lives on her own in S5 9NB, she keeps falling")
    outcome = planner.back_to_thread(facts, "I'm in Rotherham and I work", outside_area=True)
    assert facts.postcode == "S5 9NB"
    assert not any(text.startswith("That's fine, I can still help") for text in texts(outcome))


def test_a_postcode_given_after_the_offers_brings_offers_nearer(planner: Planner):
    facts, _ = talk(planner, "is there a lunch club, i'm on my own")
    facts, _ = talk(planner, "for me", facts=facts)
    while not facts.offered:
        facts, _ = talk(planner, "I'd rather not say", facts=facts)
    shown = len(facts.offered)
    _, outcome = talk(planner, "oh I'm in S8 0RA", facts=facts)
    assert texts(outcome)[0] == "Here are some things nearer S8 0RA:"
    assert cards(outcome) and len(facts.offered) > shown


def test_asking_for_a_copy_says_how_to_keep_one_and_the_question_still_waits(planner: Planner):
    facts, _ = talk(planner, "i'm lonely and i love gardening")
    waiting = facts.awaiting
    _, outcome = talk(planner, "can you send it to me", facts=facts)
    assert texts(outcome) == [planner.say("keep_a_copy", facts)]
    assert "Download a copy" in texts(outcome)[0]
    assert facts.awaiting == waiting


def test_the_summary_is_remembered_as_shown(planner: Planner):
    facts, _ = talk(planner, "is there a lunch club near S8 0AB, i'm on my own")
    _, outcome = talk(planner, "yes that's great", facts=facts)
    assert texts(outcome)[1].startswith("Here's what I've noted:")
    assert "summary" in facts.asked


def test_after_a_serious_hand_over_what_they_add_is_heard_not_questioned(planner: Planner):
    facts = Facts(safeguarding=True)
    turn = Turn(
        "im upstairs in the toilet. i cant ring 999 he'll hear me",
        "share_what_matters",
        "immediate",
        handed_over=True,
    )
    outcome = planner.respond(facts, turn)
    said = texts(outcome)
    assert said[0] == planner.say("silent_999", facts) and "press 55" in said[0]
    assert said[-1] == planner.say("added_to_handover", facts)
    assert not cards(outcome) and len(said) == 2


@pytest.mark.parametrize("awaiting", [None, "contact"])
def test_a_digression_always_gets_an_answer(planner: Planner, awaiting: str | None):
    facts, _ = talk(planner, "my mum is 86 and lives on her own in S5 9NB, she keeps falling")
    facts.awaiting = awaiting
    facts.asked.append("contact_again")
    outcome = planner.back_to_thread(facts, "our daughter's in Leeds", outside_area=True)
    assert texts(outcome) or cards(outcome)


def test_a_card_says_why_in_the_persons_terms_when_it_speaks_of_their_interest(planner: Planner):
    said = "is there anything near S12 for my mum, she always loved singing in the choir"
    _, outcome = talk(planner, said)
    offered = cards(outcome)
    musical = [card for card in offered if "You mentioned music and singing." in card["why"]]
    assert musical, [card["why"] for card in offered]


@pytest.mark.parametrize(
    ("said", "whom"),
    [
        ("i'm lonely and i used to love gardening", "gardening really matters to you."),
        ("she always loved singing in the choir", "music and singing really matters."),
        ("my mum always loved singing in the choir", "music and singing really matters."),
        ("my mum is 84 and always loved singing", "music and singing really matters to your mum."),
    ],
)
def test_what_matters_is_said_back_to_the_right_person(planner: Planner, said: str, whom: str):
    _, outcome = talk(planner, said)
    assert any(whom in text for text in texts(outcome)), texts(outcome)


def test_at_immediate_risk_a_reply_without_contact_details_hands_over_at_once(planner: Planner):
    facts = Facts(safeguarding=True, share_reason="life", awaiting="contact", asked=["contact"])
    turn = Turn("hello? did that go through?", "share_what_matters", "immediate")
    outcome = planner.respond(facts, turn)
    assert outcome.handover == "safeguarding"
    assert "contact_again" not in facts.asked


def test_what_matters_is_not_asked_of_someone_who_already_told_their_story(planner: Planner):
    facts = Facts()
    planner.hear(facts, "mum has glaucoma and cant read her own post now")
    _, outcome = talk(planner, "what can you suggest?", facts=facts)
    assert not any("What matters most" in text for text in texts(outcome))
