"""A blind set is read only while it is the set that was frozen."""

import hashlib
import json
from pathlib import Path

import pytest

from bot.evaluation.frozen import ChangedBlindSet, as_rasa_nlu, load_blind


def freeze(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    path.with_suffix(".sha256").write_text(f"{digest}  {path.name}\n")


def test_a_frozen_set_loads_with_its_hash(tmp_path: Path):
    blind = tmp_path / "things.blind.jsonl"
    freeze(blind, [{"text": "hiya", "intent": "greet"}])
    rows, digest = load_blind(blind)
    assert rows == [{"text": "hiya", "intent": "greet"}]
    assert digest == hashlib.sha256(blind.read_bytes()).hexdigest()


def test_a_blind_set_edited_after_freezing_is_refused(tmp_path: Path):
    blind = tmp_path / "things.blind.jsonl"
    freeze(blind, [{"text": "hiya", "intent": "greet"}])
    with blind.open("a") as edited:
        edited.write(json.dumps({"text": "one I tuned on", "intent": "greet"}) + "\n")
    with pytest.raises(ChangedBlindSet, match="never edited"):
        load_blind(blind)


def test_rows_become_a_rasa_nlu_file_rasa_reads_back(tmp_path: Path):
    from rasa.shared.nlu.training_data.loading import load_data

    rows = [
        {"text": "my mum [82] (she's deaf) keeps falling", "intent": "share_what_matters"},
        {"text": "ta ra", "intent": "goodbye"},
    ]
    loaded = load_data(str(as_rasa_nlu(rows, tmp_path / "set.yml")))
    got = sorted((m.get("text"), m.get("intent")) for m in loaded.intent_examples)
    assert got == sorted((row["text"], row["intent"]) for row in rows)
