"""risk_model.yml, read once: what the classifier learns from, its thresholds, the check
questions and the words their answers are read by. Plain data, so the dialogue's side
(check.py) reads it without loading the classifier."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

SETTINGS_PATH = Path(__file__).with_name("risk_model.yml")


@cache
def settings() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(SETTINGS_PATH.read_text(encoding="utf-8"))
    return loaded
