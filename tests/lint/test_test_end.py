from __future__ import annotations

from troubleshoot.lint import test_end

from .common import context, messages, problems, spot

TREE = """
title: T
summary: S
symptoms: [a, b, c]
start: a
nodes:
  a: {step: Restart it., fixed: done, not_fixed: away}
  done: {resolved: Working.}
  away: {goto: other}
tests:
  - answers: [fixed]
    end: done
  - answers: [not fixed]
    end: {end}
"""
OTHER = """
title: O
summary: S
symptoms: [a, b, c]
start: esc
nodes:
  esc: {escalate: Broken., workaround: Use another.}
"""


def test_walks_ending_at_real_nodes_pass() -> None:
    assert problems(TREE.replace("{end}", "other#esc"), test_end, ctx=context(other=OTHER)) == []


def test_a_walk_ending_at_a_missing_node_is_reported_at_the_walk() -> None:
    text = TREE.replace("{end}", "dnoe")
    line, col = spot(text, "answers: [not fixed]")
    assert messages(text, test_end) == [
        f"t.yaml:{line}:{col}: error: tests[2]: end: no node 'dnoe' in this tree "
        "(did you mean 'done'?)"
    ]


def test_a_walk_ending_in_another_tree_is_checked_there() -> None:
    text = TREE.replace("{end}", "other#sec")
    assert messages(text, test_end, ctx=context(other=OTHER)) == [
        f"t.yaml:{spot(text, 'answers: [not')[0]}:5: error: tests[2]: end: tree 'other' has no "
        "node 'sec' (did you mean 'esc'?)"
    ]
    text = TREE.replace("{end}", "othr#esc")
    assert [rule for *_, rule in problems(text, test_end, ctx=context(other=OTHER))] == ["test-end"]
