"""A naive keyword screen, kept only as a yardstick for the evaluation.

Any keyword found as a plain substring rates the message `urgent`. This is what a quick
"list of scary words" approach does; the evaluation shows why it is not good enough.
"""

from bot.safety.screen import RiskAssessment

KEYWORDS: tuple[str, ...] = (
    "suicide",
    "suicidal",
    "kill",
    "hit",
    "abuse",
    "die",
    "dead",
    "hurt",
    "fall",
    "fell",
    "steal",
    "stole",
    "rape",
    "slap",
    "punch",
    "bruise",
    "cut",
    "overdose",
    "scared",
    "threat",
    "neglect",
    "missing",
    "harm",
)


def baseline_screen(text: str) -> RiskAssessment:
    lowered = (text or "").lower()
    hits = [word for word in KEYWORDS if word in lowered]
    if not hits:
        return RiskAssessment()
    reasons = [
        {"category": "unspecified", "level": "urgent", "phrase": w, "pattern": w} for w in hits
    ]
    return RiskAssessment(level="urgent", categories=["unspecified"], reasons=reasons)
