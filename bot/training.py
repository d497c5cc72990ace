"""Train the Rasa model only when its inputs changed.

The model file is named after a fingerprint of everything that shapes it (config,
domain, training data, Rasa's version), so an unchanged checkout starts in the time Rasa
takes to load, and a fresh clone reuses a model trained from the same inputs.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import subprocess
import sys
import time
from importlib.metadata import version
from pathlib import Path

from bot.settings import PROJECT_ROOT, load_settings

CONFIG = PROJECT_ROOT / "config.yml"
DOMAIN = PROJECT_ROOT / "bot" / "domain"
DATA = PROJECT_ROOT / "data"


def training_inputs(root: Path = PROJECT_ROOT) -> list[Path]:
    files = [root / "config.yml"]
    for folder in (root / "bot" / "domain", root / "data"):
        files += sorted(path for path in folder.rglob("*") if path.suffix in {".yml", ".yaml"})
    # The sentence encoder's card names the weights our featurizer computes features with.
    encoder = sorted((root / "encoder").glob("*.py")) + sorted((root / "encoder").glob("*.yml"))
    return files + component_sources(root / "config.yml", root) + encoder


def component_sources(config: Path, root: Path = PROJECT_ROOT) -> list[Path]:
    """The code and wording of our own components named in `config` (a change there changes
    what the model does): every .py and .yml file in each one's package, evaluation sets
    apart, which only measure it."""
    names = re.findall(r"^\s*-\s*name:\s*([\w.]+)\.\w+\s*$", config.read_text(), re.MULTILINE)
    files: set[Path] = set()
    for module in names:
        package = (root / module.replace(".", "/")).parent
        if not package.is_dir() or not package.is_relative_to(root):
            continue
        files.update(
            path
            for path in package.rglob("*")
            if path.suffix in {".py", ".yml"} and "evaluation" not in path.relative_to(root).parts
        )
    return sorted(files)


def fingerprint(files: list[Path], root: Path = PROJECT_ROOT) -> str:
    digest = hashlib.sha256(f"rasa {version('rasa')}\n".encode())
    for path in files:
        digest.update(str(path.relative_to(root)).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def model_path(model_dir: Path, files: list[Path] | None = None) -> Path:
    return model_dir / f"{fingerprint(files or training_inputs())}.tar.gz"


def train(target: Path) -> float:
    """Train from scratch into `target`; return the seconds it took."""
    target.parent.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    command = [
        sys.executable,
        "-m",
        "rasa",
        "train",
        "--config",
        str(CONFIG),
        "--domain",
        str(DOMAIN),
        "--data",
        str(DATA),
        "--out",
        str(target.parent),
        "--fixed-model-name",
        target.name.removesuffix(".tar.gz"),
    ]
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2"}
    subprocess.run(command, check=True, cwd=PROJECT_ROOT, env=env)
    return time.monotonic() - started


def ensure_model(model_dir: Path, force: bool = False) -> Path:
    target = model_path(model_dir)
    if target.exists() and not force:
        print(f"Model is up to date: {target}", file=sys.stderr)
        return target
    print("Training the assistant (the inputs changed since the last model)...", file=sys.stderr)
    seconds = train(target)
    print(f"Trained in {seconds:.0f} seconds: {target}", file=sys.stderr)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description="Train the model if its inputs changed.")
    parser.add_argument("--force", action="store_true", help="train even if a model exists")
    args = parser.parse_args()
    # stdout carries only the model path, so Make can use it.
    print(ensure_model(load_settings().model_dir, force=args.force))


if __name__ == "__main__":
    main()
