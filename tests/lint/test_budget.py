from __future__ import annotations

from troubleshoot.lint import budget

from .common import messages, problems, spot

TREE = """
title: T
summary: S
symptoms: [a, b, c]
budget: {budget}
start: a
nodes:
  a: {step: Restart it., minutes: 3, fixed: done, not_fixed: b}
  b: {step: Reseat the cable., minutes: 4, fixed: done, not_fixed: q}
  q:
    ask: Does it show a light?
    answers:
      - {text: 'Yes', next: c}
      - {text: 'No', next: it}
  c: {step: Try another port., minutes: 5, fixed: done, not_fixed: a}
  done: {resolved: Working.}
  it: {escalate: Broken., workaround: Use another.}
"""


def test_a_tree_within_its_budget_passes() -> None:
    assert problems(TREE.replace("{budget}", "{minutes: 12, steps: 3}"), budget) == []


def test_too_many_steps_before_a_resolved_end_is_a_warning_naming_the_way() -> None:
    text = TREE.replace("{budget}", "{minutes: 12, steps: 2}")
    line, col = spot(text, "budget:")
    assert messages(text, budget) == [
        f"t.yaml:{line}:{col}: warning: the longest way through that does not escalate has "
        "3 steps, more than the budget of 2: a -> b -> q -> c -> done"
    ]


def test_too_many_minutes_of_steps_is_a_warning() -> None:
    text = TREE.replace("{budget}", "{minutes: 11, steps: 3}")
    assert messages(text, budget) == [
        f"t.yaml:{spot(text, 'budget:')[0]}:1: warning: the longest way through that does not "
        "escalate takes 12 minutes of steps, more than the budget of 11: a -> b -> q -> c -> done"
    ]


def test_ways_that_escalate_do_not_count() -> None:
    text = TREE.replace("{budget}", "{minutes: 12, steps: 3}").replace(
        "fixed: done, not_fixed: a}", "fixed: it, not_fixed: it}"
    )
    assert problems(text.replace("steps: 3", "steps: 2"), budget) == []


def test_a_goto_ends_the_way() -> None:
    text = """
    title: T
    summary: S
    symptoms: [a, b, c]
    budget: {steps: 2}
    start: a
    nodes:
      a: {step: Restart it., fixed: done, not_fixed: b}
      b: {step: Reseat the cable., fixed: away, not_fixed: it}
      away: {goto: other}
      done: {resolved: Working.}
      it: {escalate: Broken., workaround: Use another.}
    """
    assert problems(text, budget) == []
    found = messages(text.replace("steps: 2", "steps: 1"), budget)
    assert len(found) == 1
    assert found[0].endswith("has 2 steps, more than the budget of 1: a -> b -> away")


def test_a_long_chain_is_measured_without_recursion() -> None:
    count = 3000
    nodes = "".join(
        f"  s{i}: {{step: Step {i}., minutes: 0, fixed: done, not_fixed: s{i + 1}}}\n"
        for i in range(count)
    )
    text = (
        "title: T\nsummary: S\nsymptoms: [a, b, c]\nstart: s0\nnodes:\n"
        + nodes
        + f"  s{count}: {{escalate: Broken., workaround: Use another.}}\n"
        + "  done: {resolved: Working.}\n"
    )
    found = messages(text, budget)
    assert len(found) == 1 and f"has {count} steps" in found[0]
