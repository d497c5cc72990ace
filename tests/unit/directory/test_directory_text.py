from directory.search.text import allowed_edits, close_enough, first_person, normalise, read_age


def test_text_is_folded_to_plain_lower_case_words() -> None:
    assert normalise("Can't  cope — Café!") == "cant cope cafe"


def test_only_longer_words_may_carry_slips_and_never_in_the_first_letter() -> None:
    assert allowed_edits(4) == 0 and allowed_edits(6) == 1 and allowed_edits(9) == 2
    assert close_enough("lonley", "lonely", 1)
    assert not close_enough("anything", "bathing", 2)


def test_other_peoples_words_are_read_in_the_first_person() -> None:
    assert first_person(["on", "his", "own"]) == ["on", "my", "own"]


def test_ages_are_read_from_the_ways_people_give_them() -> None:
    assert read_age("i look after my mum and im 13") == 13
    assert read_age("my dad is 84 and lonely") == 84
    assert read_age("for my 8 year old") == 8
    assert read_age("open at 10 am") is None
