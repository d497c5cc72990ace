import pytest

from bot.conversation.facts import (
    Facts,
    consent_in,
    contact_in,
    email_in,
    is_carer,
    phone_in,
    postcode_in,
    relationship_in,
    speaks_for_self,
)

DISTRICTS = frozenset({"S8", "S6", "S10", "LS1"})


def test_the_person_it_is_about_is_found_from_how_people_write():
    assert relationship_in("my mum keeps falling") == "mum"
    assert relationship_in("I look after my son, he has autism") == "son"
    assert relationship_in("worried about my elderly dad") == "dad"
    assert relationship_in("its for my neighbour") == "neighbour"


def test_loss_and_the_people_around_are_not_taken_for_who_needs_help():
    assert relationship_in("since my wife died i'm lonely") is None
    assert relationship_in("my daughter rings on sundays") is None


def test_writing_for_yourself_and_caring_are_recognised():
    assert speaks_for_self("it's for me")
    assert speaks_for_self("I'm 82 and I live on my own")
    assert is_carer("i care for my husband")
    assert not is_carer("i like my garden")


def test_postcodes_and_districts_are_tidied_and_only_known_districts_count():
    assert postcode_in("we're at s80ab", DISTRICTS) == "S8 0AB"
    assert postcode_in("near S6 please", DISTRICTS) == "S6"
    assert postcode_in("flat B5 on floor 2", DISTRICTS) is None


def test_contact_details_are_read_from_free_text():
    assert phone_in("ring me on 07700 900123 after 5") == "07700 900123"
    assert email_in("or jo.smith@example.com") == "jo.smith@example.com"
    assert phone_in("i am 82") is None


def test_facts_survive_a_round_trip_through_a_slot_and_ignore_unknown_keys():
    facts = Facts(for_self=False, relationship="mum", interests=["gardening"])
    restored = Facts.from_slot({**facts.to_slot(), "from_an_older_version": 1})
    assert restored == facts
    assert restored.who == "your mum"
    assert restored.whose == "your mum's"
    assert Facts.from_slot(None) == Facts()


@pytest.mark.parametrize(
    ("text", "relationship"),
    [
        ("Dad's 79 and got a bit of money from selling his garage", "dad"),
        ("hi, I'm worried about the old lady across the road. she's called Maureen", "neighbour"),
        ("There's a gentleman on my round in Arbourthorne, he's 91", "client"),
        ("one of our residents has bruises on her arms", "client"),
        ("I miss my mum", None),
        ("I'm 80 and lonely", None),
    ],
)
def test_who_it_is_about_without_my(text: str, relationship: str | None):
    assert relationship_in(text) == relationship


@pytest.mark.parametrize(
    ("text", "best_time"),
    [
        ("07700 900789, evenings are best", "evenings"),
        ("0114 496 0555, mornings are best", "mornings"),
        ("can someone ring him? he's out at the club Thursday afternoons", None),
        ("ring me after 6pm please", "after 6pm"),
    ],
)
def test_a_good_time_to_call_is_only_a_time_said_about_calling(text: str, best_time: str | None):
    assert contact_in(text).get("best_time") == best_time


def test_a_story_that_goes_on_after_the_consent_question_is_not_a_no_or_a_yes():
    for story in (
        "I sleep in room behind car wash with 5 men. no heating. one toilet",
        "she has no money for food and no heating",
        "we have no family nearby",
    ):
        assert consent_in(story, "share_what_matters", asked_just_now=True) is None
    assert consent_in("ok, tell me what happens next", "", asked_just_now=True) == "yes"
    assert consent_in("no, he would find out", "", asked_just_now=True) == "no"
    for agreed in ("I think so yes", "i suppose that's ok", "if you think it will help, yes"):
        assert consent_in(agreed, "", asked_just_now=True) == "yes"
