"""Any file at all gives a tree or the loader's own findings: never another exception."""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import given
from hypothesis import strategies as st

from tests.strategies import ANY_DATA, YAMLISH, near_misses, tree_data
from troubleshoot.errors import Finding, TroubleshootError
from troubleshoot.tree.loader import load_tree, parse_tree
from troubleshoot.tree.model import Escalate, Goto, Question, Resolved, Say, Step, Tree
from troubleshoot.tree.reader import NODE_ID

PATH = Path("generated.yaml")


def assert_valid(tree: Tree) -> None:
    """What the rest of the tool relies on once a tree has loaded."""
    assert tree.id == "generated" and tree.start in tree.nodes
    assert tree.title.strip() and tree.summary.strip()
    assert 1 <= tree.budget.minutes <= 24 * 60 and 1 <= tree.budget.steps <= 1000
    for node_id, node in tree.nodes.items():
        assert NODE_ID.match(node_id) and node.id == node_id
        if isinstance(node, Question):
            assert all(a.text and NODE_ID.match(a.next) for a in node.answers)
        elif isinstance(node, Step):
            assert node.step and 0 <= node.minutes <= 24 * 60
            assert all(NODE_ID.match(t) for t in (node.fixed, node.not_fixed, node.cannot_target))
        elif isinstance(node, Say):
            assert node.say and NODE_ID.match(node.next)
        elif isinstance(node, Goto):
            assert node.tree
        else:
            assert isinstance(node, Resolved | Escalate)


def outcome(text: str) -> tuple[Tree | None, list[Finding]]:
    tree, findings = parse_tree(PATH, text)
    assert (tree is None) == bool(findings)
    for finding in findings:
        assert isinstance(finding, Finding) and finding.path == str(PATH)
        assert finding.line >= 0 and finding.col >= 0 and finding.message
        assert "\n" not in str(finding)
    if tree is not None:
        assert_valid(tree)
    return tree, findings


@given(tree_data())
def test_a_valid_tree_loads_with_every_value_as_written(data: dict) -> None:  # type: ignore[type-arg]
    tree, findings = outcome(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    assert findings == [] and tree is not None
    assert (tree.title, tree.summary, tree.start) == (
        data["title"].strip(),
        data["summary"].strip(),
        data["start"],
    )
    assert list(tree.nodes) == list(data["nodes"])
    for node_id, written in data["nodes"].items():
        node = tree.nodes[node_id]
        if "ask" in written:
            assert isinstance(node, Question)
            assert [(a.text, a.next) for a in node.answers] == [
                (a["text"].strip(), a["next"]) for a in written["answers"]
            ]
        if "step" in written:
            assert isinstance(node, Step) and node.fixed == written["fixed"]


@given(near_misses())
def test_a_tree_with_something_changed_loads_or_gives_findings(data: object) -> None:
    outcome(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


@given(ANY_DATA)
def test_any_yaml_data_gives_a_tree_or_findings(data: object) -> None:
    _, findings = outcome(yaml.safe_dump(data))
    assert findings  # nothing but a tree's own shape is a tree


@given(YAMLISH)
def test_any_yaml_like_text_gives_a_tree_or_findings(text: str) -> None:
    outcome(text)


@given(st.binary(max_size=300))
def test_any_bytes_on_disk_give_a_tree_or_findings(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.yaml"
        path.write_bytes(data)
        tree, findings = parse_tree(path)
        assert (tree is None) == bool(findings)
        try:
            load_tree(path)
        except TroubleshootError as e:
            assert e.path == str(path)
