"""The screen recognises risk however it is typed, and ignores everyday sayings."""

import pytest

from bot.safety.screen import NLU_REASON, NluSignal, screen


def level(text: str) -> str:
    return screen(text).level


@pytest.mark.parametrize(
    "text",
    [
        "kill my self",
        "feeling suicidle",
        "i wanna die",
        "kms",
        "KILL MYSELF!!!",
        "thinkin about killin myslef",
        "i want 2 die",
        "evry1 wud be beter off without me",
    ],
)
def test_typos_and_text_speak_still_match_suicide(text: str) -> None:
    assert level(text) == "immediate"


@pytest.mark.parametrize(
    "text",
    ["hes hitting me", "carnt cope any more", "he taks my penshun", "shes bin cuttin herself"],
)
def test_missing_apostrophes_and_misspellings_still_match(text: str) -> None:
    assert level(text) in ("urgent", "immediate")


def test_short_words_must_be_spelt_exactly_so_near_words_do_not_fire() -> None:
    assert level("the cat sat on my hat") == "none"
    assert level("he is sitting with me") == "none"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("everyone would be better off without me", "immediate"),
        ("I've been saving up my tablets", "immediate"),
        ("he takes my pension", "urgent"),
        ("she's not eaten for days", "urgent"),
        ("he locks me in", "urgent"),
        ("I can't go on", "urgent"),
        ("no point anymore", "urgent"),
    ],
)
def test_indirect_phrasing_is_recognised(text: str, expected: str) -> None:
    assert level(text) == expected


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("my neighbour's son hits her", "physical"),
        ("mum says the carer shouts at her", "psychological"),
        ("my dad says he wants to end his life", "suicide"),
        ("my nephew uses her bank card without asking", "financial_or_material"),
    ],
)
def test_disclosures_about_someone_else_get_the_same_categories(text: str, category: str) -> None:
    result = screen(text)
    assert result.level in ("urgent", "immediate")
    assert category in result.categories


@pytest.mark.parametrize(
    "text",
    [
        "I'm just killing time",
        "dying to see the grandkids",
        "this form is killing me",
        "I could murder a cup of tea",
        "dead tired today",
        "over my dead body",
        "knock 'em dead",
        "I'm a die-hard fan",
        "my phone died",
        "bored to death",
        "laughed my head off",
        "I nearly killed myself laughing",
        "it hit me how lonely I am",
    ],
)
def test_figures_of_speech_do_not_fire(text: str) -> None:
    assert level(text) == "none"


def test_risk_buried_in_a_long_message_is_found() -> None:
    filler = "I love the lunch club and my garden, and the bus is handy. " * 15
    text = filler + "My son takes my pension every week. " + filler
    assert len(text) > 1500
    assert level(text) == "urgent"


@pytest.mark.parametrize(
    "text",
    [
        "he is hitting me right now",
        "I'm going to end it tonight",
        "mum is on the floor and can't get up",
        "dad is not breathing",
        "he's taken an overdose",
    ],
)
def test_danger_now_escalates_to_immediate(text: str) -> None:
    assert level(text) == "immediate"


def test_a_negated_disclosure_is_softened_to_concern_not_ignored() -> None:
    assert level("I would never hurt myself") == "concern"
    assert level("I'm not going to kill myself") == "concern"


def test_negation_does_not_swallow_a_later_disclosure() -> None:
    assert level("I'm not okay, I want to die") == "immediate"


def test_bereavement_and_loneliness_alone_are_not_risk() -> None:
    assert level("My mum died last year and I'm lonely") == "none"


def test_cant_cope_is_concern_and_wanting_it_all_to_end_is_immediate() -> None:
    assert level("I can't cope") == "concern"
    assert level("I can't cope anymore, I want it all to end") == "immediate"


def test_reasons_quote_the_lexicon_not_the_persons_words() -> None:
    result = screen("Margaret here, my son Trevor nicked my pension")
    assert result.reasons
    for reason in result.reasons:
        assert set(reason) >= {"category", "level", "phrase"}
        assert "trevor" not in reason["phrase"].lower()
        assert "margaret" not in reason["phrase"].lower()


def test_categories_are_a_sorted_list() -> None:
    result = screen("he hits me and takes my pension")
    assert result.categories == sorted(result.categories)
    assert {"physical", "financial_or_material"} <= set(result.categories)


def test_a_confident_nlu_signal_alone_rates_concern() -> None:
    result = screen("something is not right at home", NluSignal("disclose_risk", 0.95))
    assert result.level == "concern"
    assert result.reasons[0]["phrase"] == NLU_REASON


def test_a_weak_or_different_nlu_signal_adds_nothing() -> None:
    assert level_with("something is not right", NluSignal("disclose_risk", 0.3)) == "none"
    assert level_with("something is not right", NluSignal("greet", 0.99)) == "none"


def test_the_nlu_signal_never_lowers_a_lexicon_rating() -> None:
    assert level_with("I want to kill myself", NluSignal("greet", 0.99)) == "immediate"


def level_with(text: str, signal: NluSignal) -> str:
    return screen(text, signal).level


def test_empty_and_odd_input_is_none() -> None:
    assert level("") == "none"
    assert level("!!! ??? 🙂") == "none"
