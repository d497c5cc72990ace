"""Ranking metrics over graded relevance (3 perfect, 2 good, 1 acceptable)."""

from __future__ import annotations

import math


def hit_at(ranked: list[str], relevant: dict[str, int], k: int) -> float:
    return 1.0 if any(item in relevant for item in ranked[:k]) else 0.0


def ndcg_at(ranked: list[str], relevant: dict[str, int], k: int) -> float:
    def dcg(grades: list[int]) -> float:
        return sum((2**grade - 1) / math.log2(rank + 2) for rank, grade in enumerate(grades))

    ideal = dcg(sorted(relevant.values(), reverse=True)[:k])
    return dcg([relevant.get(item, 0) for item in ranked[:k]]) / ideal if ideal else 0.0


def summarise(runs: list[tuple[list[str], dict[str, int]]]) -> dict[str, float]:
    """hit@1, hit@3, nDCG@5 and zero-result rate over (ranked ids, relevant grades) pairs."""
    count = max(len(runs), 1)
    return {
        "hit@1": sum(hit_at(r, rel, 1) for r, rel in runs) / count,
        "hit@3": sum(hit_at(r, rel, 3) for r, rel in runs) / count,
        "ndcg@5": sum(ndcg_at(r, rel, 5) for r, rel in runs) / count,
        "zero_result_rate": sum(1 for r, _ in runs if not r) / count,
    }
