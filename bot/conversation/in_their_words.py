"""The sentences a First Contact worker most needs, in the person's own words.

A hand-over's summary is read in about 30 seconds, so it cannot quote a whole
conversation. Every sentence the person wrote is weighed: one that raised the risk, one
with a number in it (an age, a postcode, a time, a sum of money) or one that says what
they want, by when or how to reach them counts most; greetings and bare answers ("yes
please", "for my neighbour") count least, because the rest of the record says those
already. The best fill the budget and are quoted in the order they were said."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bot.conversation import facts as read
from encoder import sentences

QUOTED_WORDS = 75
RISK, NUMBER, CUE, LONG = 4, 2, 2, 1
BARE_ANSWER_WORDS = 4


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
    score = RISK * risk_rank
    score += NUMBER if re.search(r"\d", text) else 0
    score += CUE if read.has(text, cues["worth_quoting"]) else 0
    score += LONG if len(text.split()) > BARE_ANSWER_WORDS else 0
    if read.has(text, cues["not_worth_quoting"]) and len(text.split()) <= BARE_ANSWER_WORDS:
        score = 0
    return score


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
