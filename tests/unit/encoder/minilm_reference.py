"""all-MiniLM-L6-v2 written out in numpy from its fp32 weights: an independent second copy
of the model, to check that the int8 ONNX file we ship computes the same vectors.

A BERT encoder as the original paper and Hugging Face's BertModel define it: embeddings,
six layers of 12-head self-attention and a GELU feed-forward, each with a residual and
LayerNorm; then the mean of the token vectors, L2-normalised, as sentence-transformers does."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
from safetensors.numpy import load_file

LAYERS, HEADS, WIDTH = 6, 12, 384
_erf = np.vectorize(math.erf, otypes=[np.float64])


def layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    variance = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(variance + 1e-12) * weight + bias


class ReferenceMiniLM:
    def __init__(self, safetensors: Path) -> None:
        self.w = {name: value.astype(np.float64) for name, value in load_file(safetensors).items()}

    def linear(self, x: np.ndarray, name: str) -> np.ndarray:
        return x @ self.w[f"{name}.weight"].T + self.w[f"{name}.bias"]

    def hidden(self, ids: np.ndarray, mask: np.ndarray, types: np.ndarray) -> np.ndarray:
        w, (batch, length), size = self.w, ids.shape, WIDTH // HEADS
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][np.arange(length)][None]
            + w["embeddings.token_type_embeddings.weight"][types]
        )
        x = layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        padding = (1.0 - mask[:, None, None, :]) * -1e9

        def heads(y: np.ndarray) -> np.ndarray:
            return y.reshape(batch, length, HEADS, size).transpose(0, 2, 1, 3)

        for n in range(LAYERS):
            p = f"encoder.layer.{n}."
            q, k, v = (
                heads(self.linear(x, p + f"attention.self.{m}")) for m in ("query", "key", "value")
            )
            scores = q @ k.transpose(0, 1, 3, 2) / math.sqrt(size) + padding
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, WIDTH)
            x = layer_norm(
                self.linear(context, p + "attention.output.dense") + x,
                w[p + "attention.output.LayerNorm.weight"],
                w[p + "attention.output.LayerNorm.bias"],
            )
            h = self.linear(x, p + "intermediate.dense")
            h = 0.5 * h * (1.0 + _erf(h / math.sqrt(2.0)))
            x = layer_norm(
                self.linear(h, p + "output.dense") + x,
                w[p + "output.LayerNorm.weight"],
                w[p + "output.LayerNorm.bias"],
            )
        return x

    def encode(self, ids: np.ndarray, mask: np.ndarray, types: np.ndarray) -> np.ndarray:
        weights = mask[..., None].astype(np.float64)
        pooled = (self.hidden(ids, mask, types) * weights).sum(1) / weights.sum(1)
        return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)
