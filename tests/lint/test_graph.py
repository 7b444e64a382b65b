from __future__ import annotations

from pathlib import Path

import pytest

from troubleshoot.lint import Memo
from troubleshoot.lint.graph import components, cycle_through, shape, targets
from troubleshoot.tree.catalog import Catalog
from troubleshoot.tree.model import links

from .common import tree_of

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("folder", ["trees", "tests/fixtures/walks"])
def test_targets_are_exactly_the_model_links_for_every_node(folder: str) -> None:
    trees = list(Catalog([ROOT / folder]).trees())
    assert trees
    for tree in trees:
        for node in tree.nodes.values():
            assert targets(node) == [link.target for link in links(node)]


def test_components_find_loops_and_single_nodes() -> None:
    graph = {"a": ["b"], "b": ["a", "c"], "c": ["c"], "d": []}
    found = sorted(sorted(c) for c in components(graph, graph))
    assert found == [["a", "b"], ["c"], ["d"]]
    assert cycle_through("a", {"a", "b"}, graph) == ["a", "b", "a"]


def test_a_tree_shape_is_made_once_per_run() -> None:
    tree = tree_of(
        """
        title: T
        summary: S
        symptoms: [a, b, c]
        start: a
        nodes:
          a: {step: Restart it., fixed: done, not_fixed: gone}
          done: {resolved: Working.}
        """
    )
    memo = Memo()
    first = shape(tree, memo)
    assert shape(tree, memo) is first
    assert first.graph == {"a": ["done"], "done": []}
    assert first.dangling == {"a"}
