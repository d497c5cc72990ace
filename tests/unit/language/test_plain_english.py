"""Every response a person can see is plain English (issue: Conversation 1, Language)."""

from statistics import mean

import pytest

from bot.language.readability import banned_words_in, grade, rules, syllables
from bot.language.responses import all_responses

RESPONSES = list(all_responses())


def test_syllables_are_counted_well_enough_for_a_reading_grade():
    words = ("cat", "table", "assessment", "care", "free")
    assert [syllables(word) for word in words] == [1, 2, 3, 1, 1]


def test_short_plain_sentences_score_low_and_jargon_scores_high():
    assert grade("We can help. Call us today.") < 3
    assert grade("Eligibility determination necessitates comprehensive assessment.") > 12


def test_banned_words_are_found_whole_and_acronyms_only_in_capitals():
    assert banned_words_in("We will arrange a care package.") == ["care package"]
    assert banned_words_in("I've got a lot on") == []
    assert banned_words_in("Ask the OT") == ["OT"]


@pytest.mark.parametrize(("where", "text"), RESPONSES, ids=[where for where, _ in RESPONSES])
def test_no_response_uses_a_banned_word_or_reads_above_the_limit(where: str, text: str):
    assert banned_words_in(text) == []
    assert grade(text) <= rules()["max_grade"], f"{where} reads at grade {grade(text):.1f}"


def test_responses_read_at_the_target_grade_on_average():
    assert mean(grade(text) for _, text in RESPONSES) <= rules()["target_grade"]
