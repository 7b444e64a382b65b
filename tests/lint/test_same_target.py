from __future__ import annotations

from troubleshoot.lint import same_target

from .common import messages, problems, spot

TREE = """
title: T
summary: S
symptoms: [a, b, c]
start: a
nodes:
  a:
    step: Restart it.
    fixed: done
    not_fixed: {target}
  done: {resolved: Working.}
  it: {escalate: Broken., workaround: Use another.}
"""


def test_a_step_with_two_different_results_passes() -> None:
    assert problems(TREE.replace("{target}", "it"), same_target) == []


def test_fixed_and_not_fixed_to_the_same_node_is_reported_at_not_fixed() -> None:
    text = TREE.replace("{target}", "done")
    line, col = spot(text, "done\n  done")
    assert messages(text, same_target) == [
        f"t.yaml:{line}:{col}: error: node 'a': fixed and not_fixed both go to 'done'; "
        "the answer would make no difference"
    ]
