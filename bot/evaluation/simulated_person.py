"""A person who answers the assistant's questions plainly, for playing a labelled local need
as a whole conversation: hello, the need in their words, then short answers to whatever
the assistant asks. Nothing here knows the assistant's internals: it reads only what the
person would read, so a question reworded in phrases.yml is still answered."""

from __future__ import annotations

import re
from typing import Any

# The person the need is about, read from the label of the voice it was written in.
_KIN = (
    "mum", "mother", "dad", "father", "husband", "wife", "partner", "son", "daughter",
    "brother", "sister", "uncle", "aunt", "nan", "gran", "grandmother", "grandad",
    "grandfather", "neighbour", "friend", "client",
)  # fmt: skip
_SELF = re.compile(r"\b(themsel(f|ves)|for themself|herself|himself|asking for themself)\b")


def who_it_is_for(voice: str) -> str | None:
    """'my dad', or None when the person writes about themself (or the label doesn't say)."""
    voice = voice.lower()
    if _SELF.search(voice):
        return None
    about = voice.split("about", 1)[1] if "about" in voice else voice
    for word in re.findall(r"[a-z]+", about):
        singular = word[:-1] if word.endswith("s") and word[:-1] in _KIN else word
        if singular in _KIN:
            return f"my {singular}"
    return None


def answer(asked: str, need: dict[str, Any]) -> str:
    """A plain answer to the assistant's last words `asked`, as the person in `need` would
    give it; when nothing was asked, they ask what it can suggest."""
    asked = asked.lower()
    someone = who_it_is_for(str(need.get("voice") or ""))
    if "postcode" in asked:
        return str(need["postcode"]) if need.get("postcode") else "I don't know it, sorry"
    if "for you, or for someone else" in asked:
        return f"it's for {someone}" if someone else "for me"
    if "who is it you're writing about" in asked:
        return someone or "a friend"
    if "how are you doing yourself" in asked:
        return "I'm alright, just tired"
    if "who is around" in asked:
        return "not many people really"
    if "what matters most" in asked:
        return "like I said really"
    return "what can you suggest?"
