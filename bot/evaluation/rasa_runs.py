"""Run Rasa's own test commands and read the reports they write."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from bot.settings import PROJECT_ROOT

ENV = {
    **os.environ,
    "PYTHONPATH": str(PROJECT_ROOT),
    "RASA_TELEMETRY_ENABLED": "false",
    "TF_CPP_MIN_LOG_LEVEL": "3",
    "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
}


def rasa(*args: str) -> None:
    """Run a rasa command quietly; its output goes to a log next to its results."""
    out = Path(args[args.index("--out") + 1]) if "--out" in args else PROJECT_ROOT / "var"
    out.mkdir(parents=True, exist_ok=True)
    with (out / "rasa.log").open("w") as log:
        subprocess.run(
            [sys.executable, "-m", "rasa", *args],
            cwd=PROJECT_ROOT,
            env=ENV,
            check=True,
            stdout=log,
            stderr=subprocess.STDOUT,
        )


def intent_scores(report_dir: Path) -> dict[str, Any]:
    """Weighted precision/recall/F1 and the confusions that matter, from intent_report.json."""
    report = json.loads((report_dir / "intent_report.json").read_text())
    weighted = report["weighted avg"]
    confusions = [
        {"intent": name, "confused_with": other, "count": count}
        for name, scores in report.items()
        if isinstance(scores, dict) and "confused_with" in scores
        for other, count in scores["confused_with"].items()
    ]
    confusions.sort(key=lambda item: -item["count"])
    return {
        "precision": weighted["precision"],
        "recall": weighted["recall"],
        "f1": weighted["f1-score"],
        "confusions": confusions[:5],
    }


def heldout(model: Path, heldout_file: Path, out: Path) -> dict[str, Any]:
    rasa("test", "nlu", "--model", str(model), "--nlu", str(heldout_file), "--out", str(out))
    return intent_scores(out)


def story_success(model: Path, stories: Path, out: Path) -> dict[str, Any]:
    """Share of test stories the policies follow end to end."""
    rasa("test", "core", "--model", str(model), "--stories", str(stories), "--out", str(out))
    total = sum(
        len((yaml.safe_load(path.read_text()) or {}).get("stories", []))
        for path in sorted(stories.glob("*.yml"))
    )
    failed_file = out / "failed_test_stories.yml"
    failed_text = failed_file.read_text() if failed_file.exists() else ""
    failed = len((yaml.safe_load(failed_text) or {}).get("stories", []) if failed_text else [])
    return {"stories": total, "failed": failed, "success_rate": (total - failed) / max(1, total)}
