"""Each self-help guide walks from its first question to a page holding what was entered
(issue 10, part 6)."""

from pathlib import Path

import pytest

from bot.council.profile import load_profile
from bot.guides.engine import (
    GuideError,
    GuideState,
    Progress,
    answer,
    guide_for_intent,
    load_guides,
    start,
    wording,
)
from bot.knowledge.base import profile_values
from bot.language.readability import banned_words_in, grade

VALUES = profile_values(load_profile())


def walk(guide: str, *answers: str, support_lines: list[str] | None = None) -> Progress:
    """Answer each question in turn, passing the state through the slot's dict form as
    Rasa does between messages."""
    progress = start(guide, VALUES)
    for text in answers:
        assert progress.state is not None, f"the guide ended before {text!r}"
        state = GuideState.from_slot(progress.state.to_slot())
        assert state is not None
        progress = answer(state, text, VALUES, support_lines)
    return progress


def test_the_equipment_finder_ends_with_ideas_for_the_task_and_when_to_ask_the_council():
    progress = walk(
        "equipment_finder", "Getting in and out of the bath", "Stepping over the side", "Yes"
    )
    assert progress.state is None
    page = progress.summary or ""
    assert "What is hard: Getting in and out of the bath" in page
    assert "Why: Stepping over the side" in page
    assert "A bath board" in page
    assert "grab rail" in page
    assert "occupational therapist" in page
    assert "please call First Contact on 0114 496 0123 soon" in page
    assert [reply.text for reply in progress.replies][-1] == wording()["finished"]


def test_the_equipment_finder_asks_why_with_buttons_for_the_task_chosen():
    progress = walk("equipment_finder", "getting dressed")
    [reply] = progress.replies
    assert reply.text == "What makes getting dressed hard?"
    assert reply.buttons == (
        "Reaching my feet",
        "Buttons and zips",
        "Standing to dress",
        wording()["something_else"],
    )


def test_a_choice_can_be_given_by_its_number():
    progress = walk("equipment_finder", "7", "1", "No")
    assert "What is hard: Remembering medicines" in (progress.summary or "")
    assert "pill box with an alarm" in (progress.summary or "")


def test_an_answer_that_is_not_a_choice_asks_the_same_question_again_once():
    progress = walk("equipment_finder", "my knees")
    assert progress.state is not None and progress.state.step == "task"
    assert progress.replies[0].text == wording()["not_understood"]
    assert progress.replies[1].text == "Which task is hardest at the moment?"
    second = walk("equipment_finder", "my knees", "my knees")
    assert second.state is None and second.hand_back and not second.replies


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("she cant get up off the settee", "Getting up from a chair"),
        ("she cant get up off the settee very well either", "Getting up from a chair"),
        ("she keeps forgetting her tablets", "Remembering medicines"),
        ("the stairs", "Going up and down stairs"),
    ],
)
def test_a_typed_answer_is_matched_to_a_button_by_meaning(typed: str, meant: str):
    progress = walk("equipment_finder", typed)
    assert progress.state is not None
    assert progress.state.answers["task"] == meant


@pytest.mark.parametrize(
    "typed", ["what can you suggest?", "actually forget that, is there a knitting group near me"]
)
def test_a_change_of_subject_leaves_the_guide_and_the_conversation_takes_it(typed: str):
    progress = walk("equipment_finder", typed)
    assert progress.state is None and progress.hand_back
    assert progress.replies == []


def test_something_else_leaves_the_guide_and_asks_in_their_own_words():
    progress = walk("equipment_finder", wording()["something_else"])
    assert progress.state is None and not progress.hand_back
    assert progress.replies[0].text == wording()["left"]


def test_the_emergency_plan_keeps_the_carers_own_words_and_ends_with_local_support():
    progress = walk(
        "emergency_plan",
        "My mum, Jean",
        "My brother Tom 07700 900123",
        "Donepezil 10mg at night",
        "Breakfast at 8, likes a nap after lunch",
        "Her cat Smudge and the radio",
        "Skip this one",
        "GP is Dr Shah",
        support_lines=["Sheffield Carers Centre: 0114 496 0456"],
    )
    page = progress.summary or ""
    assert progress.state is None
    assert "Person I care for: My mum, Jean" in page
    assert "Tell these people first: My brother Tom 07700 900123" in page
    assert "Medicines: Donepezil 10mg at night" in page
    assert "Who can step in: (skipped)" in page
    assert "Also good to know: GP is Dr Shah" in page
    assert page.endswith("Help for carers near you:\nSheffield Carers Centre: 0114 496 0456")


def test_each_free_text_question_offers_a_skip_button():
    progress = start("emergency_plan", VALUES)
    assert progress.replies[-1].buttons == (wording()["skip"],)


def test_the_what_matters_page_is_written_in_the_persons_own_words():
    progress = walk(
        "what_matters_page",
        "Margaret, or Peggy",
        "Speak slowly and face me, I lip read",
        "My garden and my grandchildren",
        "A walk to the park and a chat",
        "Loud places",
        "My daughter Sue",
    )
    page = progress.summary or ""
    assert page.startswith("What matters to me")
    assert "Please call me: Margaret, or Peggy" in page
    assert "How to talk with me: Speak slowly and face me, I lip read" in page
    assert "Who to talk to about me: My daughter Sue" in page


def test_typing_stop_leaves_the_guide_and_keeps_nothing():
    progress = walk("what_matters_page", "Peggy", "stop")
    assert progress.state is None
    assert progress.summary is None
    assert progress.replies[0].text == wording()["stopped"]


def test_a_very_long_answer_is_cut_to_a_sensible_length():
    progress = walk("what_matters_page", "x" * 5000)
    assert progress.state is not None
    assert len(progress.state.answers["name"]) == 600


def test_each_guide_is_started_by_its_own_intent():
    for guide in load_guides().values():
        assert guide_for_intent(guide.intent) == guide
    assert guide_for_intent("greet") is None


def test_a_state_for_a_guide_that_no_longer_exists_is_dropped():
    assert GuideState.from_slot({"guide": "old_guide", "step": "x"}) is None
    assert GuideState.from_slot(None) is None


@pytest.mark.parametrize("guide", sorted(load_guides()))
def test_everything_a_guide_says_is_plain_english(guide: str):
    for text in load_guides()[guide].texts():
        assert banned_words_in(text) == [], text
        assert grade(text) <= 8, f"{text!r} reads at grade {grade(text):.1f}"


def test_the_guides_own_wording_is_plain_english():
    for key in ("skip", "not_understood", "left", "stopped", "finished"):
        assert banned_words_in(wording()[key]) == []
        assert grade(wording()[key]) <= 8


def test_a_guide_pointing_at_a_missing_step_is_refused(tmp_path: Path):
    (tmp_path / "broken.yml").write_text(
        "id: broken\nintent: start_broken\nintro: Hello.\nstart: first\n"
        "steps:\n  first:\n    ask: Which?\n    choices:\n      - {label: A, next: second}\n"
        "summary:\n  heading: Page\n",
        encoding="utf-8",
    )
    with pytest.raises(GuideError, match="second"):
        load_guides(tmp_path)
