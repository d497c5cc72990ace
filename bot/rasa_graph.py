"""Run Rasa's prediction graph node by node, without dask.

Rasa runs its model (tokenizer, featurizers, classifiers, the risk screen, the policies)
as a graph, through `dask.get`, two or three times a turn. dask's own scheduling took a
tenth of the Rasa server's time under load (py-spy, 10 conversations at once), on a graph
of about twenty nodes that runs in one thread anyway. This runner calls the same nodes
with the same inputs in dependency order, as `dask.get` does with Rasa's graph.
"""

from __future__ import annotations

from typing import Any

import rasa.core.processor
from rasa.engine.exceptions import GraphRunError
from rasa.engine.runner.dask import DaskGraphRunner


class SequentialGraphRunner(DaskGraphRunner):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._orders: dict[tuple[str, ...], list[str]] = {}

    def _order(self, targets: tuple[str, ...]) -> list[str]:
        """The nodes the targets need, each after everything it needs."""
        if targets not in self._orders:
            nodes = self._graph_schema.nodes
            order: list[str] = []
            seen: set[str] = set()

            def visit(name: str) -> None:
                if name in seen or name not in nodes:
                    return
                seen.add(name)
                for needed in nodes[name].needs.values():
                    visit(needed)
                order.append(name)

            for target in targets:
                visit(target)
            self._orders[targets] = order
        return self._orders[targets]

    def run(
        self, inputs: dict[str, Any] | None = None, targets: list[str] | None = None
    ) -> dict[str, Any]:
        run_targets = tuple(targets or self._graph_schema.target_names)
        order = self._order(run_targets)
        inputs = inputs or {}
        clash = next((value for value in inputs.values() if _names(value, order)), None)
        if clash is not None:
            raise GraphRunError(f"Input value '{clash}' clashes with a node name.")
        # As in dask's graph: an input is its (name, value) pair, a node's result is
        # (name, output), and a name nothing provides is passed on as the bare name.
        results: dict[str, Any] = {name: (name, value) for name, value in inputs.items()}
        nodes = self._graph_schema.nodes
        for name in order:
            if name in results:
                continue
            needed = (results.get(parent, parent) for parent in nodes[name].needs.values())
            results[name] = self._instantiated_nodes[name](*needed)
        return dict(results[target] for target in run_targets)


def _names(value: Any, nodes: list[str]) -> bool:
    return isinstance(value, str) and value in nodes


def run_prediction_graphs_in_order() -> None:
    rasa.core.processor.DaskGraphRunner = SequentialGraphRunner  # type: ignore[misc]
