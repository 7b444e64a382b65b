from __future__ import annotations

from troubleshoot.lint import facts

from .common import messages, problems, spot

TREE = """
title: T
summary: S
symptoms: [a, b, c]
collect: [{general}]
start: a
nodes:
  a: {step: Restart it., fixed: done, not_fixed: it, cannot: it}
  done: {resolved: Working.}
  it:
    escalate: Broken.
    workaround: Use another.
    collect: [{own}]
"""


def tree(general: str, own: str) -> str:
    return TREE.replace("{general}", general).replace("{own}", own)


def test_six_facts_in_all_pass_counting_a_repeat_once() -> None:
    text = tree("PC name, Exact error", "Screen shown, Lights on, Cable used, Callback, pc NAME")
    assert problems(text, facts) == []


def test_an_escalation_asking_seven_facts_is_a_warning_at_the_end() -> None:
    text = tree("PC name, Exact error, Room", "Screen, Lights, Cable, Callback")
    line, col = spot(text, "escalate:")
    assert messages(text, facts) == [
        f"t.yaml:{line}:{col}: warning: node 'it': this escalation asks 7 facts for IT (4 of "
        "its own, 3 more from the tree's collect); ask at most 6"
    ]


def test_a_trees_own_list_of_seven_is_a_warning_at_collect_too() -> None:
    text = tree("One, Two, Three, Four, Five, Six, Seven", "One")
    line, col = spot(text, "collect:")
    end = spot(text, "escalate:")
    assert messages(text, facts) == [
        f"t.yaml:{line}:{col}: warning: collect: a walk stopped early asks these 7 facts for "
        "IT; ask at most 6",
        f"t.yaml:{end[0]}:{end[1]}: warning: node 'it': this escalation asks 7 facts for IT "
        "(1 of its own, 6 more from the tree's collect); ask at most 6",
    ]
