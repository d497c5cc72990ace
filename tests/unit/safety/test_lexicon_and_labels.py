"""The lexicon is well formed, covers every category, and meets the evaluation targets."""

import pytest

from bot.safety.baseline import baseline_screen
from bot.safety.evaluate import (
    load_conversations,
    load_messages,
    score_conversations,
    score_messages,
)
from bot.safety.levels import REQUIRED_CATEGORIES
from bot.safety.lexicon import compile_lexicon, default_lexicon, expand_pattern
from bot.safety.screen import screen

CARE_ACT_AND_EXTRA = REQUIRED_CATEGORIES


def test_every_required_category_has_phrases_in_the_lexicon() -> None:
    lexicon = default_lexicon()
    assert lexicon.categories >= CARE_ACT_AND_EXTRA
    with_phrases = {ref.category for refs in lexicon.phrases.values() for ref in refs}
    assert with_phrases >= lexicon.categories


def test_every_lexicon_category_and_level_appears_in_the_labelled_set() -> None:
    messages = load_messages()
    labelled = {c for m in messages for c in m["categories"]}
    assert default_lexicon().categories <= labelled
    assert {m["level"] for m in messages} == {"none", "concern", "urgent", "immediate"}
    assert len(messages) >= 220


def test_patterns_expand_choices_options_and_groups() -> None:
    expanded = expand_pattern("(hits|hit) [really] @who", {"who": ["me", "my mum"]})
    assert ("hits", "me") in expanded
    assert ("hit", "really", "my", "mum") in expanded


def test_a_malformed_lexicon_is_rejected_loudly() -> None:
    raw = {"groups": {}, "entries": [{"category": "x", "level": "urgent", "phrases": ["(a|b"]}]}
    with pytest.raises(ValueError, match="unbalanced"):
        compile_lexicon(raw)
    raw["entries"][0]["phrases"] = ["fine"]
    raw["entries"][0]["level"] = "severe"
    with pytest.raises(ValueError, match="bad level"):
        compile_lexicon(raw)


def test_the_screen_meets_its_targets_on_the_labelled_set() -> None:
    result = score_messages(load_messages(), screen)
    assert result["serious_rated_urgent_plus"] == 1.0
    assert result["recall_urgent"] == 1.0
    assert result["recall_concern"] == 1.0
    assert result["false_alarms"] <= 0.05


def test_the_screen_beats_the_keyword_baseline() -> None:
    messages = load_messages()
    ours, baseline = score_messages(messages, screen), score_messages(messages, baseline_screen)
    assert ours["exact"] > baseline["exact"]
    assert ours["false_alarms"] < baseline["false_alarms"]


def test_the_running_level_of_every_conversation_ends_where_labelled() -> None:
    conversations = load_conversations()
    assert len(conversations) >= 10
    assert score_conversations(conversations, screen)["final_level_accuracy"] == 1.0
