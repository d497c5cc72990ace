"""python -m bot.evaluation: the quality report. Prints a short summary table first, then
writes results/evaluation.md and results/evaluation.json."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from statistics import mean
from typing import Any

from tqdm import tqdm

from bot.evaluation import rasa_runs
from bot.evaluation.pipeline_risk import score_with_model
from bot.evaluation.report import markdown, summary_rows
from bot.language.readability import banned_words_in, grade
from bot.language.responses import all_responses
from bot.safety import evaluate as safety
from bot.settings import PROJECT_ROOT, RESULTS_DIR, load_settings
from bot.training import ensure_model
from directory.evaluation import evaluate as signposting

HERE = Path(__file__).parent


def language() -> dict[str, Any]:
    grades = [(where, grade(text)) for where, text in all_responses()]
    worst = max(grades, key=lambda item: item[1])
    return {
        "responses": len(grades),
        "mean_grade": mean(g for _, g in grades),
        "worst_grade": worst[1],
        "worst_where": worst[0],
        "banned_words": sum(len(banned_words_in(text)) for _, text in all_responses()),
    }


def run_steps(
    steps: list[tuple[str, Callable[[], Any]]],
    beside: list[tuple[str, Callable[[], Any]]],
) -> dict[str, Any]:
    """Run `steps` in order while `beside` runs in order alongside them.

    Rasa's default pipeline (TensorFlow) trains for minutes per fold in its own process;
    our steps are mostly one-core scikit-learn and Python, so on two cores the two lines of
    work overlap and the whole report takes the time of the longer one, not both."""
    results: dict[str, Any] = {}
    with ThreadPoolExecutor(max_workers=1) as pool:
        later = {name: pool.submit(step) for name, step in beside}
        for name, step in tqdm(steps, desc="evaluating", unit="step", file=sys.stderr):
            tqdm.write(f"  {name}...", file=sys.stderr)
            results[name] = step()
        tqdm.write("  waiting for Rasa's default pipeline...", file=sys.stderr)
        for name, future in later.items():
            results[name] = future.result()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument(
        "--default-folds",
        type=int,
        default=5,
        help="folds for Rasa's default pipeline (DIET trains for minutes per fold); 0 skips it",
    )
    args = parser.parse_args()
    started = time.monotonic()
    model = ensure_model(load_settings().model_dir)
    work = Path(tempfile.mkdtemp(prefix="evaluation-", dir=PROJECT_ROOT / "var"))
    heldout = HERE / "data" / "nlu_heldout.yml"
    default_config = HERE / "default_config.yml"
    steps = [
        ("nlu_ours_heldout", lambda: rasa_runs.heldout(model, heldout, work / "ours-heldout")),
        (
            "nlu_ours_cv",
            lambda: rasa_runs.cross_validation(
                PROJECT_ROOT / "config.yml", work / "ours-cv", args.folds
            ),
        ),
        (
            "dialogue",
            lambda: rasa_runs.story_success(
                model, PROJECT_ROOT / "tests" / "stories", work / "stories"
            ),
        ),
        ("safety", safety.evaluate),
        ("safety_pipeline", lambda: score_with_model(model)),
        ("signposting", lambda: signposting.run(signposting.load_queries())),
        ("language", language),
    ]
    default_pipeline_steps = [
        (
            "nlu_default_heldout",
            lambda: rasa_runs.heldout(
                rasa_runs.train_nlu(default_config, work, "default-nlu"),
                heldout,
                work / "default-heldout",
            ),
        ),
        (
            "nlu_default_cv",
            lambda: (
                rasa_runs.cross_validation(default_config, work / "default-cv", args.default_folds)
                if args.default_folds
                else None
            ),
        ),
    ]
    results = run_steps(steps, default_pipeline_steps)
    results["seconds"] = round(time.monotonic() - started)
    RESULTS_DIR.mkdir(exist_ok=True)
    (RESULTS_DIR / "evaluation.json").write_text(json.dumps(results, indent=2, default=str) + "\n")
    report = markdown(results)
    (RESULTS_DIR / "evaluation.md").write_text(report)
    print("\n".join(summary_rows(results)))
    print(f"\nFull report: {RESULTS_DIR / 'evaluation.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
