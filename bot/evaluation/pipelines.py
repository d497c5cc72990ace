"""The pipelines ours is measured beside, on the same folds and the same blind set."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.understanding.rasa_featurizer import SentenceEncoderFeaturizer

HERE = Path(__file__).parent
# Rasa's own default pipeline (DIET), trained on our data beside ours.
RASA_DEFAULT = HERE / "default_config.yml"
ENCODER = f"{SentenceEncoderFeaturizer.__module__}.{SentenceEncoderFeaturizer.__name__}"


def words_only(config: Path, out: Path) -> Path:
    """Ours as it was before the sentence encoder: config.yml without the encoder's
    featurizer, so the comparison shows what meaning adds and nothing else."""
    settings = yaml.safe_load(config.read_text())
    settings["pipeline"] = [step for step in settings["pipeline"] if step["name"] != ENCODER]
    out.write_text(yaml.safe_dump(settings, sort_keys=False))
    return out
