"""Intent classification scored on the same folds for both pipelines, a fold per process.

`rasa test nlu --cross-validation` trains its folds one after another on fresh random
splits: ours and Rasa's default were scored on different folds each run, and TensorFlow
kept about 1.4 of two cores busy for a quarter of an hour. Here the folds are drawn once
from a fixed seed and written to files, and every training (each fold of each pipeline, and
the default pipeline on all the data for the held-out split) is a task for a pool of
single-threaded worker processes, one per core. Rasa's own functions split, train, predict
and score; only the scheduling is ours."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import numpy

from bot.evaluation.rasa_runs import intent_scores
from bot.settings import PROJECT_ROOT
from bot.training import component_sources, fingerprint

SEED = 2026
# Rasa's intent results, one list for each test set a model was scored on.
Results = list[list[Any]]
DOMAIN = PROJECT_ROOT / "bot" / "domain"


@dataclass(frozen=True)
class Fold:
    train: Path
    test: Path


def write_folds(nlu: Path, folds: int, out: Path) -> list[Fold]:
    """Stratified folds of the NLU data, as Rasa's cross-validation draws them (intents with
    fewer examples than folds left out), from a fixed seed so every run and both pipelines
    see the same ones."""
    from rasa.nlu.test import drop_intents_below_freq, generate_folds
    from rasa.shared.importers.importer import TrainingDataImporter
    from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLWriter

    importer = TrainingDataImporter.load_from_dict(
        training_data_paths=[str(nlu)], domain_path=str(DOMAIN)
    )
    data = drop_intents_below_freq(importer.get_nlu_data(), cutoff=folds)
    # generate_folds shuffles with numpy's global generator and takes no seed of its own.
    numpy.random.seed(SEED)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for number, (train, test) in enumerate(generate_folds(folds, data), start=1):
        fold = Fold(out / f"fold-{number}-train.yml", out / f"fold-{number}-test.yml")
        RasaYAMLWriter().dump(fold.train, train)
        RasaYAMLWriter().dump(fold.test, test)
        written.append(fold)
    return written


def _start_worker(log: Path) -> None:
    """One TensorFlow thread per worker: two workers on two cores do more than one worker
    with two threads. Rasa's progress output goes to a log rather than over the report."""
    from bot.rasa_tuning import configure_logging

    os.environ.update(TF_INTRA_OP_PARALLELISM_THREADS="1", TF_INTER_OP_PARALLELISM_THREADS="1")
    stream = log.with_name(f"{log.stem}-{os.getpid()}.log").open("a")
    os.dup2(stream.fileno(), sys.stdout.fileno())
    os.dup2(stream.fileno(), sys.stderr.fileno())
    configure_logging("WARNING")  # structlog would otherwise write every text it parses

    from rasa.utils.tensorflow.environment import setup_tf_environment

    setup_tf_environment()


def train_and_predict(config: Path, train: Path, tests: tuple[Path, ...], out: Path) -> Results:
    """Train an NLU model on `train` and return Rasa's intent results for each of `tests`."""
    from rasa.core.agent import Agent
    from rasa.model_training import train_nlu
    from rasa.nlu.test import get_eval_data
    from rasa.shared.nlu.training_data.loading import load_data

    processor = Agent.load(
        train_nlu(str(config), str(train), str(out), domain=str(DOMAIN))
    ).processor
    return [asyncio.run(get_eval_data(processor, load_data(str(test))))[0] for test in tests]


def cached_train_and_predict(
    config: Path, train: Path, tests: tuple[Path, ...], out: Path, cached: Path
) -> Results:
    """train_and_predict, keeping Rasa's results in `cached` for the next run."""
    results = train_and_predict(config, train, tests, out)
    cached.parent.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(f".{os.getpid()}.tmp")
    partial.write_text(json.dumps([[item._asdict() for item in found] for found in results]))
    partial.replace(cached)  # whole or not at all, even if the run is stopped here
    return results


def load_results(cached: Path) -> Results:
    from rasa.nlu.test import IntentEvaluationResult

    return [
        [IntentEvaluationResult(**item) for item in found]
        for found in json.loads(cached.read_text())
    ]


def one_future_per_test(done: Future[Results], count: int) -> list[Future[list[Any]]]:
    """The results of one training, as a future for each test set it was scored on."""
    each: list[Future[list[Any]]] = [Future() for _ in range(count)]

    def hand_out(finished: Future[Results]) -> None:
        if (error := finished.exception()) is not None:
            for future in each:
                future.set_exception(error)
            return
        for future, found in zip(each, finished.result(), strict=True):
            future.set_result(found)

    done.add_done_callback(hand_out)
    return each


def results_key(config: Path, train: Path, *tests: Path) -> str:
    """What a fold's results depend on: Rasa's version, the pipeline (with our components'
    code), the fold's training and test data. Anything else changed, the key changes."""
    data = [found for path in (train, *tests) for found in data_files(path)]
    return fingerprint([config, *component_sources(config), *data], root=Path("/"))


def data_files(path: Path) -> list[Path]:
    """A training or test file, or every YAML file in a folder of them (all of data/)."""
    if path.is_dir():
        return sorted(found for found in path.rglob("*") if found.suffix in {".yml", ".yaml"})
    return [path]


def scores(futures: list[Future[list[Any]]], out: Path) -> dict[str, Any]:
    """Precision, recall, F1 and confusions over the results of all `futures` together, as
    Rasa pools its folds; Rasa's report and errors are written to `out` for review."""
    from rasa.nlu.test import evaluate_intents

    results = [result for future in futures for result in future.result()]
    out.mkdir(parents=True, exist_ok=True)
    evaluate_intents(
        results, str(out), successes=False, errors=True, disable_plotting=True, report_as_dict=True
    )
    return intent_scores(out)


class TrainingPool:
    """Worker processes that each train and test one model at a time."""

    def __init__(self, work: Path, cache: Path) -> None:
        work.mkdir(parents=True, exist_ok=True)
        self._work = work
        self._cache = cache
        self._count = 0
        self._pool = ProcessPoolExecutor(
            max_workers=len(os.sched_getaffinity(0)),
            mp_context=get_context("spawn"),
            initializer=_start_worker,
            initargs=(work / "worker.log",),
        )

    def submit(
        self, config: Path, train: Path, *tests: Path, kept_only: bool = False
    ) -> list[Future[list[Any]]]:
        """Train once and test on each of `tests` in a worker, or take the results of an
        identical earlier run: a future for each test set. With `kept_only`, nothing is
        trained: no futures unless an identical earlier run's results are kept."""
        self._count += 1
        cached = self._cache / f"{results_key(config, train, *tests)}.json"
        done: Future[Results] = Future()
        if cached.exists():
            done.set_result(load_results(cached))
        elif kept_only:
            return []
        else:
            out = self._work / f"model-{self._count}"
            done = self._pool.submit(cached_train_and_predict, config, train, tests, out, cached)
        return one_future_per_test(done, len(tests))

    def cross_validation(
        self, config: Path, folds: list[Fold], kept_only: bool = False
    ) -> list[Future[list[Any]]]:
        """A future for each fold; none at all if `kept_only` and any fold is not kept."""
        each = [self.submit(config, fold.train, fold.test, kept_only=kept_only) for fold in folds]
        if not all(each):
            return []
        return [futures[0] for futures in each]

    def __enter__(self) -> TrainingPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self._pool.shutdown(cancel_futures=exc[0] is not None)
