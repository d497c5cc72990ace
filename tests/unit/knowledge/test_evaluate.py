"""Scoring a model on held-out questions, from fixed parse outputs (issue 10, part 5)."""

from bot.knowledge.evaluate import score
from bot.knowledge.evaluate.__main__ import report


def parsed(intent: str, *ranked: tuple[str, float]) -> dict:
    """A message as Agent.parse_message returns it: the intent and the intent ranking."""
    ranking = [{"name": f"question_{t}", "confidence": c} for t, c in ranked]
    if ranking[0]["name"] != intent:
        ranking.insert(0, {"name": intent, "confidence": 0.9})
    return {"text": "...", "intent": ranking[0], "intent_ranking": ranking}


def test_only_a_straight_answer_with_the_right_topic_counts_as_answered_right():
    tally = score(
        [
            ("blue_badge", parsed("question_blue_badge", ("blue_badge", 0.9), ("pip", 0.05))),
            ("pip", parsed("question_pip", ("pip", 0.45), ("attendance_allowance", 0.4))),
            ("falls", parsed("question_scams", ("scams", 0.9), ("falls", 0.05))),
            ("scams", parsed("share_what_matters", ("scams", 0.9), ("falls", 0.05))),
        ]
    )
    assert tally.total == 4
    assert tally.answered_right == 1
    assert tally.share_answered_right == 0.25
    assert tally.clarified_with_right == 1
    assert tally.top_right == 2
    assert tally.missed_by_topic == {"pip": 1, "falls": 1, "scams": 1}


def test_a_message_parsed_without_an_intent_ranking_is_a_miss_not_an_error():
    tally = score([("falls", {"text": "...", "intent": {"name": "greet", "confidence": 1}})])
    assert (tally.total, tally.answered_right) == (1, 0)


def test_the_report_gives_the_share_against_the_target_and_the_topics_missed():
    tally = score([("falls", parsed("question_scams", ("scams", 0.9), ("falls", 0.05)))])
    text = report(tally, 0.9)
    assert "answered with right topic: 0.00 (target 0.90)" in text
    assert "falls 1" in text
