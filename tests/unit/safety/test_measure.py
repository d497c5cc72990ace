"""The safety figures, for both opinions together and each alone, on the same messages."""

from dataclasses import replace

from bot.safety.measure import compare
from bot.safety.screen import RiskAssessment
from tests.unit.safety.made_up import LIMITS as MADE_UP_LIMITS
from tests.unit.safety.made_up import chances

# A check question fits a worry from a chance of 0.3 here.
LIMITS = replace(MADE_UP_LIMITS, check_category=0.3)


def test_each_opinion_alone_and_both_together() -> None:
    labels = ["urgent", "urgent", "none", "none"]
    lexicon = [RiskAssessment(level="urgent"), RiskAssessment(), RiskAssessment(), RiskAssessment()]
    found = [
        chances(0.9, 0.05, 0.03, 0.02),  # the lexicon's catch, not the classifier's
        chances(0.3, 0.2, 0.3, 0.2, suicide=0.8),  # unsure: checked
        chances(0.02, 0.08, 0.8, 0.1, neglect=0.6),  # a false alarm of the classifier
        chances(0.9, 0.05, 0.03, 0.02),
    ]
    table = compare(labels, lexicon, found, LIMITS, {"suicide": "suicide"})
    assert table["lexicon"]["serious_rated_urgent_plus"] == 0.5
    assert table["classifier"]["serious_rated_urgent_plus"] == 0.0
    assert table["both"]["serious_rated_urgent_plus"] == 0.5
    assert table["both"]["serious_rated_or_checked"] == 1.0
    assert table["both"]["ordinary_raised"] == 0.5
    assert table["classifier"]["ordinary_raised"] == 0.5
    assert table["lexicon"]["ordinary_raised"] == 0.0
