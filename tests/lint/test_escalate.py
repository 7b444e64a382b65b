from __future__ import annotations

from troubleshoot.lint import escalate

from .common import messages, problems, spot

TREE = """
title: T
summary: S
symptoms: [a, b, c]
start: a
nodes:
  a: {step: Restart it., fixed: done, not_fixed: last}
  done: {resolved: Working.}
  last: {last}
"""


def test_a_tree_with_an_escalate_end_passes() -> None:
    assert (
        problems(TREE.replace("{last}", "{escalate: Broken., workaround: Use another.}"), escalate)
        == []
    )


def test_a_tree_that_hands_on_with_goto_passes() -> None:
    assert problems(TREE.replace("{last}", "{goto: frozen-pc}"), escalate) == []


def test_a_tree_with_no_escalate_end_is_reported_at_nodes() -> None:
    text = TREE.replace("{last}", "{resolved: Moved PC.}")
    line, col = spot(text, "nodes:")
    assert messages(text, escalate) == [
        f"t.yaml:{line}:{col}: error: no escalate end: add one so staff can hand the problem to IT"
    ]
