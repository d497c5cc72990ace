"""The sequential runner must give what Rasa's dask runner gives, node for node."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import rasa.core.processor
from rasa.engine.exceptions import GraphRunError
from rasa.engine.graph import ExecutionContext, GraphComponent, GraphSchema, SchemaNode
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage

from bot.rasa_graph import SequentialGraphRunner, run_prediction_graphs_in_order

CALLS: list[str] = []


class Join(GraphComponent):
    """Records that it ran, and joins its inputs and its name into a string."""

    def __init__(self, name: str) -> None:
        self.name = name

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> Join:
        return cls(config["name"])

    def run(self, **parts: str) -> str:
        CALLS.append(self.name)
        return "(" + " ".join(f"{key}={parts[key]}" for key in sorted(parts)) + f" {self.name})"


def node(name: str, needs: dict[str, str], target: bool = False) -> SchemaNode:
    return SchemaNode(needs, Join, "create", "run", {"name": name}, is_target=target)


# A diamond (tokens feeds two featurizers, both feed the classifier), an input used by two
# nodes, and a node no target needs.
SCHEMA = GraphSchema(
    {
        "tokens": node("tokens", {"text": "__message__"}),
        "words": node("words", {"tokens": "tokens"}),
        "letters": node("letters", {"tokens": "tokens"}),
        "intent": node("intent", {"a": "words", "b": "letters", "text": "__message__"}),
        "policy": node("policy", {"intent": "intent", "tracker": "__tracker__"}, target=True),
        "unused": node("unused", {"tokens": "tokens"}),
    }
)


def runners(tmp_path: Path) -> tuple[DaskGraphRunner, SequentialGraphRunner]:
    storage = LocalModelStorage(tmp_path)
    context = ExecutionContext(SCHEMA)
    return (
        DaskGraphRunner(SCHEMA, storage, context),
        SequentialGraphRunner(SCHEMA, storage, context),
    )


@pytest.mark.parametrize("targets", [None, ["intent"], ["policy", "words"], ["letters", "tokens"]])
def test_each_target_gets_what_dasks_runner_gives(tmp_path: Path, targets: list | None) -> None:
    dask, ours = runners(tmp_path)
    inputs = {"__message__": "hello", "__tracker__": "t1"}
    CALLS.clear()
    expected = dask.run(inputs, targets)
    dask_calls = sorted(CALLS)
    CALLS.clear()
    assert ours.run(inputs, targets) == expected
    assert sorted(CALLS) == dask_calls  # each needed node once, nothing else


def test_a_node_runs_after_everything_it_needs(tmp_path: Path) -> None:
    _, ours = runners(tmp_path)
    CALLS.clear()
    ours.run({"__message__": "hi", "__tracker__": "t"}, ["policy"])
    assert CALLS.index("tokens") < min(CALLS.index("words"), CALLS.index("letters"))
    assert CALLS.index("intent") < CALLS.index("policy")


def test_a_missing_input_fails_as_under_dask(tmp_path: Path) -> None:
    dask, ours = runners(tmp_path)
    for runner in (dask, ours):
        with pytest.raises(GraphRunError, match="Missing input"):
            runner.run({"__message__": "hi"}, ["policy"])


def test_an_input_named_like_a_node_is_refused(tmp_path: Path) -> None:
    _, ours = runners(tmp_path)
    with pytest.raises(GraphRunError, match="clashes"):
        ours.run({"__message__": "words", "__tracker__": "t"}, ["policy"])


def test_the_rasa_server_loads_its_model_with_this_runner(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(rasa.core.processor, "DaskGraphRunner", DaskGraphRunner)
    run_prediction_graphs_in_order()
    assert rasa.core.processor.DaskGraphRunner is SequentialGraphRunner
