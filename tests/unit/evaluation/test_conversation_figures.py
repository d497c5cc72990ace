"""How whole conversations are judged: facts carried in the person's words, questions
asked twice, and hand-overs made where due and nowhere else."""

from bot.evaluation.conversation_figures import Played, asked_twice, carried, judge, totals

SUMMARY = (
    'URGENT. Neighbour writing about their neighbour — "She\'s 88. Her grandson takes her money."'
)


def test_a_fact_is_carried_when_its_words_appear_in_order_whatever_the_case_and_quotes():
    assert carried("she’s 88", SUMMARY)
    assert carried("her grandson takes her money", SUMMARY)
    assert not carried("her grandson took her money", SUMMARY)
    assert not carried("88 she's", SUMMARY)
    assert not carried("8", SUMMARY), "whole words only"


def test_only_questions_repeated_word_for_word_count():
    replies = [["Thank you.", "What is your postcode?"], ["Thank you.", "What is your postcode?"]]
    assert asked_twice(replies) == ["What is your postcode?"]
    assert asked_twice([["Is this for you?"], ["Is this for your mum?"]]) == []


def conversation(due: bool, level: str = "urgent") -> dict:
    facts = ["she's 88", "takes her money"]
    return {
        "id": "c1",
        "expect": {"handover": due, "min_level": level, "summary_must_mention": facts},
    }


def test_a_hand_over_missing_a_fact_is_made_but_not_complete():
    judged = judge(conversation(True), Played([["ok"]], "urgent", 'URGENT. "she\'s 88"'))
    assert judged["made"] and judged["missing_facts"] == ["takes her money"]
    found = totals([judged])
    assert found["handover_made_when_due"] == 1 and found["made_with_every_key_fact"] == 0
    assert (found["key_facts_carried"], found["key_facts_in_made"]) == (1, 2)


def test_no_hand_over_where_none_was_due_is_right_and_a_needless_one_is_counted():
    quiet = judge(conversation(False, "none"), Played([["ok"]], "none", None))
    needless = judge(conversation(False, "none"), Played([["ok"]], "concern", SUMMARY))
    found = totals([quiet, needless])
    assert found["handover_due"] == 0 and found["handover_made_when_not_due"] == 1
    assert found["level_reached"] == 2
