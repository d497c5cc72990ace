"""A fold's results are reused only when everything that made them is the same."""

import json
from pathlib import Path

from bot.evaluation.folds import Fold, TrainingPool, results_key


def write(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


def test_the_key_changes_with_the_pipeline_the_training_data_or_the_test_data(tmp_path: Path):
    config = write(tmp_path / "config.yml", "pipeline:\n  - name: WhitespaceTokenizer\n")
    train = write(tmp_path / "train.yml", "nlu: [a]\n")
    test = write(tmp_path / "test.yml", "nlu: [b]\n")
    before = results_key(config, train, test)
    assert results_key(config, train, test) == before
    for changed in (config, train, test):
        original = changed.read_text()
        changed.write_text(original + "# changed\n")
        assert results_key(config, train, test) != before, changed.name
        changed.write_text(original)
    assert results_key(config, train, test) == before


def test_a_folder_of_training_data_is_read_file_by_file(tmp_path: Path):
    config = write(tmp_path / "config.yml", "pipeline: []\n")
    data = tmp_path / "data"
    (data / "nlu").mkdir(parents=True)
    nlu = write(data / "nlu" / "core.yml", "nlu: [a]\n")
    write(data / "notes.txt", "not data\n")
    test = write(tmp_path / "test.yml", "nlu: [b]\n")
    before = results_key(config, data, test)
    write(data / "notes.txt", "still not data\n")
    assert results_key(config, data, test) == before
    nlu.write_text("nlu: [a, c]\n")
    assert results_key(config, data, test) != before


def test_kept_only_trains_nothing_and_takes_kept_results_when_every_fold_has_them(
    tmp_path: Path,
):
    config = write(tmp_path / "config.yml", "pipeline: []\n")
    folds = [
        Fold(
            write(tmp_path / f"train-{n}.yml", f"nlu: [{n}]\n"),
            write(tmp_path / f"test-{n}.yml", "nlu: [b]\n"),
        )
        for n in (1, 2)
    ]
    cache = tmp_path / "cache"
    kept = {
        "intent_target": "greet",
        "intent_prediction": "greet",
        "message": "hello",
        "confidence": 0.9,
    }
    with TrainingPool(tmp_path / "work", cache) as pool:
        assert pool.cross_validation(config, folds, kept_only=True) == []
        cache.mkdir()
        first = folds[0]
        (cache / f"{results_key(config, first.train, first.test)}.json").write_text(
            json.dumps([[kept]])
        )
        assert pool.cross_validation(config, folds, kept_only=True) == [], "one fold missing"
        second = folds[1]
        (cache / f"{results_key(config, second.train, second.test)}.json").write_text(
            json.dumps([[kept]])
        )
        futures = pool.cross_validation(config, folds, kept_only=True)
    assert [future.result()[0].intent_prediction for future in futures] == ["greet", "greet"]
