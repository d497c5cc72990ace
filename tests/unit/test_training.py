from pathlib import Path

from bot.training import fingerprint, training_inputs


def make_project(root: Path) -> None:
    (root / "bot" / "domain").mkdir(parents=True)
    (root / "data" / "nlu").mkdir(parents=True)
    (root / "config.yml").write_text("pipeline: []\n")
    (root / "bot" / "domain" / "core.yml").write_text("intents: [greet]\n")
    (root / "data" / "nlu" / "core.yml").write_text("nlu: []\n")
    (root / "data" / "notes.txt").write_text("not a training input\n")


def test_training_inputs_are_config_domain_and_data_yaml_only(tmp_path: Path):
    make_project(tmp_path)
    names = [path.relative_to(tmp_path).as_posix() for path in training_inputs(tmp_path)]
    assert names == ["config.yml", "bot/domain/core.yml", "data/nlu/core.yml"]


def test_fingerprint_is_stable_until_an_input_changes(tmp_path: Path):
    make_project(tmp_path)
    before = fingerprint(training_inputs(tmp_path), tmp_path)
    (tmp_path / "data" / "notes.txt").write_text("edited, but not an input\n")
    assert fingerprint(training_inputs(tmp_path), tmp_path) == before
    (tmp_path / "data" / "nlu" / "core.yml").write_text("nlu: [changed]\n")
    assert fingerprint(training_inputs(tmp_path), tmp_path) != before


def test_fingerprint_changes_when_a_file_is_renamed(tmp_path: Path):
    make_project(tmp_path)
    before = fingerprint(training_inputs(tmp_path), tmp_path)
    (tmp_path / "data" / "nlu" / "core.yml").rename(tmp_path / "data" / "nlu" / "other.yml")
    assert fingerprint(training_inputs(tmp_path), tmp_path) != before


def test_our_own_components_code_is_a_training_input_but_not_their_evaluation_sets(
    tmp_path: Path,
):
    make_project(tmp_path)
    (tmp_path / "config.yml").write_text("pipeline:\n  - name: bot.screen.component.Screen\n")
    screen = tmp_path / "bot" / "screen"
    (screen / "evaluation").mkdir(parents=True)
    (screen / "component.py").write_text("class Screen: ...\n")
    (screen / "phrases.yml").write_text("- fell\n")
    (screen / "evaluation" / "set.yml").write_text("- text: x\n")
    names = [path.relative_to(tmp_path).as_posix() for path in training_inputs(tmp_path)]
    assert names[-2:] == ["bot/screen/component.py", "bot/screen/phrases.yml"]
    before = fingerprint(training_inputs(tmp_path), tmp_path)
    (screen / "phrases.yml").write_text("- fell over\n")
    assert fingerprint(training_inputs(tmp_path), tmp_path) != before
