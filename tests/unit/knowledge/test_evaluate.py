"""Scoring how questions are answered: today's from fixed parse outputs (issue 10, part 5),
the meaning matcher's on every set, and the guard on the frozen blind set."""

from dataclasses import asdict
from pathlib import Path

import pytest

from bot.evaluation.frozen import ChangedBlindSet
from bot.knowledge.choose import Choice, thresholds
from bot.knowledge.evaluate import score
from bot.knowledge.evaluate import tally as tally_of
from bot.knowledge.evaluate.__main__ import report
from bot.knowledge.evaluate.figures import figures
from bot.knowledge.evaluate.sets import BLIND_PATH, checked_blind


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


def test_a_question_no_topic_answers_is_right_only_when_we_say_not_sure():
    tally = tally_of(
        [
            (None, Choice("not_sure"), "scams"),
            (None, Choice("answer", ("scams",)), "scams"),
            ("falls", Choice("clarify", ("scams", "falls")), "scams"),
        ]
    )
    figures = tally.as_dict()
    assert (figures["no_topic"], figures["not_sure_on_no_topic"]) == (2, 0.5)
    assert (figures["answered_right"], figures["right_topic_offered"]) == (0.0, 1.0)
    assert figures["right_overall"] == 1 / 3


def test_a_changed_blind_set_is_refused_and_the_frozen_one_is_checked(tmp_path: Path):
    recorded = BLIND_PATH.with_suffix(".sha256")
    assert checked_blind() == recorded.read_text(encoding="utf-8").split()[0]
    changed = tmp_path / "questions.blind.jsonl"
    changed.write_bytes(BLIND_PATH.read_bytes() + b"\n")
    (tmp_path / recorded.name).write_bytes(recorded.read_bytes())
    with pytest.raises(ChangedBlindSet):
        checked_blind(changed)


def test_the_figures_cover_every_set_and_skip_missing_shared_examples(tmp_path: Path):
    found = figures(shared=tmp_path / "absent.jsonl")
    assert found["blind_sha256"] == checked_blind()
    assert found["sets"]["shared examples"].startswith("skipped")
    for name in ("dev (tuned on)", "blind (frozen)", "older held-out"):
        assert set(found["sets"][name]) == {"meaning"}
        assert 0 <= found["sets"][name]["meaning"]["answered_right"] <= 1
    assert found["thresholds"]["meaning"] == asdict(thresholds("meaning"))
