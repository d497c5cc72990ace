"""How long the encoder takes to load in a new process, and to read a sentence: alone, and
eight at a time as one message's sentences are. Part of `make bench`."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from encoder.encoder import sentences, shared_encoder

# A new process: import, check the files' hashes, load the tokenizer and the ONNX graph,
# and read one sentence (the first reading sets up onnxruntime's buffers).
COLD_START = """
import time
started = time.perf_counter()
from encoder import shared_encoder
shared_encoder().encode(["hello"])
print(time.perf_counter() - started)
"""
SAMPLE = (
    "My mum is 84 and she's been on her own since dad passed in the spring. She always loved "
    "singing in the chapel choir. Could somebody ring me about groups? I work nights. "
    "He keeps forgetting whether he has eaten. Is there anything near S8? "
    "The stairs are getting too much for him. What does a carer's assessment involve?"
)


def cold_start_seconds(runs: int = 3) -> float:
    """Median over a few new processes (the first also warms the disk cache)."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    timings = []
    for _ in range(runs):
        printed = subprocess.run(
            [sys.executable, "-c", COLD_START], env=env, capture_output=True, text=True, check=True
        )
        timings.append(float(printed.stdout.strip().splitlines()[-1]))
    return statistics.median(timings)


def per_sentence_ms(repeats: int = 30) -> dict[str, float]:
    encoder = shared_encoder()
    parts = sentences(SAMPLE)
    alone, together = [], []
    for n in range(repeats):
        # A new text each time, so nothing is answered from the encoder's memory.
        fresh = [f"{part} ({n})" for part in parts]
        started = time.perf_counter()
        encoder.encode(fresh[:1])
        alone.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        encoder.encode(fresh[1:])
        together.append((time.perf_counter() - started) * 1000 / len(fresh[1:]))
    return {"alone_ms": statistics.median(alone), "in_a_batch_ms": statistics.median(together)}


def time_encoder() -> dict[str, float]:
    return {"cold_start_s": cold_start_seconds(), **per_sentence_ms()}
