from __future__ import annotations

from troubleshoot.lint import unreachable

from .common import context, messages, problems, spot

TREE = """
title: T
summary: S
symptoms: [a, b, {text: stuck job, node: job}]
start: where
nodes:
  where:
    ask: Where from?
    answers:
      - {text: A library PC, next: done}
      - {text: A laptop, next: it}
  job: {step: Clear the job., fixed: done, not_fixed: it}
  old: {resolved: Left over from an edit.}
  done: {resolved: Printed.}
  it: {escalate: Stuck., workaround: Use the other printer.}
"""


def test_node_nothing_leads_to_is_reported_at_the_node() -> None:
    line, col = spot(TREE, "{resolved: Left over")
    assert messages(TREE, unreachable) == [
        f"t.yaml:{line}:{col}: error: node 'old': cannot be reached from start 'where' "
        "(no answer, step, symptom or goto leads to it)"
    ]


def test_a_symptom_pointing_at_a_node_makes_it_reachable() -> None:
    without = TREE.replace("{text: stuck job, node: job}", "c")
    assert problems(TREE, unreachable) == [(*spot(TREE, "{resolved: Left over"), "unreachable")]
    assert problems(without, unreachable) == [
        (*spot(without, "{step: Clear"), "unreachable"),
        (*spot(without, "{resolved: Left over"), "unreachable"),
    ]


def test_a_goto_from_another_tree_makes_a_node_reachable() -> None:
    other = """
    title: O
    summary: S
    symptoms: [a, b, c]
    start: a
    nodes:
      a: {goto: t#old}
    """
    assert problems(TREE, unreachable, ctx=context(other=other)) == []


def test_nodes_behind_a_misspelt_link_are_not_reported_again() -> None:
    only_by_answer = TREE.replace("fixed: done,", "fixed: it,")
    typo = only_by_answer.replace("next: done}", "next: dnoe}")
    assert problems(typo, unreachable) == problems(only_by_answer, unreachable)
    unguessable = only_by_answer.replace("next: done}", "next: finished}")
    assert (*spot(TREE, "{resolved: Printed"), "unreachable") in problems(unguessable, unreachable)
