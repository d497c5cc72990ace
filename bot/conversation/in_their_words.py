"""The sentences a First Contact worker most needs, in the person's own words.

A hand-over's summary is read in about 30 seconds, so it cannot quote a whole
conversation. Every sentence the person wrote is weighed: one that says the danger itself
("I've got his morphine and my tablets lined up"), or how to keep them safe when making
contact ("please don't say it was me"), counts most; then one from a message that raised
the risk, one with a number in it (an age, a time, a sum of money), one that says who the
person is (their condition) or what they want, by when or how to reach them. Greetings,
bare answers ("yes please") and a postcode or phone number on its own count for nothing,
because the rest of the record says those already. The best fill the budget and are quoted
in the order they were said."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bot.conversation import facts as read
from bot.safety.decide import rate
from bot.safety.levels import rank
from bot.safety.screen import screen
from encoder import sentences

QUOTED_WORDS = 80
RISK, DANGER, KEEP_SAFE, NUMBER, CUE, LONG = 4, 4, 8, 2, 2, 1
BARE_ANSWER_WORDS = 4
# What the contact line already carries: a postcode, a phone number, an email address.
_CONTACT_DETAIL = re.compile(
    r"\b[a-z]{1,2}\d[a-z\d]? ?\d[a-z]{2}\b|\+?\d[\d ]{8,}\d|\S+@\S+", re.IGNORECASE
)


@dataclass(frozen=True)
class Sentence:
    turn: int  # the person's turn, counted from 1 as the risk reasons count them
    position: int
    text: str
    worth: int


def worth(text: str, risk_rank: int) -> int:
    """`risk_rank`: how serious the risk found in its message was (0 none, 1 concern,
    2 urgent, 3 immediate): a sentence from an urgent message outweighs one from a worrying
    one, whatever order they came in."""
    cues = read.cues()
    rest = _CONTACT_DETAIL.sub(" ", text)
    if len(rest.split()) <= 1:  # "S5 8XL", "0114 496 0233.": the contact line has it
        return 0
    score = RISK * risk_rank + DANGER * _danger(text, risk_rank)
    score += KEEP_SAFE if read.has(text, cues["keep_safe"]) else 0
    score += NUMBER if re.search(r"\d", rest) else 0
    score += CUE if read.has(text, cues["worth_quoting"]) else 0
    score += CUE if read.has(text, cues["who_they_are"]) else 0
    score += LONG if len(text.split()) > BARE_ANSWER_WORDS else 0
    if read.has(text, cues["not_worth_quoting"]) and len(text.split()) <= BARE_ANSWER_WORDS:
        score = 0
    return score


def _danger(text: str, risk_rank: int) -> int:
    """How serious this sentence is alone, as a rank: the line that says the danger
    outweighs the rest of its message ("the hospice nurse comes tuesdays"). In a message
    that raised a risk both opinions read it; elsewhere the lexicon alone is enough."""
    return rank((rate(text) if risk_rank else screen(text)).level)


def key_sentences(
    texts: list[str], risk_turns: dict[int, int], budget: int = QUOTED_WORDS
) -> list[str]:
    """The most telling sentences of `texts` (the person's messages, in order) that fit in
    `budget` words, in the order they were said. `risk_turns`: the turns (from 1) where risk
    was found, each with the rank of its level."""
    weighed = [
        Sentence(turn, position, sentence, worth(sentence, risk_turns.get(turn, 0)))
        for turn, text in enumerate(texts, start=1)
        for position, sentence in enumerate(sentences(text))
    ]
    chosen, used = [], 0
    for sentence in sorted(weighed, key=lambda s: (-s.worth, s.turn, s.position)):
        words = sentence.text.split()
        if not chosen and len(words) > budget:  # the most telling one, however long
            sentence = replace(sentence, text=" ".join(words[:budget]) + "…")
            words = words[:budget]
        if sentence.worth > 0 and used + len(words) <= budget:
            chosen.append(sentence)
            used += len(words)
    return [s.text for s in sorted(chosen, key=lambda s: (s.turn, s.position))]
