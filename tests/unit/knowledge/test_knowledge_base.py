"""The knowledge base is complete, checked, current and plain (issue 10, part 1 and 2)."""

from datetime import date, timedelta
from urllib.parse import urlparse

import pytest

from bot.council.profile import load_profile
from bot.knowledge.base import (
    REVIEW_EVERY,
    KnowledgeError,
    answer_replies,
    load_answers,
    parse_answer,
    stale_answers,
    wording,
)
from bot.language.readability import banned_words_in, grade

TOPICS = {
    "adult_social_care",
    "needs_assessment",
    "carers_assessment",
    "carers_allowance",
    "attendance_allowance",
    "pip",
    "paying_for_care",
    "direct_payments",
    "blue_badge",
    "equipment_adaptations",
    "personal_alarms",
    "falls",
    "lasting_power_of_attorney",
    "memory_dementia",
    "hospital_discharge",
    "cost_of_living",
    "scams",
    "advocacy",
    "complaints",
    "young_carers",
    "mental_wellbeing",
}
OFFICIAL_SITES = {"www.gov.uk", "www.nhs.uk", "www.sheffield.gov.uk"}
ANSWERS = load_answers()
VALID = {
    "topic": "blue_badge",
    "question": "How do I get a Blue Badge?",
    "answer": "A Blue Badge helps you park.",
    "next_step": "Call {team} on {phone}.",
    "link": {"title": "Blue Badge", "url": "https://www.gov.uk/apply-blue-badge"},
    "source": "https://www.gov.uk/apply-blue-badge",
    "last_reviewed": date(2026, 11, 1),
}


def test_every_topic_the_issue_asks_for_has_an_answer():
    assert set(ANSWERS) >= TOPICS


def test_no_answer_is_more_than_a_year_since_its_last_review():
    assert stale_answers(date.today()) == []


def test_no_review_date_is_in_the_future():
    assert all(answer.last_reviewed <= date.today() for answer in ANSWERS.values())


@pytest.mark.parametrize("topic", sorted(ANSWERS))
def test_each_answer_was_checked_against_an_official_page_and_links_to_one(topic: str):
    answer = ANSWERS[topic]
    assert urlparse(answer.source).netloc in OFFICIAL_SITES
    assert urlparse(answer.link.url).netloc in OFFICIAL_SITES


@pytest.mark.parametrize("topic", sorted(ANSWERS))
def test_each_answer_reads_at_grade_six_or_below_in_three_or_four_sentences(topic: str):
    answer = ANSWERS[topic].answer
    assert grade(answer) <= 6, f"{topic} reads at grade {grade(answer):.1f}"
    assert 3 <= answer.count(". ") + 1 <= 4


@pytest.mark.parametrize("topic", sorted(ANSWERS))
def test_nothing_in_an_answer_file_uses_a_banned_word(topic: str):
    for field, text in ANSWERS[topic].texts().items():
        assert banned_words_in(text) == [], f"{topic}.{field}"


@pytest.mark.parametrize("topic", sorted(ANSWERS))
def test_the_next_step_and_the_question_as_a_button_read_at_grade_eight_or_below(topic: str):
    answer = ANSWERS[topic]
    # A question is read as a button under the "which is closest?" line, not on its own:
    # a reading grade means little for four words holding an official name.
    as_button = f"{wording()['clarify']}\n{answer.question}"
    for where, text in (("next_step", answer.next_step), ("question", as_button)):
        assert grade(text) <= 8, f"{topic}.{where} reads at grade {grade(text):.1f}"


@pytest.mark.parametrize("topic", sorted(ANSWERS))
def test_amounts_that_change_every_april_are_linked_to_not_stated(topic: str):
    assert "£" not in ANSWERS[topic].answer + ANSWERS[topic].next_step


def test_the_words_around_answers_are_plain_english_too():
    for key in ("clarify", "not_sure", "read_more"):
        assert banned_words_in(wording()[key]) == []
        assert grade(wording()[key]) <= 8


def test_an_answer_reviewed_over_a_year_ago_is_listed_as_stale():
    today = date(2026, 11, 22)
    old = parse_answer({**VALID, "last_reviewed": today - REVIEW_EVERY - timedelta(days=1)}, "x")
    fresh = parse_answer({**VALID, "topic": "pip", "last_reviewed": today}, "y")
    assert stale_answers(today, {"blue_badge": old, "pip": fresh}) == ["blue_badge"]


def test_an_answer_without_a_source_is_refused():
    with pytest.raises(KnowledgeError, match="source"):
        parse_answer({**VALID, "source": ""}, "blue_badge.yml")


def test_an_answer_with_an_unknown_placeholder_or_a_text_date_is_refused():
    with pytest.raises(KnowledgeError, match="email"):
        parse_answer({**VALID, "next_step": "Write to {email}."}, "blue_badge.yml")
    with pytest.raises(KnowledgeError, match="date"):
        parse_answer({**VALID, "last_reviewed": "last week"}, "blue_badge.yml")


def test_an_answer_is_sent_as_the_answer_the_next_step_with_the_number_and_a_link():
    replies = answer_replies("carers_allowance", load_profile())
    assert replies[0].startswith("Carer's Allowance is money")
    assert "0114 496 0123" in replies[1]
    assert replies[2] == "Read more on GOV.UK: https://www.gov.uk/carers-allowance"
